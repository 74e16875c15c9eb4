"""Windows' dark mode: Qt gives the app a dark palette, and the app's colours were chosen for a
light window. The app sets its own light look at start-up (desktop_app/ui/theme.py); here the
window is built under a dark system palette and the contrast of what is drawn is measured:
labels from their pixels, table cells from the colours their models give."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QStyleFactory, QWidget

from desktop_app.ui import theme

R = QPalette.ColorRole
# What Qt gives an application when Windows is in dark mode (Qt 6's Windows 11 palette).
DARK = {R.Window: "#202020", R.WindowText: "#ffffff", R.Base: "#1c1c1c",
        R.AlternateBase: "#2b2b2b", R.Text: "#ffffff", R.Button: "#2d2d2d",
        R.ButtonText: "#ffffff", R.ToolTipBase: "#2b2b2b", R.ToolTipText: "#ffffff",
        R.PlaceholderText: "#9d9d9d", R.Highlight: "#0078d4", R.HighlightedText: "#ffffff",
        R.Light: "#3c3c3c", R.Mid: "#2d2d2d", R.Dark: "#1a1a1a"}
READABLE = 4.5      # WCAG 2 AA for body text


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def drawn_contrast(widget: QWidget) -> float:
    """The contrast of the drawn text with its background: the commonest colour of the widget's
    pixels is the background; the text is the colour (seen on a few pixels at least) that
    stands out most from it."""
    top = widget.window()   # what is really drawn there, parents' backgrounds included
    area = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    image = top.grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())[: image.sizeInBytes()]
    counts = Counter(data[i:i + 4] for i in range(0, len(data), 4))
    (background, _n), *others = counts.most_common()
    bg = QColor.fromRgb(background[2], background[1], background[0])
    best = 1.0
    for pixel, n in others:
        if n >= 3:
            best = max(best, contrast(bg, QColor.fromRgb(pixel[2], pixel[1], pixel[0])))
    return best


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_system(qapp):
    """The system in dark mode; the app's own look and the previous state put back after."""
    style, palette = qapp.style().name(), qapp.palette()
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)


def _columns(model) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:   # a list model keeps columnCount private: one column
        return 1


def _cell_problems(view: QAbstractItemView, limit: int = 40) -> list[str]:
    model = view.model()
    if model is None:
        return []
    problems = []
    palette = view.palette()
    for row in range(min(model.rowCount(), limit)):
        for col in range(_columns(model)):
            index = model.index(row, col)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            bg = index.data(Qt.ItemDataRole.BackgroundRole)
            fg = index.data(Qt.ItemDataRole.ForegroundRole)
            # a brush or a colour (the Meetings and Work programme grids give colours)
            bg = palette.color(R.Base) if bg is None else QColor(bg) if isinstance(bg, QColor) \
                else bg.color()
            fg = palette.color(R.Text) if fg is None else QColor(fg) if isinstance(fg, QColor) \
                else fg.color()
            ratio = contrast(bg, fg)
            if ratio < READABLE:
                problems.append(f"{view.objectName() or type(view).__name__} row {row} "
                                f"col {col} {str(text)[:30]!r}: {fg.name()} on {bg.name()} "
                                f"({ratio:.1f}:1)")
    return problems


def _label_problems(root: QWidget) -> list[str]:
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.width() < 4:
            continue
        ratio = drawn_contrast(label)
        if ratio < READABLE:
            problems.append(f"label {label.objectName() or label.text()[:40]!r}: "
                            f"{ratio:.1f}:1")
    return problems


def _problems(window) -> list[str]:
    found: list[str] = []
    for tab in (window.meetings_tab, window.work_tab, window.tracker):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        found += _label_problems(window)
        for view in window.findChildren(QAbstractItemView):
            if view.isVisible():
                found += _cell_problems(view)
    return sorted(set(found))


def test_the_checker_sees_unreadable_text(dark_system, qtbot):
    """The measurement itself: the app's grey hint colour on the dark window is unreadable."""
    label = QLabel("Database: tracker.db")
    label.setStyleSheet("color: #5f6368;")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert drawn_contrast(label) < READABLE
    theme.apply(dark_system)
    label.setStyleSheet("color: #5f6368;")    # polished again under the app's own palette
    assert drawn_contrast(label) >= READABLE


def test_the_theme_is_light_whatever_the_system_says(dark_system):
    theme.apply(dark_system)
    palette = dark_system.palette()
    assert dark_system.style().name().lower() == "fusion"
    for text, background in ((R.WindowText, R.Window), (R.Text, R.Base),
                             (R.ButtonText, R.Button), (R.HighlightedText, R.Highlight),
                             (R.ToolTipText, R.ToolTipBase), (R.PlaceholderText, R.Base)):
        assert contrast(palette.color(text), palette.color(background)) >= READABLE
    assert _luminance(palette.color(R.Window)) > 0.7     # a light window


def test_main_window_under_dark_mode_is_readable(dark_system, qtbot, demo_db, today,
                                                 open_window, tmp_path):
    theme.apply(dark_system)
    window = open_window(demo_db)
    assert _problems(window) == []
    window.grab().save(str(tmp_path / "dark-system-light-app.png"))


def test_welcome_page_under_dark_mode_is_readable(dark_system, qtbot, db, today, open_window):
    theme.apply(dark_system)
    window = open_window(db)
    assert window.stack.currentWidget() is window.welcome
    assert _label_problems(window.welcome) == []
