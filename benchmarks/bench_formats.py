"""Importing a 20,000-row .xls and a 2,000-row Word table, measured against the raw parser
(xlrd / python-docx) merely reading the same file (issue 13: within 2x).

    python benchmarks/bench_formats.py                # both files, the reader then the CLI import
    python benchmarks/bench_formats.py --mode parse   # the reader alone (or --mode cli)
    python benchmarks/bench_formats.py --check        # exit 1 past 2.0x

As in bench_import.py, each measurement is a separate whole process (interpreter start-up and
imports included), run alternately with its baseline, and the medians of --repeat runs of CPU
time (user + system, from os.wait4) are compared; wall-clock ratios are printed too. The files
are made in a temporary folder by a child process (xlwt for the .xls, python-docx for the .docx).

Baselines, the raw parser merely reading every cell:
- .xls: ``xlrd.open_workbook(path, formatting_info=True)`` (the formatting is what carries the
  blue/red fonts and the merged cells the importer reads) and every row's values;
- .docx: ``docx.Document(path)`` and every table row's ``cells`` texts.
Ours: ``parse_workbook(path)`` (--mode parse; an .xls through importers/biff.py's reader, which
the run checks) and ``scrutiny-tracker import FILE`` into a fresh
SQLite database (--mode cli: reading, inserting every record with its audit rows and search
index entries; into a new database that is the quick sqlite3 path, services/import_lite.py -
bench_tricks.py ``lite`` measures it against the ORM path).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

import bench_import  # the same whole-process measure (benchmarks/ is on the path)

os.environ.pop("PYTHONDONTWRITEBYTECODE", None)   # an installed app has its .pyc files

REPO = Path(__file__).resolve().parents[1]
LIMIT = 2.0

BASELINES = {
    "xls": """
import sys, xlrd
book = xlrd.open_workbook(sys.argv[1], formatting_info=True)
n = 0
for sheet in book.sheets():
    for r in range(sheet.nrows):
        sheet.row_values(r)
        n += 1
print(n)
""",
    "docx": """
import sys, docx
document = docx.Document(sys.argv[1])
n = 0
for table in document.tables:
    for row in table.rows:
        [cell.text for cell in row.cells]
        n += 1
print(n)
""",
}

PARSE = """
import sys
from desktop_app.importers.xlsx_reader import parse_workbook
parsed = parse_workbook(sys.argv[1], kind=sys.argv[2])
assert not parsed.skipped, parsed.skipped[:3]
if sys.argv[1].endswith(".xls"):  # the fast BIFF8 reader read it, not the xlrd fallback
    from desktop_app.importers.read_xls import READS
    assert READS == {"biff": 1, "xlrd": 0}, READS
print(len(parsed.rows))
"""

MAKE_XLS = """
import datetime as dt, random, sys, xlwt
rows = int(sys.argv[2])
rng = random.Random(1)
book = xlwt.Workbook()
sheet = book.add_sheet("Action log")
title = xlwt.easyxf("font: bold on, height 280")
date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
blue = xlwt.easyxf("font: colour blue")
red = xlwt.easyxf("font: colour red")
sheet.write_merge(0, 0, 0, 6, "Children and Young People Scrutiny Committee: action log", title)
sheet.write(1, 0, "Blue text: new actions. Red text: updated since the last meeting.")
for c, name in enumerate(["Ref", "Meeting date", "Action", "Owner", "Due date", "Status",
                          "Progress"]):
    sheet.write(3, c, name)
owners = ["Claire Ward", "Richard Watson", "Amina Patel", "Tom Hughes", "Sian Morgan"]
start = dt.date(2019, 1, 10)
r = 4
for n in range(rows):
    meeting = start + dt.timedelta(days=28 * (n // 40))
    style = blue if n % 17 == 0 else xlwt.Style.default_style
    sheet.write(r, 0, f"A{n + 1}")
    sheet.write(r, 1, dt.datetime.combine(meeting, dt.time()), date)
    sheet.write(r, 2, f"Provide the committee with the figures for item {n} ({rng.random():.4f}).",
                style)
    sheet.write(r, 3, owners[n % len(owners)])
    sheet.write(r, 4, dt.datetime.combine(meeting + dt.timedelta(days=60), dt.time()), date)
    sheet.write(r, 5, "Completed" if n % 3 == 0 else "Open")
    sheet.write(r, 6, f"Update {n}: work under way", red if n % 23 == 0 else
                xlwt.Style.default_style)
    r += 1
book.save(sys.argv[1])
"""

MAKE_DOCX = """
import random, sys, docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
rows = int(sys.argv[2])
rng = random.Random(1)
document = docx.Document()
document.add_heading("Schedule of recommendations", level=1)
headers = ["Meeting", "Item", "Recommendation", "Executive response", "Status"]
table = document.add_table(rows=rows + 1, cols=len(headers))
trs = table._tbl.tr_lst
def put(tc, text):
    tc.p_lst[0].add_r().text = text
def vmerge(tc, restart):
    pr = tc.get_or_add_tcPr()
    v = OxmlElement("w:vMerge")
    if restart:
        v.set(qn("w:val"), "restart")
    pr.append(v)
for c, name in enumerate(headers):
    put(trs[0].tc_lst[c], name)
days = ["21 November 2022", "20 February 2023", "10 July 2023", "18 September 2023"]
for n in range(rows):
    tcs = trs[n + 1].tc_lst
    first = n % 5 == 0
    vmerge(tcs[0], first)
    vmerge(tcs[1], first)
    if first:
        put(tcs[0], days[(n // 5) % len(days)])
        put(tcs[1], f"Item {n // 5}")
    put(tcs[2], f"That the panel receives the figures for recommendation {n} "
                f"({rng.random():.4f}).")
    put(tcs[3], f"Agreed; reported on {days[n % len(days)]}.")
    put(tcs[4], "Completed" if n % 3 == 0 else "Open")
document.save(sys.argv[1])
"""

FILES = {"xls": (MAKE_XLS, 20_000, "actions"), "docx": (MAKE_DOCX, 2_000, "recommendations")}


def run(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of one child process (bench_import's measure)."""
    wall, cpu, _peak_mb, out = bench_import.run(args)
    return wall, cpu, out


def ours(mode: str, path: Path, kind: str, workdir: Path, i: int) -> list[str]:
    if mode == "parse":
        return [sys.executable, "-c", PARSE, str(path), kind]
    db = workdir / f"bench-{path.stem}-{i}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return [sys.executable, "-m", "desktop_app", "--db", f"sqlite:///{db}", "import", str(path),
            "--committee", "Children and Young People Scrutiny Committee", "--create-committee",
            "--as", kind.replace("_", "-"), "--json"]


def measure(fmt: str, path: Path, kind: str, mode: str, repeat: int,
            workdir: Path) -> float:
    base, mine = [], []
    for i in range(repeat):
        base.append(run([sys.executable, "-c", BASELINES[fmt], str(path)]))
        mine.append(run(ours(mode, path, kind, workdir, i)))
    bw, ow = (statistics.median(r[0] for r in runs) for runs in (base, mine))
    bc, oc = (statistics.median(r[1] for r in runs) for runs in (base, mine))
    ratio = oc / bc
    verdict = "ok" if ratio <= LIMIT else "TOO SLOW"
    raw = "xlrd" if fmt == "xls" else "python-docx"
    print(f"{path.name} ({fmt}, {mode})\n  baseline ({raw} reading): CPU {bc:5.2f} s  wall "
          f"{bw:5.2f} s\n  ours ({mode}):{' ' * (22 - len(mode) - len(raw))}CPU {oc:5.2f} s  "
          f"wall {ow:5.2f} s\n  ratio (CPU) {ratio:.2f}x, wall {ow / bw:.2f}x  "
          f"[{verdict}; limit {LIMIT}x]", flush=True)
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=("parse", "cli", "both"), default="both")
    parser.add_argument("--format", choices=("xls", "docx", "both"), default="both")
    parser.add_argument("--check", action="store_true", help=f"exit 1 past {LIMIT}x")
    args = parser.parse_args(argv)
    modes = ("parse", "cli") if args.mode == "both" else (args.mode,)
    formats = ("xls", "docx") if args.format == "both" else (args.format,)
    ratios = []
    with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
        workdir = Path(tmp)
        for fmt in formats:
            make, rows, kind = FILES[fmt]
            path = workdir / f"tracker-{rows}.{fmt}"
            run([sys.executable, "-c", make, str(path), str(rows)])
            for mode in modes:
                ratios.append(measure(fmt, path, kind, mode, args.repeat, workdir))
    return 1 if args.check and any(r > LIMIT for r in ratios) else 0


if __name__ == "__main__":
    sys.exit(main())
