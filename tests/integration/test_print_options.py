"""The officer's layout choices, remembered per committee: order by action number or by
meeting, long or dd/mm/yyyy dates, 10 or 12 pt table text. Read and saved through the services
(real database, audited), used by ``export``/``pack`` with ``--order --dates --text-size``
and ``--remember``, and read back from the PDFs with pypdf."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import re

import pytest
from pypdf import PdfReader

from desktop_app.domain.print_options import DEFAULT_OPTIONS, DateStyle, DocumentOptions, Order
from desktop_app.services import committees, history
from desktop_app.services.print_options import get_print_options, save_print_options
from tests.conftest import DEMO_COMMITTEE

TODAY = "2021-11-23"


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def _sizes(path) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=lambda t, _cm, _tm, _f, size: sizes.add(size)
                          if t.strip() else None)
    return sizes


# ------------------------------------------------------------------ the choices themselves

def test_defaults_are_the_seeds_layout():
    assert DocumentOptions(Order.NUMBER, DateStyle.LONG, 10) == DEFAULT_OPTIONS
    assert DEFAULT_OPTIONS.date(dt.date(2021, 9, 7)) == "07 September 2021"
    assert DocumentOptions(dates="short").date(dt.date(2021, 9, 7)) == "07/09/2021"


@pytest.mark.parametrize(("change", "message"), [
    ({"order": "date"}, "order must be number or meeting, not 'date'"),
    ({"dates": "iso"}, "dates must be long or short, not 'iso'"),
    ({"text_size": 11}, "text size must be 10 or 12 (points), not 11"),
    ({"text_size": "big"}, "text size must be 10 or 12 (points), not 'big'"),
])
def test_a_wrong_choice_is_refused_in_words(change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        DEFAULT_OPTIONS.changed(**change)


def test_saved_json_that_is_damaged_or_unknown_falls_back_to_the_defaults():
    assert DocumentOptions.from_json("") == DEFAULT_OPTIONS
    assert DocumentOptions.from_json("{not json") == DEFAULT_OPTIONS
    assert DocumentOptions.from_json("[1, 2]") == DEFAULT_OPTIONS
    mixed = DocumentOptions.from_json('{"order": "meeting", "dates": "julian", "text_size": 9}')
    assert mixed == DocumentOptions(order="meeting")
    # other keys (another part of the app's choices) are kept when these are saved
    merged = json.loads(DocumentOptions(text_size=12).merged_json('{"columns": ["rag"]}'))
    assert merged == {"columns": ["rag"], "order": "number", "dates": "long", "text_size": 12}


# ------------------------------------------------------------------ the service

def test_choices_are_saved_per_committee_audited_and_carried_by_the_committee_row(demo_db):
    committees.add_committee(demo_db, "Audit and Governance Committee", short_name="AGC")
    assert get_print_options(demo_db, "CYPSC") == DEFAULT_OPTIONS
    large = DocumentOptions(order="meeting", dates="short", text_size=12)
    assert save_print_options(demo_db, "CYPSC", large) is True
    assert get_print_options(demo_db, DEMO_COMMITTEE) == large
    assert get_print_options(demo_db, "AGC") == DEFAULT_OPTIONS        # per committee
    assert committees.get_committee(demo_db, "CYPSC").print_options == large
    changes = [h for h in history.history(demo_db, table="committees")
               if h.field == "print_options"]
    assert len(changes) == 1
    assert json.loads(changes[0].new) == large.as_dict()
    # saving the same choices again changes nothing and leaves no audit entry
    assert save_print_options(demo_db, "CYPSC", large) is False
    assert len([h for h in history.history(demo_db, table="committees")
                if h.field == "print_options"]) == 1


# ------------------------------------------------------------------ the command line

def run(*args: str) -> tuple[int, str, str]:
    from desktop_app.cli import main
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:          # argparse refusing a choice
                code = int(exc.code or 0)
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo_cli(demo_db, db_url, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", TODAY)
    return lambda *args: run("--db", db_url, *args)


def test_export_uses_the_choices_given_and_remembers_them_when_asked(demo_cli, demo_db, tmp_path):
    plain = tmp_path / "plain.pdf"
    assert demo_cli("export", "action-log", "--committee", "CYPSC", "-o", str(plain))[0] == 0
    text = _text(plain)
    assert "02 November 2021" in text
    assert "Meeting of" not in text
    refs = re.findall(r"(?:^| )([1-7]) (?:07|05|12) ", text)
    assert refs == sorted(refs, key=int)                         # by action number
    assert 10 in _sizes(plain)

    once = tmp_path / "once.pdf"
    code, out, _err = demo_cli("export", "action-log", "--committee", "CYPSC", "--order",
                               "meeting", "--dates", "short", "--text-size", "12",
                               "-o", str(once))
    assert code == 0
    assert "remembered" not in out
    text = _text(once)
    assert "Meeting of 05/08/2021" in text
    assert text.index("Meeting of 05/08/2021") < text.index("Meeting of 07/09/2021") \
        < text.index("Meeting of 12/10/2021")
    assert "02/11/2021" in text
    assert "02 November 2021" not in text
    assert 12 in _sizes(once)
    assert 10 not in _sizes(once)
    assert get_print_options(demo_db, "CYPSC") == DEFAULT_OPTIONS  # not asked to remember

    kept = tmp_path / "kept.pdf"
    code, out, _err = demo_cli("export", "action-log", "--committee", "CYPSC", "--order",
                               "meeting", "--dates", "short", "--text-size", "12",
                               "--remember", "-o", str(kept))
    assert code == 0
    assert ("remembered for CYPSC: by meeting, dates as 07/09/2021, 12 pt text "
            "(large print)") in out
    assert kept.read_bytes() == once.read_bytes()
    # next time, without options: the remembered ones; one option changes only itself
    again = tmp_path / "again.pdf"
    assert demo_cli("export", "action-log", "--committee", "CYPSC", "-o", str(again))[0] == 0
    assert again.read_bytes() == once.read_bytes()
    long_dates = tmp_path / "long.pdf"
    assert demo_cli("export", "action-log", "--committee", "CYPSC", "--dates", "long",
                    "-o", str(long_dates))[0] == 0
    text = _text(long_dates)
    assert "Meeting of 05 August 2021" in text
    assert 12 in _sizes(long_dates)


def test_the_pack_and_the_other_table_documents_follow_the_saved_choices(demo_cli, demo_db,
                                                                         tmp_path):
    save_print_options(demo_db, "CYPSC", DocumentOptions(order="meeting", dates="short"))
    pack = tmp_path / "pack.pdf"
    assert demo_cli("pack", "--committee", "CYPSC", "--meeting", "2021-11-23",
                    "-o", str(pack))[0] == 0
    text = _text(pack)
    assert "Meeting of 07/09/2021" in text                       # the action log in the pack
    assert re.findall(r"07/12/2021 (\w+)", text) == ["Open", "Open", "Open"]
    recs = tmp_path / "recs.pdf"
    assert demo_cli("export", "recommendations", "--committee", "CYPSC", "-o", str(recs))[0] == 0
    assert re.search(r"Sent \d\d/\d\d/\d{4}", _text(recs))
    wp = tmp_path / "wp.pdf"
    assert demo_cli("export", "work-programme", "--committee", "CYPSC", "--meeting",
                    "2021-11-23", "-o", str(wp))[0] == 0
    assert "Publication deadline: 15/11/2021" in _text(wp)


def test_layout_options_refused_for_workbooks_and_wrong_sizes(demo_cli, demo_db, tmp_path):
    book = tmp_path / "actions.xlsx"
    code, _out, err = demo_cli("export", "actions", "--committee", "CYPSC", "--order",
                               "meeting", "--remember", "-o", str(book))
    assert code == 2
    assert err.strip().splitlines() == [
        "scrutiny-tracker: error: --order, --remember: for PDF, Word and web-page documents "
        "only, not .xlsx files"]
    assert not book.exists()
    code, _out, err = demo_cli("export", "action-log", "--committee", "CYPSC", "--text-size",
                               "11", "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "invalid choice: 11" in err
    assert not (tmp_path / "x.pdf").exists()
    assert get_print_options(demo_db, "CYPSC") == DEFAULT_OPTIONS
