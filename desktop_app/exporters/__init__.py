"""Spreadsheet exports (openpyxl)."""
