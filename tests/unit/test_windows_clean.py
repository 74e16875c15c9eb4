"""The code and the tests stay runnable on Windows (issue 16): no POSIX-only call outside a
guarded place, and no text file or pipe opened without naming its encoding (on Windows the
default is the ANSI code page, cp1252, and PYTHONWARNDEFAULTENCODING=1 in the Windows CI run
warns about each one).

A POSIX-only call is guarded when it sits under a test of ``os.name``, ``sys.platform`` or
``hasattr(os, ...)`` (an ``if``, a conditional expression or an ``and``), or when its line says
``# posix-only`` with the reason."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

FOLDERS = ("desktop_app", "tests", "benchmarks", "packaging")
POSIX_ATTRIBUTES = {("os", "geteuid"), ("os", "getuid"), ("os", "getgid"), ("os", "getegid"),
                    ("os", "fork"), ("os", "killpg"), ("os", "setsid"), ("os", "getpgid"),
                    ("signal", "SIGKILL"), ("signal", "SIGHUP"), ("signal", "SIGUSR1"),
                    ("signal", "SIGALRM"), ("signal", "alarm")}
POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "resource"}
POSIX_PATHS = ("/tmp", "/dev/null", "/var/tmp")   # posix-only: the names looked for
GUARDS = ("os.name", "sys.platform", "hasattr(os", "platform.system")
SUBPROCESS_CALLS = {"run", "Popen", "check_output", "check_call", "call"}


def _sources() -> list[Path]:
    files = []
    for folder in FOLDERS:
        for path in sorted((REPO / folder).rglob("*.py")):
            if not {"build", "dist", "__pycache__"} & set(path.relative_to(REPO).parts):
                files.append(path)
    return files


class _Finder(ast.NodeVisitor):
    def __init__(self, source: str):
        self.lines = source.splitlines()
        self.guards: list[ast.AST] = []
        self.found: list[tuple[int, str]] = []

    # ------------------------------------------------------------------ guards
    def _guarded_by(self, test: ast.AST) -> bool:
        text = ast.unparse(test)
        return any(g in text for g in GUARDS)

    def visit_If(self, node: ast.If) -> None:  # noqa: N802 - ast's naming
        self._visit_guarded(node.test, node.body + node.orelse, node)

    def visit_IfExp(self, node: ast.IfExp) -> None:  # noqa: N802
        self._visit_guarded(node.test, [node.body, node.orelse], node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:  # noqa: N802
        first, *rest = node.values
        self._visit_guarded(first, rest, node)

    def _visit_guarded(self, test: ast.AST, body: list, node: ast.AST) -> None:
        self.visit(test)
        guarded = self._guarded_by(test)
        if guarded:
            self.guards.append(node)
        for child in body:
            self.visit(child)
        if guarded:
            self.guards.pop()

    def _flag(self, node: ast.AST, what: str) -> None:
        line = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        if self.guards or "posix-only" in line:
            return
        self.found.append((node.lineno, what))

    # ------------------------------------------------------------------ POSIX only
    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in POSIX_ATTRIBUTES:
            self._flag(node, f"{node.value.id}.{node.attr}")
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._flag(node, f"import {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        if (node.module or "").split(".")[0] in POSIX_MODULES:
            self._flag(node, f"from {node.module} import")

    def visit_Constant(self, node: ast.Constant) -> None:  # noqa: N802
        if isinstance(node.value, str) and node.value.startswith(POSIX_PATHS):
            self._flag(node, f"the path {node.value[:30]!r}")

    # ------------------------------------------------------------------ encodings
    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        names = {k.arg for k in node.keywords}
        if isinstance(func, ast.Name) and func.id == "open":
            self._check_open(node, names)
        elif isinstance(func, ast.Attribute):
            if func.attr == "read_text" and not node.args and "encoding" not in names:
                self._flag(node, ".read_text() without an encoding")
            elif func.attr == "write_text" and len(node.args) < 2 and "encoding" not in names:
                self._flag(node, ".write_text() without an encoding")
            elif (func.attr in SUBPROCESS_CALLS and names & {"text", "universal_newlines"}
                  and "encoding" not in names):
                self._flag(node, f"subprocess {func.attr}(text=True) without an encoding")
        self.generic_visit(node)

    def _check_open(self, node: ast.Call, names: set) -> None:
        if node.args and "devnull" in ast.unparse(node.args[0]):
            return   # nothing is ever read back from os.devnull
        mode = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "mode"), None)
        text_mode = mode is None or (isinstance(mode, ast.Constant) and "b" not in str(mode.value))
        if text_mode and "encoding" not in names:
            self._flag(node, "open() in text mode without an encoding")


def _problems(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    finder = _Finder(source)
    finder.visit(ast.parse(source))
    rel = path.relative_to(REPO).as_posix()
    return [f"{rel}:{line}: {what}" for line, what in finder.found]


def test_no_posix_only_calls_or_default_encodings():
    problems = [p for path in _sources() for p in _problems(path)]
    assert problems == []


@pytest.mark.parametrize(("code", "bad"), [
    ("import os\nuid = os.geteuid()\n", True),
    ("import os\nroot = hasattr(os, 'geteuid') and os.geteuid() == 0\n", False),
    ("import os, sys\nif sys.platform != 'win32':\n    os.killpg(1, 9)\n", False),
    ("import signal\np.send_signal(signal.SIGKILL)\n", True),
    ("import signal\np.send_signal(signal.SIGKILL)  # posix-only: skipped on Windows\n", False),
    ("import fcntl\n", True),
    ("x = '/tmp/scrutiny.db'\n", True),
    ("open('a.txt')\n", True),
    ("open('a.txt', 'rb')\n", False),
    ("open('a.txt', 'w', encoding='utf-8')\n", False),
    ("import os\nopen(os.devnull, 'w')\n", False),
    ("p.read_text()\n", True),
    ("p.write_text('x', encoding='utf-8')\n", False),
    ("subprocess.run(['x'], capture_output=True, text=True)\n", True),
    ("subprocess.run(['x'], text=True, encoding='utf-8')\n", False),
])
def test_the_check_itself(code, bad):
    finder = _Finder(code)
    finder.visit(ast.parse(code))
    assert bool(finder.found) is bad, (code, finder.found)
