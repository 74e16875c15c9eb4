"""Importing a 20,000-row action log, measured against openpyxl merely reading the same file.

    python benchmarks/bench_import.py                 # the reader, then the whole CLI import
    python benchmarks/bench_import.py --mode parse    # the reader alone (or --mode cli)
    python benchmarks/bench_import.py --check         # exit 1 past 2.0x or 300 MB

Each measurement is a separate whole process (interpreter start-up and imports included, as a
user would see it), run alternately with the baseline so that machine noise falls on both; the
medians of --repeat runs are compared. The ratio is of CPU time (user + system, from os.wait4),
which other work on a shared machine disturbs far less than wall-clock time (printed too). Peak
memory is each child's own maximum resident set, also from os.wait4; the workbooks are made in
a child process too, so that this small parent lends no memory to the children it forks.

Baseline: ``load_workbook(path, read_only=True)`` and iterating every row's values.
Ours: ``parse_workbook(path)`` (--mode parse), and ``scrutiny-tracker import FILE`` into a
fresh SQLite database (--mode cli: start-up, reading, matching, inserting 20,000 actions with
their audit rows, commit). For scale, the CLI's own start-up is measured too: it is the same
for every command and not the importer's.

Two files are measured: as openpyxl writes (inline strings) and as Excel writes (a shared
strings table), since the reader's costs differ between them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
TARGET, LIMIT, MEMORY_LIMIT_MB = 1.5, 2.0, 300

BASELINE = """
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += 1
wb.close()
print(n)
"""

PARSE = """
import sys
from desktop_app.importers.xlsx_reader import parse_workbook
parsed = parse_workbook(sys.argv[1])
assert parsed.kind == "actions" and not parsed.skipped, (parsed.kind, parsed.skipped[:3])
print(len(parsed.rows))
"""


def make_action_log(path: Path, rows: int, seed: int = 1) -> None:
    """An action log in the seed 004 layout: title, legend, header, ``rows`` actions; every
    50th action blue (new), every 70th with a red progress update."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rnd = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "Action log"
    ws.append(["Children and young people scrutiny committee action log"])
    ws.append(["COMPLETED ACTIONS WILL BE MOVED TO THE 'REPORTED COMPLETE' TAB ONCE THEY HAVE "
               "BEEN NOTIFIED TO THE COMMITTEE", None, None, None,
               "RED TEXT INDICATES UPDATES MADE SINCE THE LAST MEETING BLUE TEXT INDICATES NEW "
               "ACTIONS ADDED FOLLOWING THE LAST MEETING"])
    ws.append(["Action Number", "Meeting Date", "Action", "Owner", "Directorate",
               "Progress Update", "Due date", "Reported complete"])
    blue, red = Font(color="FF0070C0"), Font(color="FFFF0000")
    owners = ["Claire Ward", "Richard Watson", "Kate Charlton", "Clerk to the committee"]
    directorates = ["Corporate Centre", "Children and Families", None]
    verbs = ["Circulate", "Provide", "Seek an update on", "Confirm", "Arrange a briefing on"]
    topics = ["the Key Performance Indicators of the Children's Centre contracts",
              "the current procurement rules and exemptions", "the induction pack for new starters",
              "the schools update briefing", "the co-optee recruitment process"]
    for i in range(1, rows + 1):
        meeting = dt.datetime(2019, 1, 8) + dt.timedelta(days=28 * (i // 25))
        due = meeting + dt.timedelta(days=56)
        ws.append([i, meeting, f"{rnd.choice(verbs)} {rnd.choice(topics)} (action {i})",
                   rnd.choice(owners), rnd.choice(directorates),
                   f"Update {rnd.randint(1, 10**6)}: legal services checking",
                   due if i % 9 else "Summer 2021", rnd.choice(["OVERDUE", "COMPLETED", None])])
        r = ws.max_row
        ws.cell(r, 2).number_format = ws.cell(r, 7).number_format = "dd mmmm yyyy"
        if i % 50 == 0:
            for c in range(1, 9):
                ws.cell(r, c).font = blue
        elif i % 70 == 0:
            ws.cell(r, 6).font = red
    wb.save(path)


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>',
                     re.S)


def to_shared_strings(src: Path, dst: Path) -> None:
    """Rewrite an openpyxl workbook as Excel stores text: a shared strings table."""
    table: dict[bytes, int] = {}

    def swap(m: re.Match[bytes]) -> bytes:
        index = table.setdefault(m.group(3), len(table))
        return b'<c ' + m.group(1) + b't="s"' + m.group(2) + b'><v>' + str(index).encode() + \
            b'</v></c>'

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(swap, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                                    b'ContentType="application/vnd.openxmlformats-officedocument.'
                                    b'spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSST" '
                                    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                    b'relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b'</Relationships>')
            zout.writestr(info, data)
        items = b"".join(b"<si><t xml:space=\"preserve\">" + s + b"</t></si>" for s in table)
        zout.writestr("xl/sharedStrings.xml",
                      b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                      b'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
                      % (len(table), len(table)) + items + b"</sst>")


def run(args: list[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, stdout) of one child process."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=REPO)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])}... failed ({proc.returncode}): {err.strip()[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def ours(mode: str, path: Path, workdir: Path, i: int) -> list[str]:
    if mode == "parse":
        return [sys.executable, "-c", PARSE, str(path)]
    db = workdir / f"bench-{path.stem}-{i}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return [sys.executable, "-m", "desktop_app", "--db", f"sqlite:///{db}", "import", str(path),
            "--committee", "Children and Young People Scrutiny Committee", "--create-committee",
            "--json"]


def measure(label: str, path: Path, mode: str, repeat: int, workdir: Path) -> dict[str, float]:
    base: list[tuple[float, float, float, str]] = []
    mine: list[tuple[float, float, float, str]] = []
    for i in range(repeat):
        base.append(run([sys.executable, "-c", BASELINE, str(path)]))
        mine.append(run(ours(mode, path, workdir, i)))
    bw, ow = (statistics.median(r[0] for r in runs) for runs in (base, mine))
    bc, oc = (statistics.median(r[1] for r in runs) for runs in (base, mine))
    bm, om = (max(r[2] for r in runs) for runs in (base, mine))
    ratio = oc / bc
    verdict = "ok" if ratio <= TARGET else ("within limit" if ratio <= LIMIT else "TOO SLOW")
    if om >= MEMORY_LIMIT_MB:
        verdict += "; TOO MUCH MEMORY"
    print(f"{label}\n  baseline (openpyxl read-only): CPU {bc:5.2f} s  wall {bw:5.2f} s  "
          f"peak {bm:4.0f} MB\n  ours ({mode}):{' ' * (20 - len(mode))}CPU {oc:5.2f} s  wall "
          f"{ow:5.2f} s  peak {om:4.0f} MB\n  ratio (CPU) {ratio:.2f}x, wall {ow / bw:.2f}x  "
          f"[{verdict}; aim {TARGET}x, limit {LIMIT}x, memory < {MEMORY_LIMIT_MB} MB]")
    return {"baseline_cpu_s": bc, "ours_cpu_s": oc, "ratio": ratio, "wall_ratio": ow / bw,
            "baseline_peak_mb": bm, "ours_peak_mb": om}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=("parse", "cli", "both"), default="both",
                        help="parse: the reader alone; cli: `scrutiny-tracker import` into a "
                             "fresh SQLite database; both (the default)")
    parser.add_argument("--layout", choices=("inline", "shared", "both"), default="both")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 if a ratio passes {LIMIT}x or memory {MEMORY_LIMIT_MB} MB")
    parser.add_argument("--make", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.make:  # in a child process: see the module's docstring
        inline = Path(args.make)
        make_action_log(inline, args.rows)
        to_shared_strings(inline, inline.with_name(inline.stem + "_shared.xlsx"))
        return 0

    OUT.mkdir(parents=True, exist_ok=True)
    inline = OUT / f"action_log_{args.rows}.xlsx"
    shared = inline.with_name(inline.stem + "_shared.xlsx")
    if not inline.exists() or not shared.exists():
        subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--make", str(inline)],
                       check=True, cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)))
    files = []
    if args.layout in ("inline", "both"):
        files.append(("openpyxl-written file (inline strings)", inline))
    if args.layout in ("shared", "both"):
        files.append(("Excel-style file (shared strings table)", shared))
    print(f"{args.rows:,} rows x 8 columns; medians of {args.repeat} runs, each a whole process")
    modes = ("parse", "cli") if args.mode == "both" else (args.mode,)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            for label, path in files:
                r = measure(label, path, mode, args.repeat, Path(tmp))
                failed |= r["ratio"] > LIMIT or r["ours_peak_mb"] >= MEMORY_LIMIT_MB
        if "cli" in modes:
            startup = statistics.median(
                run([sys.executable, "-m", "desktop_app", "--db",
                     f"sqlite:///{Path(tmp) / f'empty-{i}.db'}", "committee", "list"])[1]
                for i in range(args.repeat))
            bare = statistics.median(run([sys.executable, "-c", "import openpyxl"])[1]
                                     for _ in range(args.repeat))
            print(f"for scale: the CLI's first start on a new file (`committee list` creating "
                  f"the database, the full path) costs CPU {startup:.2f} s; Python with openpyxl "
                  f"imported, {bare:.2f} s (bench_cli.py measures the usual start, on a database "
                  "that exists)")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
