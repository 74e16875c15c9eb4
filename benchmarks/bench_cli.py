"""The command line's fixed start-up (issue 18): ``scrutiny-tracker committee list`` on an empty
database, against Python merely importing openpyxl (target: within 2x, CPU time).

    python benchmarks/bench_cli.py [--repeat 5] [--check]

Each measurement is a whole process (interpreter start-up and imports included), run in turn
with the others so that all see the same machine; the medians of ``--repeat`` runs of CPU time
(user + system, os.wait4) are compared, and wall-clock times printed beside them. Also shown:
the same with ``--json`` (held to the same limit), the bare interpreter, importing SQLAlchemy's
ORM alone (the floor of any command that reads the database through it), the same command on the
ORM path (services/quick_read.py told it is not sure), for what the quick read saves, and
building the full parser (every command module imported, as before the parser was made lazy),
for what the lazy parser saves.
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
LIMIT = 2.0
FULL_PARSER = ("import sys; from desktop_app.cli import build_parser, main; build_parser(); "
               "sys.exit(main(sys.argv[1:]))")
ORM_PATH = ("import sys; from desktop_app.services import quick_read; "
            "quick_read.read = lambda url, reader: None; from desktop_app.cli import main; "
            "sys.exit(main(sys.argv[1:]))")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help=f"exit 1 past {LIMIT}x")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'empty.db'}"
        os.environ["SCRUTINY_TRACKER_HOME"] = str(Path(tmp) / "home")
        ours = ["committee", "list"]
        commands = {
            "ours": [sys.executable, "-m", "desktop_app", "--db", url, *ours],
            "ours --json": [sys.executable, "-m", "desktop_app", "--db", url, *ours, "--json"],
            "openpyxl": [sys.executable, "-c", "import openpyxl"],
            "python": [sys.executable, "-c", "pass"],
            "sqlalchemy.orm": [sys.executable, "-c", "import sqlalchemy.orm"],
            "ours, ORM path": [sys.executable, "-c", ORM_PATH, "--db", url, *ours],
            "ours, full parser": [sys.executable, "-c", FULL_PARSER, "--db", url, *ours],
        }
        for cmd in commands.values():       # warm-up: .pyc files, the file cache, the database
            bench_import.run(cmd)
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for _ in range(args.repeat):
            for key, cmd in commands.items():
                wall, cpu, _mb, _out = bench_import.run(cmd)
                runs[key].append((wall, cpu))
    cpu = {k: statistics.median(c for _w, c in v) for k, v in runs.items()}
    wall = {k: statistics.median(w for w, _c in v) for k, v in runs.items()}
    ratio = max(cpu["ours"], cpu["ours --json"]) / cpu["openpyxl"]
    print(f"CLI start-up: scrutiny-tracker committee list (empty database) vs python -c "
          f"\"import openpyxl\", whole processes, median of {args.repeat}")
    for key in commands:
        print(f"  {key:18s} CPU {cpu[key]:5.2f} s  wall {wall[key]:5.2f} s  "
              f"({cpu[key] / cpu['openpyxl']:.2f}x openpyxl's CPU)")
    print(f"  ratio (CPU, the slower of text and --json) {ratio:.2f}x, wall "
          f"{wall['ours'] / wall['openpyxl']:.2f}x  [{'ok' if ratio <= LIMIT else 'TOO SLOW'}; "
          f"limit {LIMIT}x]; the quick read saves {cpu['ours, ORM path'] - cpu['ours']:.2f} s "
          f"CPU, the lazy parser {cpu['ours, full parser'] - cpu['ours']:.2f} s", flush=True)
    return 1 if args.check and ratio > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
