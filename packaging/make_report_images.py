"""Render page 1 of each printed document, made from the demo committee, to
docs/images/report-<kind>.png for the README.

    .venv/bin/python packaging/make_report_images.py [--dpi 80] [--out docs/images]

Needs pdftoppm (Debian: poppler-utils). The demo is loaded into a throwaway SQLite database and
printed as at 23 November 2021, the date of its agenda pack (seed 004).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_AT = "2021-11-23"
MEETING = "2021-11-23"
# kind -> (document, meeting it needs, page to show)
DOCUMENTS = {
    "action-log": ("action-log", None, 1),
    "recommendations": ("recommendations", None, 1),
    "work-programme": ("work-programme", MEETING, 1),
    "agenda": ("agenda", MEETING, 1),
    "minutes": ("minutes", "2021-10-12", 1),
    "pack-contents": ("pack", MEETING, 3),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    if not shutil.which("pdftoppm"):
        print("make_report_images: pdftoppm not found (sudo apt-get install poppler-utils)",
              file=sys.stderr)
        return 2
    os.environ["SCRUTINY_TRACKER_TODAY"] = AS_AT
    sys.path.insert(0, str(ROOT))
    from desktop_app.db.schema import open_database
    from desktop_app.reports.printing import write_document
    from desktop_app.services.demo import load_demo

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="report_images_") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            load_demo(db)
            committee = "Children and Young People Scrutiny Committee"
            import datetime as dt
            for name, (kind, meeting, page_no) in DOCUMENTS.items():
                pdf = Path(tmp) / f"{name}.pdf"
                day = dt.date.fromisoformat(meeting) if meeting else None
                write_document(db, kind, pdf, committee, meeting=day,
                               today=dt.date.fromisoformat(AS_AT))
                stem = Path(tmp) / name
                subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(page_no),
                                "-l", str(page_no), "-singlefile", str(pdf), str(stem)],
                               check=True)
                target = args.out / f"report-{name}.png"
                shutil.move(f"{stem}.png", target)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
