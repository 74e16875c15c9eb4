"""The recommendation schedule (seed 004 appendix 1), read back with pypdf."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.print_options import DocumentOptions
from desktop_app.reports.recommendations import build_recommendations
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, page_texts, pdf_bytes, reader


def _schedule(rows=S.RECOMMENDATIONS, **kw) -> bytes:
    kw.setdefault("committee", S.COMMITTEE)
    kw.setdefault("as_at", S.AS_AT)
    kw.setdefault("meetings", S.MEETINGS)
    kw.setdefault("last_meeting", S.LAST_MEETING)
    return pdf_bytes(build_recommendations, rows, **kw)


def test_grouped_by_meeting_date_oldest_first_with_the_seed_columns():
    text = flat(" ".join(page_texts(_schedule(tuple(reversed(S.RECOMMENDATIONS))))))
    for heading in ("Item", "Recommendations", "Executive responses / update", "Verdict",
                    "Response due (s.9FE)"):
        assert heading in text
    lines = [line.strip() for page in page_texts(_schedule(tuple(reversed(S.RECOMMENDATIONS))))
             for line in page.splitlines()]
    groups = [line for line in lines if line in ("05 August 2021", "07 September 2021",
                                                 "12 October 2021")]
    assert groups == ["05 August 2021", "07 September 2021", "12 October 2021"]
    at = {day: lines.index(day) for day in groups}
    # each recommendation sits under its own meeting's group
    endorse = next(i for i, line in enumerate(lines) if "endorse the Youth Justice" in line)
    assert at["05 August 2021"] < endorse < at["07 September 2021"]
    exemption = next(i for i, line in enumerate(lines) if "(a) That the Executive" in line)
    assert at["12 October 2021"] < exemption


def test_every_recommendation_and_response_is_printed():
    text = flat(" ".join(page_texts(_schedule())))
    for row in S.RECOMMENDATIONS:
        assert flat(row.text) in text, row.id
        if row.response:
            assert flat(row.response) in text
    assert "No response yet." in text


def test_item_name_printed_once_per_item_group():
    text = flat(" ".join(page_texts(_schedule())))
    name = "Provision of children centre service in the Bromyard area"
    # once, and again only where its rows go on over a page break
    assert text.count(name) - text.count(f"{name} (continued)") == 1
    assert text.count("Youth Justice Plan 2021-2022") == 2     # the item + "endorse the ... plan"


def test_verdict_and_s9fe_due_date_with_overdue_marked():
    text = flat(" ".join(page_texts(_schedule())))
    # 8 Sep -> 7 Nov, no response
    assert "Sent 08 September 2021 Due 07 November 2021 OVERDUE" in text
    assert "Sent 14 October 2021 Due 13 December 2021" in text    # not yet due on 23 Nov
    short = flat(" ".join(page_texts(_schedule(options=DocumentOptions(dates="short")))))
    assert "Sent 08/09/2021 Due 07/11/2021 OVERDUE" in short
    assert "Sent 14/10/2021 Due 13/12/2021" in short
    assert "Accepted Completed" in text
    assert "Noted" in text
    assert "Awaiting" in text
    assert "4 awaiting an executive response, 1 past the two-month response period" in text


def test_continued_item_on_a_new_page_is_named_again():
    many = tuple(dataclasses.replace(S.RECOMMENDATIONS[5], id=100 + n, label=f"({n})",
                                     text="That the Executive consider market testing. " * 8)
                 for n in range(40))
    texts = page_texts(_schedule(many))
    assert len(texts) >= 3
    for text in texts[1:]:
        assert "Provision of children centre service in the Bromyard area (continued)" in flat(text)


def test_public_schedule_withholds_recommendations_on_exempt_items():
    full = flat(" ".join(page_texts(_schedule())))
    public = flat(" ".join(page_texts(_schedule(public=True))))
    assert S.EXEMPT_SECRET in full
    assert "412,750" not in public
    assert "EXEMPT: PARAGRAPH 3" in public
    assert "Contract award: children’s centre services" in public   # the title is public


def test_same_bytes_twice_and_properties():
    assert _schedule() == _schedule()
    meta = reader(_schedule()).metadata
    assert meta.title.startswith("Recommendations and responses: Children and Young People")
    assert meta.author == "Herefordshire Council"
