"""What a committee decided under one item: resolutions, recommendations and actions.

Works on the cleaned lines of one item's minutes. Decisions are found only where the minutes
mark them ("Resolved:", "RESOLVED –", "RECOMMENDATIONS:", "AGREED:", a lead such as "The
Committee ... makes the following recommendations:" or "The Committee" over a lettered list,
or a sentence "The Committee recommended that ..."), and actions only under "Actions arising:"
or "Action:" (read by ``minutes_actions``). Nothing is guessed from discussion notes.

Recommendation text is kept as written, without bullets, labels, markdown and the list's own
joining words ("; and" at the end of an entry). Resolutions that are procedural (approving
minutes, noting a report, agreeing the work programme) are still proposed, flagged
``procedural`` so the officer chooses.
"""

from __future__ import annotations

import dataclasses
import re

from desktop_app.importers.minutes_actions import (
    ProposedAction,
    action_owner,
    actions_heading,
    inline_actions,
    is_actions_heading,
    officer_task,
    read_action_table,
    read_actions,
)
from desktop_app.importers.minutes_procedural import BODY as _BODY
from desktop_app.importers.minutes_procedural import is_procedural
from desktop_app.importers.minutes_lines import (
    Line,
    ends_joined,
    label_kind,
    make_line,
    next_letter,
    normal_label,
    strip_connector,
)

__all__ = [
    "Decisions", "ProposedAction", "ProposedRecommendation", "action_owner",
    "is_actions_heading", "is_procedural", "marker_rest", "read_decisions", "strip_connector",
]


@dataclasses.dataclass
class ProposedRecommendation:
    label: str  # "(a)" style, or "" for prose and unlettered entries
    text: str
    procedural: bool = False

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Decisions:
    resolutions: list[str] = dataclasses.field(default_factory=list)
    recommendations: list[ProposedRecommendation] = dataclasses.field(default_factory=list)
    actions: list[ProposedAction] = dataclasses.field(default_factory=list)


# ----------------------------------------------------------------------------- patterns


# "Resolved:", "RESOLVED –", "RESOLVED that", "RECOMMENDATIONS:", "AGREED:", "Decision:".
_MARKER = re.compile(
    r"^(?:penderfynwyd\s*/\s*)?(?:resolved|recommendations?|recommended|agreed|decisions?|decided)"
    r"(?:\s+to\s+(?:the\s+)?(?:cabinet|executive|council|[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}))?"
    r"(?:\s+unanimously|\s*\([^)]{0,40}\))?"
    r"\s*(?:[:\-–—,]+\s*|(?=that\b)|$)(?P<rest>.*)$", re.I)
# "It was resolved that ...", "The Committee RESOLVED that ..." keep their whole sentence;
# "The Committee RESOLVED:" and "It was RESOLVED –" are markers like "RESOLVED:".
_MARKER_SENTENCE = re.compile(
    rf"^(?:it\s+was\s+(?:unanimously\s+)?(?P<was>resolved|agreed)"
    rf"|(?:the\s+)?{_BODY}\s+(?:unanimously\s+)?(?P<body>resolved|agreed))\b"
    r"\s*(?P<sep>[:\-–—,]+)?\s*(?P<rest>.*)$", re.I)
_LEAD_BARE = re.compile(rf"^(?:that\s*:?|(?:that\s+)?(?:the\s+)?{_BODY}\s*:?)$", re.I)
_LEAD_WORDS = re.compile(r"\b(?:recommend\w*|resolved?|resolves|agreed?|agrees)\b", re.I)
_BODY_WORD = re.compile(rf"\b{_BODY}\b", re.I)
_PROSE = re.compile(
    rf"\b(?:(?:the\s+)?{_BODY}\s+(?:also\s+|further\s+|unanimously\s+|therefore\s+)?"
    r"(?:recommend(?:ed|s)|agreed\s+to\s+recommend)(?:\s+to\s+(?:the\s+)?[\w\s,&'-]{1,60}?)?"
    r"|it\s+was\s+(?:also\s+|further\s+|unanimously\s+)?recommended"
    r"(?:\s+to\s+(?:the\s+)?[\w\s,&'-]{1,60}?)?)\s+that\b",
    re.I)
_LEADING_CONNECTOR = re.compile(r"^(?:and/or|and|or)\s+", re.I)

def marker_rest(text: str) -> str | None:
    """The words after a resolution marker ("" for a bare "RESOLVED:"), or None."""
    if m := _MARKER_SENTENCE.match(text):
        if m["sep"]:
            return m["rest"].strip()
        if (m["was"] or m["body"]).lower() == "resolved":
            return text  # "It was resolved that ...": the sentence is the resolution
        return None  # "It was agreed that ..." in the discussion is not marked as a decision
    m = _MARKER.match(text)
    return m["rest"].strip() if m else None


# ----------------------------------------------------------------------------- reading

@dataclasses.dataclass
class _Entry:
    label: str
    text: str
    truncated: bool
    kind: str = ""
    value: str = ""
    indent: int = 0
    subpoints: list[str] = dataclasses.field(default_factory=list)

    def written(self) -> str:
        first = f"{self.label} {self.text}".strip()
        return "\n".join([first, *self.subpoints])

    def recommendation_text(self) -> str:
        lines = [strip_connector(self.text), *(strip_connector(s) for s in self.subpoints)]
        return "\n".join(line for line in lines if line)


_BILINGUAL = re.compile(r"^penderfynwyd\s*/\s*resolved\b", re.I)


def english_half(lines: list[Line]) -> list[Line]:
    """Welsh bilingual minutes give a decision twice, Welsh first then English, under
    "PENDERFYNWYD / RESOLVED": of the lines up to the next marker or heading, when they are an
    even number and the second half starts as the first does (the same labels), only the
    English half is read, so that no decision is proposed twice."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].listed or not _BILINGUAL.match(lines[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not (not lines[j].listed and (
                marker_rest(lines[j].text) is not None or is_actions_heading(lines[j].text)
                or lines[j].text.startswith("|"))):  # a table follows
            j += 1
        block = lines[i + 1:j]
        half = len(block) // 2
        if block and len(block) % 2 == 0 and \
                [b.label for b in block[:half]] == [b.label for b in block[half:]]:
            block = block[half:]
        out.extend(block)
        i = j
    return out


def read_decisions(lines: list[Line], title: str = "") -> Decisions:
    """Resolutions, recommendations and actions in one item's minutes lines."""
    reader = _Reader(english_half(lines), title)
    reader.run()
    return reader.out


class _Reader:
    def __init__(self, lines: list[Line], title: str) -> None:
        self.lines = lines
        self.title = title
        self.out = Decisions()

    def _unlisted(self, j: int) -> Line | None:
        if j < len(self.lines) and not self.lines[j].listed:
            return self.lines[j]
        return None

    def _listed(self, j: int) -> bool:
        return j < len(self.lines) and self.lines[j].listed

    def _is_break(self, line: Line) -> bool:
        return not line.listed and (marker_rest(line.text) is not None
                                    or is_actions_heading(line.text))

    def run(self) -> None:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if (table := read_action_table(self.lines, i)) is not None:
                self.out.actions.extend(table[0])
                i = table[1]
            elif not line.listed and (rest := actions_heading(line.text)) is not None:
                i = self._actions(i, rest)
            elif not line.listed and (rest := marker_rest(line.text)) is not None:
                i = self._resolution(i, rest, marked=True)
            elif not line.listed and _is_lead(line.text) and self._listed(i + 1):
                i = self._resolution(i, line.text, marked=False)
            else:
                self._prose(line)
                if not line.listed:
                    self.out.actions.extend(inline_actions(line.text))
                i += 1

    # -- recommendations and resolutions

    def _recommend(self, label: str, text: str, truncated: bool) -> None:
        text = text.strip()
        if truncated or not text:
            return  # the page cut it off: the officer must read the full minutes
        if (task := officer_task(text)) is not None:
            self.out.actions.append(task)  # "That the Head of X provide ...": for the action log
            return
        self.out.recommendations.append(
            ProposedRecommendation(label, text, is_procedural(text, self.title)))

    def _resolution(self, i: int, head: str, marked: bool) -> int:
        j = i + 1
        lead = head.strip()
        truncated = self.lines[i].truncated
        if not lead:
            following = self._unlisted(j)
            if following is not None and not self._is_break(following):
                j += 1
                lead, truncated = following.text, following.truncated
                if not lead.endswith(":") and not (self._listed(j) and _is_lead(lead)):
                    self._single(lead, truncated)
                    return j
        first = make_line(lead) if lead else None
        if first is not None and first.label and not first.bullet and not _split_run_on(lead):
            # "RESOLVED – (a) That the report be noted;" with (b), (c) on the lines below.
            start = _Entry(first.label, first.text, truncated or first.truncated,
                           _kind(first.label_value, []), first.label_value, first.indent)
            entries, j = self._collect(j, plain=False, start=[start])
            self._entries("", entries)
            return j
        list_follows = (not lead or lead.endswith(":") or not marked
                        or (self._listed(j) and bool(_LEAD_BARE.match(lead)))
                        or (self._listed(j) and bool(self.lines[j].label)
                            and not re.search(r"[.!?]$", lead)))
        if list_follows:
            entries, j = self._collect(j, plain=marked and bool(lead))
            if entries:
                self._entries(lead, entries)
                return j
            if lead:
                self.out.resolutions.append(lead)  # a lead whose list the page did not show
            return j
        parts = _split_run_on(lead)
        if parts:
            self.out.resolutions.append(lead)
            for index, (label, text) in enumerate(parts):
                last = index == len(parts) - 1
                self._recommend(label, text, truncated and last)
            return j
        self._single(lead, truncated)
        return j

    def _entries(self, lead: str, entries: list[_Entry]) -> None:
        written = "\n".join(e.written() for e in entries)
        self.out.resolutions.append(f"{lead}\n{written}" if lead else written)
        for entry in entries:
            self._recommend(normal_label(entry.value) if entry.label else "",
                            entry.recommendation_text(), entry.truncated)

    def _single(self, text: str, truncated: bool) -> None:
        self.out.resolutions.append(text)
        self._recommend("", text, truncated)

    def _collect(self, j: int, plain: bool,
                 start: list[_Entry] | None = None) -> tuple[list[_Entry], int]:
        entries: list[_Entry] = list(start or [])
        lines = self.lines
        if plain and not entries and j < len(lines) and not lines[j].listed:
            # "That the committee:" then one unlabelled entry a line ("supports ...;").
            while j < len(lines) and not lines[j].listed and not self._is_break(lines[j]):
                text = lines[j].text
                if not entries and not (text[:1].islower() or text.lower().startswith("that ")
                                        or ends_joined(text)):
                    break
                if entries and not (ends_joined(entries[-1].text) or text[:1].islower()):
                    break
                entries.append(_Entry("", text, lines[j].truncated))
                j += 1
            return entries, j
        while j < len(lines):
            line = lines[j]
            if not line.listed:
                if entries and _continues(entries[-1], line):
                    last = entries[-1]
                    if last.subpoints:
                        last.subpoints[-1] += " " + line.text
                    else:
                        last.text += " " + line.text
                    last.truncated |= line.truncated
                    j += 1
                    continue
                break
            value = line.label_value if line.label else ""
            kind = label_kind(value) if value else ""
            if entries and _is_subpoint(entries[-1], line, kind, value):
                entries[-1].subpoints.append(line.display().removeprefix("• "))
                entries[-1].truncated |= line.truncated
            else:
                entries.append(_Entry(line.label, line.text, line.truncated,
                                      _kind(value, entries), value, line.indent))
            j += 1
        return entries, j

    def _prose(self, line: Line) -> None:
        m = _PROSE.search(line.text)
        if not m:
            return
        text = line.text
        start = 0
        for stop in re.finditer(r"[.!?]\s+(?=[A-Z“\"‘(])", text):
            if stop.end() > m.start():
                break
            start = stop.end()
        end = re.compile(r"[.!?](?=\s+[A-Z“\"‘(]|\s*$)").search(text, m.end())
        sentence = text[start: end.end()] if end else text[start:]
        if sentence.rstrip().endswith((":", "...")) or (line.truncated and not end):
            return
        sentence = sentence.strip()
        self.out.resolutions.append(sentence)
        self._recommend("", sentence, False)

    # -- actions

    def _actions(self, i: int, rest: str) -> int:
        actions, j = read_actions(self.lines, i, rest, self._is_break)
        self.out.actions.extend(actions)
        return j


def _kind(value: str, entries: list[_Entry]) -> str:
    """A top-level label's kind; a lone i, v or x continues a lettered list, else is roman."""
    kind = label_kind(value) if value else ""
    if kind == "ambiguous":
        return "letter" if entries and entries[-1].kind == "letter" else "roman"
    return kind


def _is_lead(text: str) -> bool:
    if _LEAD_BARE.match(text):
        return True
    return text.endswith(":") and bool(_BODY_WORD.search(text)) and bool(_LEAD_WORDS.search(text))


def _continues(entry: _Entry, line: Line) -> bool:
    """An unlisted line that carries on the entry above (a line broken by the page)."""
    last = entry.subpoints[-1] if entry.subpoints else entry.text
    return line.text[:1].islower() and not re.search(r"[.!?:]$", last)


def _is_subpoint(parent: _Entry, line: Line, kind: str, value: str) -> bool:
    if parent.text.endswith(":") and line.label and kind and parent.kind \
            and kind != parent.kind and not (kind == "ambiguous" and parent.kind == "roman"):
        # "1. That ... for the following reasons:" then (a), (b): the reasons belong to 1.
        return True
    if kind in ("roman", "ambiguous") and parent.kind == "letter":
        return not (kind == "ambiguous" and next_letter(parent.value) == value)
    if parent.subpoints and kind in ("roman", "ambiguous") and parent.kind == "number":
        return True
    if not line.label and line.bullet and parent.label:
        return line.indent > parent.indent or parent.text.endswith(":") or bool(parent.subpoints)
    return bool(line.label and parent.label and line.indent > parent.indent
                and kind != parent.kind)


def _split_run_on(text: str) -> list[tuple[str, str]] | None:
    """"That the committee: supports A; supports B; and requests C." -> three entries."""
    colon = text.find(":")
    if colon < 0 and not re.match(r"\(?[a-z1-9]\)\s", text):
        return None
    body = text[colon + 1:].strip()  # the whole text when there is no colon
    if not body:
        return None
    inline = list(re.finditer(r"(?:^|(?<=\s))\(([a-z]|\d{1,2})\)\s+", body))
    if len(inline) >= 2 and [m[1] for m in inline] == _sequence(inline[0][1], len(inline)):
        parts = []
        for k, m in enumerate(inline):
            end = inline[k + 1].start() if k + 1 < len(inline) else len(body)
            parts.append((normal_label(m[1]), strip_connector(body[m.end():end].strip())))
        return [p for p in parts if p[1]]
    pieces: list[str] = []
    depth = 0
    current = ""
    for char in body:
        depth += char in "(["
        depth -= char in ")]"
        if char == ";" and depth <= 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    pieces = [_LEADING_CONNECTOR.sub("", strip_connector(p.strip())) for p in pieces]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return None
    return [("", p) for p in pieces]


def _sequence(first: str, count: int) -> list[str]:
    if first.isdigit():
        return [str(int(first) + k) for k in range(count)]
    return [chr(ord(first) + k) for k in range(count)]
