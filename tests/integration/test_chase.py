"""Chasing owners: workbook + email draft out, the owner's edits back in, reviewed cell by cell."""

import email
import email.policy
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.db.schema import open_database
from desktop_app.services import actions, history
from tests.conftest import DEMO_COMMITTEE


def _chase(cli, tmp_path, *extra):
    out = tmp_path / "chase"
    r = cli("chase", "--committee", DEMO_COMMITTEE, "-o", str(out), "--json", *extra)
    assert r.code == 0, r
    return out, r.json()


def test_chase_writes_one_workbook_and_draft_per_owner(cli, tmp_path):
    assert cli("demo").code == 0
    assert cli("contact", "add", "Claire Ward", "--email", "claire.ward@example.gov.uk").code == 0
    out, packs = _chase(cli, tmp_path)
    by_owner = {p["owner"]: p for p in packs}
    assert by_owner["Claire Ward"]["actions"] == 2
    assert by_owner["Richard Watson"]["actions"] == 2
    wb = load_workbook(by_owner["Claire Ward"]["workbook"])
    ws = wb["Actions"]
    texts = [ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)]
    assert texts == ["check and confirm if the Human Rights Act is highlighted as a workshop "
                     "requirement for social workers",
                     "provide an example of an induction pack for new starters"]
    assert ws.protection.sheet
    assert ws.column_dimensions["G"].hidden
    assert not ws["F2"].protection.locked
    assert ws["C2"].protection.locked
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
    ws["F2"] = "KPIs circulated to members on 1 December"
    ws["F3"] = "Friends of Ledbury details sent"
    ws["C2"] = "owner tried to reword the action"   # a locked cell: not a field we take
    ws.append(["99", None, "A row the owner added", None, None, "please add"])
    wb.save(book)
    # Meanwhile the officer updates the second action in the app.
    db = open_database(db_url)
    second_key = ws["G3"].value
    second_id = int(second_key.split(":")[1])
    actions.update_action(db, second_id, progress="Chased by phone")
    db.dispose()

    review = cli("import", book, "--committee", DEMO_COMMITTEE, "--json")
    assert review.code == 0, review
    data = review.json()
    changes = {c["id"]: c for c in data["changes"]}
    first_id = int(ws["G2"].value.split(":")[1])
    assert changes[first_id]["owner"] == "KPIs circulated to members on 1 December"
    assert not changes[first_id]["conflict"]
    assert changes[second_id]["conflict"]
    assert changes[second_id]["current"] == "Chased by phone"
    assert data["added_rows"] == [{"sheet": "Actions", "row": 4}]
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
