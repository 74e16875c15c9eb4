"""Page 3 of the import wizard: each column heading with what it is read as (the officer can
change it, as ``--map`` does on the command line), and a preview of the first rows, re-read on a
worker whenever a column is changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout,
                               QLabel, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QVBoxLayout, QWidget)

from desktop_app.ui.errors import first_line
from desktop_app.services.import_preview import (MAIN_FIELD, Column, Preview, mappable_fields,
                                                 normalise, preview)
from desktop_app.ui.importing.preview import fill_table
from desktop_app.ui.importing.text import (FIELD_LABELS, count, for_people, kind_of,
                                          show_value)
from desktop_app.ui.importing.widgets import (AMBER, GREY, P_DRY, P_STATUS, Page,
                                             banner_label, busy_bar, row_list, set_banner)
from desktop_app.ui.widgets.detail_parts import muted

IGNORE = "ignore"
IGNORE_LABEL = "(ignore)"


class _Combo(QComboBox):
    """A combo that the mouse wheel does not change unless it has the focus (the columns
    list scrolls under the pointer without changing what columns are read as)."""

    def wheelEvent(self, event) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class MappingPage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("Check the columns")
        self.setSubTitle("What each column of the sheet is read as. The preview shows the "
                         "first rows as they will be imported; change a column and it updates.")
        self.result: Preview | None = None
        self.combos: dict[str, QComboBox] = {}       # normalised header -> combo
        self._labels: dict[str, str] = {}            # normalised header -> as written
        self._key: tuple[str, str] | None = None     # (path, kind) the page was built for
        self._generation = 0
        self.running = False

        # The columns, on the left.
        self.columns_box = QWidget()
        self.columns_grid = QGridLayout(self.columns_box)
        self.columns_grid.setContentsMargins(2, 2, 8, 2)
        self.columns_grid.setHorizontalSpacing(10)
        self.columns_grid.setVerticalSpacing(2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.columns_box)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reset_button = QPushButton("&Reset to detected")
        self.reset_button.setAccessibleName("Read every column as detected")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(4)
        head = QHBoxLayout()
        self.columns_title = QLabel("Columns")
        self._bold(self.columns_title)
        head.addWidget(self.columns_title)
        head.addStretch(1)
        head.addWidget(self.reset_button)
        left_lay.addLayout(head)
        left_lay.addWidget(self.scroll, 1)

        # The preview and the warnings, on the right.
        self.preview_title = QLabel("Preview")
        self._bold(self.preview_title)
        self.preview_title.setAccessibleName("Preview")
        self.busy = busy_bar("Reading the rows")
        self.table = QTableWidget()
        self.table.setObjectName("importPreview")
        self.table.setAccessibleName("Preview of the first rows")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.setTabKeyNavigation(False)
        self.skipped_title = QLabel()
        self.skipped_title.setStyleSheet(AMBER + " font-weight: 600;")
        self.skipped_title.setAccessibleName("Rows that will be skipped")
        self.skipped_title.hide()
        self.skipped = row_list("Rows that will be skipped")
        self.skipped.setObjectName("importSkippedPreview")
        self.notes = muted()
        self.notes.setAccessibleName("Notes about the sheets")
        self.problem = banner_label("error")
        self.problem.setObjectName("importMappingProblem")
        self.problem.setAccessibleName("Problem")
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(4)
        right_lay.addWidget(self.preview_title)
        right_lay.addWidget(self.busy)
        right_lay.addWidget(self.problem)
        right_lay.addWidget(self.table, 1)
        right_lay.addWidget(self.skipped_title)
        right_lay.addWidget(self.skipped)
        right_lay.addWidget(self.notes)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self._sized = False

    @staticmethod
    def _bold(label: QLabel) -> None:
        f = label.font()
        f.setWeight(QFont.Weight.DemiBold)
        f.setPointSizeF(f.pointSizeF() + 1)
        label.setFont(f)
        label.setStyleSheet("color: #1f3a60;")

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = max(self.width(), 600)
            self.splitter.setSizes([round(total * 0.34), total - round(total * 0.34)])

    # -- building
    def initializePage(self) -> None:  # noqa: N802
        wiz = self.wiz()
        key = (wiz.info.path, wiz.kind)
        if key != self._key:  # a new file or another kind: start from what was detected
            self._key = key
            wiz.mapping = {}
            self._clear_columns()
            self.result = None
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
        self.refresh()

    def _clear_columns(self) -> None:
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos.clear()
        self._labels.clear()

    def _build_columns(self, columns: list[Column], kind: str) -> None:
        self._clear_columns()
        every = set().union(*(c.sheets for c in columns)) if columns else set()
        fields = mappable_fields(kind)
        labels = FIELD_LABELS[kind]
        heads = (QLabel("Column heading"), QLabel("Read as"))
        for col, head in enumerate(heads):
            head.setStyleSheet(GREY + " font-weight: 600;")
            self.columns_grid.addWidget(head, 0, col)
        previous: QWidget | None = None
        for row, column in enumerate(columns, start=1):
            key = normalise(column.label)
            self._labels[key] = column.label
            name = QLabel(column.label.replace("\n", " "))
            name.setWordWrap(True)
            name.setToolTip(column.label)
            parts = []
            if len(every) > 1 and set(column.sheets) != every:
                where = ", ".join(f"'{s}'" for s in column.sheets)
                parts.append(f"Only on sheet{'s' if len(column.sheets) > 1 else ''} {where}")
            sample = show_value(column.sample)
            if sample:
                if len(sample) > 60:
                    sample = sample[:57] + "\u2026"
                parts.append(f"e.g. \u201c{sample}\u201d")
            elif not parts:
                parts.append("(empty under the heading)")
            detail = " \u00b7 ".join(parts)
            sample = QLabel(detail)
            sample.setStyleSheet(GREY + " font-size: 9pt;")
            sample.setWordWrap(True)
            text = QWidget()
            text_lay = QVBoxLayout(text)
            text_lay.setContentsMargins(0, 4, 0, 4)
            text_lay.setSpacing(0)
            text_lay.addWidget(name)
            text_lay.addWidget(sample)
            combo = _Combo()
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.addItem(IGNORE_LABEL, IGNORE)
            for field in fields:
                combo.addItem(labels.get(field, field.replace("_", " ").capitalize()), field)
            combo.setAccessibleName(f"Read the column \u201c{column.label}\u201d as")
            combo.setToolTip(f"What the column \u201c{column.label}\u201d holds")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            name.setBuddy(combo)
            self._show_field(combo, column.field)
            combo.currentIndexChanged.connect(lambda _i, k=key: self._changed(k))
            self.columns_grid.addWidget(text, row, 0)
            self.columns_grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignVCenter)
            self.combos[key] = combo
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
        self.columns_grid.setColumnStretch(0, 1)
        self.columns_grid.setRowStretch(len(columns) + 1, 1)
        self.columns_title.setText(f"Columns ({len(columns)})")

    @staticmethod
    def _show_field(combo: QComboBox, field: str | None) -> None:
        index = combo.findData(field or IGNORE)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setStyleSheet("" if field else "QComboBox { color: #5f6368; }")

    # -- changing
    def combo_for(self, header: str) -> QComboBox:
        """The combo of the column headed ``header`` (as written, any case)."""
        return self.combos[normalise(header)]

    def _changed(self, key: str) -> None:
        combo = self.combos[key]
        field = combo.currentData()
        combo.setStyleSheet("" if field != IGNORE else "QComboBox { color: #5f6368; }")
        self.wiz().mapping[self._labels[key]] = field
        self._generation += 1     # the preview on its way is out of date
        self.completeChanged.emit()
        self._debounce.start()

    def reset(self) -> None:
        self.wiz().mapping = {}
        self._debounce.stop()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the rows with the current mapping, off the UI thread."""
        self._debounce.stop()
        wiz = self.wiz()
        self._generation += 1
        generation = self._generation
        self.running = True
        self.busy.show()
        self.completeChanged.emit()
        info, kind, mapping = wiz.info, wiz.kind, dict(wiz.mapping)
        wiz.run_job(lambda ctx: preview(info.path, info.grids, kind, mapping),
                    lambda result: self._shown(generation, result),
                    lambda exc: self._failed(generation, exc))

    def pending(self) -> bool:
        return self._debounce.isActive()

    def flush(self) -> None:
        """Start the re-read now if one is waiting (tests, wait_idle)."""
        if self._debounce.isActive():
            self.refresh()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.running = False
        self.busy.hide()
        self.result = None
        set_banner(self.problem, for_people(first_line(exc)), "error")
        self.completeChanged.emit()

    def _shown(self, generation: int, result: Preview) -> None:
        if generation != self._generation:
            return
        self.running = False
        self.busy.hide()
        self.result = result
        wiz = self.wiz()
        wiz.parsed = result.parsed
        keys = [normalise(c.label) for c in result.columns]
        if keys != list(self.combos):
            had_focus = self.columns_box.isAncestorOf(self.focusWidget()) if \
                self.focusWidget() else False
            self._build_columns(result.columns, result.kind)
            if had_focus and self.combos:
                next(iter(self.combos.values())).setFocus()
        else:
            for column in result.columns:
                combo = self.combos[normalise(column.label)]
                if not combo.hasFocus() or not combo.view().isVisible():
                    self._show_field(combo, column.field)
        self.reset_button.setEnabled(bool(wiz.mapping))
        if result.problem:
            main = FIELD_LABELS[result.kind][MAIN_FIELD[result.kind]]
            set_banner(self.problem, f"{for_people(result.problem)}.\nSay which column holds the "
                       f"{main.lower()} (\u201c{main}\u201d) and at least one other.", "error")
        else:
            set_banner(self.problem, "")
        self._fill_preview(result)
        self.completeChanged.emit()

    # -- the preview
    def _fill_preview(self, result: Preview) -> None:
        parsed = result.parsed
        table = self.table
        table.clear()
        if parsed is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            self.preview_title.setText("Preview")
            self.skipped.hide()
            self.skipped_title.hide()
            self.notes.hide()
            return
        shown = fill_table(table, parsed)
        total = len(parsed.rows)
        noun = kind_of(parsed.kind, total)
        self.preview_title.setText(
            f"Preview: the first {shown} of {noun}" if total > shown
            else f"Preview: {noun}")
        skipped = parsed.skipped
        self.skipped.clear()
        for skip in skipped:
            self.skipped.addItem(f"Sheet '{skip.sheet}', row {skip.row}: {skip.reason}")
        self.skipped_title.setText(
            f"{count(len(skipped), 'row')} cannot be read and will be skipped unless the "
            "workbook is corrected:" if skipped else "")
        self.skipped_title.setVisible(bool(skipped))
        self.skipped.setVisible(bool(skipped))
        # Columns "not recognised" (kept as written) show on the left; other notes here.
        notes = [n for n in parsed.notes if "not recognised: kept" not in n]
        self.notes.setText("\n".join(f"Note: {n}" for n in notes))
        self.notes.setVisible(bool(notes))

    def nextId(self) -> int:  # noqa: N802 - the status words, when the file has any
        return P_STATUS if self.result is not None and self.result.status_words else P_DRY

    def isComplete(self) -> bool:  # noqa: N802
        return (not self.running and not self._debounce.isActive() and self.result is not None
                and self.result.parsed is not None)
