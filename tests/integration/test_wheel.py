"""A non-editable install works: an sdist is built from a copy of the source, a wheel from the
sdist (as `python -m build` does), the wheel is installed into a fresh venv with no system site
packages, and `scrutiny-tracker demo` and `list` run there from a folder outside the checkout.

Offline: the build uses this venv's setuptools and wheel (no build isolation), and the fresh venv
gets the app's dependencies through a .pth file naming this venv's site-packages - a plain path
line, so this venv's editable install of the app (a .pth hook) is not seen there."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SCRUTINY_TEST_BACKEND", "sqlite") != "sqlite",
                       reason="the wheel is checked once, in the SQLite run"),
]

SHIPPED = ("desktop_app/resources/icons/app.png", "desktop_app/resources/icons/app.ico",
           "desktop_app/resources/demo/cyp_committee.json",
           "desktop_app/db/migrations/script.py.mako",
           "desktop_app/db/migrations/versions/0001_initial_schema.py")
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    "*.pyc", ".pytest_cache", ".ruff_cache", "tests", "benchmarks")


def _run(*args: str | Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", cwd=cwd,
                          env=env, timeout=900)
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    shutil.copytree(REPO, src, ignore=NOT_SOURCE)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run(sys.executable, "-c", "import sys; from setuptools import build_meta as b; "
         "b.build_sdist(sys.argv[1])", work / "sdist", cwd=src)
    (sdist,) = (work / "sdist").glob("scrutiny_tracker-*.tar.gz")
    _run(*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", work / "wheels",
         sdist, cwd=work)
    (wheel,) = (work / "wheels").glob("scrutiny_tracker-*.whl")
    return {"work": work, "sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def venv(built) -> Path:
    target = built["work"] / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", target, cwd=built["work"])
    python = target / "bin" / "python"
    if not python.exists():
        python = target / "Scripts" / "python.exe"
    # This venv's pip installs into the fresh one; nothing is fetched (--no-index).
    _run(sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python,
         "install", "--no-deps", "--no-index", built["wheel"], cwd=built["work"])
    fresh_site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                      cwd=built["work"]).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(fresh_site, "_dependencies_from_dev_venv.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return target


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "SCRUTINY_TRACKER_")) and k != "VIRTUAL_ENV"}
    env.update(QT_QPA_PLATFORM="offscreen", SCRUTINY_TRACKER_HOME=str(home),
               SCRUTINY_TRACKER_USER="Wheel Test")
    return env


def test_sdist_and_wheel_carry_the_resources(built):
    with tarfile.open(built["sdist"]) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    with zipfile.ZipFile(built["wheel"]) as whl:
        in_wheel = set(whl.namelist())
    for name in SHIPPED:
        assert name in in_sdist, f"{name} is not in the sdist"
        assert name in in_wheel, f"{name} is not in the wheel"
    assert not any(n.startswith(("tests/", "resources/")) for n in in_wheel)


def test_installed_wheel_runs_demo_and_list_outside_the_checkout(venv, tmp_path):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    exe = venv / "bin" / "scrutiny-tracker"
    where = _run(venv / "bin" / "python", "-c", "import desktop_app.resources as r; "
                 "print(r.__file__); print(r.resource('icons', 'app.png'))",
                 cwd=elsewhere, env=_env(home)).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where), where

    demo = _run(exe, "demo", cwd=elsewhere, env=_env(home))
    assert "Children and Young People Scrutiny Committee" in demo.stdout
    listed = _run(exe, "list", "actions", "--committee", "CYPSC", "--json",
                  cwd=elsewhere, env=_env(home))
    actions = json.loads(listed.stdout)
    assert [a["owner"] for a in actions].count("Claire Ward") == 2
    demo_json = json.loads((REPO / "desktop_app" / "resources" / "demo" /
                            "cyp_committee.json").read_text(encoding="utf-8"))
    table = _run(exe, "list", "recommendations", "--committee", "CYPSC",
                 cwd=elsewhere, env=_env(home)).stdout.strip().splitlines()
    assert table[0].split()[:3] == ["id", "meeting", "item"]
    assert len(table) == 2 + len(demo_json["recommendations"])  # header, rule, one line each

    (db_file,) = home.rglob("scrutiny-tracker.db")
    con = sqlite3.connect(db_file)
    try:
        assert con.execute("SELECT name FROM committees").fetchall() == [
            (demo_json["committee"]["name"],)]
        assert con.execute("SELECT count(*) FROM actions").fetchone()[0] == len(actions) == \
            len(demo_json["actions"])
        assert con.execute("SELECT count(*) FROM recommendations").fetchone()[0] == \
            len(demo_json["recommendations"])
    finally:
        con.close()
