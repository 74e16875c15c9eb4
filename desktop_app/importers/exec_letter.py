"""The executive's response written as a LETTER (a Word document with no table): the Leader or
the Cabinet Member writes to the committee's chair, naming each recommendation in a paragraph
of its own ("Recommendation 1: ending the use of bed and breakfast ...", "Recommendation 4(a) -
...") with the response in the paragraph below it ("Response: Accepted. From April 2024 ...",
or prose: "The Cabinet accepts this recommendation in part ...").

The letter is read into one grid, "Body", one row per paragraph of the document (row N is its
paragraph N, blank ones counted), marked ``letter``; exec_response reads its rows from it. The
decision date is the one the letter gives beside the Cabinet (or Executive, Leader...) in the
paragraphs above the first recommendation ("Cabinet considered ... at its meeting on 16
January 2024"), not the letter's own date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from desktop_app.importers.grid import CellInfo, SheetGrid

LETTER = "Body"
# "Recommendation 1: ...", "Recommendation 4(a) – ...", "Recommendation R3. ..."
_RECOMMENDATION = re.compile(r"^recommendation\s+(\(?[a-z]{0,3}\d+[a-z]?\)?(?:\s*\([a-z]\))?)"
                             r"\s*[:.–—-]\s*(.+)$", re.I | re.S)
# "Response: ...", "Cabinet response – ...", "Executive's response: ..."
_RESPONSE = re.compile(r"^(?:(?:the\s+)?(?:cabinet|executive)(?:'s)?\s+)?response\s*[:.–—-]\s*"
                       r"(.+)$", re.I | re.S)


def letter_grid(paragraphs: list[str]) -> SheetGrid | None:
    """The document's paragraphs (blank ones included, in order) as a letter's grid, or None
    when no paragraph names a recommendation with a response beneath it."""
    texts = [" ".join(p.split()) for p in paragraphs]
    found = any(_RECOMMENDATION.match(t) and _response_after(texts, n)
                for n, t in enumerate(texts))
    if not found:
        return None
    rows: dict[int, dict[int, CellInfo]] = {
        n: {1: (t, 0, None)} for n, t in enumerate(texts, start=1) if t}
    return SheetGrid(LETTER, rows, [], letter=True)


def _response_after(texts: list[str], index: int) -> str:
    """The response to the recommendation of paragraph ``index`` (0-based): the next written
    paragraph, without its "Response:" label, if it is not another recommendation."""
    for text in texts[index + 1:]:
        if not text:
            continue
        if _RECOMMENDATION.match(text):
            return ""
        labelled = _RESPONSE.match(text)
        return labelled.group(1).strip() if labelled else text
    return ""


def letter_rows(grid: SheetGrid, verdict_of: Callable[[str], tuple[str, str, str]]
                ) -> list[dict[str, Any]]:
    """Each recommendation of the letter: {row, label, recommendation, response, verdict,
    verdict_word}; ``verdict_of(response)`` gives (verdict or "", the verdict as written, the
    response without it)."""
    numbers = sorted(grid.rows)
    texts = [grid.rows[n][1][0] for n in numbers]
    found = []
    for i, (number, text) in enumerate(zip(numbers, texts)):
        match = _RECOMMENDATION.match(text)
        if match is None:
            continue
        response = _response_after(texts, i)
        verdict, word, rest = verdict_of(response)
        found.append({"row": number, "label": re.sub(r"[()\s]", "", match.group(1)),
                      "recommendation": match.group(2).strip(), "response": rest,
                      "verdict": verdict, "verdict_word": word})
    return found


def preamble(grid: SheetGrid) -> list[str]:
    """The letter's sentences above its first recommendation (where the decision date is)."""
    sentences: list[str] = []
    for number in sorted(grid.rows):
        text = grid.rows[number][1][0]
        if _RECOMMENDATION.match(text):
            break
        sentences.extend(s for s in re.split(r"(?<=[.;!?])\s+", text) if s)
    return sentences
