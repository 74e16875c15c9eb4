"""A committee member's attendance over a year, as councils publish it (services/stats.py).
Apart from domain/attendance.py, which the window reads at start-up: each record class costs
about a millisecond to make."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.records import _Record


@dataclasses.dataclass(frozen=True)
class MemberAttendance(_Record):
    """One committee member's year, as councils publish it: meetings they were expected at
    (held meetings whose attendance is recorded), present, apologies, substituted, absent."""

    name: str
    role: str
    expected: int = 0
    present: int = 0
    apologies: int = 0
    substituted: int = 0
    absent: int = 0

    @property
    def percentage(self) -> int | None:
        return round(100 * self.present / self.expected) if self.expected else None
