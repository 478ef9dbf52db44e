"""The briefing: headline figures, every event on a timeline, who appears most, places mentioned."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.errors import NewsbriefError
from analysis.topics.common import (
    STATUS_GROUPS,
    date_interval,
    names,
    names_of,
    split_list,
    topic_label,
)

EVIDENCE = ["source_id", "quote", "quote_start", "quote_end"]


def period(
    date_from: str = "", date_to: str = ""
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The half-open interval [from, to + 1 day) of two ISO dates; an empty end is open."""
    bounds: list[pd.Timestamp | None] = []
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if not value:
            bounds.append(None)
            continue
        try:
            bounds.append(pd.Timestamp(dt.date.fromisoformat(value.strip())))
        except ValueError as exc:
            raise NewsbriefError(
                f"{name} {value!r} is not an ISO date; expected YYYY-MM-DD, e.g. 2023-09-04, "
                "or empty for an open end"
            ) from exc
    start, last = bounds
    if start is not None and last is not None and last < start:
        raise NewsbriefError(f"date_to {date_to!r} is before date_from {date_from!r}")
    return start, (last + pd.Timedelta(days=1) if last is not None else None)


def in_period(df: pd.DataFrame, *, date_from: str = "", date_to: str = "") -> pd.Series:
    """Which rows' dates overlap the period; undated rows are kept (their date is unknown).

    Works for events (`date_start`, `date_end`, `date_granularity`) and claims (no `date_end`:
    the end follows from the granularity).
    """
    lo, hi = period(date_from, date_to)
    ends = df["date_end"] if "date_end" in df.columns else pd.Series("", index=df.index)
    keep = []
    for start, gran, end in zip(df["date_start"], df["date_granularity"], ends, strict=True):
        first, stop = date_interval(start, gran, end)
        if first is None or stop is None:
            keep.append(True)
            continue
        keep.append((hi is None or first < hi) and (lo is None or stop > lo))
    return pd.Series(keep, index=df.index, dtype=bool)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part} of {whole})" if whole else "no claims"


def appearing_actors(events: pd.DataFrame, claims: pd.DataFrame) -> set[str]:
    """Ids of actors who act, are acted upon, speak or relay in the given events and claims."""
    ids: set[str] = set()
    for col in ("actor_ids", "recipient_ids"):
        for cell in events[col]:
            ids.update(split_list(cell))
    ids.update(i for i in claims["speaker_id"] if i)
    ids.update(i for i in claims["via_id"] if i)
    return ids


def headline_figures(
    sources: pd.DataFrame, events: pd.DataFrame, claims: pd.DataFrame
) -> pd.DataFrame:
    """The briefing's figures as rows: figure, value, note (all strings, for a table)."""
    undated = int((events["date_granularity"] == "unknown").sum())
    groups = events["status"].map(STATUS_GROUPS).fillna("other")
    not_happened = int((groups != "happened").sum())
    unverified = int((claims["reporter_verification"] == "not_independently_verified").sum())
    confirmed = int((claims["reporter_verification"] == "confirmed").sum())
    unstated = int((claims["reporter_verification"] == "unknown").sum())
    unnamed = int((~claims["speaker_named"].astype(bool)).sum())
    places = {p for p in events["place_id"] if p}
    rows = [
        ("Sources", str(len(sources)), "articles or documents coded"),
        (
            "Events",
            str(len(events)),
            f"{len(events) - undated} dated, {undated} undated; {not_happened} planned, possible "
            "or reported as not happening",
        ),
        ("Claims", str(len(claims)), "statements attributed to a speaker"),
        (
            "Actors",
            str(len(appearing_actors(events, claims))),
            "who act, are acted upon, speak or relay a claim",
        ),
        ("Places", str(len(places)), "where the events took or are to take place"),
        (
            "Claims not independently verified",
            _share(unverified, len(claims)),
            "the source says it could not verify them",
        ),
        (
            "Claims from unnamed speakers",
            _share(unnamed, len(claims)),
            "anonymous officials or speakers the source does not name",
        ),
        (
            "Claims the source confirms",
            _share(confirmed, len(claims)),
            "the reporter says they verified them",
        ),
        (
            "Claims with verification not stated",
            _share(unstated, len(claims)),
            "the source neither confirms nor questions them",
        ),
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "note"])


def _evidence(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(
        quote=df["evidence_quote"], quote_start=df["evidence_start"], quote_end=df["evidence_end"]
    )


def _who(events: pd.DataFrame, actors: pd.DataFrame) -> list[str]:
    lookup = names(actors)
    out = []
    for acts, upon in zip(events["actor_ids"], events["recipient_ids"], strict=True):
        who = names_of(acts, lookup)
        target = names_of(upon, lookup)
        out.append(f"{who} → {target}" if target else who)
    return out


def _lanes(starts: list[pd.Timestamp], ends: list[pd.Timestamp]) -> list[int]:
    """Greedy interval packing: the lowest lane whose last interval ended before this one."""
    lane_end: list[pd.Timestamp] = []
    lanes = []
    for start, end in zip(starts, ends, strict=True):
        for i, last in enumerate(lane_end):
            if last <= start:
                lane_end[i] = end
                lanes.append(i)
                break
        else:
            lane_end.append(end)
            lanes.append(len(lane_end) - 1)
    return lanes


def event_timeline(
    events: pd.DataFrame, actors: pd.DataFrame, places: pd.DataFrame
) -> pd.DataFrame:
    """Dated events, one row per event and topic, with their interval and a lane to draw in.

    An event coded under two topics gives two rows. `start`/`end` are the half-open interval
    the date stands for (a day, a week, a month, a year); `lane` numbers the rows within a topic
    so that overlapping intervals do not hide each other. Topics come in order of their first
    event. Columns: event_id, topic, topic_label, status, status_group, start, end, dates
    (readable), granularity, date_text, summary, who, place, source_id, quote, quote_start,
    quote_end, lane.
    """
    cols = [
        "event_id",
        "topic",
        "topic_label",
        "status",
        "status_group",
        "start",
        "end",
        "dates",
        "granularity",
        "date_text",
        "summary",
        "who",
        "place",
        *EVIDENCE,
        "lane",
    ]
    dated = events[events["date_granularity"] != "unknown"]
    if dated.empty:
        return pd.DataFrame(columns=cols)
    place_name = dict(zip(places["place_id"], places["name"], strict=True))
    bounds = [
        date_interval(s, g, e)
        for s, g, e in zip(
            dated["date_start"], dated["date_granularity"], dated["date_end"], strict=True
        )
    ]
    out = (
        _evidence(dated)
        .assign(
            start=[b[0] for b in bounds],
            end=[b[1] for b in bounds],
            granularity=dated["date_granularity"],
            status_group=dated["status"].map(STATUS_GROUPS),
            who=_who(dated, actors),
            place=dated["place_id"].map(lambda p: place_name.get(p, p)),
            topic=dated["topics"].map(lambda t: split_list(t) or ["untagged"]),
        )
        .explode("topic", ignore_index=True)
    )
    out["topic_label"] = out["topic"].map(topic_label)
    out["dates"] = [
        f"{a:%Y-%m-%d}" if g == "day" else f"{a:%Y-%m-%d} to {b - pd.Timedelta(days=1):%Y-%m-%d}"
        for a, b, g in zip(out["start"], out["end"], out["granularity"], strict=True)
    ]
    first = out.groupby("topic")["start"].transform("min")
    out = out.assign(first=first).sort_values(
        ["first", "topic", "start", "end", "event_id"], kind="stable"
    )
    out["lane"] = 0
    for _topic, idx in out.groupby("topic", sort=False).groups.items():
        part = out.loc[idx]
        out.loc[idx, "lane"] = _lanes(part["start"].tolist(), part["end"].tolist())
    return out[cols].reset_index(drop=True)


def undated_events(
    events: pd.DataFrame, actors: pd.DataFrame, places: pd.DataFrame
) -> pd.DataFrame:
    """Events the source gives no date for, in source order, for a table beside the timeline.

    Columns: event_id, topics (labels), status, status_group, date_text, summary, who, place,
    source_id, quote, quote_start, quote_end.
    """
    cols = [
        "event_id",
        "topics",
        "status",
        "status_group",
        "date_text",
        "summary",
        "who",
        "place",
        *EVIDENCE,
    ]
    undated = events[events["date_granularity"] == "unknown"]
    if undated.empty:
        return pd.DataFrame(columns=cols)
    place_name = dict(zip(places["place_id"], places["name"], strict=True))
    out = _evidence(undated).assign(
        topics=undated["topics"].map(lambda t: ", ".join(topic_label(x) for x in split_list(t))),
        status_group=undated["status"].map(STATUS_GROUPS),
        who=_who(undated, actors),
        place=undated["place_id"].map(lambda p: place_name.get(p, p)),
    )
    return out.sort_values(["source_id", "quote_start"], kind="stable")[cols].reset_index(drop=True)


def appearances(
    events: pd.DataFrame, claims: pd.DataFrame, actors: pd.DataFrame, *, top: int = 12
) -> pd.DataFrame:
    """Who appears most: one row per actor and record (event they act in or are acted upon,
    claim they make), for the `top` actors by number of records; most frequent first.

    Columns: actor_id, actor, record_id, record, role, what, who, source_id, quote,
    quote_start, quote_end, n_events, n_claims, n_records.
    """
    lookup = names(actors)
    rows = []
    for ev, who in zip(events.itertuples(), _who(events, actors), strict=True):
        for role, col in (("acts", "actor_ids"), ("acted upon", "recipient_ids")):
            for actor_id in split_list(getattr(ev, col)):
                rows.append(
                    (
                        actor_id,
                        ev.event_id,
                        "event",
                        role,
                        ev.summary,
                        who,
                        ev.source_id,
                        ev.evidence_quote,
                        ev.evidence_start,
                        ev.evidence_end,
                    )
                )
    for cl in claims.itertuples():
        rows.append(
            (
                cl.speaker_id,
                cl.claim_id,
                "claim",
                "speaks",
                cl.content,
                lookup.get(cl.speaker_id, cl.speaker_id),
                cl.source_id,
                cl.quote,
                cl.quote_start,
                cl.quote_end,
            )
        )
    cols = ["actor_id", "record_id", "record", "role", "what", "who", *EVIDENCE]
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out.assign(actor="", n_events=0, n_claims=0, n_records=0)[
            ["actor_id", "actor", *cols[1:], "n_events", "n_claims", "n_records"]
        ]
    out["actor"] = out["actor_id"].map(lambda a: lookup.get(a, a))
    out["n_events"] = out.groupby("actor_id")["record"].transform(lambda r: (r == "event").sum())
    out["n_claims"] = out.groupby("actor_id")["record"].transform(lambda r: (r == "claim").sum())
    out["n_records"] = out["n_events"] + out["n_claims"]
    ranked = (
        out.drop_duplicates("actor_id")
        .sort_values(
            ["n_records", "n_claims", "actor"], ascending=[False, False, True], kind="stable"
        )["actor_id"]
        .head(top)
        .tolist()
    )
    order = {a: i for i, a in enumerate(ranked)}
    out = out[out["actor_id"].isin(order)]
    out = out.assign(rank=out["actor_id"].map(order)).sort_values(
        ["rank", "record", "quote_start"], kind="stable"
    )
    return out[["actor_id", "actor", *cols[1:], "n_events", "n_claims", "n_records"]].reset_index(
        drop=True
    )


def appearance_counts(appearances: pd.DataFrame) -> pd.DataFrame:
    """One row per actor of `appearances(...)`: actor, n_events, n_claims, n_records."""
    cols = ["actor_id", "actor", "n_events", "n_claims", "n_records"]
    return appearances.drop_duplicates("actor_id")[cols].reset_index(drop=True)


def places_mentioned(
    events: pd.DataFrame, places: pd.DataFrame, actors: pd.DataFrame
) -> pd.DataFrame:
    """Events at a place with coordinates, one row per event, most-mentioned places first.

    Columns: place_id, place, kind, country_iso3, precision, coord_note, lat, lon, n_events,
    event_id, summary, status_group, who, source_id, quote, quote_start, quote_end.
    """
    cols = [
        "place_id",
        "place",
        "kind",
        "country_iso3",
        "precision",
        "coord_note",
        "lat",
        "lon",
        "n_events",
        "event_id",
        "summary",
        "status_group",
        "who",
        *EVIDENCE,
    ]
    at = events[events["place_id"] != ""]
    place_cols = [
        "place_id",
        "name",
        "kind",
        "country_iso3",
        "precision",
        "coord_note",
        "lat",
        "lon",
    ]
    out = _evidence(at).assign(who=_who(at, actors), status_group=at["status"].map(STATUS_GROUPS))
    out = out.merge(places[place_cols], on="place_id", how="inner").rename(
        columns={"name": "place"}
    )
    out = out[out["lat"].notna() & out["lon"].notna()]
    if out.empty:
        return pd.DataFrame(columns=cols)
    out["n_events"] = out.groupby("place_id")["event_id"].transform("count")
    out = out.sort_values(
        ["n_events", "place", "quote_start"], ascending=[False, True, True], kind="stable"
    )
    return out[cols].reset_index(drop=True)
