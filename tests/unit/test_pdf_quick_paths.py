"""The short cuts that make a long PDF quicker give exactly what reportlab's own way gives
(benchmarks/bench_pdf.py measures what they save)."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument

from desktop_app.reports import fonts
from desktop_app.reports.text_ops import ESCAPE, text_pieces

# printable ASCII, PDF string escapes, characters new to the document and ones seen before,
# a no-break space, control characters, a character the font lacks, and enough different
# letters to fill subset 0 and go on into subset 1
_STRINGS = [
    "Plain words", "", "Brackets (a) and \\ back-slash", "Zoë Siân l'Anson’s “draft” – £1,250",
    "Zoë again", "no\u00a0break", "tab\tand bell\x07", "nul\x00", "Ŵ ŷ Ŵŷ", "\u2603 snowman",
    "".join(chr(c) for c in range(0x100, 0x180)), "".join(chr(c) for c in range(0x391, 0x3c9)),
    "".join(chr(c) for c in range(0x400, 0x45f)), "Zoë (again) \\ ŵ", "Ѐ late Cyrillic Ѐ",
    "".join(chr(c) for c in range(0x100, 0x180)), "ascii at the end",
]


def _reference(value: str, font, doc) -> list[tuple[int, str]]:
    return [(subset, chunk.decode("latin-1").translate(ESCAPE))
            for subset, chunk in font.splitString(value, doc)]


def test_fast_text_pieces_are_what_split_string_gives():
    fonts.register_fonts()
    for name in (fonts.REGULAR, fonts.BOLD):
        font = pdfmetrics.getFont(name)
        quick_doc, plain_doc = PDFDocument(invariant=1), PDFDocument(invariant=1)
        for value in [*_STRINGS, *_STRINGS]:
            assert list(text_pieces(value, font, quick_doc)) == _reference(value, font, plain_doc), \
                (name, value)
        assert font.state[quick_doc].assignments == font.state[plain_doc].assignments
        assert len(font.state[quick_doc].subsets) > 1        # the test did reach subset 1


def test_render_pauses_the_cycle_collector_and_leaves_it_as_it_found_it():
    """Off while a document is laid out; back on after only if it was on (the window keeps it
    off and collects on its own thread: ui/gc_guard.py)."""
    import datetime as dt
    import gc

    from reportlab.platypus import Flowable

    from desktop_app.reports import page

    seen: list[bool] = []

    class Probe(Flowable):
        def wrap(self, aw, ah):
            seen.append(gc.isenabled())
            return 0, 0

        def draw(self):
            seen.append(gc.isenabled())

    setup = page.PageSetup(title="Probe", committee="Committee", as_at=dt.date(2021, 11, 23))
    collecting = gc.isenabled()
    try:
        for state in (True, False):
            gc.enable() if state else gc.disable()
            seen.clear()
            assert page.render([Probe()], setup).startswith(b"%PDF")
            assert seen
            assert not any(seen)
            assert gc.isenabled() is state
    finally:
        gc.enable() if collecting else gc.disable()
