"""Benchmark: what tagging (issue 17: tagged PDF) costs on the 2,000-action log.

Run by `make bench`:

    python benchmarks/bench_tagging.py [--rows 2000] [--repeat 3]

Builds the same log (the rows of bench_pdf.py, fixed seed) as a tagged PDF and as a plain one
(``page.untagged()``), interleaved in one process after a warm-up of each, and prints the
median times and the ratio tagged / plain (target <= 1.30: tagging costs at most 30%).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_pdf import action_rows, make_rows

    from desktop_app.reports import page
    from desktop_app.reports.action_log import build_action_log

    actions = action_rows(make_rows(args.rows))

    def build(tagged: bool) -> tuple[float, int]:
        out = io.BytesIO()
        start = time.perf_counter()
        if tagged:
            build_action_log(out, actions, committee="Bench Scrutiny Committee",
                             as_at=dt.date(2021, 11, 23), last_meeting=dt.date(2021, 10, 12))
        else:
            with page.untagged():
                build_action_log(out, actions, committee="Bench Scrutiny Committee",
                                 as_at=dt.date(2021, 11, 23), last_meeting=dt.date(2021, 10, 12))
        return time.perf_counter() - start, len(out.getvalue())

    build(True)
    build(False)                      # warm-up: fonts registered, word widths cached
    tagged, plain = [], []
    sizes = (0, 0)
    for _ in range(args.repeat):
        t, tagged_size = build(True)
        tagged.append(t)
        p, plain_size = build(False)
        plain.append(p)
        sizes = (tagged_size, plain_size)
    t_med, p_med = statistics.median(tagged), statistics.median(plain)
    ratio = t_med / p_med
    print(f"action log, {args.rows} rows: tagged PDF against plain, same process")
    print(f"  tagged : {t_med:6.2f} s median of {args.repeat}  ({sizes[0] // 1024} KB)  runs: "
          f"{', '.join(f'{x:.2f}' for x in tagged)}")
    print(f"  plain  : {p_med:6.2f} s median of {args.repeat}  ({sizes[1] // 1024} KB)  runs: "
          f"{', '.join(f'{x:.2f}' for x in plain)}")
    print(f"  ratio tagged/plain: {ratio:.2f}  (target <= {TARGET:.2f}) "
          f"{'OK' if ratio <= TARGET else 'TOO SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
