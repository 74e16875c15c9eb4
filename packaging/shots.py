"""What the README's window pictures share (make_screenshots.py, make_grid_screenshots.py,
make_search_screenshot.py): a throwaway home, settings folder and SQLite database with 'today'
fixed, the example data (and a second committee where "All committees" must be offered), the
main window at a given size, and grabbing a window - with a dialog drawn over it where it
stands - to a PNG. Each script says which pictures it takes; this module says how.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.main_window import MainWindow

IMAGES = ROOT / "docs" / "images"
TODAY = "2021-11-12"   # a week and a half before the example committee's 23 November 2021 meeting
COMMITTEE = "Children and Young People Scrutiny Committee"
SECOND_COMMITTEE = "Adults and Wellbeing Scrutiny Committee"


def add_window_arguments(parser: argparse.ArgumentParser) -> None:
    """--size WIDTHxHEIGHT and --out FOLDER, as every window picture script takes them."""
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--out", default=str(IMAGES))


def window_size(text: str) -> tuple[int, int]:
    width, height = (int(v) for v in text.lower().split("x"))
    return width, height


class Studio:
    """A throwaway home and database with 'today' fixed, the QApplication, and the pictures
    written so far. Make it before anything imports Qt or the app's settings."""

    def __init__(self, *, today: str = TODAY, prefix: str = "scrutiny-shots-") -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix=prefix))
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["SCRUTINY_TRACKER_HOME"] = str(self.tmp / "home")
        os.environ["SCRUTINY_TRACKER_TODAY"] = today

        from PySide6.QtWidgets import QApplication

        from desktop_app.db.schema import open_database

        self.app = QApplication.instance() or QApplication([])
        self.db = open_database(f"sqlite:///{self.tmp / 'tracker.db'}")
        self.written: list[Path] = []

    def load_demo(self) -> None:
        from desktop_app.services.demo import load_demo
        load_demo(self.db)

    def add_second_committee(self, meeting: dt.date) -> str:
        """A second committee (short name AWSC) with one meeting; returns its name."""
        from desktop_app.services import committees, meetings
        committees.add_committee(self.db, SECOND_COMMITTEE, short_name="AWSC")
        meetings.add_meeting(self.db, SECOND_COMMITTEE, meeting)
        return SECOND_COMMITTEE

    def window(self, width: int, height: int, *, remember: bool = False) -> MainWindow:
        """The main window on the studio's database, shown at width x height."""
        from desktop_app.ui.main_window import MainWindow
        window = MainWindow(self.db, remember=remember)
        window.resize(width, height)
        window.show()
        return window

    def settle(self, rounds: int) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def grab(self, widget: QWidget, over: QWidget | None = None, *, at: QPoint | None = None,
             framed: bool = False) -> QPixmap:
        """``widget`` as drawn; ``over`` (a window of its own) drawn on it at ``at`` (default:
        where it stands), with a shadow and a thin frame when ``framed``."""
        picture = widget.grab()
        if over is None:
            return picture
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QPainter
        if at is None:
            at = over.mapToGlobal(QPoint(0, 0)) - widget.mapToGlobal(QPoint(0, 0))
        top = over.grab()
        painter = QPainter(picture)
        if framed:
            painter.fillRect(top.rect().translated(at + QPoint(4, 4)), QColor(0, 0, 0, 60))
        painter.drawPixmap(at, top)
        if framed:
            painter.setPen(QColor("#8a8f98"))
            painter.drawRect(top.rect().translated(at).adjusted(0, 0, -1, -1))
        painter.end()
        return picture

    def shot(self, widget: QWidget, path: Path, over: QWidget | None = None, *, rounds: int = 3,
             at: QPoint | None = None, framed: bool = False) -> None:
        """Let Qt draw (``rounds`` passes of the event loop), then save the grab to ``path``."""
        self.settle(rounds)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.grab(widget, over, at=at, framed=framed).save(str(path))
        self.written.append(path)

    def finish(self, window: QWidget) -> int:
        """Close the window and the database, and print each picture written."""
        window.close()
        self.db.dispose()
        for path in self.written:
            print(path)
        return 0
