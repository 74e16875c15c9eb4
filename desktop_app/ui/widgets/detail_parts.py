"""Pieces shared by the detail panes: headings, marker chips, multi-line fields and the
Updates / History tabs of a record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout,
                               QWidget)

from desktop_app.services import window_read
from desktop_app.services.workspace import Database
from desktop_app.ui.app_state import today
from desktop_app.ui.models.history_model import HistoryModel, UpdatesModel, visible_history
from desktop_app.ui.models.proxy import RecordFilterProxy
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.record_table import RecordTable

CHIP_STYLES = {
    "new": "color: white; background: #1a4fb8;",
    "updated": "color: white; background: #b3261e;",
    "overdue": "color: #8c1d18; background: #fdeceb; border: 1px solid #e0a39e;",
    "done": "color: white; background: #2e7d32;",
    "info": "color: #3c4043; background: #eef1f5; border: 1px solid #d5dae1;",
}


def heading(text: str, size_delta: int = 4) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() + size_delta)
    f.setWeight(QFont.Weight.DemiBold)
    label.setFont(f)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading_label(text: str = "") -> QLabel:
    """A bold heading a little larger than the text (the Meetings tab's meeting and item)."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    label.setFont(font)
    return label


def section(text: str) -> QWidget:
    """A section title with a rule under it."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 10, 0, 2)
    lay.setSpacing(3)
    label = QLabel(text)
    f = label.font()
    f.setWeight(QFont.Weight.DemiBold)
    f.setPointSizeF(f.pointSizeF() + 1)
    label.setFont(f)
    label.setStyleSheet("color: #1f3a60;")
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setStyleSheet("color: #d5dae1;")
    lay.addWidget(label)
    lay.addWidget(rule)
    return box


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Chips(QWidget):
    """A row of small labelled markers ("NEW", "OVERDUE"...): text, not colour alone."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lay = QHBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(6)
        self._lay.addStretch(1)

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        while self._lay.count() > 1:
            item = self._lay.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for n, (kind, text) in enumerate(chips):
            chip = QLabel(text)
            chip.setObjectName(f"chip_{kind}")
            chip.setAccessibleName(text)
            chip.setStyleSheet(f"QLabel {{ {CHIP_STYLES.get(kind, CHIP_STYLES['info'])} "
                               "border-radius: 3px; padding: 1px 6px; font-weight: 600; }")
            self._lay.insertWidget(n, chip)

    def texts(self) -> list[str]:
        return [self._lay.itemAt(i).widget().text() for i in range(self._lay.count() - 1)
                if self._lay.itemAt(i).widget() is not None]


class TextArea(QPlainTextEdit):
    """A multi-line field sized in lines; Tab moves on instead of typing a tab."""

    def __init__(self, lines: int = 3, accessible_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAccessibleName(accessible_name)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(int(height * 1.25))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        if text != self.toPlainText():
            self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        # Ctrl+Enter is "submit" in the panes; let the parent's shortcut have it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return
        super().keyPressEvent(event)


class RecordLog(QTabWidget):
    """'Progress updates' and 'Change history' of one record.

    The two tables are made when the log is first shown (or asked for): a pane that is never
    shown, such as the Recommendations' while the Actions are in view, costs its models only
    (issue 18: a quicker first paint). The models are filled whether or not the tables exist."""

    def __init__(self, db: Database, table: str, settings_key: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.table = db, table
        self._settings_key = settings_key
        self.setDocumentMode(True)
        self.updates_model = UpdatesModel()
        self.updates_proxy = RecordFilterProxy(self)
        self.updates_proxy.setSourceModel(self.updates_model)
        self.history_model = HistoryModel()
        self.history_proxy = RecordFilterProxy(self)
        self.history_proxy.setSourceModel(self.history_model)
        self._views: tuple[RecordTable, RecordTable] | None = None
        self._pages = (QWidget(), QWidget())
        for page, title in zip(self._pages, ("Progress updates", "Change history")):
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.addTab(page, title)

    @property
    def updates_view(self) -> RecordTable:
        return self._made_views()[0]

    @property
    def history_view(self) -> RecordTable:
        return self._made_views()[1]

    def _made_views(self) -> tuple[RecordTable, RecordTable]:
        if self._views is None:
            key = self._settings_key
            views = []
            for page, suffix, name, model, proxy in (
                    (self._pages[0], "updates", "Progress updates", self.updates_model,
                     self.updates_proxy),
                    (self._pages[1], "history", "Change history", self.history_model,
                     self.history_proxy)):
                view = RecordTable(f"{key}_{suffix}", lines=2, accessible_name=name)
                view.setModel(proxy)
                view.set_columns_from(model)
                view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 4 + 28)
                page.layout().addWidget(view)
                view.show()   # now, not when the layout's queued show comes round
                views.append(view)
            self._views = (views[0], views[1])
        return self._views

    def showEvent(self, event) -> None:
        self._made_views()
        super().showEvent(event)

    def show_record(self, row_id: int | None, updates: tuple = ()) -> None:
        self.updates_model.set_rows(sorted(updates, key=lambda u: (u.on, u.id), reverse=True))
        self.setTabText(0, f"Progress updates ({len(updates)})")
        if row_id is None:
            self.history_model.set_rows([])
            self.setTabText(1, "Change history")
            return
        rows = visible_history(window_read.history(self.db, self.table, row_id))   # quick
        rows.reverse()  # newest first
        self.history_model.set_rows(rows)
        self.setTabText(1, f"Change history ({len(rows)})")


def tab_after(window_part: QWidget, part: QWidget) -> None:
    """The widgets just made inside ``part`` (a part of a window put together earlier: Qt
    gives them the last places in the window's Tab order) put back in the place they would
    have had had they been made with it: in the order made, after the last widget that
    takes Tab before ``part``. Only the widgets of ``part`` and those just before it are
    looked at (not the whole window's)."""
    window = window_part.window()
    tab = Qt.FocusPolicy.TabFocus
    made = []
    w = window.previousInFocusChain()    # the last: the run of widgets made last, backwards
    while w is not window and part.isAncestorOf(w):
        if w.focusPolicy() & tab:
            made.append(w)
        w = w.previousInFocusChain()
    made.reverse()
    before = part.previousInFocusChain()
    while before is not window and (part.isAncestorOf(before) or
                                    not before.focusPolicy() & tab):
        before = before.previousInFocusChain()
    if before is window:
        return
    for w in made:
        QWidget.setTabOrder(before, w)
        before = w


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose "&" mnemonic moves to ``buddy`` (a row holding a layout rather than
    one widget gets no buddy from QFormLayout, and its label would show the "&")."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def form_layout() -> QFormLayout:
    """A form of the detail panes: labels right-aligned, long rows wrapped."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


def dated_update_rows(form: QFormLayout, date_name: str, text_name: str,
                      placeholder: str) -> tuple[DateEdit, TextArea]:
    """The "Date" and "Update" rows of a pane's form for a new dated update (the date never
    blank: today until changed); returns the two fields."""
    on = DateEdit(allow_blank=False)
    on.setAccessibleName(date_name)
    text = TextArea(2, text_name)
    text.setPlaceholderText(placeholder)
    form.addRow("Dat&e", on)
    form.addRow("U&pdate", text)
    return on, text


def button_row(lay: QVBoxLayout, *buttons: QPushButton) -> None:
    """Buttons at the right of a row, added to ``lay``."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    lay.addLayout(row)


def since_meeting_chips(row) -> list[tuple[str, str]]:
    """The NEW / UPDATED chip of an action or recommendation (none when neither)."""
    if row.new_since_last_meeting:
        return [("new", "NEW since the last meeting")]
    if row.updated_since_last_meeting:
        return [("updated", "UPDATED since the last meeting")]
    return []


def set_texts_quietly(pairs) -> None:
    """Set the text of each (widget, text) without emitting textChanged."""
    for w, _text in pairs:
        w.blockSignals(True)
    for w, text in pairs:
        w.setText(text)
    for w, _text in pairs:
        w.blockSignals(False)


class DetailPane(QScrollArea):
    """The frame shared by the action and recommendation panes: a heading, subtitle and chips
    over the content, Save / Revert buttons enabled while the fields differ from the row.
    A subclass has ``row``, ``changes()`` and a ``save_requested(row, changes)`` signal."""

    save_is_default = False   # make Save the default button while there are changes

    def _build_frame(self, accessible_name: str, title: str, subtitle: str = "",
                     body_name: str = "") -> QVBoxLayout:
        """Build the frame; returns the layout of ``self.content``."""
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName(accessible_name)
        body = QWidget()
        if body_name:
            body.setObjectName(body_name)
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(14, 10, 14, 10)
        outer.setSpacing(6)
        self.title = heading(title)
        self.subtitle = muted(subtitle)
        self.chips = Chips()
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.chips)
        self.content = QWidget()
        outer.addWidget(self.content, 1)
        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        return lay

    def _add_save_buttons(self, lay: QVBoxLayout, what: str) -> None:
        self.revert_button = QPushButton("Revert")
        self.revert_button.setAccessibleName(f"Revert changes to the {what}")
        self.save_button = QPushButton("Save changes")
        self.save_button.setAccessibleName(f"Save changes to the {what}")
        self.save_button.setToolTip("Save changes (Ctrl+S)")
        button_row(lay, self.revert_button, self.save_button)

    def _add_log(self, lay: QVBoxLayout, db: Database, table: str, settings_key: str) -> None:
        """The "Updates and history" section at the foot of the pane: ``self.log``."""
        lay.addWidget(section("Updates and history"))
        self.log = RecordLog(db, table, settings_key)
        lay.addWidget(self.log, 1)

    def _connect_save(self) -> None:
        """Save, Revert (the row shown again) and Ctrl+S anywhere in the pane."""
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(lambda: self.show_row(self.row))
        QShortcut(QKeySequence.StandardKey.Save, self, self._save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _show_placeholder(self, row, title: str, subtitle: str) -> bool:
        """Take the row; with none, show the placeholder texts and return True."""
        self.row = row
        self.content.setVisible(row is not None)
        if row is not None:
            return False
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.chips.set_chips([])
        return True

    def is_dirty(self) -> bool:
        try:
            return bool(self.changes())
        except ValueError:
            return True

    def _changed(self, *_args) -> None:
        dirty = self.row is not None and self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if self.save_is_default:
            self.save_button.setDefault(dirty)

    def _save(self) -> None:
        if self.row is None:
            return
        try:
            changes = self.changes()
        except ValueError as exc:
            from desktop_app.ui.errors import show_error
            show_error(self, exc)
            return
        if changes:
            self.save_requested.emit(self.row, changes)

    def _date_or_today(self, edit):
        """The date typed in ``edit`` (today when blank); None, after saying why, when the
        text is not a date."""
        try:
            return edit.date() or today()
        except ValueError as exc:
            from desktop_app.ui.errors import show_error
            show_error(self, exc)
            return None
