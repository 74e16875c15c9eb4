"""Files written whole or not at all: the writer works on a temporary file beside the target,
which is renamed into place only once it is complete (a full disk, a crash or a refusal half
way leaves the officer's earlier file as it was, and no stray temporary file)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


def replace_whole(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write`` with a temporary path beside ``path``, then rename it to ``path``."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target


def write_whole(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` in one step."""
    return replace_whole(path, lambda tmp: tmp.write_bytes(data))


__all__ = ["replace_whole", "write_whole"]
