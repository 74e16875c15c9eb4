"""The window's own record classes (made with ``record``: the grids' Column, the Overview's
Target, the Tracker's Removed, the attention strip's NextMeeting, the Work programme's Section)
behave as ``dataclass(frozen=True)`` would have made them (tests/unit/test_records_record.py)."""

from __future__ import annotations

import pytest

from desktop_app.ui.models import base
from desktop_app.ui.overview import lines
from desktop_app.ui.shell import attention_strip
from desktop_app.ui.tracker import controller
from desktop_app.ui.work_programme import work_programme_model
from tests.unit.test_records_record import record_classes, same_as_dataclass_frozen

CLASSES = record_classes(base, lines, attention_strip, controller, work_programme_model)


def test_every_window_record_class_is_found():
    assert {base.Column, lines.Target, controller.Removed, attention_strip.NextMeeting,
            work_programme_model.Section} <= set(CLASSES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_window_record_class_is_what_dataclass_frozen_makes(cls):
    same_as_dataclass_frozen(cls)
