"""Security incidents: places, outcomes and competing claims from small tables; the notebook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.build.png import figures_of
from analysis.errors import NewsbriefError
from analysis.tables import frame
from analysis.topics.incidents import (
    competing_claims,
    incident_claims,
    incidents,
    not_on_map,
    outcome_class,
    parse_region,
)

ROOT = Path(__file__).resolve().parents[1]

ACTORS = frame(
    "actors",
    [
        {"actor_id": "rus", "name": "Russia", "kind": "state", "country_iso3": "RUS"},
        {"actor_id": "ukr", "name": "Ukraine", "kind": "state", "country_iso3": "UKR"},
        {"actor_id": "rou", "name": "Romania", "kind": "state", "country_iso3": "ROU"},
        {
            "actor_id": "rou_mod",
            "name": "Romanian Defense Ministry",
            "kind": "organization",
            "country_iso3": "ROU",
        },
        {
            "actor_id": "nikolenko",
            "name": "Oleg Nikolenko",
            "kind": "person",
            "country_iso3": "UKR",
        },
        {
            "actor_id": "rus_mod",
            "name": "Russian Defense Ministry",
            "kind": "organization",
            "country_iso3": "RUS",
        },
    ],
)
PLACES = frame(
    "places",
    [
        {
            "place_id": "kaluga",
            "name": "Kaluga Oblast",
            "country_iso3": "RUS",
            "lat": 54.5,
            "lon": 36.3,
            "precision": "admin1",
        },
        {
            "place_id": "romania",
            "name": "Romania",
            "country_iso3": "ROU",
            "lat": 45.9,
            "lon": 25.0,
            "precision": "country",
            "coord_note": "centre of the country",
        },
    ],
)


def event(
    event_id: str,
    *,
    place: str = "",
    outcome: str = "",
    status: str = "factual",
    topics: str = "security_incident",
    at: int = 0,
) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "source_id": "src",
        "event_type": "ASSAULT",
        "status": status,
        "date_granularity": "unknown",
        "actor_ids": "rus",
        "recipient_ids": "ukr",
        "place_id": place,
        "outcome": outcome,
        "topics": topics,
        "summary": f"{event_id} summary",
        "evidence_quote": f"q {event_id}",
        "evidence_start": at,
        "evidence_end": at + 4,
    }


def claim(
    claim_id: str, about: str, *, speaker: str, stance: str, contests: str = "", at: int = 100
) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "source_id": "src",
        "speaker_id": speaker,
        "speaker_named": True,
        "cue": "said",
        "stance": stance,
        "reporter_verification": "unknown",
        "about_event_id": about,
        "contests_claim_ids": contests,
        "content": f"{claim_id} content",
        "quote": f"quote {claim_id}",
        "quote_start": at,
        "quote_end": at + 6,
        "date_granularity": "unknown",
    }


EVENTS = frame(
    "events",
    [
        event("kaluga", place="kaluga", outcome="intercepted", at=10),
        event(
            "romania",
            place="romania",
            outcome="fell and detonated (disputed)",
            status="hypothetical",
            at=20,
        ),
        event("condemn", at=30),
        event("grain", place="romania", topics="grain_deal", at=40),
    ],
)
CLAIMS = frame(
    "claims",
    [
        claim("mod_kaluga", "kaluga", speaker="rus_mod", stance="asserts", at=100),
        claim(
            "rou_denies", "romania", speaker="rou_mod", stance="denies", contests="nik_fell", at=110
        ),
        claim(
            "nik_fell",
            "romania",
            speaker="nikolenko",
            stance="asserts",
            contests="rou_denies",
            at=120,
        ),
        claim("other", "grain", speaker="rou", stance="asserts", at=130),
    ],
)


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("intercepted", "intercepted"),
        ("shot down", "intercepted"),
        ("fell and detonated (disputed)", "fell"),
        ("crashed", "fell"),
        ("hit a grain silo", "hit"),
        ("detonated", "hit"),
        ("", "not stated"),
        ("   ", "not stated"),
        ("unclear", "other"),
    ],
)
def test_outcome_class(outcome: str, expected: str) -> None:
    assert outcome_class(outcome) == expected


def test_parse_region_accepts_iso3_in_any_case() -> None:
    assert parse_region("rou") == "ROU"
    assert parse_region("") == ""
    with pytest.raises(NewsbriefError, match=r"region 'Romania' is not an ISO 3166-1 alpha-3"):
        parse_region("Romania")


def test_incidents_carry_place_outcome_claims_and_evidence() -> None:
    df = incidents(EVENTS, CLAIMS, ACTORS, PLACES).set_index("event_id")
    assert list(df.index) == ["kaluga", "romania", "condemn"]  # not the grain event
    assert df.loc["kaluga", "outcome_class"] == "intercepted"
    assert not df.loc["kaluga", "disputed"]
    assert df.loc["romania", "disputed"] and df.loc["romania", "status_group"] == "possible"
    assert df.loc["romania", "precision"] == "country"
    assert (
        df.loc["romania", "claims_said"] == "Romanian Defense Ministry denies; Oleg "
        "Nikolenko asserts"
    )
    assert df.loc["romania", "n_claims"] == 2
    assert df.loc["kaluga", "who"] == "Russia → Ukraine"
    assert (df.loc["kaluga", "quote"], df.loc["kaluga", "quote_start"]) == ("q kaluga", 10)
    assert df.loc["condemn", "place"] == "" and not_on_map(df.reset_index())[
        "event_id"
    ].tolist() == ["condemn"]


def test_a_region_keeps_incidents_placed_in_that_country() -> None:
    df = incidents(EVENTS, CLAIMS, ACTORS, PLACES, region="rou")
    assert df["event_id"].tolist() == ["romania"]
    empty = incidents(EVENTS, CLAIMS, ACTORS, PLACES, region="LVA")
    assert empty.empty and "lat" in empty.columns


def test_disputed_follows_contesting_claims_even_without_the_word() -> None:
    events = EVENTS.assign(outcome=EVENTS["outcome"].str.replace(" (disputed)", "", regex=False))
    df = incidents(events, CLAIMS, ACTORS, PLACES).set_index("event_id")
    assert df.loc["romania", "disputed"]


def test_competing_claims_pair_once_asserting_side_first() -> None:
    found = incidents(EVENTS, CLAIMS, ACTORS, PLACES)
    pairs = competing_claims(CLAIMS, ACTORS, found)
    assert len(pairs) == 1
    pair = pairs.iloc[0]
    assert (pair["a_claim_id"], pair["b_claim_id"]) == ("nik_fell", "rou_denies")
    assert (pair["a_speaker"], pair["b_speaker"]) == ("Oleg Nikolenko", "Romanian Defense Ministry")
    assert (pair["a_start"], pair["a_end"], pair["b_start"]) == (120, 126, 110)
    assert pair["mutual"] and pair["event_id"] == "romania"
    assert pair["incident"] == "romania summary"


def test_competing_claims_outside_the_selection_are_left_out() -> None:
    found = incidents(EVENTS, CLAIMS, ACTORS, PLACES, region="RUS")
    assert competing_claims(CLAIMS, ACTORS, found).empty


def test_a_one_sided_dispute_is_not_mutual() -> None:
    claims = CLAIMS.assign(
        contests_claim_ids=CLAIMS["contests_claim_ids"].where(CLAIMS["claim_id"] != "nik_fell", "")
    )
    pairs = competing_claims(claims, ACTORS, incidents(EVENTS, claims, ACTORS, PLACES))
    assert len(pairs) == 1 and not pairs.iloc[0]["mutual"]


def test_incident_claims_lists_every_claim_about_the_incidents() -> None:
    df = incident_claims(CLAIMS, ACTORS, incidents(EVENTS, CLAIMS, ACTORS, PLACES))
    assert df["claim_id"].tolist() == ["mod_kaluga", "rou_denies", "nik_fell"]
    assert df.set_index("claim_id").loc["rou_denies", "contests"] == "nik_fell"


# --- the notebook, executed on the project's own data --------------------------------------


@pytest.fixture(scope="module", params=[{}, {"region": "ROU"}], ids=["defaults", "romania"])
def executed(request: pytest.FixtureRequest, execute_report: Any) -> Any:
    return request.param, execute_report("security_incidents", request.param)


@pytest.mark.slow
def test_incidents_notebook_maps_the_incidents_and_pairs_the_claims(executed: Any) -> None:
    import analysis

    params, nb = executed
    data = analysis.load(ROOT)
    expected = incidents(
        data.events, data.claims, data.actors, data.places, region=params.get("region", "")
    )
    (fig,) = figures_of(nb)
    assert {t["type"] for t in fig["data"]} == {"scattergeo"}
    ids = {row[0] for t in fig["data"] for row in t.get("customdata") or []}
    assert ids == set(expected.loc[expected["lat"].notna(), "event_id"]) and ids
    assert fig["layout"]["geo"]["showcountries"] is True
    assert "topojsonURL" not in str(fig) and "mapbox" not in str(fig["layout"])
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )
    # the Romania dispute from the seed article: the ministry's denial against Nikolenko
    assert "fell and detonated" in html and "dismissed claims" in html
    if params:
        assert ids == {"drones_hit_romanian_territory"}
