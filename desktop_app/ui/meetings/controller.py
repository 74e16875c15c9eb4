"""Edits on the Meetings tab: add a meeting, change it, mark it held or cancelled; add and
change agenda items. Each goes through the services and onto the undo stack.

``MeetingEdits`` is a part of ``MeetingsTab``."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain import dates
from desktop_app.services import meetings as meetings_service
from desktop_app.services.common import today
from desktop_app.ui.meetings.meetings_model import meeting_heading
from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog, MeetingDialog


class MeetingEdits:
    """New / edit meeting, mark held, cancel; add / edit agenda item."""

    # -- meetings
    def _meeting_defaults(self) -> dict:
        rows = [self.meetings_model.row_at(r) for r in range(self.meetings_model.rowCount())]
        latest = max(rows, key=lambda r: r.date, default=None)
        base = max(latest.date + dt.timedelta(days=42), today()) if latest else today()
        timed = [r for r in sorted(rows, key=lambda r: r.date) if r.time]
        placed = [r for r in sorted(rows, key=lambda r: r.date) if r.venue]
        return {"date": base, "time": timed[-1].time if timed else dt.time(14, 30),
                "venue": placed[-1].venue if placed else "", "kind": "mainstream"}

    def new_meeting(self) -> MeetingDialog | None:
        self._save_minutes_if_changed()
        if not self.committee:
            return None

        def submit(v: dict):
            row = meetings_service.add_meeting(
                self.db, self.committee, v["date"], time=v["start_time"], venue=v["venue"],
                kind=v["kind"], publication_deadline=v["publication_deadline_override"],
                questions_deadline=v["questions_deadline_override"])
            self._meeting = row
            self._after_edit()
            self.select_meeting(row.id)
            self.status.emit(f"Added the meeting on {dates.format_uk(row.date, 'full')}")
            return row

        dialog = MeetingDialog(self, None, self._meeting_defaults(), on_submit=submit)
        dialog.open()
        return dialog

    def edit_meeting(self) -> MeetingDialog | None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None:
            return None
        old = {"date": m.date, "start_time": m.time, "venue": m.venue, "kind": m.kind,
               "publication_deadline_override": (
                   None if m.publication_deadline == dates.publication_deadline(m.date)
                   else m.publication_deadline),
               "questions_deadline_override": (
                   None if m.questions_deadline == dates.questions_deadline(m.date)
                   else m.questions_deadline)}

        def submit(v: dict):
            new = {k: val for k, val in v.items() if val != old[k]}
            if not new:
                return m
            back = {k: old[k] for k in new}
            return self._versioned(meetings_service.update_meeting, m.id, m.version, new, back,
                                   f"Edit the meeting on {dates.format_uk(m.date)}", True)

        dialog = MeetingDialog(self, m, on_submit=submit)
        dialog.open()
        return dialog

    def _set_status(self, status: str, verb: str) -> None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None or m.status == status:
            return
        self._versioned(meetings_service.update_meeting, m.id, m.version, {"status": status},
                        {"status": m.status}, f"{verb} the meeting on {dates.format_uk(m.date)}")

    def mark_held(self) -> None:
        self._set_status("held", "Mark held")

    def cancel_meeting(self) -> None:
        self._set_status("cancelled", "Cancel")

    # -- agenda items
    def add_item(self) -> AgendaItemDialog | None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None:
            return None
        numbers = [int(i.number) for i in m.items if i.number.isdigit()]
        number = str(max(numbers, default=0) + 1)

        def submit(v: dict):
            state: dict = {}

            def do():
                row = meetings_service.add_item(
                    self.db, self.committee, m.date, v["number"], v["title"],
                    purpose=v["purpose"], lead=v["lead_officers"],
                    scrutiny_type=v["scrutiny_type"], exempt_paragraph=v["exempt_paragraph"] or None)
                state["id"] = row.id
                return row

            row = self.push(f"Add agenda item {v['number']}", do,
                            lambda: meetings_service.remove_item(self.db, state["id"]), True)
            self.select_item(row.id)
            return row

        dialog = AgendaItemDialog(self, None, number, meeting_heading(m), on_submit=submit)
        dialog.open()
        return dialog

    def edit_item(self) -> AgendaItemDialog | None:
        self._save_minutes_if_changed()
        item, m = self._item, self._meeting
        if item is None or m is None:
            return None
        old = {"number": item.number, "title": item.title, "scrutiny_type": item.scrutiny_type,
               "purpose": item.purpose, "lead_officers": item.lead_officers,
               "exempt_paragraph": item.exempt_paragraph if item.exempt else ""}

        def submit(v: dict):
            new = {k: val for k, val in v.items() if val != old[k]}
            if not new:
                return item
            return self._versioned(meetings_service.update_item, item.id, item.version, new,
                                   {k: old[k] for k in new}, f"Edit agenda item {item.number}",
                                   True)

        dialog = AgendaItemDialog(self, item, meeting_text=meeting_heading(m), on_submit=submit)
        dialog.open()
        return dialog
