"""Files written whole or not at all: the writer works on a temporary file beside the target,
which is renamed into place only once it is complete (a full disk, a crash or a refusal half
way leaves the officer's earlier file as it was, and no stray temporary file)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class CannotWrite(OSError):
    """A file that cannot be written, in words naming it (never the temporary file beside it);
    ``why`` is the reason alone."""

    why = ""


def cannot_write(path: str | os.PathLike[str], exc: OSError, what: str = "the file"
                 ) -> CannotWrite:
    """``exc`` (raised writing ``path`` or the temporary file beside it) as one plain sentence
    that names ``path`` and why: a folder that does not exist, is not a folder, or is not
    open to writing."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if isinstance(exc, CannotWrite):
        why = exc.why
    elif not folder.exists():
        why = f"the folder {folder} does not exist"
    elif not folder.is_dir():
        why = f"{folder} is a file, not a folder"
    elif target.is_dir():
        why = "it is a folder"
    elif isinstance(exc, PermissionError):
        why = "permission denied (a read-only folder, or the file is open in another program)"
    else:
        why = exc.strerror or str(exc)
    error = CannotWrite(f"{target}: cannot write {what}: {why}")
    error.errno, error.why = exc.errno, why
    return error


def check_folder(path: str | os.PathLike[str], what: str = "the file") -> None:
    """Refuse, before any work is done, a ``path`` whose folder does not exist, is a file, or
    takes no new file (read-only): a file is made there and removed again."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir() or target.is_dir():
        raise cannot_write(target, FileNotFoundError(2, "No such file or directory"), what)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise cannot_write(target, exc, what) from None


def replace_whole(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write`` with a temporary path beside ``path``, then rename it to ``path``."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise cannot_write(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target


def write_whole(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` in one step."""
    return replace_whole(path, lambda tmp: tmp.write_bytes(data))


__all__ = ["CannotWrite", "cannot_write", "check_folder", "replace_whole", "write_whole"]
