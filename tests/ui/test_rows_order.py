"""The Tracker's rows put in their default order (outstanding first, then newest) the quick way
(``default_sorted``: C-level stable sorts, one rank call a row) give exactly what sorting by
``default_order`` gives, ties and undated rows included; and a model loaded with rows shows
them in that order whichever way it got there."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.ui.models.base import RowTableModel
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.tracker.recommendations_model import RecommendationsModel

D = dt.date
DAYS = [None, D(2021, 9, 7), D(2021, 10, 19), D(2021, 11, 23), D(2020, 1, 6)]


def _actions(rng: random.Random, n: int) -> list[ActionRow]:
    return [ActionRow(
        id=i, version=1, committee_id=1, committee="CYPSC", ref=str(i), meeting_id=None,
        meeting_date=rng.choice(DAYS), item="", text=f"action {i}", owner="", directorate="",
        progress="", due_date=None, due_text="",
        status=rng.choice((ActionStatus.OPEN, ActionStatus.COMPLETED)), completed_on=None,
        overdue=rng.random() < 0.3, reported_complete_on=rng.choice((None, D(2021, 10, 1))),
        new_since_last_meeting=False, updated_since_last_meeting=False) for i in range(n)]


def _recs(rng: random.Random, n: int) -> list[RecommendationRow]:
    return [RecommendationRow(
        id=i, version=1, committee_id=1, committee="CYPSC", meeting_id=None,
        meeting_date=rng.choice(DAYS), item="", label=str(i), text=f"rec {i}", addressee="",
        sent_on=None, response="", verdict=Verdict.AWAITING, response_due=None,
        response_overdue=rng.random() < 0.2,
        status=rng.choice(list(ImplementationStatus)), new_since_last_meeting=False,
        updated_since_last_meeting=False, responded=rng.random() < 0.5) for i in range(n)]


@pytest.mark.parametrize(("model", "make"), [(ActionsModel, _actions), (RecommendationsModel, _recs)])
def test_quick_default_order_is_the_sort_by_default_order(model, make):
    rng = random.Random(7)
    for n in (0, 1, 2, 30, 400):
        rows = make(rng, n)
        slow = sorted(rows, key=model.default_order)
        quick = model.default_sorted(rows)
        assert [r.id for r in quick] == [r.id for r in slow]
        # the generic way (what a model without its own quick way does) agrees too
        assert [r.id for r in RowTableModel.default_sorted.__func__(model, rows)] == \
            [r.id for r in slow]


@pytest.mark.parametrize(("model", "make"), [(ActionsModel, _actions), (RecommendationsModel, _recs)])
def test_a_model_shows_loaded_rows_in_the_default_order_and_back_after_a_column_sort(
        qapp, model, make):
    rows = make(random.Random(11), 300)
    slow = [r.id for r in sorted(rows, key=model.default_order)]
    m = model()
    m.set_rows(rows)
    assert [r.id for r in m.rows] == slow
    m.sort(2)                      # a column sort, then back to the rows' own order
    m.sort(-1)
    assert [r.id for r in m.rows] == slow
    m.set_rows(list(reversed(rows)))   # the order loaded decides the ties
    assert [r.id for r in m.rows] == [r.id for r in sorted(reversed(rows),
                                                           key=model.default_order)]
