"""An output file that cannot be written (its folder missing, or a file where the folder should
be) is refused in one line that names the file the officer gave and why, never the temporary
file written beside it nor an "[Errno 2]"; and the database is left as it was (the calendar's
identity token is not made for a file that is never written)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_app.db.models import DatabaseIdentity

DAY = "2021-10-12"

OUTPUTS = [
    ("export", "action-log", "--committee", "OPC", "-o", "{out}.pdf"),
    ("export", "actions", "--committee", "OPC", "-o", "{out}.xlsx"),
    ("export", "minutes", "--committee", "OPC", "--meeting", DAY, "-o", "{out}.docx"),
    ("export", "calendar", "--committee", "OPC", "-o", "{out}.ics"),
    ("stats", "--committee", "OPC", "--year", "2021/22", "-o", "{out}.xlsx"),
]


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: " ".join(a[:2]) + a[-1][-4:])
@pytest.mark.parametrize("where", ["missing", "file"])
def test_an_unwritable_output_is_named_in_one_line(run, db, tmp_path, args, where):
    assert run("committee", "add", "Output Paths Committee", "--short", "OPC")[0] == 0
    assert run("meeting", "add", "--committee", "OPC", "--date", DAY)[0] == 0
    assert run("action", "add", "--committee", "OPC", "--meeting", DAY, "--text", "t")[0] == 0
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    folder = {"missing": "no such folder", "file": "plain-file"}[where]
    out = str(tmp_path / folder / "out")
    argv = [a.replace("{out}", out) for a in args]
    before = set((tmp_path / folder).parent.iterdir())
    code, _, err = run(*argv)
    assert code == 2, err
    target = argv[-1]
    why = "does not exist" if where == "missing" else "is a file, not a folder"
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith(f"scrutiny-tracker: error: {target}: cannot write "), err
    assert why in err, err
    assert all(bad not in err for bad in ("Errno", ".part", ".tmp")), err
    assert set(tmp_path.iterdir()) <= before        # no file written, no folder made
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(DatabaseIdentity)) == 0


def test_a_backup_that_cannot_be_written_is_one_line(run, db_url, tmp_path):
    """SQLite's own "unable to open database file" (here: a folder where the backup's partial
    file goes) is an error in words, exit 2, not an unexpected one."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the SQLite online backup")
    assert run("committee", "add", "Output Paths Committee", "--short", "OPC")[0] == 0
    (tmp_path / "copy.db.partial").mkdir()
    code, _, err = run("backup", "-o", str(tmp_path / "copy.db"))
    assert code == 2, err
    assert err.startswith(f"scrutiny-tracker: error: {tmp_path / 'copy.db'}: cannot write the "
                          "backup"), err
    assert "unexpected" not in err
    assert not (tmp_path / "copy.db").exists()
