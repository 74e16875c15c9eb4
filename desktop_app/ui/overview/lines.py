"""The Overview's tree: one heading per committee, a group per kind of work under it, a line per
record. Each line keeps the record it opens (``Target``) in its UserRole.

A group of more than LONG_GROUP lines starts closed (its heading gives the count), and its
lines are made only when it is first opened (``fill``): thousands of overdue actions cost
nothing until someone looks at them. The lines waiting are kept in the tree's ``pending``
(a dict), keyed by a number in the group's PENDING_ROLE."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop_app.domain.dates import strftime
from desktop_app.domain.records import _Record
from desktop_app.domain.records import record as frozen_record
from desktop_app.services import overview as ov
from desktop_app.ui.app_state import long_date, short_date
from desktop_app.ui.widgets import badges

TARGET_ROLE = Qt.ItemDataRole.UserRole
OWNER_ROLE = Qt.ItemDataRole.UserRole + 1      # an owner group's (committee, owner)
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2    # a closed group's key in ``tree.pending``
LONG_GROUP = 12
COLUMNS = ("What", "When", "Details")
SOON_COLOUR = QColor("#8a5a00")
MUTED = QColor("#5f6368")
SEP = "  \u00b7  "


@frozen_record   # dataclass(frozen=True), without a method compiled for it but __init__
class Target(_Record):
    """The record a line opens: kind is meeting, recommendation, action or work."""
    kind: str
    committee: str
    id: int


def _day(day) -> str:
    return strftime(day, f"%a {day.day} %b")


def _bold(item: QTreeWidgetItem, extra: float = 0.0) -> None:
    font = QFont(item.font(0))
    font.setBold(True)
    if extra:
        font.setPointSizeF(font.pointSizeF() + extra)
    item.setFont(0, font)


def _line(parent: QTreeWidgetItem, what: str, when: str, details: str,
          target: Target | None, colour: QColor | None = None) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, [what, when, details])
    item.setToolTip(0, what)
    item.setToolTip(2, details)
    if target is not None:
        item.setData(0, TARGET_ROLE, target)
    if colour is not None:
        item.setForeground(1, colour)
        if colour == badges.OVERDUE_COLOUR:
            item.setIcon(1, badges.marker_icon("overdue"))
            font = QFont(item.font(1))
            font.setBold(True)
            item.setFont(1, font)
    return item


_Line = tuple[str, str, str, "Target | None", "QColor | None"]


def _lines(parent: QTreeWidgetItem, count: int, records: Callable[[], Sequence[Any]],
           words: Callable[[Any], _Line]) -> None:
    """A group's line per record (``records()``, ``count`` of them; their words from
    ``words``): made now, or when the group is first opened if there are more than LONG_GROUP
    and its tree keeps a ``pending`` dict (the records are then asked for only then: an owner
    group makes its lines when first read, services/overview.py)."""
    tree = parent.treeWidget()
    pending = getattr(tree, "pending", None)
    if count <= LONG_GROUP or pending is None:
        for record in records():
            _line(parent, *words(record))
        return
    key = len(pending) + 1
    while key in pending:
        key += 1
    pending[key] = (count, records, words)
    parent.setData(0, PENDING_ROLE, key)
    parent.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)


def waiting(item: QTreeWidgetItem) -> int:
    """How many lines of ``item`` are still to be made (0 once it has been opened)."""
    key = item.data(0, PENDING_ROLE)
    pending = getattr(item.treeWidget(), "pending", None)
    return pending[key][0] if key is not None and pending and key in pending else 0


def fill(item: QTreeWidgetItem) -> bool:
    """Make the lines of a group still closed since it was built; True if there were any."""
    key = item.data(0, PENDING_ROLE)
    pending = getattr(item.treeWidget(), "pending", None)
    if key is None or not pending or key not in pending:
        return False
    _count, records, words = pending.pop(key)
    item.setData(0, PENDING_ROLE, None)
    item.setChildIndicatorPolicy(
        QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)
    for record in records():
        _line(item, *words(record))
    return True


def _group(parent: QTreeWidgetItem, title: str, count: int | None = None) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, [title if count is None else f"{title} ({count})"])
    item.setFirstColumnSpanned(True)
    item.setForeground(0, QColor("#1f3a60"))
    _bold(item)
    return item


def _when_colour(days_left: int, overdue: bool) -> QColor | None:
    if overdue or days_left < 0:
        return badges.OVERDUE_COLOUR
    return SOON_COLOUR if days_left <= 7 else None


def _deadline(label: str, d: ov.Deadline) -> str:
    holiday = " (bank holiday)" if d.bank_holiday else ""
    return f"{label} {_day(d.day)}{holiday}: {ov.deadline_words(d)}"


def _response_words(committee: str, r: ov.ResponseLine) -> _Line:
    label = f"{r.label} " if r.label else ""
    made = f"{SEP}made {short_date(r.meeting_date)}" if r.meeting_date else ""
    return (f"{label}{' '.join(r.text.split())}", ov.due_words(r.days_left, r.overdue),
            f"Due {short_date(r.due)}{SEP}to {r.addressee or 'the executive'}{made}",
            Target("recommendation", committee, r.recommendation_id),
            _when_colour(r.days_left, r.overdue))


def _action_words(committee: str, a: ov.ActionLine) -> _Line:
    return (f"{a.ref}  {' '.join(a.text.split())}" if a.ref else a.text,
            ov.due_words(a.days_left, a.overdue), f"Due {short_date(a.due)}",
            Target("action", committee, a.action_id), _when_colour(a.days_left, a.overdue))


def _work_words(committee: str, w: ov.WorkLine) -> _Line:
    details = SEP.join(x for x in (f"Target {w.target}" if w.target else "",
                                   f"Lead {w.lead}" if w.lead else "") if x)
    return (w.title, "", details, Target("work", committee, w.item_id), None)


def add_committee(tree: QTreeWidget, c: ov.CommitteeOverview) -> QTreeWidgetItem:
    head = QTreeWidgetItem(tree, [f"{c.name} ({c.short_name})" if c.short_name else c.name])
    head.setFirstColumnSpanned(True)
    _bold(head, 1.5)
    meetings = _group(head, "Next meetings")
    if not c.meetings:
        _line(meetings, "No meeting scheduled", "", "Add one in the Meetings tab", None)
    for m in c.meetings:
        missed = m.publication.missed or m.questions.missed
        venue = f", {m.venue}" if m.venue else ""
        _line(meetings, f"{strftime(m.date, '%A')} {long_date(m.date)}{venue}", ov.meeting_words(m.days_left),
              _deadline("Papers published by", m.publication) + SEP
              + _deadline("Questions by", m.questions),
              Target("meeting", c.name, m.meeting_id),
              badges.OVERDUE_COLOUR if missed else _when_colour(m.publication.days_left, False))
    for m in c.unmarked:
        _line(meetings, f"{strftime(m.date, '%A')} {long_date(m.date)}: still marked scheduled",
              ov.meeting_words(m.days_left), "Mark it held (or cancelled) in the Meetings tab",
              Target("meeting", c.name, m.meeting_id), SOON_COLOUR)
    if c.responses:
        group = _group(head, f"Executive responses due within {ov.RESPONSE_WINDOW_DAYS} days "
                             "or overdue (s.9FE)", len(c.responses))
        _lines(group, len(c.responses), lambda: c.responses,
               lambda r: _response_words(c.name, r))
    if c.owners:
        total = sum(g.count for g in c.owners)
        group = _group(head, "Actions overdue or due by the next meeting, by owner", total)
        for g in c.owners:
            owner = QTreeWidgetItem(group, [ov.owner_words(g)])
            _bold(owner)
            if g.owner != ov.NO_OWNER:
                owner.setData(0, OWNER_ROLE, (c.name, g.owner))
            _lines(owner, g.count, lambda g=g: g.actions, lambda a: _action_words(c.name, a))
    if c.unscheduled:
        group = _group(head, "To be scheduled", len(c.unscheduled))
        _lines(group, len(c.unscheduled), lambda: c.unscheduled,
               lambda w: _work_words(c.name, w))
    if c.empty:
        _line(head, "Nothing needs attention", "", "", None, badges.DONE_COLOUR)
    return head
