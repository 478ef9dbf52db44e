"""Briefing topic: pure frames from small in-memory tables; the notebook on the real data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.build.png import figures_of
from analysis.errors import NewsbriefError
from analysis.tables import frame
from analysis.topics.briefing import (
    appearance_counts,
    appearances,
    event_timeline,
    headline_figures,
    in_period,
    period,
    places_mentioned,
    undated_events,
)

ROOT = Path(__file__).resolve().parents[1]

ACTORS = frame(
    "actors",
    [
        {"actor_id": "rus", "name": "Russia", "kind": "state", "country_iso3": "RUS"},
        {
            "actor_id": "putin",
            "name": "Vladimir Putin",
            "kind": "person",
            "country_iso3": "RUS",
            "parent_id": "rus",
        },
        {"actor_id": "kim", "name": "Kim Jong Un", "kind": "person", "country_iso3": "PRK"},
        {"actor_id": "anon", "name": "officials", "kind": "unnamed", "country_iso3": "USA"},
    ],
)
PLACES = frame(
    "places",
    [
        {
            "place_id": "vlad",
            "name": "Vladivostok",
            "kind": "city",
            "country_iso3": "RUS",
            "lat": 43.1,
            "lon": 131.9,
            "precision": "town",
        },
        {"place_id": "nowhere", "name": "Nowhere", "kind": "area", "lat": None, "lon": None},
    ],
)


def event(
    event_id: str,
    *,
    start: str = "",
    end: str = "",
    gran: str = "unknown",
    status: str = "factual",
    topics: str = "arms_cooperation",
    actors: str = "putin",
    recipients: str = "",
    place: str = "",
    start_at: int = 0,
) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "source_id": "src",
        "event_type": "CONSULT",
        "status": status,
        "date_start": start,
        "date_end": end,
        "date_granularity": gran,
        "date_text": "in July" if gran == "month" else "",
        "actor_ids": actors,
        "recipient_ids": recipients,
        "place_id": place,
        "topics": topics,
        "summary": f"{event_id} <b>summary</b>",
        "evidence_quote": f"quote {event_id}",
        "evidence_start": start_at,
        "evidence_end": start_at + 5,
    }


EVENTS = frame(
    "events",
    [
        event(
            "talks_2019",
            start="2019-01-01",
            end="2019-12-31",
            gran="year",
            status="historical",
            topics="russia_dprk_summitry",
            actors="putin;kim",
            place="vlad",
            start_at=0,
        ),
        event(
            "visit",
            start="2023-09-01",
            end="2023-09-30",
            gran="month",
            status="future",
            topics="russia_dprk_summitry;arms_cooperation",
            actors="kim",
            recipients="putin",
            place="vlad",
            start_at=10,
        ),
        event(
            "monday",
            start="2023-09-04",
            end="2023-09-04",
            gran="day",
            topics="arms_cooperation",
            start_at=20,
        ),
        event(
            "no_rejoin",
            start="2023-09-04",
            end="2023-09-04",
            gran="day",
            status="negated",
            topics="arms_cooperation",
            start_at=30,
        ),
        event("undated", topics="arms_cooperation", place="nowhere", start_at=40),
    ],
)
CLAIMS = frame(
    "claims",
    [
        {
            "claim_id": "c1",
            "source_id": "src",
            "speaker_id": "putin",
            "speaker_named": True,
            "reporter_verification": "unknown",
            "content": "Putin says",
            "quote": "q1",
            "quote_start": 50,
            "quote_end": 52,
            "date_start": "2023-09-04",
            "date_granularity": "day",
        },
        {
            "claim_id": "c2",
            "source_id": "src",
            "speaker_id": "anon",
            "speaker_named": False,
            "via_id": "wapo",
            "reporter_verification": "not_independently_verified",
            "content": "officials say",
            "quote": "q2",
            "quote_start": 60,
            "quote_end": 62,
            "date_start": "2023-08-28",
            "date_granularity": "week",
        },
        {
            "claim_id": "c3",
            "source_id": "src",
            "speaker_id": "putin",
            "speaker_named": True,
            "reporter_verification": "confirmed",
            "content": "undated",
            "quote": "q3",
            "quote_start": 70,
            "quote_end": 72,
            "date_granularity": "unknown",
        },
    ],
)
SOURCES = frame("sources", [{"source_id": "src", "published_at": "2023-09-05"}])


def test_period_is_half_open_and_checks_its_dates() -> None:
    assert period("2023-09-01", "2023-09-05") == (
        pd.Timestamp("2023-09-01"),
        pd.Timestamp("2023-09-06"),
    )
    assert period("", "") == (None, None)
    with pytest.raises(NewsbriefError, match=r"date_from '1 Sept' is not an ISO date.*YYYY-MM-DD"):
        period("1 Sept", "")
    with pytest.raises(NewsbriefError, match="date_to '2023-08-01' is before date_from"):
        period("2023-09-01", "2023-08-01")


@pytest.mark.parametrize(
    ("date_from", "date_to", "kept"),
    [
        ("", "", ["talks_2019", "visit", "monday", "no_rejoin", "undated"]),
        ("2023-09-02", "", ["visit", "monday", "no_rejoin", "undated"]),  # a month overlaps
        ("", "2023-08-31", ["talks_2019", "undated"]),  # undated rows are always kept
        ("2023-09-05", "2023-09-05", ["visit", "undated"]),
    ],
)
def test_in_period_keeps_overlapping_intervals_and_undated_rows(
    date_from: str, date_to: str, kept: list[str]
) -> None:
    mask = in_period(EVENTS, date_from=date_from, date_to=date_to)
    assert EVENTS.loc[mask, "event_id"].tolist() == kept


def test_in_period_derives_a_claims_end_from_its_granularity() -> None:
    # c2 is "last week": 2023-08-28 .. 2023-09-03, so a period from 2023-09-03 still holds it
    mask = in_period(CLAIMS, date_from="2023-09-03", date_to="2023-09-03")
    assert CLAIMS.loc[mask, "claim_id"].tolist() == ["c2", "c3"]


def test_headline_figures_count_records_and_claim_attribution() -> None:
    figures = headline_figures(SOURCES, EVENTS, CLAIMS).set_index("figure")["value"]
    assert figures["Sources"] == "1"
    assert figures["Events"] == "5"
    assert figures["Claims"] == "3"
    assert figures["Actors"] == "4"  # putin, kim, anon, and the outlet wapo relaying c2
    assert figures["Places"] == "2"
    assert figures["Claims not independently verified"] == "33% (1 of 3)"
    assert figures["Claims from unnamed speakers"] == "33% (1 of 3)"
    assert figures["Claims the source confirms"] == "33% (1 of 3)"
    notes = headline_figures(SOURCES, EVENTS, CLAIMS).set_index("figure")["note"]
    assert notes["Events"].startswith("4 dated, 1 undated; 2 planned, possible")


def test_headline_figures_without_claims_say_so() -> None:
    figures = headline_figures(SOURCES, EVENTS, CLAIMS.iloc[0:0]).set_index("figure")["value"]
    assert figures["Claims not independently verified"] == "no claims"


def test_timeline_gives_each_dated_event_its_interval_once_per_topic() -> None:
    df = event_timeline(EVENTS, ACTORS, PLACES)
    assert "undated" not in set(df["event_id"])
    assert df["event_id"].tolist().count("visit") == 2  # two topics, two bands
    year = df.set_index("event_id").loc["talks_2019"]
    assert (year["start"], year["end"]) == (pd.Timestamp("2019-01-01"), pd.Timestamp("2020-01-01"))
    assert year["dates"] == "2019-01-01 to 2019-12-31"
    assert year["status_group"] == "happened" and year["place"] == "Vladivostok"
    assert year["who"] == "Vladimir Putin, Kim Jong Un"
    visit = df[df["event_id"] == "visit"].iloc[0]
    assert visit["who"] == "Kim Jong Un → Vladimir Putin"
    assert visit["status_group"] == "planned"
    assert (visit["quote"], visit["quote_start"], visit["quote_end"]) == ("quote visit", 10, 15)
    # bands in order of their first event; the summitry band starts in 2019
    assert list(dict.fromkeys(df["topic_label"])) == [
        "Russia-North Korea summitry",
        "Arms cooperation",
    ]


def test_timeline_lanes_keep_overlapping_events_apart() -> None:
    df = event_timeline(EVENTS, ACTORS, PLACES)
    arms = df[df["topic"] == "arms_cooperation"].set_index("event_id")["lane"]
    # the month holds both Monday events: three overlapping intervals, three lanes
    assert sorted(arms.tolist()) == [0, 1, 2]
    summit = df[df["topic"] == "russia_dprk_summitry"]["lane"].tolist()
    assert summit == [0, 0]  # 2019 and 2023 do not overlap


def test_timeline_of_undated_events_only_is_empty_with_its_columns() -> None:
    df = event_timeline(EVENTS[EVENTS["event_id"] == "undated"], ACTORS, PLACES)
    assert df.empty and "lane" in df.columns and "quote_start" in df.columns


def test_undated_events_are_listed_with_their_evidence() -> None:
    df = undated_events(EVENTS, ACTORS, PLACES)
    assert df["event_id"].tolist() == ["undated"]
    assert df.loc[0, "topics"] == "Arms cooperation" and df.loc[0, "place"] == "Nowhere"
    assert df.loc[0, "quote"] == "quote undated"


def test_appearances_count_events_and_claims_per_actor_most_first() -> None:
    df = appearances(EVENTS, CLAIMS, ACTORS, top=2)
    counts = appearance_counts(df)
    assert counts["actor"].tolist() == ["Vladimir Putin", "Kim Jong Un"]
    putin = counts.set_index("actor_id").loc["putin"]
    assert (putin["n_events"], putin["n_claims"], putin["n_records"]) == (5, 2, 7)
    roles = df[df["actor_id"] == "putin"].groupby("role").size().to_dict()
    assert roles == {"acts": 4, "acted upon": 1, "speaks": 2}
    claim = df[df["record_id"] == "c1"].iloc[0]
    assert (claim["what"], claim["quote"], claim["quote_start"]) == ("Putin says", "q1", 50)


def test_places_mentioned_keep_events_at_places_with_coordinates() -> None:
    df = places_mentioned(EVENTS, PLACES, ACTORS)
    assert df["event_id"].tolist() == ["talks_2019", "visit"]  # "nowhere" has no coordinates
    assert df["n_events"].tolist() == [2, 2]
    assert df.loc[0, "place"] == "Vladivostok" and df.loc[0, "precision"] == "town"


# --- the notebook, executed on the project's own data --------------------------------------


def _ids(fig: dict[str, Any]) -> set[str]:
    return {row[0] for trace in fig["data"] for row in trace.get("customdata") or []}


@pytest.fixture(
    scope="module",
    params=[
        {},
        {"date_from": "2023-09-01", "date_to": "2023-09-05", "top_actors": 5},
    ],
    ids=["defaults", "september"],
)
def executed(request: pytest.FixtureRequest, execute_report: Any) -> Any:
    return request.param, execute_report("briefing", request.param)


@pytest.mark.slow
def test_briefing_notebook_draws_its_three_charts_from_the_data(executed: Any) -> None:
    import analysis

    params, nb = executed
    data = analysis.load(ROOT)
    mask = in_period(
        data.events, date_from=params.get("date_from", ""), date_to=params.get("date_to", "")
    )
    events = data.events[mask]
    timeline, appear, places = figures_of(nb)
    expected = set(event_timeline(events, data.actors, data.places)["event_id"])
    assert expected and _ids(timeline) == expected
    assert timeline["layout"]["xaxis"]["type"] == "date"
    if params:
        assert all(
            s >= "2023-09-01" for t in timeline["data"] if t["type"] == "bar" for s in t["base"]
        )
    else:  # the 2019 talks from the photo caption are on it, as a year-long bar
        assert "putin_kim_talks_2019" in _ids(timeline)
    n_top = params.get("top_actors", 12)
    assert len({y for t in appear["data"] for y in t["y"]}) == n_top
    assert {t["type"] for t in places["data"]} == {"scattergeo"}
    assert "topojsonURL" not in str(places)
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )
    assert "Headline figures" in html and "Events the sources do not date" in html
    links = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for slug in (
        "grain_positions",
        "arms_signals",
        "security_incidents",
        "claims",
        "actor_network",
        "index",
    ):
        assert f"]({slug}.html)" in links
