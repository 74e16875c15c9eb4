"""The window around the tabs: menus and commands, the attention strip, the welcome page."""
