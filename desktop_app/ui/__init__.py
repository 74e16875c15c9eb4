"""The window. The only package that imports PySide6.

One subpackage per thing the officer sees, each with its views (layout), a controller (what is
done, through services) and its table models:

  tracker/         the Tracker tab (recommendations and the action log)
  meetings/        the Meetings tab (meetings, agendas, minutes, reports)
  work_programme/  the Work programme tab
  importing/       File > Import: the import wizard and the chase returns review
  minutes_review/  File > Import minutes
  printing/        File > Print / export
  tools/           Tools > Chase owners, Impact statistics
  shell/           the window's menus and commands, the attention strip, the welcome page
  widgets/         shared widgets;  models/  shared table-model bases and the filter proxy

At the top: main_window.py (the window and ``run``) and what the whole app shares: app_state
(settings), tab_api (what every tab offers), undo, workers, errors, crash, startup, smoke and
the user guide.
"""
