"""The Work programme tab: sections per meeting, item dialogs, its controller and table model."""
