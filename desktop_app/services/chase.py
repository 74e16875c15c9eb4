"""Chasing owners: one workbook and one email draft per owner, and reading their answers back.

Owners live in Outlook and Excel, not in this app. Each gets a workbook of just their rows, with
the progress (or response) column open for typing and everything else locked, and a hidden
key per row. When the workbook comes back, each cell the owner changed is compared with the
value it had when sent and with the value in the app now, so the officer can accept or reject
each change, and sees a conflict when someone changed the same cell in the app meanwhile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Collection
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, format_datetime
from pathlib import Path

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.domain.dates import format_uk
from desktop_app.domain.names import clean_name, clean_text, email_problem, file_stem, unique_stems
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.exporters.chase_xlsx import (ACTION_FIELDS, MARK, META_SHEET, REC_FIELDS,
                                              VERDICT_WORDS, build_workbook)
from desktop_app.services import actions, committees, contacts, recommendations
from desktop_app.services.common import today
from desktop_app.services.errors import ServiceError

# the key sheet's names live with the workbook (exporters.chase_xlsx); the return reads them here
__all__ = ["ACTION_FIELDS", "MARK", "META_SHEET", "REC_FIELDS", "VERDICT_WORDS", "ChasePack",
           "build_workbook", "chase_owners"]


@dataclasses.dataclass
class ChasePack:
    owner: str
    email: str
    workbook: Path
    draft: Path
    actions: int
    overdue: int
    responses: int


def _letter(committee: str, owner: str, acts: list[ActionRow], recs: list[RecommendationRow],
            now: dt.date, reply_by: dt.date, officer: str) -> str:
    overdue = [a for a in acts if a.overdue]
    lines = [f"Dear {owner},", "",
             f"I am writing on behalf of the {committee} to ask for an update on "
             + ("the actions" if acts else "") + (" and " if acts and recs else "")
             + ("the recommendations" if recs else "") + " listed in the attached workbook.", ""]
    if overdue:
        lines.append("The following are now past their due date:")
        for a in overdue:
            lines.append(f"  - {a.ref}: {a.text} (due {format_uk(a.due_date)})")
        lines.append("")
    if recs:
        lines.append(f"{len(recs)} recommendation(s) await the executive's response, which is due "
                     "within two months of being sent (Local Government Act 2000, s.9FE).")
        lines.append("")
    lines += ["Please type your update in the yellow column of the workbook, save it and send "
              f"it back to me by {format_uk(reply_by)}, so that it can be reported to the "
              "committee. Please do not add or delete rows.", "",
              "Thank you for your help.", "", "Kind regards,", officer, "",
              f"Sent {format_uk(now)}"]
    return "\n".join(lines)


_PLAIN_NAME = re.compile(r"^[\w .'-]+$")


def _draft(committee: str, name: str, email: str, reply_by: dt.date, now: dt.date,
           letter: str, book: Path) -> bytes:
    """The email draft: every header from tidied one-line text (never a second header), the
    address only when it is one."""
    msg = EmailMessage()
    display = clean_name(name) or "owner"
    if email and not email_problem(email):
        msg["To"] = formataddr((display, email))
    elif _PLAIN_NAME.match(display):
        msg["To"] = display         # Outlook finds the address from the name
    # else no To: a name with address punctuation would be read as addresses ("Bob Bcc: x@y")
    msg["Subject"] = f"{clean_name(committee)}: update requested by {format_uk(reply_by)}"
    msg["Date"] = format_datetime(dt.datetime.combine(now, dt.time(9)).astimezone())
    msg["X-Unsent"] = "1"  # Outlook opens the file as a draft to send
    msg.set_content(clean_text(letter))
    msg.add_attachment(book.read_bytes(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       filename=book.name)
    return msg.as_bytes(policy=SMTP)   # CRLF line ends, as .eml files have


def chase_owners(db: Database, committee: str, out_dir: Path, owner: str | None = None,
                 officer: str | None = None, now: dt.date | None = None,
                 reply_days: int = 10,
                 only: Collection[str] | None = None) -> list[ChasePack]:
    """A workbook and an email draft per owner in ``out_dir``: every owner's files or none
    (they are made in a temporary folder inside ``out_dir`` and moved into place at the end),
    each owner's file names unique even ignoring case. ``only``: just these people (the
    owners of the actions selected in the window)."""
    now = now or today()
    by_owner: dict[str, list[ActionRow]] = defaultdict(list)
    for a in actions.list_actions(db, committee, "open", now=now):
        if clean_name(a.owner):
            by_owner[clean_name(a.owner)].append(a)
    recs_by: dict[str, list[RecommendationRow]] = defaultdict(list)
    for r in recommendations.list_recommendations(db, committee, "awaiting-response", now=now):
        if clean_name(r.addressee):
            recs_by[clean_name(r.addressee)].append(r)
    names = sorted(set(by_owner) | set(recs_by))
    if only is not None:
        wanted = {clean_name(n).casefold() for n in only}
        names = [n for n in names if n.casefold() in wanted]
        if not names:
            raise ServiceError("none of the people chosen has open actions or responses due in "
                               f"{committee}")
    if owner:
        names = [n for n in names if n.casefold() == clean_name(owner).casefold()]
        if not names:
            raise ServiceError(f"{clean_name(owner)!r} has no open actions or responses due in "
                               f"{committee}")
    officer = clean_name(officer or audit.current_user())
    reply_by = now + dt.timedelta(days=reply_days)
    committee_name = committees.get_committee(db, committee).name
    stems = unique_stems(names)
    if out_dir.exists() and not out_dir.is_dir():
        raise ServiceError(f"{out_dir}: not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".chase-", dir=out_dir))
    except OSError as exc:
        why = ("permission denied" if isinstance(exc, PermissionError)
               else exc.strerror or str(exc))
        raise ServiceError(f"{out_dir}: cannot make the folder or write in it: {why}") \
            from None
    packs: list[ChasePack] = []
    try:
        for name in names:
            acts, recs = by_owner.get(name, []), recs_by.get(name, [])
            stem = f"{file_stem(committee_name)} - {stems[name]} - {now:%Y-%m-%d}"
            book = work / f"{stem}.xlsx"
            build_workbook(book, committee_name, name, acts, recs, now)
            contact = contacts.find_contact(db, name)
            email = contact.email if contact and not email_problem(contact.email or "") else ""
            draft = work / f"{stem}.eml"
            draft.write_bytes(_draft(committee_name, name, email, reply_by, now,
                                     _letter(committee_name, name, acts, recs, now, reply_by,
                                             officer), book))
            packs.append(ChasePack(name, email, out_dir / book.name, out_dir / draft.name,
                                   len(acts), sum(a.overdue for a in acts), len(recs)))
        for pack in packs:   # every file made: now into place
            for made in (pack.workbook, pack.draft):
                os.replace(work / made.name, made)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return packs
