"""Matching a workbook's rows to what is stored, and writing the difference (see
import_service for the rules)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import audit, search_index
from desktop_app.db.models import (Action, Committee, Meeting, ProgressUpdate, Recommendation,
                                   WorkItemMove, WorkProgrammeItem)
from desktop_app.domain.enums import ActionStatus, MeetingStatus
from desktop_app.services.clock import today
from desktop_app.services.import_bulk import insert_audited
from desktop_app.services.import_limits import fitting_rows
from desktop_app.services.import_moves import add_file_moves
from desktop_app.services.import_rows import RowValues
from desktop_app.services.import_summary import (Change, ImportedRow,
                                                 ImportedWorkbook, ImportSummary, key)

_ANY = object()  # stands for "whichever meeting" in match keys

class Applier:
    """One import, inside its transaction."""

    BATCH = 500  # rows between two calls of ``tick`` (progress, and a look at Cancel)

    def __init__(self, session: Session, summary: ImportSummary, parsed: ImportedWorkbook,
                 skip_bad_rows: bool = False,
                 tick: Callable[[int, int], None] | None = None):
        self.s = session
        audit.mark_imported(session)  # what it creates counts from the file's dates (as-at)
        # the search index takes the rows in at the next search, not at this commit (as after
        # the quick import, import_lite.py: the two paths give the same database)
        session.info[search_index.DEFERRED] = True
        self.tick = tick or (lambda _done, _total: None)
        self.summary = summary
        self.parsed = parsed
        self.today = today()
        self.author = audit.current_user()
        self.rows = fitting_rows(parsed, skip_bad_rows, summary)

    # ------------------------------------------------------------ committee and meetings

    def apply(self) -> None:
        self.committee = self._committee(self.summary.committee)
        self.summary.committee = self.committee.name
        self.meetings = self._meetings(r.fields.get("meeting_date") for r in self.rows)
        held = [m.date for m in self.meetings.values() if m.status == MeetingStatus.HELD]
        self.last_held = max(held) if held else None
        self.values = RowValues(self.committee.id, self.today, self.last_held, self._meeting_id,
                                self._meeting_on, self._agenda_item_id)
        {"actions": self._actions, "recommendations": self._recommendations,
         "work-programme": self._work_items}[self.parsed.kind]()

    def _batches(self) -> Iterator[ImportedRow]:
        """The rows, with ``tick(rows done, rows in all)`` before each batch."""
        for start in range(0, len(self.rows), self.BATCH):
            self.tick(start, len(self.rows))
            yield from self.rows[start:start + self.BATCH]

    def _committee(self, name: str) -> Committee:
        wanted = name.lower()
        found = self.s.scalars(select(Committee).where(
            (func.lower(Committee.name) == wanted) | (func.lower(Committee.short_name) == wanted))
        ).first()
        if found is None:
            found = Committee(name=name)
            self.s.add(found)
            self.s.flush()
            self.summary.committee_created = True
        return found

    def _meetings(self, days: Iterable[dt.date | None]) -> dict[dt.date, Meeting]:
        meetings = {m.date: m for m in self.s.scalars(
            select(Meeting).where(Meeting.committee_id == self.committee.id)
            .options(selectinload(Meeting.items)))}
        for day in sorted({d for d in days if d is not None} - set(meetings)):
            m = Meeting(committee_id=self.committee.id, date=day,
                        status=(MeetingStatus.HELD if day < self.today
                                else MeetingStatus.SCHEDULED))
            self.s.add(m)
            meetings[day] = m
            self.summary.meetings_created += 1
        if self.summary.meetings_created:
            self.s.flush()
        return meetings

    def _meeting_id(self, day: dt.date | None) -> int | None:
        return self.meetings[day].id if day is not None else None

    def _meeting_on(self, day: dt.date) -> int | None:
        meeting = self.meetings.get(day)
        return meeting.id if meeting else None

    def _agenda_item_id(self, day: dt.date | None, title: str) -> int | None:
        if day is None or not title:
            return None
        wanted = key(title)
        return next((i.id for i in self.meetings[day].items if key(i.title) == wanted), None)

    # ------------------------------------------------------------ shared bookkeeping

    def _set(self, row: Any, values: dict[str, Any]) -> list[str]:
        """Set the values that differ; the names of those changed."""
        changed = []
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed.append(name)
        return changed

    def _counted(self, parsed_row: ImportedRow, stored: Any, changed: list[str]) -> None:
        if changed:
            self.summary.updated += 1
            self.summary.changes.append(Change(parsed_row.sheet, parsed_row.row_number,
                                               stored.id, changed))
        else:
            self.summary.unchanged += 1

    def _flag_updated(self, stored: Any, colour: str | None, changed: list[str]) -> None:
        """Any change dates the row updated today; so does red text the tracker does not yet
        show as an update since the last meeting."""
        already = bool(self.last_held and stored.updated_on and stored.updated_on > self.last_held)
        if (changed or (colour == "updated" and not already)) and stored.updated_on != self.today:
            stored.updated_on = self.today

    @staticmethod
    def _given(row: ImportedRow) -> frozenset[str] | set[str]:
        given = getattr(row, "given", None)
        return set(row.fields) if given is None else given

    @staticmethod
    def _claim(candidates: list[Any], used: set[int], text: str | None = None) -> Any | None:
        free = [c for c in candidates if id(c) not in used]
        if text is not None:
            free = [c for c in free if key(c.text) == text]
        if not free:
            return None
        used.add(id(free[0]))
        return free[0]

    def _create(self, model: type, rows: list[dict[str, Any]]) -> list[int]:
        self.summary.created += len(rows)
        if not rows:
            return []
        self.s.flush()
        return insert_audited(self.s, model, rows, self.committee.id, self.author)

    # ------------------------------------------------------------ actions

    def _actions(self) -> None:
        stored = self.s.scalars(select(Action).where(Action.committee_id == self.committee.id)
                                .order_by(Action.position, Action.id)).all()
        # keys with the meeting, and without it (for sheets that have no meeting column)
        by_ref: dict[tuple[Any, str], list[Action]] = defaultdict(list)
        by_text: dict[tuple[Any, str], list[Action]] = defaultdict(list)
        for a in stored:
            text_key = key(a.text)
            for meeting in (a.meeting_id, _ANY):
                if a.ref:
                    by_ref[(meeting, a.ref)].append(a)
                by_text[(meeting, text_key)].append(a)
        used: set[int] = set()
        position = max((a.position for a in stored), default=-1) + 1
        new: list[dict[str, Any]] = []
        for row in self._batches():
            f = row.fields
            meeting_id = self._meeting_id(f["meeting_date"])
            found = None
            if not stored:  # a new log: nothing to match (and 20,000 keys not worth making)
                new.append(self.values.new_action(row, meeting_id, position))
                position += 1
                continue
            text_key = key(f["text"])
            meeting = meeting_id if "meeting_date" in self._given(row) else _ANY
            if f["ref"]:
                # meeting + reference; the text decides between namesakes, and without a
                # meeting the text must agree too (never the reference alone)
                candidates = by_ref.get((meeting, f["ref"]), [])
                found = self._claim(candidates, used,
                                    text_key if meeting in (None, _ANY) or len(candidates) > 1
                                    else None)
            if found is None:
                found = self._claim(by_text.get((meeting, text_key), []), used)
            if found is None:
                new.append(self.values.new_action(row, meeting_id, position))
                position += 1
            else:
                self._update_action(row, found)
        self._create(Action, new)

    def _update_action(self, row: ImportedRow, a: Action) -> None:
        f = row.fields
        given = self._given(row)
        old_progress, old_status = a.progress, a.status
        values = self.values.action_values(f, given)
        if "meeting_date" in given:
            values["meeting_id"] = self._meeting_id(f["meeting_date"])
        changed = self._set(a, values)
        if "completed_on" in given and f.get("completed_on"):
            changed += self._set(a, {"completed_on": f["completed_on"]})
        elif a.status == ActionStatus.COMPLETED and old_status != ActionStatus.COMPLETED:
            changed += self._set(a, {"completed_on": self.today})
        elif a.status == ActionStatus.OPEN and old_status == ActionStatus.COMPLETED:
            changed += self._set(a, {"completed_on": None})
        if f["reported_complete"] and "reported_complete" in given and (
                a.reported_complete_on is None or f.get("reported_on")):
            changed += self._set(a, self.values.reported(f.get("reported_on")))
        if "progress" in changed and a.progress != old_progress and a.progress:
            # a dated progress note, as update_action keeps (added from this side so that the
            # action's notes need not be loaded)
            self.s.add(ProgressUpdate(action=a, on=self.today, text=a.progress,
                                      author=self.author))
        if row.colour == "new" and self.last_held and a.raised_on is None:
            # (a stored action keeps the date it was raised: meetings another import adds
            # must not move it, or a repeat import would change it)
            changed += self._set(a, {"raised_on": self.last_held})
        self._flag_updated(a, row.colour, changed)
        self._counted(row, a, changed)

    # ------------------------------------------------------------ recommendations

    def _recommendations(self) -> None:
        stored = self.s.scalars(select(Recommendation).where(
            Recommendation.committee_id == self.committee.id)
            .order_by(Recommendation.position, Recommendation.id)).all()
        index: dict[tuple[Any, str, str], list[Recommendation]] = defaultdict(list)
        positions: dict[int | None, int] = defaultdict(int)
        for r in stored:
            for meeting in (r.meeting_id, _ANY):
                index[(meeting, key(r.item_title), key(r.text))].append(r)
            positions[r.meeting_id] = max(positions[r.meeting_id], r.position + 1)
        used: set[int] = set()
        new: list[dict[str, Any]] = []
        for row in self._batches():
            f = row.fields
            meeting_id = self._meeting_id(f["meeting_date"])
            meeting = meeting_id if "meeting_date" in self._given(row) else _ANY
            found = self._claim(index.get((meeting, key(f["item"]), key(f["text"])), []),
                                used) if stored else None
            if found is None:
                new.append(self.values.new_recommendation(row, meeting_id, positions[meeting_id]))
                positions[meeting_id] += 1
            else:
                self._update_recommendation(row, found)
        self._create(Recommendation, new)

    def _update_recommendation(self, row: ImportedRow, r: Recommendation) -> None:
        changed = self._set(r, self.values.recommendation_values(row.fields, self._given(row)))
        self._flag_updated(r, row.colour, changed)
        self._counted(row, r, changed)

    # ------------------------------------------------------------ work programme

    def _work_items(self) -> None:
        stored = self.s.scalars(select(WorkProgrammeItem).where(
            WorkProgrammeItem.committee_id == self.committee.id)
            .order_by(WorkProgrammeItem.sort_order, WorkProgrammeItem.id)
            .options(selectinload(WorkProgrammeItem.meeting))).all()
        by_title: dict[str, list[WorkProgrammeItem]] = defaultdict(list)
        by_title_format: dict[tuple[str, str], list[WorkProgrammeItem]] = defaultdict(list)
        for w in stored:
            by_title[key(w.title)].append(w)
            by_title_format[(key(w.title), w.format)].append(w)
        used: set[int] = set()
        order = max((w.sort_order for w in stored), default=-1) + 1
        new: list[dict[str, Any]] = []
        moves: list[tuple[int | None, list[Any]]] = []  # (stored id, None for new), file moves
        for row in self._batches():
            f = row.fields
            title = key(f["title"])
            found = self._claim(by_title_format.get((title, f["format"]), []), used)
            if found is None:
                # the same title in another format: the item changed format, if it is the only one
                others = [w for w in by_title.get(title, []) if id(w) not in used]
                found = self._claim(others, used) if len(others) == 1 else None
            if found is None:
                new.append(self.values.new_work_item(f, order))
                moves.append((None, f.get("moves") or []))
                order += 1
            else:
                self._update_work_item(row, found)
                moves.append((found.id, f.get("moves") or []))
        ids = iter(self._create(WorkProgrammeItem, new))
        add_file_moves(self.s, ((item_id if item_id is not None else next(ids), m)
                                for item_id, m in moves), self.today, self.author)

    def _update_work_item(self, row: ImportedRow, w: WorkProgrammeItem) -> None:
        f = row.fields
        given = self._given(row)
        before = w.meeting.date if w.meeting else None
        changed = self._set(w, self.values.work_values(f, given))
        meeting_id = self._meeting_id(f["meeting_date"])
        if "meeting_date" in given and w.meeting_id != meeting_id:
            self.s.add(WorkItemMove(item=w, moved_on=self.today, from_date=before,
                                    to_date=f["meeting_date"],
                                    reason=f"as in {self.parsed.source}", author=self.author))
            w.meeting = self.meetings[f["meeting_date"]] if f["meeting_date"] else None
            changed.append("meeting_id")
        self._counted(row, w, changed)

