"""Validated records → the contract's tidy tables: `load()` for notebooks, `export()` for files."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import NewsbriefError
from analysis.model import Corpus, DateSpan
from analysis.paths import project_root
from analysis.validate import data_version, paused_gc, read_corpus

__all__ = ["COLUMNS", "Dataset", "data_version", "dataset", "export", "load", "rows"]

# The columns of each table, in the contract's order (CONTRACT.md). Columns may be added
# after these; none may be renamed or dropped.
COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": (
        "source_id",
        "publisher",
        "title",
        "published_at",
        "url",
        "language",
        "text_sha256",
        "n_chars",
    ),
    "actors": (
        "actor_id",
        "name",
        "kind",
        "country_iso3",
        "sector",
        "office",
        "parent_id",
        "wikidata_id",
    ),
    "places": ("place_id", "name", "kind", "country_iso3", "lat", "lon", "precision", "geonameid"),
    "events": (
        "event_id",
        "source_id",
        "event_type",
        "mode",
        "contexts",
        "cameo_code",
        "status",
        "date_start",
        "date_end",
        "date_granularity",
        "date_text",
        "actor_ids",
        "recipient_ids",
        "place_id",
        "outcome",
        "topics",
        "summary",
        "evidence_quote",
        "evidence_start",
        "evidence_end",
    ),
    "claims": (
        "claim_id",
        "source_id",
        "speaker_id",
        "speaker_named",
        "via_id",
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
    ),
    "positions": (
        "position_id",
        "actor_id",
        "issue_id",
        "position",
        "stance",
        "conditions",
        "claim_id",
        "evidence_quote",
        "evidence_start",
        "evidence_end",
    ),
    "issues": ("issue_id", "name", "proposition"),
}
# Columns added after the contract's, for readers who want them.
EXTRA: dict[str, tuple[str, ...]] = {
    "events": ("draft", "confidence"),
    "claims": ("draft", "confidence"),
    "positions": ("source_id", "draft", "confidence"),
    "places": ("coord_note",),
    "issues": ("scale",),
}
INT_COLUMNS = {
    "n_chars",
    "evidence_start",
    "evidence_end",
    "quote_start",
    "quote_end",
    "positions.stance",
}
BOOL_COLUMNS = {"speaker_named", "draft"}
FLOAT_COLUMNS = {"lat", "lon", "confidence"}


def _join(items: Iterable[str]) -> str:
    return ";".join(items)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _dates(d: DateSpan) -> dict[str, str]:
    return {
        "date_start": _iso(d.start),
        "date_end": _iso(d.end),
        "date_granularity": d.granularity,
        "date_text": d.text,
    }


def rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    """The records of each table as plain dicts, in the contract's encoding."""
    out: dict[str, list[dict[str, Any]]] = {
        "sources": [
            {
                "source_id": s.source_id,
                "publisher": s.publisher,
                "title": s.title,
                "published_at": _iso(s.published_at),
                "url": s.url,
                "language": s.language,
                "text_sha256": s.text_sha256,
                "n_chars": len(s.text),
            }
            for s in corpus.sources
        ],
        "actors": [
            {
                "actor_id": a.actor_id,
                "name": a.name,
                "kind": a.kind,
                "country_iso3": a.country_iso3,
                "sector": a.sector,
                "office": a.office,
                "parent_id": a.parent_id,
                "wikidata_id": a.wikidata_id,
            }
            for a in corpus.actors
        ],
        "places": [
            {
                "place_id": p.place_id,
                "name": p.name,
                "kind": p.kind,
                "country_iso3": p.country_iso3,
                "lat": p.lat,
                "lon": p.lon,
                "precision": p.precision,
                "geonameid": p.geonameid,
                "coord_note": p.coord_note,
            }
            for p in corpus.places
        ],
        "events": [
            {
                "event_id": e.event_id,
                "source_id": e.source_id,
                "event_type": e.event_type,
                "mode": e.mode,
                "contexts": _join(e.contexts),
                "cameo_code": e.cameo_code,
                "status": e.status,
                **_dates(e.date),
                "actor_ids": _join(e.actor_ids),
                "recipient_ids": _join(e.recipient_ids),
                "place_id": e.place_id,
                "outcome": e.outcome,
                "topics": _join(e.topics),
                "summary": e.summary,
                "evidence_quote": e.evidence.quote,
                "evidence_start": e.evidence.start,
                "evidence_end": e.evidence.end,
                "draft": e.draft,
                "confidence": e.confidence,
            }
            for e in corpus.events
        ],
        "claims": [
            {
                "claim_id": c.claim_id,
                "source_id": c.source_id,
                "speaker_id": c.speaker_id,
                "speaker_named": c.speaker_named,
                "via_id": c.via_id,
                "cue": c.cue,
                "stance": c.stance,
                "reporter_verification": c.reporter_verification,
                "about_event_id": c.about_event_id,
                "contests_claim_ids": _join(c.contests_claim_ids),
                "content": c.content,
                "quote": c.evidence.quote,
                "quote_start": c.evidence.start,
                "quote_end": c.evidence.end,
                "date_start": _iso(c.date.start),
                "date_granularity": c.date.granularity,
                "draft": c.draft,
                "confidence": c.confidence,
            }
            for c in corpus.claims
        ],
        "positions": [
            {
                "position_id": p.position_id,
                "actor_id": p.actor_id,
                "issue_id": p.issue_id,
                "position": p.position,
                "stance": p.stance,
                "conditions": p.conditions,
                "claim_id": p.claim_id,
                "evidence_quote": p.evidence.quote,
                "evidence_start": p.evidence.start,
                "evidence_end": p.evidence.end,
                "source_id": p.source_id,
                "draft": p.draft,
                "confidence": p.confidence,
            }
            for p in corpus.positions
        ],
        "issues": [
            {
                "issue_id": i.issue_id,
                "name": i.name,
                "proposition": i.proposition,
                "scale": json.dumps({str(k): v for k, v in i.scale}, ensure_ascii=False),
            }
            for i in corpus.issues
        ],
    }
    return out


def columns(table: str) -> tuple[str, ...]:
    return COLUMNS[table] + EXTRA.get(table, ())


def frame(table: str, records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """One table as a DataFrame with the contract's columns and stable dtypes."""
    cols = columns(table)
    df = pd.DataFrame.from_records(list(records), columns=list(cols))
    for col in cols:
        if col in INT_COLUMNS or f"{table}.{col}" in INT_COLUMNS:
            df[col] = df[col].astype("Int64")
        elif col in BOOL_COLUMNS:
            df[col] = df[col].astype(bool)
        elif col in FLOAT_COLUMNS:
            df[col] = df[col].astype(float)
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), "").astype(str)
    return df


@dataclass(frozen=True)
class Dataset:
    """The validated tables of a project, as notebooks use them (`analysis.load()`)."""

    sources: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    positions: pd.DataFrame
    issues: pd.DataFrame
    version: str
    texts: dict[str, str]

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in COLUMNS}


def reviewed(corpus: Corpus) -> Corpus:
    """The corpus without ingest's drafts: unreviewed records, proposed actors and places."""
    return replace(
        corpus,
        actors=tuple(a for a in corpus.actors if not a.draft),
        places=tuple(p for p in corpus.places if not p.draft),
        events=tuple(e for e in corpus.events if not e.draft),
        claims=tuple(c for c in corpus.claims if not c.draft),
        positions=tuple(p for p in corpus.positions if not p.draft),
    )


def dataset(
    corpus: Corpus, sources: Sequence[str] | None = None, *, include_drafts: bool = False
) -> Dataset:
    """Tables of a corpus, optionally kept to some sources (registries stay whole).

    Drafts (records ingest wrote and no reviewer accepted yet) are left out unless
    `include_drafts`; their `draft` column says which rows they are.
    """
    if not include_drafts:
        corpus = reviewed(corpus)
    tables = {name: frame(name, recs) for name, recs in rows(corpus).items()}
    texts = {s.source_id: s.text for s in corpus.sources}
    return keep_sources(Dataset(**tables, version=corpus.version, texts=texts), sources)


def keep_sources(data: Dataset, sources: Sequence[str] | None) -> Dataset:
    """The dataset kept to some sources (all when none given); registries stay whole."""
    if not sources:
        return data
    unknown = sorted(set(sources) - set(data.texts))
    if unknown:
        raise NewsbriefError(
            f"unknown source id(s) {', '.join(unknown)}; known: {', '.join(sorted(data.texts))}"
        )
    keep = set(sources)
    tables = data.tables()
    for name in ("sources", "events", "claims", "positions"):
        df = tables[name]
        tables[name] = df[df["source_id"].isin(keep)].reset_index(drop=True)
    texts = {k: v for k, v in data.texts.items() if k in keep}
    return Dataset(**tables, version=data.version, texts=texts)


def load(
    root: Path | str | None = None,
    *,
    sources: Sequence[str] | None = None,
    include_drafts: bool = False,
) -> Dataset:
    """Validate the project's `data/` and return its tables (raises on any problem).

    Records still marked `draft: true` (written by `newsbrief ingest`, not yet reviewed) are
    left out unless `include_drafts`. Tables of data already validated are reused from a
    cache keyed by the content of every data file and of this package (`tablecache`).
    """
    from analysis import tablecache

    folder = (Path(root) if root else project_root()).resolve()
    key = tablecache.key(folder, include_drafts=include_drafts)
    data = tablecache.read(key)
    if data is None:
        corpus = read_corpus(folder)
        with paused_gc():
            data = dataset(corpus, include_drafts=include_drafts)
        tablecache.write(key, data)
    return keep_sources(data, sources)


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(df.columns)
        for record in df.itertuples(index=False, name=None):
            writer.writerow(_csv_cell(v) for v in record)


def export(
    out: Path, *, fmt: str = "csv", root: Path | None = None, include_drafts: bool = False
) -> list[Path]:
    """Write every table to `out` as CSV or Parquet; nothing is written unless all is valid."""
    if fmt not in ("csv", "parquet"):
        raise NewsbriefError(f"unknown format {fmt!r}; expected one of: csv, parquet")
    data = load(root or project_root(), include_drafts=include_drafts)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    written = []
    try:
        for name, df in data.tables().items():
            target = staging / f"{name}.{fmt}"
            if fmt == "csv":
                _write_csv(df, target)
            else:
                df.to_parquet(target, index=False)
        for name in data.tables():
            final = out / f"{name}.{fmt}"
            os.replace(staging / f"{name}.{fmt}", final)
            written.append(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
