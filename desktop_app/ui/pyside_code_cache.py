"""PySide6's signature support compiled once, not at every start (issue 18).

shiboken6 keeps the Python modules of its signature support (shibokensupport: ~130 KB of
source in 14 files) in a zip inside its library and, at every import of PySide6, compiles each
from its text (``compile(source, filename, "exec")`` in its ``signature_bootstrap``): ~22 ms of
CPU, as Python's own ``.pyc`` files would spare for any other module. ``compiled_once``
answers those calls, while PySide6 is imported, from a cache kept beside this module's own
``.pyc`` files (``__pycache__/shibokensupport.<python>.marshal``: each file's name, the
compiler flags, its source and the code compiled from it), used only for the very same source
compiled with the same flags by the same Python (its magic number), and written whenever
something had to be compiled afresh (not where Python writes no ``.pyc`` files:
``sys.dont_write_bytecode``, or no ``__pycache__`` folder here). Any other ``compile`` call
meanwhile, and anything unreadable, is compiled as always, with the caller's ``__future__``
flags as ``compile`` would have taken them.
"""

from __future__ import annotations

import __future__
import builtins
import contextlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path

_standard = builtins.compile
# the compiler flags compile() takes from its caller's code (CPython's PyCF_MASK)
_FUTURE = 0
for _name in dir(__future__):
    if _name.startswith("CO_FUTURE_"):
        _FUTURE |= getattr(__future__, _name)


def cache_file() -> Path:
    return (Path(__file__).parent / "__pycache__"
            / f"shibokensupport.{sys.implementation.cache_tag}.marshal")


def _read(path: Path) -> dict:
    """The cache's entries ((file name, flags) -> (source, code)), or none."""
    try:
        data = path.read_bytes()
        if data[:len(importlib.util.MAGIC_NUMBER)] != importlib.util.MAGIC_NUMBER:
            return {}
        entries = marshal.loads(data[len(importlib.util.MAGIC_NUMBER):])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _write(path: Path, entries: dict) -> None:
    if sys.dont_write_bytecode or not path.parent.is_dir():
        return
    part = path.with_name(f"{path.name}.{os.getpid()}")
    with contextlib.suppress(OSError, ValueError):
        part.write_bytes(importlib.util.MAGIC_NUMBER + marshal.dumps(entries))
        os.replace(part, path)    # whole, or not at all (another process may read it)
    with contextlib.suppress(OSError):
        part.unlink(missing_ok=True)


def compile_from(entries: dict, fresh: dict):
    """``compile``, answering shibokensupport's calls from ``entries``; what it compiles for
    them afresh goes into ``fresh`` too."""
    def compile(source, filename, mode, flags=0, dont_inherit=False,  # noqa: A001
                optimize=-1, *, _feature_version=-1):
        if not dont_inherit:   # the caller's __future__ flags, as compile would take them
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE
        ours = (type(source) is bytes and type(filename) is str and mode == "exec"
                and optimize == -1 and _feature_version == -1
                and filename.startswith("shibokensupport/"))
        if ours:
            kept = entries.get((filename, flags))
            if kept is not None and kept[0] == source:
                return kept[1]
        code = _standard(source, filename, mode, flags, True, optimize,
                         _feature_version=_feature_version)
        if ours:
            entries[filename, flags] = fresh[filename, flags] = (source, code)
        return code
    return compile


@contextlib.contextmanager
def compiled_once():
    """Within: shibokensupport's modules taken from the cache (written after, if need be)."""
    if builtins.compile is not _standard:
        yield
        return
    path = cache_file()
    entries, fresh = _read(path), {}
    builtins.compile = compile_from(entries, fresh)
    try:
        yield
    finally:
        builtins.compile = _standard
    if fresh:
        _write(path, entries)
