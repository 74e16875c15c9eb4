"""The year's figures as a workbook: a summary sheet, per meeting and per directorate."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Font, PatternFill

from desktop_app.exporters.xlsx_export import new_workbook
from desktop_app.exporters.xlsx_safe import save_workbook

_HEAD = Font(bold=True, color="FFFFFF")
_FILL = PatternFill("solid", fgColor="1F3A5F")


def _sheet(ws, header: list[str], rows: list[list], widths: list[int]) -> None:
    ws.append(header)
    for cell in ws[1]:
        cell.font, cell.fill = _HEAD, _FILL
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = w
    ws.freeze_panes = "A2"


def write_stats_xlsx(path: str | Path, stats) -> None:
    wb, ws = new_workbook("Summary")
    summary = [
        ["Committee", stats.committee], ["Municipal year", stats.year],
        ["Figures as at", stats.as_at],
        *([["History", stats.history]] if stats.history else []),
        ["Recommendations made", stats.recommendations_made],
        ["Responses on time (s.9FE)", stats.responses_on_time],
        ["Responses late", stats.responses_late],
        ["Responses received, date not recorded", stats.responses_undated],
        ["No response after two months", stats.responses_missing],
        ["Still within the two months", stats.responses_pending],
        *[[f"Verdict: {k.replace('_', ' ')}", v] for k, v in stats.verdicts.items()],
        ["Recommendations implemented", stats.implemented],
        ["Actions raised", stats.actions_raised], ["Actions completed", stats.actions_completed],
        ["Actions overdue", stats.actions_overdue], ["Actions still open", stats.actions_open],
        ["Average days to complete", stats.average_days_to_complete],
        ["Work programme items delivered", stats.work_delivered],
        ["Work programme items deferred", stats.work_deferred],
        ["Work programme items dropped", stats.work_dropped],
    ]
    _sheet(ws, ["Measure", "Value"], summary, [40, 30])
    ws["B4"].number_format = "dd/mm/yyyy"
    for row in ws.iter_rows(min_row=2):
        if hasattr(row[1].value, "year"):
            row[1].number_format = "dd/mm/yyyy"
    _sheet(wb.create_sheet("Per meeting"),
           ["Meeting", "Status", "Recommendations", "Actions", "Work programme items"],
           [[m.date, m.status, m.recommendations, m.actions, m.work_items] for m in stats.meetings],
           [14, 12, 18, 10, 22])
    for row in wb["Per meeting"].iter_rows(min_row=2, max_col=1):
        row[0].number_format = "dd/mm/yyyy"
    _sheet(wb.create_sheet("Per directorate"), ["Directorate", "Raised", "Completed", "Overdue"],
           [[d.directorate, d.raised, d.completed, d.overdue] for d in stats.directorates],
           [34, 10, 12, 10])
    _sheet(wb.create_sheet("Attendance"),
           ["Member", "Role", "Meetings", "Present", "Apologies", "Substitute sent", "Absent",
            "Attendance %"],
           [[a.name, a.role, a.expected, a.present, a.apologies, a.substituted, a.absent,
             a.percentage] for a in stats.attendance],
           [30, 20, 10, 10, 11, 16, 9, 13])
    save_workbook(wb, path)   # the writer seam: text from imported files is made safe
