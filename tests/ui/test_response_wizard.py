"""The import wizard's executive-response page, driven as an officer would: the committee's
recommendations (fixture 19) are in a real database, the Cabinet's response (fixture 20) is
chosen, each row shows its match, score and tick; one clear match is unticked by a click, and
Record saves the others. What is checked is what ends up in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from desktop_app.domain.enums import Verdict
from desktop_app.services.importing import ImportOptions, import_file
from desktop_app.services.recommendations import list_recommendations
from desktop_app.ui.importing.response_page import P_RESPONSE, P_RESPONSE_APPLY
from tests.ui.test_import_wizard import choose_file, go_on, open_wizard  # noqa: F401

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
COMMITTEE = "Resources Scrutiny Committee"


def test_response_rows_matched_ticked_and_recorded(qtbot, db, tmp_path, open_wizard):  # noqa: F811
    import_file(db, CORPUS / "19_recs_budget_scrutiny.csv", COMMITTEE,
                ImportOptions(create_committee=True))
    wizard = open_wizard(db, committee=COMMITTEE)
    applied: list = []
    wizard.imported.connect(applied.append)
    choose_file(wizard, CORPUS / "20_exec_response_cabinet.xlsx")
    assert "the executive's response" in wizard.file_page.message.text()
    go_on(qtbot, wizard, P_RESPONSE)

    page = wizard.response_page
    table = page.table
    assert table.rowCount() == 7
    matches = [table.item(r, 4).text().split(":")[0] for r in range(7)]
    assert matches == ["B6", "B1", "B2", "B3", "B5", "B7", "(none)"]
    ticks = [table.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(7)]
    assert ticks == [True] * 6 + [False]
    assert not table.item(6, 0).flags() & Qt.ItemFlag.ItemIsEnabled  # below the threshold
    assert int(table.item(6, 5).text()) < page.preview.threshold
    assert "Not matched, not recorded: Cabinet response row 11" in page.notes.text()
    assert "No response to B4" in page.notes.text()
    assert "6 of 7 rows ticked" in page.count_label.text()
    wizard.grab().save(str(tmp_path / "response-page.png"))

    # the officer unticks B1 (row 2) with the mouse
    table.scrollToItem(table.item(1, 0))
    rect = table.visualItemRect(table.item(1, 0))
    for x in range(rect.left() + 2, rect.right(), 3):  # wherever the style draws the box
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, rect.center().y()))
        if table.item(1, 0).checkState() == Qt.CheckState.Unchecked:
            break
    assert table.item(1, 0).checkState() == Qt.CheckState.Unchecked
    assert "5 of 7 rows ticked" in page.count_label.text()

    go_on(qtbot, wizard, P_RESPONSE_APPLY)
    result = wizard.response_apply_page
    assert result.state == "done", result.result.text()
    assert "Recorded 5 responses" in result.result.text()
    if db.is_sqlite:   # (a PostgreSQL server is backed up by its administrators)
        assert wizard.backup_path is not None
        assert wizard.backup_path.exists()
    else:
        assert wizard.backup_path is None
    assert len(applied) == 1
    assert len(applied[0].recorded) == 5

    recs = {r.label: r for r in list_recommendations(db, COMMITTEE)}
    assert {label for label, r in recs.items() if r.verdict != Verdict.AWAITING} == \
        {"B2", "B3", "B5", "B6", "B7"}
    assert recs["B1"].response == ""
    assert recs["B4"].response == ""
    assert recs["B2"].verdict == Verdict.REJECTED
    assert recs["B6"].response == "A summary will be published with the council tax leaflet."
    assert all(r.response_on.isoformat() == "2023-02-08" for label, r in recs.items()
               if label in {"B2", "B3", "B5", "B6", "B7"})
    go_on(qtbot, wizard)
    assert not wizard.isVisible()
