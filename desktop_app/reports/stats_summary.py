"""One-page summary of a committee's year for the annual scrutiny report to Council, and a
second page of attendance per member when attendance is recorded."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import Verdict
from desktop_app.reports import fonts, theme
from desktop_app.reports.page import PORTRAIT, PageSetup, Target, render, write_output

_VERDICT_LABELS = {Verdict.ACCEPTED: "Accepted", Verdict.PARTIALLY_ACCEPTED: "Partially accepted",
                   Verdict.REJECTED: "Rejected", Verdict.NOTED: "Noted",
                   Verdict.AWAITING: "Awaiting response"}
_PIE_COLOURS = [theme.DONE_GREEN, theme.NEW_BLUE, theme.UPDATED_RED, theme.MUTED, theme.RULE]


def _figures(stats) -> Table:
    avg = ("–" if stats.average_days_to_complete is None
           else f"{stats.average_days_to_complete:g} days")
    rows = [
        ["Recommendations made", stats.recommendations_made,
         "Actions raised", stats.actions_raised],
        ["Responses on time (s.9FE)", stats.responses_on_time,
         "Actions completed", stats.actions_completed],
        ["Responses late", stats.responses_late, "Actions overdue", stats.actions_overdue],
        ["Responses received, date not recorded", stats.responses_undated,
         "Average time to complete", avg],
        ["No response after two months", stats.responses_missing,
         "Work programme items delivered", stats.work_delivered],
        ["Still within the two months", stats.responses_pending,
         "Items deferred", stats.work_deferred],
        ["Recommendations implemented", stats.implemented, "Items dropped", stats.work_dropped],
    ]
    t = Table([[str(c) for c in r] for r in rows],
              colWidths=[62 * mm, 20 * mm, 62 * mm, 28 * mm])
    t.tag_row_heads = (0, 2)     # tagged PDF: each label heads the figure beside it  # pyright: ignore[reportAttributeAccessIssue]
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5),
        ("FONT", (1, 0), (1, -1), fonts.BOLD, 11),
        ("FONT", (3, 0), (3, -1), fonts.BOLD, 11),
        ("TEXTCOLOR", (1, 0), (1, -1), theme.NAVY),
        ("TEXTCOLOR", (3, 0), (3, -1), theme.NAVY),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 0), (-1, -1), [theme.ZEBRA, theme.WHITE]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, theme.RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    return t


def _figure(drawing: Drawing, alt: str) -> None:
    """A chart's words for a screen reader (the Figure's /Alt in the tagged PDF), and the
    house font as its default (no unembedded Helvetica)."""
    drawing.__dict__["tag_alt"] = alt          # past reportlab's attribute checking
    drawing.initialFontName = fonts.REGULAR  # pyright: ignore[reportAttributeAccessIssue]


def _verdict_pie(stats) -> Drawing:
    d = Drawing(85 * mm, 62 * mm)
    words = "; ".join(f"{_VERDICT_LABELS[v]}: {n}" for v, n in stats.verdicts.items() if n)
    _figure(d, f"Pie chart of executive verdicts. {words or 'No recommendations this year'}.")
    d.add(String(0, 62 * mm - 10, "Executive verdicts", fontName=fonts.BOLD, fontSize=10,
                 fillColor=theme.NAVY))
    items = [(v, n) for v, n in stats.verdicts.items() if n]
    if not items:
        d.add(String(0, 30 * mm, "No recommendations this year", fontName=fonts.ITALIC,
                     fontSize=9, fillColor=theme.MUTED))
        return d
    pie = Pie()
    # typeshed types these sizes as int; reportlab takes any number of points
    pie.x, pie.y, pie.width, pie.height = 4, 6, 42 * mm, 42 * mm  # pyright: ignore[reportAttributeAccessIssue]
    pie.data = [n for _, n in items]
    pie.labels = None
    pie.slices.strokeColor = theme.WHITE
    for i, (verdict, _) in enumerate(items):
        pie.slices[i].fillColor = _PIE_COLOURS[list(_VERDICT_LABELS).index(verdict)]
    d.add(pie)
    y = 44 * mm
    for verdict, n in items:
        colour = _PIE_COLOURS[list(_VERDICT_LABELS).index(verdict)]
        from reportlab.graphics.shapes import Rect
        # typeshed refuses strokeColor=None, which reportlab documents as "no outline"
        d.add(Rect(48 * mm, y, 7, 7, fillColor=colour, strokeColor=None))  # pyright: ignore[reportArgumentType]
        d.add(String(48 * mm + 10, y + 0.5, f"{_VERDICT_LABELS[verdict]}: {n}",
                     fontName=fonts.REGULAR, fontSize=8.5, fillColor=theme.INK))
        y -= 11
    return d


def _directorate_bars(stats) -> Drawing:
    d = Drawing(95 * mm, 62 * mm)
    words = "; ".join(f"{x.directorate}: {x.raised} raised, {x.completed} completed, "
                      f"{x.overdue} overdue" for x in stats.directorates[:6])
    _figure(d, f"Bar chart of actions by directorate. {words or 'No actions this year'}.")
    d.add(String(0, 62 * mm - 10, "Actions by directorate",
                 fontName=fonts.BOLD, fontSize=10, fillColor=theme.NAVY))
    from reportlab.graphics.shapes import Rect
    x = 0.0
    for label, colour in (("raised", theme.NAVY), ("completed", theme.DONE_GREEN),
                          ("overdue", theme.UPDATED_RED)):
        # typeshed refuses strokeColor=None, which reportlab documents as "no outline"
        d.add(Rect(x, 62 * mm - 22, 7, 7, fillColor=colour, strokeColor=None))  # pyright: ignore[reportArgumentType]
        d.add(String(x + 10, 62 * mm - 21.5, label, fontName=fonts.REGULAR, fontSize=8,
                     fillColor=theme.INK))
        x += 18 * mm
    dirs = stats.directorates[:6]
    if not dirs:
        d.add(String(0, 30 * mm, "No actions this year", fontName=fonts.ITALIC, fontSize=9,
                     fillColor=theme.MUTED))
        return d
    chart = HorizontalBarChart()
    # typeshed types these sizes as int; reportlab takes any number of points
    chart.x, chart.y = 34 * mm, 6  # pyright: ignore[reportAttributeAccessIssue]
    chart.width, chart.height = 58 * mm, 40 * mm  # pyright: ignore[reportAttributeAccessIssue]
    chart.data = [[x.raised for x in dirs], [x.completed for x in dirs], [x.overdue for x in dirs]]
    chart.categoryAxis.categoryNames = [x.directorate[:22] for x in dirs]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, (max(x.raised for x in dirs) + 4) // 5)
    chart.bars[0].fillColor = theme.NAVY
    chart.bars[1].fillColor = theme.DONE_GREEN
    chart.bars[2].fillColor = theme.UPDATED_RED
    chart.barSpacing = 1
    d.add(chart)
    return d


def _meetings_table(stats) -> Table:
    rows = [["Meeting", "Status", "Recommendations", "Actions", "Work programme items"]]
    for m in stats.meetings:
        rows.append([format_uk(m.date), m.status.capitalize(), str(m.recommendations),
                     str(m.actions), str(m.work_items)])
    if len(rows) == 1:
        rows.append(["No meetings in this year", "", "", "", ""])
    t = Table(rows, colWidths=[48 * mm, 26 * mm, 32 * mm, 24 * mm, 42 * mm], repeatRows=1)
    t.setStyle(_figures_style(numbers_from=2, padding=2.5))
    return t


def _figures_style(numbers_from: int, padding: float, middle: bool = False) -> TableStyle:
    """A table of figures: a navy header row, zebra rows, numbers right-aligned from column
    ``numbers_from``."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("TEXTCOLOR", (0, 0), (-1, 0), theme.WHITE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [theme.WHITE, theme.ZEBRA]),
        ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
    ]
    if middle:
        commands.append(("VALIGN", (0, 0), (-1, -1), "MIDDLE"))
    commands += [("TOPPADDING", (0, 0), (-1, -1), padding),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), padding)]
    return TableStyle(commands)


def _attendance_table(stats) -> Table:
    rows: list[list[Paragraph | str]] = [["Member", "Meetings", "Present", "Apologies",
                                          "Substitute sent", "Absent", "Attendance"]]
    cell = ParagraphStyle("cell", parent=theme.styles()["body"], fontSize=8.5, leading=10.5,
                          spaceAfter=0)
    for a in stats.attendance:
        name = a.name + (f" ({a.role})" if a.role not in ("Councillor", "") else "")
        rows.append([Paragraph(theme.esc(name), cell), str(a.expected), str(a.present),
                     str(a.apologies), str(a.substituted), str(a.absent),
                     "–" if a.percentage is None else f"{a.percentage}%"])
    t = Table(rows, colWidths=[62 * mm, 18 * mm, 17 * mm, 20 * mm, 26 * mm, 16 * mm, 21 * mm],
              repeatRows=1)
    t.setStyle(_figures_style(numbers_from=1, padding=2, middle=True))
    return t


def _attendance_part(stats) -> list:
    st = theme.styles()
    if not any(a.expected for a in stats.attendance):
        return [Paragraph("No attendance is recorded for the meetings held in this year.",
                          st["small"])]
    # the figures stay on their one page; attendance, as councils publish it, on its own
    return [PageBreak(),
            KeepTogether([Paragraph("Attendance at meetings", st["h2"]),
                          _attendance_table(stats)]),
            Spacer(1, 1.5 * mm),
            Paragraph("Meetings: meetings held in the year whose attendance is recorded. "
                      "Substitute sent: a named substitute attended in the member's place.",
                      st["small"])]


def _side_by_side(*charts: Drawing) -> Table:
    """The charts in a row: a layout table, not a table of data (tagged PDF: two Figures)."""
    table = Table([list(charts)], colWidths=[88 * mm, 96 * mm],
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    table.tag_layout = True  # pyright: ignore[reportAttributeAccessIssue]
    return table


def build_stats_summary(target: Target, stats, *, council: str = "") -> None:
    st = theme.styles()
    setup = PageSetup(title=f"Scrutiny impact {stats.year}", committee=stats.committee,
                      as_at=stats.as_at, council=council, pagesize=PORTRAIT,
                      subject=f"Annual summary of {stats.committee}, municipal year {stats.year}")
    story = [
        Paragraph(f"Scrutiny impact {stats.year}", st["title"]),
        Paragraph(f"{stats.committee}: {format_uk(stats.start)} to {format_uk(stats.end)}"
                  f" (figures as at {format_uk(stats.as_at)})", st["small"]),
        *([Paragraph(stats.history, st["small"])] if stats.history else []),
        Spacer(1, 4 * mm),
        _figures(stats),
        Spacer(1, 5 * mm),
        _side_by_side(_verdict_pie(stats), _directorate_bars(stats)),
        Spacer(1, 3 * mm),
        Paragraph("Meetings in the year", st["h2"]),
        _meetings_table(stats),
        Spacer(1, 2 * mm),
        Paragraph("Responses are on time when received within two months beginning with the day "
                  "the recommendations were sent to the executive (Local Government Act 2000 "
                  "s.9FE).", st["small"]),
        *_attendance_part(stats),
    ]
    write_output(target, render(story, setup))
