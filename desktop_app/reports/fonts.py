"""The typeface every document embeds.

Source Sans Pro (SIL Open Font Licence) ships as TrueType files inside the PyPI package
``font-source-sans-pro``. It is a clean sans serif and, unlike reportlab's bundled Vera, it
carries the Welsh circumflexed letters (ŵ ŷ Ŵ Ŷ) as well as £ – ’ “ ” and the accented names
officers type ("Helen l'Anson", "Zoë", "Siân"). The fonts are embedded (subset) in every PDF,
so a document prints the same on any machine.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.reports.errors import ReportError

FAMILY = "SourceSans"
REGULAR = "SourceSans"
BOLD = "SourceSans-Bold"
ITALIC = "SourceSans-Italic"
BOLD_ITALIC = "SourceSans-BoldItalic"
SEMIBOLD = "SourceSans-Semibold"

_FILES = {
    REGULAR: "SourceSansPro-Regular.ttf",
    BOLD: "SourceSansPro-Bold.ttf",
    ITALIC: "SourceSansPro-It.ttf",
    BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
    SEMIBOLD: "SourceSansPro-Semibold.ttf",
}

def _font_dir() -> Path:
    try:
        return Path(str(importlib.resources.files("font_source_sans_pro"))) / "files"
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise ReportError(
            "the report font is missing: install the 'font-source-sans-pro' package") from exc


@functools.cache
def register_fonts() -> str:
    """Register the family with reportlab once per process; returns the regular font name."""
    folder = _font_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise ReportError(f"the report font file {path} is missing; reinstall font-source-sans-pro")
        pdfmetrics.registerFont(TTFont(name, str(path), asciiReadable=True))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return REGULAR
