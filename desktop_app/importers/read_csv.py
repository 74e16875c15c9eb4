"""A CSV (or tab-separated) tracker into one grid, named after the file's stem.

The encoding is sniffed (UTF-8 with or without a BOM, UTF-16 with a BOM, else Windows-1252, as
Excel writes it on a UK or European-locale PC) and so is the delimiter (comma, semicolon or tab,
with ``csv.Sniffer`` on a sample). Cells stay text: dates such as 12/01/2023 are read day first
by the same value rules as every other format (xlsx_values) - unless the file itself shows that
it was written month first, as a computer set to US English writes it: every date in it is a
real month-first date and at least one ("3/14/2023") cannot be day-first. Then every such date
is read month first (one computer's locale wrote them all; read day first, 1/10/2023 would
silently be 1 October), and the summary says so, naming the date that shows it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_safety import fail

DELIMITERS = ",;\t"
_SAMPLE = 64 * 1024
_LINES = 30          # lines looked at when the sniffer cannot tell
# a date with slashes, alone in its cell (a time may follow): 3/14/2023, 03/14/23 4:30 PM
_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
                      r"(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$")


def sniff_encoding(data: bytes) -> str:
    """The text encoding of a CSV file's bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a sample cut inside a multi-byte character is still UTF-8
        if not (exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"):
            return "cp1252"
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab, from the first lines of the text."""
    sample = text[:_SAMPLE]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # title lines above the table ("Meeting held on ...") have no delimiter, so the
        # sniffer finds no pattern: count over the first lines instead, where the table's own
        # rows, each with a delimiter per column, outnumber any comma in a title
        lines = [line for line in sample.splitlines() if line.strip()][:_LINES]
        counts = {d: sum(line.count(d) for line in lines) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """The checked CSV file as one SheetGrid (no merges, colours or hidden rows in a CSV)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise fail(path, f"cannot be read ({exc.strerror or exc})") from None
    encoding = sniff_encoding(data[:_SAMPLE])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
    delimiter = sniff_delimiter(text)
    rows: dict[int, dict[int, CellInfo]] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, line in enumerate(reader, start=1):
            row: dict[int, CellInfo] = {c: (v, 0, None) for c, v in enumerate(line, start=1)
                                        if v and v.strip()}
            if row:
                rows[number] = row
    except csv.Error as exc:
        raise fail(path, f"row {reader.line_num}: the CSV cannot be read ({exc})") from None
    grid = SheetGrid(p.stem, rows, [])
    _month_first(grid)
    return [grid]


def _day(year: str, month: int, day: int) -> dt.datetime | None:
    try:
        return dt.datetime(int(year) + (2000 if len(year) == 2 else 0), month, day)
    except ValueError:
        return None


def _month_first(grid: SheetGrid) -> None:
    """Read the grid's slashed dates month first when the file shows it was written so (see the
    module): every one a real month-first date, and one at least no day-first date."""
    found: dict[tuple[int, int], dt.datetime] = {}
    shown: tuple[int, str, dt.datetime] | None = None
    for number, row in grid.rows.items():
        for col, (value, _flags, _fill) in row.items():
            match = _SLASHED.match(value) if isinstance(value, str) else None
            if match is None:
                continue
            first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
            month_first = _day(year, first, second)
            if month_first is None:
                return  # a date that can only be day first (25/12/2023): the UK way
            found[(number, col)] = month_first
            if shown is None and _day(year, second, first) is None:
                shown = (number, value.strip(), month_first)
    if shown is None:
        return
    for (number, col), day in found.items():
        grid.rows[number][col] = (day, 0, None)
    number, written, day = shown
    grid.notes.append(f"'{grid.title}': the dates are written month first (US order): "
                      f"'{written}' on row {number} can only be {day.day} {day:%B %Y}, so every "
                      "date in the file was read month first")
