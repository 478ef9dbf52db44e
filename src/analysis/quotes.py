"""Find an analyst's quote in a source text: tolerant of quote marks and spacing, exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typographic marks an analyst types as straight ones.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2032": "'",
        "\u2033": '"',
        "\u00a0": " ",
    }
)


_WORD = re.compile(r"\S+")  # re's \s is str.isspace(): the same white space as split()


def normalise(text: str) -> str:
    """Fold typographic quotes to straight ones and collapse runs of white space to one space."""
    return " ".join(text.translate(_FOLD).split())


@dataclass(frozen=True)
class IndexedText:
    """A source text folded for matching, with a map from folded positions back to the original."""

    original: str
    folded: str
    origin: tuple[int, ...]  # origin[i] = index in `original` of folded[i]

    @classmethod
    def of(cls, text: str) -> IndexedText:
        # One step per word, not per character: a run of white space between two words becomes
        # one space, placed at the run's first character; none at either end.
        translated = text.translate(_FOLD)
        pieces: list[str] = []
        origin: list[int] = []
        previous_end = -1
        for word in _WORD.finditer(translated):
            start, end = word.span()
            if previous_end >= 0:
                pieces.append(" ")
                origin.append(previous_end)
            pieces.append(word.group())
            origin.extend(range(start, end))
            previous_end = end
        return cls(text, "".join(pieces), tuple(origin))

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
            last = at + len(needle) - 1
            spans.append((self.origin[at], self.origin[last] + 1))
            at = self.folded.find(needle, at + 1)
        return spans
