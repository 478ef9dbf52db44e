"""The parsed text: spaCy docs of the readable blocks, reached by offsets in the whole text.

`read()` parses each readable block once; every later step (mentions, attribution, dates,
places, events) asks this object for the tokens, entities and dependency arcs under a span of
the text instead of parsing again. Offsets are those of the source text (the folded text has
the same offsets).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Parse:
    """Parsed blocks: `(block_start, doc)` pairs in text order."""

    blocks: Sequence[tuple[int, Any]]

    def _block(self, offset: int) -> tuple[int, Any] | None:
        starts = [s for s, _ in self.blocks]
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        start, doc = self.blocks[i]
        return (start, doc) if offset < start + len(doc.text) else None

    def span(self, start: int, end: int) -> Any | None:
        """The spaCy Span covering text[start:end] (widened to whole tokens), or None."""
        found = self._block(start)
        if found is None:
            return None
        base, doc = found
        return doc.char_span(
            start - base, min(end, base + len(doc.text)) - base, alignment_mode="expand"
        )

    def token_at(self, offset: int) -> Any | None:
        """The token that holds the character at `offset`, or None between blocks."""
        span = self.span(offset, offset + 1)
        return span[0] if span is not None and len(span) else None

    def offset(self, token: Any) -> int:
        """Where a token of one of the docs starts in the text."""
        for base, doc in self.blocks:
            if token.doc is doc:
                return base + int(token.idx)
        raise ValueError("token of a doc this parse does not hold")

    def entities(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Named entities as (start, end, label) in text offsets, inside [start, end)."""
        for base, doc in self.blocks:
            for ent in doc.ents:
                s, e = base + ent.start_char, base + ent.end_char
                if s >= start and (end is None or e <= end):
                    yield s, e, ent.label_
