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
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Parse:
    """Parsed blocks: `(block_start, doc)` pairs in text order."""

    blocks: Sequence[tuple[int, Any]]

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.blocks]

    @cached_property
    def _ends(self) -> list[int]:  # doc.text joins every token: computed once, not per lookup
        return [s + len(doc.text) for s, doc in self.blocks]

    @cached_property
    def _bases(self) -> dict[int, int]:
        return {id(doc): s for s, doc in self.blocks}

    def _index(self, offset: int) -> int | None:
        """Which block holds the character at `offset` (None between blocks)."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self._ends[i] else None

    def span(self, start: int, end: int) -> Any | None:
        """The spaCy Span covering text[start:end] (widened to whole tokens), or None."""
        i = self._index(start)
        if i is None:
            return None
        base, doc = self.blocks[i]
        return doc.char_span(start - base, min(end, self._ends[i]) - base, alignment_mode="expand")

    def token_at(self, offset: int) -> Any | None:
        """The token that holds the character at `offset`, or None between blocks."""
        span = self.span(offset, offset + 1)
        return span[0] if span is not None and len(span) else None

    def offset(self, token: Any) -> int:
        """Where a token of one of the docs starts in the text."""
        base = self._bases.get(id(token.doc))
        if base is None:
            raise ValueError("token of a doc this parse does not hold")
        return base + int(token.idx)

    @cached_property
    def _entities(self) -> list[list[tuple[int, int, str]]]:
        """Each block's named entities in text offsets, read once (doc.ents builds new Spans)."""
        return [
            [(base + ent.start_char, base + ent.end_char, ent.label_) for ent in doc.ents]
            for base, doc in self.blocks
        ]

    def entities(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Named entities as (start, end, label) in text offsets, inside [start, end)."""
        first = max(0, bisect_right(self._starts, start) - 1)
        for i in range(first, len(self.blocks)):
            if end is not None and self._starts[i] >= end:
                break
            for s, e, label in self._entities[i]:
                if s >= start and (end is None or e <= end):
                    yield s, e, label
