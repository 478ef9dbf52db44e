"""Record types of the dataset: what a validated source, actor, place, event, claim is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A verbatim quote and its half-open code-point offsets in one source's text."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class DateSpan:
    """When something happened: an interval at a granularity, and the words that said so."""

    text: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = "unknown"


@dataclass(frozen=True)
class Source:
    source_id: str
    publisher: str
    title: str
    published_at: dt.date
    url: str
    language: str
    text_sha256: str
    text: str = field(repr=False)
    path: str = ""
    # spans that are not article body (headline, caption, credit, boilerplate): (start, end, kind)
    non_body: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    country_iso3: str
    sector: str
    office: str
    parent_id: str
    wikidata_id: str
    aliases: tuple[str, ...] = ()
    draft: bool = False  # proposed by ingest in an annotation file, not yet in the registry


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    kind: str
    country_iso3: str
    lat: float
    lon: float
    precision: str
    geonameid: str
    coord_note: str = ""
    draft: bool = False  # proposed by ingest in an annotation file, not yet in the registry


@dataclass(frozen=True)
class Issue:
    issue_id: str
    name: str
    proposition: str
    scale: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Event:
    event_id: str
    source_id: str
    event_type: str
    mode: str
    contexts: tuple[str, ...]
    cameo_code: str
    status: str
    date: DateSpan
    actor_ids: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    place_id: str
    outcome: str
    topics: tuple[str, ...]
    summary: str
    evidence: Span
    draft: bool = False  # drafted by ingest and not yet accepted by a reviewer
    confidence: float | None = None  # ingest's confidence in the draft, 0..1


@dataclass(frozen=True)
class Claim:
    claim_id: str
    source_id: str
    speaker_id: str
    speaker_named: bool
    via_id: str
    cue: str
    stance: str
    reporter_verification: str
    about_event_id: str
    contests_claim_ids: tuple[str, ...]
    content: str
    evidence: Span
    date: DateSpan
    draft: bool = False
    confidence: float | None = None


@dataclass(frozen=True)
class Position:
    position_id: str
    source_id: str
    actor_id: str
    issue_id: str
    position: str
    stance: int
    conditions: str
    claim_id: str
    evidence: Span
    draft: bool = False
    confidence: float | None = None


@dataclass(frozen=True)
class Corpus:
    """Everything in `data/`, validated: the input of every table and report."""

    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    issues: tuple[Issue, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    positions: tuple[Position, ...]
    version: str
