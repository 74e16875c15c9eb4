"""Whether a meeting's minutes were approved, and where (services/minutes_approval.py).
Apart from domain/attendance.py, which the window reads at start-up: each record class costs
about a millisecond to make."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.domain.records import _Record


@dataclasses.dataclass(frozen=True)
class MinutesApproval(_Record):
    """Whether a meeting's minutes were approved as a correct record, and where: the later
    meeting ("To approve and sign the minutes of the meeting held on ...") and its date."""

    meeting_id: int
    meeting_date: dt.date
    approved_meeting_id: int | None = None
    approved_on: dt.date | None = None
    version: int = 1  # the meeting's version, for if_version

    def is_draft(self, as_at: dt.date) -> bool:
        """Draft in a document as at ``as_at``: not approved, or approved after that day."""
        return self.approved_on is None or self.approved_on > as_at
