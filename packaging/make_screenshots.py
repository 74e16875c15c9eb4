"""Screenshots of each tab with the example data, for the README.

    python packaging/make_screenshots.py [--size 1366x768] [--out docs/images]

Writes overview.png, tab-meetings.png, tab-work-programme.png, tab-tracker-actions.png,
tab-tracker-recommendations.png, welcome.png, import-wizard.png (the column mapping page, on the
example action log exported to a workbook) and print-dialog.png (the action log previewed). Runs offscreen on a throwaway database and
settings folder, with 'today' fixed at 12 November 2021 (a week and a half before the
23 November 2021 meeting of the example committee) so the pictures always look the same.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    parser.add_argument("--today", default="2021-11-12")
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -1600")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="scrutiny-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SCRUTINY_TRACKER_HOME"] = str(tmp / "home")
    os.environ["SCRUTINY_TRACKER_TODAY"] = args.today

    from PySide6.QtWidgets import QApplication

    from desktop_app.db.schema import open_database
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{tmp / 'tracker.db'}")
    written = []

    def shot(window, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}{args.suffix}.png"
        window.grab().save(str(path))
        written.append(path)

    window = MainWindow(db, remember=False)
    window.resize(width, height)
    window.show()
    shot(window, "welcome")
    window.commands.load_demo()
    window.tracker.wait_loaded()
    window.overview.wait_loaded()     # the first page once there is data
    shot(window, "overview")
    window.tabs.setCurrentWidget(window.meetings_tab)
    shot(window, "tab-meetings")
    window.tabs.setCurrentWidget(window.work_tab)
    shot(window, "tab-work-programme")
    window.tabs.setCurrentWidget(window.tracker)
    window.tracker.show_view("action")
    window.tracker.actions_grid.select_id(window.tracker.actions_model.rows[0].id)
    shot(window, "tab-tracker-actions")
    window.tracker.show_view("recommendation")
    recs = window.tracker.recs_model.rows
    window.tracker.recs_grid.select_id(recs[-3].id if len(recs) > 3 else recs[0].id)
    shot(window, "tab-tracker-recommendations")
    committee = "Children and Young People Scrutiny Committee"

    from desktop_app.ui.printing.dialog import PrintDialog
    dialog = PrintDialog(db, committee, window)
    dialog.resize(width, height)
    dialog.show()
    dialog.wait_idle()
    import time
    for _ in range(40):  # QPdfView renders the page images in the background
        app.processEvents()
        time.sleep(0.05)
    shot(dialog, "print-dialog")
    dialog.close()

    from desktop_app.exporters import xlsx_export
    from desktop_app.services import actions
    book = tmp / "action-log.xlsx"
    xlsx_export.write_actions(book, actions.list_actions(db, committee), committee)
    from desktop_app.ui.importing.wizard import ImportWizard
    wizard = ImportWizard(db, committee=committee, path=str(book))
    wizard.resize(width, height)
    wizard.show()
    wizard.wait_idle()
    for _ in range(2):  # the file page, then the detected kind
        wizard.next()
        wizard.wait_idle()
    for _ in range(5):
        app.processEvents()
    shot(wizard, "import-wizard")
    wizard.done(0)

    window.close()
    db.dispose()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
