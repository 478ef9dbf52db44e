"""Claims topic: pure frames from small in-memory tables in the contract's encoding."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.topics.claims import (
    RECORD_COLUMNS,
    STANCES,
    VERIFICATIONS,
    claim_records,
    count_by,
    disputed_pairs,
    pairs_side_by_side,
    sourcing_mix,
    speaker_counts,
)

ACTORS = pd.DataFrame(
    {
        "actor_id": ["kuleba", "romania", "outlet", "officials"],
        "name": ["Dmytro Kuleba", "Romania", "Ukrinform", "Unnamed officials"],
        "kind": ["person", "state", "media", "unnamed"],
        "country_iso3": ["UKR", "ROU", "UKR", "USA"],
        "sector": ["GOV", "GOV", "JRN", "GOV"],
        "office": ["Foreign Minister", "", "", ""],
        "parent_id": ["", "", "", ""],
        "wikidata_id": ["", "", "", ""],
    }
)
EVENTS = pd.DataFrame({"event_id": ["strike"], "summary": ["Drones hit Romania."]})


def claims_frame(*rows: dict[str, object]) -> pd.DataFrame:
    """Claims in the contract's columns and dtypes; unspecified cells empty."""
    defaults = {
        "source_id": "src",
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


CLAIMS = claims_frame(
    {
        "claim_id": "c_relay",
        "speaker_id": "kuleba",
        "via_id": "outlet",
        "quote": "via agency",
        "quote_start": 50,
        "quote_end": 60,
    },
    {
        "claim_id": "c_deny",
        "speaker_id": "romania",
        "stance": "denies",
        "about_event_id": "strike",
        "contests_claim_ids": "c_assert",
        "quote": "no drones",
        "quote_start": 10,
        "quote_end": 19,
    },
    {
        "claim_id": "c_assert",
        "speaker_id": "officials",
        "speaker_named": False,
        "about_event_id": "strike",
        "contests_claim_ids": "c_deny",
        "quote": "drones fell",
        "quote_start": 30,
        "quote_end": 41,
    },
    {
        "claim_id": "c_self",
        "speaker_id": "outlet",
        "via_id": "outlet",
        "quote": "own report",
        "quote_start": 70,
        "quote_end": 80,
        "reporter_verification": "not_independently_verified",
    },
    {
        "claim_id": "c_predict",
        "speaker_id": "kuleba",
        "stance": "predicts",
        "quote": "will win",
        "quote_start": 90,
        "quote_end": 98,
        "reporter_verification": "confirmed",
    },
)


def test_records_follow_the_text_and_spell_out_speaker_and_outlet() -> None:
    r = claim_records(CLAIMS, ACTORS)
    assert list(r.columns) == RECORD_COLUMNS
    assert r["claim_id"].tolist() == ["c_deny", "c_assert", "c_relay", "c_self", "c_predict"]
    relay = r.set_index("claim_id").loc["c_relay"]
    assert (relay["speaker"], relay["via"], relay["channel"], relay["row"]) == (
        "Dmytro Kuleba",
        "Ukrinform",
        "Ukrinform",
        "Dmytro Kuleba via Ukrinform",
    )
    assert relay["sourcing"] == "person, named, Ukrinform"
    anon = r.set_index("claim_id").loc["c_assert"]
    assert (anon["named"], anon["speaker_kind"], anon["channel"]) == (
        "not named",
        "unnamed",
        "direct",
    )


def test_an_outlet_relaying_its_own_report_is_direct() -> None:
    own = claim_records(CLAIMS, ACTORS).set_index("claim_id").loc["c_self"]
    assert (own["via"], own["channel"], own["row"]) == ("", "direct", "Ukrinform")
    assert own["via_id"] == "outlet"  # the contract column itself is kept as coded


def test_speaker_counts_have_one_column_per_stance_most_claims_first() -> None:
    counts = speaker_counts(claim_records(CLAIMS, ACTORS))
    assert list(counts.columns) == ["row", "speaker", "via", "named", *STANCES, "total"]
    assert counts["total"].sum() == len(CLAIMS)
    kuleba = counts.set_index("row").loc["Dmytro Kuleba"]
    assert (kuleba["predicts"], kuleba["asserts"], kuleba["total"]) == (1, 0, 1)
    assert counts["row"].tolist()[0] == "Dmytro Kuleba"  # ties by name


def test_sourcing_mix_counts_kind_naming_channel_and_verification() -> None:
    mix = sourcing_mix(claim_records(CLAIMS, ACTORS))
    assert mix["claims"].sum() == len(CLAIMS)
    rows = {tuple(r[:4]): r[4] for r in mix.itertuples(index=False, name=None)}
    assert rows[("person", "named", "Ukrinform", "unknown")] == 1
    assert rows[("media", "named", "direct", "not_independently_verified")] == 1
    assert rows[("unnamed", "not named", "direct", "unknown")] == 1


def test_count_by_lists_ordered_values_even_at_zero() -> None:
    records = claim_records(CLAIMS, ACTORS)
    out = count_by(records, "reporter_verification", order=VERIFICATIONS)
    assert out["reporter_verification"].tolist() == list(VERIFICATIONS)
    assert out["claims"].tolist() == [1, 1, 3]
    assert out["share"].sum() == pytest.approx(1.0)
    assert out["percent"].tolist() == [20, 20, 60]
    named = count_by(records, "named")
    assert named["named"].tolist() == ["named", "not named"]  # most frequent first


def test_a_mutual_dispute_is_one_pair_assertion_left_denial_right() -> None:
    pairs = disputed_pairs(claim_records(CLAIMS, ACTORS), EVENTS)
    assert pairs["claim_id"].tolist() == ["c_assert", "c_deny"]
    assert pairs["side"].tolist() == [0, 1]
    assert pairs["pair"].tolist() == [1, 1]
    assert set(pairs["pair_label"]) == {"1. Drones hit Romania."}
    wide = pairs_side_by_side(pairs)
    assert len(wide) == 1
    row = wide.iloc[0]
    assert (row["quote_a"], row["quote_b"]) == ("drones fell", "no drones")
    assert (row["speaker_a"], row["speaker_b"]) == ("Unnamed officials", "Romania")
    assert (row["quote_start_b"], row["quote_end_b"]) == (10, 19)


def test_a_claim_contesting_two_claims_makes_two_pairs_in_text_order() -> None:
    claims = claims_frame(
        {
            "claim_id": "critics",
            "speaker_id": "officials",
            "contests_claim_ids": "d1;d2",
            "quote_start": 5,
            "quote_end": 9,
        },
        {
            "claim_id": "d1",
            "speaker_id": "romania",
            "stance": "denies",
            "contests_claim_ids": "critics",
            "quote_start": 1,
            "quote_end": 4,
        },
        {
            "claim_id": "d2",
            "speaker_id": "romania",
            "stance": "denies",
            "contests_claim_ids": "critics",
            "quote_start": 20,
            "quote_end": 25,
        },
    )
    pairs = disputed_pairs(claim_records(claims, ACTORS), EVENTS)
    assert pairs[["pair", "claim_id"]].values.tolist() == [
        [1, "critics"],
        [1, "d1"],
        [2, "critics"],
        [2, "d2"],
    ]
    assert pairs["pair_label"].tolist()[0] == "1. About no recorded event"


def test_no_disputes_gives_an_empty_frame_with_the_columns() -> None:
    claims = CLAIMS.assign(contests_claim_ids="")
    pairs = disputed_pairs(claim_records(claims, ACTORS), EVENTS)
    assert pairs.empty and "pair_label" in pairs.columns
    assert pairs_side_by_side(pairs).empty
