"""File > Import minutes: reviewing a minutes file before its recommendations and actions are saved."""
