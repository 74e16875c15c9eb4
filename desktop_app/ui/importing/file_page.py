"""Page 1 of the import wizard: the workbook (checked as soon as it is chosen, then read on a
worker) and the committee to import into."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line
from desktop_app.services.import_preview import WorkbookInfo, check_file
from desktop_app.ui.importing.text import (KIND_WORDS, count, for_people, sent_date,
                                               with_article)
from desktop_app.ui.importing.response_page import P_RESPONSE, is_response
from desktop_app.ui.importing.widgets import (P_CHASE, P_KIND, Page, banner_label,
                                                  busy_bar, set_banner)
from desktop_app.ui.widgets.detail_parts import muted, section

KEY_FOLDER = "import/last_folder"
FILE_FILTER = ("Tracker files (*.xlsx *.xlsm *.xls *.csv *.txt *.tsv *.docx);;"
               "Excel workbooks (*.xlsx *.xlsm);;Old Excel workbooks (*.xls);;"
               "CSV and text files (*.csv *.txt *.tsv);;Word documents (*.docx);;All files (*)")


class FilePage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("Choose the workbook")
        self.setSubTitle("An action log, a recommendation schedule or a work programme saved "
                         "as an Excel workbook (.xlsx), or a workbook an owner sent back after "
                         "a chase.")
        self.path = ""                 # the path checked (and read, when ``ready``)
        self.ready = False
        self.reading = False
        self.chase = False
        self._generation = 0

        self.path_label = QLabel("&Workbook:")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setAccessibleName("Workbook file")
        self.path_edit.setPlaceholderText("Type or paste the path of an .xlsx file, or "
                                          "choose Browse")
        self.path_edit.setClearButtonEnabled(True)
        for button in self.path_edit.findChildren(QToolButton):  # Qt's clear button
            button.setAccessibleName("Clear the path")
        self.path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton("&Browse\u2026")
        self.browse_button.setAccessibleName("Browse for the workbook")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        self.busy = busy_bar("Reading the workbook")
        self.message = banner_label()
        self.message.setObjectName("importFileMessage")
        self.message.setAccessibleName("About the workbook")

        self.committee_label = QLabel("&Committee:")
        self.committee_combo = QComboBox()
        self.committee_combo.setObjectName("importCommittee")
        self.committee_combo.setEditable(True)
        self.committee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.committee_combo.setAccessibleName("Committee to import into")
        self.committee_combo.setToolTip("Choose a committee, or type the name of a new one")
        self.committee_combo.lineEdit().setPlaceholderText("Choose a committee or type a "
                                                           "new name")
        self.committee_combo.lineEdit().setMaxLength(200)
        self.committee_combo.setMinimumContentsLength(40)
        self.committee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.committee_label.setBuddy(self.committee_combo)
        self.committee_hint = muted()
        self.committee_hint.setAccessibleName("About the committee")
        # a new committee only when the officer says so (a typo must not make a second one)
        self.create_box = QCheckBox("Create a &new committee with this name")
        self.create_box.setObjectName("importCreateCommittee")
        self.create_box.setAccessibleName("Create a new committee with the name typed")
        self.create_box.hide()
        self.create_box.toggled.connect(lambda _on: self._committee_changed())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.check)
        self.path_edit.textEdited.connect(self._typed)
        self.path_edit.returnPressed.connect(self.check)
        self.committee_combo.editTextChanged.connect(self._committee_changed)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.path_label, 0, 0)
        grid.addWidget(self.path_edit, 0, 1)
        grid.addWidget(self.browse_button, 0, 2)
        grid.addWidget(self.busy, 1, 1, 1, 2)
        grid.addWidget(self.message, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        committee_grid = QGridLayout()
        committee_grid.setHorizontalSpacing(10)
        committee_grid.addWidget(self.committee_label, 0, 0)
        committee_grid.addWidget(self.committee_combo, 0, 1)
        committee_grid.addWidget(self.committee_hint, 1, 1, 1, 2)
        committee_grid.addWidget(self.create_box, 2, 1, 1, 2)
        committee_grid.setColumnStretch(2, 1)
        self.about = muted(
            "Next: say what kind of workbook it is, check how its columns are read, and see "
            "a trial run of what would be added and updated. Nothing is saved until you "
            "press Import, and a backup of the database is taken first.\n\n"
            "A workbook that an owner sent back after a chase is recognised by itself: you "
            "then review each cell the owner changed and choose which changes to apply.\n\n"
            "So is the executive's response to the committee's recommendations (a Word or "
            "Excel table under a heading such as \"Cabinet \u2013 23 March 2023\"): you then "
            "see each row beside the recommendation it matches and tick the ones to record.")
        self.about.setAccessibleName("How importing works")
        lay = QVBoxLayout(self)
        lay.setSpacing(6)
        lay.addLayout(grid)
        lay.addWidget(section("Import into"))
        lay.addLayout(committee_grid)
        lay.addWidget(section("How it works"))
        lay.addWidget(self.about)
        lay.addStretch(1)

    # -- the committee
    def set_committees(self, names: list[tuple[str, str]], current: str | None) -> None:
        """``names``: (name, short name) of each committee; ``current`` name or short name."""
        self._committees = names
        self.committee_combo.blockSignals(True)
        self.committee_combo.clear()
        self.committee_combo.addItems([n for n, _s in names])
        wanted = (current or "").strip().lower()
        index = next((i for i, (n, s) in enumerate(names)
                      if wanted and wanted in (n.lower(), s.lower())), -1)
        if index < 0 and not wanted and len(names) == 1:
            index = 0
        if index >= 0:
            self.committee_combo.setCurrentIndex(index)
        else:
            self.committee_combo.setCurrentIndex(-1)
            self.committee_combo.setEditText(current or "")
        self.committee_combo.blockSignals(False)
        self._committee_changed(self.committee_combo.currentText())

    def committee(self) -> str:
        return " ".join(self.committee_combo.currentText().split())

    def existing_committee(self) -> str | None:
        wanted = self.committee().lower()
        for name, short in getattr(self, "_committees", []):
            if wanted and wanted in (name.lower(), short.lower()):
                return name
        return None

    def _committee_changed(self, _text: str = "") -> None:
        name = self.committee()
        if self.chase:
            review = self.wiz().review if self.wizard() else None
            text = ("The returned workbook says which committee it belongs to"
                    + (f" ({review.committee})." if review and review.committee else "."))
        elif not name:
            text = "Choose a committee, or type the name of a new one."
        elif self.existing_committee():
            text = ("Rows that are already saved for this committee are matched and updated; "
                    "the others are added.")
        elif self.create_box.isChecked():
            text = f"A new committee \u201c{name}\u201d will be created."
        else:
            names = [n for n, _s in getattr(self, "_committees", [])]
            near = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            text = (f"No committee is called \u201c{name}\u201d"
                    + (f": did you mean \u201c{near[0]}\u201d?" if near else ".")
                    + " Choose one from the list, or tick the box to create a new one.")
        self.create_box.setVisible(bool(name) and not self.chase
                                   and self.existing_committee() is None)
        self.committee_hint.setText(text)
        self.completeChanged.emit()

    # -- the file
    def browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        start = (str(Path(self.path_edit.text().strip()).parent) if self.path_edit.text().strip()
                 else app_state.read_str(KEY_FOLDER))
        path, _ = QFileDialog.getOpenFileName(self, "Choose the workbook to import", start,
                                              FILE_FILTER)
        if path:
            app_state.write(KEY_FOLDER, str(Path(path).parent))
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """Show ``path`` and check it now (a person choosing a file)."""
        self.path_edit.setText(str(path))
        self.check()

    def _typed(self, _text: str) -> None:
        self.ready = False
        self._generation += 1
        self.completeChanged.emit()
        self._debounce.start()

    def check(self) -> None:
        """Check the typed path at once; if it may be read, read it off the UI thread."""
        self._debounce.stop()
        path = self.path_edit.text().strip().strip('"').strip("'")
        if path == self.path and (self.ready or self.reading):
            return
        self._generation += 1
        generation = self._generation
        self.path, self.ready, self.chase = path, False, False
        self.busy.hide()
        if not path:
            set_banner(self.message, "")
            self._committee_changed()
            return
        problem = check_file(path)
        if problem is not None:
            set_banner(self.message, problem + "\nChoose another file to carry on.", "error")
            self._committee_changed()
            return
        self.reading = True
        set_banner(self.message, f"Reading {Path(path).name}\u2026", "info")
        self.busy.show()
        self.completeChanged.emit()
        self.wiz().read_file(path, lambda result: self._read(generation, result),
                             lambda exc: self._failed(generation, exc))

    def _read(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self.reading = False
        self.busy.hide()
        self.ready = True
        self.chase = not isinstance(result, WorkbookInfo)
        self.committee_combo.setEnabled(not self.chase)
        self.committee_label.setEnabled(not self.chase)
        if self.chase:
            review = result
            n = len(review.changes)
            text = (f"A chase workbook that {review.owner or 'an owner'} sent back (sent "
                    f"{sent_date(review.sent)}): {count(n, 'change')} to review, cell by cell.")
        elif is_response(result):
            text = (f"{result.name}: the executive's response to recommendations; the next "
                    "page matches its rows to the committee's recommendations.")
        else:
            text = f"{result.name}: " + describe_found(result)
        set_banner(self.message, text, "ok")
        self._committee_changed()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.reading = False
        self.busy.hide()
        self.ready = False
        set_banner(self.message, for_people(first_line(exc)) + "\nChoose another file to "
                   "carry on.", "error")
        self._committee_changed()

    def create_new(self) -> bool:
        """Whether the import may create the committee (the officer ticked the box)."""
        return self.existing_committee() is None and self.create_box.isChecked()

    def isComplete(self) -> bool:  # noqa: N802
        if not self.ready or self.reading:
            return False
        return self.chase or (bool(self.committee()) and
                              (self.existing_committee() is not None or self.create_new()))

    def nextId(self) -> int:  # noqa: N802
        if not self.chase and is_response(self.wiz().info):
            return P_RESPONSE
        return P_CHASE if self.chase else P_KIND


def describe_found(info: WorkbookInfo) -> str:
    """"looks like an action log (sheet 'Action log', headings on row 2)"."""
    if info.detected is None:
        return (f"{for_people(info.detect_problem).split(': ', 1)[-1]}; say what it is on the next page."
                if info.detect_problem else "say what it is on the next page.")
    where = info.found[info.detected]
    sheets = ", ".join(f"'{s}'" for s, _r, _n in where[:3]) + (" and more" if len(where) > 3
                                                                else "")
    return (f"looks like {with_article(KIND_WORDS[info.detected])} "
            f"({count(len(info.grids), 'sheet')}; headings found on {sheets}).")
