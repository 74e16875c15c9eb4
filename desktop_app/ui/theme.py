"""The app's own light look: Fusion with a fixed light palette and the light colour scheme.

Qt follows Windows' dark mode (dark window, light text), while about eighty colours in the app
(the attention strip, badges, row tints, hints) were chosen for a light window: under dark mode
their text becomes unreadable. Until a dark theme is designed and tested, the app sets this
palette at start-up whatever the system chooses, so every colour is seen on the background it
was chosen for. ``tests/ui/test_dark_mode.py`` builds the window under a dark system palette
and measures the contrast of the key widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

R = QPalette.ColorRole
G = QPalette.ColorGroup

# Fusion's light palette, written out (Fusion's own follows the system's dark mode in Qt 6.5+).
LIGHT = {
    R.Window: "#efefef", R.WindowText: "#000000", R.Base: "#ffffff",
    R.AlternateBase: "#f5f5f5", R.ToolTipBase: "#ffffdc", R.ToolTipText: "#000000",
    R.PlaceholderText: "#6e6e6e", R.Text: "#000000", R.Button: "#efefef",
    R.ButtonText: "#000000", R.BrightText: "#ffffff", R.Light: "#ffffff",
    R.Midlight: "#cacaca", R.Mid: "#b8b8b8", R.Dark: "#9f9f9f", R.Shadow: "#767676",
    R.Highlight: "#2f6fb0", R.HighlightedText: "#ffffff", R.Link: "#0b57d0",
    R.LinkVisited: "#6a1b9a",
}
DISABLED = {R.WindowText: "#8a8a8a", R.Text: "#8a8a8a", R.ButtonText: "#8a8a8a",
            R.Base: "#efefef", R.Highlight: "#9f9f9f"}


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DISABLED.items():
        palette.setColor(G.Disabled, role, QColor(colour))
    if hasattr(R, "Accent"):   # Qt 6.6+
        palette.setColor(R.Accent, QColor(LIGHT[R.Highlight]))
    return palette


def apply(app: QApplication) -> None:
    """Fusion, the light colour scheme and the light palette, whatever the system says."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):   # Qt 6.8+: what Qt tells widgets and dialogs
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())
