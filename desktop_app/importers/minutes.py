"""Read council minutes into a proposal of items, recommendations and actions (issue 6).

Two layouts are understood:

* a ModernGov "Agenda and minutes" page (pasted from the browser, or saved as .html): each
  item is a number alone on a line ("66."), its title ("... pdf icon PDF 252 KB"), its
  purpose, then "Minutes:" and the minutes; long minutes end "... view the full minutes text
  for item 66." and the item is marked incomplete (the rest is never invented);
* formal minutes (a Word document, or the markdown-like text of an agenda pack) with numbered
  headings such as "**39. PROVISION OF ...**". In an agenda pack the minutes section is found
  from its "Minutes of the meeting of ..." line to the "Chairperson" signature line.

Nothing here touches the database: :func:`parse_minutes_file` gives a :class:`MinutesProposal`
for the officer (or ``services.minutes_import``) to accept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from desktop_app.importers.minutes_attendance import (ProposedAttendee, read_approvals,
                                                      read_attendance)
from desktop_app.importers.minutes_actions import relative_due
from desktop_app.importers.minutes_decisions import (
    ProposedAction,
    ProposedRecommendation,
    is_procedural,
    read_decisions,
)
from desktop_app.importers.minutes_exempt import exempt_in_title, exempt_note, mark_exempt
from desktop_app.importers.minutes_lines import Line, make_lines, plain_text, strip_markup
from desktop_app.importers.minutes_summary import (place_summary, read_actions_section,
                                                   split_actions_section, split_summary)
from desktop_app.importers.minutes_meeting import find_date, find_time, read_meeting_details
from desktop_app.importers.minutes_text import MinutesFileError, read_minutes_file

__all__ = [
    "MinutesError", "MinutesProposal", "ProposedAction", "ProposedAttendee", "ProposedItem",
    "ProposedRecommendation", "find_date", "find_time", "is_procedural", "parse_minutes_file",
    "parse_minutes_text", "title_key",
]

MinutesError = MinutesFileError


def title_key(title: str) -> str:
    """Titles compared without regard to case, spacing or curly quotes."""
    return re.sub(r"\s+", " ", title.replace("’", "'").replace("–", "-")).strip().casefold()


@dataclasses.dataclass
class ProposedItem:
    number: str
    title: str
    purpose: str = ""
    minutes_text: str = ""
    resolutions: list[str] = dataclasses.field(default_factory=list)
    exempt: bool = False
    exempt_paragraph: str = ""
    incomplete: bool = False
    recommendations: list[ProposedRecommendation] = dataclasses.field(default_factory=list)
    actions: list[ProposedAction] = dataclasses.field(default_factory=list)

    @property
    def title_key(self) -> str:
        return title_key(self.title)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class MinutesProposal:
    source_file: str
    meeting_date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str = ""
    committee_name: str = ""
    items: list[ProposedItem] = dataclasses.field(default_factory=list)
    layout: str = ""  # "moderngov" or "formal"
    # who attended (the block above the items, apologies and substitutes minuted in them)
    attendance: list[ProposedAttendee] = dataclasses.field(default_factory=list)
    # the earlier meetings whose minutes these minutes approve as a correct record
    approves_minutes_of: list[dt.date] = dataclasses.field(default_factory=list)
    # actions the minutes give for the whole meeting (a closing "Actions agreed" table that
    # names no minute): saved against the meeting, under no agenda item
    meeting_actions: list[ProposedAction] = dataclasses.field(default_factory=list)

    def item(self, number: str | int) -> ProposedItem:
        for item in self.items:
            if item.number == str(number):
                return item
        raise KeyError(f"no item {number} in {self.source_file}")

    @property
    def incomplete_items(self) -> list[ProposedItem]:
        return [item for item in self.items if item.incomplete]

    @property
    def recommendations(self) -> list[tuple[ProposedItem, ProposedRecommendation]]:
        return [(item, rec) for item in self.items for rec in item.recommendations]

    @property
    def actions(self) -> list[tuple[ProposedItem, ProposedAction]]:
        return [(item, action) for item in self.items for action in item.actions]

    def as_dict(self) -> dict:
        return {
            "source_file": self.source_file,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "venue": self.venue,
            "committee_name": self.committee_name,
            "layout": self.layout,
            "items": [item.as_dict() for item in self.items],
            "attendance": [dataclasses.asdict(a) for a in self.attendance],
            "approves_minutes_of": [d.isoformat() for d in self.approves_minutes_of],
            "meeting_actions": [a.as_dict() for a in self.meeting_actions],
        }


# ----------------------------------------------------------------------------- entry points

def parse_minutes_file(path: str | Path) -> MinutesProposal:
    """Read and parse a minutes file; MinutesError (a ValueError) names the file and problem."""
    return parse_minutes_text(read_minutes_file(path), source=str(path))


def parse_minutes_text(text: str, source: str = "<text>") -> MinutesProposal:
    lines = _normalise(text).split("\n")
    meeting_actions: list[ProposedAction] = []
    if _is_moderngov(lines):
        layout = "moderngov"
        header, raw_items = _moderngov_items(lines)
    else:
        layout = "formal"
        header, raw_items = _formal_items(_formal_section(_join_bare_numbers(lines)),
                                          meeting_actions)
    if not raw_items:
        raise MinutesError(
            f"{source}: no numbered minutes items found (expected a ModernGov 'Agenda and "
            "minutes' page or formal minutes with headings such as '39. TITLE')")
    details = read_meeting_details(header)
    mark_exempt(raw_items)
    if details.meeting_date is not None:   # "within 28 days" counts from the meeting
        for action in [*meeting_actions, *(a for item in raw_items for a in item.actions)]:
            action.due = action.due or relative_due(action.text, details.meeting_date)
    return MinutesProposal(source_file=source, meeting_date=details.meeting_date,
                           start_time=details.start_time, venue=details.venue,
                           committee_name=details.committee_name, items=raw_items,
                           layout=layout, attendance=read_attendance(header, raw_items),
                           approves_minutes_of=read_approvals(raw_items, details.meeting_date),
                           meeting_actions=meeting_actions)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    # Some browsers copy a table row as one line with its cells apart by tabs: "66.\tTitle".
    return re.sub(r"(?m)^[ \t]*(\d{1,3}(?:\.\d{1,2}|[a-z])?\.)\t+[ \t]*(?=\S)", r"\1\n", text)


# ----------------------------------------------------------------------------- ModernGov

_MG_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,2}|[a-z])?)\.")
_MG_MINUTES = re.compile(r"(?:minutes|minute|decision|decisions)\s*:", re.I)
_MG_MINUTES_INLINE = re.compile(r"(?:minutes|decisions?)\s*:\s*(?P<rest>\S.*)$", re.I)
_MG_TITLED_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,2}|[a-z])?)\.\s+(\S.*[^.:;,])")
_MG_NOISE = re.compile(
    r"^(?:additional\s+documents|supporting\s+documents|documents)\s*:?$"
    r"|^view\s+(?:the\s+)?(?:background\s+to\s+item|reasons\s+why\b|declarations\s+of\s+"
    r"interest\s+for\s+item|the\s+full\s+(?:minutes|decision)\s+text|directions)\b"
    r"|^restricted\s+enclosure\b"
    r"|^(?:watch|webcast)\s+(?:for|the\s+webcast)\b", re.I)
_MG_DOCUMENTS = re.compile(r"(?:additional|supporting|background)\s+documents\s*:?|documents\s*:",
                           re.I)
_DOC_NOISE = re.compile(
    r"\s*(?:\b(?:pdf|doc|docx|xls|xlsx|ppt|pptx|html?)\s+icon\s+)?"
    r"\b(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+[\d.,]+\s*[KMG]B\b", re.I)


def _is_moderngov(lines: list[str]) -> bool:
    plain = [plain_text(line) for line in lines]
    has_minutes = any(_MG_MINUTES.fullmatch(line) or _MG_MINUTES_INLINE.match(line)
                      for line in plain)
    has_numbers = any(_MG_NUMBER.fullmatch(line) or _MG_TITLED_NUMBER.fullmatch(line)
                      for line in plain)
    return has_minutes and has_numbers


def _number_key(number: str) -> tuple[int, str]:
    """Minute numbers in order: "66" and "14/23" by their first number, "CS/23/14" by its last,
    "OSC.12/24" by the number before the year."""
    if m := re.fullmatch(r"([A-Za-z]{1,6}/\d{2,4})/(\d{1,4})", number):
        return (int(m[2]), m[1])
    if m := re.fullmatch(r"([A-Za-z]{1,6})\.(\d{1,3})(/\d{2,4})", number):   # "OSC.12/24"
        return (int(m[2]), m[1] + m[3])
    m = re.match(r"(\d+)(.*)", number)
    return (int(m[1]), m[2]) if m else (0, number)


def _moderngov_items(lines: list[str]) -> tuple[list[str], list[ProposedItem]]:
    starts = _moderngov_starts(lines)
    if not starts:
        # No number stands alone: the page put "66. Title" on one line.
        lines = [part for raw in lines for part in _split_titled_number(raw)]
        starts = _moderngov_starts(lines)
    if not starts:
        return lines, []
    items = []
    for k, (index, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = lines[index + 1:end]
        if k + 1 < len(starts):
            body = _drop_repeated_heading(body, starts[k + 1][1])
        items.append(_moderngov_item(number, body))
    return lines[: starts[0][0]], items


def _moderngov_starts(lines: list[str]) -> list[tuple[int, str]]:
    starts: list[tuple[int, str]] = []
    previous: tuple[int, str] | None = None
    for index, raw in enumerate(lines):
        m = _MG_NUMBER.fullmatch(plain_text(raw))
        if not m:
            continue
        following = next((plain_text(line) for line in lines[index + 1:] if plain_text(line)), "")
        if not following or _MG_MINUTES.fullmatch(following) or _MG_NUMBER.fullmatch(following):
            continue
        key = _number_key(m[1])
        if previous is not None and key <= previous:
            continue
        starts.append((index, m[1]))
        previous = key
    return starts


def _split_titled_number(raw: str) -> list[str]:
    m = _MG_TITLED_NUMBER.fullmatch(plain_text(raw))
    return [f"{m[1]}.", m[2]] if m else [raw]


def _drop_repeated_heading(body: list[str], next_number: str) -> list[str]:
    """Exempt items are shown twice: "27. Family Hubs (exemption paragraph 2)" then "27."."""
    for back in range(len(body) - 1, -1, -1):
        text = plain_text(body[back])
        if not text:
            continue
        if re.match(rf"{re.escape(next_number)}\.\s+\S", text):
            return body[:back] + body[back + 1:]
        break
    return body


def _moderngov_item(number: str, body: list[str]) -> ProposedItem:
    index = next((i for i, line in enumerate(body) if plain_text(line)), len(body))
    title_raw = body[index].strip() if index < len(body) else ""
    rest = body[index + 1:]
    if _MG_MINUTES.fullmatch(plain_text(title_raw)):
        title_raw, rest = "", body[index:]
    minutes_at = next((i for i, line in enumerate(rest) if _MG_MINUTES.fullmatch(plain_text(line))
                       or _MG_MINUTES_INLINE.match(plain_text(line))), None)
    purpose_raw = rest if minutes_at is None else rest[:minutes_at]
    minutes_raw = [] if minutes_at is None else rest[minutes_at + 1:]
    if minutes_at is not None and (inline := _MG_MINUTES_INLINE.match(plain_text(rest[minutes_at]))):
        minutes_raw = [inline["rest"], *minutes_raw]  # "Minutes: There were none."

    title, exempt, paragraph = exempt_in_title(_clean_title(title_raw))
    purpose_lines = []
    for raw in purpose_raw:
        text = plain_text(raw)
        if _MG_DOCUMENTS.fullmatch(text):
            break  # what follows is the list of attached documents
        if not text or _MG_NOISE.search(text):
            continue
        found, found_paragraph, remainder = exempt_note(text)
        if found:
            exempt, paragraph = True, paragraph or found_paragraph
            if not remainder:
                continue
        purpose_lines.append(text)
    item = ProposedItem(number=number, title=title, purpose="\n".join(purpose_lines),
                        exempt=exempt, exempt_paragraph=paragraph)
    _fill_minutes(item, [raw for raw in minutes_raw if not _MG_NOISE.search(strip_markup(raw))])
    return item


def _minutes_text(lines: list[Line]) -> str:
    """Paragraphs apart by a blank line; a list's entries (and a broken line) kept together."""
    out = []
    for index, line in enumerate(lines):
        shown = ("  " if line.listed and line.indent >= 2 else "") + line.display()
        if index:
            previous = lines[index - 1]
            together = line.listed or (previous.listed and line.text[:1].islower())
            out.append("\n" if together else "\n\n")
        out.append(shown)
    return "".join(out)


def _clean_title(raw: str) -> str:
    text = strip_markup(re.sub(r"^#{1,6}\s*", "", raw.strip()))
    text = _DOC_NOISE.sub("", text)
    text = re.sub(r"\s*\(pages?\s+[\d\s,\-–]+\)\s*$", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def _fill_minutes(item: ProposedItem, raw_lines: list[str]) -> None:
    lines = make_lines(raw_lines)
    item.minutes_text = _minutes_text(lines)
    item.incomplete = any(line.truncated for line in lines)
    decisions = read_decisions(lines, item.title)
    item.resolutions = decisions.resolutions
    item.recommendations = decisions.recommendations
    item.actions = decisions.actions


# ----------------------------------------------------------------------------- formal minutes

_MINUTES_START = re.compile(
    r"^minutes\s+of\s+(?:the|a|an)\s+(?:(?:[\w-]+\s+){0,2}meeting\s+of\b|.{3,200}?\bheld\b)",
    re.I)
_SIGNATURE = re.compile(r"(?:cadeirydd\s*/\s*)?(?:chair(?:person|man|woman)?|signed|signature|chair'?s\s+signature)"
                        r"\s*[:.]?\s*(?:_+|\.+)?", re.I)
# "39.", "14/23" (number/year), "CS/23/14" (committee code/year/number) or "OSC.12/24" (code,
# number/year: numbers that start again each municipal year)
_NUM = r"(?:\d{1,3}(?:/\d{2,4})?|[A-Z]{1,6}/\d{2,4}/\d{1,4}|[A-Z]{1,6}\.\d{1,3}/\d{2,4})"
_HEADING = re.compile(rf"^(?P<num>{_NUM})\.?\s+(?P<title>\S.*)$")
_BARE_NUMBER = re.compile(rf"(?:minute\s+)?({_NUM})\.?", re.I)
_CLOSING = re.compile(r"^(?:the\s+)?meeting\s+(?:ended|closed|finished|concluded|terminated)\s+"
                      r"(?:at\b|\d)|^daeth\s+y\s+cyfarfod\s+i\s+ben\b", re.I)  # Welsh


def _formal_section(lines: list[str]) -> list[str]:
    """The minutes part of a longer document (an agenda pack), or all of it."""
    start = next((i for i, raw in enumerate(lines) if _MINUTES_START.match(plain_text(raw))), None)
    if start is None:
        start = 0
    # The signature line ends the minutes; a "Chairman" in the attendance list does not.
    first = next((i for i in range(start, len(lines)) if _is_heading(lines[i])), start)
    end = next((i for i in range(first + 1, len(lines))
                if _SIGNATURE.fullmatch(plain_text(lines[i]))), len(lines))
    return lines[start:end]


def _is_heading(raw: str) -> re.Match[str] | None:
    stripped = raw.strip()
    m = _HEADING.match(plain_text(stripped))
    if not m:
        return None
    body = re.sub(r"^#{1,6}\s*", "", stripped)
    bold = (body.startswith(("**", "__")) and body.endswith(("**", "__"))) or \
        bool(re.fullmatch(r"<(b|strong)>.*</\1>", body, re.I))
    letters = [c for c in m["title"] if c.isalpha()]
    upper = len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return m if (bold or stripped.startswith("#") or upper) else None


def _join_bare_numbers(lines: list[str]) -> list[str]:
    """A minute number alone on its line (a table's first cell in a CMIS export) with the
    heading that follows it: "EN/23/30" then "### Title" -> "### EN/23/30 Title". A plain
    number ("14") is joined only to a marked heading, as a page number in a pack is not."""
    out = list(lines)
    for index, raw in enumerate(out):
        m = _BARE_NUMBER.fullmatch(plain_text(raw))
        if not m:
            continue
        following = next((k for k in range(index + 1, len(out)) if out[k].strip()), None)
        if following is None or _BARE_NUMBER.fullmatch(plain_text(out[following])):
            continue
        title = re.sub(r"^#{1,6}\s*", "", out[following].strip())
        if out[following].lstrip().startswith("#"):
            out[index], out[following] = f"### {m[1]} {title}", ""
        elif "/" in m[1] and _is_heading(f"{m[1]} {title}") and _is_heading(out[following]) is None:
            out[index], out[following] = f"{m[1]} {title}", ""
    return out


def _formal_items(lines: list[str], meeting_actions: list[ProposedAction] | None = None,
                  ) -> tuple[list[str], list[ProposedItem]]:
    starts: list[tuple[int, re.Match[str]]] = []
    previous: tuple[int, str] | None = None
    for index, raw in enumerate(lines):
        m = _is_heading(raw)
        if not m:
            continue
        key = _number_key(m["num"])
        if previous is not None and key <= previous:
            continue
        starts.append((index, m))
        previous = key
    if not starts:
        return lines, []
    items = []
    summary: list[str] = []
    for k, (index, m) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = lines[index + 1:end]
        if k + 1 == len(starts):
            body = [raw for raw in body if not _CLOSING.match(plain_text(raw))]
            body, summary = split_summary(body)
            body, closing_actions = split_actions_section(body)
            if meeting_actions is not None:
                meeting_actions.extend(read_actions_section(closing_actions))
        title, exempt, paragraph = exempt_in_title(_clean_title(m["title"]))
        item = ProposedItem(number=m["num"], title=title, exempt=exempt,
                            exempt_paragraph=paragraph)
        _fill_minutes(item, body)
        items.append(item)
    place_summary(items, summary)
    return lines[: starts[0][0]], items
