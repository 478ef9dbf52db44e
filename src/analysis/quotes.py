"""Find an analyst's quote in a source text: tolerant of quote marks and spacing, exact offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from sys import maxsize

# Typographic marks an analyst types as straight ones.
_FOLD = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2032", "'"),
    ("\u2033", '"'),
    ("\u00a0", " "),
)


def fold(text: str) -> str:
    """Typographic quotes and apostrophes as straight ones, one character for one: same offsets."""
    # one replace per mark the text holds: ten times faster than str.translate on long texts
    for mark, plain in _FOLD:
        if mark in text:
            text = text.replace(mark, plain)
    return text


# Runs of white space that normalising shortens: two or more characters, collapsed to one space.
_LONG_SPACE = re.compile(r"\s{2,}")  # re's \s is str.isspace(): the same white space as split()


def normalise(text: str) -> str:
    """Fold typographic quotes to straight ones and collapse runs of white space to one space."""
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class IndexedText:
    """A source text folded for matching, with a map from folded positions back to the original.

    Folding keeps every character's place except where a run of white space collapses, so the
    map is piecewise linear: `anchors` lists (folded position, original position) where each
    stretch begins, one per collapsed run, not one per character.
    """

    original: str
    folded: str
    anchors: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> IndexedText:
        translated = fold(text)
        lead = len(translated) - len(translated.lstrip())
        end = len(translated.rstrip())
        anchors = [(0, lead)]
        removed = lead  # characters dropped before the current stretch
        for run in _LONG_SPACE.finditer(translated, lead, end):
            # the run becomes one space at its first character; the next word follows it
            removed += run.end() - run.start() - 1
            anchors.append((run.end() - removed, run.end()))
        return cls(text, " ".join(translated.split()), tuple(anchors))

    def _origin(self, at: int) -> int:
        """The position in `original` of the folded text's character at `at`."""
        folded_start, original_start = self.anchors[bisect_right(self.anchors, (at, maxsize)) - 1]
        return original_start + at - folded_start

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs at all: cheaper than `find_all` when no count is needed."""
        needle = normalise(quote)
        return bool(needle) and needle in self.folded

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every `[start, end)` in the original text where the quote occurs."""
        needle = normalise(quote)
        if not needle:
            return []
        spans = []
        at = self.folded.find(needle)
        while at != -1:
            spans.append((self._origin(at), self._origin(at + len(needle) - 1) + 1))
            at = self.folded.find(needle, at + 1)
        return spans

    def pin(
        self, start: int, end: int, seen: dict[str, list[tuple[int, int]]] | None = None
    ) -> tuple[str, int] | None:
        """The text at `[start, end)` as a quote, and which of its occurrences it is.

        The occurrence is 1-based, 0 when the quote occurs once (a record then needs no
        `occurrence` field); None when the span holds no words. `seen` keeps the occurrences
        of quotes already pinned: a text that repeats a paragraph n times then costs one
        search per distinct quote, not one per record (which would grow with n squared).
        """
        while start < end and self.original[start].isspace():
            start += 1
        while end > start and self.original[end - 1].isspace():
            end -= 1
        quote = self.original[start:end]
        key = normalise(quote)
        hits = seen.get(key) if seen is not None else None
        if hits is None:
            hits = self.find_all(quote)
            if seen is not None:
                seen[key] = hits
        if not hits:
            return None
        if len(hits) == 1:
            return quote, 0
        n = bisect_left(hits, (start, -1))
        return (quote, n + 1) if n < len(hits) and hits[n][0] == start else None
