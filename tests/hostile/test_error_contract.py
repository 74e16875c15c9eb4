"""Issue 15 (6): every command keeps the error contract against broken input: exit code 2,
one line on stderr naming the problem, no traceback, nothing written. Run in-process (the
real ``main``), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
import re
import zipfile
from pathlib import Path

import pytest

from tests.hostile import files
from tests.hostile.pdfs import hostile_pdf

DAY = "2021-10-12"


def _make(tmp: Path) -> dict[str, Path]:
    """The broken inputs, by name."""
    made: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        made[name] = tmp / name
        made[name].write_bytes(data)

    put("text.xlsx", b"this is not a workbook")
    put("empty.xlsx", b"")
    put("binary.csv", b"\x00\x01\x02" * 100)
    whole = tmp / "whole.xlsx"
    with zipfile.ZipFile(whole, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>" * 200)
    put("truncated.xlsx", whole.read_bytes()[:60])
    put("not-a-docx.docx", b"PK\x03\x04 truncated zip")
    put("minutes.pdf.txt", b"")
    put("truncated.db", b"SQLite format 3\x00" + b"\x00" * 200)
    put("not-sqlite.db", b"hello")
    made["laughs.docx"] = files.entity_laughs(tmp / "laughs.docx")
    made["xxe.docx"] = files.external_entity(tmp / "xxe.docx")
    made["control.docx"] = files.control_characters(tmp / "control.docx")
    rng = random.Random(15)
    text = rng.randbytes(5_500_000).hex()       # 11 million characters that barely compress
    made["huge-node.docx"] = files.minutes_docx(tmp / "huge-node.docx", files.paragraph(text))
    pdf = hostile_pdf(tmp / "whole.pdf")
    put("truncated.pdf", pdf.read_bytes()[:300])
    made["folder"] = tmp / "folder"
    made["folder"].mkdir()
    made["file"] = tmp / "plain-file"
    made["file"].write_text("x", encoding="utf-8")
    return made


BROKEN = [
    ("import", "{text.xlsx}", "--committee", "ECC"),
    ("import", "{empty.xlsx}", "--committee", "ECC"),
    ("import", "{binary.csv}", "--committee", "ECC"),
    ("import", "{truncated.xlsx}", "--committee", "ECC"),
    ("import", "{folder}", "--committee", "ECC"),
    ("import", "{missing.xlsx}", "--committee", "ECC"),
    ("import", "{laughs.docx}", "--committee", "ECC"),
    ("import-minutes", "{not-a-docx.docx}", "--committee", "ECC", "--date", DAY),
    ("import-minutes", "{laughs.docx}", "--committee", "ECC", "--date", DAY),
    ("import-minutes", "{xxe.docx}", "--committee", "ECC", "--date", DAY),
    ("import-minutes", "{control.docx}", "--committee", "ECC", "--date", DAY),
    ("import-minutes", "{huge-node.docx}", "--committee", "ECC", "--date", DAY),
    ("import-minutes", "{minutes.pdf.txt}", "--committee", "ECC", "--date", DAY),
    ("item", "add", "--committee", "ECC", "--meeting", DAY, "--number", "1", "--title", "T",
     "--attach", "/etc/passwd"),
    ("item", "add", "--committee", "ECC", "--meeting", DAY, "--number", "1", "--title", "T",
     "--attach", "{truncated.pdf}"),
    ("export", "actions", "--committee", "ECC", "-o", "{folder}"),
    ("export", "actions", "--committee", "Nonesuch", "-o", "{out.xlsx}"),
    ("export", "action-log", "--committee", "ECC", "-o", "{nowhere}/x/y.pdf"),
    ("pack", "--committee", "ECC", "--meeting", "2030-01-01", "-o", "{out.pdf}"),
    ("stats", "--committee", "ECC", "--year", "last year"),
    ("stats", "--committee", "ECC", "--year", "2021/22", "-o", "{folder}"),
    ("chase", "--committee", "ECC", "-o", "{file}"),
    ("chase", "--committee", "ECC", "--owner", "Nobody", "-o", "{chase}"),
    ("contact", "add", "Bob", "--email", "bob@example.com\nBcc: eve@example.com"),
    ("contact", "add", "Bob\nBcc: eve@example.com", "--email", "bob@example.com"),
    ("action", "add", "--committee", "ECC", "--meeting", DAY, "--text", "t",
     "--owner", "A\rB"),
    ("action", "update", "999999", "--progress", "x"),
    ("recommendation", "add", "--committee", "ECC", "--meeting", DAY, "--text", "t",
     "--to", "Cabinet\nBcc: eve@example.com"),
    ("meeting", "add", "--committee", "ECC", "--date", "2023-02-31"),    # no such day
    ("export", "action-log", "--committee", "ECC", "--as-at", "31/02/2023", "-o", "{out.pdf}"),
    ("stats", "--committee", "ECC", "--year", "2021/23"),
    ("restore", "{truncated.db}"),
    ("restore", "{not-sqlite.db}"),
    ("restore", "{missing.db}"),
    ("backup", "-o", "{file}/inside.db"),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return _make(tmp_path_factory.mktemp("broken"))


@pytest.mark.parametrize("args", BROKEN, ids=lambda a: " ".join(a)[:60])
def test_broken_input_is_one_line_and_exit_2(run, inputs, tmp_path, args):
    assert run("committee", "add", "Error Contract Committee", "--short", "ECC")[0] == 0
    assert run("meeting", "add", "--committee", "ECC", "--date", DAY)[0] == 0
    names = {**{k: str(v) for k, v in inputs.items()},
             **{k: str(tmp_path / k) for k in ("missing.xlsx", "missing.db", "out.xlsx",
                                               "out.pdf", "nowhere", "chase")}}
    before = set(tmp_path.iterdir())
    code, out, err = run(*(re.sub(r"\{([^}]+)\}", lambda m: names[m.group(1)], a)
                           for a in args))
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("scrutiny-tracker: error: ")
    assert "unexpected error" not in err
    assert "Traceback" not in err
    assert set(tmp_path.iterdir()) == before          # nothing written beside the test's files
    code, listed, _ = run("list", "meetings", "--committee", "ECC", "--json")
    assert [m["items"] for m in json.loads(listed)] == [[]]       # no item, no attachment
    code, actions, _ = run("list", "actions", "--committee", "ECC", "--json")
    assert json.loads(actions) == []
