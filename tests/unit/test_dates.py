"""Deadline and s.9FE arithmetic, UK dates."""

import datetime as dt

import pytest

from desktop_app.domain.dates import (clear_days_deadline, is_bank_holiday, municipal_year,
                                      municipal_year_bounds, parse_uk_date,
                                      publication_deadline, questions_deadline,
                                      s9fe_response_due)

D = dt.date


@pytest.mark.parametrize(("meeting", "publication", "questions"), [
    # seed 004, the two the issue names
    (D(2021, 11, 23), D(2021, 11, 15), D(2021, 11, 17)),
    (D(2022, 1, 11), D(2022, 1, 3), D(2022, 1, 5)),
    # the rest of seed 004's work programme
    (D(2021, 8, 5), D(2021, 7, 28), D(2021, 7, 30)),   # questions day falls on a Sunday
    (D(2021, 10, 12), D(2021, 10, 4), D(2021, 10, 6)),
    (D(2021, 12, 7), D(2021, 11, 29), D(2021, 12, 1)),
    (D(2022, 3, 22), D(2022, 3, 14), D(2022, 3, 16)),
])
def test_deadlines_match_seed_004(meeting, publication, questions):
    assert publication_deadline(meeting) == publication
    assert questions_deadline(meeting) == questions


def test_bank_holidays_are_not_clear_days():
    # Easter 2022: Good Friday 15 April and Easter Monday 18 April.
    assert is_bank_holiday(D(2022, 4, 15))
    assert is_bank_holiday(D(2022, 4, 18))
    # Meeting Wed 20 April 2022: clear days Tue 19, Thu 14, Wed 13 -> questions by Tue 12.
    assert questions_deadline(D(2022, 4, 20)) == D(2022, 4, 12)
    # Christmas 2023: 25, 26 Dec and 1 Jan 2024 are not clear days. Meeting Thu 4 Jan 2024:
    # clear days 3, 2 Jan and 29, 28, 27 Dec; the day before them is Boxing Day, which the rule
    # keeps (as seed 004 keeps 3 Jan 2022, a substitute bank holiday) and flags for the officer.
    assert publication_deadline(D(2024, 1, 4)) == D(2023, 12, 26)
    assert is_bank_holiday(publication_deadline(D(2024, 1, 4)))


def test_zero_clear_days_is_day_before_or_friday():
    assert clear_days_deadline(D(2021, 11, 23), 0) == D(2021, 11, 22)
    assert clear_days_deadline(D(2021, 11, 22), 0) == D(2021, 11, 19)  # Monday meeting


@pytest.mark.parametrize(("sent", "due"), [
    (D(2021, 7, 15), D(2021, 9, 14)),
    (D(2021, 12, 31), D(2022, 2, 28)),
    (D(2023, 12, 31), D(2024, 2, 29)),   # leap year
    (D(2023, 12, 30), D(2024, 2, 29)),
    (D(2023, 12, 29), D(2024, 2, 28)),
    (D(2021, 3, 1), D(2021, 4, 30)),     # two months beginning with 1 March end on 30 April
    (D(2021, 11, 1), D(2021, 12, 31)),   # across the year end
    (D(2021, 8, 31), D(2021, 10, 30)),   # 31 October exists: the day before it
])
def test_s9fe_two_months_beginning_with(sent, due):
    assert s9fe_response_due(sent) == due


@pytest.mark.parametrize(("text", "expected"), [
    ("02/11/2021", D(2021, 11, 2)),
    ("2/11/21", D(2021, 11, 2)),
    ("07 September 2021", D(2021, 9, 7)),
    ("12 Oct 21", D(2021, 10, 12)),
    ("Tuesday 7th December 2021", D(2021, 12, 7)),
    ("1 Sept 2022", D(2022, 9, 1)),
    ("2021-11-23", D(2021, 11, 23)),
    ("Summer 2021", None),
    ("June / July 2021", None),
    ("31/02/2021", None),
    ("", None),
    (None, None),
])
def test_parse_uk_date(text, expected):
    assert parse_uk_date(text) == expected


def test_municipal_year():
    assert municipal_year(D(2021, 5, 1)) == "2021/22"
    assert municipal_year(D(2022, 4, 30)) == "2021/22"
    assert municipal_year_bounds("2021/22") == (D(2021, 5, 1), D(2022, 4, 30))
    assert municipal_year_bounds("2021-2022") == municipal_year_bounds("2021/22")
    assert municipal_year_bounds("1999/00")[1] == D(2000, 4, 30)
    with pytest.raises(ValueError, match="is not like 2021/22"):
        municipal_year_bounds("last year")
    for two_years in ("2021/23", "2021/2021", "2021-2023"):    # was taken as 2021/22
        with pytest.raises(ValueError, match="not one year .* 2021/22 is"):
            municipal_year_bounds(two_years)


def test_impossible_dates_are_told_from_fuzzy_ones():
    from desktop_app.domain.dates import impossible_date
    assert [impossible_date(t) for t in ("31/02/2023", "2023-13-01", "30th February 2024",
                                         "Tuesday 31 April 2022", "12/25/2021")] == [True] * 5
    assert [impossible_date(t) for t in ("28/02/2023", "Summer 2021", "31 Smarch 2022", "TBC",
                                         "", None, "1.2.3")] == [False] * 7


def test_strftime_is_the_dates_own_for_the_forms_used():
    from desktop_app.domain.dates import format_uk, strftime
    days = [D(1, 1, 1), D(999, 12, 31), D(2020, 2, 29), D(9999, 12, 31),
            dt.datetime(2021, 11, 23, 18, 30)] + [D(2021, 1, 1) + dt.timedelta(days=n)
                                                  for n in range(0, 800, 17)]
    for day in days:
        for form in ("%d/%m/%Y", "%A", "%a", "%B %Y", "%b %Y", "%B", "%a %d %b", "%%Y %j"):
            assert strftime(day, form) == day.strftime(form)
        # the window's short days (Overview, attention strip): the day's number in the form
        assert strftime(day, f"%a {day.day} %b") == f"{day:%a} {day.day} {day:%b}"
        assert format_uk(day) == f"{day.day} {day:%B %Y}"
        assert format_uk(day, "full") == f"{day:%A} {day.day} {day:%B %Y}"
        assert format_uk(day, "short") == day.strftime("%d/%m/%Y")
        assert format_uk(day, "day_month") == f"{day.day} {day:%B}"


@pytest.mark.parametrize(("written", "day"), [
    ("2023-01-12T00:00:00Z", D(2023, 1, 12)),        # winter: UTC is UK time
    ("2023-06-14T23:00:00Z", D(2023, 6, 15)),        # summer: a SharePoint "15 June"
    ("2023-03-26T00:30:00Z", D(2023, 3, 26)),        # 00:30 GMT, before the clocks go forward
    ("2023-03-26T23:30:00Z", D(2023, 3, 27)),        # that night: BST, the next day
    ("2023-10-28T23:30:00Z", D(2023, 10, 29)),       # the last night of BST
    ("2023-10-29T23:30:00Z", D(2023, 10, 29)),       # GMT again
    ("2023-06-14T23:00:00+01:00", D(2023, 6, 14)),   # an offset: already UK time
    ("2023-06-14 23:00", D(2023, 6, 14)),            # no zone: the day as written
    ("2023-06-14T10:00:00.123Z", D(2023, 6, 14)),
    ("2023-02-30T10:00:00Z", None),
])
def test_date_times_are_read_as_the_day_in_the_uk(written, day):
    assert parse_uk_date(written) == day
