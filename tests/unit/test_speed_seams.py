"""Each speed trick and the plain way beside it give the same answer on the same input (the
benchmark, benchmarks/bench_tricks.py, measures what the trick saves). The xlsx reader's pair
is held to the same grids in test_xlsx_reader_colours.py, the filter proxy's in
tests/ui/test_proxy_seam.py."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from desktop_app.cli import parse_args
from desktop_app.db.engine import Database, make_engine
from desktop_app.db.schema import ensure_schema, head_revision, open_database, plain_head_revision


@pytest.mark.parametrize("argv", [
    [], ["gui"], ["gui", "--smoke-test"], ["--debug", "gui"], ["--db", "sqlite:///x.db", "gui"],
    ["--db=sqlite:///x.db", "--user", "Sarah Buffrey", "gui", "--smoke-test"],
    ["--user=Ann", "--debug"], ["committee", "list", "--json"], ["gui", "--smoke"],
])
def test_window_only_parser_reads_the_command_line_as_the_full_parser(argv):
    assert vars(parse_args(argv)) == vars(parse_args(argv, short=False))


@pytest.mark.parametrize("argv", [
    ["gui", "--bogus"], ["gui", "-h"], ["--version"], ["--db"], ["gu"],
])
def test_what_the_window_only_parser_cannot_read_ends_as_the_full_parser_ends(argv, capsys):
    outcomes = []
    for short in (True, False):
        with pytest.raises(SystemExit) as exc:
            parse_args(argv, short=short)
        captured = capsys.readouterr()
        outcomes.append((exc.value.code, captured.out, captured.err))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] or outcomes[0][2]      # it said something


def test_head_read_from_the_migration_files_is_alembics(tmp_path):
    assert plain_head_revision() == head_revision()
    url = f"sqlite:///{tmp_path / 'current.db'}"
    open_database(url).dispose()
    for quick in (True, False):
        db = Database(make_engine(url), url)
        try:
            assert ensure_schema(db, quick=quick) == "current"
        finally:
            db.dispose()


def _action_log_words(actions, plain: bool) -> list[str]:
    import io

    from desktop_app.reports import action_log, page
    from desktop_app.reports.exemption import Disclosure
    from desktop_app.reports.fasttable import FastTable
    from desktop_app.reports.keeping import unpacked
    from desktop_app.reports.plaintable import as_plain

    flow = action_log.story(actions, committee="Test Scrutiny Committee",
                            as_at=dt.date(2021, 11, 23), disclosure=Disclosure.of(False, ()),
                            last_meeting=dt.date(2021, 10, 12))
    if plain:       # the sections' parts one after another (all on one page either way)
        flow = unpacked(flow)
        assert sum(isinstance(f, FastTable) for f in flow) == 2
        flow = [as_plain(f) if isinstance(f, FastTable) else f for f in flow]
    data = page.render(flow, page.PageSetup(title="Action log", committee="Test Scrutiny "
                                            "Committee", as_at=dt.date(2021, 11, 23)))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1      # one page: a header row is not repeated in either
    return reader.pages[0].extract_text().split()


def test_fast_table_shows_the_same_text_as_reportlabs_table(tmp_path):
    from desktop_app.domain.records import ActionRow

    def action(i: int, **kw) -> ActionRow:
        base = dict(id=i, version=1, committee_id=1, committee="CYPSC", ref=str(i),
                    meeting_id=None, meeting_date=dt.date(2021, 9, 7), item="",
                    text=f"Circulate the briefing note on the Children’s Centre contracts "
                         f"(action {i}) £1,250 – “draft”",
                    owner="Claire Ward", directorate="Corporate Centre",
                    progress="Legal services checking the Human Rights Act",
                    due_date=dt.date(2021, 11, 2), due_text="", status="open",
                    completed_on=None, overdue=False, reported_complete_on=None,
                    new_since_last_meeting=False, updated_since_last_meeting=False)
        base.update(kw)
        return ActionRow(**base)

    actions = [action(2, overdue=True), action(3, new_since_last_meeting=True),
               action(4, updated_since_last_meeting=True, due_text="Summer 2022"),
               action(5, status="completed", completed_on=dt.date(2021, 10, 1)),
               action(6, status="completed", reported_complete_on=dt.date(2021, 10, 12))]
    fast, plain = _action_log_words(actions, False), _action_log_words(actions, True)
    assert "(action 6)" in " ".join(fast)
    assert fast == plain


def test_fast_table_group_rows_and_hanging_lines_read_as_reportlabs_table():
    import io

    from desktop_app.reports import page, theme
    from desktop_app.reports.cells import Column, badge, text
    from desktop_app.reports.fasttable import FastTable, GroupRow, Row
    from desktop_app.reports.plaintable import as_plain

    columns = [Column("Recommendation", 40), Column("Response", 30), Column("Verdict", 10)]
    rows = [GroupRow("Meeting of 7 September 2021", "Deferred from 12 October"),
            Row([[text("(a) that the executive reviews the induction pack for new starters "
                       "and reports back to the committee within six months", hang=9)],
                 [text("Accepted: the pack is being rewritten with the schools")],
                 [badge("ACCEPTED", theme.DONE_GREEN)]]),
            GroupRow("To be scheduled"),
            Row([[text("• the co-optee recruitment process", hang=6, bold=True)],
                 [text("No response yet", italic=True, colour=theme.MUTED)], [text("")]])]

    def words(plain: bool) -> list[str]:
        table = FastTable(columns, rows)
        data = page.render([as_plain(table) if plain else table],
                           page.PageSetup(title="Recommendations", committee="Test",
                                          as_at=dt.date(2021, 11, 23)))
        return PdfReader(io.BytesIO(data)).pages[0].extract_text().split()

    fast = words(False)
    assert "Deferred" in fast
    assert "ACCEPTED" in fast
    assert fast == words(True)
