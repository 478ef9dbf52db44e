"""One source as its records cover it: records by offset, text segments, non-body spans."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

import pandas as pd

from analysis.errors import NewsbriefError
from analysis.topics.common import names, names_of

#: Record kinds in the order the page lists them wherever they tie.
KINDS = ("event", "claim", "position")

RECORD_COLUMNS = [
    "number",
    "kind",
    "record_id",
    "anchor",
    "marker",
    "who",
    "says",
    "quote",
    "start",
    "end",
    "draft",
    "confidence",
]
SEGMENT_COLUMNS = ["start", "end", "anchors", "kinds", "link", "draft", "non_body", "opens"]


def _offset(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def _flag(value: object) -> bool:
    return bool(value) if value is not None and not pd.isna(value) else False  # type: ignore[call-overload]


def _confidence(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _row(
    kind: str, rid: str, who: str, says: str, quote: str, start: object, end: object, rec: object
) -> dict[str, object]:
    """One record's row; `draft` and `confidence` from `rec` (absent without drafts)."""
    return {
        "kind": kind,
        "record_id": rid,
        "who": who,
        "says": says,
        "quote": quote,
        "start": _offset(start),
        "end": _offset(end),
        "draft": _flag(getattr(rec, "draft", False)),
        "confidence": _confidence(getattr(rec, "confidence", None)),
    }


def _event_rows(events: pd.DataFrame, name: dict[str, str]) -> list[dict[str, object]]:
    rows = []
    for e in events.itertuples(index=False):
        actors = names_of(e.actor_ids, name)
        recipients = names_of(e.recipient_ids, name)
        who = f"{actors} \u2192 {recipients}" if recipients else actors
        says = f"{e.event_type} ({e.status}): {e.summary}"
        evidence = (e.evidence_quote, e.evidence_start, e.evidence_end)
        rows.append(_row("event", e.event_id, who, says, *evidence, e))
    return rows


def _claim_rows(claims: pd.DataFrame, name: dict[str, str]) -> list[dict[str, object]]:
    rows = []
    for c in claims.itertuples(index=False):
        speaker = name.get(c.speaker_id, c.speaker_id)
        via = c.via_id if isinstance(c.via_id, str) and c.via_id != c.speaker_id else ""
        who = f"{speaker} via {name.get(via, via)}" if via else speaker
        says = f"{c.stance} ({c.cue}): {c.content}"
        rows.append(_row("claim", c.claim_id, who, says, c.quote, c.quote_start, c.quote_end, c))
    return rows


def _position_rows(
    positions: pd.DataFrame, name: dict[str, str], issues: pd.DataFrame
) -> list[dict[str, object]]:
    issue = dict(zip(issues["issue_id"], issues["name"], strict=True))
    rows = []
    for p in positions.itertuples(index=False):
        who = name.get(p.actor_id, p.actor_id)
        says = f"on {issue.get(p.issue_id, p.issue_id)}: {p.position} (stance {int(p.stance):+d})"
        evidence = (p.evidence_quote, p.evidence_start, p.evidence_end)
        rows.append(_row("position", p.position_id, who, says, *evidence, p))
    return rows


def source_records(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    positions: pd.DataFrame,
    actors: pd.DataFrame,
    issues: pd.DataFrame,
    *,
    source_id: str,
) -> pd.DataFrame:
    """Every event, claim and position of one source, one row each, in the order of the text.

    Columns: `number` (1, 2, ... in text order: the marker shown in the text), `kind`,
    `record_id`, `anchor` (the id of the record's row on the page: `rec-<kind>-<id>`), `marker`
    (the id of its marker in the text: `at-<kind>-<id>`), `who` (actors, speaker or position
    holder, by name), `says` (type or stance and the analyst's summary), `quote`, `start`,
    `end` (code-point offsets, half-open), `draft` and `confidence` (ingest's, for drafts).
    Pass the tables with drafts included to see them (`analysis.load(include_drafts=True)`).
    """
    name = names(actors)

    def mine(df: pd.DataFrame) -> pd.DataFrame:
        return df[df["source_id"] == source_id] if "source_id" in df else df.iloc[0:0]

    rows = [
        *_event_rows(mine(events), name),
        *_claim_rows(mine(claims), name),
        *_position_rows(mine(positions), name, issues),
    ]
    out = pd.DataFrame(
        rows, columns=[c for c in RECORD_COLUMNS if c not in ("number", "anchor", "marker")]
    )
    rank = {k: i for i, k in enumerate(KINDS)}
    out["_rank"] = out["kind"].map(rank)
    out["_start"] = out["start"].map(lambda s: -1 if s is None or pd.isna(s) else s)
    out["_len"] = [
        -(e - s) if s is not None and e is not None and not pd.isna(s) and not pd.isna(e) else 0
        for s, e in zip(out["start"], out["end"], strict=True)
    ]
    # text order; an enclosing quote before the quotes inside it; then kind and id
    out = out.sort_values(["_start", "_len", "_rank", "record_id"], kind="stable")
    out = out.drop(columns=["_rank", "_start", "_len"]).reset_index(drop=True)
    out["number"] = range(1, len(out) + 1)
    out["anchor"] = [f"rec-{k}-{i}" for k, i in zip(out["kind"], out["record_id"], strict=True)]
    out["marker"] = [f"at-{k}-{i}" for k, i in zip(out["kind"], out["record_id"], strict=True)]
    for col in ("start", "end"):
        out[col] = out[col].astype("Int64")
    out["draft"] = out["draft"].astype(bool)
    out["confidence"] = out["confidence"].astype("Float64")
    return out[RECORD_COLUMNS]


def non_body_spans(spans: Iterable[tuple[int, int, str]]) -> pd.DataFrame:
    """The source's spans that are not article body (headline, caption, credit, contributors,
    boilerplate), as its metadata records them (`Dataset.non_body`): start, end, kind."""
    return pd.DataFrame(list(spans), columns=["start", "end", "kind"]).astype(
        {"start": int, "end": int, "kind": str}
    )


def segments(
    text: str, records: pd.DataFrame, non_body: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The text cut at every boundary of a record's quote or a non-body span, in order.

    One row a segment, covering the whole text without gaps: `start`, `end`, `anchors` (the
    row anchors of every record whose quote covers the segment, in the records' order),
    `kinds` (their kinds, each once, in KINDS order), `link` (the anchor a click on the
    segment goes to: the narrowest covering quote, i.e. the most specific record), `draft`
    (a covering record is a draft), `non_body` (its kind, or "") and `opens` (anchors of the
    records whose quote starts here: where their markers go).
    """
    n = len(text)
    spans = [
        (int(s), int(e), i)
        for i, (s, e) in enumerate(zip(records["start"], records["end"], strict=True))
        if not pd.isna(s) and not pd.isna(e) and 0 <= int(s) < int(e) <= n
    ]
    outside = non_body if non_body is not None else pd.DataFrame(columns=["start", "end", "kind"])
    areas = [
        (max(0, int(s)), min(n, int(e)), str(k))
        for s, e, k in zip(outside["start"], outside["end"], outside["kind"], strict=True)
        if int(s) < int(e)
    ]
    cuts = sorted(
        {0, n} | {x for s, e, _ in spans for x in (s, e)} | {x for s, e, _ in areas for x in (s, e)}
    )
    pieces = list(itertools.pairwise(cuts))
    covering: list[list[int]] = [[] for _ in pieces]
    for s, e, i in spans:
        for j in range(bisect.bisect_left(cuts, s), bisect.bisect_left(cuts, e)):
            covering[j].append(i)
    area_of = [""] * len(pieces)
    for s, e, area_kind in areas:
        for j in range(bisect.bisect_left(cuts, s), bisect.bisect_left(cuts, e)):
            area_of[j] = area_of[j] or area_kind
    anchor, kind, draft = list(records["anchor"]), list(records["kind"]), list(records["draft"])
    width = [(e - s) for s, e in zip(records["start"], records["end"], strict=True)]
    opens_at: dict[int, list[int]] = {}
    for s, _, i in spans:
        opens_at.setdefault(s, []).append(i)
    rows = []
    for (s, e), cover, area in zip(pieces, covering, area_of, strict=True):
        cover = sorted(cover)
        link = min(cover, key=lambda i: (width[i], -i)) if cover else None
        rows.append(
            {
                "start": s,
                "end": e,
                "anchors": tuple(anchor[i] for i in cover),
                "kinds": tuple(k for k in KINDS if any(kind[i] == k for i in cover)),
                "link": anchor[link] if link is not None else "",
                "draft": any(bool(draft[i]) for i in cover),
                "non_body": area,
                "opens": tuple(anchor[i] for i in sorted(opens_at.get(s, []))),
            }
        )
    return pd.DataFrame(rows, columns=SEGMENT_COLUMNS)


def source_metadata(sources: pd.DataFrame, *, source_id: str, version: str) -> pd.DataFrame:
    """The source's metadata as field/value rows: publisher, title, date, URL, hash, version."""
    found = sources[sources["source_id"] == source_id]
    if found.empty:
        known = ", ".join(sorted(sources["source_id"]))
        raise NewsbriefError(f"unknown source id {source_id!r}; expected one of: {known}")
    s = found.iloc[0]
    fields = [
        ("Source id", source_id),
        ("Publisher", s["publisher"]),
        ("Title", s["title"]),
        ("Published", s["published_at"]),
        ("URL", s["url"] or "(not known)"),
        ("Language", s["language"]),
        ("Characters", s["n_chars"]),
        ("Text SHA-256", s["text_sha256"]),
        ("Data version", version),
    ]
    return pd.DataFrame(fields, columns=["field", "value"]).astype(str)


def kind_counts(records: pd.DataFrame) -> dict[str, int]:
    """Records per kind (every kind present, zero if none) and `draft`: how many are drafts."""
    counts = {k: int((records["kind"] == k).sum()) for k in KINDS}
    counts["draft"] = int(records["draft"].sum())
    return counts
