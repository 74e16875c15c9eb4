"""Placeholder main window until the window issue lands."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop_app import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(APP_NAME)
        self.setCentralWidget(QLabel(APP_NAME))
        self.resize(1200, 760)


def run(db, args=None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(db)
    window.show()
    return app.exec()
