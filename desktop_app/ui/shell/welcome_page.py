"""Shown in place of the tabs while the database has no committee: three ways to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from desktop_app import APP_NAME


class _Choice(QPushButton):
    """A large button: a bold title and a line of explanation that wraps."""

    def __init__(self, title: str, detail: str, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"#{name} {{ text-align: left; border: 1px solid #c7d0dc; border-radius: 4px;"
            " background: white; }"
            f"#{name}:hover {{ background: #eef3fb; border-color: #1a4fb8; }}"
            f"#{name}:focus {{ border: 2px solid #1a4fb8; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.setSpacing(2)
        head = QLabel(title)
        f = head.font()
        f.setPointSizeF(f.pointSizeF() + 1.5)
        f.setWeight(QFont.Weight.DemiBold)
        head.setFont(f)
        head.setStyleSheet("color: #1f3a60; background: transparent;")
        body = QLabel(detail)
        body.setWordWrap(True)
        body.setStyleSheet("color: #3c4043; background: transparent;")
        for label in (head, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(label)
        self.setMinimumHeight(lay.sizeHint().height() + 8)
        self.setMinimumWidth(520)


class WelcomePage(QWidget):
    import_clicked = Signal()
    create_clicked = Signal()
    demo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setMaximumWidth(620)
        lay = QVBoxLayout(card)
        lay.setSpacing(12)
        title = QLabel(f"Welcome to {APP_NAME}")
        f = title.font()
        f.setPointSizeF(f.pointSizeF() + 8)
        f.setWeight(QFont.Weight.DemiBold)
        title.setFont(f)
        intro = QLabel("Keep a scrutiny committee's meetings, work programme, recommendations "
                       "and action log in one place. There is nothing here yet: choose how "
                       "to start.")
        intro.setWordWrap(True)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addSpacing(8)
        self.import_button = _Choice("Import a spreadsheet\u2026",
                                     "Bring in an action log, recommendations schedule or work "
                                     "programme you already keep in Excel.", "welcomeImport")
        self.create_button = _Choice("Create a committee\u2026",
                                     "Start an empty committee and add its meetings.",
                                     "welcomeCreate")
        self.demo_button = _Choice("Load the example committee",
                                   "Herefordshire's Children and Young People Scrutiny "
                                   "Committee, 2019\u20132022, from its published papers.",
                                   "welcomeDemo")
        for button in (self.import_button, self.create_button, self.demo_button):
            lay.addWidget(button)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.import_button.clicked.connect(self.import_clicked)
        self.create_button.clicked.connect(self.create_clicked)
        self.demo_button.clicked.connect(self.demo_clicked)


class CommitteeDialog(QDialog):
    """Name, short name and council of a new committee."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Create a committee")
        self.setObjectName("committeeDialog")
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName("Committee name")
        self.name.setPlaceholderText("e.g. Children and Young People Scrutiny Committee")
        self.short_name = QLineEdit()
        self.short_name.setAccessibleName("Short name")
        self.short_name.setPlaceholderText("e.g. CYPSC")
        self.council = QLineEdit()
        self.council.setAccessibleName("Council")
        form.addRow("&Name", self.name)
        form.addRow("&Short name", self.short_name)
        form.addRow("&Council", self.council)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.on_submit = None

    def _submit(self) -> None:
        if not self.name.text().strip():
            self.error.setText("Type the committee's name.")
            self.error.show()
            return
        if self.on_submit is not None:
            try:
                self.on_submit(self.name.text().strip(), self.short_name.text().strip(),
                               self.council.text().strip())
            except ValueError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        self.accept()
