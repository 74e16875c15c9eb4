"""Walk one sheet below its header, row by row, keeping what carries down.

What carries: the meeting (from the meeting column, or from heading rows when there is none),
the item (a row whose meeting and item cells are blank continues the item above), a
recommendation's status (written on the item's first row), and in a work programme the section
("To be scheduled", "Briefing notes"...). Each row is one of: a repeated header (which may
re-map the columns), a heading, a banner, a deadline line, nothing (blank, or only a reference
number pre-filled by a template), a data row, or a row that cannot be read (a Skip).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from itertools import chain
from operator import itemgetter
from typing import Any

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, WorkFormat
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.xlsx_carry import CarriedDown
from desktop_app.importers.xlsx_row_marks import RowMarks
from desktop_app.importers.xlsx_colours import STRUCK
from desktop_app.importers import xlsx_dated
from desktop_app.importers.xlsx_dated import header_date, history_columns
from desktop_app.importers.xlsx_matrix import Matrix
from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_kinds import (OFF_MEETING, RowError, build_action,
                                              build_recommendation, build_work_item)
from desktop_app.importers.xlsx_headers import Header, repeated_headers, title_texts
from desktop_app.importers.xlsx_rows import ParsedRow, Skip
from desktop_app.importers.xlsx_status import action_section, key_beside, rag_key_in
from desktop_app.importers.xlsx_vocab import MAIN_FIELD, normalise
from desktop_app.domain.lazy_re import lazy

# Fields a column gives besides its own.
_IMPLIED = {"due_date": {"due_text"}, "status": {"overdue_flag", "status_word"},
            "reported_complete": {"reported_on"}, "target": {"target_date"},
            "rag": {"status_word"}, "verdict": {"verdict_word"},
            "owner_and_due": {"owner", "due_date", "due_text"}}
# An action log's tab for finished actions ("Reported complete", "Completed actions",
# "Closed", "Archive") - but not "Incomplete" or "Open and completed".
_COMPLETE_SHEET = lazy(r"\b(?:completed?|closed|archived?|done)\b", re.I)
_OPEN_SHEET = lazy(r"\b(?:not|open|outstanding|live|current|incomplete)\b", re.I)

# a totals row: "Total", "Totals:", "Grand total", "Total actions" (with no text of its own)
_TOTAL = lazy(r"^\s*(?:grand\s+|sub-?\s*)?totals?\b", re.I)

# a footnote under the table, alone on its row: "Note: ...", "Notes - ...", "NB ..."
# ... or a key to the marks ("Key: ...", "X = report to the meeting. Briefing = ...")
_FOOTNOTE = lazy(r"^\s*(?:notes?\s*[:\-–]|n\.?b\.?\s*[:\-–]?\s|key\s*[:\-–]|"
                 r"[a-z✓✔]{1,3}\s*=\s)", re.I)



class SheetWalk(CarriedDown, RowMarks):
    def __init__(self, kind: str, grid: SheetGrid, header: Header,
                 mapping: dict[str, str], carried_from: SheetWalk | None = None) -> None:
        self.kind = kind
        self.carried_from = carried_from  # the table this one goes on from (Word: split)
        self.grid = grid
        self.mapping = mapping
        self.first = header
        self.mapped_by_user = set(header.mapped_by_user)
        self.build: Callable[[dict[int, CellInfo], dict[str, Any]], dict[str, Any] | None] = {
            "actions": partial(build_action, self),
            "recommendations": partial(build_recommendation, self),
            "work-programme": partial(build_work_item, self)}[kind]
        title = grid.title
        still_open = bool(_OPEN_SHEET.search(title))
        self.sheet_reported = bool(re.search(r"\breported\b", title, re.I)) and not still_open
        self.sheet_completed = self.sheet_reported or (
            bool(_COMPLETE_SHEET.search(title)) and not still_open)
        self.sheet_section = V.sheet_section(grid.title) if kind == "work-programme" else None
        # what carries down
        self.meeting: dt.date | None = None
        self.meeting_error = ""
        self.heading_seen = False  # a heading row has set (or unset) the meeting
        self.item = ""
        self.status: ImplementationStatus | None = None
        self.word = ""  # the status word of the item's first row
        self.carried_word = ""  # ... when this row's status is carried down from it
        self.section = self.sheet_section
        # a banner ("Information reports") giving the items below it a format at their meeting
        self.banner_format: WorkFormat | None = None
        self.hint: dt.date | None = None
        self.rag_key = rag_key_in(title_texts(grid, header.row))  # "Green = achieved" above
        if grid.legend:  # Word: a key in a paragraph under the tables
            self.rag_key = {**rag_key_in(grid.legend), **self.rag_key}
        beside, self.key_cols = key_beside(grid, header.row, header.columns)
        if beside:  # "Blue = Complete" in a column beside the table: a key, not a column
            self.rag_key = {**rag_key_in(beside), **self.rag_key}
        # cells a merged range filled in below its first row: "same as above", not written
        self.merge_filled = frozenset((r, c0) for r0, c0, r1, _c1 in getattr(grid, "merges", ())
                                      for r in range(r0 + 1, r1 + 1))
        # a lone cell merged across three or more columns from the table's first: a banner
        # ("Economy"), not a record (a record's text merged across starts in its own column)
        first_col = min(header.labels, default=1)
        self.across = frozenset((r0, c0) for r0, c0, r1, c1 in getattr(grid, "merges", ())
                                if r1 == r0 and c1 - c0 >= 2 and c0 <= first_col)
        self.number = 0  # the row being read
        self._given_sets: dict[tuple[Any, ...], frozenset[str]] = {}  # see _given
        self._use(header)

    # ------------------------------------------------------------ columns

    def _use(self, header: Header) -> None:
        self.header = header
        self.col = {field: col for col, field in header.columns.items()}
        self.columns = tuple(header.columns.items())
        self.mapped = frozenset(header.columns)
        self.main_col = self.col[MAIN_FIELD[self.kind]]
        self.matrix = Matrix.of(self.kind, self.grid.rows.get(header.row, {}), header.labels,
                                header.columns)
        if self.matrix is not None:  # a meeting per column: the first stands for them all
            self.col["meeting_date"] = min(self.matrix.dates)
        self.has_meeting = "meeting_date" in self.col
        self.rag_col = self.col.get("rag")
        self.word_col = self.col.get("status_word")
        ignored = {c for c, label in header.labels.items()
                   if self.mapping.get(normalise(label)) == "ignore"}
        self.extra_cols = tuple((c, label) for c, label in sorted(header.labels.items())
                                if c not in header.columns and c not in ignored
                                and c not in self.key_cols
                                and (self.matrix is None or c not in self.matrix.columns))
        status_col = self.col.get("status")
        self.reported_col = self.col.get("reported_complete")
        # a RAG column on a sheet with no status column (nor a "Reported complete" column,
        # which is then the status, as in the app's own export): its words ("Overdue",
        # "Completed") are the status; its colours are RAG, a status only through a key
        self.rag_is_status = status_col is None and self.reported_col is None \
            and self.rag_col is not None
        if self.rag_is_status:
            status_col = self.rag_col
        self.reported_is_status = status_col is None and self.reported_col is not None
        # a date completed makes an action completed when no status column of its own (a RAG
        # colour is not one) says what the action's status is
        self.dated_done = "completed_on" in self.col and "status" not in self.col \
            and self.reported_col is None
        self.status_col = self.reported_col if self.reported_is_status else status_col
        # no status column, and actions struck through (Ctrl+5): struck through is done
        main = self.main_col
        self.struck_done = self.kind == "actions" and any(
            cells[main][1] & STRUCK for cells in self.grid.rows.values() if main in cells)
        # dated headers: "Update Jan 2023" ... (a progress history), "Response (Cabinet 7 Mar
        # 2023)" (the response date of the responses under it): see xlsx_dated
        self.history_cols = history_columns(header.labels, header.columns, self.kind)
        self.response_day = header_date(header.labels.get(self.col["response"])) \
            if "response" in self.col and "response_on" not in self.col else None
        given = set(header.columns.values())
        if self.history_cols:
            given.add("progress")
        if self.response_day:
            given.add("response_on")
        for column, implied in _IMPLIED.items():
            if column in given:
                given |= implied
        if self.kind == "actions" and (self.reported_is_status or self.sheet_completed):
            given |= {"status", "overdue_flag", "reported_complete", "reported_on"}
        if self.kind == "work-programme":
            given.add("format")
        if self.extra_cols:
            given.add("extra")
        if self.rag_is_status:
            given |= {"status", "overdue_flag", "status_word"}
        if self.struck_done:
            given |= {"status", "overdue_flag"}
        if self.kind == "actions" and self.grid.cell_notes:
            given.add("progress")
        self.given = frozenset(given)
        # a log's or a schedule's rows, with a meeting column: all given alike (see _given)
        self.given_at_meeting = self.given | {"meeting_date"} \
            if self.has_meeting and self.kind != "work-programme" else None
        # row_words' answer needs only the status cell (see _words)
        self.plain_words = self.rag_col is None and self.word_col is None and not self.extra_cols
        # (status value, fill) -> (status word, unknown word) of a row (see _words)
        self._plain: dict[tuple[Any, str | None], tuple[str, str]] = {}
        # (value, its class, fill) -> an action's (status, overdue, reported): see build_action
        self.action_statuses: dict[tuple[Any, ...], tuple[ActionStatus, bool, bool]] = {}

    # ------------------------------------------------------------ the walk

    def run(self, rows: list, skipped: list, notes: list) -> None:
        grid = self.grid
        headers = repeated_headers(grid, self.kind, self.mapping, self.first.row)
        repeats = bool(headers)
        key_labels = {self.first.labels.get(c) for c in self.key_cols}
        history = [self.first.labels[c] for c in self.history_cols]
        read = set(history) | set(self.matrix.tbc.values() if self.matrix else ())
        ignored = [t for t in self.first.ignored if t not in key_labels  # a key: not kept
                   and t not in read]
        if ignored:
            names = ", ".join(f"'{t}'" for t in ignored)
            notes.append(f"sheet '{grid.title}': column(s) {names} not recognised: kept with each record as written")
        if history:
            names = ", ".join(f"'{t}'" for t in history)
            notes.append(f"sheet '{grid.title}': column(s) {names} read as a progress history: "
                         "the latest update written is the progress, the earlier ones are kept "
                         "with each record")
        self._above_header()
        if self.carried_from is not None:
            self._carry_on(self.carried_from)
        awaiting = False
        grid_rows, first_row, kind = grid.rows, self.first.row, self.kind
        title, hidden, hidden_rows = grid.title, grid.hidden, grid.hidden_rows
        build, words_of, colour_of, given_of = self.build, self._words, self._colour, self._given
        append = rows.append
        noted: dict[int, list[str]] = {}  # an action's row -> its cells' notes, left to right
        if kind == "actions":
            for (r, _c), text in sorted(grid.cell_notes.items()):
                noted.setdefault(r, []).append(text)
        value_of, deadline = itemgetter(0), V.is_deadline_text
        # whether any cell holds no value (only a fill): else a row's cells are all written
        blanks = None in map(value_of, chain.from_iterable(map(dict.values, grid_rows.values())))
        for number in sorted(grid_rows):
            if number <= first_row:
                continue
            if number in headers:
                self._use(headers[number])
                self.mapped_by_user |= headers[number].mapped_by_user
                awaiting = False
                continue
            row = grid_rows[number]
            if blanks:
                cells = list(map(value_of, row.values()))
                count = len(cells) - cells.count(None)
            else:
                cells, count = None, len(row)
            if not count:
                continue
            if count <= 2:  # headings, sections, banners: a cell or two
                present = sorted((c, info[0]) for c, info in row.items() if info[0] is not None)
                first = present[0][1]
                alone = count == 1 or deadline(present[1][1])
                if alone and kind == "work-programme":
                    section = V.section_of(first)
                    if section is not None:
                        self._enter_section(section)
                        awaiting = repeats
                        continue
                    banner = V.format_banner(first)
                    if banner is not None:  # "Information reports": briefing notes, same meeting
                        self.banner_format = banner
                        continue
                if count == 1 and kind == "actions" and (section := action_section(first)) and (
                        present[0][0] != self.main_col or (number, self.main_col) in self.across):
                    self.number = number  # (the section lasts until the next one)
                    notes.append(self.enter_action_section(section, first, title))
                    continue
                if alone and not self.has_meeting and self._heading(first):
                    awaiting = repeats
                    continue
                if count == 1 and V.is_year_banner(first):
                    continue
                if count == 1 and isinstance(first, str) and (
                        _FOOTNOTE.match(first) or (number, present[0][0]) in self.across):
                    continue  # "Note: ..." under the table; a theme banner merged across
            elif cells is None:  # the first written cell in the row's own order
                first = next(iter(row.values()))[0]
            else:
                first = cells[0] if cells[0] is not None else \
                    next(v for v in cells if v is not None)
            if first.__class__ is str and first[:1] in "TtGgSs" and _TOTAL.match(first) \
                    and not isinstance(row.get(self.main_col, (None,))[0], str):
                continue  # "Total | 10" below the table: a count, not a record
            if isinstance(first, str) and "deadline" in first.lower() and all(
                    deadline(v) for v in map(value_of, row.values()) if v is not None):
                continue
            if awaiting:
                if count > 1:
                    skipped.append(Skip(grid.title, number, "row sits between a heading and the "
                                        "next header row; move it under a header"))
                continue
            self.number = number
            values = {field: row[col][0] for col, field in self.columns if col in row}
            if self.matrix is not None:  # the meeting from the row's mark (see xlsx_matrix)
                self.matrix.place(row, values)
            if self.rag_is_status and "rag" in values:
                values["status"] = values["rag"]
            if kind == "recommendations" and self._continues(values, rows):
                continue
            try:
                fields = build(row, values)
            except (RowError, ValueError) as exc:
                skipped.append(Skip(title, number, str(exc)))
                continue
            if fields is not None:
                words_of(row, fields)
                xlsx_dated.apply(self, row, fields)
                if number in noted:  # updates kept in cell notes: the progress
                    fields["progress"] = "\n".join(filter(None, (fields["progress"],
                                                                  *noted[number])))
                if self.matrix is not None:
                    self.matrix.finish(fields)
                append(ParsedRow(title, number, fields, colour_of(row), given_of(fields),
                                 hidden or number in hidden_rows))
        if self.matrix is not None:
            notes.append(self.matrix.note(grid.title))
        if self.response_day is not None:
            label = self.header.labels[self.col["response"]]
            notes.append(f"sheet '{grid.title}': the date in '{label}' ({self.response_day:%d/%m/%Y})"
                         " is the response date of each response under it")

    def _continues(self, values: dict[str, Any], rows: list) -> bool:
        """A row with nothing but the rest of the recommendation above ("...those" / "teams and
        ..."): its text joins that record's (whose source stays its first row)."""
        if self.kind != "recommendations" or not rows or rows[-1].sheet != self.grid.title:
            return False
        own = [f for f, v in values.items() if v is not None
               and (self.number, self.col[f]) not in self.merge_filled]
        text = V.text(values.get("text"))
        if own != ["text"] or not text:
            return False
        above = rows[-1].fields
        if not (text[:1].islower() and not re.search(r"[.;:!?]\s*(?:and|or)?$", above["text"])):
            return False
        if rows[-1].row_number != self.number - 1:
            return False
        above["text"] = f"{above['text']} {text}"
        return True

    def _given(self, fields: dict[str, Any]) -> frozenset[str]:
        """What this row's sheet says something about (see ParsedRow.given)."""
        if self.given_at_meeting is not None:
            return self.given_at_meeting
        meeting_given = bool(self.has_meeting or self.heading_seen or (
            self.kind == "work-programme" and self.section in OFF_MEETING))
        wp = self.kind == "work-programme"
        case = (self.given, meeting_given, wp and bool(fields["scrutiny_type"]),
                wp and bool(fields["target"]))
        found = self._given_sets.get(case)
        if found is None:
            extra = set()
            if meeting_given:
                extra.add("meeting_date")
                if wp:
                    extra.add("status")  # told by the meeting when there is no status column
            if case[2]:
                extra.add("scrutiny_type")  # from [brackets] in the title
            if case[3]:
                extra |= {"target", "target_date"}  # a fuzzy date in the meeting column
            found = self._given_sets[case] = self.given | extra if extra else self.given
        return found

    def _carry_on(self, before: SheetWalk) -> None:
        """What stands at the end of the table this one goes on from: its meeting, item,
        status, section and RAG key."""
        for name in ("meeting", "meeting_error", "heading_seen", "item", "status", "word",
                     "section", "banner_format", "hint", "rag_key"):
            setattr(self, name, getattr(before, name))

    def _above_header(self) -> None:
        """Titles, banners and headings above the first header: year hint, meeting, section."""
        texts = title_texts(self.grid, self.first.row)
        self.hint = V.year_hint(texts)
        if not self.has_meeting and self.kind != "work-programme":
            # one sheet per meeting: the date in the sheet's name or in a title row
            day = V.sheet_meeting(self.grid.title, texts[1:])
            if day is not None:
                self.meeting, self.hint, self.heading_seen = day, day, True
        for number in sorted(self.grid.rows):
            if number >= self.first.row:
                break
            for _col, info in sorted(self.grid.rows[number].items()):
                value = info[0]
                if value is None:
                    continue
                if self.kind == "work-programme" and (section := V.section_of(value)):
                    self._enter_section(section)
                elif not self.has_meeting:
                    self._heading(value)
                break
