"""One line of minutes text, cleaned of markup, with its bullet and list label taken apart.

Minutes arrive as ModernGov pages pasted from a browser ("·         text"), markdown
("- (a) **text**", "### **39. TITLE**") or Word text ("a)\ttext"). Every later step works on
:class:`Line`, which keeps the words exactly as written but without the decoration.
"""

from __future__ import annotations

import dataclasses
import re

# A ModernGov page shows only the start of long minutes and links to the rest.
_TRUNCATION = re.compile(
    r"\s*(?:\.{3}|…)?\s*view\s+the\s+full\s+(?:minutes|decision)\s+text\s+for\s+item\s+\S+?\.?\s*$",
    re.I)

_HTML_INLINE = re.compile(
    r"</?(?:b|i|u|em|strong|span|sup|sub|font|a|small|big|mark)\b[^>]*>", re.I)
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_BULLET = re.compile(r"^[·•●▪■◦‣∙\-–—*]\s+")
_ROMAN = r"(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})"
_LABEL = re.compile(
    rf"^(?P<label>\((?P<a>[a-z]|{_ROMAN}|\d{{1,2}})\)|(?P<b>[a-z]|{_ROMAN}|\d{{1,2}})[.)])\s+(?=\S)",
    re.I)


@dataclasses.dataclass
class Line:
    """A non-empty line: ``text`` without bullet or label, ``label`` as written ("a)", "(i)")."""

    text: str
    bullet: bool = False
    label: str = ""
    indent: int = 0
    truncated: bool = False
    emphasis: bool = False  # the whole line was bold or a markdown heading

    @property
    def listed(self) -> bool:
        return self.bullet or bool(self.label)

    @property
    def label_value(self) -> str:
        """The label's letter, numeral or number in lower case: "a)" -> "a", "(ii)" -> "ii"."""
        return self.label.strip("().").lower()

    def display(self) -> str:
        """The line as kept in an item's minutes text: bullets as "• ", labels as written."""
        prefix = ("• " if self.bullet else "") + (f"{self.label} " if self.label else "")
        return f"{prefix}{self.text}".strip()


def strip_markup(text: str) -> str:
    """Remove markdown/HTML decoration and collapse spaces; the words stay as written."""
    text = _SPACES.sub(" ", text.replace("\u200b", "").replace("\ufeff", ""))
    text = _HTML_INLINE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "")
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _MD_ITALIC.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def plain_text(raw: str) -> str:
    """A raw line as plain words: no heading marks, emphasis, links or extra spaces."""
    return strip_markup(_MD_HEADING.sub("", raw.strip()))


def make_line(raw: str) -> Line | None:
    """A :class:`Line` from raw text, or None when nothing but spaces and markup remain."""
    expanded = raw.replace("\t", "    ").replace("\u00a0", " ")
    indent = len(expanded) - len(expanded.lstrip(" "))
    body = expanded.strip()
    emphasis = bool(re.match(r"^(?:#{1,6}\s|\*\*|__|<b>|<strong>)", body, re.I))
    body = _MD_HEADING.sub("", body)
    truncated = False
    if _TRUNCATION.search(body):
        truncated = True
        body = _TRUNCATION.sub(" ...", body)
    bullet = False
    label = ""
    # Bullets and labels may sit inside bold markup ("**a)** text") or before it ("- (a) **text").
    probe = strip_markup(body)
    if re.match(r"^o\s{2,}\S", body):  # Word's second-level bullet, pasted as a letter o
        probe = "• " + probe[1:].lstrip()
    if m := _BULLET.match(probe):
        bullet = True
        probe = probe[m.end():]
    if m := _LABEL.match(probe):
        label = m["label"]
        probe = probe[m.end():]
    text = probe.strip()
    if truncated and text == "...":
        text = ""
    if not text and not label:
        return None
    return Line(text=text, bullet=bullet, label=label, indent=indent, truncated=truncated,
                emphasis=emphasis)


def make_lines(raw_lines: list[str]) -> list[Line]:
    return [line for raw in raw_lines if (line := make_line(raw)) is not None]


# ----------------------------------------------------------------------------- labels

def label_kind(value: str) -> str:
    """"letter", "roman" or "number" for a label value; single i/v/x count as roman."""
    if value.isdigit():
        return "number"
    if value in ("i", "v", "x"):
        return "ambiguous"
    if len(value) > 1 and re.fullmatch(_ROMAN, value):
        return "roman"
    return "letter"


def next_letter(value: str) -> str:
    return chr(ord(value) + 1) if len(value) == 1 and value < "z" else ""


def normal_label(value: str) -> str:
    """Labels shown the same way whatever the source: "a)", "a.", "(A)" -> "(a)"."""
    return f"({value.lower()})" if value else ""


# ----------------------------------------------------------------------------- joining words

_CONNECTOR = re.compile(r"(?:\s*;\s*(?:and/or|and|or)?|\s*,\s*(?:and|or)|\s+(?:and|or))\s*$", re.I)


def ends_joined(text: str) -> bool:
    """Whether an entry ends with the list's joining words ("...group; and")."""
    return bool(_CONNECTOR.search(text))


def strip_connector(text: str) -> str:
    """Drop the list's joining words at the end of an entry: "...group; and" -> "...group"."""
    stripped = _CONNECTOR.sub("", text).rstrip()
    return stripped if stripped else text


# ----------------------------------------------------------------------------- hand-wrapped text

_WRAP_WIDTH = range(50, 101)   # typed or e-mailed minutes wrapped at 60 to 100 columns
_STARTS_BLOCK = re.compile(r"^(?:#|\||-{3}|\d{1,3}(?:/\d{2,4})?[.)]\s|[A-Z]{1,6}/\d{2,4}/\d)")
_NUMBERED = re.compile(r"^\d{1,3}(?:/\d{2,4})?\s+(?P<rest>.+)$")  # "39 TITLE", not "15 December"


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def unwrap_lines(text: str) -> str:
    """Plain text wrapped by hand at a fixed width, joined back into one line a paragraph.

    Only when no line is wider than 100 characters (text pasted from a browser or Word keeps
    a paragraph a line, and is left alone). A line is joined to the next when the next one's
    first word would have fitted on it had the paragraph gone on (so the break was the
    wrapping's, not the writer's; hand wrapping leaves some slack), unless the next line starts a list entry, a numbered
    heading or a line in capitals (a heading) where this one is not."""
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    if width not in _WRAP_WIDTH:
        return text
    out: list[str] = []
    for line in lines:
        previous = out[-1].rstrip() if out else ""
        stripped = line.strip()
        if previous and stripped and _wrapped(previous, stripped, width):
            out[-1] = f"{previous} {stripped}"
        else:
            out.append(line)
    return "\n".join(out)


def _wrapped(previous: str, line: str, width: int) -> bool:
    first_word = line.split()[0]
    last_line = previous.rsplit("\n", 1)[-1]
    if len(last_line) + 1 + len(first_word) <= width - 10 or previous.endswith((":", "|")):
        return False
    made = make_line(line)
    if made is None or made.listed or _STARTS_BLOCK.match(line):
        return False
    if (numbered := _NUMBERED.match(line)) and _upper(numbered["rest"]):
        return False
    return _upper(line) == _upper(last_line) or not _upper(line)
