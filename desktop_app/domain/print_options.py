"""The officer's print choices for a committee's table documents (action log, recommendation
schedule, work programme): the order of the action log, how dates are written, and the table
text size. Saved per committee as JSON in ``Committee.print_options``.

The JSON may hold other keys (another part of the app may keep its own choices there): reading
ignores them, and ``merged_json`` keeps them when these three are saved.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from enum import StrEnum
from typing import Any

from desktop_app.domain.record_class import _Record, record


class Order(StrEnum):
    NUMBER = "number"        # by action number, as the seed's action log
    MEETING = "meeting"      # by the meeting the action arose from, under meeting bands

    @property
    def label(self) -> str:
        return {Order.NUMBER: "By action number", Order.MEETING: "By meeting"}[self]


class DateStyle(StrEnum):
    LONG = "long"            # "07 September 2021", as the seed's action log
    SHORT = "short"          # "07/09/2021"

    @property
    def label(self) -> str:
        return {DateStyle.LONG: "07 September 2021", DateStyle.SHORT: "07/09/2021"}[self]


TEXT_SIZES = (10, 12)        # points: normal, large print
LARGE_PRINT = 12
KEYS = ("order", "dates", "text_size")


def _choose(enum: type[StrEnum], value: object, what: str) -> Any:
    key = str(value).strip().lower()
    try:
        return enum(key)
    except ValueError:
        allowed = " or ".join(m.value for m in enum)  # type: ignore[attr-defined]
        raise ValueError(f"{what} must be {allowed}, not {value!r}") from None


def text_size(value: object) -> int:
    """10 or 12 (points), from 10, "10", "12pt" ...; anything else is refused."""
    raw = str(value).strip().lower().removesuffix("pt").strip()
    try:
        number = float(raw)
    except ValueError:
        number = 0.0
    size = int(number)
    if size not in TEXT_SIZES or number != size:
        raise ValueError(f"text size must be {' or '.join(map(str, TEXT_SIZES))} (points), "
                         f"not {value!r}")
    return size


@record   # dataclass(frozen=True), without a method compiled for it but __init__
class DocumentOptions(_Record):
    """How the table documents are laid out; the defaults are the seed's."""

    order: Order = Order.NUMBER
    dates: DateStyle = DateStyle.LONG
    text_size: int = 10

    def __post_init__(self) -> None:
        object.__setattr__(self, "order", _choose(Order, self.order, "order"))
        object.__setattr__(self, "dates", _choose(DateStyle, self.dates, "dates"))
        object.__setattr__(self, "text_size", text_size(self.text_size))

    # -- reading and writing
    @classmethod
    def from_json(cls, text: str | None) -> DocumentOptions:
        """The saved choices; a missing, damaged or unknown value gives its default (a bad
        saved value must never stop a document from printing)."""
        if not (text and text.strip()):
            return cls()     # (most committees: json, ~1.5 ms to import, not needed to start)
        import json
        try:
            data = json.loads(text)
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        out = cls()
        for key in KEYS:
            if key in data:
                with contextlib.suppress(TypeError, ValueError):
                    out = dataclasses.replace(out, **{key: data[key]})
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"order": self.order.value, "dates": self.dates.value,
                "text_size": self.text_size}

    def merged_json(self, existing: str | None) -> str:
        """``existing`` JSON with these choices written in (other keys kept)."""
        import json
        try:
            data = json.loads(existing) if existing and existing.strip() else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        data.update(self.as_dict())
        return json.dumps(data, sort_keys=True)

    def changed(self, *, order: object = None, dates: object = None,
                text_size: object = None) -> DocumentOptions:
        """These choices with the given ones changed (None keeps a choice); a bad value raises
        ValueError naming what is allowed."""
        changes = {k: v for k, v in (("order", order), ("dates", dates),
                                     ("text_size", text_size)) if v is not None}
        return dataclasses.replace(self, **changes) if changes else self

    # -- what they mean
    @property
    def large_print(self) -> bool:
        return self.text_size >= LARGE_PRINT

    def date(self, day: dt.date | None) -> str:
        """A date in a table cell: "07 September 2021" or "07/09/2021"."""
        if day is None:
            return ""
        if self.dates == DateStyle.SHORT:
            return day.strftime("%d/%m/%Y")
        return day.strftime("%d %B %Y")

    def describe(self) -> str:
        """"by action number, dates as 07 September 2021, 10 pt text"."""
        size = f"{self.text_size} pt text" + (" (large print)" if self.large_print else "")
        return f"{self.order.label.lower()}, dates as {self.dates.label}, {size}"


DEFAULT_OPTIONS = DocumentOptions()
