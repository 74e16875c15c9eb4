"""Issue 18's tracker tables, driven through the real window on a real database file: editing in
the grid, multi-select bulk changes, rows grown to their text or compact, the hidden detail pane,
the outstanding-first order, and the small fixes (undo of the UPDATED flag, the "D&ue" label,
focus after Save, reporting complete an action that is still open)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QMessageBox

from desktop_app.services import actions, history, recommendations
from desktop_app.ui import app_state
from desktop_app.ui.models.flags import flag_word
from desktop_app.ui.tracker.actions_model import ActionsModel as M
from desktop_app.ui.widgets.wrap_delegate import elide_lines, wrapped_lines
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import click, click_row


def proxy_row(grid, ref: str) -> int:
    for r in range(grid.proxy.rowCount()):
        if grid.proxy.row_at(r).ref == ref:
            return r
    raise AssertionError(f"action {ref} is not shown")


def cell(grid, ref: str, column: int) -> str:
    return grid.proxy.index(proxy_row(grid, ref), column).data()


def open_editor(qtbot, table, index):
    """Double-click a cell, as a person does (a press, then the double-click)."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = QApplication.focusWidget()
    assert editor is not table, "no editor opened in the cell"
    assert table.isAncestorOf(editor)
    return editor


def type_into_cell(qtbot, grid, ref: str, column: int, text: str) -> None:
    """Double-click the cell, replace what its editor holds with ``text`` and press Enter."""
    table = grid.table
    index = grid.proxy.index(proxy_row(grid, ref), column)
    table.scrollTo(index)
    open_editor(qtbot, table, index)
    editor = QApplication.focusWidget()
    if isinstance(editor, QComboBox):
        editor = editor.lineEdit()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def select_refs(qtbot, grid, refs: list[str]) -> None:
    """Click the first row, Ctrl+click the others."""
    first, *others = refs
    click_row(qtbot, grid.table, proxy_row(grid, first), M.TEXT)
    for ref in others:
        index = grid.proxy.index(proxy_row(grid, ref), M.TEXT)
        qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier,
                         pos=grid.table.visualRect(index).center())


def test_owner_typed_into_the_grid_saves_and_undo_restores_value_and_flag(qtbot, window):
    grid = window.tracker.actions_grid
    before = actions.get_action(window.db, 1)
    assert (before.owner, flag_word(before)) == ("Claire Ward", "")
    type_into_cell(qtbot, grid, "1", M.OWNER, "Darryl Freeman")
    qtbot.waitUntil(lambda: actions.get_action(window.db, 1).owner == "Darryl Freeman")
    stored = actions.get_action(window.db, 1)
    assert flag_word(stored) == "UPDATED"                 # printed red from now on
    assert cell(grid, "1", M.OWNER) == "Darryl Freeman"
    assert cell(grid, "1", M.FLAG) == "UPDATED"
    assert window.undo_stack.undoText() == "Edit action 1"

    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = actions.get_action(window.db, 1)
    assert undone.owner == "Claire Ward"
    assert flag_word(undone) == ""
    assert undone.updated_on == before.updated_on
    assert cell(grid, "1", M.FLAG) == ""
    assert cell(grid, "1", M.OWNER) == "Claire Ward"


def test_due_date_typed_into_the_grid_and_an_invalid_one(qtbot, window, message_boxes):
    grid = window.tracker.actions_grid
    type_into_cell(qtbot, grid, "6", M.DUE, "14/01/2022")
    qtbot.waitUntil(lambda: actions.get_action(window.db, 6).due_date == dt.date(2022, 1, 14))
    assert cell(grid, "6", M.DUE) == "14 Jan 2022"
    version = actions.get_action(window.db, 6).version

    type_into_cell(qtbot, grid, "6", M.DUE, "the week after next")
    qtbot.waitUntil(lambda: bool(message_boxes.seen))
    assert "is not a date: type it as day/month/year" in message_boxes.seen[-1]["text"]
    stored = actions.get_action(window.db, 6)
    assert (stored.due_date, stored.version) == (dt.date(2022, 1, 14), version)  # nothing written
    assert cell(grid, "6", M.DUE) == "14 Jan 2022"


def test_status_chosen_in_the_grid_completes_the_action(qtbot, window):
    grid = window.tracker.actions_grid
    table = grid.table
    index = grid.proxy.index(proxy_row(grid, "2"), M.STATUS)
    table.scrollTo(index)
    combo = open_editor(qtbot, table, index)
    combo.setCurrentIndex(combo.findText("Completed"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.get_action(window.db, 2).status == "completed")
    stored = actions.get_action(window.db, 2)
    assert (stored.status, stored.completed_on) == ("completed", dt.date(2021, 11, 12))
    assert cell(grid, "2", M.STATUS) == "Completed"


def test_bulk_owner_due_date_and_reported_complete(qtbot, window, message_boxes):
    grid = window.tracker.actions_grid
    bar = window.tracker.edits.bulk_bar
    select_refs(qtbot, grid, ["1", "2", "4"])
    assert bar.isVisible()
    assert bar.label.text() == "3 actions selected:"
    ids = sorted(r.id for r in grid.selected_rows())
    assert ids == [1, 2, 4]
    steps = window.undo_stack.count()

    click(qtbot, bar.buttons["owner"])
    dialog = window.tracker.edits.dialog
    qtbot.keyClicks(dialog.field.lineEdit(), "Gladys Rhodes-White")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not dialog.isVisible()
    assert {actions.get_action(window.db, i).owner for i in ids} == {"Gladys Rhodes-White"}
    assert all(cell(grid, ref, M.OWNER) == "Gladys Rhodes-White" for ref in ("1", "2", "4"))
    for i in ids:   # one audit entry per record
        owner_changes = [e for e in history.history(window.db, table="actions", row_id=i)
                         if e.field == "owner"]
        assert len(owner_changes) == 1
    assert window.undo_stack.count() == steps + 1            # one undo step

    click(qtbot, bar.buttons["due"])
    dialog = window.tracker.edits.dialog
    qtbot.keyClicks(dialog.field.line, "31/02/2022")           # not a date: nothing written
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible()
    assert "is not a date" in dialog.error.text()
    dialog.field.line.clear()
    qtbot.keyClicks(dialog.field.line, "28/02/2022")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert {actions.get_action(window.db, i).due_date for i in ids} == {dt.date(2022, 2, 28)}

    # reported complete at the next meeting: they are open, so the window asks first
    click(qtbot, bar.buttons["report"])
    dialog = window.tracker.edits.dialog
    assert dialog.field.currentText() == "23 November 2021"
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert message_boxes.seen[-1]["title"] == "Action still open"
    for i in ids:
        stored = actions.get_action(window.db, i)
        assert (stored.status, stored.reported_complete_on) == ("completed",
                                                                dt.date(2021, 11, 23))
    assert all(cell(grid, ref, M.STATUS) == "Reported complete" for ref in ("1", "2", "4"))

    window.menus.undo_action.trigger()                         # the whole report, at once
    for i in ids:
        stored = actions.get_action(window.db, i)
        assert (stored.status, stored.reported_complete_on) == ("open", None)
    assert cell(grid, "4", M.STATUS) == "Open"          # due 28/02/2022 now: not overdue


def test_report_complete_of_an_open_action_asks(qtbot, window, message_boxes):
    click_row(qtbot, window.tracker.actions_grid.table,
              proxy_row(window.tracker.actions_grid, "7"), M.TEXT)
    pane = window.tracker.action_detail
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    click(qtbot, pane.report_button)
    assert message_boxes.seen[-1]["name"] == "reportOpenQuestion"
    assert actions.get_action(window.db, 7).reported_complete_on is None   # nothing written
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    click(qtbot, pane.report_button)
    stored = actions.get_action(window.db, 7)
    assert (stored.status, stored.reported_complete_on) == ("completed", dt.date(2021, 11, 23))


def test_after_save_focus_is_on_the_grid_and_ctrl_z_undoes(qtbot, window):
    grid = window.tracker.actions_grid
    click_row(qtbot, grid.table, proxy_row(grid, "5"), M.TEXT)
    pane = window.tracker.action_detail
    pane.owner.lineEdit().selectAll()
    qtbot.keyClicks(pane.owner.lineEdit(), "Darryl Freeman")
    pane.owner.lineEdit().setFocus()
    qtbot.keyClick(pane.owner.lineEdit(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert actions.get_action(window.db, 5).owner == "Darryl Freeman"
    focused = QApplication.focusWidget()
    assert focused is grid.table
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert actions.get_action(window.db, 5).owner == "Richard Watson"


def test_due_label_shows_no_ampersand(window):
    pane = window.tracker.action_detail
    due = pane.due.line   # first: the pane's fields are made when first wanted
    labels = [w for w in pane.findChildren(QLabel) if w.buddy() is due]
    assert len(labels) == 1
    assert labels[0].text() == "D&ue"


def test_rows_grow_to_their_text_and_compact_rows_are_remembered(qtbot, window, open_window):
    tracker = window.tracker
    table = tracker.actions_grid.table
    assert not tracker.is_compact()
    compact_height = table.verticalHeader().defaultSectionSize()
    r5 = proxy_row(tracker.actions_grid, "5")           # 176 characters of text
    qtbot.waitUntil(lambda: table.rowHeight(r5) == table.row_height_needed(r5))
    grown = table.rowHeight(r5)
    shown = elide_lines(tracker.actions_grid.proxy.index(r5, M.TEXT).data(), table.font(),
                        table.columnWidth(M.TEXT) - 10, 99).split("\u2028")
    assert grown == len(shown) * table.fontMetrics().lineSpacing() + 10 > compact_height

    click(qtbot, tracker.compact_button)
    assert tracker.is_compact()
    heights = {table.rowHeight(r) for r in range(tracker.actions_grid.proxy.rowCount())}
    assert heights == {compact_height}
    assert app_state.read_bool(app_state.KEY_COMPACT, False)


def test_hidden_detail_pane_is_remembered_in_a_new_window(qtbot, window, open_window):
    tracker = window.tracker
    assert tracker.action_detail.isVisible()
    click(qtbot, tracker.details_button)
    assert not tracker.action_detail.isVisible()
    assert not window.menus.details_action.isChecked()
    window.close()
    again = open_window(window.db)
    assert not again.tracker.details_visible()
    assert not again.tracker.details_button.isChecked()
    assert not again.menus.details_action.isChecked()
    again.menus.details_action.trigger()                     # the View menu shows it again
    assert again.tracker.details_visible()
    assert again.tracker.details_button.isChecked()


def test_recommendations_open_outstanding_first_then_newest(qtbot, window):
    window.tracker.show_view("recommendation")
    grid = window.tracker.recs_grid
    rows = [grid.proxy.row_at(r) for r in range(grid.proxy.rowCount())]
    stored = recommendations.list_recommendations(window.db, DEMO_COMMITTEE)
    assert len(rows) == len(stored) > 3
    outstanding = [not (r.responded and r.status == "completed") for r in rows]
    assert outstanding == sorted(outstanding, reverse=True)   # all outstanding ones first
    first = [r for r in rows if r.response_overdue or not r.responded]
    dates = [r.meeting_date for r in first if not r.response_overdue]
    assert dates == sorted(dates, reverse=True)                # newest first among them
    assert rows[0].meeting_date != min(r.meeting_date for r in stored) or rows[0].response_overdue


def test_multiple_selection_keeps_the_detail_pane_on_the_current_row(qtbot, window):
    grid = window.tracker.actions_grid
    select_refs(qtbot, grid, ["5", "6"])
    assert window.tracker.action_detail.row.ref == "6"
    grid.table.selectionModel().select(grid.proxy.index(proxy_row(grid, "6"), 0),
                                       QItemSelectionModel.SelectionFlag.Deselect |
                                       QItemSelectionModel.SelectionFlag.Rows)
    assert not window.tracker.edits.bulk_bar.isVisible()


def test_lines_break_only_at_word_boundaries():
    font = QFont()
    text = ("Accommodation for care leavers: Accommodation Strategy and Supported "
            "Accommodation commissioning, with the Accommodation Panel's quarterly figures")
    words = text.split()
    for width in (60, 90, 140, 220):
        lines = wrapped_lines(text, font, width)
        assert [w for line in lines for w in line.split()] == words   # never "Accommodat|ion"
        assert len(lines) > 1
    out = elide_lines(text, font, 120, 2).split("\u2028")
    assert len(out) == 2
    assert out[1].endswith("\u2026")
    assert out[1].removesuffix("\u2026").split()[-1] in words     # cut after a whole word


def test_chase_and_print_just_the_selected_actions(qtbot, window, tmp_path):
    from pypdf import PdfReader

    grid = window.tracker.actions_grid
    bar = window.tracker.edits.bulk_bar
    select_refs(qtbot, grid, ["5", "6"])
    click(qtbot, bar.buttons["chase"])
    dialog = window.tracker.edits.dialog
    assert [line.name for line in dialog.lines] == ["Kate Charlton", "Richard Watson"]
    dialog.folder_edit.setText(str(tmp_path / "chase"))
    click(qtbot, dialog.write_button)
    qtbot.waitUntil(lambda: bool(dialog.packs), timeout=20000)
    assert sorted(p.owner for p in dialog.packs) == ["Kate Charlton", "Richard Watson"]
    assert all(p.workbook.exists() and p.draft.exists() for p in dialog.packs)
    dialog.reject()

    target = tmp_path / "selected.pdf"
    window.tracker.edits.print_selection(str(target))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved 2 actions"),
                    timeout=20000)
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(target).pages)
    assert "Key Performance Indicators" in text                   # action 5
    assert "Deputy Monitoring Officer" in text                    # action 6
    assert "Advertise and recruit" not in text                    # action 4, not selected
    assert "Information on the" not in text                       # action 7, not selected


def test_sort_and_widths_are_remembered_per_table(qtbot, window, open_window):
    from PySide6.QtCore import QPoint

    grid = window.tracker.actions_grid
    header = grid.table.horizontalHeader()
    x = header.sectionViewportPosition(M.DUE) + header.sectionSize(M.DUE) // 2
    for _ in range(2):   # descending: latest due first
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))
    dues = [grid.proxy.row_at(r).due_date for r in range(grid.proxy.rowCount())]
    assert dues == sorted(dues, reverse=True)
    header.resizeSection(M.OWNER, 173)
    grid.table.user_sized = True            # as a drag of the section's edge marks it
    window.close()

    again = open_window(window.db)
    grid = again.tracker.actions_grid
    header = grid.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        M.DUE, Qt.SortOrder.DescendingOrder)
    dues = [grid.proxy.row_at(r).due_date for r in range(grid.proxy.rowCount())]
    assert dues == sorted(dues, reverse=True)
    assert header.sectionSize(M.OWNER) == 173
    recs = again.tracker.recs_grid.table.horizontalHeader()
    assert recs.sortIndicatorSection() == -1                  # the other table: its own state


def test_all_committees_shows_short_names_and_keeps_due_and_status_on_screen(qtbot, window):
    from desktop_app.services import committees
    committees.add_committee(window.db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    window.reload_committees(select="")
    window.tracker.wait_loaded()
    assert window.committee is None
    grid = window.tracker.actions_grid
    assert window.tracker.action_detail.isVisible()
    header = grid.table.horizontalHeader()
    assert not header.isSectionHidden(M.COMMITTEE)
    assert cell(grid, "5", M.COMMITTEE) == "CYPSC"
    assert grid.proxy.index(proxy_row(grid, "5"), M.COMMITTEE).data(
        Qt.ItemDataRole.ToolTipRole) == DEMO_COMMITTEE
    right = grid.table.viewport().width()
    for column in (M.PROGRESS, M.DUE, M.STATUS):
        assert header.sectionViewportPosition(column) >= 0
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= right
