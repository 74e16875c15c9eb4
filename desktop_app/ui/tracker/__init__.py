"""The Tracker tab: recommendations and the action log, their grids, detail panes and controller."""
