"""Errors shown to people: one line for a refused request; for a conflict, what the other person
changed and an offer to reload.

Every dialog here is a QMessageBox run with ``exec()``, so a test can answer it by patching
``QMessageBox.exec`` without touching our code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from desktop_app.services.errors import ConflictError, ServiceError

if TYPE_CHECKING:   # imported where a box is shown: its type and enums cost ~1 ms of every start
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)
T = TypeVar("T")

FIELD_LABELS = {
    "text": "the wording", "owner": "the owner", "directorate": "the directorate",
    "progress": "the progress update", "due_date": "the due date", "due_text": "the target",
    "status": "the status", "completed_on": "the completion date", "ref": "the reference",
    "meeting_id": "the meeting", "item_title": "the agenda item", "label": "the label",
    "addressee": "the addressee", "sent_on": "the date sent", "response": "the response",
    "response_on": "the response date", "verdict": "the verdict",
    "reported_complete_on": "the reported-complete date",
    "response_due_override": "the response due date",
}
_NOISE = {"updated_on", "reported_complete_meeting_id", "position"}


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         detail: str = "") -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    box.setObjectName("errorDialog")
    return box


def show_error(parent: QWidget | None, exc: BaseException | str,
               title: str = "Cannot do that") -> None:
    """A one-line message for a refused request (ServiceError / ValueError) or anything else."""
    from PySide6.QtWidgets import QMessageBox
    if isinstance(exc, str):
        message = exc
    elif isinstance(exc, ValueError):
        message = first_line(exc)
        message = message[:1].upper() + message[1:]
    else:
        log.exception("unexpected error", exc_info=exc)
        message = (f"Something went wrong ({exc.__class__.__name__}: {first_line(exc)}). "
                   "Details are in the log file (Help > Open log folder).")
    box = _box(parent, QMessageBox.Icon.Warning, title, message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def _readable(value: str) -> str:
    """Dates as people write them; one line."""
    import datetime as dt
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day} {day:%B %Y}"
    return value.replace("\n", " ")


def describe_changes(exc: ConflictError, limit: int = 6) -> list[str]:
    """'Jane Smith changed the owner to "Kate Charlton"', newest first."""
    lines: list[str] = []
    for who, field, new in exc.changes:
        if field in _NOISE:
            continue
        label = FIELD_LABELS.get(field, field.replace("_", " "))
        value = _readable(new or "")
        if len(value) > 80:
            value = value[:77] + "..."
        lines.append(f"{who} changed {label} to \u201c{value}\u201d" if value
                     else f"{who} cleared {label}")
        if len(lines) >= limit:
            break
    return lines


def show_conflict(parent: QWidget | None, exc: ConflictError, what: str = "record") -> bool:
    """Tell the person someone else saved first; True when they choose to reload."""
    from PySide6.QtWidgets import QMessageBox
    changes = describe_changes(exc)
    detail = ("Recent changes:\n" + "\n".join(f"\u2022 {c}" for c in changes) + "\n\n"
              if changes else "")
    detail += "Reload to see the current version, then make your change again."
    box = _box(parent, QMessageBox.Icon.Warning, "Changed by someone else",
               f"Someone else saved this {what} after you opened it, so your change was "
               "not saved.", detail)
    box.setObjectName("conflictDialog")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText("Reload")
    box.button(QMessageBox.StandardButton.Cancel).setText("Keep my edits")
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box.exec() == QMessageBox.StandardButton.Ok


class Failed(Exception):
    """Raised by ``guarded`` after the error has been shown, to stop the caller's flow."""


def guarded(parent: QWidget | None, fn: Callable[[], T], *, what: str = "record",
            reload: Callable[[], None] | None = None) -> T:
    """Run a service call; on error show the right dialog and raise ``Failed``.

    A ConflictError offers reload (``reload`` runs when chosen)."""
    try:
        return fn()
    except ConflictError as exc:
        if show_conflict(parent, exc, what) and reload is not None:
            reload()
        raise Failed(str(exc)) from exc
    except (ServiceError, ValueError) as exc:
        show_error(parent, exc)
        raise Failed(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a desktop app shows, logs and carries on
        show_error(parent, exc, "Unexpected error")
        raise Failed(str(exc)) from exc
