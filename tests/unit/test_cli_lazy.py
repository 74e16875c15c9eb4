"""The speed work of issues 13 and 18 changes nothing but the time taken: the lazy command-line
parser reads every command line as the full parser does, a database created without Alembic is
the one Alembic creates, the bank-holiday table is the holidays package's, and the import path
and ``committee list`` leave the heavy packages unimported (benchmarks/bench_cli.py and
bench_formats.py measure what that saves)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import COMMAND_MODULES, COMMANDS, parse_args

REPO = Path(__file__).resolve().parents[2]
TRACKERS = REPO / "tests" / "fixtures" / "trackers"


def _registered() -> dict[str, set[str]]:
    """Each command module's sub-commands, registered on a scratch parser."""
    out = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"desktop_app.cli.{name}").register(sub)
        out[name] = set(sub.choices)
    return out


def test_each_sub_command_is_looked_up_in_the_module_that_registers_it():
    registered = _registered()
    every = set().union(*registered.values())
    # export takes the full parser on purpose: any module may add a file format to it
    assert set(COMMANDS) == every - {"export"}
    for command, module in COMMANDS.items():
        assert command in registered[module], (command, module)


@pytest.mark.parametrize("argv", [
    ["committee", "list", "--json"], ["committee", "add", "Housing Scrutiny", "--short", "HSC"],
    ["--db", "sqlite:///x.db", "--user", "Ann", "action", "update", "3", "--status", "completed"],
    ["meeting", "held", "--committee", "CYPSC", "--date", "2021-11-23"],
    ["list", "actions", "--committee", "CYPSC", "--status", "overdue"],
    ["import", "log.xlsx", "--committee", "CYPSC", "--status", "Paused=open", "--dry-run"],
    ["export", "actions", "--committee", "CYPSC", "-o", "log.xlsx"],
    ["pack", "--committee", "CYPSC", "--meeting", "2021-11-23", "-o", "pack.pdf"],
    ["import-minutes", "m.txt", "--committee", "CYPSC"], ["stats", "--committee", "CYPSC"],
    ["chase", "--committee", "CYPSC", "-o", "out"], ["backup"], ["--debug", "check"],
    # the window's, read without a parser (cli._window_args)
    [], ["gui"], ["--db", "sqlite:///x.db", "gui", "--smoke-test"], ["--debug"],
    ["--db=sqlite:///a.db", "--user", "Ann", "--db", "sqlite:///b.db", "gui", "-o", "t.json",
     "--smoke-test", "--output=u.json"], ["--user=", "gui", "--output", ""],
    ["gui", "--smoke"], ["gui", "--output=-"],     # (argparse's own reading)
])
def test_lazy_parser_reads_each_command_as_the_full_parser_does(argv):
    assert vars(parse_args(argv)) == vars(parse_args(argv, short=False))


@pytest.mark.parametrize("argv", [
    ["committee"], ["committee", "list", "--bogus"], ["list", "-h"], ["import"],
    ["action", "update", "x"], ["committe", "list"],
    ["--db", "-x", "gui"], ["gui", "--db", "x.db"], ["gui", "gui"], ["--smoke-test"],
    ["gui", "-o"], ["--debug", "--db"],
])
def test_what_the_lazy_parser_cannot_read_ends_as_the_full_parser_ends(argv, capsys):
    outcomes = []
    for short in (True, False):
        with pytest.raises(SystemExit) as exc:
            parse_args(argv, short=short)
        captured = capsys.readouterr()
        outcomes.append((exc.value.code, captured.out, captured.err))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] or outcomes[0][2]


def _schema(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"),
                      key=repr)


def test_new_database_made_without_alembic_is_the_one_alembic_makes(tmp_path):
    from desktop_app.db.engine import Database, make_engine
    from desktop_app.db.schema import ensure_schema, head_revision, schema_revision

    made = {}
    for quick in (True, False):
        url = f"sqlite:///{tmp_path / f'{quick}.db'}"
        db = Database(make_engine(url), url)
        try:
            assert ensure_schema(db, quick=quick) == "created"
            assert schema_revision(db) == head_revision()       # as Alembic reads it
            assert ensure_schema(db, quick=quick) == "current"
        finally:
            db.dispose()
        made[quick] = _schema(tmp_path / f"{quick}.db")
    assert made[True] == made[False]
    assert any(name == "alembic_version" for _t, name, _tbl, _sql in made[True])


def test_bank_holiday_table_is_the_holidays_package(monkeypatch):
    import holidays

    from desktop_app.domain import dates
    from desktop_app.domain.bank_holiday_table import TABLE, rows

    assert len(TABLE) == 41
    for year in TABLE:
        package = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))
        assert dates._bank_holidays(year) == package, year
    # what the module prints to write the table again is the table
    text = Path(sys.modules["desktop_app.domain.bank_holiday_table"].__file__
                ).read_text(encoding="utf-8")
    assert "\n".join(rows()) in text
    # a year outside the table is asked of the package
    assert dates.is_bank_holiday(dt.date(2045, 12, 25))
    assert dt.date(2022, 9, 19) in dates._bank_holidays(2022)      # a one-off: a state funeral


LIGHT = """
import json, sys
from desktop_app.cli import main
heavy = ("openpyxl", "reportlab", "pypdf", "PySide6", "alembic", "rapidfuzz", "holidays",
         "docx", "pandas")
seen = {}
for step, argv in (("committee list", ["--db", sys.argv[1], "committee", "list", "--json"]),
                   ("import .xls", ["--db", sys.argv[1], "import", sys.argv[2], "--committee",
                                    "Housing", "--create-committee", "--json"])):
    code = main(argv)
    assert code == 0, (step, code)
    seen[step] = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
print(json.dumps(seen))
"""


def test_committee_list_and_an_xls_import_leave_the_heavy_packages_unimported(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    proc = subprocess.run([sys.executable, "-c", LIGHT, url,
                           str(TRACKERS / "11_actions_excel97.xls")],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen == {"committee list": [], "import .xls": []}
    with sqlite3.connect(tmp_path / "new.db") as conn:
        assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'actions' "
                            "AND operation = 'insert'").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM actions").fetchone()[0]
