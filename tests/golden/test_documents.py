"""The text of every document the demo committee prints, as pypdf extracts it, page by page (and
the pack's bookmarks), and what ``stats`` prints: compared with tests/golden/documents/.

Everything is as at one fixed date: ``--as-at`` where the command takes one, and
``SCRUTINY_TRACKER_TODAY`` for the rest (the stats year's "as at", the overdue rule), so the text
does not depend on the day the tests run. Refresh on purpose with ``make golden``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.golden.conftest import check_golden, run_cli

AS_AT = "2022-01-10"          # after the demo's agenda pack meeting, before the last meeting
MEETING = "2021-11-23"        # the demo meeting with an agenda (seed 004)
YEAR = "2021/22"
COMMITTEE = "CYPSC"

# golden name -> the command that writes it (OUT is the output file)
DOCUMENTS = {
    "action-log": ("export", "action-log", "--as-at", AS_AT),
    "recommendations": ("export", "recommendations", "--as-at", AS_AT),
    "work-programme": ("export", "work-programme", "--as-at", AS_AT),
    "agenda": ("export", "agenda", "--meeting", MEETING, "--as-at", AS_AT),
    "minutes": ("export", "minutes", "--meeting", MEETING, "--as-at", AS_AT),
    # the meeting before: its minutes, attendance block and resolutions (a draft: not approved)
    "minutes-previous": ("export", "minutes", "--meeting", "2021-10-12", "--as-at", AS_AT),
    "pack": ("pack", "--meeting", MEETING, "--as-at", AS_AT),
    # no --as-at: as at the meeting's publication date (15 November 2021), by the as-at rule
    "pack-as-published": ("pack", "--meeting", MEETING),
    "stats": ("stats", "--year", YEAR),
}


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    out = []
    for number, page in enumerate(reader.pages, start=1):
        out.append(f"=== page {number} of {len(reader.pages)} ===")
        out.append(page.extract_text().rstrip())

    def outline(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                outline(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item) + 1
                out.append(f"{'  ' * depth}{item.title}  (page {page})")

    if reader.outline:
        out.append("=== bookmarks ===")
        outline(reader.outline, 0)
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, str]:
    """Every document and printout of the demo committee, made once: name -> golden text."""
    folder = tmp_path_factory.mktemp("golden-documents")
    texts: dict[str, str] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCRUTINY_TRACKER_HOME", str(folder / "home"))
        mp.setenv("SCRUTINY_TRACKER_TODAY", AS_AT)
        mp.setenv("SCRUTINY_TRACKER_USER", "Golden Test")
        mp.delenv("SCRUTINY_TRACKER_DB", raising=False)
        db = ("--db", f"sqlite:///{folder / 'demo.db'}")
        run_cli(*db, "demo")
        for name, (command, *args) in DOCUMENTS.items():
            target = folder / f"{name}.pdf"
            said = run_cli(*db, command, *args, "--committee", COMMITTEE, "-o", str(target))
            said = said.replace(str(folder), "OUT")
            texts[name] = f"$ {command} {' '.join(args)}\n{said}\n{pdf_text(target)}"
            texts[f"pdf:{name}"] = str(target)
        texts["stats-printed"] = run_cli(*db, "stats", "--committee", COMMITTEE, "--year", YEAR)
        stats_json = json.loads(run_cli(*db, "stats", "--committee", COMMITTEE, "--year", YEAR,
                                        "--json"))
        texts["stats-json"] = json.dumps(stats_json, indent=1, ensure_ascii=False) + "\n"
    return texts


NAMES = [*DOCUMENTS, "stats-printed", "stats-json"]


@pytest.mark.parametrize("name", NAMES)
def test_demo_document_text_matches_its_golden_file(written, name):
    suffix = ".json" if name.endswith("-json") else ".txt"
    check_golden(f"documents/{name}{suffix}", written[name])


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_demo_document_is_a_tagged_pdf_a_screen_reader_can_follow(written, name):
    """Issue 17: structure tree, title, language, PDF/UA id, all text marked, headers and
    footers as artifacts, tables with TH (tests/pdf_tags.py)."""
    from tests import pdf_tags
    path = written[f"pdf:{name}"]
    assert pdf_tags.problems(path) == []
    roles = pdf_tags.roles(path)
    assert roles.get("H1", 0) >= 1
    assert roles.get("P", 0) >= 1
    if name != "minutes":     # the demo's latest minutes: a heading and a note, no table
        assert roles.get("Table", 0) >= 1
        assert roles.get("TH", 0) >= 1


def test_documents_do_not_depend_on_the_day_they_are_made(written):
    """The fixed date is the only date the text can take "today" from: the real date of the run
    appears nowhere (the check that keeps the golden files stable from one day to the next)."""
    import datetime as dt
    real = dt.date.today()
    if real.isoformat() == AS_AT:
        pytest.skip("run on the fixed as-at date itself")
    spellings = [real.strftime("%d/%m/%Y"), real.isoformat(), f"{real.day} {real:%B %Y}"]
    texts = {name: text for name, text in written.items() if not name.startswith("pdf:")}
    for name, text in texts.items():
        for spelling in spellings:
            assert spelling not in text, f"{name} shows today's date ({spelling})"
    assert set(texts) == set(NAMES)
