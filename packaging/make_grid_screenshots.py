"""Screenshots of the Tracker's tables for the README (issue 18): the action log in "All
committees" (short names, rows grown to their text, the detail pane beside it) and a bulk edit
of three selected actions.

    python packaging/make_grid_screenshots.py [--size 1366x768] [--out docs/images]

Writes tab-tracker-actions.png, tab-tracker-recommendations.png and bulk-edit.png. Runs offscreen
on a throwaway database and settings folder with 'today' fixed at 12 November 2021 (the example
data plus a second committee, so that "All committees" is offered).
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="scrutiny-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SCRUTINY_TRACKER_HOME"] = str(tmp / "home")
    os.environ["SCRUTINY_TRACKER_TODAY"] = "2021-11-12"

    from PySide6.QtCore import QItemSelectionModel, QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from desktop_app.db.schema import open_database
    from desktop_app.services import actions, committees, meetings
    from desktop_app.services.demo import load_demo
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{tmp / 'tracker.db'}")
    load_demo(db)
    other = "Adults and Wellbeing Scrutiny Committee"
    committees.add_committee(db, other, "AWSC")
    meetings.add_meeting(db, other, dt.date(2021, 10, 4))
    actions.add_action(db, other, dt.date(2021, 10, 4),
                       "Report back on the Accommodation Strategy for older people, including "
                       "the extra-care housing schemes and the Home First reablement service",
                       owner="Hilary Hall", directorate="Adults and Communities",
                       due=dt.date(2021, 12, 13))
    written = []

    def settle() -> None:
        for _ in range(6):
            app.processEvents()

    def shot(widget, name: str, dialog=None) -> None:
        settle()
        image = widget.grab()
        if dialog is not None:   # a dialog is a window of its own: drawn where it stands
            painter = QPainter(image)
            at = dialog.mapToGlobal(QPoint(0, 0)) - widget.mapToGlobal(QPoint(0, 0))
            painter.drawPixmap(at, dialog.grab())
            painter.end()
        path = out / f"{name}.png"
        image.save(str(path))
        written.append(path)

    window = MainWindow(db, remember=False)
    window.resize(width, height)
    window.show()
    window.tracker.wait_loaded()
    window.choose_committee(None)
    window.tracker.wait_loaded()
    window.tabs.setCurrentWidget(window.tracker)
    tracker = window.tracker
    tracker.show_view("action")
    grid = tracker.actions_grid
    grid.select_id(tracker.actions_model.rows[0].id)
    shot(window, "tab-tracker-actions")

    tracker.show_view("recommendation")
    tracker.recs_grid.select_id(tracker.recs_model.rows[0].id)
    shot(window, "tab-tracker-recommendations")

    tracker.show_view("action")
    cyp = [r for r in range(grid.proxy.rowCount()) if grid.proxy.row_at(r).committee_id == 1]
    flags = QItemSelectionModel.SelectionFlag
    grid.table.selectionModel().setCurrentIndex(grid.proxy.index(cyp[0], 0),
                                                flags.ClearAndSelect | flags.Rows)
    for r in cyp[1:3]:
        grid.table.selectionModel().select(grid.proxy.index(r, 0), flags.Select | flags.Rows)
    dialog = tracker.edits.bulk_change("report")
    if dialog is not None:
        settle()
        dialog.move(window.mapToGlobal(QPoint(width // 2 - dialog.width() // 2, 200)))
        shot(window, "bulk-edit", dialog)
        dialog.reject()

    window.close()
    db.dispose()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
