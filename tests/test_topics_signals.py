"""Arms-cooperation signals: kinds, sourcing weights, dates and the index from small tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.build.png import figures_of
from analysis.errors import NewsbriefError
from analysis.tables import frame
from analysis.topics.signals import (
    KINDS,
    WEIGHTS,
    actor_states,
    claim_sourcing,
    kind_totals,
    kinds_table,
    parse_states,
    signal_index,
    signal_kind,
    signals,
    unpaired_events,
    weights_table,
)

ROOT = Path(__file__).resolve().parents[1]

ACTORS = frame(
    "actors",
    [
        {
            "actor_id": "rus",
            "name": "Russia",
            "kind": "state",
            "country_iso3": "RUS",
            "sector": "GOV",
        },
        {
            "actor_id": "prk",
            "name": "North Korea",
            "kind": "state",
            "country_iso3": "PRK",
            "sector": "GOV",
        },
        {
            "actor_id": "chn",
            "name": "China",
            "kind": "state",
            "country_iso3": "CHN",
            "sector": "GOV",
        },
        {
            "actor_id": "putin",
            "name": "Vladimir Putin",
            "kind": "person",
            "country_iso3": "RUS",
            "sector": "GOV",
            "parent_id": "rus",
        },
        {
            "actor_id": "mod",
            "name": "Defence Ministry",
            "kind": "organization",
            "country_iso3": "RUS",
            "sector": "MIL",
            "parent_id": "rus",
        },
        {
            "actor_id": "shoigu",
            "name": "Sergei Shoigu",
            "kind": "person",
            "country_iso3": "RUS",
            "sector": "MIL",
            "parent_id": "mod",
        },
        {
            "actor_id": "kim",
            "name": "Kim Jong Un",
            "kind": "person",
            "country_iso3": "PRK",
            "sector": "GOV",
        },  # no parent: found by country
        {
            "actor_id": "officials",
            "name": "US officials",
            "kind": "unnamed",
            "country_iso3": "USA",
            "sector": "GOV",
        },
        {
            "actor_id": "yonhap",
            "name": "Yonhap",
            "kind": "media",
            "country_iso3": "KOR",
            "sector": "JRN",
        },
        {
            "actor_id": "wh",
            "name": "White House",
            "kind": "organization",
            "country_iso3": "USA",
            "sector": "GOV",
        },
    ],
)
SOURCES = frame("sources", [{"source_id": "src", "published_at": "2023-09-05"}])


def event(
    event_id: str,
    summary: str,
    *,
    etype: str = "CONSULT",
    mode: str = "",
    status: str = "factual",
    actors: str = "putin",
    recipients: str = "kim",
    topics: str = "arms_cooperation",
    start: str = "",
    end: str = "",
    gran: str = "unknown",
    at: int = 0,
) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "source_id": "src",
        "event_type": etype,
        "mode": mode,
        "status": status,
        "date_start": start,
        "date_end": end,
        "date_granularity": gran,
        "actor_ids": actors,
        "recipient_ids": recipients,
        "topics": topics,
        "summary": summary,
        "evidence_quote": f"q {event_id}",
        "evidence_start": at,
        "evidence_end": at + 3,
    }


def claim(
    claim_id: str,
    about: str,
    *,
    speaker: str,
    named: bool = True,
    verification: str = "unknown",
    start: str = "",
    gran: str = "unknown",
    at: int = 100,
) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "source_id": "src",
        "speaker_id": speaker,
        "speaker_named": named,
        "cue": "said",
        "stance": "asserts",
        "reporter_verification": verification,
        "about_event_id": about,
        "content": f"{claim_id} content",
        "quote": f"quote {claim_id}",
        "quote_start": at,
        "quote_end": at + 4,
        "date_start": start,
        "date_granularity": gran,
    }


EVENTS = frame(
    "events",
    [
        event(
            "talks_2019",
            "Putin and Kim held talks in Vladivostok in 2019.",
            status="historical",
            topics="russia_dprk_summitry",
            start="2019-01-01",
            end="2019-12-31",
            gran="year",
            at=0,
        ),
        event(
            "visit",
            "Kim plans to visit Putin to discuss supplying munitions.",
            mode="visit",
            status="future",
            actors="kim",
            recipients="putin",
            topics="russia_dprk_summitry;arms_cooperation",
            start="2023-09-01",
            end="2023-09-30",
            gran="month",
            at=10,
        ),
        event(
            "letters",
            "Putin and Kim exchanged letters.",
            mode="phone",
            status="historical",
            topics="russia_dprk_summitry",
            at=20,
        ),
        event(
            "naval",
            "Russia is considering a joint naval exercise.",
            etype="COOPERATE",
            status="hypothetical",
            actors="rus",
            recipients="prk",
            at=30,
        ),
        event(
            "shoigu_visit",
            "Shoigu visited North Korea.",
            mode="visit",
            actors="shoigu",
            recipients="prk",
            at=40,
        ),
        event(
            "munitions",
            "North Korea might provide munitions.",
            etype="AID",
            status="hypothetical",
            actors="prk",
            recipients="rus",
            at=50,
        ),
        event(
            "trilateral",
            "A trilateral drill with China.",
            etype="COOPERATE",
            status="hypothetical",
            actors="rus",
            recipients="prk;chn",
            at=60,
        ),
        event(
            "restock",
            "Russia's military restocks weapons.",
            etype="MOBILIZE",
            actors="mod",
            recipients="",
            at=70,
        ),
        event(
            "grain",
            "Putin met Erdogan for talks.",
            actors="putin",
            recipients="prk",
            topics="grain_deal",
            at=80,
        ),
    ],
)
CLAIMS = frame(
    "claims",
    [
        claim("anon_visit", "visit", speaker="officials", named=False, at=100),
        claim("wh_letters", "letters", speaker="wh", start="2023-08-28", gran="week", at=110),
        claim("shoigu_naval", "naval", speaker="shoigu", start="2023-09-04", gran="day", at=120),
        claim(
            "yonhap_visit",
            "shoigu_visit",
            speaker="yonhap",
            verification="not_independently_verified",
            at=130,
        ),
    ],
)


def test_parse_states_checks_the_pair() -> None:
    assert parse_states("rus;prk", ACTORS) == ("rus", "prk")
    assert parse_states(" rus ; chn ", ACTORS) == ("rus", "chn")
    with pytest.raises(
        NewsbriefError,
        match=r"two different state actors.*known states: chn, "
        r"prk, rus",
    ):
        parse_states("rus", ACTORS)
    with pytest.raises(NewsbriefError, match="two different"):
        parse_states("rus;rus", ACTORS)
    with pytest.raises(NewsbriefError, match=r"unknown state\(s\) 'putin'; expected state actor"):
        parse_states("rus;putin", ACTORS)


def test_actor_states_follow_parents_then_country() -> None:
    states = actor_states(ACTORS)
    assert states["shoigu"] == "rus"  # shoigu -> mod -> rus
    assert states["kim"] == "prk"  # by country
    assert states["rus"] == "rus"
    assert "yonhap" not in states  # KOR has no state actor here


@pytest.mark.parametrize(
    ("event_id", "kind"),
    [
        ("talks_2019", "leaders_meeting"),
        ("visit", "leaders_meeting"),  # mentions munitions, but the meeting rule comes first
        ("letters", "letters"),
        ("naval", "exercises"),
        ("shoigu_visit", "defence_visit"),  # a visit by a MIL actor, not a leaders' meeting
        ("munitions", "munitions"),
        ("trilateral", "exercises"),
        ("grain", "leaders_meeting"),  # CONSULT + "talks" (the kind ignores the topic)
    ],
)
def test_signal_kind_takes_the_first_matching_rule(event_id: str, kind: str) -> None:
    sectors = dict(zip(ACTORS["actor_id"], ACTORS["sector"], strict=True))
    row = EVENTS.set_index("event_id", drop=False).loc[event_id]
    assert signal_kind(row, sectors) == kind


def test_signal_kind_other_when_no_rule_matches() -> None:
    row = pd.Series(
        {
            "event_type": "SUPPORT",
            "mode": "",
            "actor_ids": "rus",
            "summary": "Russia praised North Korea.",
        }
    )
    assert signal_kind(row, {}) == "other"


@pytest.mark.parametrize(
    ("claim_id", "sourcing"),
    [
        ("anon_visit", "anonymous"),
        ("wh_letters", "on_record"),
        ("shoigu_naval", "on_record"),
        ("yonhap_visit", "unverified"),
    ],
)
def test_claim_sourcing_categories(claim_id: str, sourcing: str) -> None:
    kinds = dict(zip(ACTORS["actor_id"], ACTORS["kind"], strict=True))
    row = CLAIMS.set_index("claim_id", drop=False).loc[claim_id]
    assert claim_sourcing(row, kinds) == sourcing


def test_a_named_media_report_without_verification_is_a_media_report() -> None:
    kinds = {"yonhap": "media"}
    row = pd.Series(
        {"speaker_id": "yonhap", "speaker_named": True, "reporter_verification": "unknown"}
    )
    assert claim_sourcing(row, kinds) == "media_report"


def test_signals_need_both_states_and_are_weighted_by_sourcing_and_discounts() -> None:
    df = signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk")).set_index("event_id")
    assert set(df.index) == {
        "talks_2019",
        "visit",
        "letters",
        "naval",
        "shoigu_visit",
        "munitions",
        "trilateral",
    }  # not restock (Russia only), grain
    assert df.loc["visit", "sourcing"] == "anonymous" and df.loc["visit", "weight"] == 0.6
    assert df.loc["letters", "weight"] == 1.0
    assert df.loc["naval", "discounts"] == "hypothetical 0.5"
    assert df.loc["naval", "weight"] == 0.5
    # Yonhap unverified 0.4, undated 0.75
    assert df.loc["shoigu_visit", "weight"] == pytest.approx(0.3)
    # no claim: the source's own voice 0.8, hypothetical 0.5, undated 0.75
    assert df.loc["munitions", "sourcing"] == "source_voice"
    assert df.loc["munitions", "weight"] == pytest.approx(0.3)
    assert df.loc["naval", "speaker"] == "Sergei Shoigu"
    assert df.loc["naval", "claim_quote"] == "quote shoigu_naval"
    assert (df.loc["naval", "claim_start"], df.loc["naval", "claim_end"]) == (120, 124)
    assert (df.loc["naval", "quote"], df.loc["naval", "quote_start"]) == ("q naval", 30)


def test_signal_dates_come_from_claims_then_events_then_publication() -> None:
    df = signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk")).set_index("event_id")
    assert df.loc["letters", "on_record"] == "2023-08-28"
    assert df.loc["letters", "date_basis"] == "claim date, week starting"
    assert df.loc["naval", "date_basis"] == "claim date"
    assert df.loc["talks_2019", "date_basis"] == "event date, year starting"
    # a planned visit's own date (September) is when it is to happen, not when it was reported
    assert df.loc["visit", "date_basis"] == "publication date"
    assert df.loc["visit", "signal_date"] == pd.Timestamp("2023-09-05")


def test_only_old_historical_events_are_precedents() -> None:
    df = signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk")).set_index("event_id")
    assert df["precedent"].to_dict() == {k: k == "talks_2019" for k in df.index}


def test_signals_sorted_by_date_with_lanes_for_same_day_same_kind() -> None:
    df = signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk"))
    assert df["signal_date"].is_monotonic_increasing
    sep5 = df[(df["on_record"] == "2023-09-05") & (df["kind"] == "exercises")]
    assert sep5["lane"].tolist() == [0]
    same = df[(df["on_record"] == "2023-09-05")].groupby("kind")["lane"].max()
    assert (same == 0).all()


def test_another_pair_keeps_only_events_involving_both() -> None:
    df = signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "chn"))
    assert df["event_id"].tolist() == ["trilateral"]
    out = unpaired_events(EVENTS, ACTORS, states=("rus", "chn"))
    assert "trilateral" not in set(out["event_id"]) and "visit" in set(out["event_id"])
    assert "grain" not in set(out["event_id"])  # not on the signal topics


def test_no_signals_give_an_empty_frame_with_the_columns() -> None:
    df = signals(EVENTS.iloc[0:0], CLAIMS, ACTORS, SOURCES, states=("rus", "prk"))
    assert df.empty and "weight" in df.columns
    assert signal_index(df).empty and kind_totals(df).empty


def test_signal_index_adds_up_weights_without_precedents() -> None:
    df = signal_index(signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk")))
    assert "talks_2019" not in set(df["event_id"])
    assert df["cumulative"].iloc[0] == df["weight"].iloc[0]
    assert df["cumulative"].iloc[-1] == pytest.approx(df["weight"].sum())
    assert df["cumulative"].is_monotonic_increasing


def test_kind_totals_per_kind_in_rule_order() -> None:
    df = kind_totals(signals(EVENTS, CLAIMS, ACTORS, SOURCES, states=("rus", "prk")))
    assert df["kind"].tolist() == [
        "letters",
        "exercises",
        "defence_visit",
        "leaders_meeting",
        "munitions",
    ]
    ex = df.set_index("kind").loc["exercises"]
    assert ex["n_signals"] == 2 and ex["total_weight"] == pytest.approx(0.5 + 0.3)


def test_weight_and_kind_tables_state_every_rule() -> None:
    weights = weights_table()
    assert len(weights) == len(WEIGHTS)
    assert weights.set_index("name").loc["anonymous", "weight"] == 0.6
    assert set(weights["applies"]) == {"sourcing", "discount"}
    kinds = kinds_table()
    assert kinds["kind"].tolist() == [*KINDS, "other"]
    assert "mode visit" in kinds.set_index("kind").loc["defence_visit", "rule"]


# --- the notebook, executed on the project's own data --------------------------------------


def _ids(fig: dict[str, Any]) -> set[str]:
    return {row[0] for trace in fig["data"] for row in trace.get("customdata") or []}


@pytest.fixture(
    scope="module", params=[{}, {"states": "russia;china"}], ids=["defaults", "russia-china"]
)
def executed(request: pytest.FixtureRequest, execute_report: Any) -> Any:
    return request.param, execute_report("arms_signals", request.param)


@pytest.mark.slow
def test_arms_notebook_charts_the_signals_of_the_pair(executed: Any) -> None:
    import analysis

    params, nb = executed
    data = analysis.load(ROOT)
    pair = parse_states(params.get("states", "russia;north_korea"), data.actors)
    expected = signals(data.events, data.claims, data.actors, data.sources, states=pair)
    timeline, index, by_kind = figures_of(nb)
    assert expected["event_id"].tolist() and _ids(timeline) == set(expected["event_id"])
    current = set(expected.loc[~expected["precedent"], "event_id"])
    assert _ids(index) == current and _ids(by_kind) == current
    steps = [t for t in index["data"] if t.get("line", {}).get("shape") == "hv"]
    assert len(steps) == 1
    assert steps[0]["y"][-1] == pytest.approx(expected.loc[~expected["precedent"], "weight"].sum())
    if not params:  # the 2019 Vladivostok talks are the precedent, drawn apart in column 1
        precedent = [t for t in timeline["data"] if "precedent" in t.get("name", "")]
        assert precedent and all(t.get("xaxis", "x") == "x" for t in precedent)
        assert {row[0] for t in precedent for row in t["customdata"]} == {"putin_kim_talks_2019"}
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )
    assert "Weights (an analyst&#x27;s choice)" in html
