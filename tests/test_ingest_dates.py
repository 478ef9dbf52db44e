"""Date expressions resolved against the publication date: interval and granularity."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.ingest.dates import find_dates, resolve

PUBLISHED = dt.date(2023, 9, 5)  # a Tuesday, the seed article's day
D = dt.date


@pytest.mark.parametrize(
    ("expression", "start", "end", "granularity"),
    [
        ("Monday", D(2023, 9, 4), D(2023, 9, 4), "day"),
        ("on Monday", D(2023, 9, 4), D(2023, 9, 4), "day"),
        ("early Tuesday", D(2023, 9, 5), D(2023, 9, 5), "day"),  # the publication day itself
        ("late Sunday", D(2023, 9, 3), D(2023, 9, 3), "day"),
        ("Friday night", D(2023, 9, 1), D(2023, 9, 1), "day"),
        ("last Tuesday", D(2023, 8, 29), D(2023, 8, 29), "day"),
        ("yesterday", D(2023, 9, 4), D(2023, 9, 4), "day"),
        ("today", D(2023, 9, 5), D(2023, 9, 5), "day"),
        ("last week", D(2023, 8, 28), D(2023, 9, 3), "week"),  # the previous ISO week
        ("this week", D(2023, 9, 4), D(2023, 9, 10), "week"),
        ("next week", D(2023, 9, 11), D(2023, 9, 17), "week"),
        ("over the weekend", D(2023, 8, 28), D(2023, 9, 3), "week"),
        ("this month", D(2023, 9, 1), D(2023, 9, 30), "month"),
        ("last month", D(2023, 8, 1), D(2023, 8, 31), "month"),
        ("in July", D(2023, 7, 1), D(2023, 7, 31), "month"),  # most recent past July
        ("in November", D(2022, 11, 1), D(2022, 11, 30), "month"),  # after September: last year
        ("in September", D(2023, 9, 1), D(2023, 9, 30), "month"),
        ("in early August", D(2023, 8, 1), D(2023, 8, 31), "month"),
        ("in mid-March", D(2023, 3, 1), D(2023, 3, 31), "month"),
        ("in February 2022", D(2022, 2, 1), D(2022, 2, 28), "month"),
        ("in 2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("last year", D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("Sept. 4", D(2023, 9, 4), D(2023, 9, 4), "day"),
        ("on Aug. 30, 2022", D(2022, 8, 30), D(2022, 8, 30), "day"),
        ("December 24", D(2022, 12, 24), D(2022, 12, 24), "day"),  # after publication: last year
        ("2023-09-01", D(2023, 9, 1), D(2023, 9, 1), "day"),
        ("two weeks ago", D(2023, 8, 21), D(2023, 8, 27), "week"),
        ("overnight", None, None, "unknown"),
    ],
)
def test_expressions_resolve_against_the_publication_date(
    expression: str, start: dt.date | None, end: dt.date | None, granularity: str
) -> None:
    assert resolve(expression, PUBLISHED) == (start, end, granularity)


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("on Friday", D(2023, 9, 8)),
        ("in October", D(2023, 10, 1)),
        ("in July", D(2024, 7, 1)),
    ],
)
def test_a_sentence_about_the_future_takes_the_next_day_or_month(
    expression: str, start: dt.date
) -> None:
    assert resolve(expression, PUBLISHED, future=True)[0] == start


@pytest.mark.parametrize("text", ["May we go?", "1 million tons", "they may meet", "March on"])
def test_words_that_only_look_like_dates_are_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_the_future_is_read_from_the_sentence_and_offsets_are_shifted() -> None:
    sentence = "Kim will visit Russia on Friday and met Putin in July."
    found = find_dates(sentence, PUBLISHED, offset=100)
    assert [(d.text, d.value, d.start) for d in found] == [
        ("on Friday", D(2023, 9, 8), 100 + sentence.index("on Friday")),
        ("in July", D(2024, 7, 1), 100 + sentence.index("in July")),
    ]
