"""How the minutes name the people at a meeting, as the seeds' minutes do.

The minutes open with an attendance block (seed 004, minutes of 12 October 2021):

    Present:        Councillor Phillip Howells (Chairperson)
                    Councillor Jennie Hewitt (Vice-Chairperson)
                    Councillors: Graham Andrews, Toni Fagan, Helen l'Anson and Mike Jones
                    Councillor Jim Kenyon (non-voting member)
                    Mr Andy James – education co-optee
    In attendance:  Councillors Alan Seldon and Nigel Shaw

A co-opted member is never "Councillor": "Mr Andy James – education co-optee" (seed 004),
"Mr Sam Pratley - Education Co-optee" (seed 001). Plain rows in, lines of text out; the minutes
printer lays them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from desktop_app.domain.enums import AttendanceKind, MemberRole

_COUNCILLOR = re.compile(r"^(?:councillor|cllr\.?)\s+", re.I)
_OFFICER = ("officer", "officers")
_REMOTE = ("virtual attendee", "attended remotely", "remote")
_ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.COUNCILLOR: 2,
               MemberRole.CO_OPTEE: 3}


@dataclasses.dataclass(frozen=True)
class MinutesPerson:
    """One line of a meeting's attendance, with what the committee knows of the person."""

    name: str                           # as written, without a "Councillor" the title gives
    kind: AttendanceKind
    role: str = ""                      # "Cabinet Member for ...", "education co-optee"
    substitute_for: str = ""            # the member a substitute stood in for
    member_role: MemberRole | None = None   # the person's place on this committee, if any
    voting: bool = True
    title: str = ""                     # "Councillor", "Mr" (from the address book)
    position: int = 0


@dataclasses.dataclass(frozen=True)
class MinutesRecord:
    """What the minutes of one meeting say besides the items' text: who was there, whether (and
    when, and at which meeting) they were approved as a correct record, and what was resolved
    under each item (printed bold)."""

    attendance: tuple[MinutesPerson, ...] = ()
    approved_on: dt.date | None = None
    approved_at: dt.date | None = None      # the date of the meeting that approved them
    # agenda item id -> what was resolved under it, as the minutes import read it
    resolutions: dict[int, str] = dataclasses.field(default_factory=dict, hash=False)

    def approved(self, as_at: dt.date) -> bool:
        """Approved by ``as_at``: minutes printed as at an earlier day are still a draft."""
        day = self.approved_on or self.approved_at
        return day is not None and day <= as_at


def is_co_optee(person: MinutesPerson) -> bool:
    return person.member_role == MemberRole.CO_OPTEE or "co-opt" in person.role.casefold()


def bare_name(name: str) -> str:
    """The name without a leading "Councillor"/"Cllr" (a co-optee's record may carry one)."""
    return _COUNCILLOR.sub("", (name or "").strip())


def is_councillor(person: MinutesPerson) -> bool:
    if is_co_optee(person):
        return False
    if person.title.strip().casefold() in ("councillor", "cllr"):
        return True
    return bool(_COUNCILLOR.match(person.name or "")) or person.member_role is not None


def full_name(person: MinutesPerson) -> str:
    """"Councillor Phillip Howells", "Mr Andy James", "Claire Ward"."""
    name = bare_name(person.name) if is_co_optee(person) else (person.name or "").strip()
    if is_councillor(person):      # "Cllr Jim Kenyon" as the seeds write it
        return f"Councillor {bare_name(name)}"
    title = person.title.strip()
    if title and title.casefold() not in ("councillor", "cllr") \
            and not name.casefold().startswith(title.casefold() + " "):
        return f"{title} {name}"
    return name


def describe(person: MinutesPerson) -> str:
    """One person as the minutes name them, with their part in the meeting."""
    if is_co_optee(person):
        role = person.role.strip() or "co-optee"
        return f"{full_name(person)} – {role}"
    text = full_name(person)
    if person.member_role == MemberRole.CHAIR:
        text += " (Chairperson)"
    elif person.member_role == MemberRole.VICE_CHAIR:
        text += " (Vice-Chairperson)"
    elif not person.voting and person.member_role is not None:
        text += " (non-voting member)"
    if person.role.strip():
        text += f", {person.role.strip()}"
    return text


def join_words(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _plain_councillor(person: MinutesPerson) -> bool:
    return (is_councillor(person) and person.member_role in (None, MemberRole.COUNCILLOR)
            and person.voting and not person.role.strip())


def _order(people: Sequence[MinutesPerson]) -> list[MinutesPerson]:
    return sorted(people, key=lambda p: (_ROLE_ORDER.get(p.member_role, 2)
                                         if p.member_role is not None else
                                         (3 if is_co_optee(p) else 2), p.position))


def present_lines(people: Sequence[MinutesPerson]) -> list[str]:
    """The "Present:" lines: chair and vice-chair by name, the other councillors on one line
    ("Councillors: A, B and C"), then those with a note (non-voting, a role), then co-optees."""
    ordered = _order(people)
    lines: list[str] = []
    plain = [p for p in ordered if _plain_councillor(p)]
    for person in ordered:
        if person in plain:
            if person is plain[0]:
                if len(plain) == 1:
                    lines.append(full_name(person))
                else:
                    names = [bare_name(p.name) for p in plain]
                    lines.append(f"Councillors: {join_words(names)}")
            continue
        lines.append(describe(person))
    return lines


def group_line(people: Sequence[MinutesPerson]) -> str:
    """Several people on one line: "Councillors Alan Seldon and Nigel Shaw" when all are plain
    councillors, else each described, separated by semicolons."""
    ordered = _order(people)
    if len(ordered) > 1 and all(_plain_councillor(p) for p in ordered):
        return f"Councillors {join_words([bare_name(p.name) for p in ordered])}"
    return "; ".join(describe(p) for p in ordered)


def substitute_line(person: MinutesPerson, members: Sequence[MinutesPerson] = ()) -> str:
    """"Councillor Sam Bowen (substitute for Councillor Diana Toynbee)"."""
    text = describe(person)
    target = person.substitute_for.strip()
    if target:
        known = next((m for m in members if bare_name(m.name).casefold()
                      == bare_name(target).casefold()), None)
        target = full_name(known) if known is not None else target
        text += f" (substitute for {target})"
    return text


@dataclasses.dataclass(frozen=True)
class AttendanceBlock:
    """The block's rows: (heading, lines), in the seeds' order."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def empty(self) -> bool:
        return not self.rows


def attendance_block(people: Sequence[MinutesPerson]) -> AttendanceBlock:
    """Present / Apologies / Substitutes / In attendance (then Officers, Absent); empty when
    nothing was recorded. The one wording of a meeting's attendance: the printed minutes and
    ``services.attendance.attendance_block`` (the command line, the window) both use it.
    Apologies and substitutes say "None" when none were recorded beside a list of those
    present; "In attendance" appears only when someone was."""
    if not people:
        return AttendanceBlock(())
    by_kind: dict[AttendanceKind, list[MinutesPerson]] = {}
    for person in people:
        by_kind.setdefault(AttendanceKind(person.kind), []).append(person)
    rows: list[tuple[str, tuple[str, ...]]] = []
    present = by_kind.get(AttendanceKind.PRESENT, [])
    remote = [p for p in present if p.role.strip().casefold() in _REMOTE]
    present = [p for p in present if p not in remote]
    rows.append(("Present", tuple(present_lines(present)) or ("Not recorded",)))
    if remote:      # seed 004: "Virtual attendees", each described as under "Present"
        rows.append(("Virtual attendees",
                     tuple(present_lines([dataclasses.replace(p, role="") for p in remote]))))
    apologies = by_kind.get(AttendanceKind.APOLOGIES, [])
    rows.append(("Apologies", (", ".join(describe(p) for p in _order(apologies)),)
                 if apologies else ("None",)))
    subs = by_kind.get(AttendanceKind.SUBSTITUTE, [])
    members = [p for p in people if p.member_role is not None]
    rows.append(("Substitutes", tuple(substitute_line(p, members) for p in subs)
                 if subs else ("None",)))
    others = by_kind.get(AttendanceKind.IN_ATTENDANCE, [])
    officers = [p for p in others if p.role.strip().casefold() in _OFFICER]
    others = [p for p in others if p not in officers]
    if others:
        councillors = [p for p in others if is_councillor(p) and not p.role.strip()]
        lines = []
        if councillors:
            lines.append(group_line(councillors))
        lines += [describe(p) for p in _order(others) if p not in councillors]
        rows.append(("In attendance", tuple(lines)))
    if officers:    # named by their posts, as the seed does
        rows.append(("Officers", (", ".join(p.name.strip() for p in _order(officers)),)))
    absent = by_kind.get(AttendanceKind.ABSENT, [])
    if absent:      # recorded absent without apologies
        rows.append(("Absent", (", ".join(describe(p) for p in _order(absent)),)))
    return AttendanceBlock(tuple(rows))
