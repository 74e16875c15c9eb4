"""``record``: ``dataclasses.dataclass(frozen=True)`` for plain read-only rows, with their
comparisons, hash, text and frozenness taken from one base class (``_Record``) rather than
compiled for each class. Used by domain/records.py (re-exported there), the Overview's and the
window's own records, and print_options (which records.py imports: hence a module of its own).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import reprlib
import sys
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
            else value.isoformat(timespec="seconds")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value):
        return value.as_dict()  # type: ignore[union-attr]
    if hasattr(value, "value") and hasattr(value, "name"):  # enum
        return value.value
    return value


class _Record:
    # set for each class by ``record``: the fields compared, hashed and shown by repr
    _eq_key: Callable[[Any], tuple]
    _hash_key: Callable[[Any], tuple]
    _shown: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The fields as JSON values; not those marked ``internal`` (kept for the window)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)  # type: ignore[arg-type]
                if not f.metadata.get("internal")}

    # What ``dataclasses.dataclass(frozen=True)`` writes for each class, written once here
    # (see ``record``): the same comparisons, hash and text.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._eq_key(self) == self._eq_key(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._hash_key(self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        return self.__class__.__qualname__ + "(" + ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._shown) + ")"

    # Frozen: what ``dataclass(frozen=True)`` writes for a class ``cls`` refuses (a field, or
    # any name on ``cls`` itself) is refused here too, but from the ``__init__`` ``record``
    # has generated (its code, ``_init_code``), which sets each field as frozen's sets it with
    # ``object.__setattr__``. (Not by looking in ``self.__dict__``: asking for it makes the
    # instance's attributes a dict of their own, and every later read of them ~40% slower.)
    _record_class: type
    _field_names: frozenset[str]
    _init_code: Any

    def __setattr__(self, name: str, value: Any) -> None:
        if (type(self) is self._record_class or name in self._field_names) and (
                name not in self._field_names or sys._getframe(1).f_code is not self._init_code):
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) is self._record_class or name in self._field_names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)


def _getter(names: list[str]) -> Callable[[Any], tuple]:
    """The tuple of these attributes (a tuple for one name or none as well)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


_R2 = TypeVar("_R2", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: _R2) -> _R2:
    """``@dataclasses.dataclass(frozen=True)`` with the same ``__eq__``, ``__hash__``,
    ``__repr__``, ``__setattr__`` and ``__delattr__``, taken from ``_Record`` rather than
    generated for each class: each generated method is source text compiled by ``exec``, and
    only ``__init__`` is (the module's import ~12.5 -> ~5 ms; the window imports it before its
    first paint). The class is marked frozen as dataclass marks it. A row made by its
    ``__init__`` costs ~0.3 us a field more (most rows are made without it: ``made``,
    ``ActionRowDraft``). tests/unit/test_records_record.py holds every record class to what
    ``dataclass(frozen=True)`` would have made."""
    dataclasses.dataclass(eq=False, repr=False)(cls)
    cls.__dataclass_params__.frozen = True   # type: ignore[attr-defined]
    fields = dataclasses.fields(cls)
    cls._record_class = cls
    cls._field_names = frozenset(f.name for f in fields)
    cls._init_code = getattr(cls.__init__, "__code__", None)   # (sets the fields)
    cls._eq_key = staticmethod(_getter([f.name for f in fields if f.compare]))
    cls._hash_key = staticmethod(_getter([f.name for f in fields if f.hash or
                                          (f.hash is None and f.compare)]))
    cls._shown = tuple(f.name for f in fields if f.repr)
    return cls
