"""The schema revision a database should be at, read from the migration files as text: no
SQLAlchemy and no Alembic, so that the quick paths (db/lite.py) and db/schema.py agree."""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"   # Alembic's default, which env.py keeps

_ASSIGNMENT = re.compile(r"^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=]*)?=\s*"
                         r"(?:(None)|'([^'\\]*)'|\"([^\"\\]*)\")\s*(?:#.*)?$", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def plain_head_revision() -> str | None:
    """The head revision read from the migration files as text, or None when they are not a
    plain chain (a merge, branch labels, dependencies, anything unexpected): Alembic decides
    those. A plain chain is what ``alembic revision`` writes."""
    try:
        files = sorted((MIGRATIONS / "versions").glob("*.py"))
        down_of: dict[str, str | None] = {}
        for path in files:
            if path.name == "__init__.py":
                continue
            found: dict[str, str | None] = {}
            for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")):
                if m.group(1) in found:
                    return None
                found[m.group(1)] = None if m.group(2) else (m.group(3) or m.group(4) or "")
            if set(found) != {"revision", "down_revision", "branch_labels", "depends_on"} or \
                    not found["revision"] or found["branch_labels"] is not None or \
                    found["depends_on"] is not None or found["revision"] in down_of:
                return None
            down_of[found["revision"]] = found["down_revision"]
    except OSError:
        return None
    heads = set(down_of) - set(down_of.values())
    bases = [r for r, down in down_of.items() if down is None]
    if len(heads) != 1 or len(bases) != 1 or \
            any(down is not None and down not in down_of for down in down_of.values()):
        return None
    return heads.pop()
