"""What a row of a tracker says by its marks rather than its columns' fields (a mixin of
``xlsx_walk.SheetWalk``): its status word, RAG and unknown words (``xlsx_status.row_words``);
an action struck through; blue text for new and red for updated since the last meeting."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from desktop_app.importers.grid import CellInfo
from desktop_app.importers.xlsx_colours import BLUE, OTHER, RED, STRUCK
from desktop_app.importers.xlsx_status import known_status, row_words

_FLAGS = itemgetter(1)  # a cell's text colour flags
# every flags value with the red bit (flags combine RED, BLUE, OTHER and STRUCK), for a row's
# look for red text in C, with no Python step per cell
_RED_FLAGS = frozenset(f for f in range(256) if f & RED)


class RowMarks:
    """The row-marks half of a sheet walk; the walk sets these from its header."""

    kind: str
    main_col: int
    mapped: frozenset[int]
    status_col: int | None
    rag_col: int | None
    word_col: int | None
    rag_key: dict[str, str]
    extra_cols: tuple[tuple[int, str], ...]
    reported_is_status: bool
    rag_is_status: bool
    dated_done: bool
    plain_words: bool
    carried_word: str
    _plain: dict[tuple[Any, str | None], tuple[str, str]]

    def _words(self, row: dict[int, CellInfo], fields: dict[str, Any]) -> None:
        """status_word, rag, extra and unknown_status of a row (see xlsx_status), added to its
        fields."""
        if self.plain_words:  # what row_words gives when there is no RAG nor extra column
            info = row.get(self.status_col) if self.status_col is not None else None
            if info is None or info[0] is None:
                word, unknown = self.carried_word, ""
            else:  # a word, or nothing for a number or blank text; the same few on every row
                key = (info[0], info[2])
                found = self._plain.get(key)
                if found is None:
                    found = self._plain[key] = self._plain_word(*key)
                word, unknown = found
            self.carried_word = ""
            fields["status_word"], fields["rag"] = word, ""
            fields["extra"], fields["unknown_status"] = {}, unknown
            return
        words, status = row_words(self.kind, row, self.status_col, self.rag_col, self.rag_key,
                                  self.extra_cols, self.reported_is_status, self.carried_word,
                                  self.word_col, self.rag_is_status)
        self.carried_word = ""
        struck = self.struck_done_row(row)
        if status is not None and not struck and not (
                self.dated_done and fields.get("completed_on")):
            fields["status"] = status
            if self.kind == "actions":
                fields["overdue_flag"] = False
        fields.update(words)

    def struck_done_row(self, row: dict[int, CellInfo]) -> bool:
        """An action struck through (Ctrl+5 in Excel, Word's strike-through) is done, unless a
        status word of its own says otherwise: no status column, the RAG colour the only
        status, or its status cell empty. A written "Open" beside a struck action stands."""
        if self.kind != "actions" or not (row.get(self.main_col) or (None, 0, None))[1] & STRUCK:
            return False
        col = self.status_col
        if col is None or col == self.rag_col:
            return True
        value = (row.get(col) or (None, 0, None))[0]
        return value is None or (isinstance(value, str) and not value.strip())

    def _plain_word(self, value: Any, fill: str | None) -> tuple[str, str]:
        """(status word, the word again when no status rule knows it) of a status cell."""
        if not (isinstance(value, str) and value.strip()):
            return "", ""
        word = value.strip()
        return word, "" if known_status(self.kind, value, fill, self.reported_is_status) else word

    def _colour(self, row: dict[int, CellInfo]) -> str | None:
        main = row.get(self.main_col)
        flags = main[1] if main is not None else 0
        if flags & BLUE and not flags & OTHER:
            return "new"
        if _RED_FLAGS.isdisjoint(map(_FLAGS, row.values())):  # most rows: no red text
            return None
        mapped = self.mapped
        for col, info in row.items():
            if info[1] & RED and col in mapped:
                return "updated"
        return None
