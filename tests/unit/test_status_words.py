"""The status words the import wizard lists (services.import_preview.status_words): each word
as first written, its rows whatever their case, what the rules read it as, and whether the rules
know it; and the statuses offered per kind."""

from __future__ import annotations

import datetime as dt

from desktop_app.services.import_preview import preview, read_workbook, status_choices
from tests.fixtures_xlsx import save_rows

DAY = dt.datetime(2022, 3, 8)


def test_words_counted_and_read(tmp_path):
    path = tmp_path / "recs.xlsx"
    save_rows(path, [["Meeting date", "Recommendation", "Status"],
                     [DAY, "That the cabinet publish the plan", "Closed"],
                     [DAY, "That the cabinet fund two posts", "With cabinet"],
                     [DAY, "That a briefing be given", "with Cabinet"],
                     [DAY, "That the policy be reviewed", "In progress"],
                     [DAY, "That members visit the centre", ""]])
    info = read_workbook(str(path))
    words = {w.word: w for w in preview(info.path, info.grids, "recommendations", {})
             .status_words}
    assert list(words) == ["Closed", "With cabinet", "In progress"]
    assert (words["Closed"].rows, words["Closed"].status, words["Closed"].known) == (
        1, "completed", True)
    assert (words["With cabinet"].rows, words["With cabinet"].status,
            words["With cabinet"].known) == (2, "open", False)
    assert words["In progress"].status == "in_progress"


def test_status_choices_per_kind():
    assert [v for _l, v in status_choices("actions")] == ["open", "completed"]
    assert [label for label, _v in status_choices("recommendations")] == [
        "Open", "In progress", "Completed"]
    assert "deferred" in [v for _l, v in status_choices("work-programme")]
