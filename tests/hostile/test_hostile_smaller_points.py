"""Issue 15 (7), the smaller points: hidden and very hidden sheets named, formula cells saved
without a value reported (not silently dropped), a refused edit naming the changes made since
the stale version, control characters from minutes removed."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook


DAY = "2021-10-12"


def _committee(run) -> None:
    assert run("committee", "add", "Small Points Committee", "--short", "SPC")[0] == 0
    assert run("meeting", "add", "--committee", "SPC", "--date", DAY)[0] == 0


def _import(run, path: Path) -> dict:
    code, out, err = run("import", str(path), "--committee", "SPC", "--as", "actions", "--json")
    assert code == 0, err
    return json.loads(out)


def test_hidden_and_very_hidden_sheets_are_named(run, tmp_path):
    _committee(run)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Action Number", "Meeting Date", "Action", "Owner"])
    ws.append([1, "12/10/2021", "Visible action", "Clerk"])
    for name, state in (("Old", "hidden"), ("Secret", "veryHidden")):
        sheet = wb.create_sheet(name)
        sheet.append(["Action Number", "Meeting Date", "Action", "Owner"])
        sheet.append([2 if name == "Old" else 3, "12/10/2021", f"{name} action", "Clerk"])
        sheet.sheet_state = state
    wb.save(tmp_path / "hidden.xlsx")
    notes = " | ".join(_import(run, tmp_path / "hidden.xlsx")["notes"])
    assert "sheet 'Old' is hidden" in notes
    assert "sheet 'Secret' is hidden" in notes


def test_formula_cells_without_values_are_reported(run, tmp_path):
    _committee(run)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Log"
    ws.append(["Action Number", "Meeting Date", "Action", "Owner"])
    ws.append([1, "12/10/2021", "A typed action", "Clerk"])
    ws.append(["=A2+1", "=B2", "=C2&\" again\"", "=D2"])     # saved by a program: no values
    wb.save(tmp_path / "formulas.xlsx")
    result = _import(run, tmp_path / "formulas.xlsx")
    notes = " | ".join(result["notes"])
    assert "sheet 'Log': formula cells saved without a value (read as blank) in row 3" in notes
    code, out, _ = run("list", "actions", "--committee", "SPC", "--json")
    assert [a["text"] for a in json.loads(out)] == ["A typed action"]


def test_a_refused_edit_names_the_changes_since_the_stale_version(run):
    _committee(run)
    code, out, _ = run("action", "add", "--committee", "SPC", "--meeting", DAY,
                       "--text", "Review the budget")
    assert code == 0
    action = json.loads(run("list", "actions", "--committee", "SPC", "--json")[1])[0]
    ident, version = str(action["id"]), action["version"]
    assert run("action", "update", ident, "--progress", "First note")[0] == 0
    assert run("action", "update", ident, "--progress", "Second note")[0] == 0
    assert run("action", "update", ident, "--due", "2021-12-01")[0] == 0
    code, _, err = run("action", "update", ident, "--progress", "Mine",
                       "--if-version", str(version + 1))
    assert code == 3
    assert len(err.strip().splitlines()) == 1
    assert "'Second note'" in err
    assert "due_date" in err
    assert "First note" not in err           # made before the version the editor had


def test_control_characters_from_minutes_are_not_stored(run, tmp_path):
    _committee(run)
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("1. APOLOGIES\nApologies were received from Cllr Bell\x07.\n"
                       "2. LEGAL SERVICES\nRESOLVED: That the report\x1b[31m be noted.\x08\n",
                       encoding="utf-8")
    code, out, err = run("import-minutes", str(minutes), "--committee", "SPC", "--date", DAY,
                         "--json")
    assert code == 0, err
    assert "\\u0007" not in out
    assert "\\u001b" not in out
    assert "\\b" not in out
    assert "be noted" in out
