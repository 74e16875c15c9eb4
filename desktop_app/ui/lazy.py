"""A service module imported on first use (issue 18).

Most services pull SQLAlchemy and the models (~0.3 s) when imported; the window does not need
them to open, paint and fill its tabs from an SQLite file at the head revision (the quick reads
of services/window_read.py). A ui module that calls such a service writes

    actions = service("actions")     # desktop_app.services.actions, on first attribute use

and uses ``actions.add_action(...)`` as before. The first attribute looked up imports the real
module (thread-safe: the import system's own lock); every look-up, and every assignment (a
test's monkeypatch), goes to the real module, so there is one module and one set of classes.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_PACKAGE = "desktop_app.services"


class _Service(types.ModuleType):
    """Stands for a services module until, and after, its first use."""

    def _real(self) -> types.ModuleType:
        name = types.ModuleType.__getattribute__(self, "__name__")
        return sys.modules.get(name) or importlib.import_module(name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real(), attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        setattr(self._real(), attr, value)

    def __delattr__(self, attr: str) -> None:
        delattr(self._real(), attr)

    def __dir__(self) -> list[str]:
        return dir(self._real())

    def __repr__(self) -> str:
        name = types.ModuleType.__getattribute__(self, "__name__")
        return f"<service {name!r}, imported on first use>"


_made: dict[str, _Service] = {}


def service(name: str) -> Any:
    """``desktop_app.services.<name>``, imported when first used (see the module's note)."""
    full = f"{_PACKAGE}.{name}"
    module = sys.modules.get(full)
    if module is not None:
        return module
    if full not in _made:
        _made[full] = _Service(full)
    return _made[full]
