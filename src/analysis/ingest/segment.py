"""Split a source text into blocks and sentences with offsets; mark what is not the article body.

A scraped article carries more than its body: the headline, a photo caption with its credit,
a contributors line, and the scraper's tail ("Source link", "Leave a Reply", "Your email
address will not be published"). Those spans are marked `non_body` so nothing is drafted from
them — except the caption, which is marked but still read: it can describe an event (the seed's
"seen in 2019 before talks in Vladivostok"), so its drafts get a lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.quotes import normalise

#: The kinds of non-body span, as written into the source metadata's `non_body` list.
NON_BODY_KINDS = ("headline", "caption", "credit", "contributors", "boilerplate")

_BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_CREDIT = re.compile(
    r"\((?P<credit>[^()\n]{2,160}?(?:/|Getty|AFP|Reuters|\bAP\b|EPA|Photo|Images|Pool|"
    r"Bloomberg|TASS|Sputnik|Handout|Xinhua|via )[^()\n]{0,160})\)\s*$"
)
_CONTRIBUTORS = re.compile(
    r"(?:contributed(?: reporting)? to this (?:report|story|article)\.?\s*$)|"
    r"^(?:Additional reporting|Reporting|Writing|Editing|Edited) by\b",
    re.IGNORECASE,
)
_BOILERPLATE_LINE = re.compile(
    r"^(?:Source link|Source|Leave a Reply|Leave a Comment|Cancel reply|Post navigation|"
    r"Your email address will not be published\..*|Required fields are marked.*|"
    r"Share this:?|Like this:?|Related(?: Posts| Articles| Stories)?:?|Click to share.*|"
    r"Subscribe.*|Sign up for .*|Advertisement|Read more:?.*|Continue reading.*|"
    r"Comment\s*\*?|Name\s*\*?|Email\s*\*?|Website|Save my name.*|Loading\.\.\.)$",
    re.IGNORECASE,
)
#: A boilerplate block after which everything is the scraper's tail.
_TAIL_START = re.compile(r"^(?:Source link|Leave a Reply|Leave a Comment)$", re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!?\"'\u201d\u2019:]\s*$")
_OPENING_QUOTES = "\u201c\u2018"


@dataclass(frozen=True)
class Block:
    """A paragraph of the text (separated by blank lines) and what kind of text it is."""

    start: int
    end: int
    kind: str  # body | headline | caption | contributors | boilerplate


@dataclass(frozen=True)
class NonBody:
    """A span of the text that is not article body, as stored in the source metadata."""

    start: int
    end: int
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block that ingest reads (body or caption), by offsets in the text."""

    start: int
    end: int
    block: int
    kind: str  # body | caption


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str, title: str = "") -> tuple[list[Block], list[NonBody]]:
    """The text's blocks with their kinds, and the non-body spans (a caption's credit apart)."""
    raw: list[tuple[int, int]] = []
    at = 0
    for m in _BLOCK_BREAK.finditer(text):
        raw.append(_strip(text, at, m.start()))
        at = m.end()
    raw.append(_strip(text, at, len(text)))
    spans = [(s, e) for s, e in raw if e > s]

    out: list[Block] = []
    non_body: list[NonBody] = []
    in_tail = False
    for i, (s, e) in enumerate(spans):
        chunk = text[s:e]
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        kind = "body"
        if in_tail or (lines and all(_BOILERPLATE_LINE.match(line) for line in lines)):
            kind = "boilerplate"
            in_tail = in_tail or any(_TAIL_START.match(line) for line in lines)
        elif i == 0 and _is_headline(chunk, title):
            kind = "headline"
        elif _CONTRIBUTORS.search(chunk) and len(chunk) < 400:
            kind = "contributors"
        elif (credit := _CREDIT.search(chunk)) and len(chunk.split()) <= 80:
            kind = "caption"
            cs, ce = _strip(text, s + credit.start(), s + credit.end())
            body_end = _strip(text, s, s + credit.start())[1]
            if body_end > s:
                non_body.append(NonBody(s, body_end, "caption"))
            non_body.append(NonBody(cs, ce, "credit"))
            out.append(Block(s, body_end, kind))
            continue
        if kind != "body":
            non_body.append(NonBody(s, e, kind))
        out.append(Block(s, e, kind))
    return out, non_body


def _is_headline(chunk: str, title: str) -> bool:
    if title and normalise(chunk) == normalise(title):
        return True
    return (
        "\n" not in chunk.strip() and len(chunk.split()) <= 30 and not _HEADLINE_END.search(chunk)
    )


def sentences(text: str, blocks_: Sequence[Block], docs: Iterable[Any]) -> list[Sentence]:
    """Sentences of the readable blocks, from their spaCy docs (one doc per readable block).

    The sentencizer leaves an opening quote mark at the end of the sentence before it
    (`... he said. “` / `As Turkey, ...”`): such a mark is moved to the sentence it opens.
    """
    out: list[Sentence] = []
    readable = [(i, b) for i, b in enumerate(blocks_) if b.kind in ("body", "caption")]
    for (index, block), doc in zip(readable, docs, strict=True):
        spans = [
            _strip(text, block.start + s.start_char, block.start + s.end_char) for s in doc.sents
        ]
        spans = [(s, e) for s, e in spans if e > s]
        fixed: list[tuple[int, int]] = []
        for j, (s, e) in enumerate(spans):
            if fixed and fixed[-1][1] > s:
                s = fixed[-1][1]
            if j + 1 < len(spans) and e - s > 1 and _opens(text, e - 1):
                e = _strip(text, s, e - 1)[1]
                spans[j + 1] = (e, spans[j + 1][1])
            s, e = _strip(text, s, e)
            if e > s:
                fixed.append((s, e))
        out.extend(Sentence(s, e, index, block.kind) for s, e in fixed)
    return out


def _opens(text: str, at: int) -> bool:
    ch = text[at]
    if ch in _OPENING_QUOTES:
        return True
    return ch in "\"'" and at > 0 and text[at - 1].isspace()
