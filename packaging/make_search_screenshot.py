"""The README's picture of Search everything: the main window at 1366x768 on the example data
(and a second committee), with the search window over it showing the results for a word.

    python packaging/make_search_screenshot.py [--text safeguarding] [-o docs/images/search.png]

Offscreen: the two windows are grabbed and the search window drawn over the main one where it
sits, as a window manager would show them. 'today' is fixed, as for the other pictures
(shots.Studio).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from shots import IMAGES, Studio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", default="safeguarding")
    parser.add_argument("-o", "--out", default=str(IMAGES / "search.png"))
    args = parser.parse_args(argv)
    studio = Studio(prefix="scrutiny-search-shot-")

    from PySide6.QtCore import QPoint

    from desktop_app.services import actions, work_programme

    studio.load_demo()
    meeting = dt.date(2021, 12, 6)
    other = studio.add_second_committee(meeting)
    actions.add_action(studio.db, other, meeting, "Circulate the adult safeguarding "
                       "board's annual report to members", owner="Head of Safeguarding")
    work_programme.add_work_item(studio.db, other, "Making safeguarding personal: audit findings")
    window = studio.window(1366, 768, remember=True)
    window.tracker.wait_loaded()
    at = QPoint(193, 110)
    panel = window.open_search()
    panel.resize(980, 600)
    panel.move(window.pos() + at)
    panel.box.setText(args.text)
    panel.run_search()
    studio.shot(window, Path(args.out), panel, rounds=5, at=at, framed=True)
    return studio.finish(window)


if __name__ == "__main__":
    raise SystemExit(main())
