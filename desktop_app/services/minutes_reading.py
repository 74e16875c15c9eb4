"""Minutes as the upper floors read them before saving (``minutes`` command, the minutes
review): the proposal ``importers.minutes`` makes from a .docx/.pdf/.txt, and its parts.
Saving is ``services.minutes_import.save_minutes``."""

from __future__ import annotations

from desktop_app.importers.minutes import (MinutesError, MinutesProposal, ProposedAction,
                                           ProposedItem, ProposedRecommendation,
                                           parse_minutes_file, title_key)

__all__ = ["MinutesError", "MinutesProposal", "ProposedAction", "ProposedItem",
           "ProposedRecommendation", "parse_minutes_file", "title_key"]
