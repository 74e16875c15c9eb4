"""The column values of an imported row, the same whichever way it is saved: through the ORM
(import_apply, which also matches rows to stored ones) or straight into a new SQLite database
(import_lite). The standard library only: the quick path never imports SQLAlchemy.

``snapshot`` is the audit trail's record of a new row (db/audit.py ``snapshot``, for a row
given as a dict of its column values).
"""

from __future__ import annotations

import datetime as dt
import json
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from desktop_app.db.audit_text import audit_text
from desktop_app.domain.enums import Verdict
from desktop_app.services.import_summary import ImportedRow
from desktop_app.services.import_words import WORD_COLUMNS, readers, stored, verdict_as_written

_JSON = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(..., ensure_ascii=False)

ACTION_COLUMNS = (("ref", "ref"), ("item", "item_title"), ("text", "text"),
                  ("owner", "owner"), ("directorate", "directorate"),
                  ("progress", "progress"), ("due_date", "due_date"),
                  ("due_text", "due_text"), ("status", "status"),
                  *WORD_COLUMNS)
_ACTION_READERS = readers(ACTION_COLUMNS)
WORK_COLUMNS = (("title", "title"), ("format", "format"),
                ("scrutiny_type", "scrutiny_type"), ("origin", "origin"),
                ("lead", "lead_officers"), ("position", "current_position"),
                ("target", "target_text"), ("target_date", "target_date"),
                ("status", "status"), *WORD_COLUMNS)


class RowValues:
    """What a committee's new (or changed) rows hold, given where its meetings are.

    ``meeting_id(day)``: the id of the meeting on ``day`` (None for None);
    ``meeting_on(day)``: the id of the meeting on ``day`` if there is one, else None;
    ``agenda_item_id(day, title)``: the id of that meeting's agenda item so titled, or None."""

    def __init__(self, committee_id: int, today: dt.date, last_held: dt.date | None,
                 meeting_id: Callable[[dt.date | None], int | None],
                 meeting_on: Callable[[dt.date], int | None],
                 agenda_item_id: Callable[[dt.date | None, str], int | None]):
        self.committee_id = committee_id
        self.today = today
        self.last_held = last_held
        self.meeting_id = meeting_id
        self.meeting_on = meeting_on
        self.agenda_item_id = agenda_item_id

    # ------------------------------------------------------------ actions

    @staticmethod
    def action_values(f: dict[str, Any], given: Any = None) -> dict[str, Any]:
        """Column values for an action; with ``given``, only the fields the sheet gives (and
        not a blank reference: the tracker numbers actions itself)."""
        if given is None:
            return {column: read(f) for _field, column, read in _ACTION_READERS}
        return {column: read(f) for field, column, read in _ACTION_READERS
                if field in given and (field != "ref" or f[field])}

    def new_action(self, row: ImportedRow, meeting_id: int | None, position: int
                   ) -> dict[str, Any]:
        f = row.fields
        raised = f["meeting_date"]
        if row.colour == "new" and self.last_held and (raised is None or raised < self.last_held):
            raised = self.last_held
        values = {"committee_id": self.committee_id, "meeting_id": meeting_id,
                  "agenda_item_id": self.agenda_item_id(f["meeting_date"], f["item"]),
                  **self.action_values(f), "completed_on": f.get("completed_on"),
                  "reported_complete_meeting_id": None, "reported_complete_on": None,
                  "raised_on": raised or self.today,
                  "updated_on": self.today if row.colour == "updated" else None,
                  "position": position}
        if f["reported_complete"]:
            values.update(self.reported(f.get("reported_on")))
        return values

    def new_action_columns(self, rows: Sequence[ImportedRow],
                           meeting_ids: Sequence[int | None], first: int = 0
                           ) -> dict[str, list[Any]]:
        """``new_action(row, meeting_ids[i], first + i)`` for each row, given column by column
        (the quick import's 20,000 rows: each column one pass; the tests check that the two
        agree)."""
        fields = list(map(operator.attrgetter("fields"), rows))
        colours = list(map(operator.attrgetter("colour"), rows))
        days = list(map(operator.itemgetter("meeting_date"), fields))
        count = len(rows)
        columns: dict[str, list[Any]] = {
            "committee_id": [self.committee_id] * count, "meeting_id": list(meeting_ids),
            "agenda_item_id": [None] * count if self.agenda_item_id is no_agenda_items
            else list(map(self.agenda_item_id, days, map(operator.itemgetter("item"), fields)))}
        for field, column, read in _ACTION_READERS:
            columns[column] = _read_column(field, read, fields)
        columns["completed_on"] = [f.get("completed_on") for f in fields]
        on, at = [None] * count, [None] * count
        for i in itertools.compress(range(count),
                                    map(operator.itemgetter("reported_complete"), fields)):
            reported = self.reported(fields[i].get("reported_on"))
            if reported:
                on[i] = reported["reported_complete_on"]
                at[i] = reported["reported_complete_meeting_id"]
        columns["reported_complete_meeting_id"] = at
        columns["reported_complete_on"] = on
        held, today = self.last_held, self.today
        columns["raised_on"] = [
            (held if colour == "new" and held and (day is None or day < held) else day) or today
            for day, colour in zip(days, colours)]
        columns["updated_on"] = [today if colour == "updated" else None for colour in colours]
        columns["position"] = list(range(first, first + count))
        return columns

    def reported(self, on: dt.date | None) -> dict[str, Any]:
        """Reported complete: at the meeting on the date the sheet gives, else at the last
        meeting held (nothing, if none has been held)."""
        day = on or self.last_held
        if day is None:
            return {}
        return {"reported_complete_on": day,
                "reported_complete_meeting_id": self.meeting_on(day)}

    # ------------------------------------------------------------ recommendations

    @staticmethod
    def recommendation_values(f: dict[str, Any], given: Any = None) -> dict[str, Any]:
        """Column values; a blank label, addressee, response, verdict, date sent or date the
        response came leaves the stored one (the tracker fills those in as responses
        arrive)."""
        values = {"item_title": f["item"], "text": f["text"]}
        if given is None or "status" in given:
            values["status"] = f["status"]
        for field, column in WORD_COLUMNS:
            if given is None or field in given:
                values[column] = stored(f, field)
        for name in ("label", "addressee", "response", "verdict", "sent_on", "response_on"):
            if f.get(name):
                values[name] = stored(f, name)
        if f.get("verdict"):
            values["verdict_word"] = verdict_as_written(f["verdict"], f.get("verdict_word"))
        return values

    def new_recommendation(self, row: ImportedRow, meeting_id: int | None,
                           position: int) -> dict[str, Any]:
        f = row.fields
        values = {"committee_id": self.committee_id, "meeting_id": meeting_id,
                  "agenda_item_id": self.agenda_item_id(f["meeting_date"], f["item"]),
                  "label": "", "addressee": "Executive", "response": "",
                  "verdict": Verdict.AWAITING, "verdict_word": "",
                  "sent_on": f["meeting_date"], "response_on": None,
                  "response_due_override": None, "position": position, "procedural": False,
                  "updated_on": self.today if row.colour == "updated" else None}
        values.update(self.recommendation_values(f))
        return values

    # ------------------------------------------------------------ work programme

    @staticmethod
    def work_values(f: dict[str, Any], given: Any = None) -> dict[str, Any]:
        return {column: stored(f, field) for field, column in WORK_COLUMNS
                if given is None or field in given or field == "title"}

    def new_work_item(self, f: dict[str, Any], order: int) -> dict[str, Any]:
        return {"committee_id": self.committee_id,
                "meeting_id": self.meeting_id(f["meeting_date"]), "sort_order": order,
                **self.work_values(f)}


def _read_column(field: str, read: Callable[[Mapping[str, Any]], Any],
                 fields: list[dict[str, Any]]) -> list[Any]:
    """``list(map(read, fields))``, ``read`` being import_words' reader of ``field`` (which
    looks at that field alone): a plain item as it is, the others (owners' names cleaned,
    status words, RAG, extra columns) worked out once per distinct value when the column holds
    values of one class (equal values of different classes, 1 and True, may differ)."""
    if isinstance(read, operator.itemgetter):
        return list(map(read, fields))
    found = [f.get(field, _MISSING) for f in fields]
    try:
        distinct = set(found)
    except TypeError:   # not hashable: the extra columns' dicts, mostly all empty
        if not any(found) and len(set(map(type, found))) == 1 \
                and found[0].__class__ in (dict, list):
            return [read({field: found[0]})] * len(found)
        distinct = None
    if distinct is None or _MISSING in distinct or len(distinct) * 2 > len(found) \
            or len(set(map(type, distinct))) != 1:
        return list(map(read, fields))
    made = {value: read({field: value}) for value in distinct}
    return list(map(made.__getitem__, found))


_MISSING = object()   # a field a row does not have: read row by row (KeyError, or .get's None)


def no_agenda_items(_day: dt.date | None, _title: str) -> None:
    """``RowValues``' ``agenda_item_id`` for meetings that have no agenda items (new ones)."""
    return None


def values_of(columns: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row's values of ``columns``, as a tuple (operator.itemgetter, one column too)."""
    if len(columns) == 1:
        [name] = columns
        return lambda row: (row[name],)
    return operator.itemgetter(*columns)


def snapshot(values: dict[str, Any], columns: list[str] | tuple[str, ...]) -> str:
    """db.audit.snapshot for a row given as a dict of its column values: the values that are
    not None, "", False (or 0, which equals False), as text."""
    return snapshots([values], columns)[0]


def snapshots(rows: Iterable[dict[str, Any]], columns: list[str] | tuple[str, ...]) -> list[str]:
    """``snapshot`` of each row (20,000 rows: worked out column by column, see
    ``column_snapshots``)."""
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return []
    return column_snapshots(columns, list(zip(*map(values_of(columns), rows))), len(rows))


class Same(NamedTuple):
    """A column's value in every row (for ``column_snapshots``)."""
    value: Any


def column_snapshots(columns: Sequence[str], values: Sequence[Sequence[Any] | Same],
                     count: int) -> list[str]:
    """``snapshot`` of each of ``count`` rows given column by column (``values[i]``: the
    values of ``columns[i]``, one per row, or ``Same(value)``).

    The same text as ``json.dumps`` of the dict of the row's kept values: each column's part
    of the text (``, "name": "value"`` or nothing) is made once per distinct value where it
    can be, and each row's text is then one join."""
    parts: list[Sequence[str] | str] = []   # each row's part, or the part of every row
    for name, column in zip(columns, values):
        for part in _parts(_JSON.encode(name), column, count):
            if isinstance(part, str) and parts and isinstance(parts[-1], str):
                parts[-1] += part   # neighbours the same in every row: joined once
            else:
                parts.append(part)
    if not parts:
        return ["{}"] * count
    first = parts[0]
    if isinstance(first, str):   # a part in every row: the text opens with it
        parts[0] = "{" + first[2:]
    elif all(first):
        parts[0] = ["{" + text[2:] for text in first]
    else:
        return ["{" + "".join(row)[2:] + "}" for row in zip(*map(_each_row, parts))]
    if isinstance(parts[-1], str):
        parts[-1] += "}"
    else:
        parts.append("}")
    if len(parts) == 1 and isinstance(parts[0], str):   # the same text in every row
        return [parts[0]] * count
    return list(map("".join, zip(*map(_each_row, parts))))


def _each_row(part: Sequence[str] | str) -> Iterable[str]:
    return itertools.repeat(part) if isinstance(part, str) else part


_NONE = type(None)
# audit_text of a value of these classes, the quick way (bool is not int here: a class each)
_AS_TEXT: dict[type, Callable[[Any], str]] = {str: str.__str__, int: int.__repr__,
                                             dt.date: dt.date.isoformat}


def _text_classes(classes: set[type]) -> bool:
    """str and StrEnums only: equal values are the same text (str(member) is its value)."""
    return all(k is str or (issubclass(k, str) and k.__str__ is str.__str__) for k in classes)


def _parts(key: str, column: Sequence[Any] | Same, count: int) -> list[Sequence[str] | str]:
    """A column's part of the snapshots, as pieces to join in each row: each row's piece, or
    (a str) the piece of every row - the column's ``, "name": `` when no row leaves it out;
    [] when every row does."""
    prefix = f", {key}: "
    quote = _quote

    def part(value: Any) -> str:
        if not value:   # db.audit's test: None, "", False, 0 are left out
            return ""
        return prefix + quote(value if value.__class__ is str else audit_text(value))

    if isinstance(column, Same):   # the same value in every row
        text = part(column.value)
        return [text] if text else []
    classes = set(map(type, column))
    if classes == {_NONE}:
        return []
    full = all(column)   # no row leaves it out: its prefix a piece of its own
    # equal values give equal text, unless they differ in class (1, 1.0 and True)
    plain = classes - {_NONE}
    if len(plain) == 1 or _text_classes(plain):
        try:   # (not when the first rows already differ: a column of texts, numbers)
            distinct = set(column) if len(set(column[:64])) <= 32 else None
        except TypeError:   # not hashable
            distinct = None
        if distinct is not None and len(distinct) * 2 <= count:
            texts = {value: part(value) for value in distinct}
            if len(distinct) == 1:
                text = next(iter(texts.values()))
                return [text] if text else []
            if full:
                start = len(prefix)
                texts = {value: text[start:] for value, text in texts.items()}
                return [prefix, list(map(texts.__getitem__, column))]
            return [list(map(texts.__getitem__, column))]
    # a value in every row, of one class whose text is quick to make
    as_text = _AS_TEXT.get(next(iter(classes))) if len(classes) == 1 else None
    if as_text is not None:
        if as_text is int.__repr__:   # digits and a sign: nothing to escape
            if not full:   # (0: left out)
                return [[f'{prefix}"{value}"' if value else "" for value in column]]
            quoted = [f'"{value}"' for value in column]
        else:
            quoted = list(map(quote, column if as_text is str.__str__
                              else map(as_text, column)))
        if full:
            return [prefix, quoted]
        texts = list(map(prefix.__add__, quoted))
        for blank in itertools.compress(range(count), map(operator.not_, column)):
            texts[blank] = ""   # "" or 0: left out
        return [texts]
    return [list(map(part, column))]


_quote: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) \
    or json.encoder.encode_basestring   # what json.dumps(..., ensure_ascii=False) quotes with
