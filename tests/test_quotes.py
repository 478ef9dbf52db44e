"""Quote matching: tolerant of quote marks and spacing, offsets exact in the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.quotes import IndexedText, normalise

TEXT = "Russia\u2019s  military \u201cattempts\u201d\nto bolster supplies. Russia\u2019s army."


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            'Russia\'s military "attempts" to bolster',
            "Russia\u2019s  military \u201cattempts\u201d\nto bolster",
        ),
        ("military \u201cattempts\u201d to", "military \u201cattempts\u201d\nto"),
        ("  bolster   supplies. ", "bolster supplies."),
    ],
)
def test_straight_quotes_and_spacing_match_the_original_span(quote: str, expected: str) -> None:
    ((start, end),) = IndexedText.of(TEXT).find_all(quote)
    assert TEXT[start:end] == expected


def test_every_occurrence_is_found_so_ambiguity_can_be_refused() -> None:
    assert len(IndexedText.of(TEXT).find_all("Russia's")) == 2
    assert IndexedText.of(TEXT).find_all("Russia's navy") == []
    assert IndexedText.of(TEXT).find_all("   ") == []


@given(st.text(), st.data())
def test_any_substring_is_found_at_offsets_that_reproduce_it(
    text: str, data: st.DataObject
) -> None:
    indexed = IndexedText.of(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quote = text[start:end]
    spans = indexed.find_all(quote)
    if not normalise(quote):
        assert spans == []
        return
    assert spans, "a verbatim substring must be found"
    for s, e in spans:
        assert normalise(text[s:e]) == normalise(quote)


PASTED = 'Kuleba said \u201cno\u201d.\n\nKuleba  said "no".\n\nKuleba said \u201cno\u201d.\n'


@pytest.mark.parametrize("seen", [None, {}])
def test_a_repeated_span_is_pinned_by_its_occurrence_not_lengthened(
    seen: dict[str, list[tuple[int, int]]] | None,
) -> None:
    text = IndexedText.of(PASTED)
    starts = [i for i in range(len(PASTED)) if PASTED.startswith("Kuleba", i)]
    for n, start in enumerate(starts, 1):
        end = PASTED.index(".", start) + 1
        quote, occurrence = text.pin(start, end, seen) or ("", -1)
        assert (quote, occurrence) == (PASTED[start:end], n)
        assert text.find_all(quote)[occurrence - 1][0] == start
    once = PASTED.index("said")
    assert text.pin(0, 6, seen) == ("Kuleba", 1)
    assert text.pin(once - 1, once + 4, seen) == ("said", 1)  # the white space is trimmed
    assert text.pin(7, 7 + len("said \u201cno\u201d."), seen) == ("said \u201cno\u201d.", 1)
    assert text.pin(6, 7, seen) is None  # only white space
