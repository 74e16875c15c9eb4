"""Readers that turn council documents into proposals for the tracker."""
