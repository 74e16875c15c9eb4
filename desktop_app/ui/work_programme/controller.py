"""What people do on the Work programme tab, as service calls: read the committee's programme
and meetings; add, change, move (with the reason kept), drop and restore items. Each edit goes
onto the undo stack (``UndoableEdits``); a move is undone by moving back.

``WorkProgrammeController`` is owned by the tab (``tab.controller``); the tab lays out and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain import dates
from desktop_app.domain.enums import WorkFormat, WorkStatus
from desktop_app.domain.records import MeetingRow, WorkItemRow
from desktop_app.ui.lazy import service
from desktop_app.services import window_read
from desktop_app.services.errors import ServiceError
from desktop_app.ui.undo import UndoableEdits
from desktop_app.ui.work_programme.work_programme_model import section_key_of

wp_service = service("work_programme")

if TYPE_CHECKING:   # the dialogs are imported when first opened (issue 18: a quicker start)
    from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog, WorkItemDialog
    from desktop_app.ui.work_programme.work_programme_tab import WorkProgrammeTab


class WorkProgrammeController:
    """Reads and edits for one Work programme tab."""

    def __init__(self, tab: WorkProgrammeTab):
        self.tab = tab
        self.db = tab.db
        self.edits = UndoableEdits(tab, "work programme item", tab.after_edit)

    def load(self, committee: str) -> tuple[list[WorkItemRow], list[MeetingRow]]:
        """The committee's work programme items and its meetings."""
        try:
            return window_read.work_page(self.db, committee)   # quick when it can
        except ServiceError as exc:
            self.tab.status.emit(str(exc))
            return [], []

    def _meetings(self):
        return self.tab.model.meetings()

    def new_item(self, format: str | None = None) -> WorkItemDialog | None:
        tab = self.tab
        if not tab.committee:
            return None
        section = tab.current_section()
        if format is None:
            format = section.key[1] if section and section.key[0] == "format" else WorkFormat.AGENDA_ITEM.value
        meeting_id = section.meeting.id if section and section.meeting else None

        def submit(v: dict):
            row = wp_service.add_work_item(
                self.db, tab.committee, v["title"], format=v["format"], meeting=v["meeting"],
                scrutiny_type=v["scrutiny_type"], origin=v["origin"], lead=v["lead"],
                position=v["position"], target=v["target"], target_date=v["target_date"])
            tab.after_edit(row)
            tab.status.emit(f"Added \u201c{row.title}\u201d to the work programme")
            return row

        from desktop_app.ui.work_programme.work_item_dialogs import WorkItemDialog
        dialog = WorkItemDialog(self.tab, None, self._meetings(), format, meeting_id,
                                on_submit=submit)
        dialog.open()
        return dialog

    def edit_item(self) -> WorkItemDialog | None:
        item = self.tab.current_item()
        if item is None:
            return None
        old = {"title": item.title, "format": item.format, "scrutiny_type": item.scrutiny_type,
               "origin": item.origin, "lead_officers": item.lead,
               "current_position": item.position, "target_text": item.target,
               "target_date": item.target_date, "status": item.status}

        def submit(v: dict):
            values = {"title": v["title"], "format": v["format"],
                      "scrutiny_type": v["scrutiny_type"], "origin": v["origin"],
                      "lead_officers": v["lead"], "current_position": v["position"],
                      "target_text": v["target"], "target_date": v["target_date"],
                      "status": v["status"]}
            new = {k: val for k, val in values.items() if val != old[k] and
                   not (k == "target_date" and val is None)}
            if not new:
                return item
            return self.edits.versioned(wp_service.update_work_item, item.id, item.version, new,
                                   {k: old[k] for k in new}, f"Edit \u201c{item.title}\u201d",
                                   in_dialog=True)

        from desktop_app.ui.work_programme.work_item_dialogs import WorkItemDialog
        dialog = WorkItemDialog(self.tab, item, self._meetings(), on_submit=submit)
        dialog.open()
        return dialog

    def move_item(self, to_date=None, preselect: bool = False,
                  item: WorkItemRow | None = None) -> MoveDialog | None:
        """Ask for the meeting and the reason, then move (the command "Move to meeting…")."""
        item = item or self.tab.current_item()
        if item is None or section_key_of(item)[0] == "format":
            return None

        def submit(v: dict):
            return self.apply_move(item, v["to_date"], v["reason"], in_dialog=True)

        from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog
        dialog = MoveDialog(self.tab, item, self._meetings(), to_date, preselect, on_submit=submit)
        dialog.open()
        return dialog

    def apply_move(self, item: WorkItemRow, to_date, reason: str, in_dialog: bool = False):
        """Move through the service; Undo moves it back and restores position and status."""
        where = dates.format_uk(to_date) if to_date else "To be scheduled"
        kind = wp_service.update_work_item.__name__      # as self.edits.versioned keys it
        self.edits.saw(kind, item.id, item.version)

        def do():
            row = wp_service.move_work_item(self.db, item.id, to_date, reason,
                                            if_version=self.edits.last_seen(kind, item.id,
                                                                            item.version))
            self.edits.saw(kind, item.id, row.version)
            return row

        def undo():
            back = wp_service.move_work_item(self.db, item.id, item.meeting_date,
                                             f"Move to {where} undone",
                                             if_version=self.edits.last_seen(kind, item.id,
                                                                             item.version))
            row = wp_service.update_work_item(self.db, item.id, if_version=back.version,
                                              current_position=item.position,
                                              status=item.status)
            self.edits.saw(kind, item.id, row.version)
            return row

        row = self.edits.push(f"Move \u201c{item.title}\u201d to {where}", do, undo, in_dialog)
        if row is not None:
            self.tab.select_item(row.id)
        return row

    def drop_item(self) -> None:
        item = self.tab.current_item()
        if item is None or item.status == WorkStatus.DROPPED:
            return
        state: dict = {}

        def do():
            row = wp_service.drop_work_item(self.db, item.id)
            state["version"] = row.version
            return row

        def undo():
            return wp_service.update_work_item(self.db, item.id, if_version=state.get("version"),
                                               status=item.status,
                                               current_position=item.position)

        self.edits.push(f"Drop \u201c{item.title}\u201d", do, undo)

    def restore_item(self) -> None:
        item = self.tab.current_item()
        if item is None or item.status != WorkStatus.DROPPED:
            return
        status = (WorkStatus.SCHEDULED if item.meeting_id else WorkStatus.PROPOSED).value
        self.edits.versioned(wp_service.update_work_item, item.id, item.version, {"status": status},
                        {"status": WorkStatus.DROPPED.value}, f"Restore \u201c{item.title}\u201d")

