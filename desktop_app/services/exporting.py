"""Files written for other people: the action log, the recommendation schedule and the work
programme as workbooks (``export KIND -o FILE.xlsx``), the year's statistics, and the
documents as Word files and web pages (``export KIND -o FILE.docx|FILE.html``,
``export_document``). The rows are read here, through the usual services; ``exporters/`` only
writes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.db.engine import Database
from desktop_app.domain.print_options import DocumentOptions
from desktop_app.domain.dates import municipal_year, municipal_year_bounds
from desktop_app.exporters import stats_xlsx, xlsx_export
from desktop_app.reports.exemption import Disclosure
from desktop_app.services import actions, committees, meetings, recommendations, work_programme

__all__ = ["DOCUMENT_FORMATS", "DOCUMENT_KINDS", "EXPORT_KINDS", "DocumentWritten", "Exported",
           "document_format", "export_document", "export_workbook", "write_stats_workbook"]

EXPORT_KINDS = ("actions", "action-log", "recommendations", "work-programme")
# the documents written as Word files and web pages, and the formats by file suffix
DOCUMENT_KINDS = ("action-log", "actions", "recommendations", "work-programme", "minutes")
DOCUMENT_FORMATS = {".docx": "Word document", ".html": "web page", ".htm": "web page"}


class Exported(int):
    """The number of rows written, and how many records of exempt items were left out (or,
    with ``public``, kept with their text withheld)."""

    exempt_left_out: int
    exempt_withheld: int

    def __new__(cls, rows: int, left_out: int = 0, withheld: int = 0) -> Exported:
        value = super().__new__(cls, rows)
        value.exempt_left_out, value.exempt_withheld = left_out, withheld
        return value

    def exempt_words(self) -> str:
        if self.exempt_left_out:
            n = self.exempt_left_out
            return (f"; {n} record{'s' if n != 1 else ''} of exempt items left out "
                    f"(--include-exempt keeps them)")
        if self.exempt_withheld:
            return f"; the text of {self.exempt_withheld} exempt record(s) withheld"
        return ""


_T = TypeVar("_T")


def _exempt_rule(rows: Sequence[_T], disclosure: Disclosure, key: Callable[[_T], tuple],
                 withhold: Callable[[Sequence[_T]], list[_T]], *, include: bool,
                 public: bool) -> tuple[list[_T], int, int]:
    """Exempt items' records: left out unless ``include``; with ``public`` their text is
    replaced by the notice. Returns (rows, left out, withheld)."""
    exempt = [disclosure.is_exempt_row(*key(row)) for row in rows]
    if not include:
        return [row for row, no in zip(rows, exempt) if not no], sum(exempt), 0
    if public:
        return withhold(rows), 0, sum(exempt)
    return list(rows), 0, 0


def export_workbook(db: Database, kind: str, committee: str, path: str | os.PathLike[str], *,
                    meeting: dt.date | None = None, as_at: dt.date | None = None,
                    include_exempt: bool = False, public: bool = False) -> Exported:
    """Write ``committee``'s ``kind`` (one of EXPORT_KINDS) to ``path``; the number of rows.

    ``as_at``: the action log or recommendation schedule as it stood on that date;
    ``meeting``: the work programme of that date's municipal year (and the unscheduled items).
    Records arising from exempt agenda items (Schedule 12A) are left out unless
    ``include_exempt``; ``public`` never lets their text, response or position through.
    """
    from desktop_app.services.clock import today
    name = committees.get_committee(db, committee).name
    day = as_at or today()      # what OVERDUE, new and updated are counted at: said in the title
    disclosure = Disclosure.of(True, meetings.list_meetings(db, committee))
    rule = dict(include=include_exempt, public=public)
    if kind in ("actions", "action-log"):
        if as_at:
            from desktop_app.services.as_at import actions_as_at
            rows = actions_as_at(db, committee, as_at)
        else:
            rows = actions.list_actions(db, committee)
        kept, out, held = _exempt_rule(rows, disclosure, lambda r: (r.meeting_id, r.item),
                                       disclosure.actions, **rule)
        return Exported(xlsx_export.write_actions(path, kept, name, day), out, held)
    if kind == "recommendations":
        if as_at:
            from desktop_app.services.as_at import recommendations_as_at
            recs = recommendations_as_at(db, committee, as_at)
        else:
            recs = recommendations.list_recommendations(db, committee)
        kept_recs, out, held = _exempt_rule(recs, disclosure, lambda r: (r.meeting_id, r.item),
                                            disclosure.recommendations, **rule)
        return Exported(xlsx_export.write_recommendations(path, kept_recs, name, day), out, held)
    if kind != "work-programme":
        raise ValueError(f"cannot export {kind!r} (choose from {', '.join(EXPORT_KINDS)})")
    items = work_programme.list_work_programme(db, committee)
    if meeting:
        first, last = municipal_year_bounds(municipal_year(meeting))
        items = [w for w in items if w.meeting_date is None or first <= w.meeting_date <= last]
    kept_items, out, held = _exempt_rule(items, disclosure, lambda w: (w.meeting_id, w.title),
                                         disclosure.work_items, **rule)
    return Exported(xlsx_export.write_work_programme(path, kept_items, name), out, held)


def write_stats_workbook(path: str | os.PathLike[str], stats: Any) -> None:
    """The year's statistics (``services.stats.year_stats``) as a workbook."""
    stats_xlsx.write_stats_xlsx(Path(path), stats)


@dataclasses.dataclass(frozen=True)
class DocumentWritten:
    """What ``export_document`` wrote: the file, its format's words, the document's title, and
    how many tables and data rows it holds."""

    path: Path
    format: str
    title: str
    tables: int
    rows: int

    def describe(self) -> str:
        return (f"{self.format}, {self.tables} table{'s' if self.tables != 1 else ''}, "
                f"{self.rows} row{'s' if self.rows != 1 else ''}")


def document_format(path: str | os.PathLike[str]) -> str:
    """The format a document is written in, from the file's suffix ("Word document", "web
    page"); ValueError for any other suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in DOCUMENT_FORMATS:
        raise ValueError(f"{Path(path).name}: a document is written as .docx (Word) or .html "
                         f"(a web page), not {suffix or 'a file without a suffix'}")
    return DOCUMENT_FORMATS[suffix]


def export_document(db: Database, kind: str, committee: str, path: str | os.PathLike[str], *,
                    meeting: dt.date | None = None, as_at: dt.date | None = None,
                    public: bool = False, today: dt.date | None = None,
                    extra_columns: Sequence[str] = (),
                    options: DocumentOptions | None = None) -> DocumentWritten:
    """Write ``committee``'s ``kind`` (one of DOCUMENT_KINDS) to ``path`` as a Word document
    (.docx) or a web page (.html), saying exactly what the PDF says: the same rows, as-at date,
    new / updated / overdue marks, chosen columns and layout options, and exempt items as
    the PDF shows them (``public``: withheld). Arguments as ``reports.printing.write_document``;
    refusals (ReportError, ValueError) come before anything is written."""
    from desktop_app.exporters.docx_document import docx_bytes
    from desktop_app.exporters.atomic import write_whole
    from desktop_app.exporters.html_document import html_text
    from desktop_app.reports.errors import ReportError
    from desktop_app.reports.flat_document import flatten
    from desktop_app.reports.printing import canonical_kind, document_story

    words = document_format(path)
    if kind not in DOCUMENT_KINDS:
        raise ReportError(f"{kind!r} cannot be written as a {words} (choose from "
                          f"{', '.join(DOCUMENT_KINDS)})")
    flowables, setup = document_story(db, canonical_kind(kind), committee, meeting=meeting,
                                      as_at=as_at, public=public, today=today,
                                      extra_columns=extra_columns, options=options)
    doc = flatten(flowables, setup)
    data = docx_bytes(doc) if words == "Word document" else html_text(doc).encode("utf-8")
    target = write_whole(path, data)
    tables = doc.tables()
    return DocumentWritten(target, words, doc.title, len(tables),
                           sum(1 for t in tables for r in t.rows if not r.band))
