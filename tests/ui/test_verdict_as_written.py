"""Issue 13's leftovers through the real wizard and window: the import wizard's kind page offers
"Executive response" for a response table it did not recognise by itself (no lead or timescale
column), which goes on to the response pages; the verdict as the executive wrote it ("Agreed
in part") is kept beside the verdict it was read as, shown in the Recommendations grid and the
detail pane, and dropped once the officer records another verdict in the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from desktop_app.domain.enums import Verdict
from desktop_app.services import committees, meetings, recommendations
from desktop_app.ui.importing.kind_page import RESPONSE
from desktop_app.ui.importing.response_page import P_RESPONSE, P_RESPONSE_APPLY
from desktop_app.ui.importing.widgets import P_KIND
from tests.fixtures_xlsx import save_rows
from tests.ui.conftest import choose, click, click_row
from tests.ui.test_import_wizard import choose_file, go_on, open_wizard  # noqa: F401

COMMITTEE = "Housing Scrutiny Committee"
TEXTS = ("That the council publishes a plan to bring empty homes back into use",
         "That the damp and mould survey covers every council-owned flat by March")


def _committee(db) -> list:
    committees.add_committee(db, COMMITTEE, short_name="HSC")
    meetings.add_meeting(db, COMMITTEE, dt.date(2022, 12, 6), status="held")
    return [recommendations.add_recommendation(db, COMMITTEE, dt.date(2022, 12, 6), text,
                                               label=f"R{n}")
            for n, text in enumerate(TEXTS, 1)]


def _response(path: Path) -> Path:
    """A response table with no lead or timescale column: not recognised by itself."""
    save_rows(path, [["Cabinet \u2013 8 February 2023"],
                     ["Recommendation", "Accepted / Rejected", "Executive response"],
                     [TEXTS[0], "Agreed in part", "Agreed for homes empty for over two years."],
                     [TEXTS[1], "Accepted", "The survey will be complete by 31 March."]],
              title="Response")
    return path


def _verdict_cell(grid, rec_id: int) -> str:
    proxy = grid.proxy
    column = next(c for c in range(proxy.columnCount())
                  if proxy.headerData(c, Qt.Orientation.Horizontal) == "Response")
    row = next(r for r in range(proxy.rowCount()) if proxy.row_at(r).id == rec_id)
    return proxy.index(row, column).data()


def test_kind_page_offers_the_executive_response_and_the_word_is_kept_and_shown(
        qtbot, db, tmp_path, open_wizard, open_window):  # noqa: F811
    first, second = _committee(db)
    wizard = open_wizard(db, committee=COMMITTEE)
    choose_file(wizard, _response(tmp_path / "Cabinet response.xlsx"))
    go_on(qtbot, wizard, P_KIND)
    page = wizard.kind_page
    button = page.buttons[RESPONSE]
    assert button.text().replace("&", "") == "Executive response"
    assert not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()
    assert wizard.kind == RESPONSE
    go_on(qtbot, wizard, P_RESPONSE)
    table = wizard.response_page.table
    assert table.rowCount() == 2
    assert [table.item(r, 3).text() for r in range(2)] == ["Agreed in part", "Accepted"]
    assert [table.item(r, 4).text().split(":")[0] for r in range(2)] == ["R1", "R2"]
    go_on(qtbot, wizard, P_RESPONSE_APPLY)
    assert wizard.response_apply_page.state == "done"

    stored = {r.label: r for r in recommendations.list_recommendations(db, COMMITTEE)}
    assert stored["R1"].verdict == Verdict.PARTIALLY_ACCEPTED
    assert stored["R1"].verdict_word == "Agreed in part"
    assert stored["R2"].verdict == Verdict.ACCEPTED
    assert stored["R2"].verdict_word == ""          # the verdict's own name: nothing more

    # the window shows the word beside the verdict, in the grid and in the detail pane
    window = open_window(db)
    tracker = window.tracker
    tracker.show_view("recommendation")
    grid = tracker.recs_grid
    assert _verdict_cell(grid, first.id) == "Partially accepted (\u201cAgreed in part\u201d)"
    assert _verdict_cell(grid, second.id) == "Accepted"
    row = next(r for r in range(grid.proxy.rowCount()) if grid.proxy.row_at(r).id == first.id)
    click_row(qtbot, grid.table, row, 2)
    pane = tracker.rec_detail
    assert "as written: \u201cAgreed in part\u201d" in pane.due_text.text()

    # the officer records another verdict: the file's word no longer describes it
    choose(pane.verdict, "Accepted")
    click(qtbot, pane.response_button)
    again = recommendations.get_recommendation(db, first.id)
    assert (again.verdict, again.verdict_word) == (Verdict.ACCEPTED, "")
    assert _verdict_cell(grid, first.id) == "Accepted"
