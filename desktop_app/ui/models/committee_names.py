"""How a row names its committee in "All committees": the committee's short name ("CYP"), else
its name (wrapped in a narrow column). The short names are taken from each load of the rows."""

from __future__ import annotations

from typing import Any

_SHORT: dict[int, str] = {}


def set_short_names(short: dict[int, str]) -> None:
    """Committee id -> short name ("" when it has none), as loaded."""
    _SHORT.clear()
    _SHORT.update({cid: name for cid, name in short.items() if name})


def committee_label(row: Any) -> str:
    return _SHORT.get(row.committee_id) or row.committee
