"""ui/pyside_start.py: PySide6's import hook asks every module it has not seen whether it uses
PySide6; the quicker answer (the .py file's bytes) is PySide6's own answer for every module."""

from __future__ import annotations

import sys
from types import ModuleType

import desktop_app.ui.launch  # noqa: F401 - the window's start: ui/startup.py, then PySide6
from desktop_app.ui import pyside_start


def test_the_quicker_answer_is_pysides_own_for_every_module():
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert pyside_start.install()                 # this PySide6 has the function replaced
    upstream = quick.upstream
    names = [n for n, m in list(sys.modules.items()) if isinstance(m, ModuleType) and (
        n.startswith("desktop_app") or n in ("json", "sys", "typing", "zlib", "PySide6",
                                             "PySide6.QtCore", "shiboken6"))]
    answers = {n: (quick(sys.modules[n]), upstream(sys.modules[n])) for n in names}
    assert {n: a for n, a in answers.items() if a[0] != a[1]} == {}
    assert answers["desktop_app.ui.launch"] == (True, True)
    assert answers["desktop_app.domain.dates"] == (False, False)
    assert answers["sys"] == answers["json"] == (False, False)
    assert len(answers) > 30
