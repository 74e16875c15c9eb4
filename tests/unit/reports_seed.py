"""Hand-built DTOs mirroring seed 004 (Herefordshire children and young people scrutiny
committee, agenda pack for 23 November 2021), for the report tests."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.dates import publication_deadline, questions_deadline, s9fe_response_due
from desktop_app.domain.records import (
    ActionRow, AgendaItemRow, AttachmentRow, CommitteeRow, MeetingRow, MemberRow, MoveRow,
    RecommendationRow, UpdateRow, WorkItemRow,
)

D = dt.date
AS_AT = D(2021, 11, 23)
LAST_MEETING = D(2021, 10, 12)

COMMITTEE = CommitteeRow(
    id=1, name="Children and Young People Scrutiny Committee", short_name="CYPSC",
    council="Herefordshire Council",
    contact="Sarah Buffrey, Democratic Services Officer\nTel: 01432 260176\n"
            "Email: sarah.buffrey@herefordshire.gov.uk")

MEMBERS = (
    MemberRow(1, "Phillip Howells", "chair", True),
    MemberRow(2, "Jennie Hewitt", "vice_chair", True),
    MemberRow(3, "Graham Andrews", "councillor", True),
    MemberRow(4, "Toni Fagan", "councillor", True),
    MemberRow(5, "Helen l'Anson", "councillor", True),
    MemberRow(6, "Mike Jones", "councillor", True),
    MemberRow(7, "Jim Kenyon", "councillor", False),
    MemberRow(8, "David Summers", "councillor", True),
    MemberRow(9, "Andy James", "co_optee", False),
    MemberRow(10, "Sam Pratley", "co_optee", False),
)

EXEMPT_SECRET = "Tender evaluation: HOPE Family Centre bid £412,750 scored 61%"


def _item(meeting_id: int, n: int, number: str, title: str, purpose: str = "", *,
          minutes: str = "", exempt: bool = False, paragraph: str = "",
          attachments: tuple[AttachmentRow, ...] = ()) -> AgendaItemRow:
    return AgendaItemRow(
        id=meeting_id * 100 + n, meeting_id=meeting_id, number=number, title=title,
        purpose=purpose, scrutiny_type="", lead_officers="", exempt=exempt,
        exempt_paragraph=paragraph, minutes_text=minutes, incomplete=False,
        attachments=attachments)


def _meeting(mid: int, day: dt.date, kind: str, items=(), status="scheduled",
             minute_start=None) -> MeetingRow:
    return MeetingRow(id=mid, committee_id=1, date=day, time=dt.time(14, 30),
                      venue="Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE",
                      kind=kind, status=status, publication_deadline=publication_deadline(day),
                      questions_deadline=questions_deadline(day), minute_start=minute_start,
                      items=tuple(items))


OCT_ITEMS = (
    _item(3, 1, "1", "Apologies for absence", minutes="There were no apologies for absence."),
    _item(3, 2, "2", "Named substitutes", minutes="There were no named substitutes."),
    _item(3, 3, "3", "Declarations of interest", minutes="There were no declarations of interest."),
    _item(3, 4, "4", "Minutes", minutes="Resolved: It was resolved that the minutes of 7 September "
          "2021 be approved as an accurate record and signed by the Chairperson."),
    _item(3, 5, "5", "Provision of children centre service in the Bromyard area",
          minutes="The Children’s Commissioning Manager introduced the report the purpose of which "
          "was to consider proposals for the provision of Early Help Children’s Centre Service for "
          "the Bromyard area from 1 April 2022.\nThe recommendations below were proposed and "
          "seconded and carried unanimously."),
    _item(3, 6, "6", "Contract award: children’s centre services", exempt=True, paragraph="3",
          minutes="Resolved: " + EXEMPT_SECRET + "."),
    _item(3, 7, "7", "Work programme review", minutes="The Committee reviewed the draft work "
          "programme for 2021/22 and discussed priorities for the following two meetings."),
)

MEETINGS = (
    _meeting(1, D(2021, 8, 5), "mainstream", status="held"),
    _meeting(2, D(2021, 9, 7), "improvement_focus", status="held"),
    _meeting(3, D(2021, 10, 12), "mainstream", OCT_ITEMS, status="held", minute_start=33),
    _meeting(4, D(2021, 11, 23), "improvement_focus", status="scheduled"),
    _meeting(5, D(2021, 12, 7), "mainstream"),
    _meeting(6, D(2022, 1, 11), "mainstream"),
    _meeting(7, D(2022, 3, 22), "mainstream"),
)


def nov_items(attachment_paths: dict[str, str] | None = None) -> tuple[AgendaItemRow, ...]:
    paths = attachment_paths or {}

    def att(key: str, title: str) -> tuple[AttachmentRow, ...]:
        return (AttachmentRow(len(key), paths[key], title),) if key in paths else ()

    return (
        _item(4, 1, "1", "Apologies for absence", "To receive apologies for absence."),
        _item(4, 2, "2", "Named substitutes", "To receive details of members nominated to attend "
              "the meeting in place of a member of the committee."),
        _item(4, 3, "3", "Declarations of interest", "To receive declarations of interest in "
              "respect of Schedule 1, Schedule 2 or Other Interests from members of the committee "
              "in respect of items on the agenda."),
        _item(4, 4, "4", "Minutes", "To approve and sign the minutes of the meeting on "
              "12 October 2021."),
        _item(4, 5, "5", "Questions from members of the public", "To receive any written "
              "questions from members of the public."),
        _item(4, 6, "6", "Questions from members of the council", "To receive any written "
              "questions from members of the Council."),
        _item(4, 7, "7", "Annual independent reviewing officers report", "To receive the Annual "
              "Independent Reviewing Officers (IRO) Report for 2020-21.",
              attachments=att("iro", "Independent Reviewing Officers Annual Report")),
        _item(4, 8, "8", "Children improvement plan - progress update", "To receive an update on "
              "the progress of the Children Improvement Plan.",
              attachments=att("improvement", "Improvement plan update")),
        _item(4, 9, "9", "Work programme review", "To review the attached work programme for "
              "2021/22 and responses to recommendations previously made by the Committee.",
              attachments=att("wp_report", "Work programme review report")),
        _item(4, 10, "10", "Exit interviews in children’s services", "To consider the themes "
              "arising from exit interviews with social workers.", exempt=True, paragraph="1",
              attachments=att("secret", "Exit interview themes")),
        _item(4, 11, "11", "Date of next meeting", "Tuesday 7 December 2021 at 2:30pm."),
    )


def _action(ref: str, meeting_id: int | None, meeting: dt.date, item: str, text: str, owner: str,
            directorate: str, progress: str, due: dt.date, *, status="open", overdue=False,
            new=False, updated=False, reported=None, completed_on=None) -> ActionRow:
    return ActionRow(
        id=int(ref), version=1, committee_id=1, committee=COMMITTEE.name, ref=ref,
        meeting_id=meeting_id, meeting_date=meeting, item=item, text=text, owner=owner,
        directorate=directorate, progress=progress, due_date=due, due_text="", status=status,
        completed_on=completed_on, overdue=overdue, reported_complete_on=reported,
        new_since_last_meeting=new, updated_since_last_meeting=updated,
        updates=(UpdateRow(1, D(2021, 11, 1), progress, "Sarah Buffrey"),) if progress else ())


ACTIONS = (
    _action("1", 2, D(2021, 9, 7), "Update on children's legal team improvement plan",
            "check and confirm if the Human Rights Act is highlighted as a workshop requirement "
            "for social workers", "Claire Ward", "Corporate Centre", "Legal services checking",
            D(2021, 11, 2), overdue=True),
    _action("2", 2, D(2021, 9, 7), "Update on children's legal team improvement plan",
            "provide an example of an induction pack for new starters", "Claire Ward",
            "Corporate Centre", "Legal services checking", D(2021, 11, 2), overdue=True,
            updated=True),
    _action("3", 2, D(2021, 9, 7), "Work programme review", "seek an update on the schools "
            "update briefing promised on 28 July 2020.", "Clerk to the committee",
            "Corporate Centre", "Updates added to recommendation tracker", D(2021, 11, 2),
            status="completed", completed_on=D(2021, 11, 1), updated=True),
    _action("4", 1, D(2021, 8, 5), "Co-optee membership of scrutiny committees",
            "Advertise and recruit to the Co-optee positions", "Clerk to the committee",
            "Corporate Centre", "In progress.", D(2021, 9, 1), overdue=True),
    _action("5", 3, D(2021, 10, 12), "Provision of children centre service in the Bromyard area",
            "Circulate to the Committee the Key Performance Indicators (KPIs) of the Children's "
            "Centre Service contracts, with comparisons of the different providers used within "
            "the County.", "Richard Watson", "", "To be completed", D(2021, 12, 7), new=True),
    _action("6", 3, D(2021, 10, 12), "Provision of children centre service in the Bromyard area",
            "The Deputy Monitoring Officer to provide the Committee with the current procurement "
            "rules, including the guidance on current exemptions to these rules.", "Kate Charlton",
            "Corporate Centre", "Legal services checking", D(2021, 12, 7), new=True),
    _action("7", 3, D(2021, 10, 12), "Provision of children centre service in the Bromyard area",
            "Information on the Friends of Ledbury to be forwarded to the Committee.",
            "Richard Watson", "", "To be completed", D(2021, 12, 7), new=True),
)

REPORTED_ACTION = _action(
    "0", 1, D(2021, 8, 5), "Youth Justice Plan 2021-2022",
    "Provide a written briefing on diversionary schemes and activities", "Keith Barham",
    "Children and Families", "Briefing received and circulated to members of the committee.",
    D(2021, 9, 7), status="completed", completed_on=D(2021, 9, 1), reported=D(2021, 10, 12))


def _rec(rid: int, meeting_id: int, meeting: dt.date, item: str, label: str, text: str, *,
         response: str = "", verdict: str = "awaiting", sent: dt.date | None = None,
         status: str = "open", new=False, updated=False) -> RecommendationRow:
    due = s9fe_response_due(sent) if sent else None
    overdue = bool(due and verdict == "awaiting" and due < AS_AT)
    return RecommendationRow(
        id=rid, version=1, committee_id=1, committee=COMMITTEE.name, meeting_id=meeting_id,
        meeting_date=meeting, item=item, label=label, text=text, addressee="Cabinet",
        sent_on=sent, response=response, verdict=verdict, response_due=due,
        response_overdue=overdue, status=status, new_since_last_meeting=new,
        updated_since_last_meeting=updated)


RECOMMENDATIONS = (
    _rec(1, 1, D(2021, 8, 5), "Youth Justice Plan 2021-2022", "",
         "The committee endorse the Youth Justice Plan 2021-2022 for presentation to Council.",
         response="Noted. Presentation of the plan to Cabinet for recommendation to Council has "
         "been delayed.", verdict="noted", sent=D(2021, 8, 9)),
    _rec(2, 1, D(2021, 8, 5), "Youth Justice Plan 2021-2022", "",
         "A written briefing be provided on diversionary schemes and activities.",
         response="Briefing received and circulated to members of the committee.",
         verdict="accepted", sent=D(2021, 8, 9), status="completed"),
    _rec(3, 1, D(2021, 8, 5), "Co-optee membership of scrutiny committees", "",
         "The process for the appointment of co-optees set out in appendix one is adopted.",
         response="Noted.", verdict="accepted", sent=D(2021, 8, 9)),
    _rec(4, 2, D(2021, 9, 7), "Children's services improvement journey", "",
         "That progress on development with heat maps be shared with the committee by "
         "23 November 2021", sent=D(2021, 9, 8)),
    _rec(5, 2, D(2021, 9, 7), "Update on children's legal team improvement plan", "",
         "The committee notes the progress made to date and the plan to continue with "
         "improvements in the Children's Legal Team", response="Noted.", verdict="noted",
         sent=D(2021, 9, 8), updated=True),
    _rec(6, 3, D(2021, 10, 12), "Provision of children centre service in the Bromyard area", "(a)",
         "That the Executive consider if an exemption to the contract procedure rules should be "
         "applied for.", sent=D(2021, 10, 14), new=True),
    _rec(7, 3, D(2021, 10, 12), "Provision of children centre service in the Bromyard area", "(b)",
         "That the Executive consider whether further market testing should be carried out to "
         "evidence if there are any other potential providers and include details of what they "
         "will be asked to tender for.", sent=D(2021, 10, 14), new=True),
    _rec(8, 3, D(2021, 10, 12), "Effective scrutiny of children's services: training and "
         "development offer", "(b)", "The Chairperson and Vice-Chairperson to draft a response to "
         "the self-assessment tool after completing the Leadership Essentials Course and then "
         "discuss with Committee members in November 2021", response="Completed",
         verdict="accepted", sent=D(2021, 10, 14), status="completed", new=True),
    _rec(9, 3, D(2021, 10, 12), "Contract award: children’s centre services", "",
         "That " + EXEMPT_SECRET + " be reconsidered.", sent=D(2021, 10, 14), new=True),
)


def _work(wid: int, title: str, fmt: str, *, scrutiny: str = "", origin: str = "", lead: str = "",
          position: str = "", meeting_id: int | None = None, meeting: dt.date | None = None,
          target: str = "", target_date: dt.date | None = None, status: str = "scheduled",
          moves=()) -> WorkItemRow:
    return WorkItemRow(id=wid, version=1, committee_id=1, title=title, format=fmt,
                       scrutiny_type=scrutiny, origin=origin, lead=lead, position=position,
                       meeting_id=meeting_id, meeting_date=meeting, target=target,
                       target_date=target_date, status=status, sort_order=wid, moves=tuple(moves))


WORK_ITEMS = (
    _work(1, "Youth Justice Plan", "agenda_item",
          scrutiny="Pre-decision call-in of Policy Framework item",
          origin="Standard annual item to endorse the current plan for approval by Council.",
          lead="Keith Barham, Head of Service, West Mercia Youth Justice Service",
          position="Agenda published 28 July.", meeting_id=1, meeting=D(2021, 8, 5),
          status="delivered"),
    _work(2, "Improvement Plan timescales report", "agenda_item", scrutiny="Performance review",
          origin="The committee received a report on 20 May 2021 on developments in the "
          "children’s legal team.", lead="Cath Knowles, Interim Director for Children and "
          "Families\nKate Charlton, Interim Head of Legal Services", position="",
          meeting_id=2, meeting=D(2021, 9, 7), status="delivered",
          moves=(MoveRow(D(2021, 7, 16), D(2021, 7, 27), D(2021, 9, 7), "", "Sarah Buffrey"),)),
    _work(3, "Children's Centre services, Bromyard", "agenda_item",
          scrutiny="Pre-decision scrutiny", origin="The committee undertook pre-decision "
          "scrutiny on 19 January 2021.", lead="Richard Watson, Childrens Joint Commissioning "
          "Manager", position="A further decision on the future of the contract beyond March "
          "2022 will need to be taken in the autumn of 2021.", meeting_id=3,
          meeting=D(2021, 10, 12), status="delivered"),
    _work(4, "Independent Review Officer Report", "annual_report", scrutiny="Performance review",
          lead="Matthew Sampson", position="Scheduled", meeting_id=4, meeting=D(2021, 11, 23),
          moves=(MoveRow(D(2021, 10, 12), D(2021, 10, 12), D(2021, 11, 23),
                         "Workshop first", "Sarah Buffrey"),)),
    _work(5, "Carers Portal", "agenda_item", lead="Matthew Sampson",
          position="Will discuss in briefing", meeting_id=4, meeting=D(2021, 11, 23)),
    _work(6, "Public Health – Dental Health and Childhood Obesity", "agenda_item",
          scrutiny="Performance review", origin="Current work programme.",
          position="Discussion to be had on whether this is an information item that can be "
          "better covered by a briefing note", meeting_id=5, meeting=D(2021, 12, 7)),
    _work(7, "Budget and Medium Term Financial Strategy (MTFS)", "annual_report",
          scrutiny="Pre-decision call in / policy review and development – Annual Report",
          lead="Andrew Lovegrove, Acting Deputy Chief Executive - Chief Finance Officer",
          position="Arrangements for consideration of the budget may change.", meeting_id=6,
          meeting=D(2022, 1, 11)),
    _work(8, "Work programme 2022/23", "agenda_item", origin="Standard annual item",
          lead="Clerk to the committee", meeting_id=7, meeting=D(2022, 3, 22)),
    _work(9, "Corporate Parenting Strategy", "annual_report",
          scrutiny="Performance review – Annual Report", origin="Standard annual item.",
          lead="Andrews Osei, Interim AD Corporate Parenting", position="Deferred from 27 July "
          "meeting", status="proposed"),
    _work(10, "Mental health", "agenda_item", scrutiny="Performance review",
          origin="The committee received a report on 23 March 2021 on Children and Young People's "
          "mental health.", lead="Ceri Morgan, Assistant Director Education Development and "
          "Skills", status="deferred",
          moves=(MoveRow(D(2021, 8, 5), D(2021, 10, 12), None, "Deferred during discussion of the "
                         "work programme", "Sarah Buffrey"),)),
    _work(11, "IRO service and carers portal", "workshop", origin="Agreed at committee "
          "12 October 2021", position="Date to be confirmed"),
    _work(12, "Paediatric therapies", "task_and_finish",
          position="Scoping document approved at committee meeting 30 April 2021"),
    _work(13, "Not in Education, Employment or Training (NEETs)", "task_and_finish",
          position="T&F proposed", status="proposed"),
    _work(14, "Outcome of the audit of the reduction in child protection plans", "briefing_note",
          target="Summer 2021"),
    _work(15, "Kick Start Programme", "briefing_note", target="June / July 2021",
          position="Requested at committee meeting 30 April 2021."),
    _work(16, "Impact of pandemic on opportunities for school and care leavers", "briefing_note",
          target_date=D(2021, 10, 12), lead="Ceri Morgan, Assistant Director Education "
          "Development and Skills", position="Agreed to receive as a written briefing."),
)


# ------------------------------------------------------------------ helpers for reading PDFs back

def pdf_bytes(build, *args, **kwargs) -> bytes:
    """Run a build_* function into memory and return the PDF bytes."""
    import io
    out = io.BytesIO()
    build(out, *args, **kwargs)
    return out.getvalue()


def reader(data: bytes):
    import io

    from pypdf import PdfReader
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def flat(text: str) -> str:
    """Text with all runs of whitespace made single spaces (wrapped lines joined)."""
    return " ".join(text.split())


def make_pdf(path, title: str, pages: int, *, size=None, rotate: int = 0) -> str:
    """A small attachment: ``pages`` pages saying "<title> page N"."""
    from pathlib import Path

    from pypdf import PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    size = size or A4
    canv = Canvas(str(path), pagesize=size, invariant=1)
    for n in range(1, pages + 1):
        canv.setFont("Helvetica", 14)
        canv.drawString(72, size[1] - 100, f"{title} page {n}")
        canv.showPage()
    canv.save()
    if rotate:
        r = reader(Path(path).read_bytes())
        writer = PdfWriter()
        for page in r.pages:
            writer.add_page(page).rotate(rotate)
        with open(path, "wb") as fh:
            writer.write(fh)
    return str(path)
