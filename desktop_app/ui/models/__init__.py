"""Shared table-model bases (columns, roles, row flags) and the record filter proxy."""
