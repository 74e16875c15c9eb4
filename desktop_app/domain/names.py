"""People's names, email addresses, file names and free text as they travel into the app and
out of it (chase emails and workbooks, file names on disk).

A name or an address is one line of printable text: a line break in an owner's name would
become a second header line in the email drafted to them ("Bob\\nBcc: someone@example.com").
Typed names with control characters are refused; names read from other people's files are
tidied (control characters and line breaks become single spaces)."""

from __future__ import annotations

from desktop_app.domain.lazy_re import lazy

MAX_NAME = 200
_CONTROL = lazy("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TEXT_CONTROL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# an addr-spec without the quoted or bracketed forms no council address uses
EMAIL = lazy(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                     *(f"LPT{n}" for n in range(1, 10))}


def clean_name(text: str) -> str:
    """A name read from a file, as one tidy line: control characters and line breaks become
    spaces, runs of spaces one."""
    return " ".join(_CONTROL.sub(" ", text or "").split())[:MAX_NAME]


def name_problem(text: str) -> str | None:
    """Why a typed name cannot be kept as it is, or None."""
    if _CONTROL.search(text or ""):
        return "contains a line break or a control character"
    if len(text.strip()) > MAX_NAME:
        return f"is longer than {MAX_NAME} characters"
    return None


def email_problem(address: str) -> str | None:
    """Why ``address`` is not an email address the app will put in a draft, or None."""
    if _CONTROL.search(address or ""):
        return "contains a line break or a control character"
    if len(address) > 254 or not EMAIL.match(address):
        return "is not an email address (name@example.gov.uk)"
    return None


def clean_text(text: str) -> str:
    """Free text (minutes, progress notes) without control characters; tabs and line breaks
    are kept, Windows line ends become plain ones."""
    return _TEXT_CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def file_stem(name: str, limit: int = 60) -> str:
    """``name`` as part of a file name that is safe on Windows, macOS and Linux: letters,
    digits, spaces, hyphens and underscores only, no reserved device name, not too long."""
    import unicodedata
    name = unicodedata.normalize("NFKC", clean_name(name))
    stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name)
    stem = " ".join(stem.split()).strip(" ._")[:limit].rstrip(" ._")
    if not stem or stem.upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}" if stem else "owner"
    return stem


def unique_stems(names: list[str], limit: int = 60) -> dict[str, str]:
    """A file stem per name, unique ignoring case (Windows and macOS file systems do):
    "A/B" and "A?B", or "Smith, J" and "Smith; J", get "A_B" and "A_B (2)"."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = file_stem(name, limit)
        stem, n = base, 2
        while stem.casefold() in taken:
            stem, n = f"{base} ({n})", n + 1
        taken.add(stem.casefold())
        out[name] = stem
    return out
