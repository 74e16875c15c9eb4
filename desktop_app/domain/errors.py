"""Errors with a one-line message for people, shared by every layer."""

from __future__ import annotations


class ServiceError(ValueError):
    """Something the user asked for cannot be done; the message says why."""

    exit_code = 2


class NotFound(ServiceError):
    pass


class ConflictError(ServiceError):
    """Someone else saved the record since it was opened: nothing was overwritten."""

    exit_code = 3

    def __init__(self, message: str, changes: list[tuple[str, str, str]] | None = None):
        super().__init__(message)
        self.changes = changes or []
