"""The programs bench_gui.py times beside ``scrutiny-tracker gui --smoke-test``: a bare PySide6
window, the least a program can do to show the same rows, and the imports the window needs."""

BARE_WINDOW = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication(sys.argv[:1])
w = QMainWindow()
tabs = QTabWidget()
for name in ("Meetings", "Work programme", "Tracker"):
    tabs.addTab(QWidget(), name)
w.setCentralWidget(tabs)
w.resize(1366, 768)
w.show()
app.processEvents()
for i in range(tabs.count()):
    tabs.setCurrentIndex(i)
    app.processEvents()
w.close()
app.processEvents()
print("{}")
"""

# The least a program can do to show what the smoke test shows: the same rows (every action,
# recommendation, meeting and work item of the database) read with sqlite3 into plain QTableViews
# over a minimal model, in four tabs, at the same size, started and closed like the bare window.
# No filters, no colours, no wrapping, no detail panes, no rules (overdue, s.9FE): a floor, not a
# rival. Run twice: reading every row, and reading only the first screenful of the action log
# (its count and 60 rows), the most a lazily filled grid could save. Arguments: the database and
# the number of action rows to read (0: all).
MINIMUM_WINDOW = """
import os, sys, sqlite3
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt, QAbstractTableModel
from PySide6.QtWidgets import (QApplication, QMainWindow, QTabWidget, QWidget, QTableView,
                               QVBoxLayout)
DISPLAY = Qt.ItemDataRole.DisplayRole


class Model(QAbstractTableModel):
    def __init__(self, rows, columns, count):
        super().__init__()
        self.rows, self.columns, self.count = rows, columns, count

    def rowCount(self, parent=None):
        return self.count

    def columnCount(self, parent=None):
        return self.columns

    def data(self, index, role=DISPLAY):
        if role != DISPLAY or index.row() >= len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)


app = QApplication(sys.argv[:1])
conn = sqlite3.connect(sys.argv[1])
limit = int(sys.argv[2])
w = QMainWindow()
tabs = QTabWidget()
for name, sql in (
        ("Meetings", "SELECT date, start_time, venue, kind, status FROM meetings ORDER BY date DESC"),
        ("Work programme", "SELECT title, scrutiny_type, origin, lead_officers, "
                           "current_position FROM work_programme_items"),
        ("Recommendations", "SELECT label, text, addressee, sent_on, response, verdict, status "
                            "FROM recommendations ORDER BY id DESC"),
        ("Actions", "SELECT ref, text, owner, directorate, progress, due_date, status "
                    "FROM actions ORDER BY status DESC, id DESC"
                    + (f" LIMIT {limit}" if limit else ""))):
    rows = conn.execute(sql).fetchall()
    count = conn.execute(f"SELECT count(*) FROM ({sql.split(' LIMIT ')[0]})").fetchone()[0]
    page = QWidget()
    view = QTableView()
    view.setModel(Model(rows, len(rows[0]) if rows else 1, count))
    QVBoxLayout(page).addWidget(view)
    tabs.addTab(page, name)
w.setCentralWidget(tabs)
w.resize(1366, 768)
w.show()
app.processEvents()
for i in range(tabs.count()):
    tabs.setCurrentIndex(i)
    app.processEvents()
w.close()
app.processEvents()
print("{}")
"""

IMPORT_WINDOW = "import desktop_app.cli, desktop_app.ui.launch, desktop_app.ui.main_window"
