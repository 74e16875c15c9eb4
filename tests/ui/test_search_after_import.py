"""Search right after an import (issue 13): an import leaves its rows' search index entries in
the index's queue (db/search_index.py DEFERRED: making them is a fifth of a large import), and
the search window, typed into as an officer would, finds the imported rows at once: the
search takes the queue in first. Checked against the database and against what the window
shows."""

from __future__ import annotations

import sqlite3

from desktop_app.services import actions
from tests.ui.test_import_wizard import (COMMITTEE, P_IMPORT, action_log, go_on, import_log,
                                         type_committee)
from tests.ui.test_import_wizard import open_wizard  # noqa: F401 - the wizard's fixture
from tests.ui.test_search_window import open_search, rows_shown, type_and_wait


def _queued(db) -> int:
    """Rows waiting in the search index's queue (SQLite only: PostgreSQL's index is the
    server's own, always current)."""
    path = db.engine.url.database
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM search_index_queue").fetchone()[0]


def test_the_search_window_finds_what_was_just_imported(qtbot, window, tmp_path, request):
    db = window.db
    wizard = request.getfixturevalue("open_wizard")(db)
    type_committee(qtbot, wizard, COMMITTEE)
    import_log(qtbot, wizard, action_log(tmp_path / "Housing action log.xlsx"))
    go_on(qtbot, wizard, P_IMPORT)
    assert wizard.import_page.state == "done"
    go_on(qtbot, wizard)                                # Close
    imported = {a.text for a in actions.list_actions(db, COMMITTEE)}
    assert "Arrange a workshop on the SEND strategy" in imported
    if db.is_sqlite:
        assert _queued(db) >= 3                         # not indexed yet

    panel = open_search(qtbot, window)
    type_and_wait(qtbot, panel, "workshop SEND strategy")
    assert rows_shown(panel) == [(COMMITTEE, "Arrange a workshop on the SEND strategy")]
    type_and_wait(qtbot, panel, "induction pack")      # the example committee has one too
    assert (COMMITTEE, "Send an example induction pack") in rows_shown(panel)
    if db.is_sqlite:
        assert _queued(db) == 0                         # taken in by the first search
