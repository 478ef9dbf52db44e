"""Quotation marks: the quotations of a text, their words, and spans trimmed of marks.

- `quotations()` pairs the quotation marks of the readable text (typographic ones are folded to
  `"`). A quotation may run over several sentences, and over paragraphs in the wire style where
  each new paragraph re-opens the quote and only the last one closes it.
- `single_marks()` reads a text that quotes with single marks (the British style: `'We will
  act,' she said.`) as if it quoted with double ones, the apostrophes left alone.
- `trim()` cuts a span to its words: no dateline, edge punctuation or dangling mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.ingest.segment import Sentence

#: A quotation this long (in words) is a statement of its own, not a phrase inside one.
LONG_QUOTE_WORDS = 5


@dataclass(frozen=True)
class Quotation:
    """A quotation by its marks: `start` at the opening mark, `end` after the closing one."""

    start: int
    end: int
    words: int

    @property
    def long(self) -> bool:
        return self.words >= LONG_QUOTE_WORDS


def quotations(folded: str, sentences: Sequence[Sentence]) -> list[Quotation]:
    """The quotations of the readable text, in order, each over its sentences and paragraphs."""
    blocks: dict[int, tuple[int, int]] = {}
    for s in sentences:
        start, _ = blocks.get(s.block, (s.start, s.end))
        blocks[s.block] = (start, s.end)
    out: list[Quotation] = []
    open_at: int | None = None
    last_end = 0
    for start, end in blocks.values():
        marks = [m.start() for m in re.finditer('"', folded[start:end])]
        marks = [start + m for m in marks]
        if open_at is not None:
            if marks and marks[0] == start:
                marks = marks[1:]  # the wire style: a new paragraph re-opens the same quote
            else:
                out.append(_quotation(folded, open_at, last_end))
                open_at = None
        for m in marks:
            if open_at is None:
                open_at = m
            else:
                out.append(_quotation(folded, open_at, m + 1))
                open_at = None
        last_end = end
    if open_at is not None:
        out.append(_quotation(folded, open_at, last_end))
    return out


def _quotation(folded: str, start: int, end: int) -> Quotation:
    return Quotation(start, end, len(re.findall(r"[\w'-]+", folded[start:end])))


def inner(folded: str, q: Quotation) -> tuple[int, int]:
    """A quotation's words without its marks and the comma before the closing mark."""
    start, end = q.start + 1, q.end
    if folded[end - 1] == '"':
        end -= 1
    return trim(folded, start, end, balance=False)


_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.'-]+(?: [A-Z0-9][\w.'-]*)*)?\s*"
    r"(?:\([^()\n]{1,40}\))?\s*[\u2014\u2013-]{1,2}\s+"
)


def trim(folded: str, start: int, end: int, *, balance: bool = True) -> tuple[int, int]:
    """A span without the spaces, commas and colons at its edges, a dateline ("BEIJING (AP) -")
    or a dangling mark; a quotation cut short by the full stop gets its closing mark back."""
    dateline = _DATELINE.match(folded, start, end)
    if dateline:
        start = dateline.end()
    while start < end and (folded[start].isspace() or folded[start] in ",:;"):
        start += 1
    while end > start and (folded[end - 1].isspace() or folded[end - 1] in ",:;-"):
        end -= 1
    body = folded[start:end]
    if balance and body.count('"') % 2:
        close = re.match(r'[.,!?]?"', folded[end : end + 2])
        if close and not body.startswith('"'):
            end += close.end()  # `to "safeguard national interests."`
        elif body.endswith('"'):
            end -= 1
        elif body.startswith('"'):
            start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1  # the space before a quotation mark the parser took into the clause
    return start, end


#: A single mark that opens a quotation: at a line start or after a space, bracket or dash, before
#: a word; one that closes it: after a word or punctuation, before a space, punctuation or the end.
_OPENING = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013-]))'(?=[\w\"$\u00a3\u20ac])", re.MULTILINE)
_CLOSING = re.compile(r"(?<=[\w.,!?;:%)\"])'(?=[\s.,;:!?)\u2014\u2013-]|$)", re.MULTILINE)


def single_marks(folded: str) -> str:
    """The text with its quotations' single marks as double ones and its double marks (quotes
    inside quotes) as single ones, when it quotes with single marks; otherwise unchanged.

    Same length, same offsets. A text quotes with single marks when it opens more quotations so
    than it has pairs of double marks. Marks pair in order: a closing mark outside a quotation
    is an apostrophe ("the workers' union"), an opening one inside it a quote in the quote; a
    paragraph that opens with a mark re-opens the quotation of the paragraph before.
    """
    openings = {m.start() for m in _OPENING.finditer(folded)}
    if len(openings) < 2 or len(openings) <= folded.count('"') // 2:
        return folded
    closings = {m.start() for m in _CLOSING.finditer(folded)}
    chars = list(folded.replace('"', "'"))
    is_open, last = False, 0
    for at in sorted(openings | closings):
        line_start = at == 0 or folded[at - 1] == "\n"
        if is_open and "\n" in folded[last:at] and not (at in openings and line_start):
            is_open = False  # the quotation ended with its paragraph
        if at in openings and (not is_open or line_start):
            chars[at], is_open = '"', True
        elif at in closings and is_open and not _possessive(folded, at, closings):
            chars[at], is_open = '"', False
        last = at
    return "".join(chars)


def _possessive(folded: str, at: int, closings: set[int]) -> bool:
    """ "The Ukrainians' drills are hard.'": a plural's apostrophe before a lowercase word, when
    a mark after punctuation closes the quotation later in the paragraph."""
    if folded[at - 1] != "s" or not re.match(r" [a-z]", folded[at + 1 : at + 3]):
        return False
    end = folded.find("\n", at)
    end = len(folded) if end < 0 else end
    return any(at < c < end and folded[c - 1] in ".,!?;:" for c in closings)
