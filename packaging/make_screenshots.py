"""Screenshots of each tab with the example data, for the README.

    python packaging/make_screenshots.py [--size 1366x768] [--out docs/images]

Writes overview.png, tab-meetings.png, tab-work-programme.png, tab-tracker-actions.png,
tab-tracker-recommendations.png, welcome.png, import-wizard.png (the column mapping page, on the
example action log exported to a workbook) and print-dialog.png (the action log previewed). Runs
offscreen on a throwaway database and settings folder (shots.Studio), with 'today' fixed at
12 November 2021 (a week and a half before the 23 November 2021 meeting of the example
committee) so the pictures always look the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from shots import COMMITTEE, TODAY, Studio, add_window_arguments, window_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_window_arguments(parser)
    parser.add_argument("--today", default=TODAY)
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -1600")
    args = parser.parse_args(argv)
    width, height = window_size(args.size)
    out = Path(args.out)
    studio = Studio(today=args.today)
    db = studio.db

    def shot(widget, name: str) -> None:
        studio.shot(widget, out / f"{name}{args.suffix}.png")

    window = studio.window(width, height)
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

    from desktop_app.ui.printing.dialog import PrintDialog
    dialog = PrintDialog(db, COMMITTEE, window)
    dialog.resize(width, height)
    dialog.show()
    dialog.wait_idle()
    for _ in range(40):  # QPdfView renders the page images in the background
        studio.app.processEvents()
        time.sleep(0.05)
    shot(dialog, "print-dialog")
    dialog.close()

    from desktop_app.exporters import xlsx_export
    from desktop_app.services import actions
    book = studio.tmp / "action-log.xlsx"
    xlsx_export.write_actions(book, actions.list_actions(db, COMMITTEE), COMMITTEE)
    from desktop_app.ui.importing.wizard import ImportWizard
    wizard = ImportWizard(db, committee=COMMITTEE, path=str(book))
    wizard.resize(width, height)
    wizard.show()
    wizard.wait_idle()
    for _ in range(2):  # the file page, then the detected kind
        wizard.next()
        wizard.wait_idle()
    studio.settle(5)
    shot(wizard, "import-wizard")
    wizard.done(0)
    return studio.finish(window)


if __name__ == "__main__":
    sys.exit(main())
