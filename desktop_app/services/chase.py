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
import json
from collections import defaultdict
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, format_datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import Verdict
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.services import actions, committees, contacts, recommendations
from desktop_app.services.common import today
from desktop_app.services.errors import ServiceError

META_SHEET = "_scrutiny_tracker"
MARK = "scrutiny-tracker chase v1"
ACTION_FIELDS = {"progress": "Progress update"}
REC_FIELDS = {"response": "Executive response", "verdict": "Verdict"}
VERDICT_WORDS = [v.value.replace("_", " ") for v in Verdict]
_HEAD = Font(bold=True, color="FFFFFF")
_FILL = PatternFill("solid", fgColor="1F3A5F")
_OPEN = PatternFill("solid", fgColor="FFF8DC")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclasses.dataclass
class ChasePack:
    owner: str
    email: str
    workbook: Path
    draft: Path
    actions: int
    overdue: int
    responses: int


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip() or "owner"


def _text_cell(ws, row: int, col: int, value, editable: bool = False):
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever the text begins with
        if value[:1] in ("=", "+", "-", "@", "\t"):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "dd/mm/yyyy"
    cell.alignment = _WRAP
    if editable:
        cell.protection = Protection(locked=False)
        cell.fill = _OPEN
    return cell


def _sheet(wb: Workbook, title: str, headers: list[tuple[str, int]]):
    ws = wb.create_sheet(title)
    for col, (text, width) in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill = _HEAD, _FILL
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"
    return ws


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


def build_workbook(path: Path, committee: str, owner: str, acts: list[ActionRow],
                   recs: list[RecommendationRow], now: dt.date) -> None:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the blank sheet a new workbook starts with
    original: dict[str, dict[str, str]] = {}
    if acts:
        ws = _sheet(wb, "Actions", [("Ref", 7), ("Meeting", 12), ("Action", 60), ("Due date", 12),
                                    ("Status", 10), ("Progress update", 60), ("Key", 4)])
        for r, a in enumerate(acts, start=2):
            key = f"action:{a.id}:{a.version}"
            _text_cell(ws, r, 1, a.ref)
            _text_cell(ws, r, 2, a.meeting_date)
            _text_cell(ws, r, 3, a.text)
            _text_cell(ws, r, 4, a.due_date or a.due_text)
            status = _text_cell(ws, r, 5, "OVERDUE" if a.overdue else "Open")
            if a.overdue:
                status.font = Font(bold=True, color="B3261E")
            _text_cell(ws, r, 6, a.progress, editable=True)
            _text_cell(ws, r, 7, key)
            original[key] = {"progress": a.progress}
        ws.column_dimensions["G"].hidden = True
        _protect(ws)
    if recs:
        ws = _sheet(wb, "Responses", [("Meeting", 12), ("Item", 28), ("Recommendation", 55),
                                      ("Response due", 12), ("Executive response", 55),
                                      ("Verdict", 16), ("Key", 4)])
        dv = DataValidation(type="list", formula1='"' + ",".join(VERDICT_WORDS) + '"',
                            allow_blank=True)
        ws.add_data_validation(dv)
        for r, rec in enumerate(recs, start=2):
            key = f"recommendation:{rec.id}:{rec.version}"
            _text_cell(ws, r, 1, rec.meeting_date)
            _text_cell(ws, r, 2, rec.item)
            _text_cell(ws, r, 3, f"{rec.label} {rec.text}".strip())
            _text_cell(ws, r, 4, rec.response_due)
            _text_cell(ws, r, 5, rec.response, editable=True)
            _text_cell(ws, r, 6, rec.verdict.replace("_", " "), editable=True)
            dv.add(f"F{r}")
            _text_cell(ws, r, 7, key)
            original[key] = {"response": rec.response, "verdict": rec.verdict}
        ws.column_dimensions["G"].hidden = True
        _protect(ws)
    meta = wb.create_sheet(META_SHEET)
    meta["A1"], meta["B1"] = "mark", MARK
    meta["A2"], meta["B2"] = "committee", committee
    meta["A3"], meta["B3"] = "owner", owner
    meta["A4"], meta["B4"] = "sent", now.isoformat()
    meta["A5"], meta["B5"] = "original", json.dumps(original, ensure_ascii=False)
    meta.sheet_state = "veryHidden"
    _protect(meta)
    tmp = path.with_suffix(".xlsx.part")
    wb.save(tmp)
    tmp.replace(path)


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


def chase_owners(db: Database, committee: str, out_dir: Path, owner: str | None = None,
                 officer: str | None = None, now: dt.date | None = None,
                 reply_days: int = 10) -> list[ChasePack]:
    now = now or today()
    out_dir.mkdir(parents=True, exist_ok=True)
    by_owner: dict[str, list[ActionRow]] = defaultdict(list)
    for a in actions.list_actions(db, committee, "open", now=now):
        if a.owner.strip():
            by_owner[a.owner.strip()].append(a)
    recs_by: dict[str, list[RecommendationRow]] = defaultdict(list)
    for r in recommendations.list_recommendations(db, committee, "awaiting-response", now=now):
        if r.addressee.strip():
            recs_by[r.addressee.strip()].append(r)
    names = sorted(set(by_owner) | set(recs_by))
    if owner:
        names = [n for n in names if n.lower() == owner.strip().lower()]
        if not names:
            raise ServiceError(f"{owner!r} has no open actions or responses due in {committee}")
    officer = officer or audit.current_user()
    reply_by = now + dt.timedelta(days=reply_days)
    packs = []
    committee_name = committees.get_committee(db, committee).name
    for name in names:
        acts, recs = by_owner.get(name, []), recs_by.get(name, [])
        stem = f"{_safe(committee_name)} - {_safe(name)} - {now:%Y-%m-%d}"
        book = out_dir / f"{stem}.xlsx"
        build_workbook(book, committee_name, name, acts, recs, now)
        contact = contacts.find_contact(db, name)
        msg = EmailMessage()
        msg["To"] = formataddr((name, contact.email)) if contact and contact.email else name
        msg["Subject"] = f"{committee_name}: update requested by {format_uk(reply_by)}"
        msg["Date"] = format_datetime(dt.datetime.combine(now, dt.time(9)).astimezone())
        msg["X-Unsent"] = "1"  # Outlook opens the file as a draft to send
        msg.set_content(_letter(committee_name, name, acts, recs, now, reply_by, officer))
        msg.add_attachment(book.read_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename=book.name)
        draft = out_dir / f"{stem}.eml"
        draft.write_bytes(msg.as_bytes(policy=SMTP))   # CRLF line ends, as .eml files have
        packs.append(ChasePack(name, contact.email if contact else "", book, draft, len(acts),
                               sum(a.overdue for a in acts), len(recs)))
    return packs
