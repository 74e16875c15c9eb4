"""The Meetings tab: meetings, agendas, minutes and reports, its controller and table models."""
