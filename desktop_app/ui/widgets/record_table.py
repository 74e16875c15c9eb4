"""The table view every grid uses: whole-row selection, text wrapped at word boundaries in rows
that grow to show the whole text (or compact rows of a fixed few lines, the full text in the
tooltip and the detail pane), columns that share the spare width until the person resizes one,
a header menu to show or hide columns, and the header state (widths, order, sort) remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QFont, QFontMetrics, QGuiApplication, QPaintEvent,
                           QResizeEvent)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop_app.ui import app_state
from desktop_app.ui.models.base import RowTableModel
from desktop_app.ui.models.optional_columns import is_optional
from desktop_app.ui.widgets import grid_lines
from desktop_app.ui.widgets.viewport import own_viewport
from desktop_app.ui.widgets.wrap_delegate import WrapDelegate, wrapped_lines

MAX_LINES = 20   # a grown row shows at most this many lines (the rest: tooltip, detail pane)


class RecordTable(QTableView):
    column_toggled = Signal(str, bool)   # a column's key, shown - by the person (header menu)

    def __init__(self, settings_key: str, parent: QWidget | None = None, *, lines: int = 2,
                 accessible_name: str = ""):
        super().__init__(parent)
        own_viewport(self)   # not Qt's: its first viewport() would make ~70 classes' enums
        self.settings_key = settings_key
        self.setAccessibleName(accessible_name or settings_key)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIconSize(QSize(14, 14))
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        grid_lines.no_grid_pen(self)   # drawn by paintEvent (grid_lines: not a style sheet)
        self.delegate = WrapDelegate(lines, self)
        self.setItemDelegate(self.delegate)
        vh = self.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().lineSpacing() * lines + 10)
        self.compact = True       # fixed rows of ``lines`` lines; set_compact(False) grows them
        self._grown: set[int] = set()   # rows whose height fit_rows changed
        self._row_timer = QTimer(self)
        self._row_timer.setSingleShot(True)
        self._row_timer.setInterval(0)
        self._row_timer.timeout.connect(self.fit_rows)
        self.verticalScrollBar().valueChanged.connect(self._schedule_rows)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSortIndicatorClearable(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("x") * 4)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        hh.sectionResized.connect(self._section_resized)
        hh.sectionResized.connect(self._schedule_rows)
        self.setSortingEnabled(True)
        self._fitting = False
        self.user_sized = False
        self._restore_pending = False
        self._columns: tuple = ()
        self._content_widths: dict[tuple, int] = {}   # until the rows change (fit_columns)

    def setModel(self, model) -> None:  # noqa: N802 - Qt naming
        old = self.model()
        if old is not None:
            for signal in self._row_signals(old):
                signal.disconnect(self._forget_widths)
        super().setModel(model)
        self._content_widths.clear()
        if model is not None:
            for signal in self._row_signals(model):
                signal.connect(self._forget_widths)
                signal.connect(self._schedule_rows)

    @staticmethod
    def _row_signals(model) -> tuple:
        return (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                model.dataChanged)

    def _forget_widths(self, *_args) -> None:
        self._content_widths.clear()

    def use_delegate(self, delegate: WrapDelegate) -> None:
        """Draw (and edit) the cells with ``delegate`` (a WrapDelegate that edits, say)."""
        delegate.lines, delegate.wrap_columns = self.delegate.lines, self.delegate.wrap_columns
        delegate.column_keys = self.delegate.column_keys
        self.delegate = delegate
        self.setItemDelegate(delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                             QAbstractItemView.EditTrigger.EditKeyPressed)

    # ---------------------------------------------------------------- row heights
    def set_compact(self, compact: bool) -> None:
        """Compact: every row ``delegate.lines`` lines high. Otherwise the rows in view grow
        to show their whole text (measured as they scroll into view: 100,000 rows stay quick)."""
        self.compact = compact
        default = self.verticalHeader().defaultSectionSize()
        rows = self.model().rowCount() if self.model() is not None else 0
        for r in self._grown:             # every row back to the default (compact) height
            if r < rows:
                self.setRowHeight(r, default)
        self._grown.clear()
        self._schedule_rows()

    def _schedule_rows(self, *_args) -> None:
        if not self.compact:
            self._row_timer.start()

    def row_height_needed(self, row: int) -> int:
        """The height that shows the whole text of ``row`` (up to MAX_LINES lines)."""
        model = self.model()
        hh = self.horizontalHeader()
        lines = 1
        line_height = self.fontMetrics().lineSpacing()
        for c in self.delegate.wrap_columns:
            if hh.isSectionHidden(c):
                continue
            index = model.index(row, c)
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            if not text:
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            font = font if isinstance(font, QFont) else self.font()
            width = self.columnWidth(c) - 10
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width -= self.iconSize().width() + 6
            lines = max(lines, len(wrapped_lines(text, font, width)))
            line_height = max(line_height, QFontMetrics(font).lineSpacing())
        return min(lines, MAX_LINES) * line_height + 10

    def fit_rows(self) -> None:
        """Grow (or shrink) the rows now in view to their text."""
        model = self.model()
        if self.compact or model is None or model.rowCount() == 0:
            return
        top = max(0, self.rowAt(0))
        bottom = self.viewport().height()
        y = self.rowViewportPosition(top)
        r = top
        while r < model.rowCount() and y < bottom:
            need = self.row_height_needed(r)
            if self.rowHeight(r) != need:
                self.setRowHeight(r, need)
                self._grown.add(r)
            y += need
            r += 1

    # ---------------------------------------------------------------- set-up
    def set_columns_from(self, model: RowTableModel) -> None:
        """Apply the model's column defaults, then the saved header state if any."""
        self._columns = tuple(model.columns)
        self.delegate.wrap_columns = {i for i, c in enumerate(self._columns) if c.wrap}
        self.delegate.column_keys = [c.key for c in self._columns]
        hh = self.horizontalHeader()
        for i, col in enumerate(self._columns):
            hh.setSectionHidden(i, col.hidden)
        if app_state.restore_header(hh, self.settings_key) and hh.count() == len(self._columns):
            self.user_sized = True
        else:
            self.user_sized = False
        self._restore_pending = True   # again once the rows' own columns are known
        self.fit_columns()

    def apply_columns(self, model: RowTableModel, shown: dict[str, bool], *,
                      fit: bool = True) -> None:
        """After the model's columns changed (its optional columns): take them, and show or
        hide the columns named in ``shown``; the others keep their state. ``fit=False``: the
        caller fits the columns itself once it has done (``fit_columns``)."""
        self._columns = tuple(model.columns)
        self.delegate.wrap_columns = {i for i, c in enumerate(self._columns) if c.wrap}
        self.delegate.column_keys = [c.key for c in self._columns]
        self._content_widths.clear()
        hh = self.horizontalHeader()
        if self._restore_pending:
            # the model's reset (its optional columns added) forgot the widths restored at
            # set-up: the saved header state (widths, order, sort) once more, now it fits
            self._restore_pending = False
            if app_state.restore_header(hh, self.settings_key) and \
                    hh.count() == len(self._columns):
                self.user_sized = True
        for i, col in enumerate(self._columns):
            if col.key in shown:
                hh.setSectionHidden(i, not shown[col.key])
        if fit and not self.user_sized:
            self.fit_columns()

    def layout_now(self) -> None:
        """Lay the rows out now rather than on the next turn of the event loop (after a
        filter change: one repaint instead of one now and another once laid out)."""
        self.executeDelayedItemsLayout()

    def save_state(self) -> None:
        app_state.save_header(self.horizontalHeader(), self.settings_key)

    def reset_columns(self) -> None:
        hh = self.horizontalHeader()
        for i, col in enumerate(self._columns):
            hh.moveSection(hh.visualIndex(i), i)
            hh.setSectionHidden(i, col.hidden)
        self.user_sized = False
        self.fit_columns()

    def set_column_visible(self, key: str, visible: bool, *, fit: bool = True) -> None:
        for i, col in enumerate(self._columns):
            if col.key == key:
                self.horizontalHeader().setSectionHidden(i, not visible)
        if fit and not self.user_sized:
            self.fit_columns()

    # ---------------------------------------------------------------- widths
    def _char(self) -> int:
        return max(6, self.fontMetrics().averageCharWidth())

    def _content_width(self, column: int, sample: int = 300) -> int:
        """Widest text (with its icon and font) among the first rows of a short column
        (remembered until the rows change: the columns are fitted again on every resize)."""
        model = self.model()
        if model is None:
            return 0
        key = (column, sample, self.font().key(), self.iconSize().width())
        known = self._content_widths.get(key)
        if known is None:
            known = self._content_widths[key] = self._measure(model, column, sample)
        return known

    @staticmethod
    def _cells(model, column: int, sample: int):
        """(text, font or None, has an icon) of the first ``sample`` cells of ``column``: from
        the rows themselves when the model says what they are (the filter proxy of a
        RowTableModel: its column's text, its font and icon), else through data()."""
        first = getattr(model, "first_rows", None)
        got = first(sample) if first is not None else None
        if got is not None:
            source, rows = got
            col = source.columns[column]
            text, font, icon = col.text, source.font, source.decoration
            for row in rows:
                shown = text(row)
                if shown:
                    yield shown, font(row, col), icon(row, col) is not None
            return
        display, font_role = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole
        decoration = Qt.ItemDataRole.DecorationRole
        data, index = model.data, model.index   # called straight, not via QModelIndex.data
        for r in range(min(model.rowCount(), sample)):
            cell = index(r, column)
            shown = data(cell, display) or ""
            if shown:
                yield shown, data(cell, font_role), data(cell, decoration) is not None

    def _measure(self, model, column: int, sample: int) -> int:
        # each distinct text measured once: a short column repeats a few words and dates
        seen: set[tuple[str, str, bool]] = set()
        metrics: dict[str, QFontMetrics] = {}
        keys: dict[int, tuple[QFont, str]] = {}   # a font's key asked of Qt once (the font held)
        icon = self.iconSize().width() + 6
        widest = 0
        for text, font, with_icon in self._cells(model, column, sample):
            if font is None:
                key = ""
            else:
                known = keys.get(id(font))
                if known is None:
                    known = keys[id(font)] = (font, font.key() if isinstance(font, QFont)
                                              else "")
                key = known[1]
            if (text, key, with_icon) in seen:
                continue
            seen.add((text, key, with_icon))
            fm = metrics.get(key)
            if fm is None:
                fm = metrics[key] = QFontMetrics(font) if key else self.fontMetrics()
            widest = max(widest, fm.horizontalAdvance(text) + (icon if with_icon else 0))
        return widest

    def fit_columns(self) -> None:
        """Short columns get the width of their content; the long-text columns share what is
        left by their weights (or keep their minimum, with a horizontal scroll bar)."""
        if not self._columns:
            return
        hh = self.horizontalHeader()
        char = self._char()
        fm = hh.fontMetrics()
        visible = [(i, c) for i, c in enumerate(self._columns) if not hh.isSectionHidden(i)]
        base = {}
        for i, c in visible:
            header = fm.horizontalAdvance(c.title) + 22
            if c.wrap:
                base[i] = max(c.width * char, header) + 12
            else:
                content = self._content_width(i)
                base[i] = max(header, content + 16) if content else max(c.width * char, header)
        spare = self.viewport().width() - sum(base.values()) - 2
        if spare < 0:
            self._narrow(base, visible, -spare, char)
            spare = 0
        weights = sum(c.stretch for _, c in visible)
        self._fitting = True
        try:
            for i, c in visible:
                extra = spare * c.stretch // weights if spare > 0 and weights else 0
                hh.resizeSection(i, base[i] + extra)
        finally:
            self._fitting = False

    @staticmethod
    def _narrow(base: dict[int, int], visible: list, short: int, char: int) -> None:
        """Take ``short`` pixels from the wrapping columns (their rows grow instead), each
        down to six characters at least and the main text column least, so the short columns
        at the end (Due, Status) stay on screen rather than behind a horizontal scroll bar."""
        floor = char * 6 + 12
        can = {i: max(0, base[i] - floor) for i, c in visible if c.wrap}
        # the main text (the highest stretch: Action, Recommendation) gives way last
        share = {i: can[i] / max(1, c.stretch) for i, c in visible if c.wrap}
        total = sum(share.values())
        if not total:
            return
        for i in can:
            base[i] -= min(can[i], int(short * share[i] / total) + 1)

    def _section_resized(self, *_args) -> None:
        if not self._fitting and self.isVisible() and \
                QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.user_sized = True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        grid_lines.draw(self, event, grid_lines.GRID_COLOUR)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit_columns()
        self._schedule_rows()

    # ---------------------------------------------------------------- header menu
    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        menu = QMenu("Columns", self)
        hh = self.horizontalHeader()
        optional = False
        for i, col in enumerate(self._columns):
            if is_optional(col.key) and not optional:
                optional = True
                menu.addSection("From the tracker as written")
            act = QAction(col.title, menu)
            act.setCheckable(True)
            act.setChecked(not hh.isSectionHidden(i))
            act.setData(col.key)
            act.toggled.connect(lambda on, i=i: self._toggle(i, on))
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction("Fit columns to the window", self.reset_columns)
        return menu

    def _toggle(self, i: int, on: bool) -> None:
        self.horizontalHeader().setSectionHidden(i, not on)
        if not self.user_sized:
            self.fit_columns()
        if 0 <= i < len(self._columns):
            self.column_toggled.emit(self._columns[i].key, on)
