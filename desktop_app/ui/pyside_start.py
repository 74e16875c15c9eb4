"""PySide6 imported, with its import hook's question answered by reading bytes (issue 18).

Importing PySide6 replaces ``builtins.__import__``: after every import, a module the hook has
not seen yet is asked whether it "uses PySide6" (its ``__feature__`` switches, such as
``from __feature__ import snake_case``, apply per module) by
``shibokensupport.feature._mod_uses_pyside``, which reads the module's whole source through
``inspect.getsource`` (found, decoded, split into lines and kept by linecache) to look for the
word "PySide6". The window's start asks it of some 115 modules (ours and the standard
library's): 13-22 ms. ``quick_question`` answers the same question for a module loaded from a
``.py`` file by looking for the same word in the file's bytes (Python source is in an
ASCII-compatible encoding, so the word is there in the bytes exactly when it is in the text);
for any other module (built in, from a zip, without source, a file that cannot be read) it
asks PySide6's own function. The app uses no ``__feature__`` switch, so the answer changes
nothing but the time taken; it is the same answer all the same (tests/ui/test_startup.py).

When PySide6 no longer has that function (another version), nothing is changed.

While PySide6 is imported, its signature support's modules are taken compiled from a cache, as
Python's own ``.pyc`` files are (ui/pyside_code_cache.py: ~20 ms less CPU at every start).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

from desktop_app.ui import pyside_code_cache

with pyside_code_cache.compiled_once():   # its signature support compiled once, not every start
    import PySide6  # noqa: F401 - installs the import hook (shiboken6's signature support)


def quick_question(upstream: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``upstream``'s answer, from the bytes of a module's ``.py`` file when it has one."""
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as fh:
                    source = fh.read()
            except OSError:
                return upstream(module)
            if source:
                return b"PySide6" in source
        return upstream(module)

    uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Answer the hook's question with ``quick_question`` (once); False when PySide6 has no
    such function to replace."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if not hasattr(upstream, "upstream"):
        feature._mod_uses_pyside = quick_question(upstream)  # type: ignore[attr-defined]
    return True


install()
