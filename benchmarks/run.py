"""`make bench`: runs every benchmarks/bench_*.py in turn. Each prints its own ratios, measured
side by side in one run on this machine (never absolute wall-clock limits)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# An installed app has its .pyc files: without them every run compiles the app's own modules
# again (PYTHONDONTWRITEBYTECODE in a developer's environment), which no user ever pays.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        if wanted and script.stem.removeprefix("bench_") not in wanted:
            continue
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode:
            failed.append(script.name)
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
