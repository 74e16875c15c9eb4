"""Where the table documents break their pages, read back with pypdf from where each line is
drawn: a heading never ends a page, a row split over a break names its number or item again
"(continued)" under its meeting band, an empty section's sentence never stands alone, and the
last page never holds a lone row without a heading.

The documents are built big enough to break many pages (a few hundred rows of varied length),
and the short ones are built at every size that moves a break past the end of a table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random

import pytest
from pypdf import PdfReader

from desktop_app.domain.print_options import DocumentOptions
from desktop_app.reports import theme
from desktop_app.reports.action_log import build_action_log
from desktop_app.reports.recommendations import build_recommendations
from desktop_app.reports.work_programme import build_work_programme
from tests.unit import reports_seed as S
from tests.unit.reports_seed import pdf_bytes

WORDS = ("the committee to receive a report on progress with the children's improvement plan "
         "including timescales resources and the views of young people families and carers "
         "officers will circulate a briefing note setting out the key performance indicators "
         "for each provider legal services checking whether the Human Rights Act is "
         "highlighted").split()


# ------------------------------------------------------------------ reading lines by position

@dataclasses.dataclass(frozen=True)
class Line:
    y: float
    pieces: tuple[tuple[float, str], ...]       # (x, text), left to right

    @property
    def text(self) -> str:
        return " ".join(t for _x, t in self.pieces)

    def left(self, x_max: float) -> str:
        """The text drawn left of ``x_max`` (a table's first column)."""
        return " ".join(t for x, t in self.pieces if x < x_max)


def page_lines(data: bytes) -> list[list[Line]]:
    """Each page's lines of body text, top to bottom (the header band and footer left out):
    the pieces of text drawn at one height, left to right, joined by spaces."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        pieces: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, _size, pieces=pieces):
            if text.strip():
                pieces.append((tm[5] * cm[3] + cm[5], tm[4] * cm[0] + cm[4], text.strip()))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in pieces:
            if theme.FOOTER_Y + 12 < y < height - theme.HEADER_BAND:
                rows.setdefault(round(y, 0), []).append((x, text))
        pages.append([Line(y, tuple(sorted(parts)))
                      for y, parts in sorted(rows.items(), reverse=True)])
    return pages


def words(page: list[Line]) -> str:
    return " ".join(line.text for line in page)


def is_heading(line: Line, headings: set[str]) -> bool:
    """A section heading or note, a group band, or a table's header row."""
    return (line.text in headings or line.text.startswith(tuple(headings))
            or line.text.startswith("Meeting of ") or line.text.endswith("(continued)"))


def sentences(page: list[Line]) -> int:
    text = words(page)
    return sum(text.count(mark) for mark in (". ", "? ")) + text.rstrip().endswith(".")


# ------------------------------------------------------------------ made-up but varied rows

def actions(n: int, *, reported: int = 0, seed: int = 14) -> tuple:
    rng = random.Random(seed)
    base = S.ACTIONS[0]
    out = []
    for i in range(1, n + 1):
        meeting = dt.date(2021, 1, 12) + dt.timedelta(days=28 * rng.randint(0, 9))
        out.append(dataclasses.replace(
            base, id=i, ref=str(i), meeting_id=None, meeting_date=meeting,
            text=" ".join(rng.choice(WORDS) for _ in range(rng.choice((4, 8, 12, 20, 70)))),
            progress=" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14))),
            new_since_last_meeting=rng.random() < 0.1, overdue=rng.random() < 0.3,
            reported_complete_on=dt.date(2021, 10, 12) if i <= reported else None,
            status="completed" if i <= reported else "open"))
    return tuple(out)


def _log(rows, **kw) -> bytes:
    return pdf_bytes(build_action_log, rows, committee=S.COMMITTEE, as_at=S.AS_AT,
                     meetings=S.MEETINGS, last_meeting=S.LAST_MEETING, **kw)


CAPTIONS = ("Current actions", "Reported complete", "Actions whose completion", "Action Meeting",
            "number")
LOG_HEADINGS = {"Current actions", "Reported complete", "Actions whose completion",
                "Action Meeting date Action Owner", "number"}


# ------------------------------------------------------------------ the action log

@pytest.fixture(scope="module")
def big_logs() -> dict[str, list[list[Line]]]:
    """The lines of three long logs (by number; by meeting; by meeting in large print)."""
    rows = actions(180, reported=30)
    return {"number": page_lines(_log(rows)),
            "meeting": page_lines(_log(rows, options=DocumentOptions(order="meeting"))),
            "large": page_lines(_log(rows[:70], options=DocumentOptions(order="meeting",
                                                                         text_size=12)))}


@pytest.mark.parametrize("which", ["number", "meeting", "large"])
def test_no_page_of_a_long_log_ends_on_a_heading(big_logs, which):
    pages = big_logs[which]
    assert len(pages) > 15
    for number, page in enumerate(pages, 1):
        assert not is_heading(page[-1], LOG_HEADINGS), (number, page[-1])


@pytest.mark.parametrize("which", ["number", "meeting", "large"])
def test_every_later_page_opens_with_a_heading_and_the_header_row(big_logs, which):
    pages = big_logs[which]
    for number, page in enumerate(pages[1:], 2):
        assert page[0].text in ("Current actions (continued)", "Current actions",
                                "Reported complete (continued)", "Reported complete"), number
        assert any(line.text.startswith("Action Meeting date Action Owner") for line in page[:4])


NUMBER_COLUMN = 80.0        # points from the left edge of the page: the action number column


def _split_rows(pages: list[list[Line]]) -> int:
    """How many rows go on over a page break; each must show its number and "(continued)"
    at the top of the next page, and its number must be on the page before."""
    count = 0
    for number, page in enumerate(pages[1:], 2):
        body = [line for line in page if not line.text.startswith(CAPTIONS)]
        rows = [line for line in body if not line.text.startswith("Meeting of ")]
        first, second = rows[0].left(NUMBER_COLUMN), rows[1].left(NUMBER_COLUMN)
        if second == "(continued)":
            before = [line.left(NUMBER_COLUMN) for line in pages[number - 2]]
            assert first in before, (number, first)
            count += 1
        else:       # a row that starts here: its number, then its second line if any
            assert first.isdigit(), (number, first)
            assert not second, (number, first, second)
    return count


def test_a_split_row_names_its_number_again_under_its_meeting_band(big_logs):
    pages = big_logs["meeting"]
    for number, page in enumerate(pages[1:], 2):
        # under the caption and the header row: the band of the meeting it runs on from
        body = [line for line in page if not line.text.startswith(CAPTIONS)]
        first = body[0].text
        assert first.startswith("Meeting of "), (number, first)
        if first.endswith("(continued)"):
            assert first.removesuffix(" (continued)") in words(pages[number - 2])
    assert _split_rows(pages) >= 3                       # rows really were split
    assert _split_rows(big_logs["large"]) >= 2


def test_a_split_row_in_number_order_says_continued(big_logs):
    assert _split_rows(big_logs["number"]) >= 3


def test_the_last_page_never_holds_a_lone_row(big_logs):
    for which, pages in big_logs.items():
        last = words(pages[-1])
        refs = [line.text.split()[0] for line in pages[-1] if line.text.split()[0].isdigit()]
        assert len(set(refs)) >= 2, which
        assert last.startswith(("Reported complete", "Current actions")), which


@pytest.mark.parametrize(("size", "lengths"), [(10, range(3, 16)), (12, range(2, 11))])
def test_an_empty_section_never_stands_alone_whatever_the_length(size, lengths):
    """Built with a few actions more each time, so that the end of the table passes every point
    of the page: "No actions have been reported complete yet." always shares its page with
    rows."""
    options = DocumentOptions(text_size=size)
    seen_pages = set()
    for n in lengths:
        pages = page_lines(_log(actions(n, seed=n), options=options))
        seen_pages.add(len(pages))
        for number, page in enumerate(pages, 1):
            text = words(page)
            assert not is_heading(page[-1], LOG_HEADINGS), (n, number, page[-1])
            if "No actions have been reported complete yet." in text:
                assert any(line.text.split()[0].isdigit() for line in page), (n, number)
            assert sentences(page) > 1 or any(ln.text.split()[0].isdigit() for ln in page), \
                (n, number, text)
    assert len(seen_pages) >= 2            # the breaks really moved


# ------------------------------------------------------------------ schedule and programme

def test_recommendation_schedule_repeats_item_and_meeting_band_when_a_row_splits():
    many = tuple(dataclasses.replace(S.RECOMMENDATIONS[5], id=100 + n, label=f"({n})",
                                     text=" ".join(WORDS[: 20 + (n * 7) % 60]))
                 for n in range(60))
    pages = page_lines(pdf_bytes(build_recommendations, many, committee=S.COMMITTEE,
                                 as_at=S.AS_AT, meetings=S.MEETINGS))
    assert len(pages) >= 4
    band = "12 October 2021"
    for number, page in enumerate(pages, 1):
        assert not is_heading(page[-1], {"Schedule of recommendations", "Item Recommendations",
                                         band}), number
        if number > 1:
            assert page[0].text == "Schedule of recommendations and responses (continued)"
            at = next(i for i, line in enumerate(page) if line.text == f"{band} (continued)")
            assert at <= 3                                     # under the header row
            item = " ".join(line.left(150) for line in page[at + 1:at + 5])
            assert item.startswith("Provision of children centre service in the Bromyard "
                                   "area (continued)"), (number, item)


def _programme(n_items: int, options: DocumentOptions | None = None) -> bytes:
    items = []
    for n in range(n_items):
        base = S.WORK_ITEMS[n % len(S.WORK_ITEMS)]
        items.append(dataclasses.replace(base, id=1000 + n, title=f"{base.title} {n}",
                                         origin=" ".join(WORDS[: 5 + n % 30])))
    return pdf_bytes(build_work_programme, S.MEETINGS, items, committee=S.COMMITTEE,
                     as_at=S.AS_AT, options=options)


WP_HEADINGS = {"Agreed meeting dates", "Agenda items", "To be scheduled", "Potential agenda",
               "Workshops / seminars", "Task and finish groups", "Briefing notes",
               "Removed from the work programme", "Publication deadline", "Item [type",
               "Topic Origin", "Topic Target date", "Mainstream agenda", "Improvement focus",
               "Thursday ", "Tuesday "}


@pytest.mark.parametrize("n_items", [12, 40, 41, 42, 43, 120])
def test_work_programme_headings_stay_with_their_tables(n_items):
    pages = page_lines(_programme(n_items))
    for number, page in enumerate(pages, 1):
        assert not is_heading(page[-1], WP_HEADINGS), (n_items, number, page[-1])
        text = words(page)
        assert text.strip() not in ("None at present.", "No items scheduled yet."), number
        assert sentences(page) > 1 or len(page) > 3, (n_items, number, text)
