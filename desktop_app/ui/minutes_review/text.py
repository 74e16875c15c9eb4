"""What the minutes review screen says in words: counts, what a save did, what the tracker
holds already, and how its messages look; and the committee's name, as the minutes and the
database give it."""

from __future__ import annotations

import datetime as dt

from desktop_app.services.workspace import Database
from desktop_app.domain import dates
from desktop_app.services.minutes_reading import title_key
from desktop_app.services.minutes_import import ImportSummary

BANNER = {
    "saved": "QLabel { color: #1e4620; background: #edf7ee; border: 1px solid #a5d6a7; "
             "border-radius: 4px; padding: 8px 10px; }",
    "nothing": "QLabel { color: #1f3a60; background: #eef3fa; border: 1px solid #b9cbe3; "
               "border-radius: 4px; padding: 8px 10px; }",
}
AMBER = "color: #8a5a00;"
RED = "color: #a4262c;"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 action", "3 actions"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def and_list(parts: list[str]) -> str:
    """"a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def counts_text(recs: int, actions: int) -> str:
    """"5 recommendations, 3 actions selected"."""
    return f"{plural(recs, 'recommendation')}, {plural(actions, 'action')} selected"


def summary_text(summary: ImportSummary, left_out: tuple[int, int] = (0, 0)) -> str:
    """What a save did, in a sentence or two: created / already there / nothing new."""
    day = dates.format_uk(summary.meeting_date)
    existing = []
    if summary.recommendations_existing:
        existing.append(plural(summary.recommendations_existing, "recommendation"))
    if summary.actions_existing:
        existing.append(plural(summary.actions_existing, "action"))
    if summary.created_anything:
        added = []
        if summary.meeting_created:
            added.append("the meeting")
        if summary.items_created:
            added.append(plural(len(summary.items_created), "agenda item"))
        if summary.recommendations_created:
            added.append(plural(summary.recommendations_created, "recommendation"))
        if summary.actions_created:
            added.append(plural(summary.actions_created, "action"))
        text = f"Saved to {summary.committee}, meeting of {day}: added {and_list(added)}."
        if existing:
            text += f" Already there: {and_list(existing)}."
    else:
        text = (f"Nothing new: these minutes are already saved for the meeting of {day}"
                + (f" ({and_list(existing)} already there)." if existing else "."))
    if summary.items_updated:
        text += (" Filled in the minutes of item" + ("s " if len(summary.items_updated) > 1
                                                    else " ")
                 + and_list(summary.items_updated) + ".")
    dropped = []
    if left_out[0]:
        dropped.append(plural(left_out[0], "recommendation"))
    if left_out[1]:
        dropped.append(plural(left_out[1], "action"))
    if dropped:
        text += f" Left out as you chose: {and_list(dropped)}."
    if summary.attendance_saved:
        text += f" Recorded the attendance ({plural(summary.attendance_saved, 'person', 'people')})."
    if summary.approved_minutes_of:
        days = [dates.format_uk(dt.date.fromisoformat(d)) for d in summary.approved_minutes_of]
        text += f" Recorded the minutes of {and_list(days)} as approved at this meeting."
    for warning in summary.warnings:
        text += f"\nNote: {warning}."
    return text


def attendance_text(proposal) -> str:
    """What the minutes say of who attended and of earlier minutes approved ("" if nothing)."""
    counts: dict[str, int] = {}
    for person in getattr(proposal, "attendance", ()):
        counts[person.kind.label.lower()] = counts.get(person.kind.label.lower(), 0) + 1
    parts = []
    if counts:
        parts.append("Attendance: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())
                     + ".")
    approved = getattr(proposal, "approves_minutes_of", ())
    if approved:
        parts.append("Approves the minutes of "
                     + and_list([dates.format_uk(d) for d in approved]) + ".")
    return " ".join(parts)


def preview_text(summary: ImportSummary, recs: int, actions: int) -> str:
    """What a dry run of the whole proposal (``recs`` recommendations, ``actions`` actions)
    found: is the meeting saved, and how much of it?"""
    day = dates.format_uk(summary.meeting_date)
    if summary.meeting_created:
        return (f"The meeting of {day} is not in the tracker yet: saving adds it with its "
                f"{plural(len(summary.items_created), 'agenda item')}.")
    if not (summary.recommendations_existing or summary.actions_existing):
        return (f"The meeting of {day} is in the tracker; none of these recommendations "
                "or actions is saved yet.")
    return (f"The meeting of {day} is in the tracker, with "
            f"{summary.recommendations_existing} of these {recs} recommendations and "
            f"{summary.actions_existing} of these {actions} actions already saved: "
            "saving them again adds nothing.")


def committee_name(db: Database, committee: str) -> str:
    """The committee's full name (the window may pass a short name); as given on failure."""
    try:
        from desktop_app.services.committees import get_committee
        return get_committee(db, committee).name
    except Exception:  # noqa: BLE001 - saving reports a missing committee properly
        return committee


def named_committee(in_minutes: str, names: list[str]) -> str | None:
    """The committee of ``names`` that the minutes name ("Adults and Health Scrutiny Panel"):
    the one with the same name, else the only one whose name contains it (or is contained
    in it); None when there is none, or no single one."""
    key = title_key(in_minutes or "")
    if not key:
        return None
    exact = [n for n in names if title_key(n) == key]
    if exact:
        return exact[0]
    near = [n for n in names if same_committee(in_minutes, n)]
    return near[0] if len(near) == 1 else None


def same_committee(in_minutes: str, ours: str) -> bool:
    a, b = title_key(in_minutes), title_key(ours)
    return not a or a in b or b in a
