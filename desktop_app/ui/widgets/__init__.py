"""Small shared widgets: UK date entry, search box, filter combos, record tables, badges,
detail-pane parts."""
