"""What Tools > Chase owners does, as service calls: who would be chased (the same selection
``chase_owners`` makes, without files), an owner's email address saved to the address book, and
the workbooks and drafts written. ``ChaseController`` is owned by ``ChaseDialog``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from desktop_app.services.workspace import Database
from desktop_app.ui.lazy import service
from desktop_app.services.clock import today

actions = service("actions")
chase = service("chase")
contacts = service("contacts")
recommendations = service("recommendations")


@dataclasses.dataclass
class OwnerLine:
    name: str
    email: str = ""
    actions: int = 0
    overdue: int = 0
    responses: int = 0


def owners_to_chase(db: Database, committee: str) -> list[OwnerLine]:
    """Who chase_owners would write to, with their counts (its own selection, without files)."""
    now = today()
    lines: dict[str, OwnerLine] = {}
    for a in actions.list_actions(db, committee, "open", now=now):
        name = a.owner.strip()
        if name:
            line = lines.setdefault(name, OwnerLine(name))
            line.actions += 1
            line.overdue += int(a.overdue)
    for r in recommendations.list_recommendations(db, committee, "awaiting-response", now=now):
        name = r.addressee.strip()
        if name:
            lines.setdefault(name, OwnerLine(name)).responses += 1
    emails = {c.name.lower(): c.email for c in contacts.list_contacts(db)}
    for line in lines.values():
        line.email = emails.get(line.name.lower(), "")
    return [lines[n] for n in sorted(lines)]


class ChaseController:
    """Reads and writes for one Chase owners dialog."""

    def __init__(self, db: Database, committee: str, only: set[str] | None = None):
        self.db = db
        self.committee = committee
        self.only = only     # just these people (the owners of the actions selected), or all

    def owners(self) -> list[OwnerLine]:
        lines = owners_to_chase(self.db, self.committee)
        if self.only is None:
            return lines
        wanted = {n.strip().casefold() for n in self.only}
        return [line for line in lines if line.name.casefold() in wanted]

    def save_email(self, line: OwnerLine, email: str) -> None:
        """Keep ``email`` as the person's address (raises ServiceError when refused)."""
        contacts.set_contact(self.db, line.name, email=email)
        line.email = email

    def writer(self, folder: Path) -> Callable[[], list[chase.ChasePack]]:
        """The work of writing every pack into ``folder`` (run it on a worker)."""
        db, committee, only = self.db, self.committee, self.only
        return lambda: chase.chase_owners(db, committee, folder, only=only)
