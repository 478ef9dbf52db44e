"""What every mention step shares: the Mention record, the document being read, span helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.ingest.lexicon import Lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence


@dataclass(frozen=True)
class Mention:
    """A span of the text that names (or points back to) an actor or a place."""

    start: int
    end: int
    kind: str  # actor | place | issue
    ids: tuple[str, ...]  # one id, or several for a coordinated owner ("its")
    sentence: int  # index in the sentence list
    confidence: float
    role: str = ""  # "" | modifier | appositive | qualifier | locative | relational
    named: bool = True  # the source names it (not "the country's foreign minister")
    via: str = ""  # how it was found: registry | title | possessive | alias | pronoun | capital ...

    @property
    def id(self) -> str:
        return self.ids[0]

    @property
    def independent(self) -> bool:
        """An actor in its own right here: not a modifier, appositive or place qualifier."""
        return self.role not in ("modifier", "appositive", "qualifier")


@dataclass
class Context:
    """One document being read: its text, folded text, sentences, lexicon and parse."""

    text: str
    folded: str
    sentences: Sequence[Sentence]
    lexicon: Lexicon
    published_country: str = ""
    proposals: list[str] = field(default_factory=list)  # ids proposed by this document
    parse: Parse | None = None  # tokens, entities and arcs by text offset
    aliases: dict[str, str] = field(default_factory=dict)  # surname/acronym -> actor id, here
    genders: dict[str, str] = field(default_factory=dict)  # person id -> "m" | "f", from the text
    cued: set[str] = field(default_factory=set)  # ids whose gender a word gave (Ms., spokesman)

    def sentence_of(self, offset: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def head(self, start: int, end: int) -> Any | None:
        """The syntactic head token of text[start:end], if the text was parsed."""
        if self.parse is None:
            return None
        span = self.parse.span(start, end)
        return span.root if span is not None and len(span) else None


LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "into",
        "over",
        "across",
        "inside",
        "throughout",
        "within",
        "on",
        "onto",
        "toward",
        "towards",
    ]
)
RELATIONAL = frozenset(["near", "outside", "of", "from", "off", "around", "beyond"])
_PREV_WORD = re.compile(
    r"([A-Za-z-]+)\s+(?:the\s+)?(?:(?:neighbouring|neighboring|war-torn|administrative|central|northern|southern|eastern|western|"
    r"north-eastern|south-eastern|north-western|south-western|northeastern|southeastern|"
    r"northwestern|southwestern)\s+)?$"
)


def prev_word(folded: str, start: int, sentence_start: int) -> str:
    """The word before a name, skipping "the" and a direction ("in the eastern ...")."""
    m = _PREV_WORD.search(folded, max(sentence_start, start - 40), start)
    return m.group(1).lower() if m else ""


def overlaps(mentions: Sequence[Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in mentions)
