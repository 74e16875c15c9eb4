"""What the minutes review dialog shows as the controller reads, previews and saves: the file,
the meeting the minutes are of, the list, the dry run's answer and the result of a save.

``ReviewDisplay`` is owned by ``MinutesReviewDialog`` (``dialog.display``) and fills the widgets
that ``layout.lay_out`` made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop_app.domain import dates
from desktop_app.ui.meetings.meetings_model import format_time
from desktop_app.ui.minutes_review.model import ReviewState
from desktop_app.ui.minutes_review.text import AMBER, BANNER, attendance_text, same_committee

if TYPE_CHECKING:
    from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog


class ReviewDisplay:
    """Shows the state of one review in its dialog's widgets."""

    def __init__(self, dialog: MinutesReviewDialog):
        self.dialog = dialog

    def show_placeholder(self, text: str) -> None:
        d = self.dialog
        d.placeholder.setText(text)
        d.stack.setCurrentWidget(d.placeholder)

    def _show_file(self, path: str) -> None:
        d = self.dialog
        d.heading.setText(f"Review minutes: {Path(path).name}")
        d.file_label.setText(path)
        d.file_label.setToolTip(path)

    def show_reading(self, path: str) -> None:
        d = self.dialog
        d.result_label.hide()
        self._show_file(path)
        d.meeting_box.hide()
        self.show_placeholder(f"Reading {Path(path).name}\u2026")
        d.update_buttons()

    def show_review(self, review: ReviewState) -> None:
        d = self.dialog
        d.model.set_state(review)
        d.stack.setCurrentWidget(d.splitter)
        self._show_meeting()
        self._select_first()
        d.update_buttons()

    def show_read_failed(self, name: str, reason: str) -> None:
        d = self.dialog
        d.heading.setText("Review minutes")
        self.show_placeholder(f"Could not read {name}.\n{reason}\n\n"
                              "Choose another file to carry on.")

    def show_still_reviewing(self, path: str) -> None:
        d = self.dialog
        self._show_file(path)
        d.stack.setCurrentWidget(d.splitter)
        d.meeting_box.show()

    def _show_meeting(self) -> None:
        d = self.dialog
        p = d.controller.proposal
        if p.meeting_date is not None:
            when = dates.format_uk(p.meeting_date, "full")
            if p.start_time is not None:
                when += f", {format_time(p.start_time)}"
            d.when_label.setText(when)
            d.when_label.show()
            d.date_row.hide()
        else:
            d.when_label.hide()
            d.date_row.show()
            time = f" (starting {format_time(p.start_time)})" if p.start_time else ""
            d.date_hint.setText("The minutes do not give the meeting date: enter it to "
                                   f"save them{time}.")
        venue = f"Venue: {p.venue}" if p.venue else "Venue: not given"
        who = attendance_text(p)
        d.venue_label.setText(f"{venue}\n{who}" if who else venue)
        self.show_committee_note()
        d.preview_label.setText("")
        d.preview_label.setVisible(False)
        d.meeting_box.show()

    def show_committee_note(self) -> None:
        """Beside the chooser: what the minutes say they are of, in amber when that is not the
        committee chosen."""
        d = self.dialog
        p = d.controller.proposal
        named = p.committee_name if p is not None else ""
        chosen = d.controller.committee_name
        if not named:
            text, mismatch = "", False
        elif same_committee(named, chosen):
            text, mismatch = "named in the minutes", False
        elif d.controller.named is None:
            text, mismatch = (f"note: the minutes are of the \u201c{named}\u201d, which is not "
                              "in the tracker"), True
        else:
            text, mismatch = f"note: the minutes are of the \u201c{named}\u201d", True
        d.committee_label.setText(text)
        d.committee_label.setStyleSheet(AMBER if mismatch else "color: #5f6368;")

    def _select_first(self) -> None:
        d = self.dialog
        d.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        for row in range(d.model.rowCount()):
            parent = d.model.index(row, 0)
            if d.model.rowCount(parent):
                d.tree.setCurrentIndex(d.model.index(0, 0, parent))
                return
        if d.model.rowCount():
            d.tree.setCurrentIndex(d.model.index(0, 0))

    def show_preview(self, text: str, style: str) -> None:
        d = self.dialog
        d.preview_label.setStyleSheet(style)
        d.preview_label.setText(text)
        d.preview_label.show()

    def show_saved(self, text: str, created_anything: bool) -> None:
        d = self.dialog
        d.result_label.setText(text)
        d.result_label.setStyleSheet(BANNER["saved" if created_anything else "nothing"])
        d.result_label.show()
        d.preview_label.hide()
        d.close_button.setText("Close")
        d.update_buttons()
