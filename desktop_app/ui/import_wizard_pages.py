"""The pages of the import wizard (see import_wizard.py), and the plain work they hand to workers.

The pages and their parts live in their own modules; this one gathers their names, so that
``from desktop_app.ui.import_wizard_pages import ...`` keeps working:

  import_wizard_jobs.py          the work run on workers (reading a workbook, the preview,
                                 the file check); no widgets
  import_wizard_text.py          what kinds and fields are called, counts, values as shown
  import_wizard_widgets.py       the page ids and what the pages share (``Page``, banners...)
  import_wizard_file_page.py     1. the workbook and the committee
  import_wizard_kind_page.py     2. the kind of workbook
  import_wizard_mapping_page.py  3. the columns, with import_wizard_preview.py (the preview)
  import_wizard_run_pages.py     4. the trial run; 5. the import (or the chase changes) running
  import_wizard_chase_page.py    the review of a returned chase workbook
"""

from __future__ import annotations

from desktop_app.ui.import_wizard_chase_page import ChaseReviewPage
from desktop_app.ui.import_wizard_file_page import (FILE_FILTER, KEY_FOLDER, FilePage,
                                                    describe_found)
from desktop_app.ui.import_wizard_jobs import (Column, Preview, WorkbookInfo, check_file,
                                               preview, read_workbook, scan_columns)
from desktop_app.ui.import_wizard_kind_page import KindPage
from desktop_app.ui.import_wizard_mapping_page import IGNORE, IGNORE_LABEL, MappingPage
from desktop_app.ui.import_wizard_preview import PREVIEW_FIELDS, PREVIEW_ROWS
from desktop_app.ui.import_wizard_run_pages import DryRunPage, RunPage
from desktop_app.ui.import_wizard_text import (COUNT_WORDS, FIELD_LABELS, KIND_ABOUT,
                                               KIND_TITLES, KIND_WORDS, ROW_NOUN, count,
                                               for_people, kind_of, show_value)
from desktop_app.ui.import_wizard_widgets import (AMBER, BANNER, GREEN, GREY, P_CHASE,
                                                  P_CHASE_APPLY, P_DRY, P_FILE, P_IMPORT,
                                                  P_KIND, P_MAP, RED)

__all__ = ["ChaseReviewPage", "DryRunPage", "FilePage", "KindPage", "MappingPage", "RunPage",
           "WorkbookInfo", "Preview", "Column", "preview", "read_workbook",
           "scan_columns", "P_FILE", "P_KIND", "P_MAP", "P_DRY", "P_IMPORT", "P_CHASE",
           "P_CHASE_APPLY",
           # also importable from here, as before the split
           "AMBER", "BANNER", "COUNT_WORDS", "FIELD_LABELS", "FILE_FILTER", "GREEN", "GREY",
           "IGNORE", "IGNORE_LABEL", "KEY_FOLDER", "KIND_ABOUT", "KIND_TITLES", "KIND_WORDS",
           "PREVIEW_FIELDS", "PREVIEW_ROWS", "RED", "ROW_NOUN", "check_file", "count",
           "describe_found", "for_people", "kind_of", "show_value"]
