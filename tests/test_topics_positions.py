"""Positions topic: pure frames from small in-memory tables."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import NewsbriefError
from analysis.topics.positions import positions_matrix, stance_scale

ACTORS = pd.DataFrame(
    {
        "actor_id": ["a", "b", "c"],
        "name": ["Alpha", "Beta", "Gamma"],
        "country_iso3": ["RUS", "TUR", "UKR"],
    }
)
CLAIMS = pd.DataFrame(
    {
        "claim_id": ["c1"],
        "cue": ["said"],
        "via_id": ["ukrinform"],
        "reporter_verification": ["unknown"],
    }
)
POSITIONS = pd.DataFrame(
    {
        "position_id": ["p1", "p2", "p3", "p4"],
        "actor_id": ["a", "b", "c", "a"],
        "issue_id": ["deal", "deal", "deal", "other"],
        "position": ["no", "yes", "maybe", "x"],
        "stance": pd.array([-1, 2, 1, 0], dtype="Int64"),
        "conditions": ["if lifted", "", "", ""],
        "claim_id": ["", "", "c1", ""],
        "evidence_quote": ["q1", "q2", "q3", "q4"],
        "evidence_start": pd.array([1, 2, 3, 4], dtype="Int64"),
        "evidence_end": pd.array([5, 6, 7, 8], dtype="Int64"),
        "source_id": ["s", "s", "s", "s"],
    }
)


def test_positions_on_one_issue_sorted_by_stance_with_their_evidence() -> None:
    df = positions_matrix(POSITIONS, ACTORS, CLAIMS, issue_id="deal")
    assert df["actor"].tolist() == ["Beta", "Gamma", "Alpha"]
    assert df["stance"].tolist() == [2, 1, -1]
    gamma = df.set_index("actor").loc["Gamma"]
    assert (gamma["cue"], gamma["via_id"], gamma["quote"]) == ("said", "ukrinform", "q3")
    alpha = df.set_index("actor").loc["Alpha"]
    assert (alpha["conditions"], alpha["quote_start"], alpha["quote_end"]) == ("if lifted", 1, 5)
    assert alpha["cue"] == ""  # no claim behind it: empty, not NaN


def test_unknown_issue_lists_the_known_ones() -> None:
    with pytest.raises(NewsbriefError, match=r"unknown issue with positions 'nope'.*deal, other"):
        positions_matrix(POSITIONS, ACTORS, CLAIMS, issue_id="nope")


def test_stance_scale_reads_the_issue_scale() -> None:
    issues = pd.DataFrame(
        {
            "issue_id": ["deal"],
            "name": ["Deal"],
            "proposition": ["p"],
            "scale": ['{"-2": "against", "2": "for"}'],
        }
    )
    assert stance_scale(issues, issue_id="deal") == {-2: "against", 2: "for"}
