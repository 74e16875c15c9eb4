"""Which committee an import goes into: ``import --committee`` must name one that exists (by
its name or short name, any case); a typo is not a new committee. The nearest names are offered
("did you mean ...", rapidfuzz); ``--create-committee`` (``ImportOptions.create_committee``)
creates one instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.services.errors import NotFound

if TYPE_CHECKING:   # SQLAlchemy only when a committee is looked up (not for the quick import)
    from desktop_app.db.engine import Database

_CLOSE = 70  # a score (0-100) below which a name is not offered


class UnknownCommittee(NotFound):
    """No committee by that name or short name (exit 2)."""


def existing_committee(db: Database, name: str) -> str:
    """The full name of the committee ``name`` names; UnknownCommittee (one line, with the
    nearest names) when there is none."""
    from sqlalchemy import select

    from desktop_app.db.models import Committee

    wanted = name.strip()
    with db.reading() as s:
        committees = [(c.name, c.short_name) for c in s.scalars(select(Committee))]
    for full, short in committees:
        if wanted.casefold() in (full.casefold(), short.casefold()):
            return full
    raise UnknownCommittee(unknown_message(wanted, committees))


def unknown_message(name: str, committees: list[tuple[str, str]]) -> str:
    from rapidfuzz import fuzz, process, utils  # only when a name is wrong

    choices = {full: full for full, _short in committees}
    choices.update({short: full for full, short in committees if short})
    near = process.extract(name, list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                           limit=3, score_cutoff=_CLOSE)
    offered = list(dict.fromkeys(choices[found] for found, _score, _i in near))
    hint = f"; did you mean {' or '.join(repr(n) for n in offered)}?" if offered else (
        "; there are no committees yet" if not committees else "")
    return (f"no committee called {name!r}{hint} (--create-committee creates a new one)")
