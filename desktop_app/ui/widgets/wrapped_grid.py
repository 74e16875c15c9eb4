"""Word-wrapping, read-only grids in the house style, shared by the Meetings and Work programme
tabs: ``grid(name)`` makes one (a ``Grid``, which says what to do while it is empty), drawn by a
``PaddedDelegate``; ``RowFitter`` keeps its row heights fitted to the wrapped text and
``set_widths`` sets its column widths. The rows' heights are worked out here (``fit_rows``)
rather than by ``resizeRowsToContents``, which asks the delegate for every cell, and the
delegate the model for every role of it; Qt's own way whenever ``fit_rows`` is not sure. Each
cell is drawn with its option filled from the model's own ``cell_data`` (``fill_option``),
not by Qt asking the model for each role (initStyleOption, whenever it is not sure)."""

from __future__ import annotations

from PySide6.QtCore import (QEvent, QObject, QRect, QSize, QSortFilterProxyModel, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView)

from desktop_app.ui.models.list_model import ListTableModel
from desktop_app.ui.widgets import grid_lines
from desktop_app.ui.widgets.viewport import own_viewport


class Grid(QTableView):
    """A table that says what to do when it is empty (``placeholder``), its grid lines drawn
    in a colour of its own when given one (``colour_grid``)."""

    placeholder = ""
    grid_colour: QColor | None = None
    # the rows a span covers (setSpan since the last clearSpans): fit_rows leaves them to Qt;
    # None when they may have moved (rows inserted, removed or moved)
    span_rows: set[int] | None = frozenset()  # type: ignore[assignment]

    def setSpan(self, row: int, column: int, rows: int, columns: int) -> None:  # noqa: N802
        if self.span_rows is not None:
            self.span_rows = set(self.span_rows) | set(range(row, row + max(rows, 1)))
        super().setSpan(row, column, rows, columns)

    def clearSpans(self) -> None:  # noqa: N802 - Qt naming
        self.span_rows = frozenset()
        super().clearSpans()

    def setModel(self, model) -> None:  # noqa: N802 - Qt naming
        super().setModel(model)
        if model is not None:
            for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
                signal.connect(self._spans_unknown)

    def _spans_unknown(self, *_args) -> None:
        if self.span_rows:
            self.span_rows = None   # Qt moved them with the rows: fit_rows no longer knows

    def colour_grid(self, colour: QColor) -> None:
        """Grid lines shown, in ``colour``: drawn as RecordTable draws its own
        (ui/widgets/grid_lines.py), not by a style sheet, which puts every cell under Qt's
        style-sheet style."""
        self.grid_colour = colour
        self.setShowGrid(True)
        grid_lines.no_grid_pen(self)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.grid_colour is not None:
            grid_lines.draw(self, event, self.grid_colour, spans=True)
        if self.placeholder and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#6b6b6b"))
            rect = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()


def grid(name: str) -> Grid:
    """A read-only, row-selecting, word-wrapping grid in the house style."""
    view = Grid()
    own_viewport(view)   # not Qt's: its first viewport() would make ~70 classes' enums
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                | Qt.AlignmentFlag.AlignVCenter)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setItemDelegate(PaddedDelegate(view))
    view.verticalHeader().setMinimumSectionSize(view.fontMetrics().lineSpacing() + 12)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 12)
    return view


class PaddedDelegate(QStyledItemDelegate):
    """Breathing room above and below wrapped text (rows are sized from this hint)."""

    PAD = 5
    quick_fill = True   # the option filled by fill_option when it can (False: Qt's own way)

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        # The row's background and selection fill the whole cell; the text sits inside a
        # padded rectangle (drawn over the same fill, so the seam does not show).
        # The option is filled from the model once (each fill asks the model for every role)
        # and drawn as QStyledItemDelegate.paint draws it, in the padded rectangle.
        opt = QStyleOptionViewItem(option)
        if not (self.quick_fill and fill_option(opt, index)):
            self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        opt.rect = option.rect.adjusted(0, self.PAD, 0, -self.PAD)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def fixed_row_height(self, row: object, option: QStyleOptionViewItem) -> int | None:
        """The height ``sizeHint`` gives every cell of a model row whatever its width (a
        heading drawn across the grid), or None: ``fit_rows`` measures its cells."""
        return None


class RowFitter(QObject):
    """Keeps a word-wrapping grid's row heights fitted to its text: after the model resets,
    a column is resized or the view is resized (once per event-loop turn, however many).

    A grid on a page that is not shown (another tab) is fitted when its page is shown: fitting
    asks the delegate for the size of every cell (hundreds of rows of actions under a meeting),
    which is wasted on a page nobody looks at."""

    fitted = Signal()

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self.schedule)
        view.installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        self.timer.start()

    def fit(self) -> None:
        if self.view.window().isVisible() and not self.view.isVisible():
            return      # on a page not shown: fitted when it is (a Show event reschedules)
        if not fit_rows(self.view):
            self.view.resizeRowsToContents()
        self.fitted.emit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.schedule()
        return False


def set_widths(view: QTableView, widths: dict[int, int], stretch: int) -> None:
    header = view.horizontalHeader()
    for col, width in widths.items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(col, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


_DISPLAY, _DECORATION, _FONT, _CHECK, _SIZE = (
    int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                           Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole,
                           Qt.ItemDataRole.SizeHintRole))
_NO_EDITS = QAbstractItemView.EditTrigger.NoEditTriggers
_INTERACTIVE = QHeaderView.ResizeMode.Interactive
_TO_CONTENTS = QHeaderView.ResizeMode.ResizeToContents
_CONTROL = frozenset("\t\n\r\v\f")


def fit_rows(view: QTableView) -> bool:
    """Each row's height as ``view.resizeRowsToContents()`` sets it, worked out from the
    model's own ``cell_data`` (text and font of each cell shown) and measured by the style as
    QStyledItemDelegate.sizeHint measures it, a text once per font and width; a one-line text
    (plain ASCII, narrower than its column by a margin) from the font's one-line height.
    False, with nothing changed, when the grid is not one this knows (Qt then fits it):
    not a Grid of a plain ListTableModel drawn by a PaddedDelegate alone, editable, a column
    sized to its contents or beyond the viewport, rows sized by the header. A row with a span,
    an icon, a check box or a size of its own is measured by Qt (``sizeHintForRow``)."""
    model = view.model()
    delegate = view.itemDelegate()
    if not isinstance(view, Grid) or view.span_rows is None \
            or type(model).data is not ListTableModel.data \
            or type(model).headerData is not ListTableModel.headerData \
            or not isinstance(delegate, PaddedDelegate) or view.editTriggers() != _NO_EDITS:
        return False
    hh, vh = view.horizontalHeader(), view.verticalHeader()
    n_cols, n_rows = model.columnCount(), model.rowCount()
    if n_rows == 0:
        return True
    right = hh.visualIndexAt(view.viewport().width())
    if hh.visualIndexAt(0) > 0 or right not in (-1, n_cols - 1) or vh.stretchLastSection() \
            or n_cols >= vh.resizeContentsPrecision():
        return False
    grid_line = 1 if view.showGrid() else 0
    cols: list[tuple[int, int]] = []
    for visual in range(n_cols):
        col = hh.logicalIndex(visual)
        if hh.isSectionHidden(col):
            continue
        width = view.columnWidth(col)
        if width <= 0 or hh.sectionResizeMode(col) == _TO_CONTENTS \
                or view.itemDelegateForColumn(col) is not None:
            return False
        cols.append((col, width - grid_line))   # QTableView measures a cell less its line
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    widget = view
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) + 1)
    wraps = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    pad = 2 * delegate.PAD
    lowest, highest = vh.minimumSectionSize(), vh.maximumSectionSize()
    header_hint = -1
    measured: dict[tuple, int] = {}
    one_line: dict[str, tuple[int, QFontMetrics]] = {}
    view_font = option.font
    view_key = view_font.key()
    cell, row_at, span_rows = model.cell_data, model.row_at, view.span_rows
    heights: list[tuple[int, int]] = []
    for r in range(n_rows):
        if vh.isSectionHidden(r):
            continue
        if vh.sectionResizeMode(r) != _INTERACTIVE or view.itemDelegateForRow(r) is not None:
            return False
        if header_hint < 0:
            header_hint = vh.sectionSizeHint(r)   # the same for every row (no header data)
        row = row_at(r)
        hint = delegate.fixed_row_height(row, option)
        if hint is None and r in span_rows:
            hint = view.sizeHintForRow(r) - grid_line
        if hint is None:
            hint = 0
            for col, width in cols:
                if cell(row, col, _DECORATION) is not None or cell(row, col, _CHECK) is not None \
                        or cell(row, col, _SIZE) is not None:
                    hint = view.sizeHintForRow(r) - grid_line
                    break
                text = cell(row, col, _DISPLAY)
                font = cell(row, col, _FONT)
                if (text is not None and type(text) is not str) \
                        or (font is not None and not isinstance(font, QFont)):
                    return False
                if font is None:
                    key = view_key
                else:
                    font = font.resolve(view_font)
                    key = font.key()
                height = -1
                if text and text.isascii() and _CONTROL.isdisjoint(text):
                    line = one_line.get(key)
                    if line is None:
                        line = one_line[key] = (
                            _measure(style, option, widget, "x", font, 100000),
                            QFontMetrics(font if font is not None else view_font))
                    if not wraps or line[1].horizontalAdvance(text) + 2 <= width - margin:
                        height = line[0]
                if height < 0:
                    mkey = (text, key, width)
                    height = measured.get(mkey, -1)
                    if height < 0:
                        height = measured[mkey] = _measure(style, option, widget, text, font,
                                                           width)
                hint = max(hint, height + pad)
        hint += grid_line
        heights.append((r, min(max(hint, header_hint, lowest), highest)))
    for r, height in heights:
        if vh.sectionSize(r) != height:
            vh.resizeSection(r, height)
    return True


def _measure(style: QStyle, option: QStyleOptionViewItem, widget, text: str | None,
             font: QFont | None, width: int) -> int:
    """The height of a cell of ``text`` in ``font`` (None: the view's) and ``width`` as
    QStyledItemDelegate.sizeHint measures it (its option filled as initStyleOption fills it)."""
    opt = QStyleOptionViewItem(option)
    opt.rect = QRect(0, 0, width, 1)
    if font is not None:
        opt.font = font
        opt.fontMetrics = QFontMetrics(font)
    if text is not None:
        opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        opt.text = text.replace("\n", "\u2028")   # as QStyledItemDelegate.displayText does
    return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(),
                                  widget).height()


_ALIGN, _FOREGROUND, _BACKGROUND = (
    int(role) for role in (Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                           Qt.ItemDataRole.BackgroundRole))
_TEXT = QPalette.ColorRole.Text
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ALIGNMENTS: dict[int, Qt.AlignmentFlag] = {}
_PROXY_DATA = QSortFilterProxyModel.data


def fill_option(opt: QStyleOptionViewItem, index) -> bool:
    """``opt`` filled for the cell at ``index`` as QStyledItemDelegate.initStyleOption fills
    it, from the model's own ``cell_data`` (through a plain sort/filter proxy, mapped once)
    rather than Qt asking the model for each role (through the proxy, several calls into
    Python for each). False, with ``opt`` unchanged, for a model that is not a plain
    ListTableModel or a cell with an icon or a check box (initStyleOption then)."""
    model = index.model()
    if type(model).data is ListTableModel.data:
        row, col = model.row_at(index.row()), index.column()
    elif type(model).data is _PROXY_DATA and isinstance(model, QSortFilterProxyModel) \
            and type(source := model.sourceModel()).data is ListTableModel.data:
        at = model.mapToSource(index)
        model, row, col = source, source.row_at(at.row()), at.column()
    else:
        return False
    cell = model.cell_data
    if cell(row, col, _DECORATION) is not None or cell(row, col, _CHECK) is not None:
        return False
    font, align, text = cell(row, col, _FONT), cell(row, col, _ALIGN), cell(row, col, _DISPLAY)
    fore, back = cell(row, col, _FOREGROUND), cell(row, col, _BACKGROUND)
    if (font is not None and not isinstance(font, QFont)) \
            or (align is not None and type(align) is not int) \
            or (text is not None and type(text) is not str) \
            or (fore is not None and not isinstance(fore, (QBrush, QColor))) \
            or (back is not None and not isinstance(back, (QBrush, QColor))):
        return False
    opt.index = index
    if font is not None:
        font = font.resolve(opt.font)
        opt.font = font
        opt.fontMetrics = QFontMetrics(font)
    if align is not None:
        flag = _ALIGNMENTS.get(align)
        if flag is None:
            flag = _ALIGNMENTS[align] = Qt.AlignmentFlag(align)
        opt.displayAlignment = flag
    if fore is not None:   # a colour set as a brush of it (no QBrush made here: see below)
        palette = opt.palette
        if isinstance(fore, QBrush):
            palette.setBrush(_TEXT, fore)
        else:
            palette.setColor(_TEXT, fore)
        opt.palette = palette
    if text is not None:
        opt.features |= _HAS_DISPLAY
        opt.text = text.replace("\n", "\u2028")   # as QStyledItemDelegate.displayText does
    if back is not None:
        opt.backgroundBrush = back   # a QColor made a brush by Qt
    opt.styleObject = None
    # (a QBrush made from Python makes QGradient's Python enum classes, ~5 ms, the first time)
    return True
