"""Small pieces several documents share: the title block, section headings, empty notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from desktop_app.domain.dates import format_uk
from desktop_app.domain.records import CommitteeRow
from desktop_app.reports import theme
from desktop_app.reports.theme import esc

CommitteeLike = CommitteeRow | str


def committee_names(committee: CommitteeLike) -> tuple[str, str]:
    """(committee name, council name) from a CommitteeRow or a bare name."""
    if isinstance(committee, CommitteeRow):
        return committee.name, committee.council
    return str(committee), ""


def title_block(title: str, committee: str, as_at: dt.date, lines: Sequence[str] = ()
                ) -> list[Flowable]:
    st = theme.styles()
    out: list[Flowable] = [
        Paragraph(esc(title), st["title"]),
        Paragraph(esc(committee), st["subtitle"]),
        Paragraph(f"As at {esc(format_uk(as_at, 'full'))}", st["small"]),
    ]
    out += [Paragraph(line, st["small"]) for line in lines]
    out.append(Spacer(0, 6))
    return out


def section(title: str, note: str = "", *, level: str = "h1", keep: float = 90) -> list[Flowable]:
    """A heading that does not sit alone at the foot of a page."""
    st = theme.styles()
    out: list[Flowable] = [CondPageBreak(keep), Paragraph(esc(title), st[level])]
    if note:
        out.append(Paragraph(esc(note), st["note"]))
    return out


def empty(note: str) -> Paragraph:
    return Paragraph(esc(note), theme.styles()["note"])


def joined(*sentences: str) -> str:
    """Sentences run together, the empty ones left out."""
    return " ".join(s for s in sentences if s)


def format_time(value: dt.time | None) -> str:
    """"2.30 pm", "10 am", "12 noon"."""
    if value is None:
        return ""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}.{value.minute:02d} {suffix}" if value.minute else f"{hour} {suffix}"


@dataclasses.dataclass(frozen=True)
class LinkSpot:
    """Where a line of a contents list was drawn, and the pack page it should open."""

    page_index: int                              # page of its own document, from 0
    rect: tuple[float, float, float, float]      # x1, y1, x2, y2 in points
    target: int | None                           # pack page number, from 1 (None: no link)
    key: int | None = None                       # what was drawn there (an agenda item's id)


class LinkedParagraph(Paragraph):
    """A paragraph that notes where it was drawn (to the line's right edge) so the pack can
    make it a link to ``target``."""

    def __init__(self, text: str, style, *, target: int | None, spots: list[LinkSpot],
                 right_edge: float, key: int | None = None):
        super().__init__(text, style)
        self._target, self._spots, self._right = target, spots, right_edge
        self._key = key

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 - reportlab's name
        # typeshed leaves out reportlab's _sW (the spare width used to align the paragraph)
        super().drawOn(canv, x, y, _sW)  # pyright: ignore[reportCallIssue]
        if self._target is None and self._key is None:
            return
        left, bottom = canv.absolutePosition(x, y)
        self._spots.append(LinkSpot(canv.getPageNumber() - 1,
                                    (left - 2, bottom - 2, self._right, bottom + self.height + 2),
                                    self._target, self._key))
