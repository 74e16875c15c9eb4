"""The resources shipped inside the package (icons, demo data), found with importlib.resources.

They live in this package's folder (``desktop_app/resources/icons``, ``.../demo``) and are
package data (pyproject.toml), so the same call finds them in a checkout, an editable install, an
installed wheel or sdist, and the frozen app (the PyInstaller spec bundles them under
``desktop_app/resources``, where the frozen importer's resource reader looks).
"""

from __future__ import annotations

import atexit
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_extracted = contextlib.ExitStack()   # files copied out of a zipped install, removed at exit
atexit.register(_extracted.close)


def _find(parts: tuple[str, ...]) -> Traversable:
    # the package's own folder, as importlib.resources finds it when the package is plain
    # files (a checkout, an install, the frozen app), without importing importlib.resources
    # (~3 ms of the window's start, for its icon); it decides for anything else (a zip)
    here = Path(__file__).parent.joinpath(*parts)
    if here.is_file():
        return here
    from importlib.resources import files
    item = files(__name__).joinpath(*parts)
    if not item.is_file():
        raise FileNotFoundError(f"missing resource {'/'.join(parts)} in package {__name__}")
    return item


def resource(*parts: str) -> Path:
    """A resource as a file on disk (for APIs that want a path, such as QIcon)."""
    item = _find(parts)
    if isinstance(item, Path):
        return item
    from importlib.resources import as_file
    return _extracted.enter_context(as_file(item))


def resource_text(*parts: str) -> str:
    return _find(parts).read_text(encoding="utf-8")


def user_guide() -> Path | None:
    """docs/user-guide.md: beside the package in a checkout, in the bundle of the frozen app.
    A wheel does not carry the guide; None then."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    path = root / "docs" / "user-guide.md"
    return path if path.is_file() else None
