"""Who is tied to whom: actors as nodes, events and claims as weighted edges with their evidence."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.topics.common import names, require, split_list

# How two actors come to be linked, in the words the chart and tables use.
RELATIONS = {
    "acts_on": "acts on",  # an event's actor -> its recipient
    "acts_with": "acts with",  # two actors of the same event
    "speaks_about": "speaks about",  # a claim's speaker -> the actors of the event it is about
    "speaks_through": "speaks through",  # a claim's speaker -> the outlet that relays it
}
EVIDENCE_COLUMNS = [
    "from_id",
    "to_id",
    "from_name",
    "to_name",
    "relation",
    "record_kind",
    "record_id",
    "source_id",
    "detail",
    "speaker_id",
    "speaker",
    "quote",
    "quote_start",
    "quote_end",
]
EDGE_COLUMNS = [
    "u",
    "v",
    "u_name",
    "v_name",
    "weight",
    "events",
    "claims",
    "relations",
    "record_ids",
]
NODE_COLUMNS = [
    "actor_id",
    "name",
    "kind",
    "country_iso3",
    "sector",
    "office",
    "events",
    "claims",
    "positions",
    "records",
    "neighbours",
    "is_center",
    "x",
    "y",
]


ACTOR_RECORD_COLUMNS = [
    "actor_id",
    "record_kind",
    "record_id",
    "role",
    "source_id",
    "speaker_id",
    "quote",
    "quote_start",
    "quote_end",
]


@dataclass(frozen=True)
class Network:
    """The network as tidy frames: actors, weighted edges, one row per evidence of an edge,
    and every record of each actor shown (`actor_records`, with a `speaker` name column)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    evidence: pd.DataFrame
    records: pd.DataFrame
    center: str = ""


def actor_records(
    events: pd.DataFrame, claims: pd.DataFrame, positions: pd.DataFrame
) -> pd.DataFrame:
    """One row per actor and record that involves them, with the record's quote.

    Events involve their actors (role "acts") and recipients ("is acted upon"; "acts and is
    acted upon" for both), claims their speaker ("speaker") and relaying outlet ("outlet"),
    positions the actor holding them ("holds"). A record is one row per actor even if the
    actor fills two roles in it. Columns: `ACTOR_RECORD_COLUMNS`, ordered by actor and text.
    """
    rows: list[dict[str, object]] = []
    for e in events.to_dict("records"):
        doers, targets = split_list(e["actor_ids"]), split_list(e["recipient_ids"])
        for a in dict.fromkeys(doers + targets):
            role = (
                "acts and is acted upon"
                if a in doers and a in targets
                else "acts"
                if a in doers
                else "is acted upon"
            )
            rows.append(
                {
                    "actor_id": a,
                    "record_kind": "event",
                    "record_id": e["event_id"],
                    "role": role,
                    "source_id": e["source_id"],
                    "speaker_id": "",
                    "quote": e["evidence_quote"],
                    "quote_start": e["evidence_start"],
                    "quote_end": e["evidence_end"],
                }
            )
    for c in claims.to_dict("records"):
        for a, role in ((c["speaker_id"], "speaker"), (c["via_id"], "outlet")):
            if a and not (role == "outlet" and a == c["speaker_id"]):
                rows.append(
                    {
                        "actor_id": a,
                        "record_kind": "claim",
                        "record_id": c["claim_id"],
                        "role": role,
                        "source_id": c["source_id"],
                        "speaker_id": c["speaker_id"],
                        "quote": c["quote"],
                        "quote_start": c["quote_start"],
                        "quote_end": c["quote_end"],
                    }
                )
    for p in positions.to_dict("records"):
        rows.append(
            {
                "actor_id": p["actor_id"],
                "record_kind": "position",
                "record_id": p["position_id"],
                "role": "holds",
                "source_id": p["source_id"],
                "speaker_id": p["actor_id"],
                "quote": p["evidence_quote"],
                "quote_start": p["evidence_start"],
                "quote_end": p["evidence_end"],
            }
        )
    out = pd.DataFrame(rows, columns=ACTOR_RECORD_COLUMNS)
    for col in ACTOR_RECORD_COLUMNS:
        out[col] = out[col].astype("Int64" if col in ("quote_start", "quote_end") else str)
    return out.sort_values(
        ["actor_id", "source_id", "quote_start", "record_id"], kind="stable"
    ).reset_index(drop=True)


def involvement(
    events: pd.DataFrame, claims: pd.DataFrame, positions: pd.DataFrame
) -> pd.DataFrame:
    """Records per actor: events (as actor or recipient), claims (as speaker or outlet), positions.

    A record counts once per actor even if the actor fills two roles in it (`actor_records`).
    Columns: actor_id, events, claims, positions, records (their sum); most records first.
    """
    return _count(actor_records(events, claims, positions))


def _count(recs: pd.DataFrame) -> pd.DataFrame:
    counts = {
        kind: recs[recs["record_kind"] == kind].groupby("actor_id")["record_id"].nunique()
        for kind in ("event", "claim", "position")
    }
    ids = sorted(set(recs["actor_id"]))
    out = pd.DataFrame(
        {
            "actor_id": pd.Series(ids, dtype=str),
            **{
                f"{kind}s": pd.Series([int(c.get(i, 0)) for i in ids], dtype="int64")
                for kind, c in counts.items()
            },
        }
    )
    out["records"] = out[["events", "claims", "positions"]].sum(axis=1).astype("int64")
    return out.sort_values(
        ["records", "actor_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def edge_evidence(events: pd.DataFrame, claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row per link a record makes between two actors, with the record's quote.

    Events link each actor to each recipient (`acts_on`) and co-actors to each other
    (`acts_with`); claims link the speaker to the actors and recipients of the event the
    claim is about (`speaks_about`) and to the outlet that relays it (`speaks_through`).
    Links of an actor to itself are dropped. Columns: `EVIDENCE_COLUMNS`; `detail` is the
    event type or the claim's cue, `speaker` empty for an event (the reporter's account).
    """
    name = names(actors)
    rows: list[dict[str, object]] = []

    def add(a: str, b: str, relation: str, base: dict[str, object]) -> None:
        if a and b and a != b:
            rows.append(
                {
                    "from_id": a,
                    "to_id": b,
                    "from_name": name.get(a, a),
                    "to_name": name.get(b, b),
                    "relation": RELATIONS[relation],
                    **base,
                }
            )

    involved: dict[str, list[str]] = {}
    for e in events.to_dict("records"):
        doers, targets = split_list(e["actor_ids"]), split_list(e["recipient_ids"])
        involved[e["event_id"]] = list(dict.fromkeys(doers + targets))
        base = {
            "record_kind": "event",
            "record_id": e["event_id"],
            "source_id": e["source_id"],
            "detail": e["event_type"],
            "speaker_id": "",
            "speaker": "",
            "quote": e["evidence_quote"],
            "quote_start": e["evidence_start"],
            "quote_end": e["evidence_end"],
        }
        for a in doers:
            for b in targets:
                add(a, b, "acts_on", base)
        for a, b in combinations(sorted(set(doers)), 2):
            add(a, b, "acts_with", base)
    for c in claims.to_dict("records"):
        speaker = c["speaker_id"]
        base = {
            "record_kind": "claim",
            "record_id": c["claim_id"],
            "source_id": c["source_id"],
            "detail": c["cue"],
            "speaker_id": speaker,
            "speaker": name.get(speaker, speaker),
            "quote": c["quote"],
            "quote_start": c["quote_start"],
            "quote_end": c["quote_end"],
        }
        for b in involved.get(c["about_event_id"], []):
            add(speaker, b, "speaks_about", base)
        add(speaker, c["via_id"], "speaks_through", base)
    out = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    for col in EVIDENCE_COLUMNS:
        if col in ("quote_start", "quote_end"):
            out[col] = out[col].astype("Int64")
        else:
            out[col] = out[col].astype(str)
    return out.sort_values(
        ["source_id", "quote_start", "from_id", "to_id", "relation"], kind="stable"
    ).reset_index(drop=True)


def edges(evidence: pd.DataFrame) -> pd.DataFrame:
    """Evidence merged into one undirected edge per pair of actors, weighted by its records.

    `u` < `v` by id. weight: distinct records linking the pair; events, claims: how many of each;
    relations and record_ids: `;`-joined, sorted. Heaviest first.
    """
    if evidence.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("weight", "events", "claims") else str)
                for c in EDGE_COLUMNS
            }
        )
    ev = evidence.assign(
        u=[min(a, b) for a, b in zip(evidence["from_id"], evidence["to_id"], strict=True)],
        v=[max(a, b) for a, b in zip(evidence["from_id"], evidence["to_id"], strict=True)],
    )
    label = dict(zip(evidence["from_id"], evidence["from_name"], strict=False))
    label.update(zip(evidence["to_id"], evidence["to_name"], strict=False))
    rows = []
    for (u, v), g in ev.groupby(["u", "v"], sort=True):
        records = g.drop_duplicates("record_id")
        rows.append(
            {
                "u": u,
                "v": v,
                "u_name": label[u],
                "v_name": label[v],
                "weight": len(records),
                "events": int((records["record_kind"] == "event").sum()),
                "claims": int((records["record_kind"] == "claim").sum()),
                "relations": ";".join(sorted(set(g["relation"]))),
                "record_ids": ";".join(sorted(records["record_id"])),
            }
        )
    out = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return out.sort_values(
        ["weight", "u", "v"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def force_layout(
    node_ids: list[str],
    edge_list: pd.DataFrame,
    *,
    seed: int = 0,
    iterations: int = 300,
    gravity: float = 0.5,
) -> pd.DataFrame:
    """Deterministic spring layout (Fruchterman-Reingold with a pull to the centre).

    Nodes are placed in sorted-id order from a seeded start, so the same nodes, edges and seed
    give the same coordinates, byte for byte, whatever order they come in. Edges are `u`, `v`,
    `weight`; the pull to the centre keeps unconnected groups in view. Coordinates are scaled
    to [-1, 1] and rounded to 6 decimals. Columns: actor_id, x, y.
    """
    ids = sorted(set(node_ids))
    n = len(ids)
    if n <= 1:
        return pd.DataFrame({"actor_id": pd.Series(ids, dtype=str), "x": [0.0] * n, "y": [0.0] * n})
    index = {a: i for i, a in enumerate(ids)}
    adjacency = np.zeros((n, n))
    for u, v, w in zip(edge_list["u"], edge_list["v"], edge_list["weight"], strict=True):
        if u in index and v in index:
            adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = float(w)
    pos = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2))
    k = np.sqrt(4.0 / n)  # ideal distance in a 2 x 2 box
    step = 0.2
    cooling = step / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.clip(np.sqrt((delta**2).sum(axis=-1)), 0.01, None)
        force = k * k / distance**2 - adjacency * distance / k
        displacement = (delta * force[:, :, None]).sum(axis=1)
        displacement -= gravity * n * k * (pos - pos.mean(axis=0))
        length = np.clip(np.sqrt((displacement**2).sum(axis=-1)), 0.01, None)
        pos += displacement * (step / length)[:, None]
        step -= cooling
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    pos = np.round(pos, 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    return pd.DataFrame({"actor_id": pd.Series(ids, dtype=str), "x": pos[:, 0], "y": pos[:, 1]})


def shell_layout(center: str, neighbours: list[str]) -> pd.DataFrame:
    """The centre at (0, 0), its neighbours on the unit circle clockwise from the top, in order.

    The circle has an odd number of evenly spaced places (one left empty when there is an even
    number of neighbours), so no two neighbours face each other across the centre and no tie
    between neighbours runs through it. Columns: actor_id, x, y (rounded to 6 decimals).
    """
    n = len(neighbours)
    places = n + 1 - n % 2
    angles = [np.pi / 2 - 2 * np.pi * i / places for i in range(n)]
    xs = [0.0] + [round(float(np.cos(a)), 6) + 0.0 for a in angles]
    ys = [0.0] + [round(float(np.sin(a)), 6) + 0.0 for a in angles]
    return pd.DataFrame({"actor_id": pd.Series([center, *neighbours], dtype=str), "x": xs, "y": ys})


def network(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    positions: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    center: str = "",
    seed: int = 0,
) -> Network:
    """The actor network, or with `center` its ego network: the centre and its neighbours.

    Nodes are the actors with any record (`involvement`); the ego network keeps the centre,
    the actors one edge away and the edges among them, laid out as a shell around the centre.
    The whole network gets `force_layout`. Node columns: `NODE_COLUMNS`, heaviest first.
    """
    if center:
        require(center, actors["actor_id"], "actor")
    label = names(actors)
    records = actor_records(events, claims, positions)
    inv = _count(records)
    evidence = edge_evidence(events, claims, actors)
    all_edges = edges(evidence)
    node_ids = list(inv["actor_id"])
    if center:
        linked = all_edges[(all_edges["u"] == center) | (all_edges["v"] == center)]
        strength: Counter[str] = Counter()
        for u, v, w in zip(linked["u"], linked["v"], linked["weight"], strict=True):
            strength[v if u == center else u] += int(w)
        neighbours = sorted(strength, key=lambda a: (-strength[a], label.get(a, a), a))
        keep = {center, *neighbours}
        node_ids = [center, *neighbours]
        all_edges = all_edges[all_edges["u"].isin(keep) & all_edges["v"].isin(keep)]
        evidence = evidence[evidence["from_id"].isin(keep) & evidence["to_id"].isin(keep)]
        coords = shell_layout(center, neighbours)
    else:
        coords = force_layout(node_ids, all_edges, seed=seed)
    degree = Counter(list(all_edges["u"]) + list(all_edges["v"]))
    nodes = (
        actors[actors["actor_id"].isin(node_ids)]
        .merge(inv, on="actor_id", how="left")
        .merge(coords, on="actor_id", how="left")
    )
    for col in ("events", "claims", "positions", "records"):
        nodes[col] = nodes[col].fillna(0).astype("int64")
    nodes["neighbours"] = nodes["actor_id"].map(lambda a: degree.get(a, 0)).astype("int64")
    nodes["is_center"] = nodes["actor_id"] == center
    nodes = nodes.sort_values(
        ["is_center", "records", "name"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
    records = records[records["actor_id"].isin(node_ids)].reset_index(drop=True)
    records["speaker"] = [label.get(a, a) for a in records["speaker_id"]]
    return Network(
        nodes=nodes[NODE_COLUMNS],
        edges=all_edges.reset_index(drop=True),
        evidence=evidence.reset_index(drop=True),
        records=records,
        center=center,
    )


def neighbours(net: Network, *, actor_id: str) -> pd.DataFrame:
    """The actors tied to one actor, heaviest tie first, with how and by which records.

    Columns: actor_id (the neighbour), name, weight, relations, record_ids.
    """
    e = net.edges
    mine = e[(e["u"] == actor_id) | (e["v"] == actor_id)]
    other = [v if u == actor_id else u for u, v in zip(mine["u"], mine["v"], strict=True)]
    other_name = [
        vn if u == actor_id else un
        for u, un, vn in zip(mine["u"], mine["u_name"], mine["v_name"], strict=True)
    ]
    out = pd.DataFrame(
        {
            "actor_id": pd.Series(other, dtype=str),
            "name": pd.Series(other_name, dtype=str),
            "weight": mine["weight"].to_numpy(dtype="int64"),
            "relations": mine["relations"].to_numpy(dtype=str),
            "record_ids": mine["record_ids"].to_numpy(dtype=str),
        }
    )
    return out.sort_values(["weight", "name"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
