"""Reading a minutes file for the review dialog: choosing the file, parsing it off the UI
thread, showing the meeting it is of and the proposals, and a dry run that says how much of it
the tracker holds already.

``ReviewReading`` is a part of ``MinutesReviewDialog``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.domain import dates
from desktop_app.importers.minutes import MinutesProposal, parse_minutes_file
from desktop_app.services.minutes_import import ImportSummary, everything, save_minutes
from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.minutes_review.model import ReviewState
from desktop_app.ui.minutes_review.text import (AMBER, RED, committee_name, preview_text,
                                                same_committee)
from desktop_app.ui.meetings.meetings_model import format_time

log = logging.getLogger("desktop_app.ui.minutes_review.dialog")    # one log for the whole screen

KEY_FOLDER = "minutes/last_folder"
FILE_FILTER = "Minutes (*.txt *.md *.html *.htm *.docx);;All files (*)"


class ReviewReading:
    """Choose, read and show a minutes file; preview what saving it would add."""

    def choose_file(self, first: bool = False) -> None:
        if self._closed or self._saving:
            return
        start = str(Path(self.path).parent) if self.path else app_state.read_str(KEY_FOLDER)
        path, _ = QFileDialog.getOpenFileName(self, "Choose minutes to review", start,
                                              FILE_FILTER)
        if path:
            app_state.write(KEY_FOLDER, str(Path(path).parent))
            self.load(path)
        elif first and self.proposal is None:
            self.reject()

    def load(self, path: str) -> None:
        """Read and parse ``path`` off the UI thread, then show the proposal."""
        self.path = str(path)
        self.phase = "reading"
        self._generation += 1
        self.result_label.hide()
        name = Path(self.path).name
        self.heading.setText(f"Review minutes: {name}")
        self.file_label.setText(self.path)
        self.file_label.setToolTip(self.path)
        self.meeting_box.hide()
        self._show_placeholder(f"Reading {name}\u2026")
        self._update_buttons()
        db, committee, source = self.db, self.committee, self.path

        def work(ctx) -> tuple[MinutesProposal, str]:
            proposal = parse_minutes_file(source)
            return proposal, committee_name(db, committee)

        self._start(work, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[MinutesProposal, str]) -> None:
        proposal, self.committee_name = result
        self._loaded_path = self.path
        self.proposal = proposal
        self.review = ReviewState(proposal)
        self._unsaved_edits = False
        self.phase = "ready"
        self.model.set_state(self.review)
        self.stack.setCurrentWidget(self.splitter)
        self._show_meeting()
        self._select_first()
        self._update_buttons()
        self._preview()

    def _load_failed(self, exc: BaseException) -> None:
        self.phase = "failed" if self.proposal is None else "ready"
        name = Path(self.path or "").name
        if self.proposal is None:
            self.heading.setText("Review minutes")
            self._show_placeholder(f"Could not read {name}.\n{first_line(exc)}\n\n"
                                   "Choose another file to carry on.")
        else:  # another file was chosen and failed: keep reviewing the one already read
            self.path = self._loaded_path
            self.heading.setText(f"Review minutes: {Path(self.path).name}")
            self.file_label.setText(self.path)
            self.file_label.setToolTip(self.path)
            self.stack.setCurrentWidget(self.splitter)
            self.meeting_box.show()
        self._update_buttons()
        show_error(self, exc, "Cannot read the minutes")

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def _show_meeting(self) -> None:
        p = self.proposal
        if p.meeting_date is not None:
            when = dates.format_uk(p.meeting_date, "full")
            if p.start_time is not None:
                when += f", {format_time(p.start_time)}"
            self.when_label.setText(when)
            self.when_label.show()
            self.date_row.hide()
        else:
            self.when_label.hide()
            self.date_row.show()
            time = f" (starting {format_time(p.start_time)})" if p.start_time else ""
            self.date_hint.setText("The minutes do not give the meeting date: enter it to "
                                   f"save them{time}.")
        self.venue_label.setText(f"Venue: {p.venue}" if p.venue else "Venue: not given")
        text = f"Saving to: {self.committee_name}"
        mismatch = bool(p.committee_name) and not same_committee(p.committee_name,
                                                                  self.committee_name)
        if mismatch:
            text += f" \u2014 note: the minutes are of the \u201c{p.committee_name}\u201d"
        self.committee_label.setText(text)
        self.committee_label.setStyleSheet(AMBER if mismatch else "color: #5f6368;")
        self.preview_label.setText("")
        self.preview_label.setVisible(False)
        self.meeting_box.show()

    def _select_first(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        for row in range(self.model.rowCount()):
            parent = self.model.index(row, 0)
            if self.model.rowCount(parent):
                self.tree.setCurrentIndex(self.model.index(0, 0, parent))
                return
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    # ------------------------------------------------------------------ what is stored already
    def _preview(self) -> None:
        """A dry run of the whole proposal: is this meeting saved, and how much of it?"""
        day = self.meeting_date()
        if self.proposal is None or day is None or self._closed:
            return
        self._generation += 1
        generation = self._generation
        db, committee, proposal = self.db, self.committee, self.proposal
        given = None if proposal.meeting_date else day

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, proposal, accept=everything,
                                meeting_date=given, dry_run=True)

        self._start(work, lambda summary: self._previewed(generation, summary),
                    lambda exc: self._preview_failed(generation, exc))

    def _previewed(self, generation: int, summary: ImportSummary) -> None:
        if generation != self._generation or self.review is None:
            return
        recs, actions = self.review.totals()
        text = preview_text(summary, recs, actions)
        self.preview_label.setStyleSheet("color: #5f6368;")
        self.preview_label.setText(text)
        self.preview_label.show()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.info("minutes preview failed: %s", exc)
        self.preview_label.setStyleSheet(RED)
        self.preview_label.setText(first_line(exc))
        self.preview_label.show()
