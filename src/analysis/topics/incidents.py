"""Security incidents: drone strikes and interceptions at their places, and competing claims."""

from __future__ import annotations

import re

import pandas as pd

from analysis.errors import NewsbriefError
from analysis.topics.common import STATUS_GROUPS, names, names_of, split_list

INCIDENT_TOPIC = "security_incident"

#: Outcome classes, tried in order: the first whose pattern occurs in the outcome text wins.
#: An empty outcome is `not stated`; a text no pattern matches is `other`.
OUTCOME_CLASSES: dict[str, str] = {
    "intercepted": r"intercept|shot down|downed|destroyed in (?:the )?air",
    "fell": r"\bfell\b|crash",
    "hit": r"\bhit\b|struck|detonat|damage|explo",
    "missed": r"miss",
}
NOT_STATED = "not stated"
OTHER_OUTCOME = "other"


def outcome_class(outcome: str) -> str:
    """The class of an outcome text (`fell and detonated (disputed)` -> `fell`)."""
    if not outcome.strip():
        return NOT_STATED
    for label, pattern in OUTCOME_CLASSES.items():
        if re.search(pattern, outcome, re.I):
            return label
    return OTHER_OUTCOME


def parse_region(region: str) -> str:
    """`region` as an upper-case ISO 3166-1 alpha-3 code, or "" for all."""
    code = region.strip().upper()
    if code and not re.fullmatch(r"[A-Z]{3}", code):
        raise NewsbriefError(
            f"region {region!r} is not an ISO 3166-1 alpha-3 country code; expected e.g. "
            "'ROU' or 'RUS', or empty for all regions"
        )
    return code


def incidents(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    *,
    region: str = "",
) -> pd.DataFrame:
    """Events on the security-incident topic, one row each, with place, outcome and claims.

    `region` keeps incidents whose place lies in that country (incidents with no place are
    kept only when `region` is empty). `lat`/`lon` are NaN for incidents the map cannot show.
    `disputed` is true when the outcome says so or a claim about the incident contests
    another. Columns: event_id, summary, status, status_group, outcome, outcome_class,
    disputed, date_text, date_start, granularity, who, place_id, place, country_iso3,
    precision, coord_note, lat, lon, n_claims, claims_said, source_id, quote, quote_start,
    quote_end.
    """
    code = parse_region(region)
    cols = [
        "event_id",
        "summary",
        "status",
        "status_group",
        "outcome",
        "outcome_class",
        "disputed",
        "date_text",
        "date_start",
        "granularity",
        "who",
        "place_id",
        "place",
        "country_iso3",
        "precision",
        "coord_note",
        "lat",
        "lon",
        "n_claims",
        "claims_said",
        "source_id",
        "quote",
        "quote_start",
        "quote_end",
    ]
    on_topic = events[events["topics"].map(lambda t: INCIDENT_TOPIC in split_list(t))]
    place_cols = ["place_id", "name", "country_iso3", "precision", "coord_note", "lat", "lon"]
    out = on_topic.merge(
        places[place_cols].rename(columns={"name": "place"}), on="place_id", how="left"
    )
    if code:
        out = out[out["country_iso3"] == code]
    if out.empty:
        return pd.DataFrame(columns=cols)
    lookup = names(actors)
    about = claims[claims["about_event_id"].isin(out["event_id"])]
    said: dict[str, list[str]] = {}
    contested: set[str] = set()
    for cl in about.itertuples():
        said.setdefault(cl.about_event_id, []).append(
            f"{lookup.get(cl.speaker_id, cl.speaker_id)} {cl.stance}"
        )
        if split_list(cl.contests_claim_ids):
            contested.add(cl.about_event_id)
    who = []
    for acts, upon in zip(out["actor_ids"], out["recipient_ids"], strict=True):
        target = names_of(upon, lookup)
        who.append(f"{names_of(acts, lookup)} → {target}" if target else names_of(acts, lookup))
    out = out.assign(
        status_group=out["status"].map(STATUS_GROUPS),
        outcome_class=out["outcome"].map(outcome_class),
        disputed=[
            ("disputed" in o.lower()) or (e in contested)
            for o, e in zip(out["outcome"], out["event_id"], strict=True)
        ],
        granularity=out["date_granularity"],
        who=who,
        n_claims=out["event_id"].map(lambda e: len(said.get(e, []))).astype("Int64"),
        claims_said=out["event_id"].map(lambda e: "; ".join(said.get(e, []))),
        quote=out["evidence_quote"],
        quote_start=out["evidence_start"],
        quote_end=out["evidence_end"],
    )
    for col in ("place", "country_iso3", "precision", "coord_note"):
        out[col] = out[col].fillna("").astype(str)
    return out.sort_values(["source_id", "quote_start"], kind="stable")[cols].reset_index(drop=True)


def not_on_map(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents a map cannot show: no place, or a place without coordinates."""
    return incidents[incidents["lat"].isna() | incidents["lon"].isna()].reset_index(drop=True)


def _side(cl: pd.Series, lookup: dict[str, str], prefix: str) -> dict[str, object]:
    return {
        f"{prefix}_claim_id": cl["claim_id"],
        f"{prefix}_speaker": lookup.get(cl["speaker_id"], cl["speaker_id"]),
        f"{prefix}_stance": cl["stance"],
        f"{prefix}_cue": cl["cue"],
        f"{prefix}_verification": cl["reporter_verification"],
        f"{prefix}_quote": cl["quote"],
        f"{prefix}_start": cl["quote_start"],
        f"{prefix}_end": cl["quote_end"],
    }


_FIRST = {"asserts": 0, "predicts": 1, "questions": 2, "denies": 3}


def competing_claims(
    claims: pd.DataFrame, actors: pd.DataFrame, incidents: pd.DataFrame
) -> pd.DataFrame:
    """Pairs of claims that contest each other about the given incidents, one row a pair.

    A pair listed by both claims is one row; side `a` is the one that asserts (or predicts),
    side `b` the one that denies or questions. `mutual` says whether both list the other.
    Columns: event_id, incident, a_claim_id, a_speaker, a_stance, a_cue, a_verification,
    a_quote, a_start, a_end, b_... (the same), mutual, source_id.
    """
    side_cols = ["claim_id", "speaker", "stance", "cue", "verification", "quote", "start", "end"]
    cols = [
        "event_id",
        "incident",
        *(f"a_{c}" for c in side_cols),
        *(f"b_{c}" for c in side_cols),
        "mutual",
        "source_id",
    ]
    summary = dict(zip(incidents["event_id"], incidents["summary"], strict=True))
    by_id = claims.set_index("claim_id", drop=False)
    lookup = names(actors)
    links = {
        (c, o)
        for c, cell in zip(claims["claim_id"], claims["contests_claim_ids"], strict=True)
        for o in split_list(cell)
        if o in by_id.index
    }
    rows, seen = [], set()
    for c, o in sorted(links):
        pair = frozenset((c, o))
        if pair in seen:
            continue
        one, other = by_id.loc[c], by_id.loc[o]
        event_id = (
            one["about_event_id"] if one["about_event_id"] in summary else other["about_event_id"]
        )
        if event_id not in summary:
            continue
        seen.add(pair)
        a, b = sorted((one, other), key=lambda r: (_FIRST.get(r["stance"], 9), r["quote_start"]))
        rows.append(
            {
                "event_id": event_id,
                "incident": summary[event_id],
                **_side(a, lookup, "a"),
                **_side(b, lookup, "b"),
                "mutual": (o, c) in links,
                "source_id": a["source_id"],
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    for col in ("a_start", "a_end", "b_start", "b_end"):
        out[col] = out[col].astype("Int64")
    return out


def incident_claims(
    claims: pd.DataFrame, actors: pd.DataFrame, incidents: pd.DataFrame
) -> pd.DataFrame:
    """Every claim about the given incidents, in source order.

    Columns: event_id, incident, claim_id, speaker, speaker_named, stance, cue,
    reporter_verification, contests, content, source_id, quote, quote_start, quote_end.
    """
    summary = dict(zip(incidents["event_id"], incidents["summary"], strict=True))
    lookup = names(actors)
    about = claims[claims["about_event_id"].isin(summary)]
    out = pd.DataFrame(
        {
            "event_id": about["about_event_id"],
            "incident": about["about_event_id"].map(summary),
            "claim_id": about["claim_id"],
            "speaker": about["speaker_id"].map(lambda s: lookup.get(s, s)),
            "speaker_named": about["speaker_named"],
            "stance": about["stance"],
            "cue": about["cue"],
            "reporter_verification": about["reporter_verification"],
            "contests": about["contests_claim_ids"].map(lambda c: ", ".join(split_list(c))),
            "content": about["content"],
            "source_id": about["source_id"],
            "quote": about["quote"],
            "quote_start": about["quote_start"],
            "quote_end": about["quote_end"],
        }
    )
    return out.sort_values(["source_id", "quote_start"], kind="stable").reset_index(drop=True)
