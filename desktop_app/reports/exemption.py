"""What a public document may show: the one place that applies Schedule 12A exemptions.

Every document and the pack ask a :class:`Disclosure` for their rows and papers. With
``public=True`` an exempt agenda item keeps its number and title (they are on the public
agenda), but its papers, its minutes text and the text of actions, recommendations and work
programme entries arising from it are replaced by the notice "Exempt: paragraph N".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from desktop_app.domain.records import (
    ActionRow, AgendaItemRow, AttachmentRow, MeetingRow, RecommendationRow, WorkItemRow,
)

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
_NUMBERING = re.compile(r"^\s*(item\s+)?\d+[a-z]?[.):]?\s+", re.I)


def _paragraph_text(paragraph: str) -> str:
    return (paragraph or "").strip().removeprefix("paragraph").strip()


def exempt_notice(paragraph: str) -> str:
    """The short notice printed where withheld text would be: "Exempt: paragraph 3"."""
    number = _paragraph_text(paragraph)
    return f"Exempt: paragraph {number}" if number else "Exempt"


def exempt_reason(paragraph: str) -> str:
    """The statutory wording, as the agenda prints it."""
    number = _paragraph_text(paragraph)
    where = f"paragraph {number} of Schedule 12A" if number else "Schedule 12A"
    return (f"This item is likely to involve the disclosure of exempt information as defined in "
            f"{where} to the Local Government Act 1972 (as amended).")


def _key(meeting_id: int | None, title: str) -> tuple[int | None, str]:
    return meeting_id, " ".join(_NUMBERING.sub("", title or "").casefold().split())


@dataclasses.dataclass(frozen=True)
class ItemView:
    """An agenda item as a document may print it."""

    item: AgendaItemRow
    withheld: bool          # True: papers and minutes text are left out (public output)
    notice: str             # "Exempt: paragraph 3" for exempt items, else ""
    reason: str             # the statutory wording for exempt items, else ""
    minutes_text: str
    attachments: tuple[AttachmentRow, ...]
    purpose: str = ""       # withheld (empty) in public output for exempt items

    @property
    def has_minutes(self) -> bool:
        """Whether a minute was recorded (withheld or not)."""
        return bool((self.item.minutes_text or "").strip())

    @property
    def exempt(self) -> bool:
        return bool(self.item.exempt)


@dataclasses.dataclass(frozen=True)
class Disclosure:
    """Filters rows and papers for public or full output."""

    public: bool
    exempt_items: dict[tuple[int | None, str], str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, public: bool, meetings: Iterable[MeetingRow] = ()) -> Disclosure:
        exempt: dict[tuple[int | None, str], str] = {}
        for meeting in meetings:
            for item in meeting.items:
                if item.exempt:
                    exempt[_key(meeting.id, item.title)] = item.exempt_paragraph
        return cls(public, exempt)

    # -- agenda items and their papers
    def item(self, item: AgendaItemRow) -> ItemView:
        purpose = item.purpose or ""
        if not item.exempt:
            return ItemView(item, False, "", "", item.minutes_text or "", tuple(item.attachments),
                            purpose)
        notice, reason = exempt_notice(item.exempt_paragraph), exempt_reason(item.exempt_paragraph)
        if self.public:     # the title may stay (Schedule 12A practice); nothing else does
            return ItemView(item, True, notice, reason, notice, ())
        return ItemView(item, False, notice, reason, item.minutes_text or "", tuple(item.attachments),
                        purpose)

    def items(self, meeting: MeetingRow | None) -> list[ItemView]:
        return [self.item(item) for item in (meeting.items if meeting else ())]

    # -- rows that may arise from exempt items
    def _paragraph(self, meeting_id: int | None, title: str) -> str | None:
        if not self.exempt_items:
            return None
        return self.exempt_items.get(_key(meeting_id, title))

    def row_notice(self, meeting_id: int | None, title: str) -> str:
        """"Exempt: paragraph N" for a row arising from an exempt item, else ""."""
        paragraph = self._paragraph(meeting_id, title)
        return "" if paragraph is None else exempt_notice(paragraph)

    def is_exempt_row(self, meeting_id: int | None, title: str) -> bool:
        return self._paragraph(meeting_id, title) is not None

    def actions(self, rows: Sequence[ActionRow]) -> list[ActionRow]:
        out = []
        for row in rows:
            paragraph = self._paragraph(row.meeting_id, row.item)
            if paragraph is not None and self.public:
                notice = exempt_notice(paragraph)
                row = dataclasses.replace(row, text=notice, progress="", updates=(), extra={})
            out.append(row)
        return out

    def recommendations(self, rows: Sequence[RecommendationRow]) -> list[RecommendationRow]:
        out = []
        for row in rows:
            paragraph = self._paragraph(row.meeting_id, row.item)
            if paragraph is not None and self.public:
                notice = exempt_notice(paragraph)
                row = dataclasses.replace(row, text=notice, response="", updates=(), extra={})
            out.append(row)
        return out

    def work_items(self, rows: Sequence[WorkItemRow]) -> list[WorkItemRow]:
        out = []
        for row in rows:
            paragraph = self._paragraph(row.meeting_id, row.title)
            if paragraph is not None and self.public:
                notice = exempt_notice(paragraph)
                row = dataclasses.replace(row, origin=notice, position="", extra={},
                                          moves=tuple(dataclasses.replace(m, reason="")
                                                      for m in row.moves))
            out.append(row)
        return out

    def marking(self, *, shows_exempt: bool) -> str:
        """The protective marking for a document: only full (non-public) output that carries
        exempt material is marked."""
        return NOT_FOR_PUBLICATION if (shows_exempt and not self.public) else ""

    def any_exempt(self, pairs: Iterable[tuple[int | None, str]]) -> bool:
        return any(self.is_exempt_row(meeting_id, title) for meeting_id, title in pairs)


def exempt_page_mark(view: ItemView) -> str:
    """What every page of an exempt item's papers says in a full pack."""
    if not view.exempt or view.withheld:
        return ""
    return f"{NOT_FOR_PUBLICATION} – {view.notice}"


def cover_marking(views: Sequence[ItemView]) -> str:
    """The cover's marking when a full pack holds exempt items: which, under which paragraph."""
    shown = [view for view in views if view.exempt and not view.withheld]
    if not shown:
        return ""
    described = []
    for view in shown:
        paragraph = view.notice.removeprefix("Exempt").lstrip(": ") or "Schedule 12A"
        described.append(f"item {view.item.number} ({paragraph})")
    return f"{NOT_FOR_PUBLICATION} – exempt information: {', '.join(described)}"
