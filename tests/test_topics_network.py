"""Network topic: pure frames from small in-memory tables; the layout is deterministic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import NewsbriefError
from analysis.topics.network import (
    ACTOR_RECORD_COLUMNS,
    EVIDENCE_COLUMNS,
    NODE_COLUMNS,
    actor_records,
    edge_evidence,
    edges,
    force_layout,
    involvement,
    neighbours,
    network,
    shell_layout,
)

ACTORS = pd.DataFrame(
    {
        "actor_id": ["putin", "kim", "russia", "erdogan", "agency", "watson", "loner", "nobody"],
        "name": ["Putin", "Kim", "Russia", "Erdogan", "Agency", "Watson", "Loner", "Nobody"],
        "kind": ["person", "person", "state", "person", "media", "person", "group", "person"],
        "country_iso3": ["RUS", "PRK", "RUS", "TUR", "USA", "USA", "", "USA"],
        "sector": ["GOV"] * 8,
        "office": ["President", "", "", "", "", "", "", ""],
        "parent_id": [""] * 8,
        "wikidata_id": [""] * 8,
    }
)
EVENTS = pd.DataFrame(
    {
        "event_id": ["visit", "talks", "self", "solo"],
        "source_id": ["s"] * 4,
        "event_type": ["CONSULT", "CONSULT", "ASSAULT", "MOBILIZE"],
        "actor_ids": ["kim", "putin;erdogan", "russia", "loner"],
        "recipient_ids": ["putin;russia", "", "russia", ""],
        "evidence_quote": ["Kim visits Putin", "Putin met Erdogan", "own goal", "alone"],
        "evidence_start": pd.array([0, 20, 40, 60], dtype="Int64"),
        "evidence_end": pd.array([16, 37, 48, 65], dtype="Int64"),
    }
)
CLAIMS = pd.DataFrame(
    {
        "claim_id": ["w1", "p1"],
        "source_id": ["s", "s"],
        "speaker_id": ["watson", "putin"],
        "via_id": ["agency", "putin"],
        "cue": ["said", "said"],
        "about_event_id": ["visit", "visit"],
        "quote": ["Watson: <b>Kim</b> will come", "Putin: he comes"],
        "quote_start": pd.array([70, 90], dtype="Int64"),
        "quote_end": pd.array([96, 105], dtype="Int64"),
    }
)
POSITIONS = pd.DataFrame(
    {
        "position_id": ["e1", "e2"],
        "actor_id": ["erdogan", "erdogan"],
        "issue_id": ["deal", "other"],
        "source_id": ["s", "s"],
        "evidence_quote": ["revive it", "maybe"],
        "evidence_start": pd.array([110, 120], dtype="Int64"),
        "evidence_end": pd.array([119, 125], dtype="Int64"),
    }
)


def test_actor_records_one_row_per_actor_and_record_with_its_role_and_quote() -> None:
    recs = actor_records(EVENTS, CLAIMS, POSITIONS)
    assert list(recs.columns) == ACTOR_RECORD_COLUMNS
    russia = recs[recs["actor_id"] == "russia"]
    assert russia[["record_id", "role"]].values.tolist() == [
        ["visit", "is acted upon"],
        ["self", "acts and is acted upon"],
    ]
    putin = recs[recs["actor_id"] == "putin"]
    assert putin[["record_id", "role"]].values.tolist() == [
        ["visit", "is acted upon"],
        ["talks", "acts"],
        ["p1", "speaker"],
    ]  # not also "outlet"
    agency = recs[recs["actor_id"] == "agency"].iloc[0]
    assert (agency["role"], agency["speaker_id"], agency["quote_start"]) == ("outlet", "watson", 70)
    assert recs[recs["record_kind"] == "position"]["role"].tolist() == ["holds", "holds"]


def test_involvement_counts_each_record_once_per_actor() -> None:
    inv = involvement(EVENTS, CLAIMS, POSITIONS).set_index("actor_id")
    assert inv.loc["russia", "events"] == 2  # recipient of visit; actor and recipient of self
    assert inv.loc["putin", "claims"] == 1  # speaker and "via" of the same claim
    assert inv.loc["agency", "claims"] == 1  # relaying outlet
    assert inv.loc["erdogan"].tolist() == [1, 0, 2, 3]
    assert "nobody" not in inv.index
    assert inv.index[0] == "erdogan" or inv["records"].is_monotonic_decreasing


def test_edge_evidence_links_actors_recipients_coactors_speakers_and_outlets() -> None:
    ev = edge_evidence(EVENTS, CLAIMS, ACTORS)
    assert list(ev.columns) == EVIDENCE_COLUMNS
    links = {(r.from_id, r.to_id, r.relation, r.record_id) for r in ev.itertuples()}
    assert links == {
        ("kim", "putin", "acts on", "visit"),
        ("kim", "russia", "acts on", "visit"),
        ("erdogan", "putin", "acts with", "talks"),
        ("watson", "kim", "speaks about", "w1"),
        ("watson", "putin", "speaks about", "w1"),
        ("watson", "russia", "speaks about", "w1"),
        ("watson", "agency", "speaks through", "w1"),
        ("putin", "kim", "speaks about", "p1"),
        ("putin", "russia", "speaks about", "p1"),
    }  # no self-links: russia -> russia, putin -> putin (about himself, via himself)
    w1 = ev[ev["record_id"] == "w1"].iloc[0]
    assert (w1["speaker"], w1["quote"], w1["quote_start"]) == (
        "Watson",
        "Watson: <b>Kim</b> will come",
        70,
    )
    assert ev[ev["record_kind"] == "event"]["speaker"].eq("").all()


def test_edges_are_undirected_and_weighted_by_distinct_records() -> None:
    e = edges(edge_evidence(EVENTS, CLAIMS, ACTORS)).set_index(["u", "v"])
    kim_putin = e.loc[("kim", "putin")]
    assert (kim_putin["weight"], kim_putin["events"], kim_putin["claims"]) == (2, 1, 1)
    assert kim_putin["relations"] == "acts on;speaks about"
    assert kim_putin["record_ids"] == "p1;visit"
    assert e["weight"].is_monotonic_decreasing


def test_force_layout_is_deterministic_and_ignores_input_order() -> None:
    e = edges(edge_evidence(EVENTS, CLAIMS, ACTORS))
    ids = ["putin", "kim", "russia", "erdogan", "agency", "watson", "loner"]
    first = force_layout(ids, e)
    second = force_layout(ids, e)
    shuffled = force_layout(list(reversed(ids)), e.iloc[::-1])
    coords = first[["x", "y"]].to_numpy()
    assert coords.tobytes() == second[["x", "y"]].to_numpy().tobytes()
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(first, shuffled)
    assert first["actor_id"].tolist() == sorted(ids)
    assert np.abs(coords).max() == pytest.approx(1.0) and np.isfinite(coords).all()
    assert not force_layout(ids, e, seed=1).equals(first)


def test_force_layout_places_linked_actors_closer_than_unlinked_ones() -> None:
    e = pd.DataFrame({"u": ["a", "c"], "v": ["b", "d"], "weight": [3, 3]})
    xy = force_layout(["a", "b", "c", "d"], e).set_index("actor_id")

    def dist(p: str, q: str) -> float:
        return float(np.hypot(*(xy.loc[p] - xy.loc[q])))

    assert dist("a", "b") < dist("a", "c") and dist("c", "d") < dist("b", "d")


def test_force_layout_of_one_or_no_node() -> None:
    empty = pd.DataFrame({"u": [], "v": [], "weight": []})
    assert force_layout(["a"], empty)[["x", "y"]].values.tolist() == [[0.0, 0.0]]
    assert force_layout([], empty).empty


def test_whole_network_has_every_actor_with_a_record() -> None:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS)
    assert list(net.nodes.columns) == NODE_COLUMNS
    assert set(net.nodes["actor_id"]) == set(ACTORS["actor_id"]) - {"nobody"}
    loner = net.nodes.set_index("actor_id").loc["loner"]
    assert (loner["records"], loner["neighbours"]) == (1, 0)
    assert not net.nodes["is_center"].any() and net.center == ""
    assert len(net.edges) == 8 and len(net.evidence) == 9
    assert set(net.records["actor_id"]) == set(net.nodes["actor_id"])
    assert net.records.set_index("record_id").loc["w1", "speaker"].tolist() == ["Watson"] * 2


def test_ego_network_keeps_the_centre_its_neighbours_and_ties_among_them() -> None:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS, center="kim")
    assert net.nodes["actor_id"].tolist() == ["kim", "putin", "russia", "watson"]
    assert net.nodes["is_center"].tolist() == [True, False, False, False]
    centre = net.nodes.iloc[0]
    assert (centre["x"], centre["y"]) == (0.0, 0.0)
    assert net.nodes.iloc[1][["x", "y"]].tolist() == [0.0, 1.0]  # strongest tie at the top
    assert np.hypot(net.nodes["x"], net.nodes["y"]).round(6).tolist() == [0, 1, 1, 1]
    pairs = set(zip(net.edges["u"], net.edges["v"], strict=True))
    assert ("putin", "russia") in pairs and ("agency", "watson") not in pairs
    assert set(net.evidence["record_id"]) == {"visit", "w1", "p1"}
    assert set(net.records["actor_id"]) == {"kim", "putin", "russia", "watson"}


def test_no_two_neighbours_face_each_other_across_the_centre() -> None:
    xy = shell_layout("c", ["a", "b", "d", "e"]).set_index("actor_id")
    assert xy.loc["c"].tolist() == [0.0, 0.0] and xy.loc["a"].tolist() == [0.0, 1.0]
    others = xy.drop(index="c").to_numpy()
    sums = np.hypot(*(others[:, None, :] + others[None, :, :]).transpose(2, 0, 1))
    assert sums.min() > 0.1  # p + q == 0 would put the centre on the tie p - q


def test_an_actor_without_ties_is_an_ego_network_of_one() -> None:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS, center="nobody")
    assert net.nodes["actor_id"].tolist() == ["nobody"]
    assert net.nodes["records"].tolist() == [0]
    assert net.edges.empty and net.evidence.empty and net.records.empty


def test_unknown_centre_lists_the_actors() -> None:
    with pytest.raises(NewsbriefError, match=r"unknown actor 'pootin'.*agency, erdogan"):
        network(EVENTS, CLAIMS, POSITIONS, ACTORS, center="pootin")


def test_neighbours_strongest_tie_first() -> None:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS)
    out = neighbours(net, actor_id="putin")
    assert out["actor_id"].tolist() == ["kim", "erdogan", "russia", "watson"]  # ties by name
    assert out["weight"].tolist() == [2, 1, 1, 1]
    assert out.loc[0, "record_ids"] == "p1;visit"
