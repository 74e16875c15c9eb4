"""Word-wrapping, read-only grids in the house style, shared by the Meetings and Work programme
tabs: ``grid(name)`` makes one (a ``Grid``, which says what to do while it is empty), drawn by a
``PaddedDelegate``; ``RowFitter`` keeps its row heights fitted to the wrapped text and
``set_widths`` sets its column widths."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView)

from desktop_app.ui.widgets import grid_lines
from desktop_app.ui.widgets.viewport import own_viewport


class Grid(QTableView):
    """A table that says what to do when it is empty (``placeholder``), its grid lines drawn
    in a colour of its own when given one (``colour_grid``)."""

    placeholder = ""
    grid_colour: QColor | None = None

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

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        # The row's background and selection fill the whole cell; the text sits inside a
        # padded rectangle (drawn over the same fill, so the seam does not show).
        # The option is filled from the model once (each fill asks the model for every role)
        # and drawn as QStyledItemDelegate.paint draws it, in the padded rectangle.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        opt.rect = option.rect.adjusted(0, self.PAD, 0, -self.PAD)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


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
