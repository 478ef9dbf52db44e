"""Find an analyst's quote in a source text: tolerant of quote marks and spacing, exact offsets."""

from __future__ import annotations

from dataclasses import dataclass

# Typographic marks an analyst types as straight ones.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2032": "'", "\u2033": '"', "\u00a0": " "})


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
        folded_chars: list[str] = []
        origin: list[int] = []
        pending_space = False
        space_at = 0
        for i, ch in enumerate(text.translate(_FOLD)):
            if ch.isspace():
                if not pending_space:
                    pending_space, space_at = True, i
                continue
            if pending_space and folded_chars:
                folded_chars.append(" ")
                origin.append(space_at)
            pending_space = False
            folded_chars.append(ch)
            origin.append(i)
        return cls(text, "".join(folded_chars), tuple(origin))

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
