"""``import RESPONSE --committee C [--accept all|KEY,...]``: the executive's response table
matched to the committee's recommendations (``services.executive_response``), shown row by row
with its score; with ``--accept`` the chosen rows are recorded (verdict, response, response
date) through the audit trail."""

from __future__ import annotations

from typing import Any

from desktop_app.cli.context import CliContext


def print_response(outcome: Any, ctx: CliContext, accept: str | None, dry_run: bool,
                   as_json: bool) -> int:
    """What ``import_file`` made of an executive response, as text or JSON; exit 0."""
    preview, applied = outcome.response, outcome.response_applied
    if as_json:
        ctx.print_json({**preview.as_dict(), "recorded": applied.recorded if applied else [],
                        "unchanged": applied.unchanged if applied else [],
                        "dry_run": dry_run})
        return 0
    table = preview.table
    print(f"{table.source}: the executive's response ({table.title}), decided "
          f"{preview.decided_on:%d/%m/%Y}, matched to {preview.committee}'s recommendations "
          f"(a match needs a score of {preview.threshold} or more)")
    rows = []
    for m in preview.rows:
        rec = m.candidate.label if m.candidate and m.matched else "-"
        state = ("ambiguous" if m.ambiguous else "match") if m.matched else "no match"
        verdict = m.row.verdict_word or (m.row.verdict.label if m.row.verdict else "-")
        rows.append([m.key, m.row.label or "", rec, str(m.score), verdict,
                     state, _short(m.row.recommendation)])
    ctx.print_table(rows, ["row", "no.", "recommendation", "score", "verdict", "match", "as written"])
    in_prose = [m.key for m in preview.rows if m.row.verdict and not m.row.verdict_word]
    if in_prose:
        print(f"  verdict read from the response's own words: {', '.join(in_prose)}")
    for m in preview.rows:
        if not m.matched:
            print(f"  not matched: {m.key} ({m.row.sheet}): {m.reason}")
        elif m.ambiguous or "numbered" in m.reason:
            print(f"  {m.key}: {m.reason}")
    for c in preview.unanswered:
        print(f"  no response to {c.label or c.id}: {_short(c.text)}")
    for note in table.notes:
        print(f"  note: {note}")
    if accept is None:
        ticked = ",".join(m.key for m in preview.rows if m.ticked) or "none"
        print(f"nothing recorded: re-run with --accept all (the matches: {ticked}) or "
              "--accept KEY,... (row keys or recommendation labels)")
    elif dry_run:
        print("dry run, nothing saved")
    elif applied is not None:
        print(f"recorded {len(applied.recorded)} response"
              f"{'s' if len(applied.recorded) != 1 else ''} into {preview.committee} "
              f"(response date {preview.decided_on:%d/%m/%Y}); {len(applied.unchanged)} "
              "already recorded, unchanged")
    else:
        print("nothing to record: no row chosen")
    return 0


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "\u2026"
