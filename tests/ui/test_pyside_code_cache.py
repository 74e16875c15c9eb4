"""ui/pyside_code_cache.py: shibokensupport's modules taken compiled from the cache are the code
compile() makes of them; the cache is made, used, and replaced when stale or damaged."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.ui import pyside_code_cache

START = """
import sys, builtins
from pathlib import Path
from desktop_app.ui import pyside_code_cache as cache
cache.cache_file = lambda: Path(sys.argv[1])
with cache.compiled_once():
    import PySide6.QtCore
from PySide6.QtCore import QObject
assert builtins.compile is cache._standard
try:
    QObject().setObjectName(1)   # the message lists its signatures (the support's parser)
except TypeError as error:
    print(error)
"""


def start(path: Path, *, write: bool = True) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run([sys.executable, "-c", START, str(path)], capture_output=True,
                          text=True, encoding="utf-8", check=True, env=env)
    return done.stdout


def entries(path: Path) -> dict:
    return marshal.loads(path.read_bytes()[len(pyside_code_cache.importlib.util.MAGIC_NUMBER):])


def test_made_then_used_and_its_code_is_what_compile_makes(tmp_path):
    path = tmp_path / "__pycache__" / "support.marshal"
    path.parent.mkdir()
    first = start(path)
    assert "Supported signatures" in first
    made = entries(path)
    assert len(made) >= 10
    assert all(name.startswith("shibokensupport/") for name, _flags in made)
    for (name, flags), (source, code) in made.items():
        assert code == compile(source, name, "exec", flags, True), name
    written = path.stat().st_mtime_ns
    assert start(path) == first          # the same modules, from the cache
    assert path.stat().st_mtime_ns == written   # nothing compiled afresh: not written again


def test_a_damaged_or_stale_cache_is_compiled_again_and_replaced(tmp_path):
    path = tmp_path / "__pycache__" / "support.marshal"
    path.parent.mkdir()
    path.write_bytes(b"damaged")
    first = start(path)
    made = entries(path)
    (name, flags), (source, code) = next(iter(made.items()))
    made[name, flags] = (source + b"\n# another version\n", code)
    path.write_bytes(pyside_code_cache.importlib.util.MAGIC_NUMBER + marshal.dumps(made))
    assert start(path) == first
    assert entries(path)[name, flags][0] == source


def test_no_cache_without_a_pycache_folder_or_where_python_writes_no_pyc(tmp_path):
    path = tmp_path / "nowhere" / "support.marshal"
    first = start(path)
    assert not path.parent.exists()
    path = tmp_path / "__pycache__" / "support.marshal"
    path.parent.mkdir()
    assert start(path, write=False) == first
    assert not path.exists()


def test_other_calls_compiled_as_always_with_the_callers_future_flags():
    fresh: dict = {}
    wrapped = pyside_code_cache.compile_from({}, fresh)
    source = "x: undefined_name = 1\n"
    # this module has ``from __future__ import annotations``: both take it from here
    assert wrapped(source, "<test>", "exec") == compile(source, "<test>", "exec")
    assert wrapped(source, "<test>", "exec", dont_inherit=True) == \
        compile(source, "<test>", "exec", dont_inherit=True)
    assert wrapped(source, "<test>", "exec").co_flags != \
        compile(source, "<test>", "exec", dont_inherit=True).co_flags
    assert fresh == {}
