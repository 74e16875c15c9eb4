"""Hidden sheets and rows are named in the summary (issue 13): the command line's summary, as
text and as JSON (``cli.main`` run in this process, against the test database), and what the
import wizard is given to show (``services.import_preview``, the same reading). The files are
the fidelity corpus's: an .xlsx with hidden rows, a hidden sheet of last year's actions and a
hidden drop-down sheet; an .xls with a hidden row and a hidden archive sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.services.import_preview import preview, read_workbook

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
HIDDEN = {
    "10_actions_hidden_rows_and_sheets.xlsx": [
        "sheet 'Action Log': hidden rows 4, 7 imported",
        "sheet 'Closed 2022' is hidden: its rows are imported",
        "sheet 'Lists' is hidden: nothing on it to import"],
    "12_recs_excel97_merged.xls": [
        "sheet 'Recommendations 2022-23': hidden row 6 imported",
        "sheet 'Archive 2021-22' is hidden: its rows are imported"],
}


def _expected(name: str) -> dict:
    return json.loads((CORPUS / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


def _import(db_url: str, name: str, *more: str) -> int:
    return cli.main(["--db", db_url, "import", str(CORPUS / name), "--committee",
                     _expected(name)["committee"], "--create-committee", *more])


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_the_command_line_summary_names_hidden_sheets_and_rows(db_url, capsys, name):
    assert _import(db_url, name) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    for note in HIDDEN[name]:
        assert f"note: {note}" in lines, lines
    assert _import(db_url, name, "--dry-run", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    exp = _expected(name)
    assert sorted(summary["hidden_sheets"]) == sorted(exp["hidden_sheets"])
    assert sorted((h["sheet"], h["row"]) for h in summary["hidden_rows"]) == \
        sorted((h["sheet"], h["row"]) for h in exp["hidden_rows"])
    assert summary["notes"][:len(HIDDEN[name])] == HIDDEN[name]


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_the_wizard_is_given_the_hidden_sheets_and_rows(name):
    """The wizard reads the file with import_preview and shows the reading's notes on its
    columns page: the same lines as the command line."""
    info = read_workbook(str(CORPUS / name))
    kind = _expected(name)["kind"]
    assert info.detected == kind
    shown = preview(info.path, info.grids, kind, {})
    assert shown.parsed is not None
    assert shown.parsed.notes[:len(HIDDEN[name])] == HIDDEN[name]
    assert sorted(shown.parsed.hidden_sheets) == sorted(_expected(name)["hidden_sheets"])
    hidden = [(r.sheet, r.row_number) for r in shown.parsed.rows if r.hidden]
    assert hidden == [(r["source"]["sheet"], r["source"]["row"])
                      for r in _expected(name)["records"] if r["hidden"]]
