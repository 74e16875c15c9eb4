"""Issue 15 (1) and (5): every workbook the app writes goes through one writer seam, and chase
writes every owner's files or none, with safe, unique names and headers that cannot be
injected. The attack comes in the way it would: in a workbook someone else sent."""

from __future__ import annotations

import email
import email.policy
import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.names import file_stem, unique_stems
from desktop_app.exporters.xlsx_safe import MAX_CELL_CHARS, clean_text, formula_like, save_workbook
from tests.hostile.conftest import INJECTIONS, assert_safe_workbook, hostile_action_log

COMMITTEE = "Hostile Input Scrutiny Committee"


@pytest.fixture
def hostile_db(run, tmp_path):
    """A committee whose tracker came in from a hostile workbook."""
    assert run("committee", "add", COMMITTEE, "--short", "HISC")[0] == 0
    assert run("meeting", "add", "--committee", "HISC", "--date", "2021-10-12")[0] == 0
    code, out, err = run("import", str(hostile_action_log(tmp_path / "hostile.xlsx")),
                         "--committee", "HISC", "--as", "actions")
    assert code == 0, err
    assert run("recommendation", "add", "--committee", "HISC", "--meeting", "2021-10-12",
               "--text", INJECTIONS[0], "--sent", "2021-10-20")[0] == 0
    assert run("action", "add", "--committee", "HISC", "--meeting", "2021-10-12",
               "--text", "L" * 40_000, "--owner", "Long Text")[0] == 0
    for text in INJECTIONS:   # typed, control characters and all (a NUL cannot be typed)
        assert run("action", "add", "--committee", "HISC", "--meeting", "2021-10-12",
                   "--text", text.replace("\x00", ""), "--owner", "Typed Owner")[0] == 0
    return run


@pytest.mark.parametrize("kind", ["actions", "recommendations", "work-programme"])
def test_every_export_writes_injections_as_text(hostile_db, tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    code, _, err = hostile_db("export", kind, "--committee", "HISC", "-o", str(out))
    assert code == 0, err
    checked = assert_safe_workbook(out)
    assert checked > 3
    if kind == "actions":
        values = [c.value for row in load_workbook(out)["Action log"].iter_rows() for c in row]
        assert "=cmd|' /C calc'!A0" in values           # kept, as text
        assert any(isinstance(v, str) and v.endswith("holds]") for v in values)  # cut, said so


def test_stats_workbook_per_directorate_is_text(hostile_db, tmp_path):
    out = tmp_path / "stats.xlsx"
    code, _, err = hostile_db("stats", "--committee", "HISC", "--year", "2021/22", "-o", str(out))
    assert code == 0, err
    assert_safe_workbook(out)
    directorates = [r[0].value for r in load_workbook(out)["Per directorate"].iter_rows(min_row=2)]
    assert "=cmd|' /C calc'!A0"[:30] in directorates


def test_chase_workbooks_and_drafts_are_safe(hostile_db, tmp_path):
    out = tmp_path / "chase"
    code, stdout, err = hostile_db("chase", "--committee", "HISC", "-o", str(out), "--json")
    assert code == 0, err
    packs = json.loads(stdout)
    owners = {p["owner"] for p in packs}
    assert {"=cmd|' /C calc'!A0", "@Director of Finance", "Long Text"} <= owners
    files = sorted(out.iterdir())
    assert len(files) == 2 * len(packs)                       # nothing else: no .part, no temp
    assert all(not f.name.startswith(".") for f in files)
    for pack in packs:
        assert_safe_workbook(Path(pack["workbook"]))
        meta = load_workbook(pack["workbook"])["_scrutiny_tracker"]
        assert meta["B3"].value == pack["owner"]
        assert meta["B3"].data_type == "s"
        msg = email.message_from_bytes(Path(pack["draft"]).read_bytes(),
                                       policy=email.policy.default)
        assert "\n" not in str(msg["To"])
        assert "Bcc" not in msg


def test_the_seam_on_its_own(tmp_path):
    for text in INJECTIONS:
        assert "\x00" not in clean_text(text)
        assert "\x07" not in clean_text(text)
    assert formula_like(" =1+1")
    assert formula_like("\uff1d1")
    assert not formula_like("Plan A")
    assert len(clean_text("x" * 50_000)) == MAX_CELL_CHARS
    # a value put in by any route (append, assignment) is made safe when saved
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([t for t in INJECTIONS if clean_text(t) == t])   # openpyxl refuses the others
    ws["A3"] = "=1+1"
    path = save_workbook(wb, tmp_path / "any.xlsx")
    assert assert_safe_workbook(path) == len(INJECTIONS) - 1
    assert sorted(os.listdir(tmp_path)) == ["any.xlsx"]


def test_file_names_are_safe_and_unique_ignoring_case():
    names = ["A/B", "A?B", "Director of Finance", "director of finance", "Smith, J", "Smith; J",
             "CON", "../../etc/passwd", "Bob\nBcc: someone@example.com", ""]
    stems = unique_stems(names)
    assert len({s.casefold() for s in stems.values()}) == len(names)
    for stem in stems.values():
        assert stem
        assert not set(stem) & set('/\\:*?"<>|\n;,.')
    assert stems["CON"] != "CON"
    assert file_stem("../../etc/passwd") == "etc_passwd"


def test_chase_owner_names_with_headers_and_control_characters(run, tmp_path):
    """Issue 15 (5): names are refused when typed, tidied when imported; the chase then writes
    every owner's files, with headers that are one line each."""
    assert run("committee", "add", COMMITTEE, "--short", "HISC")[0] == 0
    assert run("meeting", "add", "--committee", "HISC", "--date", "2021-10-12")[0] == 0
    code, _, err = run("action", "add", "--committee", "HISC", "--meeting", "2021-10-12",
                       "--text", "x", "--owner", "Bob\nBcc: someone@example.com")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "line break" in err
    code, _, err = run("contact", "add", "Bob", "--email", "bob@example.com\nBcc: x@example.com")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Action Number", "Meeting Date", "Action", "Owner", "Progress Update"])
    rows = [("Bob\nBcc: someone@example.com", "text\nover two lines"),
            ("A/B", "one"), ("A?B", "two"), ("Director of Finance", "three"),
            ("director of finance", "four"), ("Smith, J", "five"), ("Smith; J", "six")]
    for n, (owner, text) in enumerate(rows, start=1):
        ws.append([n, "12/10/2021", f"Action {n}: {text}", owner, "progress"])
    wb.save(tmp_path / "owners.xlsx")
    code, _, err = run("import", str(tmp_path / "owners.xlsx"), "--committee", "HISC",
                       "--as", "actions")
    assert code == 0, err
    out = tmp_path / "chase"
    code, stdout, err = run("chase", "--committee", "HISC", "-o", str(out))
    assert code == 0, err
    assert "wrote 7 workbook(s) and 7 email draft(s)" in stdout
    names = [f.name for f in out.iterdir()]
    assert len(names) == 14
    assert len({n.casefold() for n in names}) == 14
    (bob,) = [f for f in out.iterdir() if f.name.endswith(".eml") and "Bob" in f.name]
    msg = email.message_from_bytes(bob.read_bytes(), policy=email.policy.default)
    # no address to send to: no To header at all (as a name it would read as a group with a
    # member, "Bob Bcc: someone@example.com;"), and never a Bcc header
    assert msg["To"] is None
    assert "Bcc" not in msg
    assert "someone@example.com" not in raw_headers(bob)
    (finance,) = [f for f in out.iterdir() if f.name.endswith(".eml")
                  and f.name.count("Director of Finance") and "(2)" not in f.name]
    assert email.message_from_bytes(finance.read_bytes(), policy=email.policy.default)["To"].strip('"') \
        in ("Director of Finance", "director of finance")
    raw = bob.read_bytes().decode("ascii")
    assert "\nBcc:" not in raw


def raw_headers(path: Path) -> str:
    # .eml drafts end their lines with CRLF
    return path.read_bytes().replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].decode("ascii")


def test_chase_writes_nothing_when_one_owner_fails(run, tmp_path, monkeypatch):
    """Every owner's files or none: a failure part way leaves the folder as it was."""
    assert run("committee", "add", COMMITTEE, "--short", "HISC")[0] == 0
    assert run("meeting", "add", "--committee", "HISC", "--date", "2021-10-12")[0] == 0
    for owner in ("Alice", "Bob", "Carol"):
        assert run("action", "add", "--committee", "HISC", "--meeting", "2021-10-12",
                   "--text", f"for {owner}", "--owner", owner)[0] == 0
    from desktop_app.services import chase
    real = chase.build_workbook

    def failing(path, committee, owner, *args):
        if owner == "Carol":
            raise OSError("disk full")
        return real(path, committee, owner, *args)

    monkeypatch.setattr(chase, "build_workbook", failing)
    out = tmp_path / "chase"
    out.mkdir()
    code, _, err = run("chase", "--committee", "HISC", "-o", str(out))
    assert code == 2
    assert "disk full" in err
    assert len(err.strip().splitlines()) == 1
    assert list(out.iterdir()) == []
