"""RecordFilterProxy (the hand-written proxy) and PlainFilterProxy (Qt's QSortFilterProxyModel
with the same filter) show the same rows in the same order, through searches, predicates,
edits, inserts, removals and sorts. benchmarks/bench_tricks.py measures what the first saves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.records import ActionRow
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.models.plain_proxy import PlainFilterProxy
from desktop_app.ui.models.proxy import RecordFilterProxy

WORDS = ["social", "soap", "workers", "budget", "carers"]


@pytest.fixture(autouse=True)
def _app(qapp):
    """Icons and fonts need the application object."""


def make(rng: random.Random, i: int, version: int = 1) -> ActionRow:
    return ActionRow(
        id=i, version=version, committee_id=1, committee="CYPSC", ref=str(rng.randint(1, 40)),
        meeting_id=None, meeting_date=dt.date(2021, 9, 7), item="",
        text=" ".join(rng.sample(WORDS, 2)), owner=rng.choice(["Ann", "Bob"]),
        directorate="Corporate Centre", progress="",
        due_date=rng.choice([None, dt.date(2021, 11, 2), dt.date(2022, 1, 4)]), due_text="",
        status="open", completed_on=None, overdue=rng.random() < 0.3, reported_complete_on=None,
        new_since_last_meeting=False, updated_since_last_meeting=False)


def test_hand_written_proxy_shows_what_qsortfilterproxymodel_shows(qtmodeltester):
    rng = random.Random(12)
    model = ActionsModel([make(rng, i) for i in range(1, 41)])
    proxies = [RecordFilterProxy(), PlainFilterProxy()]
    for proxy in proxies:
        proxy.setSourceModel(model)
    qtmodeltester.check(proxies[1])
    next_id, shown = 41, set()
    for _ in range(400):
        op = rng.randrange(7)
        if op == 0:
            search = rng.choice(["", "s", "so", "soc", "social", "so bud", "x", "overdue"])
            for proxy in proxies:
                proxy.set_search(search)
        elif op in (1, 2):
            name = "status" if op == 1 else "owner"
            owner = rng.choice(["Ann", "Bob"])
            test = rng.choice([None, (lambda r: r.overdue) if op == 1 else
                               (lambda r, o=owner: r.owner == o)])
            for proxy in proxies:
                proxy.set_predicate(name, test)
        elif op == 3 and model.rows:
            row = rng.choice(model.rows)
            model.replace_row(dataclasses.replace(make(rng, row.id), version=row.version + 1))
        elif op == 4:
            model.add_row(make(rng, next_id))
            next_id += 1
        elif op == 5 and model.rows:
            model.remove_row(rng.choice(model.rows).id)
        elif op == 6:
            column = rng.choice([-1, ActionsModel.REF, ActionsModel.DUE])
            order = rng.choice(list(Qt.SortOrder))
            proxies[rng.randrange(2)].sort(column, order)   # either: both forward to the model
        fast, plain = ([p.row_at(r).id for r in range(p.rowCount())] for p in proxies)
        assert fast == plain
        if fast:
            assert proxies[0].proxy_row_of(fast[-1]) == proxies[1].proxy_row_of(fast[-1])
        shown.add(len(fast))
    assert len(shown) > 5         # the script did filter: the two agreed on many answers


def test_every_role_a_delegate_asks_at_once_is_what_data_gives():
    """``multiData`` (QStyledItemDelegate asks a cell's seven roles in one call) gives, role by
    role, what ``data()`` gives: each cell of a filtered proxy, the RowTableModel's own way
    and through a source that answers data() itself."""
    from PySide6.QtCore import QModelRoleData
    from PySide6.QtGui import QColor, QFont, QIcon

    class OwnData(ActionsModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return super().data(index, role)

    rng = random.Random(3)
    roles = [int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                              Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
                              Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
                              Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole)]
    seen: set[type] = set()
    for kind in (ActionsModel, OwnData):
        proxy = RecordFilterProxy()
        proxy.setSourceModel(kind([make(rng, i) for i in range(1, 13)]))
        proxy.set_search("so")
        assert 0 < proxy.rowCount() < 12
        for r in range(proxy.rowCount()):
            for c in range(proxy.columnCount()):
                index = proxy.index(r, c)
                asked = [QModelRoleData(role) for role in roles]
                proxy.multiData(index, asked)
                for one in asked:
                    want, got = proxy.data(index, one.role()), one.data()
                    if isinstance(want, QIcon):   # an icon is the same icon, not an equal one
                        assert isinstance(got, QIcon)
                        assert got.cacheKey() == want.cacheKey()
                    else:
                        assert got == want, (r, c, one.role())
                    seen.add(type(want))
    assert {str, QIcon, QFont, QColor, type(None)} <= seen
