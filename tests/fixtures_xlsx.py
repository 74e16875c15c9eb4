"""Workbooks typed from the seed documents, in the layouts the seeds show.

The seeds are text taken from council PDFs (tabs between cells). Each builder here types a seed
into a real .xlsx with openpyxl, as a clerk would: the seed's title, banner and legend rows,
its header, then its rows cell by cell. What a PDF adds and a spreadsheet never had is undone,
and said so where it is done: page numbers between rows, HTML markup inside cells, and - in the
recommendation schedule - cells that a page break cut in two (a typist keeps such a cell whole).

Every builder returns what it typed, so that tests can hold the parser to every row and value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from tests.fixtures_containers import as_shared_strings, make_ole  # noqa: F401 - imported from here

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SEED_004 = SEEDS / "004_herefordshire_cyp_agenda_pack_2021-11-23.txt"
SEED_003 = SEEDS / "003_herefordshire_cyp_recommendation_schedule.txt"

BLUE = "FF0070C0"  # Excel's standard "Blue"
RED = "FFFF0000"   # Excel's standard "Red"


def seed_lines(path: Path) -> list[str]:
    if not path.is_file():
        import pytest
        pytest.skip(f"seed document not present: {path}")
    return path.read_text(encoding="utf-8").split("\n")


def cell_text(raw: str) -> str:
    """A seed cell as the officer typed it: HTML paragraphs and list items become lines,
    links and bold their text, entities characters; runs of spaces inside a line are kept."""
    s = raw.strip()
    s = s.replace("**", "")
    s = re.sub(r"</p>\s*<p>", "\n", s)
    s = re.sub(r"<li>\s*", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    lines = [line.strip() for line in s.split("\n")]
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- seed 004: the action log

@dataclasses.dataclass
class TypedAction:
    row: int           # worksheet row
    cells: list[str]   # the seed's 8 cells, as written
    colour: str | None


def seed_004_action_log(path: Path, blue_refs: tuple[int, ...] = (5, 6, 7),
                        red_refs: tuple[int, ...] = (3, 4), dates_as_text: bool = False
                        ) -> list[TypedAction]:
    """The action log of seed 004 (lines ~323-333) on a sheet "Action log" (title row, legend
    row, header, 7 actions) plus an empty "Reported complete" tab with the same header. Dates
    are real date cells shown as "07 September 2021" (or the seed's text). Actions in
    ``blue_refs`` are typed in blue (new since the last meeting); in ``red_refs`` the progress
    update is red (updated since the last meeting)."""
    lines = seed_lines(SEED_004)
    start = lines.index("Children and young people scrutiny committee action log")
    legend = lines[start + 2].split("\t")
    header_at = next(i for i in range(start, start + 6) if lines[i].startswith("Action Number"))
    header = lines[header_at].split("\t")
    data: list[list[str]] = []
    for line in lines[header_at + 1:]:
        if not line.strip():
            break
        data.append(line.split("\t"))

    wb = Workbook()
    ws = wb.active
    ws.title = "Action log"
    ws.append([lines[start]])
    ws.append([c or None for c in legend])
    ws.append(header)
    typed: list[TypedAction] = []
    for cells in data:
        cells = (cells + [""] * 8)[:8]
        row = [int(cells[0])] + [_dated(c, i, dates_as_text) for i, c in enumerate(cells[1:], 1)]
        ws.append([None if v == "" else v for v in row])
        r = ws.max_row
        for col in (2, 7):
            if not dates_as_text:
                ws.cell(r, col).number_format = "dd mmmm yyyy"
        colour = None
        if int(cells[0]) in blue_refs:
            for col in range(1, 9):
                ws.cell(r, col).font = Font(color=BLUE)
            colour = "new"
        elif int(cells[0]) in red_refs:
            ws.cell(r, 6).font = Font(color=RED)
            colour = "updated"
        typed.append(TypedAction(r, cells, colour))
    done = wb.create_sheet("Reported complete")
    done.append(header)
    wb.save(path)
    return typed


def _dated(text: str, index: int, as_text: bool) -> object:
    if index in (1, 6) and text and not as_text:
        return dt.datetime.strptime(text, "%d %B %Y")
    return text


# ---------------------------------------------------------------- seed 003: the schedule

# Cells a page break of the PDF cut in two, by seed line: the line joins the one named (its
# cells appended, a space between). A typist keeps each cell whole.
SEED_003_JOIN = {11: 9, 27: 25, 36: 33, 37: 33, 40: 38, 44: 42, 48: 46, 53: 51, 55: 51}
# A lone "_" the PDF left where a bullet was.
SEED_003_DROP = {35}


@dataclasses.dataclass
class TypedRecommendation:
    row: int
    cells: list[str]  # Meeting, item, Recommendations, Action, Status as typed
    seed_lines: list[int]


def _five(fields: list[str]) -> list[str]:
    """A seed line's cells in the 5 columns: the PDF drops empty leading cells at page tops."""
    if len(fields) >= 5:
        return fields[:5]
    if len(fields) == 4:
        return [""] + fields
    if len(fields) == 3:
        if fields[0].strip() == "•":
            return ["", "", "• " + fields[1].strip(), fields[2], ""]
        return [""] + fields + [""]
    return ["", "", fields[0], "", ""]


def seed_003_schedule(path: Path) -> tuple[list[TypedRecommendation], int]:
    """The recommendation schedule of seed 003 on one sheet "Schedule": title row, a blank row,
    the header (Meeting | item | Recommendations | Action | Status), then the rows as the seed
    has them: meeting and item blank on continuation rows, the status once on an item's first
    row, the "2019 / 2020" banner row. Returns the typed data rows and the banner's row."""
    lines = seed_lines(SEED_003)
    logical: list[tuple[list[str], list[int]]] = []
    by_line: dict[int, int] = {}
    for number, line in enumerate(lines[3:], start=4):
        if not line.strip() or number in SEED_003_DROP:
            continue
        cells = _five(line.split("\t"))
        target = SEED_003_JOIN.get(number)
        if target is not None:
            index = by_line[target]
            joined = [" ".join(p for p in (a.strip(), b.strip()) if p)
                      for a, b in zip(logical[index][0], cells)]
            logical[index] = (joined, logical[index][1] + [number])
            by_line[number] = index
            continue
        by_line[number] = len(logical)
        logical.append((cells, [number]))

    wb = Workbook()
    ws = wb.active
    ws.title = "Schedule"
    ws.append([lines[0]])
    ws.append([])
    ws.append(lines[2].split("\t"))
    typed: list[TypedRecommendation] = []
    banner_row = 0
    for cells, numbers in logical:
        ws.append([c if c.strip() else None for c in cells])
        if re.fullmatch(r"\d{4} / \d{4}", cells[1].strip()) and not cells[2].strip():
            banner_row = ws.max_row
            continue
        typed.append(TypedRecommendation(ws.max_row, cells, numbers))
    wb.save(path)
    return typed, banner_row


# ---------------------------------------------------------------- seed 004: work programme

# The meetings of the "# Agenda items" pages, in order (hand-read from the seed's headings).
SEED_004_MEETINGS = [dt.date(2021, 8, 5), dt.date(2021, 9, 7), dt.date(2021, 9, 7),
                     dt.date(2021, 10, 12), dt.date(2021, 11, 23), dt.date(2021, 12, 7),
                     dt.date(2021, 12, 7), dt.date(2022, 1, 11), dt.date(2022, 3, 22)]
# A page number the PDF ran into a cell.
_PDF_FIXES = {"57 Independent Review Officer Report": "Independent Review Officer Report"}


@dataclasses.dataclass
class TypedWorkItem:
    sheet: str
    row: int
    cells: list[str]              # the 4 cells as typed
    meeting: dt.date | None       # from the block's heading
    section: str                  # agenda, unscheduled, workshop, task_and_finish, briefing_note


def seed_004_work_programme(path: Path) -> list[TypedWorkItem]:
    """The work programme of seed 004 (lines ~1037-1200): a sheet "Agenda items" with one block
    per seed page (meeting heading, deadline lines, header, items), and sheets "To be
    scheduled", "Workshops", "Task and finish groups" and "Briefing notes", each block under
    its heading and header as in the seed."""
    lines = seed_lines(SEED_004)
    start = lines.index("# Agenda items")
    end = next(i for i in range(start, len(lines))
               if lines[i].startswith("## Children and Young People Scrutiny Committee, schedule"))
    wb = Workbook()
    sheets: dict[str, object] = {}
    typed: list[TypedWorkItem] = []
    sheet = None
    section = "agenda"
    block = -1
    header_seen = False
    for line in lines[start:end]:
        if not line.strip() or re.fullmatch(r"\d+", line.strip()):
            continue
        heading = line.lstrip("#").strip()
        if line.startswith("#"):
            name, section = _wp_sheet(heading)
            if name not in sheets:
                sheets[name] = wb.create_sheet(name)
            sheet = sheets[name]
            if section == "agenda":
                block += 1
            else:
                sheet.append([cell_text(heading)])
            header_seen = False
            continue
        cells = [cell_text(c) for c in line.split("\t")]
        if cells[0].startswith(("Item [type of scrutiny]", "Topic:")):
            sheet.append(cells)
            header_seen = True
            continue
        if not header_seen:
            sheet.append([c or None for c in cells])  # headings and deadline lines
            continue
        cells = (cells + [""] * 4)[:4]
        cells[0] = _PDF_FIXES.get(cells[0], cells[0])
        sheet.append([c or None for c in cells])
        meeting = SEED_004_MEETINGS[block] if section == "agenda" else None
        typed.append(TypedWorkItem(sheet.title, sheet.max_row, cells, meeting, section))
    del wb[wb.sheetnames[0]]
    wb.save(path)
    return typed


def _wp_sheet(heading: str) -> tuple[str, str]:
    low = heading.lower()
    if low.startswith("agenda items"):
        return "Agenda items", "agenda"
    if low.startswith("to be scheduled"):
        return "To be scheduled", "unscheduled"
    if low.startswith("workshops"):
        return "Workshops", "workshop"
    if low.startswith("task and finish"):
        return "Task and finish groups", "task_and_finish"
    if low.startswith("briefing notes"):
        return "Briefing notes", "briefing_note"
    raise AssertionError(f"unexpected heading {heading!r}")


# ---------------------------------------------------------------- seed 004: the schedule

@dataclasses.dataclass
class TypedScheduleRow:
    row: int
    cells: list[str]  # Item, Recommendations, Executive responses / update
    meeting: dt.date


def seed_004_schedule(path: Path) -> list[TypedScheduleRow]:
    """The schedule of recommendations in seed 004 (lines ~1202-end): one sheet, a title, then
    for each meeting a date heading row, the header (Item | Recommendations | Executive
    responses / update) and its rows; an item's later rows leave the item blank."""
    lines = seed_lines(SEED_004)
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("## Children and Young People Scrutiny Committee, schedule"))
    wb = Workbook()
    ws = wb.active
    ws.title = "Recommendations"
    ws.append([cell_text(lines[start].lstrip("# "))])
    typed: list[TypedScheduleRow] = []
    meeting: dt.date | None = None
    for line in lines[start + 1:]:
        if not line.strip() or re.fullmatch(r"[-\t ]+", line):
            continue
        cells = [cell_text(c) for c in line.split("\t")]
        cells = (cells + [""] * 3)[:3]
        if cells[0] and not cells[1] and not cells[2]:
            meeting = dt.datetime.strptime(cells[0], "%d %B %Y").date()
            ws.append([cells[0]])
            continue
        if cells[0] == "Item":
            ws.append(cells)
            continue
        if not cells[0] and cells[1].startswith("2021) on the service level agreement"):
            # the rest of the row above, cut by a page break
            last = typed[-1]
            last.cells = [last.cells[0], last.cells[1] + " " + cells[1],
                          " ".join(p for p in (last.cells[2], cells[2]) if p)]
            for col, value in enumerate(last.cells, 1):
                ws.cell(last.row, col).value = value or None
            continue
        ws.append([c or None for c in cells])
        assert meeting is not None
        typed.append(TypedScheduleRow(ws.max_row, cells, meeting))
    wb.save(path)
    return typed


# ---------------------------------------------------------------- small builders for tests

def save_rows(path: Path, rows: list[list[object]], title: str = "Sheet1",
              more: dict[str, list[list[object]]] | None = None) -> Workbook:
    """A workbook with ``rows`` on a sheet ``title`` (and any ``more`` sheets), saved to
    ``path``; the Workbook is returned for a test to style and save again."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for name, extra in (more or {}).items():
        sheet = wb.create_sheet(name)
        for row in extra:
            sheet.append(row)
    wb.save(path)
    return wb
