"""What the import wizard needs to show a workbook before it is imported: the workbook read
into grids once (``read_grids``, the safety check first), each sheet's header rows and the
kind they suggest, the field vocabulary for the column mapping, and the rows parsed again
(``parse_grids``) whenever the officer changes a column. Importing itself is
``services.importing.import_file``, given the ``ParsedWorkbook`` shown.

The upper floors import these from here, never from ``importers/`` (see [tool.importlinter]).
"""

from __future__ import annotations

from desktop_app.importers.grid import SheetGrid, read_grids
from desktop_app.importers.xlsx_headers import (candidate_rows, detect_kind, find_header,
                                                header_rows, parse_mapping)
from desktop_app.importers.xlsx_reader import ParsedWorkbook, parse_grids
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file, fail
from desktop_app.importers.xlsx_vocab import KINDS, MAIN_FIELD, mappable_fields, normalise

__all__ = ["KINDS", "MAIN_FIELD", "ImportFileError", "ParsedWorkbook", "SheetGrid",
           "candidate_rows", "check_workbook_file", "detect_kind", "fail", "find_header",
           "header_rows", "mappable_fields", "normalise", "parse_grids", "parse_mapping",
           "read_grids"]
