"""Chasing owners: workbook + email draft out, the owner's edits back in, reviewed cell by cell."""

import email
import email.policy
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.db.schema import open_database
from desktop_app.services import actions, history
from tests.conftest import DEMO_COMMITTEE


NOV_12 = {"SCRUTINY_TRACKER_TODAY": "2021-11-12"}


def _chase(cli, tmp_path, *extra, env=None):
    out = tmp_path / "chase"
    r = cli("chase", "--committee", DEMO_COMMITTEE, "-o", str(out), "--json", *extra, env=env)
    assert r.code == 0, r
    return out, r.json()


def test_chase_writes_one_workbook_and_draft_per_owner(cli, tmp_path):
    assert cli("demo").code == 0
    assert cli("contact", "add", "Claire Ward", "--email", "claire.ward@example.gov.uk").code == 0
    out, packs = _chase(cli, tmp_path, env=NOV_12)
    by_owner = {p["owner"]: p for p in packs}
    assert by_owner["Claire Ward"]["actions"] == 2
    assert by_owner["Richard Watson"]["actions"] == 2
    wb = load_workbook(by_owner["Claire Ward"]["workbook"])
    ws = wb["Actions"]
    # the first thing an owner reads: whose rows, and the day they are as at (the clock's)
    assert ws["A1"].value == (
        "Actions for Claire Ward, Children and Young People Scrutiny Committee, as at "
        "12 November 2021. OVERDUE: past its due date on that day. Please type your update "
        "in the shaded column.")
    assert [ws.cell(row=2, column=c).value for c in (1, 5, 6)] == [
        "Ref", "Status", "Progress update"]
    assert [ws.cell(row=r, column=5).value for r in (3, 4)] == ["OVERDUE", "OVERDUE"]
    texts = [ws.cell(row=r, column=3).value for r in range(3, ws.max_row + 1)]
    assert texts == ["check and confirm if the Human Rights Act is highlighted as a workshop "
                     "requirement for social workers",
                     "provide an example of an induction pack for new starters"]
    assert ws.protection.sheet
    assert ws.column_dimensions["G"].hidden
    assert not ws["F3"].protection.locked
    assert ws["C3"].protection.locked
    assert ws["A1"].protection.locked
    assert wb["_scrutiny_tracker"].sheet_state == "veryHidden"
    msg = email.message_from_bytes(Path(by_owner["Claire Ward"]["draft"]).read_bytes(),
                                   policy=email.policy.default)
    assert msg["To"] == "Claire Ward <claire.ward@example.gov.uk>"
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Dear Claire Ward,")
    assert "past their due date" in body
    assert "induction pack" in body
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename().endswith(".xlsx")


def test_round_trip_owner_edit_accepted_with_owner_as_author_and_conflict_shown(cli, tmp_path, db_url):
    assert cli("demo").code == 0
    out, packs = _chase(cli, tmp_path, "--owner", "Richard Watson")
    (pack,) = packs
    book = pack["workbook"]
    # The owner types updates into both rows, as an owner would in Excel.
    wb = load_workbook(book)
    ws = wb["Actions"]
    ws["F3"] = "KPIs circulated to members on 1 December"
    ws["F4"] = "Friends of Ledbury details sent"
    ws["C3"] = "owner tried to reword the action"   # a locked cell: not a field we take
    ws.append(["99", None, "A row the owner added", None, None, "please add"])
    wb.save(book)
    # Meanwhile the officer updates the second action in the app.
    db = open_database(db_url)
    second_key = ws["G4"].value
    second_id = int(second_key.split(":")[1])
    actions.update_action(db, second_id, progress="Chased by phone")
    db.dispose()

    review = cli("import", book, "--committee", DEMO_COMMITTEE, "--json")
    assert review.code == 0, review
    data = review.json()
    changes = {c["id"]: c for c in data["changes"]}
    first_id = int(ws["G3"].value.split(":")[1])
    assert changes[first_id]["owner"] == "KPIs circulated to members on 1 December"
    assert not changes[first_id]["conflict"]
    assert changes[second_id]["conflict"]
    assert changes[second_id]["current"] == "Chased by phone"
    assert data["added_rows"] == [{"sheet": "Actions", "row": 5}]
    assert data["applied"] == 0  # reviewing applies nothing

    applied = cli("import", book, "--committee", DEMO_COMMITTEE, "--accept", "non-conflicting")
    assert applied.code == 0, applied
    db = open_database(db_url)
    try:
        first = actions.get_action(db, first_id)
        assert first.progress == "KPIs circulated to members on 1 December"
        assert first.updates[-1].author == "Richard Watson"
        assert actions.get_action(db, second_id).progress == "Chased by phone"
        trail = history.history(db, DEMO_COMMITTEE, "actions", first_id)
        assert ("Richard Watson", "progress", "KPIs circulated to members on 1 December") in [
            (t.who, t.field, t.new) for t in trail]
        assert "owner tried" not in first.text
    finally:
        db.dispose()


OLD_LAYOUT = Path(__file__).parents[1] / "fixtures" / "chase" / "old-layout-claire-ward-2021-11-12.xlsx"


def test_a_workbook_sent_before_the_as_at_line_still_reads_back(demo_db, tmp_path):
    """A workbook already sent out by the code before the as-at line (header in row 1, records
    from row 2), kept as it was written: `chase` of the demo committee on 12 November 2021."""
    import shutil

    from desktop_app.services.chase_return import apply_changes, read_returned, select_changes
    book = tmp_path / OLD_LAYOUT.name
    shutil.copy(OLD_LAYOUT, book)
    wb = load_workbook(book)
    ws = wb["Actions"]
    assert ws["A1"].value == "Ref"           # made the old way: no line above the headers
    ws["F2"] = "Human Rights Act confirmed in the workshop plan"
    ws.append(["9", None, "A row the owner added", None, None, "please add"])
    wb.save(book)
    review = read_returned(demo_db, book)
    assert (review.owner, review.sent) == ("Claire Ward", "2021-11-12")
    assert [(c.id, c.row, c.owner) for c in review.changes] == [
        (1, 2, "Human Rights Act confirmed in the workshop plan")]
    assert review.added_rows == [("Actions", 4)]
    assert review.deleted == []
    assert apply_changes(demo_db, review, select_changes(review, "all")) == 1
    assert actions.get_action(demo_db, 1).progress == (
        "Human Rights Act confirmed in the workshop plan")
