"""The agenda pack: the agenda front sheet, a contents page, then each item's papers in order
(the previous meeting's minutes, attached reports, and for the work programme item the action
log, recommendation schedule and work programme generated fresh), with continuous page numbers
stamped on every page, a bookmark per item and page labels.

One number per page: the papers the pack generates print no "Page N of M" of their own
(``page.pack_numbering``), and attached reports are scaled to clear the strip the number sits in
(``stamping``). Every bookmark points at a real page: an item's first paper, or for an item
without papers its line on the agenda. Attached reports are titled as the officer typed, else
by the PDF's own /Title, else by the file name. A full pack holding an exempt item says NOT FOR
PUBLICATION and the paragraph on its cover, its contents and every page of that item; the
previous meeting's minutes print as a draft until approved (as at the pack's date), and say so
plainly when none have been written.

Two passes: the papers are built (and attachments checked) first, their pages counted, then the
agenda and contents are built with the page ranges that result, and the whole is assembled.
Nothing is written until the whole pack has been made; a path is replaced in one step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import re
from collections.abc import Iterable, Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.generic import Fit
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

from desktop_app.domain.dates import format_uk, municipal_year
from desktop_app.domain.records import (
    ActionRow, MeetingRow, MemberRow, RecommendationRow, WorkItemRow,
)
from desktop_app.domain.minutes_people import MinutesRecord
from desktop_app.reports import page, parts, stamping, tagging_merge
from desktop_app.reports.action_log import build_action_log
from desktop_app.reports.agenda import agenda_pdf
from desktop_app.reports.attachments import attachment_title, load_attachment
from desktop_app.reports.contents import (
    ContentsEntry, contents_pdf, exempt_cover, exempt_placeholder,
)
from desktop_app.reports.errors import ReportError
from desktop_app.reports.exemption import (
    NOT_FOR_PUBLICATION, Disclosure, ItemView, cover_marking, exempt_page_mark,
)
from desktop_app.reports.minutes import has_minutes, minutes_pdf
from desktop_app.reports.recommendations import build_recommendations
from desktop_app.reports.work_programme import build_work_programme

_MAX_PASSES = 6
log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Paper:
    title: str
    data: bytes | None          # generated PDFs
    reader: PdfReader
    marked: bool = False        # carries its own NOT FOR PUBLICATION marking (exempt cover)

    @property
    def pages(self) -> int:
        return len(self.reader.pages)


@dataclasses.dataclass(frozen=True)
class ItemPapers:
    view: ItemView
    papers: tuple[Paper, ...]

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.papers)


def is_minutes_item(title: str) -> bool:
    return bool(re.match(r"\s*minutes\b", title or "", re.I))


def is_work_programme_item(title: str) -> bool:
    return "work programme" in (title or "").casefold()


def _generated(title: str, data: bytes, marked: bool = False) -> Paper:
    return Paper(title, data, PdfReader(io.BytesIO(data)), marked)


def _to_bytes(build, *args, **kwargs) -> bytes:
    out = io.BytesIO()
    with page.pack_numbering():
        build(out, *args, **kwargs)
    return out.getvalue()


@dataclasses.dataclass(frozen=True)
class _Context:
    committee: parts.CommitteeLike
    name: str
    council: str
    meeting: MeetingRow
    as_at: dt.date
    public: bool
    disclosure: Disclosure
    previous_meeting: MeetingRow | None
    actions: tuple[ActionRow, ...]
    recommendations: tuple[RecommendationRow, ...]
    work_items: tuple[WorkItemRow, ...]
    meetings: tuple[MeetingRow, ...]
    last_meeting: dt.date | None
    history_gap: str = ""
    previous_record: MinutesRecord | None = None


def _item_papers(ctx: _Context, view: ItemView) -> tuple[Paper, ...]:
    """Every paper of one item, in order; attachments are checked here."""
    item = view.item
    notice_kw = dict(committee=ctx.name, council=ctx.council, meeting=ctx.meeting,
                     as_at=ctx.as_at)
    minutes = is_minutes_item(item.title) and ctx.previous_meeting is not None
    work_programme = is_work_programme_item(item.title)
    if view.withheld:
        has_papers = bool(item.attachments) or minutes or work_programme
        if not has_papers:
            return ()
        with page.pack_numbering():
            placeholder = exempt_placeholder(item, view.notice, view.reason, **notice_kw)
        return (_generated(view.notice, placeholder),)
    papers: list[Paper] = []
    if view.exempt:
        with page.pack_numbering():
            cover = exempt_cover(item, view.notice, view.reason, **notice_kw)
        papers.append(_generated(NOT_FOR_PUBLICATION.capitalize(), cover, marked=True))
    if minutes:
        prev = ctx.previous_meeting
        assert prev is not None
        title = f"Minutes of the meeting on {format_uk(prev.date)}"
        if not has_minutes(prev):
            title += " (not yet recorded)"
        with page.pack_numbering():
            data = minutes_pdf(prev, committee=ctx.committee, as_at=ctx.as_at,
                               public=ctx.public, record=ctx.previous_record)
        papers.append(_generated(title, data))
    for attachment in view.attachments:
        reader = load_attachment(item, attachment)
        papers.append(Paper(attachment_title(attachment, reader), None, reader))
    if work_programme:
        common = dict(committee=ctx.committee, as_at=ctx.as_at, public=ctx.public)
        year = municipal_year(ctx.meeting.date)
        year_meetings = [m for m in ctx.meetings if municipal_year(m.date) == year]
        papers.append(_generated("Action log", _to_bytes(
            build_action_log, ctx.actions, meetings=ctx.meetings, last_meeting=ctx.last_meeting,
            history_gap=ctx.history_gap, **common)))
        papers.append(_generated("Recommendations and responses", _to_bytes(
            build_recommendations, ctx.recommendations, meetings=ctx.meetings,
            last_meeting=ctx.last_meeting, history_gap=ctx.history_gap, **common)))
        papers.append(_generated(f"Work programme {year}", _to_bytes(
            build_work_programme, year_meetings or [ctx.meeting], ctx.work_items, **common)))
    return tuple(papers)


def _ranges(items: Sequence[ItemPapers], first_page: int) -> tuple[dict, list[ContentsEntry]]:
    ranges: dict[int, tuple[int, int]] = {}
    entries: list[ContentsEntry] = []
    at = first_page
    for entry in items:
        papers = []
        start = at
        for paper in entry.papers:
            papers.append((paper.title, (at, at + paper.pages - 1)))
            at += paper.pages
        item = entry.view.item
        if entry.papers:
            ranges[item.id] = (start, at - 1)
        entries.append(ContentsEntry(item.number, item.title, ranges.get(item.id), tuple(papers)))
    return ranges, entries


def _count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@dataclasses.dataclass(frozen=True)
class _Front:
    agenda: bytes
    contents: bytes
    entries: tuple[ContentsEntry, ...]
    links: tuple[tuple[int, parts.LinkSpot], ...]    # (page offset of its document, spot)


def _front_matter(ctx: _Context, members: Sequence[MemberRow], items: Sequence[ItemPapers],
                  marking: str) -> _Front:
    """Agenda and contents with page ranges that are right once they are in front."""
    counts = (0, 0)
    for _ in range(_MAX_PASSES):
        ranges, entries = _ranges(items, counts[0] + counts[1] + 1)
        agenda_spots: list[parts.LinkSpot] = []
        contents_spots: list[parts.LinkSpot] = []
        with page.pack_numbering():
            agenda = agenda_pdf(ctx.meeting, members, committee=ctx.committee, as_at=ctx.as_at,
                                public=ctx.public, page_ranges=ranges, spots=agenda_spots,
                                marking=marking)
            contents = contents_pdf(ctx.meeting, entries, committee=ctx.name,
                                    council=ctx.council, as_at=ctx.as_at, marking=marking,
                                    spots=contents_spots)
        new_counts = (_count(agenda), _count(contents))
        if new_counts == counts:
            links = [(0, spot) for spot in agenda_spots]
            links += [(counts[0], spot) for spot in contents_spots]
            return _Front(agenda, contents, tuple(entries), tuple(links))
        counts = new_counts
    raise ReportError("the pack's page numbering did not settle; please report this")


def _merged(front: _Front, items: Sequence[ItemPapers]) -> list[tagging_merge.MergedPaper]:
    """Every paper of the pack with the pack page it starts on (for its structure tree)."""
    agenda_pages = _count(front.agenda)
    out = [tagging_merge.MergedPaper("Agenda", front.agenda, 0),
           tagging_merge.MergedPaper("Contents", front.contents, agenda_pages)]
    at = agenda_pages + _count(front.contents)
    for entry in items:
        for paper in entry.papers:
            data = paper.data
            if data is None:
                stream = paper.reader.stream
                data = stream.getvalue() if isinstance(stream, io.BytesIO) else b""
            out.append(tagging_merge.MergedPaper(paper.title, data, at))
            at += paper.pages
    return out


def untagged_note(titles: Sequence[str]) -> str:
    """What the officer is told about merged reports that are not tagged PDF."""
    if not titles:
        return ""
    return ("Not accessible to screen readers (not tagged PDF), as merged into the pack: "
            f"{'; '.join(titles)}. Ask their authors for tagged versions before the pack is "
            "published.")


def _assemble(ctx: _Context, front: _Front, items: Sequence[ItemPapers], marking: str,
              untagged: list[str] | None = None) -> bytes:
    """The pack's bytes; ``untagged`` gets the titles of merged reports without structure."""
    agenda, contents, entries = front.agenda, front.contents, front.entries
    writer = PdfWriter()
    digest = hashlib.md5(usedforsecurity=False)
    agenda_reader, contents_reader = PdfReader(io.BytesIO(agenda)), PdfReader(io.BytesIO(contents))
    for reader, data in ((agenda_reader, agenda), (contents_reader, contents)):
        digest.update(data)
        for pdf_page in reader.pages:
            writer.add_page(pdf_page)
    contents_at = len(agenda_reader.pages)
    # the front matter is ours (its foot is clear); the cover and contents carry the marking
    stamps = [stamping.PageStamp(clear=True)] * len(writer.pages)
    for entry in items:
        mark = exempt_page_mark(entry.view)
        for paper in entry.papers:
            digest.update(paper.data if paper.data is not None else
                          f"{paper.title}:{paper.pages}".encode())
            stamp = stamping.PageStamp("" if paper.marked else mark, paper.data is not None)
            for pdf_page in paper.reader.pages:
                writer.add_page(pdf_page)
                stamps.append(stamp)
    # bookmarks: the pages exist now, so each points at a real page; an item without papers
    # points at its line on the agenda
    agenda_lines = {spot.key: spot for offset, spot in front.links
                    if offset == 0 and spot.key is not None}
    writer.add_outline_item(title="Agenda", page_number=0)
    writer.add_outline_item(title="Contents", page_number=contents_at)
    for entry, contents_entry in zip(items, entries):
        item = entry.view.item
        title = f"{item.number}. {item.title}"
        line = agenda_lines.get(item.id)
        if contents_entry.pages:
            parent = writer.add_outline_item(title=title, page_number=contents_entry.pages[0] - 1)
        elif line is not None:
            parent = writer.add_outline_item(title=title, page_number=line.page_index,
                                             fit=Fit.xyz(left=0, top=line.rect[3] + 6))
        else:
            parent = writer.add_outline_item(title=title, page_number=0)
        for paper_title, (start, _end) in contents_entry.papers:
            writer.add_outline_item(title=paper_title, page_number=start - 1, parent=parent)
    # the agenda's item titles and the contents lines open their papers
    for offset, spot in front.links:
        if spot.target is None:
            continue
        writer.add_annotation(page_number=offset + spot.page_index, annotation=Link(
            rect=spot.rect, target_page_index=spot.target - 1))
    stamping.stamp_numbers(writer, first=1, stamps=stamps)
    total = len(writer.pages)
    writer.set_page_label(0, total - 1, style=PageLabelStyle.DECIMAL, start=1)
    title = f"Agenda pack: {ctx.name}, {format_uk(ctx.meeting.date, 'full')}"
    if ctx.public:
        title += " (public)"
    writer.add_metadata({
        "/Title": title,
        "/Author": ctx.council or page.CREATOR,
        "/Subject": f"Agenda and papers for the meeting of the {ctx.name} on "
                    f"{format_uk(ctx.meeting.date)}" + (f" – {marking}" if marking else ""),
        "/Creator": page.CREATOR, "/Producer": page.CREATOR,
        "/Keywords": "scrutiny, agenda pack",
    })
    writer._root_object[NameObject("/Lang")] = TextStringObject(page.LANGUAGE)
    writer.page_mode = "/UseOutlines"
    ident = ByteStringObject(digest.digest())
    writer._ID = ArrayObject((ident, ident))     # repeatable bytes, unique per content
    out = io.BytesIO()
    writer.write(out)
    data, missing = tagging_merge.merge_trees(out.getvalue(), _merged(front, items), title=title,
                                              language=page.LANGUAGE)
    if missing:
        log.warning("%s", untagged_note(missing))
    if untagged is not None:
        untagged += missing
    return data


@dataclasses.dataclass(frozen=True)
class PackPlan:
    """Everything a pack is made of, before assembly: the papers of each item and front matter
    whose page ranges are right."""

    ctx: _Context
    items: tuple[ItemPapers, ...]
    front: _Front
    marking: str

    @property
    def page_ranges(self) -> dict[int, tuple[int, int]]:
        return {e.view.item.id: (c.pages[0], c.pages[1])
                for e, c in zip(self.items, self.front.entries) if c.pages}


def plan_pack(meeting: MeetingRow, members: Sequence[MemberRow], *,
              committee: parts.CommitteeLike, as_at: dt.date, public: bool = False,
              previous_meeting: MeetingRow | None = None, actions: Iterable[ActionRow] = (),
              recommendations: Iterable[RecommendationRow] = (),
              work_items: Iterable[WorkItemRow] = (), meetings: Sequence[MeetingRow] = (),
              last_meeting: dt.date | None = None, history_gap: str = "",
              previous_record: MinutesRecord | None = None) -> PackPlan:
    """Build every paper (checking attachments), count pages, then the agenda and contents."""
    name, council = parts.committee_names(committee)
    everything = {m.id: m for m in meetings}
    everything[meeting.id] = meeting
    if previous_meeting is not None:
        everything[previous_meeting.id] = previous_meeting
    all_meetings = tuple(sorted(everything.values(), key=lambda m: m.date))
    ctx = _Context(
        committee=committee, name=name, council=council, meeting=meeting, as_at=as_at,
        public=public, disclosure=Disclosure.of(public, all_meetings),
        previous_meeting=previous_meeting, actions=tuple(actions),
        recommendations=tuple(recommendations), work_items=tuple(work_items),
        meetings=all_meetings,
        last_meeting=last_meeting or (previous_meeting.date if previous_meeting else None),
        history_gap=history_gap, previous_record=previous_record)
    items = tuple(ItemPapers(view, _item_papers(ctx, view))
                  for view in ctx.disclosure.items(meeting))
    marking = cover_marking([entry.view for entry in items])
    return PackPlan(ctx, items, _front_matter(ctx, members, items, marking), marking)


def pack_pdf(meeting: MeetingRow, members: Sequence[MemberRow], *,
             untagged: list[str] | None = None, **kwargs) -> bytes:
    """The pack's bytes (see :func:`build_pack` for the arguments); ``untagged`` gets the
    titles of merged reports that are not tagged PDF."""
    plan = plan_pack(meeting, members, **kwargs)
    return _assemble(plan.ctx, plan.front, plan.items, plan.marking, untagged)


def build_pack(target: page.Target, meeting: MeetingRow, members: Sequence[MemberRow], *,
               committee: parts.CommitteeLike, as_at: dt.date, public: bool = False,
               previous_meeting: MeetingRow | None = None, actions: Iterable[ActionRow] = (),
               recommendations: Iterable[RecommendationRow] = (),
               work_items: Iterable[WorkItemRow] = (), meetings: Sequence[MeetingRow] = (),
               last_meeting: dt.date | None = None, history_gap: str = "",
               previous_record: MinutesRecord | None = None) -> list[str]:
    """Write the agenda pack for ``meeting`` to ``target`` (a path or a binary file).

    ``meetings`` are the committee's meetings (with their items: exempt items are recognised
    from them); ``previous_meeting`` supplies the minutes. With ``public=True`` no exempt paper,
    minute or entry text appears anywhere in the file. A broken attachment raises ReportError
    and nothing is written. ``history_gap`` is said by an action log or schedule that comes
    out empty. Returns the titles of merged reports that are not tagged PDF (also logged).
    """
    untagged: list[str] = []
    data = pack_pdf(meeting, members, committee=committee, as_at=as_at, public=public,
                    previous_meeting=previous_meeting, actions=actions,
                    recommendations=recommendations, work_items=work_items, meetings=meetings,
                    last_meeting=last_meeting, history_gap=history_gap,
                    previous_record=previous_record, untagged=untagged)
    page.write_output(target, data)
    return untagged
