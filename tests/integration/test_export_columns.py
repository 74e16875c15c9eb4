"""Issue 13: the action log and the recommendation schedule print the columns chosen
(``export ... --column NAME``; the print dialog passes the same choice), read back with pypdf."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.services.importing import ImportOptions, import_file
from desktop_app.services.record_columns import optional_columns
from tests.fixtures_xlsx import save_rows

COMMITTEE = "Housing Scrutiny Committee"
DAY = dt.date(2023, 1, 12)


def _run(*args: str) -> tuple[int, str, str]:
    from desktop_app.cli import main
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def housing(db, db_url, tmp_path):
    log = tmp_path / "log.xlsx"
    save_rows(log, [["Action No.", "Meeting date", "Action", "Owner", "Due date", "Status",
                     "RAG", "Area"],
                    ["H1", DAY, "Report the repairs backlog", "Sam Lee", dt.date(2023, 3, 1),
                     "Paused", "Amber", "Repairs north"],
                    ["H2", DAY, "Circulate the damp survey", "Ann Bell", dt.date(2023, 3, 1),
                     "Open", "", "Estates"]])
    import_file(db, log, COMMITTEE, ImportOptions(kind="actions"))
    recs = tmp_path / "recs.xlsx"
    save_rows(recs, [["Meeting date", "Recommendation", "Executive response", "RAG",
                      "Cabinet member"],
                     [DAY, "That the cabinet publish the damp strategy", "Agreed.", "Green",
                      "Cllr Ann Bell"]])
    import_file(db, recs, COMMITTEE, ImportOptions(kind="recommendations"))
    return db_url


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_optional_columns_are_what_the_records_have(db, housing):
    assert optional_columns(db, COMMITTEE, "actions") == ["RAG", "Status as written", "Area"]
    # (with no status column, the RAG word is the status as written: the importer's rule)
    assert optional_columns(db, COMMITTEE, "recommendations") == [
        "RAG", "Status as written", "Cabinet member"]


def test_action_log_prints_the_chosen_columns(housing, tmp_path):
    plain, chosen = tmp_path / "plain.pdf", tmp_path / "chosen.pdf"
    base = ["--db", housing, "export", "action-log", "--committee", COMMITTEE,
            "--as-at", "2023-02-01"]
    assert _run(*base, "-o", str(plain))[0] == 0
    code, out, _err = _run(*base, "--column", "area", "--column", "RAG", "--column",
                           "Status as written", "-o", str(chosen))
    assert code == 0
    assert "wrote" in out
    # (a narrow column wraps its words over lines)
    before, after = " ".join(_text(plain).split()), " ".join(_text(chosen).split())
    for word in ("Repairs north", "AMBER", "Paused"):
        assert word not in before
        assert word in after
    assert "Area" in after
    assert "Status as" in after
    # the header spells the column as the tracker did, in the order asked for
    assert after.index("Area") < after.index("RAG") < after.index("Status as")


def test_recommendation_schedule_prints_the_chosen_columns(housing, tmp_path):
    path = tmp_path / "recs.pdf"
    code, _out, err = _run("--db", housing, "export", "recommendations", "--committee",
                           COMMITTEE, "--as-at", "2023-02-01", "--column", "Cabinet member",
                           "--column", "rag", "-o", str(path))
    assert code == 0, err
    text = _text(path)
    assert "Cllr Ann Bell" in text
    assert "GREEN" in text
    assert "Cabinet" in text
    assert "Responded" in text        # a written response, no verdict recorded


def test_an_unknown_column_is_refused_and_nothing_written(housing, tmp_path):
    path = tmp_path / "log.pdf"
    code, _out, err = _run("--db", housing, "export", "action-log", "--committee", COMMITTEE,
                           "--column", "Aera", "-o", str(path))
    assert code == 2
    assert err.count("\n") == 1
    assert "'Aera'" in err
    assert "Area" in err
    assert not path.exists()
    code, _out, err = _run("--db", housing, "export", "work-programme", "--committee",
                           COMMITTEE, "--column", "RAG", "-o", str(path))
    assert code == 2
    assert "action log and the recommendation schedule" in err
    assert not path.exists()
