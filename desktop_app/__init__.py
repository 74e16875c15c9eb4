"""Scrutiny Tracker: meetings, work programme and recommendation/action tracker for council scrutiny."""

__version__ = "0.1.0"
APP_NAME = "Scrutiny Tracker"
APP_SLUG = "scrutiny-tracker"
