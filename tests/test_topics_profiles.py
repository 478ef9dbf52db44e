"""Profiles topic: pure frames from small in-memory tables, and the build's fan-out list."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import analysis
from analysis.errors import NewsbriefError
from analysis.topics.profiles import (
    actor_claims,
    actor_events,
    actor_positions,
    actor_role,
    actor_timeline,
    actors_with_records,
)

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"

ACTORS = pd.DataFrame(
    {
        "actor_id": ["russia", "putin", "kim", "agency", "watson"],
        "name": ["Russia", "Vladimir Putin", "Kim Jong Un", "Agency", "Adrienne Watson"],
        "kind": ["state", "person", "person", "media", "person"],
        "country_iso3": ["RUS", "RUS", "PRK", "USA", "USA"],
        "sector": ["GOV", "GOV", "GOV", "JRN", "GOV"],
        "office": ["", "President", "", "", "spokeswoman"],
        "parent_id": ["", "russia", "", "", ""],
        "wikidata_id": ["Q159", "Q7747", "", "", ""],
    }
)


def events_frame(*rows: dict[str, object]) -> pd.DataFrame:
    defaults = {
        "source_id": "s",
        "event_type": "CONSULT",
        "mode": "",
        "contexts": "",
        "cameo_code": "",
        "status": "factual",
        "date_start": "",
        "date_end": "",
        "date_granularity": "unknown",
        "date_text": "",
        "recipient_ids": "",
        "place_id": "",
        "outcome": "",
        "topics": "",
        "summary": "",
        "evidence_quote": "q",
    }
    df = pd.DataFrame([{**defaults, **r} for r in rows])
    for col in ("evidence_start", "evidence_end"):
        df[col] = df[col].astype("Int64")
    return df


def claims_frame(*rows: dict[str, object]) -> pd.DataFrame:
    defaults = {
        "source_id": "s",
        "speaker_named": True,
        "via_id": "",
        "cue": "said",
        "stance": "asserts",
        "reporter_verification": "unknown",
        "about_event_id": "",
        "contests_claim_ids": "",
        "content": "",
        "quote": "q",
        "date_start": "",
        "date_granularity": "unknown",
    }
    df = pd.DataFrame([{**defaults, **r} for r in rows])
    for col in ("quote_start", "quote_end"):
        df[col] = df[col].astype("Int64")
    return df


EVENTS = events_frame(
    {
        "event_id": "talks_2019",
        "actor_ids": "putin;kim",
        "date_start": "2019-01-01",
        "date_end": "2019-12-31",
        "date_granularity": "year",
        "summary": "Talks in 2019.",
        "evidence_start": 50,
        "evidence_end": 60,
    },
    {
        "event_id": "visit",
        "actor_ids": "kim",
        "recipient_ids": "putin",
        "date_start": "2023-09-01",
        "date_end": "2023-09-30",
        "date_granularity": "month",
        "summary": "Kim visits.",
        "evidence_start": 10,
        "evidence_end": 20,
    },
    {
        "event_id": "self_talk",
        "actor_ids": "putin",
        "recipient_ids": "putin",
        "summary": "Putin talks to himself.",
        "evidence_start": 70,
        "evidence_end": 80,
    },
    {"event_id": "other", "actor_ids": "russia", "evidence_start": 90, "evidence_end": 95},
)
CLAIMS = claims_frame(
    {
        "claim_id": "p_says",
        "speaker_id": "putin",
        "about_event_id": "visit",
        "date_start": "2023-09-04",
        "date_granularity": "day",
        "content": "Putin says so.",
        "quote_start": 100,
        "quote_end": 110,
    },
    {
        "claim_id": "w_letters",
        "speaker_id": "watson",
        "via_id": "agency",
        "about_event_id": "talks_2019",
        "date_start": "2023-08-28",
        "date_granularity": "week",
        "content": "Letters.",
        "quote_start": 5,
        "quote_end": 9,
    },
    {
        "claim_id": "w_other",
        "speaker_id": "watson",
        "about_event_id": "other",
        "quote_start": 120,
        "quote_end": 125,
    },
)
POSITIONS = pd.DataFrame(
    {
        "position_id": ["p1"],
        "actor_id": ["putin"],
        "issue_id": ["deal"],
        "position": ["no"],
        "stance": pd.array([-1], dtype="Int64"),
        "conditions": ["if lifted"],
        "claim_id": ["p_says"],
        "evidence_quote": ["rejoin when"],
        "evidence_start": pd.array([3], dtype="Int64"),
        "evidence_end": pd.array([14], dtype="Int64"),
        "source_id": ["s"],
    }
)
ISSUES = pd.DataFrame(
    {"issue_id": ["deal"], "name": ["Grain deal"], "proposition": ["Revive it"], "scale": ["{}"]}
)


def test_actors_with_records_counts_each_record_once_and_sorts() -> None:
    tables = {"events": EVENTS, "claims": CLAIMS, "positions": POSITIONS}
    # putin: talks_2019, visit, self_talk (once), p_says, p1 = 5; kim: 2; watson: 2;
    # agency: 1 (relays w_letters); russia: 1
    assert actors_with_records(tables) == ["kim", "putin", "watson"]
    assert actors_with_records(SimpleNamespace(**tables), minimum=1) == [
        "agency",
        "kim",
        "putin",
        "russia",
        "watson",
    ]
    assert actors_with_records(tables, minimum=5) == ["putin"]
    assert actors_with_records(tables, minimum=6) == []


def test_actors_with_records_takes_a_loaded_dataset() -> None:
    assert actors_with_records(analysis.load(MINI), minimum=1) == [
        "latvia",
        "latvia_mod",
        "lithuania",
        "lithuania_mfa",
    ]


def test_role_lists_the_registry_fields_with_the_parent_by_name() -> None:
    role = dict(actor_role(ACTORS, actor_id="putin").itertuples(index=False, name=None))
    assert role == {
        "Name": "Vladimir Putin",
        "Id": "putin",
        "Kind": "person",
        "Country": "RUS",
        "Sector": "GOV",
        "Office or role": "President",
        "Part of": "Russia (russia)",
        "Wikidata": "Q7747",
    }
    assert "Part of" not in set(actor_role(ACTORS, actor_id="kim")["field"])


def test_unknown_actor_lists_the_known_ones() -> None:
    with pytest.raises(NewsbriefError, match=r"unknown actor 'poutine'.*agency, kim, putin"):
        actor_role(ACTORS, actor_id="poutine")
    with pytest.raises(NewsbriefError, match="unknown actor"):
        actor_events(EVENTS, ACTORS, actor_id="poutine")


def test_events_as_actor_recipient_or_both_in_text_order() -> None:
    ev = actor_events(EVENTS, ACTORS, actor_id="putin")
    assert ev["event_id"].tolist() == ["visit", "talks_2019", "self_talk"]
    assert ev["role"].tolist() == ["is acted upon", "acts", "acts and is acted upon"]
    assert ev["others"].tolist() == ["Kim Jong Un", "Kim Jong Un", ""]
    assert ev["quote_start"].dtype == "Int64"
    assert actor_events(EVENTS, ACTORS, actor_id="agency").empty


def test_claims_made_relayed_or_about_the_actor() -> None:
    putin = actor_claims(CLAIMS, EVENTS, ACTORS, actor_id="putin")
    assert putin[["claim_id", "relation"]].values.tolist() == [
        ["w_letters", "about them"],
        ["p_says", "made"],
    ]  # made wins over about them
    agency = actor_claims(CLAIMS, EVENTS, ACTORS, actor_id="agency")
    assert agency[["claim_id", "relation"]].values.tolist() == [["w_letters", "relayed"]]
    assert agency.loc[0, "speaker"] == "Adrienne Watson"


def test_positions_with_issue_name() -> None:
    pos = actor_positions(POSITIONS, ISSUES, actor_id="putin")
    row = pos.iloc[0]
    assert (row["issue"], row["stance"], row["quote"], row["quote_end"]) == (
        "Grain deal",
        -1,
        "rejoin when",
        14,
    )
    assert actor_positions(POSITIONS, ISSUES, actor_id="kim").empty


def test_timeline_keeps_dated_records_earliest_first_spanning_their_period() -> None:
    ev = actor_events(EVENTS, ACTORS, actor_id="putin")
    cl = actor_claims(CLAIMS, EVENTS, ACTORS, actor_id="putin")
    tl = actor_timeline(ev, cl)
    assert tl["record_id"].tolist() == ["talks_2019", "w_letters", "visit", "p_says"]
    assert tl["date_end"].tolist() == ["2019-12-31", "2023-09-03", "2023-09-30", "2023-09-04"]
    assert tl["role"].tolist() == [
        "event: acts",
        "claim: about them",
        "event: is acted upon",
        "claim: made",
    ]
    assert tl.set_index("record_id").loc["w_letters", "speaker"] == "Adrienne Watson"
    assert tl.set_index("record_id").loc["visit", "speaker"] == ""


@pytest.mark.parametrize(
    ("granularity", "start", "end"),
    [
        ("day", "2023-09-04", "2023-09-04"),
        ("week", "2023-08-28", "2023-09-03"),
        ("month", "2024-02-01", "2024-02-29"),
        ("month", "2023-12-01", "2023-12-31"),
        ("year", "2019-01-01", "2019-12-31"),
    ],
)
def test_a_claim_date_spans_its_period(granularity: str, start: str, end: str) -> None:
    claims = claims_frame(
        {
            "claim_id": "c",
            "speaker_id": "putin",
            "date_start": start,
            "date_granularity": granularity,
            "quote_start": 1,
            "quote_end": 2,
        }
    )
    cl = actor_claims(claims, EVENTS, ACTORS, actor_id="putin")
    tl = actor_timeline(actor_events(EVENTS.iloc[0:0], ACTORS, actor_id="putin"), cl)
    assert tl["date_end"].tolist() == [end]


def test_every_fanned_out_actor_of_the_project_has_a_profile() -> None:
    """The build makes one page per actor of `actors_with_records`; none may fail."""
    data = analysis.load(ROOT)
    ids = actors_with_records(data)
    assert "vladimir_putin" in ids and ids == sorted(ids)
    for actor_id in ids:
        ev = actor_events(data.events, data.actors, actor_id=actor_id)
        cl = actor_claims(data.claims, data.events, data.actors, actor_id=actor_id)
        pos = actor_positions(data.positions, data.issues, actor_id=actor_id)
        assert len(ev) + len(cl[cl["relation"] != "about them"]) + len(pos) >= 2, actor_id
        actor_timeline(ev, cl)
