"""What the minutes review screen does: choose a minutes file, parse it off the UI thread, dry-run
it to say how much the tracker holds already, and save the ticked proposals.

``MinutesReviewController`` is owned by ``MinutesReviewDialog`` (``dialog.controller``) and holds
what was read (``proposal``, ``review``) and where the screen is (``phase``); the dialog lays out
and shows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop_app.services.workspace import Database
from desktop_app.services.minutes_reading import MinutesProposal, parse_minutes_file
from desktop_app.services.minutes_import import ImportSummary, everything, save_minutes
from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.minutes_review.model import ReviewState
from desktop_app.ui.minutes_review.text import (RED, committee_name, named_committee,
                                                preview_text, summary_text)

if TYPE_CHECKING:
    from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog

log = logging.getLogger("desktop_app.ui.minutes_review")    # one log for the whole screen

KEY_FOLDER = "minutes/last_folder"
FILE_FILTER = "Minutes (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"


class MinutesReviewController:
    """Choose, read, preview and save a minutes file for one review dialog."""

    def __init__(self, dialog: MinutesReviewDialog, db: Database, committee: str):
        self.dialog = dialog
        self.db = db
        self.committee = committee
        self.committee_name = committee          # the full name, once the database says it
        self.named: str | None = None            # the existing committee the minutes name
        self.path: str | None = None
        self._loaded_path: str | None = None
        self.proposal: MinutesProposal | None = None
        self.review: ReviewState | None = None
        self.last_summary: ImportSummary | None = None
        self.phase = "empty"                     # empty / reading / ready / failed
        self.saving = False
        self.unsaved_edits = False
        self._generation = 0                     # bumped to ignore a stale preview

    # ================================================================== reading
    def choose_file(self, first: bool = False) -> None:
        dialog = self.dialog
        if dialog.closed or self.saving:
            return
        start = str(Path(self.path).parent) if self.path else app_state.read_str(KEY_FOLDER)
        path, _ = QFileDialog.getOpenFileName(dialog, "Choose minutes to review", start,
                                              FILE_FILTER)
        if path:
            app_state.write(KEY_FOLDER, str(Path(path).parent))
            self.load(path)
        elif first and self.proposal is None:
            dialog.reject()

    def load(self, path: str) -> None:
        """Read and parse ``path`` off the UI thread, then show the proposal."""
        self.path = str(path)
        self.phase = "reading"
        self._generation += 1
        self.dialog.display.show_reading(self.path)
        db, committee, source = self.db, self.committee, self.path

        def work(ctx) -> tuple[MinutesProposal, str]:
            proposal = parse_minutes_file(source)
            return proposal, committee_name(db, committee)

        self.dialog.start(work, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[MinutesProposal, str]) -> None:
        proposal, self.committee_name = result
        # the minutes name a committee the tracker has: it is chosen (the officer may change it)
        self.named = named_committee(proposal.committee_name, self.dialog.committee_names())
        if self.named is not None:
            self.committee = self.committee_name = self.named
            self.dialog.show_committee(self.named)
        self._loaded_path = self.path
        self.proposal = proposal
        self.review = ReviewState(proposal)
        self.unsaved_edits = False
        self.phase = "ready"
        self.dialog.display.show_review(self.review)
        self.preview()

    def _load_failed(self, exc: BaseException) -> None:
        self.phase = "failed" if self.proposal is None else "ready"
        if self.proposal is None:
            self.dialog.display.show_read_failed(Path(self.path or "").name, first_line(exc))
        else:  # another file was chosen and failed: keep reviewing the one already read
            self.path = self._loaded_path
            self.dialog.display.show_still_reviewing(self.path)
        self.dialog.update_buttons()
        show_error(self.dialog, exc, "Cannot read the minutes")

    def choose_committee(self, name: str) -> None:
        """The officer chose the committee to save to: say so, and look again at what it holds."""
        if not name or name == self.committee_name:
            return
        self.committee = self.committee_name = name
        if self.proposal is not None:
            self.dialog.display.show_committee_note()
            self.preview()

    # ================================================================== what is stored already
    def preview(self) -> None:
        """A dry run of the whole proposal: is this meeting saved, and how much of it?"""
        day = self.dialog.meeting_date()
        if self.proposal is None or day is None or self.dialog.closed:
            return
        self._generation += 1
        generation = self._generation
        db, committee, proposal = self.db, self.committee, self.proposal
        given = None if proposal.meeting_date else day

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, proposal, accept=everything,
                                meeting_date=given, dry_run=True)

        self.dialog.start(work, lambda summary: self._previewed(generation, summary),
                          lambda exc: self._preview_failed(generation, exc))

    def _previewed(self, generation: int, summary: ImportSummary) -> None:
        if generation != self._generation or self.review is None:
            return
        recs, actions = self.review.totals()
        self.dialog.display.show_preview(preview_text(summary, recs, actions), "color: #5f6368;")

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.info("minutes preview failed: %s", exc)
        self.dialog.display.show_preview(first_line(exc), RED)

    # ================================================================== saving
    def save(self) -> None:
        """Save the ticked proposals, as edited, in a worker; report and emit ``saved``."""
        dialog = self.dialog
        dialog.update_buttons()
        if not dialog.save_button.isEnabled() or self.review is None or self.proposal is None:
            return
        day = dialog.meeting_date()
        reduced = self.review.reduced_proposal()
        given = None if self.proposal.meeting_date else day
        recs, actions = self.review.counts()
        total_recs, total_actions = self.review.totals()
        left_out = (total_recs - recs, total_actions - actions)
        db, committee = self.db, self.committee
        self._generation += 1          # a preview still on its way is out of date
        self.saving = True
        dialog.result_label.hide()
        dialog.update_buttons()

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, reduced, accept=everything, meeting_date=given)

        dialog.start(work, lambda summary: self._saved(summary, left_out), self._save_failed,
                     title="Saving minutes", label="Saving the minutes\u2026")

    def _saved(self, summary: ImportSummary, left_out: tuple[int, int]) -> None:
        self.saving = False
        self.unsaved_edits = False
        self.last_summary = summary
        self.dialog.display.show_saved(summary_text(summary, left_out), summary.created_anything)
        self.dialog.saved.emit(summary)

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.dialog.update_buttons()
        show_error(self.dialog, exc, "Cannot save the minutes")
