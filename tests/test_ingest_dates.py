"""Date expressions resolved against the publication date: interval and granularity."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.ingest.dates import describe, find_dates, resolve

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


# --- any case and position, tense from the parse (the real model) ---------------------------

JUNE = dt.date(2024, 6, 18)  # a Tuesday


def _parsed_dates(sentence: str, published: dt.date = JUNE) -> list[tuple[str, object, str]]:
    from analysis.ingest import nlp
    from analysis.ingest.parse import Parse

    parse = Parse([(0, nlp.pipeline()(sentence))])
    return [(d.text, d.value, d.granularity) for d in find_dates(sentence, published, parse=parse)]


@pytest.mark.parametrize(
    ("sentence", "words", "start", "granularity"),
    [
        (
            "Last month, the ministry imposed new export curbs.",
            "Last month",
            D(2024, 5, 1),
            "month",
        ),
        ("In March, rebels seized the town of Tawila.", "In March", D(2024, 3, 1), "month"),
        ("Next month the council will vote on the plan.", "Next month", D(2024, 7, 1), "month"),
        ("Last week's report found that 40 people died.", "Last week", D(2024, 6, 10), "week"),
        ("Earlier this year, exports fell by a third.", "Earlier this year", D(2024, 1, 1), "year"),
        (
            "The envoy is to visit Kyiv later this month.",
            "later this month",
            D(2024, 6, 1),
            "month",
        ),
        ("ON SUNDAY, the army said it had withdrawn.", "ON SUNDAY", D(2024, 6, 16), "day"),
        ("Sunday's strike killed five people in the market.", "Sunday", D(2024, 6, 16), "day"),
        ("Talks resumed on Jan 5 after a pause.", "on Jan 5", D(2024, 1, 5), "day"),
        ("The ceasefire began on 5 January 2024.", "on 5 January 2024", D(2024, 1, 5), "day"),
        (
            "The agency said on Friday, June 14, that food ran out.",
            "on Friday, June 14",
            D(2024, 6, 14),
            "day",
        ),
        ("The army withdrew two weeks ago.", "two weeks ago", D(2024, 6, 3), "week"),
        ("The plant closed a year ago.", "a year ago", D(2023, 1, 1), "year"),
        ("Fighting flared again late last year.", "late last year", D(2023, 1, 1), "year"),
        ("Prices have risen since mid-2022.", "since mid-2022", D(2022, 1, 1), "year"),
        ("The deal expires at the end of March.", "the end of March", D(2024, 3, 1), "month"),
        ("Officials said the June summit ended without a deal.", "June", D(2024, 6, 1), "month"),
    ],
)
def test_dates_are_found_in_any_case_and_position(
    sentence: str, words: str, start: dt.date, granularity: str
) -> None:
    assert (words, start, granularity) in _parsed_dates(sentence)


@pytest.mark.parametrize(
    ("sentence", "words", "start"),
    [
        # past or perfect: the latest such month or day on or before publication
        ("Rebels seized the airport in August.", "in August", D(2023, 8, 1)),
        ("The militia has held the town since October.", "since October", D(2023, 10, 1)),
        ("The minister was arrested on Thursday.", "on Thursday", D(2024, 6, 13)),
        ("The report, published Thursday, says a million people fled.", "Thursday", D(2024, 6, 13)),
        ("Leaders met on July 2 to discuss the corridor.", "on July 2", D(2023, 7, 2)),
        # future: the next one on or after publication
        ("The summit will be held in August.", "in August", D(2024, 8, 1)),
        ("The envoy is to arrive in Khartoum on Thursday.", "on Thursday", D(2024, 6, 20)),
        ("The government plans to reopen the border in March.", "in March", D(2025, 3, 1)),
        ("Elections are scheduled for November.", "for November", D(2024, 11, 1)),
        ("The vote is due in September.", "in September", D(2024, 9, 1)),
        ("The two leaders are expected to meet on Friday.", "on Friday", D(2024, 6, 21)),
        ("Aid convoys could reach the city by July 2.", "by July 2", D(2024, 7, 2)),
        ("Kyiv has asked its allies to deliver the jets by March.", "by March", D(2025, 3, 1)),
        ("Putin to visit Pyongyang on Thursday", "on Thursday", D(2024, 6, 20)),  # headline
        # a hope told in the past is still ahead ("hoped": the lemmatizer reads "hop")
        (
            "The envoy said the agency hoped to open an office in Aden in March.",
            "in March",
            D(2025, 3, 1),
        ),
        ("The decree requires conscripts to register by September.", "by September", D(2024, 9, 1)),
        # present or no verb: the nearer one
        ("The leaders meet in August.", "in August", D(2024, 8, 1)),
        ("Officials said the talks would resume in May.", "in May", D(2024, 5, 1)),
    ],
)
def test_a_month_or_weekday_takes_the_tense_of_its_clause(
    sentence: str, words: str, start: dt.date
) -> None:
    found = {text: value for text, value, _ in _parsed_dates(sentence)}
    assert found.get(words) == start, found


def test_each_date_of_a_sentence_takes_its_own_clause_tense() -> None:
    sentence = "The foreign minister met his counterpart in March and will return in August."
    assert _parsed_dates(sentence) == [
        ("in March", D(2024, 3, 1), "month"),
        ("in August", D(2024, 8, 1), "month"),
    ]


# --- kept with a reason ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "reason"),
    [
        ("Aid will arrive in the coming days, the agency said.", "in the coming days", "calendar"),
        ("Inflation peaked in the 1990s.", "in the 1990s", "decade"),
        ("Three days later, the rebels retreated.", "Three days later", "calendar"),
        ("Heavy fighting continued over the past week.", "past week", "rolling"),
        ("Thousands have fled in recent weeks.", "in recent weeks", "calendar"),
        ("The talks collapsed the day before.", "the day before", "calendar"),
        ("Since then, the militia has held the airport.", "Since then", "calendar"),
        ("Drones struck the port overnight.", "overnight", "night"),
        ("The offensive began last winter.", "last winter", "two years"),
    ],
)
def test_dates_the_contract_cannot_hold_are_kept_with_a_reason(
    sentence: str, words: str, reason: str
) -> None:
    found = [d for d in find_dates(sentence, JUNE) if d.text == words]
    assert len(found) == 1
    assert (found[0].granularity, found[0].value) == ("unknown", None)
    assert reason in found[0].note


def test_a_season_is_kept_as_its_year_with_a_note() -> None:
    (found,) = find_dates("The refugees arrived last summer.", JUNE)
    assert (found.value, found.granularity) == (D(2023, 1, 1), "year")
    assert "summer 2023" in found.note


def test_the_nearer_reading_says_which_one_it_took() -> None:
    from analysis.ingest import nlp
    from analysis.ingest.parse import Parse

    sentence = "The leaders meet in August."
    parse = Parse([(0, nlp.pipeline()(sentence))])
    (found,) = find_dates(sentence, JUNE, parse=parse)
    assert "2023" in found.note and "2024" in found.note


@pytest.mark.parametrize(
    "text",
    [
        "The Euro 2024 final drew a record crowd.",
        "Security Council Resolution 2231 lapsed.",
        "Theresa May said on the radio that she disagreed.",
        "The rebels launched a spring offensive.",
        "The Arab Spring protests spread.",
        "Prices may fall further.",
        "It cost $2019 a tonne.",
        "The curfew starts at 2000 GMT.",
    ],
)
def test_names_and_numbers_are_not_dates(text: str) -> None:
    assert [d.text for d in find_dates(text, JUNE) if d.granularity != "unknown"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Talks ran from Monday to Wednesday.",
            [("from Monday", D(2024, 6, 10)), ("Wednesday", D(2024, 6, 12))],
        ),
        (
            "The talks will run from Monday to Wednesday.",
            [("from Monday", D(2024, 6, 24)), ("Wednesday", D(2024, 6, 26))],
        ),
        (
            "Prices rose between March and May.",
            [("between March", D(2024, 3, 1)), ("May", D(2024, 5, 1))],
        ),
        (
            "The ban lasted from November to February.",
            [("from November", D(2023, 11, 1)), ("February", D(2024, 2, 1))],
        ),
    ],
)
def test_the_end_of_a_range_never_comes_before_its_start(
    sentence: str, expected: list[tuple[str, dt.date]]
) -> None:
    assert [(text, value) for text, value, _ in _parsed_dates(sentence)] == expected


@pytest.mark.parametrize(
    ("expression", "start", "granularity"),
    [
        ("this past weekend", D(2024, 6, 10), "week"),
        ("by year-end", D(2024, 1, 1), "year"),
        ("throughout July", D(2023, 7, 1), "month"),
        ("a month ago", D(2024, 5, 1), "month"),
        ("last night", D(2024, 6, 17), "day"),
        ("this morning", D(2024, 6, 18), "day"),
        ("a decade ago", None, "unknown"),
    ],
)
def test_more_relative_expressions(
    expression: str, start: dt.date | None, granularity: str
) -> None:
    found = resolve(expression, JUNE)
    assert found is not None and (found[0], found[2]) == (start, granularity)


def test_every_date_found_is_resolved_or_says_why() -> None:
    text = (
        "Last month, militias shelled the town twice; aid arrived three days later. "
        "In recent weeks, prices doubled, and in the coming days the agency will decide. "
        "The ceasefire of the 1990s collapsed overnight on Sunday, the day before the vote."
    )
    found = find_dates(text, JUNE)
    assert len(found) >= 6
    assert all(d.value is not None or d.note for d in found)


def test_a_reviewer_line_gives_the_interval_or_the_reason() -> None:
    found = find_dates("Last month the army said aid would come in the coming days.", JUNE)
    assert [describe(d) for d in found] == [
        "'Last month' = 2024-05-01 (month)",
        "'in the coming days': unknown ('in the coming days' names no calendar period; "
        "date it by hand)",
    ]


@pytest.mark.parametrize(
    ("sentence", "words", "start", "granularity"),
    [
        (
            "The crossings will stay shut until at least March, the interior minister said.",
            "until at least March",
            D(2025, 3, 1),
            "month",
        ),
        (
            "Lithuania has extended the state of emergency until at least January.",
            "until at least January",
            D(2025, 1, 1),
            "month",
        ),
        (
            "The coast guard has stopped 14 boats since the beginning of the year.",
            "since the beginning of the year",
            D(2024, 1, 1),
            "year",
        ),
    ],
)
def test_open_ended_periods_resolve_ahead_or_to_the_year(
    sentence: str, words: str, start: dt.date, granularity: str
) -> None:
    found = {text.lower(): (value, g) for text, value, g in _parsed_dates(sentence)}
    assert found[words.lower()] == (start, granularity)
