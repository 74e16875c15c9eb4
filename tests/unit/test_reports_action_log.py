"""The action log PDF, read back with pypdf: seed 004's rows, markers, sections, pages."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.reports.action_log import build_action_log
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, page_texts, pdf_bytes, reader


def _log(actions=S.ACTIONS + (S.REPORTED_ACTION,), **kw) -> bytes:
    kw.setdefault("committee", S.COMMITTEE)
    kw.setdefault("as_at", S.AS_AT)
    kw.setdefault("meetings", S.MEETINGS)
    kw.setdefault("last_meeting", S.LAST_MEETING)
    return pdf_bytes(build_action_log, actions, **kw)


def test_every_seed_action_is_printed_in_full_with_its_columns():
    text = flat(" ".join(page_texts(_log())))
    for action in S.ACTIONS:
        assert flat(action.text) in text, action.ref
        assert action.owner in text
    for heading in ("Action number", "Meeting date", "Action", "Owner", "Directorate",
                    "Progress update", "Due date", "Status"):
        assert heading in text
    assert "Claire Ward" in text
    assert "02 November 2021" in text             # the seed's long dates by default
    assert "07 September 2021" in text
    assert "Legal services checking" in text
    assert "Children and Young People Scrutiny Committee" in text
    assert "as at 23 November 2021" in text


def test_landscape_a4_with_page_x_of_y_on_every_page():
    pdf = reader(_log())
    pages = pdf.pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert round(width) == 842
        assert round(height) == 595
        text = flat(page.extract_text())
        assert f"Page {number} of" in text
    # the total is a form XObject drawn on every page, holding the real count
    form = pages[0]["/Resources"]["/XObject"]["/FormXob.pageTotal"].get_object()
    assert form.get_data().decode("latin-1").count(f"({len(pages)})") == 1


def test_overdue_new_updated_and_completed_are_marked_in_words_and_colour():
    data = _log()
    text = flat(" ".join(page_texts(data)))
    # words survive black-and-white printing
    assert text.count("OVERDUE") >= 3 + 1          # three overdue rows + the legend
    assert text.count("NEW") >= 3 + 1
    assert "UPDATED" in text
    assert "COMPLETED" in text
    assert "Blue text: new since the last meeting (12 October 2021)" in text
    assert "Red text: updated since the last meeting (12 October 2021)" in text
    # and the colours are the seed's: blue for new, red for updated (fill colour operators)
    streams = b"".join(p["/Contents"].get_object().get_data() for p in reader(data).pages)
    assert b"0.043 0.341 0.690 rg" in streams      # NEW_BLUE #0B57B0
    assert b"0.702 0.149 0.118 rg" in streams      # UPDATED_RED #B3261E
    assert b"0.984 0.914 0.906 rg" in streams      # overdue row fill #FBE9E7


def test_reported_complete_entries_have_their_own_section_after_current_actions():
    text = flat(" ".join(page_texts(_log())))
    current = text.index("Current actions")
    section = text.index("Reported complete Actions whose completion")
    assert current < section
    reported = flat(S.REPORTED_ACTION.text)
    assert text.index(reported) > section
    assert "Reported 12 October 2021" in text
    for action in S.ACTIONS:                        # the seven seed rows stay current
        assert text.index(flat(action.text)) < section


def test_header_row_repeats_on_every_page_and_long_text_is_never_cut():
    long_text = " ".join(f"word{n:04d}" for n in range(900))     # far taller than one page
    rows = []
    for n in range(1, 61):
        base = S.ACTIONS[n % len(S.ACTIONS)]
        rows.append(dataclasses.replace(base, ref=str(n), id=n,
                                        text=long_text if n == 30 else base.text))
    data = _log(tuple(rows))
    texts = page_texts(data)
    assert len(texts) > 4
    for number, text in enumerate(texts, 1):
        if "Current actions" in text and number == 1:
            continue
        assert "Progress update" in text, f"page {number}"
        assert "Directorate" in text, f"page {number}"
    joined = flat(" ".join(texts))
    for n in range(900):                            # every word of the giant cell is printed
        assert f"word{n:04d}" in joined
    assert joined.count("word0000") == 1
    assert joined.count("word0899") == 1


def test_accented_names_and_typographic_characters_extract_correctly():
    row = dataclasses.replace(
        S.ACTIONS[0], owner="Zoë Siân l’Anson",
        text="Confirm the £1,250 budget – “draft” figures for Gwŷr and Dŵr Cymru")
    text = flat(" ".join(page_texts(_log((row,)))))
    assert "Zoë Siân l’Anson" in text
    assert "Confirm the £1,250 budget – “draft” figures for Gwŷr and Dŵr Cymru" in text


def test_document_properties_and_embedded_font():
    pdf = reader(_log())
    meta = pdf.metadata
    assert meta.title == ("Action log: Children and Young People Scrutiny Committee "
                          "(as at 23 November 2021)")
    assert meta.author == "Herefordshire Council"
    assert "Children and Young People Scrutiny Committee" in meta.subject
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    fonts = {str(f.get_object()["/BaseFont"])
             for f in pdf.pages[0]["/Resources"]["/Font"].values()}
    assert any("SourceSans" in name for name in fonts), fonts


def test_two_builds_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for target in (first, second):
        build_action_log(target, S.ACTIONS, committee=S.COMMITTEE, as_at=S.AS_AT)
    assert first.read_bytes() == second.read_bytes()
    assert list(tmp_path.iterdir())
    assert not [p for p in tmp_path.iterdir()
                                             if p.name.endswith(".part")]


def test_public_log_withholds_text_of_actions_from_exempt_items():
    secret = dataclasses.replace(
        S.ACTIONS[4], ref="8", id=8, item="Contract award: children’s centre services",
        text="Write to the bidder about " + S.EXEMPT_SECRET)
    full = flat(" ".join(page_texts(_log(S.ACTIONS + (secret,)))))
    public = flat(" ".join(page_texts(_log(S.ACTIONS + (secret,), public=True))))
    assert S.EXEMPT_SECRET in full
    assert "NOT FOR PUBLICATION" in full
    assert "412,750" not in public
    assert "Write to the bidder" not in public
    assert "EXEMPT: PARAGRAPH 3" in public
    assert "NOT FOR PUBLICATION" not in public
    assert flat(S.ACTIONS[0].text) in public        # other rows untouched


def test_an_empty_log_says_so():
    text = flat(" ".join(page_texts(_log(()))))
    assert "There are no current actions." in text
    assert "No actions have been reported complete yet." in text


def test_summary_counts_match_the_rows():
    text = flat(page_texts(_log())[0])
    assert ("7 current actions, 3 overdue, 1 completed awaiting report to the committee, "
            "3 new, 2 updated, 1 reported complete.") in text


def test_fuzzy_due_text_is_printed_when_there_is_no_date():
    row = dataclasses.replace(S.ACTIONS[5], due_date=None, due_text="Summer 2021")
    assert "Summer 2021" in flat(" ".join(page_texts(_log((row,), as_at=dt.date(2021, 11, 23)))))
