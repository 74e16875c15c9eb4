"""Printing: PDF documents built from the plain rows the services hand over.

One module per document, each with a ``build_*(target, data..., *, as_at, public=False)``
function that writes a PDF to a path (atomically) or a binary file:

- action_log.build_action_log          the action log (landscape)
- recommendations.build_recommendations the recommendation schedule with s.9FE due dates
- work_programme.build_work_programme  the work programme
- agenda.build_agenda                  the agenda front sheet
- minutes.build_minutes                the minutes of a meeting
- pack.build_pack                      the whole agenda pack (pypdf)

Every one is a tagged PDF (PDF/UA-1): page.render marks the content as it is drawn
(tagging.py, tagging_rows.py) and writes the structure tree (tagging_tree.py); a pack keeps the
trees of the papers it merges (tagging_merge.py) and names those that have none.

Exempt items (Schedule 12A) are filtered for public output in one place: exemption.Disclosure.
This package imports no Qt; reportlab and pypdf are loaded only when a document module is.
"""

from desktop_app.reports.errors import ReportError

__all__ = ["ReportError"]
