"""Errors services raise (defined in the domain so every layer can name them)."""

from desktop_app.domain.errors import ConflictError, NotFound, ServiceError

__all__ = ["ConflictError", "NotFound", "ServiceError"]
