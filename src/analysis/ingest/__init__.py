"""`newsbrief ingest`: store new source texts unchanged and draft their annotations for review.

`ingest(path, published, publisher, title, url, root)` writes `data/sources/<id>.txt` (the
file's bytes), `data/sources/<id>.yaml` (metadata with the text's SHA-256 and the non-body spans)
and `data/annotations/<id>.yaml` (draft events and claims, proposed actors and places). Drafts
validate at once; reports leave them out until a reviewer accepts them (docs/ingest.md).

`analyse()` is the same reading without the disk; `ingest_many()` reads several texts in one
run (the model loads once) with a pool of forked processes and writes them one after the
other in this process, so proposals are never duplicated. spaCy is imported on the first
analysis only. Reading and writing files: `ingest.store`; which texts a run reads:
`ingest.manifest`.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.ingest import attribution, drafts, events, locate, places, segment
from analysis.ingest import dates as dates_
from analysis.ingest import mentions as mentions_
from analysis.ingest.drafts import Draft
from analysis.ingest.lexicon import Lexicon, load_lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.segment import NonBody
from analysis.ingest.store import (
    IngestError,
    IngestItem,
    IngestResult,
    Store,
    as_date,
    decode,
    make_source_id,
    read_bytes,
)
from analysis.model import Actor, Place
from analysis.paths import project_root
from analysis.quotes import fold

__all__ = [
    "IngestError",
    "IngestItem",
    "IngestResult",
    "Reading",
    "analyse",
    "ingest",
    "ingest_many",
    "make_source_id",
    "read",
    "workers_for",
]

log = logging.getLogger(__name__)


@dataclass
class Reading:
    """One text read: non-body spans, candidate events and claims, and the proposals made."""

    title: str
    non_body: list[NonBody]
    events: list[events.EventDraft]
    claims: list[attribution.Attribution]
    proposed_actors: list[Actor] = field(default_factory=list)
    proposed_places: list[Place] = field(default_factory=list)
    # the date expressions of each sentence (by index), for the reviewer's notes
    dates: dict[int, list[dates_.DateMention]] = field(default_factory=dict)


_MATCHERS: dict[int, mentions_.Matchers] = {}


def _matchers_for(lexicon: Lexicon) -> mentions_.Matchers:
    key = id(lexicon)
    if key not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[key] = mentions_.build_matchers(lexicon)
    return _MATCHERS[key]


def prepare(
    text: str, lexicon: Lexicon, title: str = ""
) -> tuple[mentions_.Context, list[segment.Block], list[NonBody]]:
    """The text segmented and its readable blocks parsed once: the context every step reads."""
    from analysis.ingest import nlp

    blocks, non_body = segment.blocks(text, title)
    folded = fold(text)
    readable = [b for b in blocks if b.kind in segment.READ_KINDS]
    docs = list(nlp.pipeline().pipe(folded[b.start : b.end] for b in readable))
    sentences = segment.sentences(text, blocks, docs)
    parsed = Parse([(b.start, d) for b, d in zip(readable, docs, strict=True)])
    ctx = mentions_.Context(text, folded, sentences, lexicon, parse=parsed)
    return ctx, blocks, non_body


def find_mentions(ctx: mentions_.Context) -> list[mentions_.Mention]:
    """Every actor and place mention of a context, places settled by the article's countries."""
    assert ctx.parse is not None
    found = mentions_.find(ctx, ctx.parse.blocks, _matchers_for(ctx.lexicon))
    return locate.refine(ctx, found)


def read(text: str, *, published: dt.date, lexicon: Lexicon, title: str = "") -> Reading:
    """Segment, find mentions and dates, and suggest events and claims; no disk I/O.

    Proposed actors and places are added to `lexicon` (so a later text reuses them) and listed
    in the reading.
    """
    ctx, blocks, non_body = prepare(text, lexicon, title)
    folded, sentences, parsed = ctx.folded, ctx.sentences, ctx.parse
    found = find_mentions(ctx)
    found_dates = [
        d
        for s in sentences
        for d in dates_.find_dates(folded[s.start : s.end], published, offset=s.start, parse=parsed)
    ]
    claims = attribution.attributions(folded, sentences, found, found_dates, lexicon, parse=parsed)
    claims = [c for c in claims if sentences[c.sentence].kind != "headline"]  # events only
    event_drafts = events.candidates(
        folded, sentences, found, found_dates, lexicon, published, claims, parse=parsed
    )
    headline = next((b for b in blocks if b.kind == "headline"), None)
    if not title and headline is not None:
        title = " ".join(text[headline.start : headline.end].split())
    used_actors = {a for e in event_drafts for a in (*e.actors, *e.recipients)}
    used_actors |= {c.speaker_id for c in claims} | {c.via_id for c in claims if c.via_id}
    used_actors |= {
        lexicon.actors[a].parent_id for a in used_actors if a in lexicon.proposed_actor_ids
    }
    used_places = {e.place for e in event_drafts if e.place}
    dates_in: dict[int, list[dates_.DateMention]] = {}
    for d in found_dates:
        dates_in.setdefault(ctx.sentence_of(d.start), []).append(d)
    return Reading(
        title,
        non_body,
        event_drafts,
        claims,
        [lexicon.actors[i] for i in sorted(used_actors & lexicon.proposed_actor_ids)],
        [lexicon.places[i] for i in sorted(used_places & lexicon.proposed_place_ids)],
        dates_in,
    )


def analyse(
    text: str,
    *,
    published: dt.date,
    lexicon: Lexicon,
    source_id: str,
    title: str = "",
    written: set[str] | None = None,
) -> Draft:
    """The draft annotations of one text, without touching the disk."""
    reading = read(text, published=published, lexicon=lexicon, title=title)
    return drafts.build(
        source_id,
        reading.title,
        text,
        reading.non_body,
        reading.events,
        reading.claims,
        lexicon,
        written,
        dates=reading.dates,
    )


# --- storing ---------------------------------------------------------------------------------


def ingest(
    path: Path | str,
    published: dt.date | str,
    publisher: str = "",
    title: str = "",
    url: str = "",
    root: Path | None = None,
    *,
    source_id: str = "",
    language: str = "en",
) -> IngestResult:
    """Store one text as a new source and write its draft annotations."""
    item = IngestItem(Path(path), as_date(published), publisher, title, url, source_id, language)
    return ingest_many([item], root)[0]


# --- many texts ------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _work(job: tuple[int, str, dt.date, str]) -> tuple[int, Reading]:
    n, text, published, title = job
    lexicon: Lexicon = _WORKER["lexicon"]
    return n, read(text, published=published, lexicon=lexicon, title=title)


def workers_for(workers: int, texts: int) -> int:
    """How many processes read `texts` texts: `workers`, 0 meaning one per core; at most one
    per text."""
    if workers < 0:
        raise IngestError(f"--workers {workers}: expected 0 (one per core) or more")
    wanted = workers or len(os.sched_getaffinity(0))
    return max(1, min(wanted, texts))


def ingest_many(
    items: Sequence[IngestItem],
    root: Path | None = None,
    *,
    workers: int = 1,
    skip_stored: bool = False,
    progress: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest several texts: read them with `workers` processes (0: one per core), write them
    in order.

    Every text is read and checked before anything is written: an unreadable one (not UTF-8,
    control characters, empty), or a given source id that is not a slug, is taken or is given
    twice, stops the run with all such problems listed. A text already stored (same SHA-256) or
    read twice in the run is such an error too, or with `skip_stored` a result whose `skipped`
    says so.
    `progress` is called with each result as it is written.
    """
    root = (root or project_root()).resolve()
    lexicon = load_lexicon(root)
    store = Store.of(root, lexicon)
    raws, texts, problems = [], [], []
    for item in items:
        try:
            raw = read_bytes(item.path)
            texts.append(decode(raw, str(item.path)))
            raws.append(raw)
        except IngestError as exc:
            problems.append(str(exc))
    if problems:
        if len(items) == 1:
            raise IngestError(problems[0])
        raise IngestError(
            f"{len(problems)} of {len(items)} texts cannot be ingested; nothing written:\n  "
            + "\n  ".join(problems)
        )
    problems = store.conflicts(items, raws, skip_stored=skip_stored)
    if problems:
        raise IngestError(
            problems[0]
            if len(items) == 1
            else f"{len(problems)} of {len(items)} texts cannot be ingested; nothing written:\n  "
            + "\n  ".join(problems)
        )
    results: list[IngestResult | None] = [None] * len(items)
    jobs = []
    seen: dict[bytes, int] = {}
    for n, (text, item) in enumerate(zip(texts, items, strict=True)):
        stored = store.stored_as(raws[n])
        if stored and skip_stored:
            results[n] = store.skipped(item, stored, f"already stored as source {stored!r}")
        elif skip_stored and raws[n] in seen:
            first = items[seen[raws[n]]].path
            results[n] = store.skipped(item, "", f"the same text as {first}, read in this run")
        else:
            seen.setdefault(raws[n], n)
            jobs.append((n, text, item.published, item.title))
    _WORKER["lexicon"] = lexicon
    _matchers_for(lexicon)  # built before forking: the workers inherit it
    places.warm()  # so is the gazetteer's index (seconds to build)
    processes = workers_for(workers, len(jobs))

    def done(n: int, reading: Reading | None) -> None:
        if reading is not None:
            results[n] = _store_one(store, lexicon, items[n], raws[n], texts[n], reading)
        result = results[n]
        if progress is not None and result is not None:
            progress(result)

    for n, result in enumerate(results):
        if result is not None:
            done(n, None)
    if processes > 1:
        # The first text is read here, before forking: the model, the gazetteer and the other
        # caches a first reading loads (seconds) are then shared by the workers, not reloaded.
        done(*_work(jobs[0]))
        context = multiprocessing.get_context("fork")
        with context.Pool(processes) as pool:
            chunk = max(1, min(8, len(jobs) // (processes * 8)))
            for n, reading in pool.imap(_work, jobs[1:], chunksize=chunk):
                done(n, reading)
    else:
        for job in jobs:
            done(*_work(job))
    return [r for r in results if r is not None]


def _store_one(
    store: Store, lexicon: Lexicon, item: IngestItem, raw: bytes, text: str, reading: Reading
) -> IngestResult:
    for actor in reading.proposed_actors:  # from a worker's own lexicon
        if actor.actor_id not in lexicon.actors:
            lexicon.add_actor(actor)
    for place in reading.proposed_places:
        if place.place_id not in lexicon.places:
            lexicon.add_place(place)
    title = item.title or reading.title
    sid, sha = store.claim_id(item, raw, title)
    draft = drafts.build(
        sid,
        title,
        text,
        reading.non_body,
        reading.events,
        reading.claims,
        lexicon,
        store.written,
        dates=reading.dates,
    )
    result = store.save(item, raw, sid, sha, draft)
    log.info("ingested %s: %d events, %d claims", sid, result.events, result.claims)
    return result
