"""Committees and their members."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Committee, Member, Membership
from desktop_app.domain.enums import MemberRole
from desktop_app.domain.print_options import DocumentOptions
from desktop_app.domain.records import CommitteeRow, MemberRow
from desktop_app.services.common import find_committee
from desktop_app.services.errors import ServiceError


def _row(c: Committee) -> CommitteeRow:
    return CommitteeRow(id=c.id, name=c.name, short_name=c.short_name, council=c.council,
                        contact=c.contact,
                        print_options=DocumentOptions.from_json(c.print_options))


def add_committee(db: Database, name: str, short_name: str = "", council: str = "",
                  contact: str = "") -> CommitteeRow:
    name = name.strip()
    if not name:
        raise ServiceError("a committee needs a name")
    with db.unit_of_work() as s:
        clash = s.scalars(select(Committee).where(func.lower(Committee.name) == name.lower())).first()
        if clash:
            raise ServiceError(f"there is already a committee called {clash.name!r}")
        c = Committee(name=name, short_name=short_name.strip(), council=council.strip(),
                      contact=contact)
        s.add(c)
        s.flush()
        return _row(c)


def list_committees(db: Database) -> list[CommitteeRow]:
    with db.reading() as s:
        return [_row(c) for c in s.scalars(select(Committee).order_by(Committee.name))]


def get_committee(db: Database, name: str) -> CommitteeRow:
    with db.reading() as s:
        return _row(find_committee(s, name))


def add_member(db: Database, committee: str, name: str, role: str = MemberRole.COUNCILLOR,
               voting: bool = True, title: str | None = None) -> MemberRow:
    role_value = MemberRole.parse(role)
    if title is None:
        title = "" if role_value == MemberRole.CO_OPTEE else "Councillor"
    with db.unit_of_work() as s:
        c = find_committee(s, committee)
        member = s.scalars(select(Member).where(Member.name == name.strip())).first()
        if member is None:
            member = Member(name=name.strip(), title=title)
            s.add(member)
            s.flush()
        link = s.scalars(select(Membership).where(Membership.committee_id == c.id,
                                                  Membership.member_id == member.id)).first()
        if link is None:
            count = s.scalar(select(func.count()).where(Membership.committee_id == c.id))
            link = Membership(committee_id=c.id, member=member, position=count or 0)
            s.add(link)
        link.role, link.voting = role_value, voting
        s.flush()
        return MemberRow(id=member.id, name=member.name, role=role_value, voting=voting)


_ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.COUNCILLOR: 2,
               MemberRole.CO_OPTEE: 3}


def list_members(db: Database, committee: str) -> list[MemberRow]:
    with db.reading() as s:
        c = find_committee(s, committee)
        links = s.scalars(select(Membership).where(Membership.committee_id == c.id)).all()
        links = sorted(links, key=lambda m: (_ROLE_ORDER.get(m.role, 9), m.position))
        return [MemberRow(id=m.member.id, name=(f"{m.member.title} {m.member.name}".strip()),
                          role=m.role, voting=m.voting) for m in links]
