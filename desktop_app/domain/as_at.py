"""The as-at rule: the one date a printed document is true at.

A document for a meeting (its agenda, pack, or a log printed for it) is as at that meeting's
publication date, the day the papers go out, unless the officer chooses another date. Any other
document is as at today, and so are the minutes (they record the meeting, and whether they are
still a draft depends on the day they are printed; the caller passes no publication date). Nothing below the window and the command line reads the
clock: they pass ``today`` in, so a pack for the meeting of 23 November 2021 printed in 2026
still says "as at 15 November 2021" and does not mark actions due on 7 December 2021 overdue.

Where the tracker's history starts later than the as-at date (its records were imported, or
first typed in, after it), a document that would come out empty says why (``history_gap``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.domain.dates import format_uk

# The ``field`` of an "insert" audit row written by an import: the row is known from the
# import, and counts from what the file says (its meeting date, its own dates), not from the
# day it was imported.
KNOWN_FROM_IMPORT = "import"


def document_as_at(*, today: dt.date, publication: dt.date | None = None,
                   chosen: dt.date | None = None) -> dt.date:
    """The date a document is as at: ``chosen`` (the officer's ``--as-at``) when given; else
    the publication date of the meeting the document is for; else ``today``."""
    if chosen is not None:
        return chosen
    if publication is not None:
        return publication
    return today


@dataclasses.dataclass(frozen=True)
class KnownHistory:
    """From when a committee's tracker history is known: the day of its first record (an
    import or an entry typed in), and whether that first record was an import."""

    since: dt.date | None
    imported: bool = False

    def gap_before(self, as_at: dt.date) -> str:
        """The sentence a document as at ``as_at`` prints instead of being silently empty,
        or "" when the history reaches back to ``as_at``."""
        if self.since is None or self.since <= as_at:
            return ""
        how = "imported" if self.imported else "first recorded"
        return (f"History before {format_uk(self.since)} is not known: the tracker was {how} "
                f"on {format_uk(self.since)}.")
