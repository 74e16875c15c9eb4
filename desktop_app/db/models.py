"""SQLAlchemy 2 typed models. Every editable row has timestamps and a version counter."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (Boolean, CheckConstraint, Date, DateTime, Dialect, ForeignKey, Index,
                        Integer, LargeBinary, MetaData, String, Table, Text, Time, UniqueConstraint, func)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from desktop_app.db import search_index
from desktop_app.domain.enums import (ActionStatus, AttendanceKind, ImplementationStatus,
                                      MeetingKind,
                                      MeetingStatus, MemberRole, Verdict, WorkFormat, WorkStatus)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


E = TypeVar("E", bound=enum.StrEnum)


class StoredEnum(TypeDecorator[E]):
    """A closed vocabulary stored as its plain value in a VARCHAR column (no database enum type
    and no CHECK constraint, so the schema is the same as when the columns were plain strings).
    Rows read back as members of the enum; a plain string with a member's value may be written."""

    impl = String
    cache_ok = True

    def __init__(self, enum_class: type[E], length: int) -> None:
        super().__init__(length)
        self.enum_class = enum_class

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum_class(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum_class(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model is mapped to a Table (none to a join or a select), which Core's insert() and
    # the column collection `.c` want; DeclarativeBase only promises a FromClause.
    __table__: ClassVar[Table]
    # Columns annotated with a vocabulary are stored as VARCHAR of these lengths.
    type_annotation_map = {
        MemberRole: StoredEnum(MemberRole, 20),
        AttendanceKind: StoredEnum(AttendanceKind, 20),
        MeetingKind: StoredEnum(MeetingKind, 30),
        MeetingStatus: StoredEnum(MeetingStatus, 20),
        Verdict: StoredEnum(Verdict, 30),
        ImplementationStatus: StoredEnum(ImplementationStatus, 20),
        ActionStatus: StoredEnum(ActionStatus, 20),
        WorkFormat: StoredEnum(WorkFormat, 30),
        WorkStatus: StoredEnum(WorkStatus, 20),
    }


class Tracked:
    """Editable rows: created/updated timestamps and an optimistic-locking version."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __audited__ = True
    __table__: ClassVar[Table]  # given by Base, which every Tracked model also derives from

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # SQLAlchemy bumps the version on every UPDATE and refuses (StaleDataError) to
        # overwrite a row whose version moved on since it was read.
        return {"version_id_col": cls.__table__.c.version}


class Committee(Tracked, Base):
    __tablename__ = "committees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(50), default="")
    council: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    # the officer's print choices for this committee (JSON: order, date style, text size ...)
    print_options: Mapped[str] = mapped_column(Text, default="", server_default="")

    meetings: Mapped[list[Meeting]] = relationship(back_populates="committee",
                                                   order_by="Meeting.date")


class Member(Tracked, Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(50), default="")  # "Councillor", "Mr" ...


class Membership(Tracked, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("committee_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    role: Mapped[MemberRole] = mapped_column(default=MemberRole.COUNCILLOR)
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    member: Mapped[Member] = relationship()


class Meeting(Tracked, Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("committee_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    venue: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[MeetingKind] = mapped_column(default=MeetingKind.MAINSTREAM)
    status: Mapped[MeetingStatus] = mapped_column(default=MeetingStatus.SCHEDULED)
    minute_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    publication_deadline_override: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    questions_deadline_override: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # the later meeting at which these minutes were approved as a correct record (None: draft)
    minutes_approved_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True)
    minutes_approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    items: Mapped[list[AgendaItem]] = relationship(back_populates="meeting",
                                                   order_by="AgendaItem.position",
                                                   cascade="all, delete-orphan")
    attendance: Mapped[list[Attendance]] = relationship(
        order_by="Attendance.position", cascade="all, delete-orphan",
        foreign_keys="Attendance.meeting_id", back_populates="meeting")


class Attendance(Tracked, Base):
    """One person's line in a meeting's attendance block. ``member_id`` is set when the person
    is a member of the app's address book; ``name`` is kept as written either way (officers and
    cabinet members in attendance are often not members)."""
    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"),
                                            index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"),
                                                  nullable=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[AttendanceKind] = mapped_column(default=AttendanceKind.PRESENT)
    substitute_for: Mapped[str] = mapped_column(String(200), default="")  # a substitute's member
    role: Mapped[str] = mapped_column(Text, default="")  # "Cabinet Member for Education", ...
    position: Mapped[int] = mapped_column(Integer, default=0)

    member: Mapped[Member | None] = relationship()
    # so the audit trail files each change under the meeting's committee
    meeting: Mapped[Meeting] = relationship(back_populates="attendance",
                                            foreign_keys=[meeting_id])


class AgendaItem(Tracked, Base):
    __tablename__ = "agenda_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text, default="")
    scrutiny_type: Mapped[str] = mapped_column(String(200), default="")
    lead_officers: Mapped[str] = mapped_column(Text, default="")
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    exempt_paragraph: Mapped[str] = mapped_column(String(20), default="")
    minutes_text: Mapped[str] = mapped_column(Text, default="")
    resolutions: Mapped[str] = mapped_column(Text, default="")
    incomplete: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="item",
                                                         order_by="Attachment.position",
                                                         cascade="all, delete-orphan")


class Attachment(Tracked, Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # the checked, sanitised copy (migration 0005); None for rows attached before it, which
    # are read from ``path``. Deferred: listings never load the bytes.
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    page_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the words of the PDF as pypdf read them when it was attached, for search (migration 0006)
    text_content: Mapped[str] = mapped_column(Text, default="", server_default="",
                                              deferred=True)

    item: Mapped[AgendaItem] = relationship(back_populates="attachments")


class Recommendation(Tracked, Base):
    __tablename__ = "recommendations"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"),
                                                   nullable=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True)
    item_title: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text)
    addressee: Mapped[str] = mapped_column(String(200), default="Executive")
    sent_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    response: Mapped[str] = mapped_column(Text, default="")
    response_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    verdict: Mapped[Verdict] = mapped_column(default=Verdict.AWAITING)
    response_due_override: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[ImplementationStatus] = mapped_column(default=ImplementationStatus.OPEN)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    procedural: Mapped[bool] = mapped_column(Boolean, default=False)
    # issue 13: the word the officer's file used, its RAG colour and its unknown columns
    status_word: Mapped[str] = mapped_column(Text, default="", server_default="")
    rag: Mapped[str] = mapped_column(String(10), default="", server_default="")
    extra: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON
    # the verdict as the officer's file wrote it ("Agreed in part"), beside the mapped
    # ``verdict`` (migration 0007); emptied when the verdict is recorded in the app
    verdict_word: Mapped[str] = mapped_column(Text, default="", server_default="")

    meeting: Mapped[Meeting | None] = relationship()
    committee: Mapped[Committee] = relationship()
    updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="recommendation", order_by="[ProgressUpdate.on, ProgressUpdate.id]",
        cascade="all, delete-orphan")


class Action(Tracked, Base):
    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_committee_meeting_ref", "committee_id", "meeting_id", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    ref: Mapped[str] = mapped_column(String(50), default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"),
                                                   nullable=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True)
    item_title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    directorate: Mapped[str] = mapped_column(String(200), default="")
    progress: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    due_text: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[ActionStatus] = mapped_column(default=ActionStatus.OPEN)
    completed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reported_complete_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True)
    reported_complete_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    raised_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    updated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # issue 13: the word the officer's file used, its RAG colour and its unknown columns
    status_word: Mapped[str] = mapped_column(Text, default="", server_default="")
    rag: Mapped[str] = mapped_column(String(10), default="", server_default="")
    extra: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON

    meeting: Mapped[Meeting | None] = relationship(foreign_keys=[meeting_id])
    committee: Mapped[Committee] = relationship()
    updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="action", order_by="[ProgressUpdate.on, ProgressUpdate.id]", cascade="all, delete-orphan")


class ProgressUpdate(Base):
    """A dated progress note on an action or a recommendation (exactly one of them)."""

    __tablename__ = "progress_updates"
    __table_args__ = (CheckConstraint(
        "(action_id IS NULL) <> (recommendation_id IS NULL)", name="one_target"),)
    __audited__ = True
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"),
                                                  nullable=True, index=True)
    recommendation_id: Mapped[int | None] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), nullable=True, index=True)
    on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    action: Mapped[Action | None] = relationship(back_populates="updates")
    recommendation: Mapped[Recommendation | None] = relationship(back_populates="updates")


class WorkProgrammeItem(Tracked, Base):
    __tablename__ = "work_programme_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    format: Mapped[WorkFormat] = mapped_column(default=WorkFormat.AGENDA_ITEM)
    scrutiny_type: Mapped[str] = mapped_column(String(200), default="")
    origin: Mapped[str] = mapped_column(Text, default="")
    lead_officers: Mapped[str] = mapped_column(Text, default="")
    current_position: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"),
                                                   nullable=True)
    target_text: Mapped[str] = mapped_column(String(100), default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[WorkStatus] = mapped_column(default=WorkStatus.PROPOSED)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # issue 13: the word the officer's file used, its RAG colour and its unknown columns
    status_word: Mapped[str] = mapped_column(Text, default="", server_default="")
    rag: Mapped[str] = mapped_column(String(10), default="", server_default="")
    extra: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON

    meeting: Mapped[Meeting | None] = relationship()
    moves: Mapped[list[WorkItemMove]] = relationship(back_populates="item",
                                                     order_by="WorkItemMove.id",
                                                     cascade="all, delete-orphan")


class WorkItemMove(Base):
    """History of a work programme item: deferred, moved, brought forward, unscheduled."""

    __tablename__ = "work_item_moves"
    __audited__ = True
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("work_programme_items.id", ondelete="CASCADE"),
                                         index=True)
    moved_on: Mapped[dt.date] = mapped_column(Date)
    from_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    to_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")

    item: Mapped[WorkProgrammeItem] = relationship(back_populates="moves")


class AuditEntry(Base):
    """Who changed what, when: one row per field changed (or per row created/deleted)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_table_row", "table_name", "row_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    who: Mapped[str] = mapped_column(String(200))
    committee_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[int] = mapped_column(Integer)
    operation: Mapped[str] = mapped_column(String(10))  # insert / update / delete
    field: Mapped[str] = mapped_column(String(60), default="")
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    # the row's version after this change (migration 0005; None in entries made before it):
    # a refused save names exactly the changes made since the version it started from
    row_version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Contact(Tracked, Base):
    """The address book of action owners and executive leads (they are not users of the app)."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    directorate: Mapped[str] = mapped_column(String(200), default="")


class DatabaseIdentity(Base):
    """One row: a random token naming this database (migration 0007), so that what the app
    writes for other programs (calendar UIDs) stays the same on every export from it and
    never collides with another database's."""

    __tablename__ = "database_identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(36))


search_index.install(Base.metadata)
