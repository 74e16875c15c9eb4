"""Every record class made with ``record`` (domain/record_class.py) in domain/records.py,
attendance.py, print_options.py and services/overview.py behaves as ``dataclass(frozen=True)``
would have made it: the same fields, equality, hash, text (repr), frozen attributes and
``replace``. Each is compared with a twin made by the standard library from its own fields
(and its own ``__post_init__``). tests/ui/test_ui_records.py does the same for the window's."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.domain import attendance, print_options, records
from desktop_app.services import overview


def record_classes(*modules) -> list[type]:
    """The record classes defined in these modules."""
    return [c for module in modules for c in vars(module).values()
            if isinstance(c, type) and dataclasses.is_dataclass(c)
            and issubclass(c, records._Record) and c.__module__ == module.__name__]


CLASSES = record_classes(records, overview, attendance, print_options)
# values its __post_init__ takes (it checks them), seed 1 and 2
VALID = {print_options.DocumentOptions: lambda seed: {
    "order": ("number", "meeting")[seed - 1], "dates": ("long", "short")[seed - 1],
    "text_size": (10, 12)[seed - 1]}}


def _twin(cls: type) -> type:
    """``cls`` as ``dataclasses.dataclass(frozen=True)`` makes it (its fields, its name)."""
    spec = []
    for f in dataclasses.fields(cls):
        kw = dict(repr=f.repr, hash=f.hash, compare=f.compare, metadata=f.metadata)
        if f.default is not dataclasses.MISSING:
            kw["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            kw["default_factory"] = f.default_factory
        spec.append((f.name, f.type, dataclasses.field(**kw)))
    post_init = {"__post_init__": cls.__dict__["__post_init__"]} \
        if "__post_init__" in cls.__dict__ else {}
    twin = dataclasses.make_dataclass(cls.__name__, spec, frozen=True, namespace=post_init)
    twin.__qualname__ = cls.__qualname__
    return twin


def _values(cls: type, seed: int) -> dict:
    """A value for every field, differing with ``seed`` (a date, text, a tuple, a dict...)."""
    if cls in VALID:
        return VALID[cls](seed)
    out = {}
    for i, f in enumerate(dataclasses.fields(cls)):
        kind = i % 4
        out[f.name] = (f"{f.name} {seed}" if kind == 0 else seed * 100 + i if kind == 1
                       else dt.date(2021, 1 + seed, 1 + i) if kind == 2 else (seed, f.name))
        if f.name == "extra":
            out[f.name] = {"Area": str(seed)}       # a dict: left out of the hash
        if f.name == "data":
            out[f.name] = b"x" * seed               # compare=False, repr=False
    return out


def test_every_record_class_is_found():
    assert len(CLASSES) >= 20
    assert {records.ActionRow, overview.OwnerGroup, attendance.AttendanceSheet,
            print_options.DocumentOptions} <= set(CLASSES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_record_class_is_what_dataclass_frozen_makes(cls):
    same_as_dataclass_frozen(cls)


def same_as_dataclass_frozen(cls: type) -> None:
    twin = _twin(cls)
    assert [(f.name, f.default, f.default_factory, f.repr, f.hash, f.compare, f.metadata)
            for f in dataclasses.fields(cls)] == \
        [(f.name, f.default, f.default_factory, f.repr, f.hash, f.compare, f.metadata)
         for f in dataclasses.fields(twin)]
    one, same, other = (_values(cls, 1), _values(cls, 1), _values(cls, 2))
    ours, theirs = cls(**one), twin(**one)
    assert repr(ours) == repr(theirs)
    assert (ours == cls(**same), ours != cls(**same)) == (theirs == twin(**same),
                                                          theirs != twin(**same)) == (True, False)
    assert hash(ours) == hash(theirs) == hash(cls(**same))
    assert ours.__eq__(theirs) is NotImplemented   # another class
    assert ours != theirs
    for name in one:                                  # one field changed at a time
        changed = dict(one, **{name: other[name]})
        assert (ours == cls(**changed)) == (theirs == twin(**changed)), name
        if (ours == cls(**changed)) and not isinstance(one[name], dict):
            assert hash(ours) == hash(cls(**changed))
    assert dataclasses.replace(ours, **{next(iter(one)): other[next(iter(one))]}) == \
        cls(**dict(one, **{next(iter(one)): other[next(iter(one))]}))
    for attempt in (lambda: setattr(ours, next(iter(one)), 0), lambda: setattr(ours, "new", 0),
                    lambda: delattr(ours, next(iter(one)))):
        with pytest.raises(dataclasses.FrozenInstanceError):
            attempt()
    for name in one:   # every field refused once made, whether from a method or outside
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours, name, other[name])
    assert cls.__match_args__ == twin.__match_args__
    assert cls.__dataclass_params__.frozen        # a frozen dataclass may inherit from it


def test_repr_of_a_record_inside_itself_is_cut_short():
    row = records.UpdateRow(1, dt.date(2021, 11, 12), "", "")
    object.__setattr__(row, "text", row)    # never made so; repr still ends (as dataclass's)
    assert repr(row) == "UpdateRow(id=1, on=datetime.date(2021, 11, 12), text=..., author='')"
