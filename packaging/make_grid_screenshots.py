"""Screenshots of the Tracker's tables for the README (issue 18): the action log in "All
committees" (short names, rows grown to their text, the detail pane beside it) and a bulk edit
of three selected actions.

    python packaging/make_grid_screenshots.py [--size 1366x768] [--out docs/images]

Writes tab-tracker-actions.png, tab-tracker-recommendations.png and bulk-edit.png. Runs offscreen
on a throwaway database and settings folder with 'today' fixed at 12 November 2021 (shots.Studio:
the example data plus a second committee, so that "All committees" is offered).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from shots import Studio, add_window_arguments, window_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_window_arguments(parser)
    args = parser.parse_args(argv)
    width, height = window_size(args.size)
    out = Path(args.out)
    studio = Studio()

    from PySide6.QtCore import QItemSelectionModel, QPoint

    from desktop_app.services import actions

    studio.load_demo()
    meeting = dt.date(2021, 10, 4)
    other = studio.add_second_committee(meeting)
    actions.add_action(studio.db, other, meeting,
                       "Report back on the Accommodation Strategy for older people, including "
                       "the extra-care housing schemes and the Home First reablement service",
                       owner="Hilary Hall", directorate="Adults and Communities",
                       due=dt.date(2021, 12, 13))

    def shot(widget, name: str, dialog=None) -> None:
        studio.shot(widget, out / f"{name}.png", dialog, rounds=6)

    window = studio.window(width, height)
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
    if dialog is not None:   # a window of its own: drawn over the main one where it stands
        studio.settle(6)
        dialog.move(window.mapToGlobal(QPoint(width // 2 - dialog.width() // 2, 200)))
        shot(window, "bulk-edit", dialog)
        dialog.reject()
    return studio.finish(window)


if __name__ == "__main__":
    sys.exit(main())
