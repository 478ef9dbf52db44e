"""One actor at a time: who they are, what they did and said, what was said about them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.topics.claims import claim_records
from analysis.topics.common import date_interval, names, require, split_list
from analysis.topics.network import involvement

EVENT_ROLES = {"actor": "acts", "recipient": "is acted upon", "both": "acts and is acted upon"}
CLAIM_RELATIONS = ("made", "relayed", "about them")


def actors_with_records(data: Any, minimum: int = 2) -> list[str]:
    """Sorted ids of the actors with at least `minimum` records, for one profile page each.

    `data` is an `analysis.load()` dataset or a mapping of its tables (`events`, `claims`,
    `positions`). Records: events as actor or recipient, claims as speaker or outlet,
    positions; a record counts once per actor.
    """

    def table(name: str) -> pd.DataFrame:
        return data[name] if isinstance(data, Mapping) else getattr(data, name)

    counts = involvement(table("events"), table("claims"), table("positions"))
    return sorted(counts.loc[counts["records"] >= minimum, "actor_id"])


def actor_role(actors: pd.DataFrame, *, actor_id: str) -> pd.DataFrame:
    """The actor's registry entry as a two-column table (field, value), the parent by name.

    Fields without a value are left out.
    """
    require(actor_id, actors["actor_id"], "actor")
    row = actors.set_index("actor_id").loc[actor_id]
    parent = row["parent_id"]
    fields = [
        ("Name", row["name"]),
        ("Id", actor_id),
        ("Kind", row["kind"]),
        ("Country", row["country_iso3"]),
        ("Sector", row["sector"]),
        ("Office or role", row["office"]),
        ("Part of", f"{names(actors).get(parent, parent)} ({parent})" if parent else ""),
        ("Wikidata", row["wikidata_id"]),
    ]
    return pd.DataFrame([(f, str(v)) for f, v in fields if v], columns=["field", "value"])


def actor_events(events: pd.DataFrame, actors: pd.DataFrame, *, actor_id: str) -> pd.DataFrame:
    """Events the actor takes part in, as actor or recipient, in the order of the source text.

    Columns: event_id, source_id, role ("acts", "is acted upon", "acts and is acted upon"),
    event_type, status, date_start, date_end, date_granularity, date_text, summary, others
    (the other participants by name, ", "-joined), quote, quote_start, quote_end.
    """
    require(actor_id, actors["actor_id"], "actor")
    name = names(actors)
    rows = []
    for e in events.to_dict("records"):
        doers, targets = split_list(e["actor_ids"]), split_list(e["recipient_ids"])
        acts, acted = actor_id in doers, actor_id in targets
        if not (acts or acted):
            continue
        role = "both" if acts and acted else "actor" if acts else "recipient"
        others = [name.get(a, a) for a in dict.fromkeys(doers + targets) if a != actor_id]
        rows.append(
            {
                "event_id": e["event_id"],
                "source_id": e["source_id"],
                "role": EVENT_ROLES[role],
                "event_type": e["event_type"],
                "status": e["status"],
                "date_start": e["date_start"],
                "date_end": e["date_end"],
                "date_granularity": e["date_granularity"],
                "date_text": e["date_text"],
                "summary": e["summary"],
                "others": ", ".join(others),
                "quote": e["evidence_quote"],
                "quote_start": e["evidence_start"],
                "quote_end": e["evidence_end"],
            }
        )
    columns = [
        "event_id",
        "source_id",
        "role",
        "event_type",
        "status",
        "date_start",
        "date_end",
        "date_granularity",
        "date_text",
        "summary",
        "others",
        "quote",
        "quote_start",
        "quote_end",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in columns:
        out[col] = out[col].astype("Int64" if col in ("quote_start", "quote_end") else str)
    return out.sort_values(["source_id", "quote_start"], kind="stable").reset_index(drop=True)


def actor_claims(
    claims: pd.DataFrame, events: pd.DataFrame, actors: pd.DataFrame, *, actor_id: str
) -> pd.DataFrame:
    """Claims the actor made, relayed as an outlet, or that are about an event they take part in.

    One row a claim, `relation` the first that applies of "made", "relayed", "about them".
    Columns: relation, then those of `topics.claims.claim_records`; in the order of the text.
    """
    require(actor_id, actors["actor_id"], "actor")
    involved = {
        e: set(split_list(a)) | set(split_list(r))
        for e, a, r in zip(
            events["event_id"], events["actor_ids"], events["recipient_ids"], strict=True
        )
    }
    records = claim_records(claims, actors)
    relation = []
    for speaker, via, about in zip(
        records["speaker_id"], records["via_id"], records["about_event_id"], strict=True
    ):
        if speaker == actor_id:
            relation.append("made")
        elif via == actor_id:
            relation.append("relayed")
        elif actor_id in involved.get(about, set()):
            relation.append("about them")
        else:
            relation.append("")
    out = records.assign(relation=relation)
    out = out[out["relation"] != ""]
    return out[["relation", *records.columns]].reset_index(drop=True)


def actor_positions(
    positions: pd.DataFrame, issues: pd.DataFrame, *, actor_id: str
) -> pd.DataFrame:
    """The actor's positions on issues, with the issue's name and proposition.

    Columns: position_id, issue_id, issue, proposition, stance, position, conditions, claim_id,
    source_id, quote, quote_start, quote_end.
    """
    mine = positions[positions["actor_id"] == actor_id]
    out = mine.merge(issues[["issue_id", "name", "proposition"]], on="issue_id", how="left")
    out = out.rename(
        columns={
            "name": "issue",
            "evidence_quote": "quote",
            "evidence_start": "quote_start",
            "evidence_end": "quote_end",
        }
    )
    for col in ("issue", "proposition"):
        out[col] = out[col].fillna("").astype(str)
    cols = [
        "position_id",
        "issue_id",
        "issue",
        "proposition",
        "stance",
        "position",
        "conditions",
        "claim_id",
        "source_id",
        "quote",
        "quote_start",
        "quote_end",
    ]
    return out[cols].sort_values(["issue_id", "position_id"], kind="stable").reset_index(drop=True)


def _period_end(start: str, granularity: str) -> str:
    """Last day of the period a claim's date names (the claims table gives only its start)."""
    _, stop = date_interval(start, granularity)
    return (stop - pd.Timedelta(days=1)).date().isoformat() if stop is not None else start


def actor_timeline(actor_events_: pd.DataFrame, actor_claims_: pd.DataFrame) -> pd.DataFrame:
    """The actor's dated records, earliest first: events and claims with a known date.

    Takes the frames of `actor_events` and `actor_claims`. A record dated to a week, month or
    year spans it (date_start..date_end). Columns: record_id, record_kind ("event", "claim"),
    role (e.g. "event: acts", "claim: made"), label, date_start, date_end, date_granularity,
    source_id, speaker (empty for an event: the reporter's account), quote, quote_start,
    quote_end.
    """
    ev = actor_events_[actor_events_["date_start"] != ""]
    cl = actor_claims_[actor_claims_["date_start"] != ""]
    rows = [
        {
            "record_id": e["event_id"],
            "record_kind": "event",
            "role": f"event: {e['role']}",
            "label": e["summary"],
            "date_start": e["date_start"],
            "date_end": e["date_end"] or e["date_start"],
            "date_granularity": e["date_granularity"],
            "source_id": e["source_id"],
            "speaker": "",
            "quote": e["quote"],
            "quote_start": e["quote_start"],
            "quote_end": e["quote_end"],
        }
        for e in ev.to_dict("records")
    ] + [
        {
            "record_id": c["claim_id"],
            "record_kind": "claim",
            "role": f"claim: {c['relation']}",
            "label": c["content"],
            "date_start": c["date_start"],
            "date_end": _period_end(c["date_start"], c["date_granularity"]),
            "date_granularity": c["date_granularity"],
            "source_id": c["source_id"],
            "speaker": c["speaker"],
            "quote": c["quote"],
            "quote_start": c["quote_start"],
            "quote_end": c["quote_end"],
        }
        for c in cl.to_dict("records")
    ]
    columns = [
        "record_id",
        "record_kind",
        "role",
        "label",
        "date_start",
        "date_end",
        "date_granularity",
        "source_id",
        "speaker",
        "quote",
        "quote_start",
        "quote_end",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in columns:
        out[col] = out[col].astype("Int64" if col in ("quote_start", "quote_end") else str)
    return out.sort_values(
        ["date_start", "date_end", "source_id", "quote_start"], kind="stable"
    ).reset_index(drop=True)
