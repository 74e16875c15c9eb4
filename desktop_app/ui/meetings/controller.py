"""What people do on the Meetings tab, as service calls: read the committee's meetings (and
what each meeting asked for), add a meeting, change it, mark it held or cancelled; add and
change agenda items, save their minutes, attach their reports. Each edit goes onto the undo
stack (``UndoableEdits``).

``MeetingsController`` is owned by the tab (``tab.controller``); the tab lays out and shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingKind, MeetingStatus
from desktop_app.domain.records import MeetingRow, WorkItemRow
from desktop_app.ui.lazy import service
from desktop_app.services import window_read
from desktop_app.services.clock import today
from desktop_app.services.errors import ServiceError
from desktop_app.ui.meetings.meetings_model import meeting_heading
from desktop_app.ui.errors import show_error
from desktop_app.ui.undo import UndoableEdits

attendance_service = service("attendance")
committees_service = service("committees")
approval_service = service("minutes_approval")
meetings_service = service("meetings")

if TYPE_CHECKING:   # the dialogs are imported when first opened (issue 18: a quicker start)
    from desktop_app.ui.meetings.attendance_dialog import AttendanceDialog
    from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog, MeetingDialog
    from desktop_app.ui.meetings.meetings_tab import MeetingsTab


class MeetingsController:
    """Reads and edits for one Meetings tab."""

    def __init__(self, tab: MeetingsTab):
        self.tab = tab
        self.db = tab.db
        self.edits = UndoableEdits(tab, "meeting", tab.after_edit)
        self._outcomes: dict[int, list] = {}   # meeting id -> its recommendations and actions
        self._sheets: dict[int, object] = {}   # meeting id -> its attendance sheet

    # ================================================================== reading
    def load(self, committee: str, pick: Callable[[list[MeetingRow]], int | None]
             ) -> tuple[list[MeetingRow], list[WorkItemRow]]:
        """The committee's meetings (upcoming first) and its work programme; with them, in the
        same reading, what the meeting ``pick`` chooses will show (``outcomes_of``,
        ``attendance_of``)."""
        # The recommendations and actions are read per meeting, when one is shown (see
        # outcomes_of), not all of them here: with 10,000 actions that took a second.
        self._outcomes = {}
        self._sheets = {}
        try:
            page = window_read.meetings_page(self.db, committee, pick)   # quick when it can
        except ServiceError as exc:
            self.tab.status.emit(str(exc))
            return [], []
        if page.shown is not None:
            if page.outcomes is not None:
                self._outcomes[page.shown] = page.outcomes
            if page.attendance is not None:
                self._sheets[page.shown] = page.attendance
        return page.meetings, page.work

    def outcomes_of(self, meeting_id: int) -> list:
        """The meeting's recommendations, then its actions (read once per load)."""
        found = self._outcomes.get(meeting_id)
        if found is None:
            committee = self.tab.committee
            try:
                found = [*window_read.list_recommendations(self.db, committee,   # quick
                                                           meeting_id=meeting_id),
                         *window_read.list_actions(self.db, committee, meeting_id=meeting_id)]
            except ServiceError as exc:
                self.tab.status.emit(str(exc))
                found = []
            self._outcomes[meeting_id] = found
        return found

    def attendance_of(self, meeting_id: int):
        """The meeting's attendance sheet and minutes approval (read once per load)."""
        found = self._sheets.get(meeting_id)
        if found is None:
            try:
                found = window_read.get_attendance(self.db, meeting_id)   # quick when it can
            except ServiceError as exc:
                self.tab.status.emit(str(exc))
                return None
            self._sheets[meeting_id] = found
        return found

    # ================================================================== attendance
    def edit_attendance(self) -> AttendanceDialog | None:
        """Who attended the chosen meeting, and where its minutes were approved: one edit
        that Undo reverses (both parts), checked against anyone else's change."""
        self.save_typed_minutes()
        m = self.tab.current_meeting()
        if m is None:
            return None
        try:
            sheet = attendance_service.get_attendance(self.db, m.id)
            members = committees_service.list_members(self.db, self.tab.committee)
        except ServiceError as exc:
            show_error(self.tab, exc)
            return None
        model = self.tab.meetings_model
        later = sorted(((r.id, r.date) for r in (model.row_at(i) for i in range(model.rowCount()))
                        if r.date > m.date and r.status != MeetingStatus.CANCELLED),
                       key=lambda pair: pair[1])
        old_entries, old_at = list(sheet.entries), sheet.minutes_approved_meeting_id

        def submit(v: dict):
            state = {"version": sheet.version}
            approval_changes = v["approved_at"] != old_at

            def apply(entries, at):
                def run():
                    new = attendance_service.set_attendance(self.db, m.id, entries,
                                                            if_version=state["version"])
                    state["version"] = new.version
                    if approval_changes:
                        approval_service.approve_minutes(self.db, m.id, at)
                    return new
                return run

            return self.edits.push(f"Edit the attendance of {dates.format_uk(m.date)}",
                                   apply(v["entries"], v["approved_at"]),
                                   apply(old_entries, old_at), True)

        from desktop_app.ui.meetings.attendance_dialog import AttendanceDialog
        dialog = AttendanceDialog(self.tab, meeting_heading(m), members, sheet, later,
                                  on_submit=submit)
        dialog.open()
        return dialog

    # ================================================================== meetings
    def _meeting_defaults(self) -> dict:
        model = self.tab.meetings_model
        rows = [model.row_at(r) for r in range(model.rowCount())]
        latest = max(rows, key=lambda r: r.date, default=None)
        base = max(latest.date + dt.timedelta(days=42), today()) if latest else today()
        timed = [r for r in sorted(rows, key=lambda r: r.date) if r.time]
        placed = [r for r in sorted(rows, key=lambda r: r.date) if r.venue]
        return {"date": base, "time": timed[-1].time if timed else dt.time(14, 30),
                "venue": placed[-1].venue if placed else "", "kind": MeetingKind.MAINSTREAM.value}

    def new_meeting(self) -> MeetingDialog | None:
        self.save_typed_minutes()
        tab = self.tab
        if not tab.committee:
            return None

        def submit(v: dict):
            row = meetings_service.add_meeting(
                self.db, tab.committee, v["date"], time=v["start_time"], venue=v["venue"],
                kind=v["kind"], publication_deadline=v["publication_deadline_override"],
                questions_deadline=v["questions_deadline_override"])
            tab.after_edit()
            tab.select_meeting(row.id)
            tab.status.emit(f"Added the meeting on {dates.format_uk(row.date, 'full')}")
            return row

        from desktop_app.ui.meetings.meeting_dialogs import MeetingDialog
        dialog = MeetingDialog(tab, None, self._meeting_defaults(), on_submit=submit)
        dialog.open()
        return dialog

    def edit_meeting(self) -> MeetingDialog | None:
        self.save_typed_minutes()
        m = self.tab.current_meeting()
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
            return self.edits.versioned(meetings_service.update_meeting, m.id, m.version, new,
                                        back, f"Edit the meeting on {dates.format_uk(m.date)}",
                                        True)

        from desktop_app.ui.meetings.meeting_dialogs import MeetingDialog
        dialog = MeetingDialog(self.tab, m, on_submit=submit)
        dialog.open()
        return dialog

    def _set_status(self, status: str, verb: str) -> None:
        self.save_typed_minutes()
        m = self.tab.current_meeting()
        if m is None or m.status == status:
            return
        self.edits.versioned(meetings_service.update_meeting, m.id, m.version,
                             {"status": status}, {"status": m.status},
                             f"{verb} the meeting on {dates.format_uk(m.date)}")

    def mark_held(self) -> None:
        self._set_status(MeetingStatus.HELD.value, "Mark held")

    def cancel_meeting(self) -> None:
        self._set_status(MeetingStatus.CANCELLED.value, "Cancel")

    # ================================================================== agenda items
    def add_item(self) -> AgendaItemDialog | None:
        self.save_typed_minutes()
        tab = self.tab
        m = tab.current_meeting()
        if m is None:
            return None
        numbers = [int(i.number) for i in m.items if i.number.isdigit()]
        number = str(max(numbers, default=0) + 1)

        def submit(v: dict):
            state: dict = {}

            def do():
                row = meetings_service.add_item(
                    self.db, tab.committee, m.date, v["number"], v["title"],
                    purpose=v["purpose"], lead=v["lead_officers"],
                    scrutiny_type=v["scrutiny_type"],
                    exempt_paragraph=v["exempt_paragraph"] or None)
                state["id"] = row.id
                return row

            row = self.edits.push(f"Add agenda item {v['number']}", do,
                                  lambda: meetings_service.remove_item(self.db, state["id"]),
                                  True)
            tab.select_item(row.id)
            return row

        from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog
        dialog = AgendaItemDialog(tab, None, number, meeting_heading(m), on_submit=submit)
        dialog.open()
        return dialog

    def edit_item(self) -> AgendaItemDialog | None:
        self.save_typed_minutes()
        item, m = self.tab.current_item(), self.tab.current_meeting()
        if item is None or m is None:
            return None
        old = {"number": item.number, "title": item.title, "scrutiny_type": item.scrutiny_type,
               "purpose": item.purpose, "lead_officers": item.lead_officers,
               "exempt_paragraph": item.exempt_paragraph if item.exempt else ""}

        def submit(v: dict):
            new = {k: val for k, val in v.items() if val != old[k]}
            if not new:
                return item
            return self.edits.versioned(meetings_service.update_item, item.id, item.version,
                                        new, {k: old[k] for k in new},
                                        f"Edit agenda item {item.number}", True)

        from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog
        dialog = AgendaItemDialog(self.tab, item, meeting_text=meeting_heading(m),
                                  on_submit=submit)
        dialog.open()
        return dialog

    # -- minutes
    def save_typed_minutes(self, later: bool = False) -> None:
        """Typed minutes are saved (never lost) before anything else happens to the item."""
        if self.tab.item_panel.minutes_typed():
            self.save_minutes(later)

    def save_minutes(self, later: bool = False) -> None:
        item = self.tab.current_item()
        if item is None:
            return
        text = self.tab.item_panel.take_minutes()
        if text == item.minutes_text:
            return
        self.edits.versioned(meetings_service.update_item, item.id, item.version,
                             {"minutes_text": text}, {"minutes_text": item.minutes_text},
                             f"Edit the minutes of item {item.number}", later=later)

    # -- reports
    def retitle_report(self) -> None:
        """The title typed for the chosen report: saved, as the pack will name it."""
        panel = self.tab.item_panel
        chosen = panel.chosen_attachment()
        title = " ".join(panel.report_title_edit.text().split())
        if chosen is None or title == chosen.title:
            return
        from desktop_app.services.attachment_titles import set_attachment_title
        if self.edits.run(lambda: set_attachment_title(self.db, chosen.id, title)) is None:
            return
        self.tab.after_edit()
        self.tab.status.emit(f"Report titled {title!r}" if title else
                             "Report title cleared: the pack uses the PDF's own title")

    def attach_reports(self) -> None:
        self.save_typed_minutes()
        item = self.tab.current_item()
        if item is None:
            return
        start = str(Path(item.attachments[-1].path).parent) if item.attachments else ""
        from PySide6.QtWidgets import QFileDialog
        paths, _ = QFileDialog.getOpenFileNames(self.tab, f"Attach reports to item {item.number}",
                                                start, "PDF files (*.pdf);;All files (*)")
        if not paths:
            return
        for path in paths:
            if self.edits.run(lambda p=path: meetings_service.attach_file(self.db, item.id,
                                                                          p)) is None:
                break
        self.tab.after_edit()
        self.tab.status.emit(f"Attached {len(paths)} report(s) to item {item.number}")
