"""Benchmark: each speed trick against the plain way it replaces, side by side in one run.

    python benchmarks/bench_tricks.py [--only xlsx,pdf,proxy,schema,cli] [--repeat 3]

Each trick stands behind one seam whose other side is the plain way (a unit test per trick holds
the two to the same answer). Both sides run on the same input, alternately, and the medians are
compared; CPU time is what is compared (wall clock on a shared machine is noisier):

  xlsx    importers/xlsx_grid.py: ``read_grids`` (openpyxl opens the workbook read-only, then
          one pass of our own over each sheet part) against ``read_grids_normal`` (openpyxl's
          normal mode), on action logs of 500 and 5,000 rows (an officer's tracker) and 20,000
          (the stress size).
  pdf     reports/fasttable.py: the action log with FastTable against the same story with
          reportlab's Table of Paragraphs (reports/plaintable.py), 500 and 2,000 actions.
  proxy   ui/models/proxy.py: RecordFilterProxy against QSortFilterProxyModel with the same
          filter (ui/models/plain_proxy.py), each under a table view: typing "social" letter by
          letter, then a status filter, with 5,000, 20,000 and 100,000 actions.
  schema  db/schema.py: opening a database already at the head revision, the head read from
          the migration files with a regex against asking Alembic (``ensure_schema(quick=)``),
          each a whole process.
  cli     cli/__init__.py: ``parse_args(["gui"])`` with the window-only parser against the full
          parser (``parse_args(short=)``), each a whole process; then, for scale, the
          whole window start (`gui --smoke-test`) and the start-up ratio without both tricks.
  lite    services/import_lite.py: an .xls action log imported into a new SQLite database
          straight through sqlite3 against the ORM path (``import_file(url=)``), each a whole
          process, with 500 and 20,000 actions.

A trick is worth its lines when it saves at least ~50 ms where an officer waits (one import,
one document, one keystroke, one start-up) at realistic sizes; each line says so.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORTH_MS = 50.0
TRICKS = ("xlsx", "pdf", "proxy", "schema", "cli", "lite")


def cpu_ms(job: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    job()
    return (time.process_time() - start) * 1000


def side_by_side(fast: Callable[[], object], plain: Callable[[], object],
                 repeat: int, warm_up: bool = True) -> tuple[float, float]:
    """Median CPU ms of ``fast`` and of ``plain``, run alternately (after one warm-up each)."""
    if warm_up:
        fast()
        plain()
    f, p = [], []
    for _ in range(repeat):
        f.append(cpu_ms(fast))
        p.append(cpu_ms(plain))
    return statistics.median(f), statistics.median(p)


WORTH: dict[str, list[str]] = {}       # trick -> the sizes at which it is worth its lines
SAVED: dict[str, float] = {}            # trick -> ms saved at its last size


def report(trick: str, size: str, fast_ms: float, plain_ms: float, waits: str) -> None:
    saved = plain_ms - fast_ms
    worth = saved >= WORTH_MS and plain_ms / fast_ms >= 1.2
    WORTH.setdefault(trick, [])
    SAVED[trick] = saved
    if worth:
        WORTH[trick].append(size)
    print(f"  {trick:<6} {size:<24} trick {fast_ms:8.1f} ms  plain {plain_ms:8.1f} ms  "
          f"ratio plain/trick {plain_ms / fast_ms:5.2f}x  saves {saved:7.1f} ms {waits}  "
          f"[{'worth it' if worth else 'not worth it'} at this size]", flush=True)


# ------------------------------------------------------------------ xlsx reader

def bench_xlsx(repeat: int, _work: Path) -> None:
    from bench_import import make_action_log

    from desktop_app.importers.xlsx_grid import read_grids, read_grids_normal
    from desktop_app.importers.xlsx_reader import paused_gc

    out = HERE / "out"              # kept between runs, as bench_import keeps its workbooks
    out.mkdir(exist_ok=True)
    for rows, times in ((500, repeat), (5_000, repeat), (20_000, 1)):
        path = out / f"action_log_{rows}.xlsx"     # bench_import's name: made once for both
        if not path.exists():
            make_action_log(path, rows)

        def read(reader=read_grids, path=path):
            with paused_gc():      # as parse_workbook reads
                return reader(path)

        fast, plain = side_by_side(read, lambda path=path: read(read_grids_normal, path), times,
                                   warm_up=rows < 20_000)
        report("xlsx", f"{rows:,} rows", fast, plain, "per import")


# ------------------------------------------------------------------ PDF table

def bench_pdf(repeat: int, _work: Path) -> None:
    import datetime as dt

    from bench_pdf import action_rows, make_rows

    from desktop_app.reports import action_log, page
    from desktop_app.reports.exemption import Disclosure
    from desktop_app.reports.fasttable import FastTable
    from desktop_app.reports.keeping import unpacked
    from desktop_app.reports.plaintable import as_plain

    def build(actions, plain: bool) -> bytes:
        flow = action_log.story(actions, committee="Bench Scrutiny Committee",
                                as_at=dt.date(2021, 11, 23), disclosure=Disclosure.of(False, ()),
                                last_meeting=dt.date(2021, 10, 12))
        if plain:       # the sections' parts one after another, each table reportlab's own
            flow = [as_plain(f) if isinstance(f, FastTable) else f for f in unpacked(flow)]
        return page.render(flow, page.PageSetup(title="Action log",
                                                committee="Bench Scrutiny Committee",
                                                as_at=dt.date(2021, 11, 23)))

    for rows, times in ((500, repeat), (2_000, 1)):    # the plain 2,000-row log takes ~15 s
        actions = action_rows(make_rows(rows))
        fast, plain = side_by_side(lambda a=actions: build(a, False),
                                   lambda a=actions: build(a, True), times, warm_up=rows < 2_000)
        report("pdf", f"action log, {rows:,} rows", fast, plain, "per document")


# ------------------------------------------------------------------ filter proxy

def bench_proxy(repeat: int, _work: Path) -> None:
    from bench_gui import make_rows
    from PySide6.QtWidgets import QApplication, QTableView

    from desktop_app.ui.tracker.actions_model import ActionsModel
    from desktop_app.ui.models.plain_proxy import PlainFilterProxy
    from desktop_app.ui.models.proxy import RecordFilterProxy

    app = QApplication.instance() or QApplication([])
    for rows in (5_000, 20_000, 100_000):
        data = make_rows(rows)
        views = {}
        for kind in (RecordFilterProxy, PlainFilterProxy):
            model = ActionsModel()
            model.set_rows(data, ActionsModel.haystacks(data))
            proxy = kind()
            proxy.setSourceModel(model)
            view = QTableView()
            view.setModel(proxy)
            view.resize(1366, 700)
            view.show()
            app.processEvents()
            views[kind] = (proxy, view)

        def typing(kind, views=views) -> list[int]:
            proxy, view = views[kind]
            shown = []
            for step in ("s", "so", "soc", "soci", "socia", "social", ""):
                proxy.set_search(step)
                view.viewport().repaint()
                app.processEvents()
                shown.append(proxy.rowCount())
            proxy.set_predicate("status", lambda r: r.overdue)
            view.viewport().repaint()
            app.processEvents()
            shown.append(proxy.rowCount())
            proxy.set_predicate("status", None)
            app.processEvents()
            return shown

        # the same rows shown after each step; this first round is the warm-up as well
        assert typing(RecordFilterProxy) == typing(PlainFilterProxy)
        fast, plain = side_by_side(lambda: typing(RecordFilterProxy),
                                   lambda: typing(PlainFilterProxy),
                                   repeat if rows < 100_000 else 1, warm_up=False)
        # 9 filter changes: 7 keystrokes (the last clears), the status filter on and off
        report("proxy", f"{rows:,} actions", fast / 9, plain / 9, "per keystroke")
        for proxy, view in views.values():
            view.close()
            proxy.setSourceModel(None)


# ------------------------------------------------------------------ start-up tricks

SCHEMA = """
import sys
from desktop_app.db.engine import Database, make_engine
from desktop_app.db.schema import ensure_schema
db = Database(make_engine(sys.argv[1]), sys.argv[1])
print(ensure_schema(db, quick=sys.argv[2] == "quick"))
"""

CLI = """
import sys
from desktop_app.cli import parse_args
args = parse_args(["gui"], short=sys.argv[1] == "short")
print(args.command)
"""


def process_cpu_ms(args: list[str]) -> tuple[float, str]:
    """CPU ms (user + system) of one whole child process, and its output."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=REPO)
    _pid, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode().strip() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(args[:3])}... failed: {err.strip()[-500:]}")
    return (usage.ru_utime + usage.ru_stime) * 1000, out


def processes(fast: list[str], plain: list[str], repeat: int) -> tuple[float, float]:
    f, p = [], []
    for _ in range(repeat + 1):          # the first round warms the file cache and .pyc files
        f.append(process_cpu_ms(fast))
        p.append(process_cpu_ms(plain))
    assert f[0][1] == p[0][1], (f[0][1], p[0][1])
    return (statistics.median(t for t, _ in f[1:]), statistics.median(t for t, _ in p[1:]))


def bench_schema(repeat: int, work: Path) -> None:
    from desktop_app.db.schema import open_database

    url = f"sqlite:///{work / 'current.db'}"
    open_database(url).dispose()
    fast, plain = processes([sys.executable, "-c", SCHEMA, url, "quick"],
                            [sys.executable, "-c", SCHEMA, url, "alembic"], repeat * 2)
    report("schema", "open a current database", fast, plain, "per start")


def bench_cli(repeat: int, work: Path) -> None:
    fast, plain = processes([sys.executable, "-c", CLI, "short"],
                            [sys.executable, "-c", CLI, "full"], repeat * 2)
    report("cli", "parse `gui`", fast, plain, "per start")
    # For scale: the whole window start (neither Alembic nor the other commands' modules
    # are imported by it, so both start-up tricks' savings are its own).
    db = work / "window.db"
    window = [sys.executable, "-m", "desktop_app", "--db", f"sqlite:///{db}", "gui",
              "--smoke-test"]
    process_cpu_ms(window)
    whole = statistics.median(process_cpu_ms(window)[0] for _ in range(repeat))
    without = whole + SAVED.get("schema", 0.0) + SAVED["cli"]
    print(f"  for scale: `gui --smoke-test` (empty database) costs CPU {whole:.0f} ms with the "
          f"start-up tricks measured here, ~{without:.0f} ms without them (start-up ratio "
          f"{without / whole:.2f}x)", flush=True)


LITE = """
import sys
from pathlib import Path
from desktop_app.services.importing import ImportOptions, import_file
db = Path(sys.argv[2])
for suffix in ("", "-wal", "-shm"):
    Path(str(db) + suffix).unlink(missing_ok=True)
url = f"sqlite:///{db}"
def opener():
    from desktop_app.services.workspace import open_database
    return open_database(url)
done = import_file(opener, sys.argv[1], "Children and Young People Scrutiny Committee",
                   ImportOptions(kind="actions"), url=url if sys.argv[3] == "quick" else None)
assert done.quick == (sys.argv[3] == "quick")
print(done.summary.created)
"""


def bench_lite(repeat: int, work: Path) -> None:
    from bench_formats import MAKE_XLS

    for rows in (500, 20_000):
        source = work / f"log-{rows}.xls"
        subprocess.run([sys.executable, "-c", MAKE_XLS, str(source), str(rows)], check=True)
        fast, plain = processes(
            [sys.executable, "-c", LITE, str(source), str(work / "quick.db"), "quick"],
            [sys.executable, "-c", LITE, str(source), str(work / "orm.db"), "orm"], repeat)
        report("lite", f"{rows:,} actions (.xls)", fast, plain, "per import")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(TRICKS),
                        help=f"comma-separated, of: {', '.join(TRICKS)}")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    wanted = [t for t in args.only.split(",") if t]
    unknown = set(wanted) - set(TRICKS)
    if unknown:
        parser.error(f"unknown trick(s): {', '.join(sorted(unknown))}")
    print(f"each trick against the plain way; medians of {args.repeat} alternating runs, CPU "
          f"time; worth it = saves >= {WORTH_MS:.0f} ms and ratio >= 1.2x")
    with tempfile.TemporaryDirectory(prefix="bench_tricks_") as tmp:
        os.environ["SCRUTINY_TRACKER_HOME"] = str(Path(tmp) / "home")
        for trick in wanted:
            globals()[f"bench_{trick}"](args.repeat, Path(tmp))
    print("summary:")
    for trick, sizes in WORTH.items():
        print(f"  {trick:<6} " + (f"worth its lines at: {'; '.join(sizes)}" if sizes else
                                  "NOT worth its lines at any size measured: remove it"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
