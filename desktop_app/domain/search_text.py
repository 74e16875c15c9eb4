"""What an officer types into "Search everything", read as terms (no database here).

Words are matched all together (AND), leaving out the commonest ("the", "and", ...: STOP_WORDS); ``"a phrase"`` in double quotes matches those words in
order; ``-word`` or ``-"a phrase"`` leaves out records that have it; ``or`` between two terms
matches either. The last term, when it is a plain word of three letters or more, also matches as the start of
a word, so that results come while it is still being typed ("safeguar" finds "safeguarding").
Punctuation inside a term splits it into words matched in order ("s.9FE" is "s 9fe").
"""

from __future__ import annotations

import dataclasses
import re

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12
MIN_PREFIX = 3      # a shorter last word is matched whole: "a" would be most of the words
# words too common to search for, left out of a plain term as PostgreSQL's English
# configuration does (a phrase in quotes keeps them)
STOP_WORDS = frozenset(
    "a an and are as at be but by for from has have i if in into is it its of on or so such "
    "that the their then there these they this to was were which will with".split())
# endings the English (Porter) stemmer takes off words
_SUFFIXES = ("ational", "tional", "ation", "ator", "ative", "alise", "alize", "ise", "ize",
             "ising", "izing", "ised", "ized", "ement", "ment", "ent", "ness", "ful", "ous",
             "ive", "iveness", "ible", "able", "ance", "ence", "ing", "ies", "ied", "est", "ed",
             "er", "es", "ly", "li", "ic", "al", "ity", "iti", "ism", "ist", "ion", "ant",
             "eli", "bli", "y")


@dataclasses.dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    negated: bool = False
    prefix: bool = False        # the last word also matches as the start of a word
    or_before: bool = False     # "or" between this term and the one before


@dataclasses.dataclass(frozen=True)
class SearchText:
    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not any(not t.negated for t in self.terms)

    def shortened(self) -> list[SearchText]:
        """The same search with the end of the word being typed taken off, where that end
        could be the start of an English suffix: the index holds stems, so "organisati" must
        look for "organis..." (at most 3 letters, never below 4; "safeguardx" stays)."""
        if not self.terms or not self.terms[-1].prefix:
            return []
        last = self.terms[-1]
        word = last.words[-1]
        out = []
        for cut in range(1, 4):
            tail = word[-cut:]
            if len(word) - cut < 4 or not any(s.startswith(tail) for s in _SUFFIXES):
                continue
            out.append(SearchText(self.terms[:-1] + (dataclasses.replace(
                last, words=last.words[:-1] + (word[:-cut],)),)))
        return out

    # --- SQLite FTS5 -----------------------------------------------------------------
    def fts5(self) -> str:
        """The FTS5 MATCH expression (every word quoted, so nothing typed is syntax)."""
        def phrase(t: Term) -> str:
            return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
        out = ""
        for t in (t for t in self.terms if not t.negated):
            out += (" OR " if t.or_before else " AND ") + phrase(t) if out else phrase(t)
        if not out:
            return ""
        out = f"({out})"
        for t in (t for t in self.terms if t.negated):
            out += " NOT " + phrase(t)
        return out

    # --- PostgreSQL --------------------------------------------------------------------
    def websearch(self) -> tuple[str, str, bool]:
        """(text for websearch_to_tsquery, to_tsquery text for the word being typed or "",
        whether that word is an alternative to the rest ("a or b") rather than also needed)."""
        head: list[str] = []
        terms = list(self.terms)
        last = terms.pop() if terms and terms[-1].prefix else None
        for t in terms:
            text = " ".join(t.words)
            if len(t.words) > 1:
                text = f'"{text}"'
            head.append(("or " if t.or_before else "") + ("-" if t.negated else "") + text)
        if last is None:
            return " ".join(head), "", False
        return " ".join(head), " <-> ".join(last.words) + ":*", last.or_before


def parse(text: str) -> SearchText:
    terms: list[Term] = []
    or_next = False
    for m in _TOKEN.finditer(text or ""):
        quoted = m.group(2) is not None
        raw = m.group(2) if quoted else m.group(3)
        negated = bool(m.group(1)) if quoted else raw.startswith("-")
        if not quoted and negated:
            raw = raw[1:]
        if not quoted and raw.lower() == "or" and terms:
            or_next = True
            continue
        words = tuple(w.lower() for w in _WORD.findall(raw))
        if not quoted:
            words = tuple(w for w in words if w not in STOP_WORDS)
        if not words:
            continue
        terms.append(Term(words, negated, False, or_next and not negated))
        or_next = False
        if len(terms) >= MAX_TERMS:
            break
    if terms and not terms[-1].negated:
        last = terms[-1]
        typed_bare = not text.rstrip().endswith('"')
        if typed_bare and len(last.words[-1]) >= MIN_PREFIX:
            terms[-1] = dataclasses.replace(last, prefix=True)
    return SearchText(tuple(terms))
