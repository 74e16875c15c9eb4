"""The workbook sent to one owner by ``chase``: their rows, the progress (or response) column
open for typing and everything else locked, and a very hidden key sheet that the return
(services.chase_return) reads. Each visible sheet opens with a line saying whose rows they are
and the date they are as at (OVERDUE means past its due date on that day), above the header
row; workbooks sent before that line have the header in row 1, and the return reads both. Written through the writer seam (exporters.xlsx_safe), as every
workbook the app writes is: the owner's name, the committee and every text are plain text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import Verdict
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.exporters.xlsx_safe import clean_text, put_cell, save_workbook

META_SHEET = "_scrutiny_tracker"
MARK = "scrutiny-tracker chase v1"
ACTION_FIELDS = {"progress": "Progress update"}
REC_FIELDS = {"response": "Executive response", "verdict": "Verdict"}
VERDICT_WORDS = [v.value.replace("_", " ") for v in Verdict]
ORIGINAL_ROW = 5            # the values as sent, as JSON, split over B5, C5, ... when long
ORIGINAL_CHUNK = 30_000
_HEAD = Font(bold=True, color="FFFFFF")
_FILL = PatternFill("solid", fgColor="1F3A5F")
_OPEN = PatternFill("solid", fgColor="FFF8DC")
_WRAP = Alignment(wrap_text=True, vertical="top")
KEY_HEADER = "Key"          # the hidden column 7's header: the row above the first record
HEADER_ROW = 2              # below the as-at line (row 1 in workbooks sent before it)


def _text_cell(ws, row: int, col: int, value, editable: bool = False):
    cell = put_cell(ws, row, col, value)
    cell.alignment = _WRAP
    if editable:
        cell.protection = Protection(locked=False)
        cell.fill = _OPEN
    return cell


def _sheet(wb: Workbook, title: str, headers: list[tuple[str, int]], heading: str):
    """A sheet whose row 1 is ``heading`` (across the visible columns), row 2 the headers."""
    ws = wb.create_sheet(title)
    line = put_cell(ws, 1, 1, heading)
    line.font = Font(bold=True, size=12)
    line.alignment = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers) - 1)
    ws.row_dimensions[1].height = 36
    for col, (text, width) in enumerate(headers, start=1):
        cell = put_cell(ws, HEADER_ROW, col, text)
        cell.font, cell.fill = _HEAD, _FILL
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"1:{HEADER_ROW}"
    return ws


def as_at_line(what: str, owner: str, committee: str, now: dt.date, note: str = "") -> str:
    """The line above a sheet's table: whose rows, and the day they are as at."""
    return (f"{what} for {owner}, {committee}, as at {format_uk(now)}.{note} Please type "
            f"your update in the shaded column.")


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


def _sent(value: str) -> str:
    """A value as the owner will see it in the cell (the return compares with this)."""
    return clean_text(value or "")


def build_workbook(path: Path, committee: str, owner: str, acts: list[ActionRow],
                   recs: list[RecommendationRow], now: dt.date) -> None:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the blank sheet a new workbook starts with
    original: dict[str, dict[str, str]] = {}
    if acts:
        ws = _sheet(wb, "Actions", [("Ref", 7), ("Meeting", 12), ("Action", 60), ("Due date", 12),
                                    ("Status", 10), ("Progress update", 60), (KEY_HEADER, 4)],
                    as_at_line("Actions", owner, committee, now,
                               " OVERDUE: past its due date on that day."))
        for r, a in enumerate(acts, start=HEADER_ROW + 1):
            key = f"action:{a.id}:{a.version}"
            _text_cell(ws, r, 1, a.ref)
            _text_cell(ws, r, 2, a.meeting_date)
            _text_cell(ws, r, 3, a.text)
            _text_cell(ws, r, 4, a.due_date or a.due_text)
            status = _text_cell(ws, r, 5, "OVERDUE" if a.overdue else "Open")
            if a.overdue:
                status.font = Font(bold=True, color="B3261E")
            _text_cell(ws, r, 6, a.progress, editable=True)
            _text_cell(ws, r, 7, key)
            original[key] = {"progress": _sent(a.progress)}
        ws.column_dimensions["G"].hidden = True
        _protect(ws)
    if recs:
        ws = _sheet(wb, "Responses", [("Meeting", 12), ("Item", 28), ("Recommendation", 55),
                                      ("Response due", 12), ("Executive response", 55),
                                      ("Verdict", 16), (KEY_HEADER, 4)],
                    as_at_line("Recommendations awaiting the executive's response", owner,
                               committee, now))
        dv = DataValidation(type="list", formula1='"' + ",".join(VERDICT_WORDS) + '"',
                            allow_blank=True)
        ws.add_data_validation(dv)
        for r, rec in enumerate(recs, start=HEADER_ROW + 1):
            key = f"recommendation:{rec.id}:{rec.version}"
            _text_cell(ws, r, 1, rec.meeting_date)
            _text_cell(ws, r, 2, rec.item)
            _text_cell(ws, r, 3, f"{rec.label} {rec.text}".strip())
            _text_cell(ws, r, 4, rec.response_due)
            _text_cell(ws, r, 5, rec.response, editable=True)
            _text_cell(ws, r, 6, rec.verdict.replace("_", " "), editable=True)
            dv.add(f"F{r}")
            _text_cell(ws, r, 7, key)
            original[key] = {"response": _sent(rec.response), "verdict": rec.verdict}
        ws.column_dimensions["G"].hidden = True
        _protect(ws)
    meta = wb.create_sheet(META_SHEET)
    for row, (name, value) in enumerate((("mark", MARK), ("committee", committee),
                                         ("owner", owner), ("sent", now.isoformat())), start=1):
        put_cell(meta, row, 1, name)
        put_cell(meta, row, 2, value)
    put_cell(meta, ORIGINAL_ROW, 1, "original")
    text = json.dumps(original, ensure_ascii=True)      # ASCII: nothing for the seam to remove
    for n, start in enumerate(range(0, max(len(text), 1), ORIGINAL_CHUNK)):
        put_cell(meta, ORIGINAL_ROW, 2 + n, text[start:start + ORIGINAL_CHUNK])
    meta.sheet_state = "veryHidden"
    _protect(meta)
    save_workbook(wb, path)


def first_record_row(ws) -> int:
    """The row of a returned sheet's first record: below the header row (the one whose
    column 7 says "Key"), row 3 in this layout and row 2 in workbooks sent before the as-at
    line."""
    for row in range(1, HEADER_ROW + 2):
        if str(ws.cell(row=row, column=7).value or "").strip() == KEY_HEADER:
            return row + 1
    return 2


def read_original(meta) -> str:
    """The JSON of the values as sent, from the key sheet (one cell, or several when long)."""
    parts = []
    col = 2
    while (value := meta.cell(row=ORIGINAL_ROW, column=col).value) not in (None, ""):
        parts.append(str(value))
        col += 1
    return "".join(parts) or "{}"
