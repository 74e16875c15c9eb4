"""The one error the reports layer raises for bad input it can name."""

from __future__ import annotations


class ReportError(ValueError):
    """A document cannot be built; the message is one line a person can act on."""
