"""The action pane's fields are made when first wanted (issue 18: not before the first paint),
and are then as they would have been had they been made with the pane: every field named in
action_detail.FIELDS, and the same place in the window's Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from desktop_app.ui.tracker.action_detail import FIELDS, ActionDetail


def _window(qtbot, pane: ActionDetail) -> QWidget:
    """A window holding a field, the pane and another field, shown."""
    window = QWidget()
    lay = QHBoxLayout(window)
    for name in ("before", None, "after"):
        if name is None:
            lay.addWidget(pane)
            continue
        edit = QLineEdit()
        edit.setAccessibleName(name)
        lay.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    return window


def _names(pane: ActionDetail) -> set[str]:
    return {name for name in vars(pane) if not name.startswith("__")}   # not shiboken's own


def _tab_order(window: QWidget) -> list[str]:
    out, w = [], window.nextInFocusChain()
    while w is not window:
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            out.append(f"{type(w).__name__}: {w.accessibleName()}")
        w = w.nextInFocusChain()
    return out


def test_fields_made_when_first_wanted_in_their_tab_order(qtbot):
    made_first = ActionDetail(None)   # type: ignore[arg-type] - no database needed to make it
    made_first._make_fields()          # as the pane was made before: fields and all at once
    first = _window(qtbot, made_first)

    pane = ActionDetail(None)   # type: ignore[arg-type]
    window = _window(qtbot, pane)
    assert not pane.content.isVisible()
    assert pane.title.text() == "No action selected"
    had = _names(pane)
    assert not FIELDS & had                         # nothing made yet
    assert pane.owner.currentText() == ""           # asked for: made now
    assert _names(pane) - had == FIELDS             # each field it makes, and only those
    assert _tab_order(window) == _tab_order(first)
    order = _tab_order(window)
    assert order[0] == "QLineEdit: before"
    assert order[-1] == "QLineEdit: after"
    assert "QLineEdit: Action number" in order
    assert "QComboBox: Owner" in order
    assert not pane.content.isVisible()            # still the placeholder until a row is shown
