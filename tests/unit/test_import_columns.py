"""The quick import's column-by-column pieces against the row-by-row ones they stand in for:
snapshots (import_rows.column_snapshots against json.dumps of each row's kept values, as
db/audit.py writes them), new actions (RowValues.new_action_columns against new_action) and
the writer's statements (a value the same in every row written into the SQL, the others bound)
against a plain executemany of every value."""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.enums import ActionStatus
from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.importers.xlsx_rows import ParsedRow
from desktop_app.services import import_lite_writer as writer
from desktop_app.services.import_rows import RowValues, audit_text, snapshots

TRACKERS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
D = dt.date
# values of every class a row may hold, and the awkward ones: equal values of different
# classes (1, 1.0, True; 0, 0.0, False, -0.0), quotes, control characters, NUL, non-ASCII
AWKWARD = [None, "", 'a"b\\c\n\t\x00\x1f \u00e9\u20ac\u2028\U0001F600', 0, 1, 1.0, True, False,
           0.0, -0.0, "x", "0", ActionStatus.OPEN, "open", D(2020, 1, 2),
           dt.datetime(2020, 1, 2, 3, 4, 5, 6), dt.time(1, 2, 3), dt.time(1, 2, 3, 4), 12345,
           "it's", ("a", "tuple"), ["a list"]]


def _row_by_row(rows: list[dict], columns: list[str]) -> list[str]:
    """db/audit.py ``snapshot`` for rows given as dicts, written plainly."""
    return [json.dumps({c: audit_text(r[c]) for c in columns if r[c] not in (None, "", False)},
                       ensure_ascii=False) for r in rows]


def test_column_snapshots_are_the_row_by_row_ones():
    rng = random.Random(13)
    columns = [f"c{i}" for i in range(6)]
    for _ in range(400):
        count = rng.choice([1, 2, 3, 40, 130])
        pools = [rng.sample(AWKWARD, rng.randint(1, 4)) for _ in columns]
        rows = [{c: rng.choice(pool) for c, pool in zip(columns, pools)} for _ in range(count)]
        assert snapshots(rows, columns) == _row_by_row(rows, columns), rows[:3]


def _values(today: D, last_held: D | None) -> RowValues:
    ids = {D(2023, 1, 10): 1, D(2023, 3, 7): 2}
    return RowValues(7, today, last_held, lambda d: ids[d] if d else None, ids.get,
                     lambda d, title: hash((d, title)) % 5 or None)


def _rows() -> list[ParsedRow]:
    """Rows of the fixture action logs, and made-up ones through every branch of new_action."""
    rows = []
    for name in ("11_actions_excel97.xls", "13_actions_semicolon_cp1252.csv"):
        rows.extend(parse_workbook(TRACKERS / name, kind="actions").rows)
    base = dict(rows[0].fields)
    for colour in (None, "new", "updated"):
        for day in (None, D(2023, 1, 10), D(2023, 3, 7)):
            for reported, on in ((False, None), (True, None), (True, D(2023, 3, 7))):
                fields = {**base, "meeting_date": day, "reported_complete": reported,
                          "reported_on": on, "owner": " Ann  Lee ", "extra": {"RAG": "Red"}}
                rows.append(ParsedRow("Log", len(rows) + 1, fields, colour))
    return rows


@pytest.mark.parametrize("last_held", [None, D(2023, 1, 10), D(2023, 3, 7)])
def test_new_action_columns_are_the_new_actions_column_by_column(last_held):
    values = _values(D(2023, 6, 1), last_held)
    rows = _rows()
    meeting_ids = [(i % 3) or None for i in range(len(rows))]
    columns = values.new_action_columns(rows, meeting_ids, 5)
    dicts = [values.new_action(r, m, 5 + i) for i, (r, m) in enumerate(zip(rows, meeting_ids))]
    assert set(columns) == set(dicts[0])
    for name, column in columns.items():
        assert column == [d[name] for d in dicts], name
    assert any(columns["reported_complete_on"])
    assert any(columns["updated_on"])


def test_statements_store_what_binding_every_value_stores():
    """A column of one value (written into the statement) or of many (bound) gives the same
    rows as binding every value, whatever the values' classes."""
    rng = random.Random(5)
    plain, quick = (sqlite3.connect(":memory:") for _ in range(2))
    for conn in (plain, quick):
        conn.execute("CREATE TABLE t (a TEXT, b INTEGER, c, d VARCHAR(20), e BOOLEAN)")
    # (not lists: neither way binds them)
    simple = [v for v in AWKWARD if not isinstance(v, (list, tuple, dt.date, dt.time))]
    for _ in range(200):
        count = rng.choice([1, 2, 5])
        columns = []
        for _c in range(5):
            pool = rng.sample(simple, rng.randint(1, 2))
            columns.append([rng.choice(pool) for _ in range(count)])
        stored = [writer._stored("actions", "text", column) for column in columns]
        plain.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", list(zip(*columns)))
        writer._insert_many(quick, "t", ["a", "b", "c", "d", "e"], stored, count)
    query = "SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), e, typeof(e) FROM t"
    assert quick.execute(query).fetchall() == plain.execute(query).fetchall()
