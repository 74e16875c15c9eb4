"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Measured here (PySide6 6.12.0, Python 3.11.7): every call that returns None to Python (any
void method such as ``setText``, ``processEvents``, an empty ``QVariant`` such as a missing
``QSettings`` value or ``index.data()`` for an unused role) releases one reference to None it
never took, and every ``Signal.emit()`` does the same to True. The binding behaves as if these
singletons were immortal, which they only are from Python 3.12. After a few thousand calls the
count reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc" /
"bool_dealloc"), at a random moment.

Until the binding is fixed (or the app requires Python 3.12+), give None, True and False a
reference count no program can exhaust, as Python 3.12 does. Importing this module is enough;
it does nothing on Python 3.12 and later or on other interpreters.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def _affected() -> bool:
    """Only PySide6 6.12 on CPython before 3.12 (pyproject.toml asks for an earlier PySide6;
    this guard protects an installation that got 6.12 anyway)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__.startswith("6.12.")


def pin_singletons() -> bool:
    global _done
    if _done or not _affected():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
    return True


pin_singletons()
