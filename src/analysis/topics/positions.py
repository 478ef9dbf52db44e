"""Where each actor stands on an issue: one row a position, with its evidence."""

from __future__ import annotations

import json

import pandas as pd

from analysis.topics.common import names, require


def issue_row(issues: pd.DataFrame, *, issue_id: str) -> pd.Series:
    """The issue's row: name, proposition, scale."""
    require(issue_id, issues["issue_id"], "issue")
    return issues.set_index("issue_id").loc[issue_id]


def stance_scale(issues: pd.DataFrame, *, issue_id: str) -> dict[int, str]:
    """What each stance value -2..2 means for the issue."""
    raw = issue_row(issues, issue_id=issue_id).get("scale") or "{}"
    return {int(k): str(v) for k, v in json.loads(raw).items()}


def positions_matrix(
    positions: pd.DataFrame,
    actors: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    issue_id: str,
) -> pd.DataFrame:
    """Positions on one issue, strongest support first, each with actor, speaker cue and quote.

    Columns: position_id, actor_id, actor, country_iso3, stance, position, conditions,
    claim_id, cue, via_id, reporter_verification, source_id, quote, quote_start, quote_end.
    """
    require(issue_id, positions["issue_id"], "issue with positions")
    on_issue = positions[positions["issue_id"] == issue_id]
    country = dict(zip(actors["actor_id"], actors["country_iso3"], strict=True))
    claim_cols = ["claim_id", "cue", "via_id", "reporter_verification"]
    out = on_issue.merge(claims[claim_cols], on="claim_id", how="left")
    out = out.assign(
        actor=out["actor_id"].map(names(actors)),
        country_iso3=out["actor_id"].map(country),
        quote=out["evidence_quote"],
        quote_start=out["evidence_start"],
        quote_end=out["evidence_end"],
    )
    for col in ("cue", "via_id", "reporter_verification"):
        out[col] = out[col].fillna("").astype(str)
    cols = [
        "position_id",
        "actor_id",
        "actor",
        "country_iso3",
        "stance",
        "position",
        "conditions",
        "claim_id",
        "cue",
        "via_id",
        "reporter_verification",
        "source_id",
        "quote",
        "quote_start",
        "quote_end",
    ]
    return (
        out[cols]
        .sort_values(["stance", "actor"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
