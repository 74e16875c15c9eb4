"""Workbooks written for other people: the action log, the recommendation schedule and the
work programme (``export KIND -o FILE.xlsx``), and the year's statistics. The rows are read
here, through the usual services; ``exporters/`` only writes them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from desktop_app.db.engine import Database
from desktop_app.domain.dates import municipal_year, municipal_year_bounds
from desktop_app.exporters import stats_xlsx, xlsx_export
from desktop_app.services import actions, committees, recommendations, work_programme

__all__ = ["EXPORT_KINDS", "export_workbook", "write_stats_workbook"]

EXPORT_KINDS = ("actions", "action-log", "recommendations", "work-programme")


def export_workbook(db: Database, kind: str, committee: str, path: str | os.PathLike[str], *,
                    meeting: dt.date | None = None, as_at: dt.date | None = None) -> int:
    """Write ``committee``'s ``kind`` (one of EXPORT_KINDS) to ``path``; the number of rows.

    ``as_at``: the action log or recommendation schedule as it stood on that date;
    ``meeting``: the work programme of that date's municipal year (and the unscheduled items).
    """
    name = committees.get_committee(db, committee).name
    if kind in ("actions", "action-log"):
        if as_at:
            from desktop_app.services.as_at import actions_as_at
            rows = actions_as_at(db, committee, as_at)
        else:
            rows = actions.list_actions(db, committee)
        return xlsx_export.write_actions(path, rows, name)
    if kind == "recommendations":
        if as_at:
            from desktop_app.services.as_at import recommendations_as_at
            recs = recommendations_as_at(db, committee, as_at)
        else:
            recs = recommendations.list_recommendations(db, committee)
        return xlsx_export.write_recommendations(path, recs, name)
    if kind != "work-programme":
        raise ValueError(f"cannot export {kind!r} (choose from {', '.join(EXPORT_KINDS)})")
    items = work_programme.list_work_programme(db, committee)
    if meeting:
        first, last = municipal_year_bounds(municipal_year(meeting))
        items = [w for w in items if w.meeting_date is None or first <= w.meeting_date <= last]
    return xlsx_export.write_work_programme(path, items, name)


def write_stats_workbook(path: str | os.PathLike[str], stats: Any) -> None:
    """The year's statistics (``services.stats.year_stats``) as a workbook."""
    stats_xlsx.write_stats_xlsx(Path(path), stats)
