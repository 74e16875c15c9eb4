"""The Overview tab: the officer's week across committees (issue 18)."""
