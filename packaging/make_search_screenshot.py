"""The README's picture of Search everything: the main window at 1366x768 on the example data
(and a second committee), with the search window over it showing the results for a word.

    python packaging/make_search_screenshot.py [--text safeguarding] [-o docs/images/search.png]

Offscreen: the two windows are grabbed and the search window drawn over the main one where it
sits, as a window manager would show them. 'today' is fixed, as in make_screenshots.py.
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
    parser.add_argument("--text", default="safeguarding")
    parser.add_argument("-o", "--out", default=str(ROOT / "docs" / "images" / "search.png"))
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="scrutiny-search-shot-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SCRUTINY_TRACKER_HOME"] = str(tmp / "home")
    os.environ["SCRUTINY_TRACKER_TODAY"] = "2021-11-12"

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop_app.services import actions, committees, meetings, work_programme
    from desktop_app.services.demo import load_demo
    from desktop_app.services.workspace import open_database
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{tmp / 'tracker.db'}")
    load_demo(db)
    other = "Adults and Wellbeing Scrutiny Committee"
    committees.add_committee(db, other, short_name="AWSC")
    meetings.add_meeting(db, other, dt.date(2021, 12, 6))
    actions.add_action(db, other, dt.date(2021, 12, 6), "Circulate the adult safeguarding "
                       "board's annual report to members", owner="Head of Safeguarding")
    work_programme.add_work_item(db, other, "Making safeguarding personal: audit findings")
    window = MainWindow(db)
    window.resize(1366, 768)
    window.show()
    window.tracker.wait_loaded()
    panel = window.open_search()
    panel.resize(980, 600)
    panel.move(window.pos() + QPoint(193, 110))
    panel.box.setText(args.text)
    panel.run_search()
    for _ in range(5):
        app.processEvents()
    picture = window.grab()
    over = panel.grab()
    painter = QPainter(picture)
    at = QPoint(193, 110)
    painter.fillRect(over.rect().translated(at + QPoint(4, 4)), QColor(0, 0, 0, 60))
    painter.drawPixmap(at, over)
    painter.setPen(QColor("#8a8f98"))
    painter.drawRect(over.rect().translated(at).adjusted(0, 0, -1, -1))
    painter.end()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    picture.save(str(out))
    print(f"wrote {out}")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
