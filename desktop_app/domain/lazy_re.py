"""Regular expressions compiled when first used, not when their module is imported.

    _DONE = lazy(r"^(?:completed?|done)", re.I)    # as re.compile, typed as a re.Pattern
    _DONE.match(text)

The importers hold some fifty patterns for layouts most files never show (work programme
sections, banners, meeting headings, RAG keys...): compiling them all took ~13 ms of CPU at
every start of an import. The domain's own (names, dates, attendance) were compiled at every
start of the window (issue 18), for text it reads only when importing. A lazy pattern compiles itself on its first use and then keeps the
compiled pattern's own methods, so a pattern used on every row costs one attribute look-up
more than a compiled one.
"""

from __future__ import annotations

import re
from typing import Any, cast

_KEPT = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer",
         "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only until the first use: then they are set
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on first use."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
