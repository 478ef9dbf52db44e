"""Arms-cooperation signals between two states: events as signals of a kind, weighed by sourcing."""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from analysis.errors import NewsbriefError
from analysis.topics.common import STATUS_GROUPS, date_interval, names, names_of, split_list

#: Topics whose events can be signals: arms cooperation itself, and the leader-level contacts
#: (summitry) that carry the letters and the meetings.
SIGNAL_TOPICS: tuple[str, ...] = ("arms_cooperation", "russia_dprk_summitry")


class KindRule(NamedTuple):
    """What makes an event a signal of one kind. Every criterion given must hold; an empty one
    is not checked. `keywords` are word beginnings searched in the summary (any one suffices)."""

    label: str
    event_types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()  # PLOVER sector of at least one acting actor
    keywords: tuple[str, ...] = ()


#: The kinds of signal, in the order they are tried: the first rule that matches an event wins.
#: An event no rule matches is of kind `other`.
KINDS: dict[str, KindRule] = {
    "letters": KindRule("Letters exchanged", keywords=("letter",)),
    "exercises": KindRule(
        "Military exercises proposed or discussed",
        keywords=("exercise", "drill", "manoeuvre", "maneuver"),
    ),
    "defence_visit": KindRule(
        "Defence officials' visit", event_types=("CONSULT",), modes=("visit",), sectors=("MIL",)
    ),
    "leaders_meeting": KindRule(
        "Leaders' meeting planned or held",
        event_types=("CONSULT",),
        keywords=("visit", "meet", "talks", "summit"),
    ),
    "munitions": KindRule(
        "Munitions or weapons supply discussed",
        keywords=("munition", "weapon", "arms", "ammunition", "shell"),
    ),
}
OTHER_KIND = "other"
OTHER_LABEL = "Other cooperation signal"


class Weight(NamedTuple):
    """One weight of the signal index: a sourcing weight (the best one of a signal counts) or a
    discount (each that applies multiplies)."""

    applies: str  # "sourcing" or "discount"
    value: float
    meaning: str


#: Every weight of the index, in one place. These are an analyst's choice, not a measurement.
WEIGHTS: dict[str, Weight] = {
    "on_record": Weight(
        "sourcing", 1.0, "a named official, ministry or government body, on the record"
    ),
    "source_voice": Weight(
        "sourcing", 0.8, "the source states it in its own words (no speaker is given)"
    ),
    "anonymous": Weight("sourcing", 0.6, "officials or others who speak without being named"),
    "media_report": Weight(
        "sourcing", 0.5, "another outlet's report; the source does not say it verified it"
    ),
    "unverified": Weight(
        "sourcing", 0.4, "a report the source says it could not independently verify"
    ),
    "hypothetical": Weight(
        "discount", 0.5, "the event is only possible or proposed (status hypothetical)"
    ),
    "undated": Weight(
        "discount",
        0.75,
        "neither the event nor any claim about it is dated: placed at the "
        "source's publication date",
    ),
    "negated": Weight("discount", 0.0, "the source reports that it did not happen"),
}

#: A historical event dated this many days or more before its source's publication is a
#: precedent: shown apart, not counted in the index.
PRECEDENT_DAYS = 365


def weights_table() -> pd.DataFrame:
    """WEIGHTS as a table for the report: name, applies, weight, meaning."""
    return pd.DataFrame(
        [(name.replace("_", " "), w.applies, w.value, w.meaning) for name, w in WEIGHTS.items()],
        columns=["name", "applies", "weight", "meaning"],
    )


def kinds_table() -> pd.DataFrame:
    """KINDS as a table for the report: kind, label, rule (in the order tried)."""
    rows = []
    for kind, rule in KINDS.items():
        parts = []
        if rule.event_types:
            parts.append("event type " + " or ".join(rule.event_types))
        if rule.modes:
            parts.append("mode " + " or ".join(rule.modes))
        if rule.sectors:
            parts.append("an acting actor of sector " + " or ".join(rule.sectors))
        if rule.keywords:
            parts.append("summary mentions " + ", ".join(f"“{k}…”" for k in rule.keywords))
        rows.append((kind, rule.label, "; ".join(parts)))
    rows.append((OTHER_KIND, OTHER_LABEL, "no rule above matches"))
    return pd.DataFrame(rows, columns=["kind", "label", "rule"])


def parse_states(states: str, actors: pd.DataFrame) -> tuple[str, str]:
    """The pair of state actor ids in `states` ("russia;north_korea"), checked."""
    ids = [s.strip() for s in states.split(";") if s.strip()]
    known = sorted(actors.loc[actors["kind"] == "state", "actor_id"])
    if len(ids) != 2 or ids[0] == ids[1]:
        raise NewsbriefError(
            f"states {states!r} must name two different state actors separated by ';', "
            f"e.g. 'russia;north_korea'; known states: {', '.join(known)}"
        )
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise NewsbriefError(
            f"unknown state(s) {', '.join(map(repr, unknown))}; expected "
            f"state actor ids: {', '.join(known)}"
        )
    return ids[0], ids[1]


def actor_states(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> the state it belongs to: up its parents to a state, else by its country."""
    kind = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    parent = dict(zip(actors["actor_id"], actors["parent_id"], strict=True))
    states = actors[actors["kind"] == "state"]
    by_country = states.groupby("country_iso3")["actor_id"].agg(list).to_dict()
    country = dict(zip(actors["actor_id"], actors["country_iso3"], strict=True))
    out = {}
    for actor_id in actors["actor_id"]:
        node, seen = actor_id, set()
        while node and node not in seen and kind.get(node) != "state":
            seen.add(node)
            node = parent.get(node, "")
        if node and kind.get(node) == "state":
            out[actor_id] = node
        elif len(by_country.get(country[actor_id], [])) == 1:
            out[actor_id] = by_country[country[actor_id]][0]
    return out


def signal_kind(event: pd.Series, sectors: dict[str, str]) -> str:
    """The first kind in KINDS whose rule the event matches, else `other`."""
    summary = str(event["summary"])
    acting = {sectors.get(a, "") for a in split_list(event["actor_ids"])}
    for kind, rule in KINDS.items():
        if rule.event_types and event["event_type"] not in rule.event_types:
            continue
        if rule.modes and event["mode"] not in rule.modes:
            continue
        if rule.sectors and not acting & set(rule.sectors):
            continue
        if rule.keywords and not re.search(
            r"\b(?:" + "|".join(map(re.escape, rule.keywords)) + ")", summary, re.I
        ):
            continue
        return kind
    return OTHER_KIND


def claim_sourcing(claim: pd.Series, kinds: dict[str, str]) -> str:
    """The sourcing category of a claim (a key of WEIGHTS), by these rules in order:
    not independently verified -> unverified; speaker not named or an `unnamed` actor ->
    anonymous; speaker a media outlet -> media_report; otherwise on_record."""
    if claim["reporter_verification"] == "not_independently_verified":
        return "unverified"
    if not bool(claim["speaker_named"]) or kinds.get(claim["speaker_id"]) == "unnamed":
        return "anonymous"
    if kinds.get(claim["speaker_id"]) == "media":
        return "media_report"
    return "on_record"


def _involved(event: pd.Series, states: dict[str, str]) -> set[str]:
    ids = split_list(event["actor_ids"]) + split_list(event["recipient_ids"])
    return {states.get(i, "") for i in ids} - {""}


def _in_topics(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["topics"].map(lambda t: bool(set(split_list(t)) & set(SIGNAL_TOPICS)))]


def unpaired_events(
    events: pd.DataFrame, actors: pd.DataFrame, *, states: tuple[str, str]
) -> pd.DataFrame:
    """Events on the signal topics that do not involve both states (so are not signals).

    Columns: event_id, summary, who, source_id, quote, quote_start, quote_end.
    """
    to_state = actor_states(actors)
    on_topic = _in_topics(events)
    keep = [not set(states) <= _involved(row, to_state) for _, row in on_topic.iterrows()]
    out = on_topic[keep]
    lookup = names(actors)
    return pd.DataFrame(
        {
            "event_id": out["event_id"],
            "summary": out["summary"],
            "who": [names_of(a, lookup) for a in out["actor_ids"]],
            "source_id": out["source_id"],
            "quote": out["evidence_quote"],
            "quote_start": out["evidence_start"],
            "quote_end": out["evidence_end"],
        }
    ).reset_index(drop=True)


SIGNAL_COLUMNS = [
    "event_id",
    "kind",
    "kind_label",
    "status",
    "status_group",
    "precedent",
    "signal_date",
    "on_record",
    "date_basis",
    "event_start",
    "event_end",
    "granularity",
    "date_text",
    "sourcing",
    "sourcing_weight",
    "discounts",
    "weight",
    "summary",
    "who",
    "speaker",
    "claim_id",
    "claim_quote",
    "claim_start",
    "claim_end",
    "cue",
    "n_claims",
    "source_id",
    "quote",
    "quote_start",
    "quote_end",
    "lane",
]


def signals(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    actors: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    states: tuple[str, str],
) -> pd.DataFrame:
    """One row per signal: an event on SIGNAL_TOPICS that involves both states.

    Its kind comes from KINDS. Its sourcing is the best-weighted claim about it (or
    `source_voice` when no claim is about it); `weight` = that sourcing weight times every
    discount that applies. `signal_date` is when the signal is on record: the earliest date
    of a claim about it, else the event's own date unless it is planned or possible, else the
    source's publication date (`date_basis` says which). `precedent` marks historical events
    dated PRECEDENT_DAYS or more before publication. `lane` separates signals of one kind on
    the same date. Sorted by date.
    """
    to_state = actor_states(actors)
    sectors = dict(zip(actors["actor_id"], actors["sector"], strict=True))
    kinds = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    lookup = names(actors)
    published = dict(zip(sources["source_id"], sources["published_at"], strict=True))
    on_topic = _in_topics(events)
    rows = []
    for _, ev in on_topic.iterrows():
        if not set(states) <= _involved(ev, to_state):
            continue
        about = claims[claims["about_event_id"] == ev["event_id"]]
        best = None
        for _, cl in about.iterrows():
            cat = claim_sourcing(cl, kinds)
            if best is None or WEIGHTS[cat].value > WEIGHTS[best[0]].value:
                best = (cat, cl)
        sourcing = best[0] if best else "source_voice"
        claim_dates = [
            d
            for d in (
                date_interval(s, g)[0]
                for s, g in zip(about["date_start"], about["date_granularity"], strict=True)
            )
            if d is not None
        ]
        start, end = date_interval(ev["date_start"], ev["date_granularity"], ev["date_end"])
        pub = pd.Timestamp(published[ev["source_id"]]) if published.get(ev["source_id"]) else None
        if claim_dates:
            when, basis = min(claim_dates), "claim date"
            gran = about.loc[about["date_start"] == f"{when:%Y-%m-%d}", "date_granularity"]
            if len(gran) and gran.iloc[0] != "day":
                basis = f"claim date, {gran.iloc[0]} starting"
        elif start is not None and ev["status"] not in ("future", "hypothetical"):
            when, basis = start, "event date"
            if ev["date_granularity"] != "day":
                basis = f"event date, {ev['date_granularity']} starting"
        else:
            when, basis = pub, "publication date"
        discounts = []
        if ev["status"] in ("hypothetical", "negated"):
            discounts.append(ev["status"])
        if start is None and not claim_dates:
            discounts.append("undated")
        weight = WEIGHTS[sourcing].value
        for d in discounts:
            weight *= WEIGHTS[d].value
        precedent = bool(
            ev["status"] == "historical"
            and end is not None
            and pub is not None
            and (pub - end).days >= PRECEDENT_DAYS
        )
        kind = signal_kind(ev, sectors)
        claim = best[1] if best else None
        acting = names_of(ev["actor_ids"], lookup)
        upon = names_of(ev["recipient_ids"], lookup)
        rows.append(
            {
                "event_id": ev["event_id"],
                "kind": kind,
                "kind_label": KINDS[kind].label if kind in KINDS else OTHER_LABEL,
                "status": ev["status"],
                "status_group": STATUS_GROUPS.get(ev["status"], "other"),
                "precedent": precedent,
                "signal_date": when,
                "on_record": f"{when:%Y-%m-%d}" if when is not None else "",
                "date_basis": basis,
                "event_start": start,
                "event_end": end,
                "granularity": ev["date_granularity"],
                "date_text": ev["date_text"],
                "sourcing": sourcing,
                "sourcing_weight": WEIGHTS[sourcing].value,
                "discounts": ", ".join(f"{d} {WEIGHTS[d].value:g}" for d in discounts),
                "weight": round(weight, 4),
                "summary": ev["summary"],
                "who": f"{acting} → {upon}" if upon else acting,
                "speaker": lookup.get(claim["speaker_id"], claim["speaker_id"])
                if claim is not None
                else "",
                "claim_id": claim["claim_id"] if claim is not None else "",
                "claim_quote": claim["quote"] if claim is not None else "",
                "claim_start": claim["quote_start"] if claim is not None else pd.NA,
                "claim_end": claim["quote_end"] if claim is not None else pd.NA,
                "cue": claim["cue"] if claim is not None else "",
                "n_claims": len(about),
                "source_id": ev["source_id"],
                "quote": ev["evidence_quote"],
                "quote_start": ev["evidence_start"],
                "quote_end": ev["evidence_end"],
            }
        )
    out = pd.DataFrame(rows, columns=SIGNAL_COLUMNS)
    if out.empty:
        return out
    for col in ("claim_start", "claim_end", "quote_start", "quote_end"):
        out[col] = out[col].astype("Int64")
    for col in ("signal_date", "event_start", "event_end"):
        out[col] = pd.to_datetime(out[col])
    order = {k: i for i, k in enumerate([*KINDS, OTHER_KIND])}
    out = (
        out.assign(_k=out["kind"].map(order))
        .sort_values(["signal_date", "_k", "quote_start", "event_id"], kind="stable")
        .drop(columns="_k")
    )
    out["lane"] = out.groupby(["kind", "signal_date"]).cumcount()
    return out.reset_index(drop=True)


def signal_index(signals: pd.DataFrame) -> pd.DataFrame:
    """The cumulative index: signals that are not precedents, in date order, with `cumulative`
    the running sum of their weights."""
    out = signals[~signals["precedent"].astype(bool)].reset_index(drop=True)
    return out.assign(cumulative=out["weight"].astype(float).cumsum().round(4))


def kind_totals(signals: pd.DataFrame) -> pd.DataFrame:
    """Per kind (in KINDS order), signals that are not precedents: kind_label, n_signals,
    total_weight, sourcing (categories and counts)."""
    cols = ["kind", "kind_label", "n_signals", "total_weight", "sourcing"]
    current = signals[~signals["precedent"].astype(bool)]
    order = [*KINDS, OTHER_KIND]
    rows = []
    for kind in order:
        part = current[current["kind"] == kind]
        if part.empty:
            continue
        counts = part["sourcing"].value_counts()
        rows.append(
            (
                kind,
                part["kind_label"].iloc[0],
                len(part),
                round(float(part["weight"].sum()), 4),
                ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()),
            )
        )
    return pd.DataFrame(rows, columns=cols)
