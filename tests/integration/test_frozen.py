"""The frozen (PyInstaller one-folder) app starts and works: `demo` and `gui --smoke-test`
against a temporary database. Built once per run from packaging/scrutiny_tracker.spec."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXE = ".exe" if os.name == "nt" else ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SCRUTINY_TEST_BACKEND", "sqlite") != "sqlite",
                       reason="the frozen build is checked once, in the SQLite run"),
]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller cannot run on this machine (not installed)")
    import shutil
    if sys.platform.startswith("linux") and not shutil.which("objdump"):
        pytest.skip("PyInstaller cannot run on this machine: it needs objdump (apt-get install "
                    "binutils)")
    out = tmp_path_factory.mktemp("frozen")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
         str(REPO / "packaging" / "scrutiny_tracker.spec")],
        capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=REPO,
        timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = out / "dist" / "scrutiny-tracker"
    assert (folder / f"scrutiny-tracker{EXE}").exists()
    assert (folder / f"scrutiny-tracker-cli{EXE}").exists()
    return folder


def _run(exe: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", SCRUTINY_TRACKER_HOME=str(home))
    return subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, cwd=exe.parent.parent, timeout=600)


def test_frozen_cli_demo_and_listing(frozen_app, tmp_path):
    url = f"sqlite:///{tmp_path / 'frozen.db'}"
    cli = frozen_app / f"scrutiny-tracker-cli{EXE}"
    r = _run(cli, "--version", home=tmp_path)
    assert r.returncode == 0
    assert "scrutiny-tracker" in r.stdout
    r = _run(cli, "--db", url, "demo", home=tmp_path)
    assert r.returncode == 0, r.stderr
    r = _run(cli, "--db", url, "list", "actions", "--committee", "CYPSC", "--json", home=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [a["owner"] for a in json.loads(r.stdout)].count("Claire Ward") == 2


def test_frozen_gui_smoke_test(frozen_app, tmp_path):
    url = f"sqlite:///{tmp_path / 'frozen.db'}"
    assert _run(frozen_app / f"scrutiny-tracker-cli{EXE}", "--db", url, "demo",
                home=tmp_path).returncode == 0
    # the window program has no console on Windows: the timings go to a file
    out = tmp_path / "smoke.json"
    r = _run(frozen_app / f"scrutiny-tracker{EXE}", "--db", url, "gui", "--smoke-test",
             "--output", str(out), home=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    timings = json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1])
    assert timings["window_shown"] > 0
    assert "total" in timings


def test_portable_mode_keeps_data_beside_the_program(frozen_app, tmp_path):
    marker = frozen_app / "portable"
    marker.write_text("1", encoding="utf-8")
    try:
        env_home = {k: v for k, v in os.environ.items()
                    if k not in ("SCRUTINY_TRACKER_HOME",) and not k.startswith("PYTHON")}
        r = subprocess.run([str(frozen_app / f"scrutiny-tracker-cli{EXE}"), "demo"],
                           env=env_home, capture_output=True, text=True, encoding="utf-8",
                           errors="replace", timeout=600)
        assert r.returncode == 0, r.stderr
        assert (frozen_app / "data" / "data" / "scrutiny-tracker.db").exists()
    finally:
        marker.unlink()
        import shutil
        shutil.rmtree(frozen_app / "data", ignore_errors=True)
