"""Who said what, through which outlet, verified or not: claims as tidy frames with evidence."""

from __future__ import annotations

import pandas as pd

from analysis.topics.common import names, split_list

# Stances in the order a dispute reads left to right: what is claimed, then what answers it.
STANCES = ("asserts", "predicts", "questions", "denies")
VERIFICATIONS = ("confirmed", "not_independently_verified", "unknown")
DIRECT = "direct"  # channel of a claim the source relays through no outlet

RECORD_COLUMNS = [
    "claim_id",
    "source_id",
    "speaker_id",
    "speaker",
    "speaker_kind",
    "speaker_country",
    "speaker_named",
    "named",
    "via_id",
    "via",
    "channel",
    "row",
    "sourcing",
    "cue",
    "stance",
    "reporter_verification",
    "about_event_id",
    "contests_claim_ids",
    "content",
    "quote",
    "quote_start",
    "quote_end",
    "date_start",
    "date_granularity",
]


def claim_records(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row a claim, in the order of the source text, with speaker and outlet spelled out.

    Added to the contract's claim columns: `speaker` (name), `speaker_kind`, `speaker_country`,
    `named` ("named" / "not named"), `via` (outlet name, empty if none), `channel` (the outlet,
    or "direct"), `row` ("Speaker via Outlet", one row a speaker and outlet) and `sourcing`
    ("kind of speaker, named or not, channel").

    An outlet that relays its own report (`via_id == speaker_id`) counts as direct: the outlet
    is the speaker.
    """
    name = names(actors)
    kind = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    country = dict(zip(actors["actor_id"], actors["country_iso3"], strict=True))
    out = claims.copy()
    via_id = out["via_id"].where(out["via_id"] != out["speaker_id"], "")
    out["speaker"] = out["speaker_id"].map(name)
    out["speaker_kind"] = out["speaker_id"].map(kind)
    out["speaker_country"] = out["speaker_id"].map(country)
    out["named"] = ["named" if n else "not named" for n in out["speaker_named"]]
    out["via"] = [name.get(v, v) if v else "" for v in via_id]
    out["channel"] = [v or DIRECT for v in out["via"]]
    out["row"] = [
        f"{s} via {v}" if v else s for s, v in zip(out["speaker"], out["via"], strict=True)
    ]
    out["sourcing"] = [
        f"{k}, {n}, {c}"
        for k, n, c in zip(out["speaker_kind"], out["named"], out["channel"], strict=True)
    ]
    out = out.sort_values(["source_id", "quote_start"], kind="stable").reset_index(drop=True)
    return out[RECORD_COLUMNS]


def speaker_counts(records: pd.DataFrame) -> pd.DataFrame:
    """Claims per speaker and outlet, one column per stance, most claims first.

    Columns: row, speaker, via, named, then one count column per stance, then total.
    """
    counts = pd.crosstab(records["row"], records["stance"])
    counts = counts.reindex(columns=list(STANCES), fill_value=0)
    counts.columns = list(counts.columns)
    first = records.drop_duplicates("row").set_index("row")[["speaker", "via", "named"]]
    out = first.join(counts, how="inner")
    out["total"] = out[list(STANCES)].sum(axis=1)
    out = out.reset_index().rename(columns={"index": "row"})
    return out.sort_values(["total", "row"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def sourcing_mix(records: pd.DataFrame) -> pd.DataFrame:
    """Claims per kind of speaker, named or not, channel and reporter verification.

    Columns: speaker_kind, named, channel, reporter_verification, claims (count), largest first.
    """
    keys = ["speaker_kind", "named", "channel", "reporter_verification"]
    out = records.groupby(keys, sort=True).size().rename("claims").reset_index()
    return out.sort_values(
        ["claims", *keys], ascending=[False, True, True, True, True], kind="stable"
    ).reset_index(drop=True)


def count_by(records: pd.DataFrame, column: str, *, order: tuple[str, ...] = ()) -> pd.DataFrame:
    """Claims per value of one column (e.g. `named`, `reporter_verification`), with shares.

    Values in `order` come first, each listed even at zero; others follow, most frequent first.
    Columns: the column, claims, share (0..1), percent (share rounded to a whole percent).
    """
    counts = records[column].value_counts()
    values = list(order) + sorted(
        set(counts.index) - set(order), key=lambda v: (-int(counts[v]), str(v))
    )
    n = [int(counts.get(v, 0)) for v in values]
    total = sum(n)
    share = [c / total if total else 0.0 for c in n]
    return pd.DataFrame(
        {column: values, "claims": n, "share": share, "percent": [round(100 * x) for x in share]}
    )


def disputed_pairs(records: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Claims that contest each other, two rows a pair (side 0 and 1), in the order of the text.

    Each dispute is recorded on both claims; here it is one pair. Side 0 is the claim whose
    stance comes first in `STANCES` (what is asserted), side 1 the claim that answers it.
    Columns: pair (1, 2, ...), pair_label ("1. " and the summary of the event disputed),
    side, about (that summary), and the columns of `claim_records`.
    """
    by_id = records.set_index("claim_id", drop=False)
    summary = dict(zip(events["event_id"], events["summary"], strict=True))
    rank = {s: i for i, s in enumerate(STANCES)}
    pairs = set()
    for claim_id, contests in zip(records["claim_id"], records["contests_claim_ids"], strict=True):
        for other in split_list(contests):
            if other in by_id.index and other != claim_id:
                pairs.add(tuple(sorted((claim_id, other))))

    def side_key(claim_id: str) -> tuple[int, int, str]:
        row = by_id.loc[claim_id]
        return rank.get(row["stance"], len(rank)), int(row["quote_start"]), claim_id

    ordered = sorted(
        (sorted(p, key=side_key) for p in pairs), key=lambda p: (min(side_key(c)[1] for c in p), p)
    )
    rows = []
    for n, (left, right) in enumerate(ordered, start=1):
        about = by_id.loc[left, "about_event_id"] or by_id.loc[right, "about_event_id"]
        label = f"{n}. {summary.get(about) or 'About no recorded event'}"
        for side, claim_id in enumerate((left, right)):
            rows.append(
                {
                    "pair": n,
                    "pair_label": label,
                    "side": side,
                    "about": summary.get(about, ""),
                    **by_id.loc[claim_id].to_dict(),
                }
            )
    columns = ["pair", "pair_label", "side", "about", *RECORD_COLUMNS]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("pair", "side"):
        out[col] = out[col].astype("int64")
    for col in ("quote_start", "quote_end"):
        out[col] = out[col].astype("Int64")
    return out


def pairs_side_by_side(pairs: pd.DataFrame) -> pd.DataFrame:
    """`disputed_pairs` as one row a pair, both claims side by side (for a table).

    Columns: pair, about, then speaker, stance, quote, claim_id, quote_start, quote_end of
    each side with suffix `_a` (side 0) and `_b` (side 1).
    """
    keep = [
        "pair",
        "speaker",
        "stance",
        "reporter_verification",
        "quote",
        "claim_id",
        "source_id",
        "quote_start",
        "quote_end",
    ]
    a = pairs[pairs["side"] == 0][["about", *keep]]
    b = pairs[pairs["side"] == 1][keep]
    out = a.merge(b, on="pair", suffixes=("_a", "_b"))
    return out.sort_values("pair", kind="stable").reset_index(drop=True)
