"""A work programme's status word nobody knows never blocks the file (issue 13): the item comes
in as if no status were written (scheduled at its meeting, else proposed), keeps the word as
written and the word is counted in the summary; ``--status`` then says what it means."""

from __future__ import annotations

from desktop_app.domain.enums import WorkStatus
from desktop_app.services import work_programme
from desktop_app.services.importing import ImportOptions, import_file
from tests import fixtures_xlsx as F


def _file(tmp_path):
    path = tmp_path / "wp.xlsx"
    F.save_rows(path, [["Meeting date", "Item", "Lead officer", "Status", "RAG"],
                       ["13/06/2023", "Budget monitoring", "Finance", "On track", "Amber"],
                       ["", "Library review", "Culture", "On track", "Green"],
                       ["To be scheduled", "", "", "", ""],
                       ["", "Fly-tipping", "Environment", "Scheduled", ""]],
                title="Work programme")
    return path


def test_an_unknown_word_comes_in_and_is_counted(db, tmp_path):
    outcome = import_file(db, _file(tmp_path), "Audit Committee",
                          ImportOptions(kind="work-programme"))
    assert outcome.summary.unknown_status_words == {"On track": 2}
    items = {w.title: w for w in work_programme.list_work_programme(db, "Audit Committee")}
    assert items["Budget monitoring"].status == WorkStatus.SCHEDULED
    assert items["Budget monitoring"].status_word == "On track"
    assert items["Budget monitoring"].rag == "amber"
    assert items["Library review"].rag == "green"


def test_status_says_what_the_word_means(db, tmp_path):
    outcome = import_file(db, _file(tmp_path), "Audit Committee",
                          ImportOptions(kind="work-programme",
                                        status_map={"On track": "delivered"}))
    assert outcome.summary.unknown_status_words == {}
    items = {w.title: w for w in work_programme.list_work_programme(db, "Audit Committee")}
    assert items["Budget monitoring"].status == WorkStatus.DELIVERED
