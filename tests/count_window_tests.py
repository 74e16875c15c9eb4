"""How many collected tests drive the real window (issue 18 asks for about a third).

    QT_QPA_PLATFORM=offscreen python tests/count_window_tests.py [pytest args, e.g. tests/ui]

A test counts when its fixture closure holds pytest-qt's ``qtbot`` (directly, or through a
fixture that opens a window with it)."""

from __future__ import annotations

import sys

import pytest


class _Count:
    def __init__(self) -> None:
        self.total = 0
        self.window = 0

    def pytest_collection_modifyitems(self, items) -> None:
        self.total = len(items)
        self.window = sum("qtbot" in getattr(item, "fixturenames", ()) for item in items)


def main(argv: list[str]) -> int:
    count = _Count()
    code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", *argv], plugins=[count])
    share = count.window / count.total if count.total else 0.0
    print(f"window tests: {count.window} of {count.total} collected ({share:.1%})")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
