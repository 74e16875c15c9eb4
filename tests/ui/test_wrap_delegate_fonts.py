"""WrapDelegate keeps each font's key and line spacing after the first cell drawn in it (a
grid draws in two or three fonts): what it keeps is what Qt says of the font itself."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from desktop_app.ui.widgets.wrap_delegate import WrapDelegate


def test_each_font_known_by_what_qt_says_of_it(qapp):
    delegate = WrapDelegate(3)
    plain = QFont(qapp.font())
    bold = QFont(plain)
    bold.setBold(True)
    bigger = QFont(plain)
    bigger.setPointSizeF(plain.pointSizeF() + 2)
    for font in (plain, bold, QFont(plain), bigger, QFont(bold), QFont(bigger)):
        assert delegate._font(font) == (font.key(), QFontMetrics(font).lineSpacing())
    assert len(delegate._fonts) == 3      # an equal font (another object) found, not added
