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
