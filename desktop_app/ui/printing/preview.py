"""The PDF preview of the print dialog, and printing a PDF file on a QPrinter.

``PdfPreview`` is Qt's own PDF view (QPdfDocument + QPdfView, every page in one scrolling
column) with a small toolbar: zoom out / in, fit the width, the whole page, and "Page N of M"
(type a number to go there). While there is no document it shows a message, or a busy bar with
a Cancel button while one is being built.

``print_pdf`` renders each page of a PDF file with QPdfDocument.render into a QPainter on a
QPrinter. It opens its own QPdfDocument, so it can run on a worker thread (QPainter may paint on
a QPrinter off the UI thread) while the preview stays usable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QPageLayout, QPainter, QPalette, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PRINT_DPI = 300          # enough for text; a 600 dpi page image would be ~140 MB


class PreviewError(Exception):
    """QtPdf could not open a file we built (should not happen; one line)."""


def _load(document: QPdfDocument, path: str) -> None:
    error = document.load(path)
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        name = getattr(error, "name", str(error)).rstrip("_")
        raise PreviewError(f"the preview cannot open {Path(path).name} ({name})")


class PdfPreview(QWidget):
    """A multi-page PDF view with zoom and page controls; ``document`` is its QPdfDocument."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.document = QPdfDocument(self)
        self.path: str | None = None

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName("Preview of the document")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.view.palette()        # the view paints around the pages in Dark
        palette.setColor(QPalette.ColorRole.Dark, QColor("#dde1e6"))
        self.view.setPalette(palette)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # -- the toolbar
        self.zoom_out_button = self._tool("\u2212", "Zoom out (Ctrl+-)", "Zoom out")
        self.zoom_in_button = self._tool("+", "Zoom in (Ctrl++)", "Zoom in")
        self.fit_width_button = self._tool("Fit wi&dth", "Fit the page width to the window "
                                           "(Ctrl+0)", "Fit width", checkable=True)
        self.fit_page_button = self._tool("W&hole page", "Show whole pages", "Whole page",
                                          checkable=True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000%"))
        self.zoom_label.setStyleSheet("color: #5f6368;")
        self.page_label = QLabel("Pa&ge")
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setAccessibleName("Page number")
        self.page_spin.setToolTip("Type a page number and press Enter to go to it")
        self.page_spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setRange(0, 0)
        self.page_spin.setFixedWidth(self.page_spin.fontMetrics().horizontalAdvance("0000") + 16)
        self.page_label.setBuddy(self.page_spin)
        self.page_count_label = QLabel("of 0")
        self.page_count_label.setObjectName("pageCountLabel")
        self.page_count_label.setAccessibleName("Page count")

        bar = QWidget()
        bar.setObjectName("previewToolbar")
        bar.setStyleSheet("#previewToolbar { background: #f5f6f8; border-bottom: 1px solid "
                          "#d5dae1; }")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(4)
        for w in (self.zoom_out_button, self.zoom_in_button, self.zoom_label):
            row.addWidget(w)
        row.addSpacing(8)
        row.addWidget(self.fit_width_button)
        row.addWidget(self.fit_page_button)
        row.addStretch(1)
        row.addWidget(self.page_label)
        row.addWidget(self.page_spin)
        row.addWidget(self.page_count_label)
        self.toolbar = bar

        # -- the message / busy page shown instead of the view
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAccessibleName("Preview message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFixedWidth(480)
        self.message.setStyleSheet("color: #3c4043;")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("buildProgress")
        self.busy_bar.setAccessibleName("Building the document")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(260)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelBuildButton")
        self.cancel_button.setAccessibleName("Cancel building the document")
        self.cancel_button.setAutoDefault(False)
        page = QWidget()
        page.setObjectName("previewMessagePage")
        page.setStyleSheet("#previewMessagePage { background: #dde1e6; }")
        col = QVBoxLayout(page)
        col.addStretch(1)
        col.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addSpacing(10)
        col.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addSpacing(6)
        col.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addStretch(2)
        self.message_page = page

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message_page)
        self.stack.addWidget(self.view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(bar)
        lay.addWidget(self.stack, 1)
        self.setStyleSheet("#pdfPreview { border: 1px solid #c9ced6; }")

        # -- behaviour
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.view.zoomModeChanged.connect(lambda _mode: self._show_zoom())
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.page_spin.valueChanged.connect(self._go_to_spin)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           ("Ctrl+=", self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           ("Ctrl+0", self.fit_width)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.show_message("")

    def _tool(self, text: str, tip: str, name: str, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(name)
        button.setObjectName(name[:1].lower() + name.title().replace(" ", "")[1:] + "Button")
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if len(text) == 1:
            f = button.font()
            f.setPointSizeF(f.pointSizeF() + 3)
            button.setFont(f)
            button.setFixedWidth(28)
        return button

    # ------------------------------------------------------------------ the document
    def load(self, path: str) -> int:
        """Show the PDF at ``path``; returns its page count. The previous one is closed first
        (so its temporary file can be removed)."""
        self.document.close()
        self.path = None
        try:
            _load(self.document, path)
        except PreviewError:
            self.document.close()
            self.show_message("The preview cannot show this document.")
            raise
        self.path = path
        count = self.document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, count)
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_count_label.setText(f"of {count}")
        self.stack.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self._set_controls(True)
        self._show_zoom()
        return count

    def clear(self, message: str = "") -> None:
        """Drop the document (closing its file) and show ``message``."""
        self.document.close()
        self.path = None
        self.show_message(message)

    def show_message(self, text: str, busy: bool = False) -> None:
        self.message.setText(text)
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.stack.setCurrentWidget(self.message_page)
        if self.path is None:
            self.page_spin.blockSignals(True)
            self.page_spin.setRange(0, 0)
            self.page_spin.blockSignals(False)
            self.page_count_label.setText("of 0")
        self._set_controls(False)

    def showing_document(self) -> bool:
        return self.path is not None and self.stack.currentWidget() is self.view

    def page_count(self) -> int:
        return self.document.pageCount() if self.path else 0

    def current_page(self) -> int:
        """1-based; 0 when there is no document."""
        return self.view.pageNavigator().currentPage() + 1 if self.path else 0

    def go_to_page(self, number: int) -> None:
        if not self.path:
            return
        number = max(1, min(number, self.page_count()))
        self.view.pageNavigator().jump(number - 1, QPointF(), 0)

    def _set_controls(self, enabled: bool) -> None:
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_width_button,
                  self.fit_page_button, self.page_spin, self.page_label,
                  self.page_count_label):
            w.setEnabled(enabled)
        self.zoom_label.setText(self.zoom_label.text() if enabled else "")

    def _page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)

    def _go_to_spin(self, value: int) -> None:
        if value >= 1:
            self.go_to_page(value)

    # ------------------------------------------------------------------ zoom
    def effective_zoom(self) -> float:
        """The scale shown now (the view reports 1.0 while it fits the width or page)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.path:
            return self.view.zoomFactor()
        page = max(self.view.pageNavigator().currentPage(), 0)
        size = self.document.pagePointSize(page)
        if size.width() <= 0 or size.height() <= 0:
            return 1.0
        margins = self.view.documentMargins()
        screen = self.view.logicalDpiX() / 72.0
        width = self.view.viewport().width() - margins.left() - margins.right()
        factor = width / (size.width() * screen)
        if mode == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            factor = min(factor, height / (size.height() * screen))
        return max(factor, 0.05)

    def zoom_in(self) -> None:
        self._zoom_to(next((z for z in ZOOM_STEPS if z > self.effective_zoom() * 1.01),
                           ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self._zoom_to(next((z for z in reversed(ZOOM_STEPS)
                            if z < self.effective_zoom() * 0.99), ZOOM_STEPS[0]))

    def _zoom_to(self, factor: float) -> None:
        if not self.path:
            return
        page = self.view.pageNavigator().currentPage()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.view.pageNavigator().jump(max(page, 0), QPointF(), 0)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%" if self.path else "")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.path:
            self._show_zoom()


# ---------------------------------------------------------------------------- printing

def page_numbers(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages to print: the range chosen in the print dialog, else all."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return list(range(count))
    first = max(first, 1)
    last = count if last <= 0 else min(last, count)
    return list(range(first - 1, last))


def print_pdf(path: str, printer: QPrinter,
              progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Print the PDF at ``path`` on ``printer``: each page rendered (at up to 300 dpi) and
    drawn, centred and as large as fits, in the printable area, turning the paper to match
    landscape and portrait pages. Returns the number of pages printed; stops (aborting the
    job) when ``cancelled()`` says so. Safe on a worker thread."""
    document = QPdfDocument()
    try:
        _load(document, path)
        pages = page_numbers(printer, document.pageCount())
        dpi = max(72, min(printer.resolution(), PRINT_DPI))
        painter = QPainter()
        done = 0
        for n, page in enumerate(pages):
            if cancelled is not None and cancelled():
                if painter.isActive():
                    printer.abort()
                    painter.end()
                return done
            if progress is not None:
                progress(n, len(pages), f"Printing page {n + 1} of {len(pages)}\u2026")
            size = document.pagePointSize(page)
            landscape = size.width() > size.height()
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                       else QPageLayout.Orientation.Portrait)
            if n == 0:
                if not painter.begin(printer):
                    raise OSError("the printer could not start the job")
            elif not printer.newPage():
                painter.end()
                raise OSError("the printer could not start a new page")
            image = document.render(page, QSize(max(1, round(size.width() * dpi / 72)),
                                                max(1, round(size.height() * dpi / 72))))
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF(area.x() + (area.width() - w) / 2,
                            area.y() + (area.height() - h) / 2, w, h)
            painter.drawImage(target, image)
            done += 1
        if painter.isActive():
            painter.end()
        if progress is not None:
            progress(len(pages), len(pages), "Sent to the printer.")
        return done
    finally:
        document.close()
