"""One real main window for the tests of this folder (the Meetings and Work programme tabs, the
import wizard, the print dialog, the File and Help menus), shared as tests/ui/officer/ shares
its own: a real SQLite file holding the example committee and a small second committee, the
week before the 23 November 2021 meeting. The fixtures are tests/ui/officer/conftest.py's,
registered here again so that this folder opens its own window and database (package scope):
what the officer tests change cannot change what these tests find, nor the other way round.

Each test starts from the example committee on the Tracker with no dialog open and an empty
undo stack (``officer``); a test that changes data uses its own names and dates, or undoes its
change, so the order of the tests does not matter."""

from __future__ import annotations

from tests.ui.officer.conftest import (_collect_on_the_gui_thread, officer,  # noqa: F401
                                       officer_db, officer_env, shared_window)
