"""`newsbrief ingest`: store a new source text unchanged and draft its annotations for review.

`ingest(path, published, publisher, title, url, root)` writes `data/sources/<id>.txt` (the
file's bytes), `data/sources/<id>.yaml` (metadata with the text's SHA-256 and the non-body spans)
and `data/annotations/<id>.yaml` (draft events and claims, proposed actors and places). Drafts
validate at once; reports leave them out until a reviewer accepts them (docs/ingest.md).

`analyse()` is the same reading without the disk; `ingest_many()` reads several texts with a
pool of processes and writes them one after the other, so proposals are never duplicated.
spaCy is imported on the first analysis only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import NewsbriefError
from analysis.ingest import attribution, drafts, events, segment
from analysis.ingest import dates as dates_
from analysis.ingest import mentions as mentions_
from analysis.ingest.drafts import Draft
from analysis.ingest.lexicon import Lexicon, load_lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.segment import NonBody
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
    "read",
]

log = logging.getLogger(__name__)


class IngestError(NewsbriefError):
    """A text cannot be ingested (unreadable, already stored, or its id is taken)."""


@dataclass(frozen=True)
class IngestItem:
    """One text to ingest and what is known about it."""

    path: Path
    published: dt.date
    publisher: str = ""
    title: str = ""
    url: str = ""
    source_id: str = ""
    language: str = "en"


@dataclass(frozen=True)
class IngestResult:
    """What ingest wrote for one source."""

    source_id: str
    text_path: Path
    meta_path: Path
    annotation_path: Path
    events: int
    claims: int
    proposed_actors: tuple[str, ...]
    proposed_places: tuple[str, ...]
    non_body: tuple[NonBody, ...]

    def summary(self) -> str:
        lines = [
            f"ingested {self.source_id}: {self.events} draft events, {self.claims} draft claims",
            f"  text      {self.text_path}",
            f"  metadata  {self.meta_path} ({len(self.non_body)} non-body spans)",
            f"  drafts    {self.annotation_path}",
        ]
        if self.proposed_actors:
            lines.append(f"  proposed actors: {', '.join(self.proposed_actors)}")
        if self.proposed_places:
            lines.append(f"  proposed places: {', '.join(self.proposed_places)}")
        lines.append(
            "review: edit the drafts, delete each accepted record's `draft: true` "
            "line, then run `newsbrief validate` (docs/ingest.md)"
        )
        return "\n".join(lines)


@dataclass
class Reading:
    """One text read: non-body spans, candidate events and claims, and the proposals made."""

    title: str
    non_body: list[NonBody]
    events: list[events.EventDraft]
    claims: list[attribution.Attribution]
    proposed_actors: list[Actor] = field(default_factory=list)
    proposed_places: list[Place] = field(default_factory=list)


_MATCHERS: dict[int, mentions_.Matchers] = {}


def _matchers_for(lexicon: Lexicon) -> mentions_.Matchers:
    key = id(lexicon)
    if key not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[key] = mentions_.build_matchers(lexicon)
    return _MATCHERS[key]


def read(text: str, *, published: dt.date, lexicon: Lexicon, title: str = "") -> Reading:
    """Segment, find mentions and dates, and suggest events and claims; no disk I/O.

    Proposed actors and places are added to `lexicon` (so a later text reuses them) and listed
    in the reading.
    """
    from analysis.ingest import nlp

    blocks, non_body = segment.blocks(text, title)
    folded = fold(text)
    readable = [b for b in blocks if b.kind in ("body", "caption")]
    docs = list(nlp.pipeline().pipe(folded[b.start : b.end] for b in readable))
    sentences = segment.sentences(text, blocks, docs)
    parsed = Parse([(b.start, d) for b, d in zip(readable, docs, strict=True)])
    ctx = mentions_.Context(text, folded, sentences, lexicon, parse=parsed)
    found = mentions_.find(ctx, parsed.blocks, _matchers_for(lexicon))
    found_dates = [
        d
        for s in sentences
        for d in dates_.find_dates(folded[s.start : s.end], published, offset=s.start)
    ]
    claims = attribution.attributions(folded, sentences, found, found_dates, lexicon, parse=parsed)
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
    return Reading(
        title,
        non_body,
        event_drafts,
        claims,
        [lexicon.actors[i] for i in sorted(used_actors & lexicon.proposed_actor_ids)],
        [lexicon.places[i] for i in sorted(used_places & lexicon.proposed_place_ids)],
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
    )


# --- storing ---------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "news",
        "live",
        "updates",
        "update",
        "latest",
        "what",
        "who",
        "why",
        "how",
    ]
)


def make_source_id(publisher: str, published: dt.date, title: str) -> str:
    """`wp-2023-09-05-north-korea-kim-putin-discuss`: publisher, date and title words."""
    words = [w for w in re.split(r"\s+", publisher.strip()) if w.lower() != "the"]
    if len(words) == 1:
        pub = drafts_slug(words[0])[:12]
    else:
        pub = "".join(w[0] for w in words if w[:1].isalnum()).lower() or "src"
    headline = title.rsplit(":", 1)[-1] if len(title.rsplit(":", 1)[-1].split()) >= 3 else title
    keep = [
        w
        for w in (
            drafts_slug(t)
            for t in re.split(r"[\s\u2019'-]+", headline)
            if re.search(r"[A-Za-z0-9]", t)
        )
        if w not in _STOPWORDS and w != "s"
    ]
    tail = "-".join(keep[:5]) or "text"
    return f"{pub or 'src'}-{published.isoformat()}-{tail}"


def drafts_slug(text: str) -> str:
    from analysis.ingest.places import slug

    return slug(text).replace("_", "-")


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise IngestError(
            f"{shown}: starts with a UTF-8 byte-order mark; offsets would shift. "
            "Save it as UTF-8 without BOM and ingest again"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{shown}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8 first"
        ) from exc
    if not text.strip():
        raise IngestError(f"{shown}: the file is empty")
    return text


def _existing_hashes(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in folder.glob("*.yaml") if folder.is_dir() else []:
        m = re.search(
            r"^text_sha256:\s*([0-9a-f]{64})", meta.read_text(encoding="utf-8"), re.MULTILINE
        )
        if m:
            out[m.group(1)] = meta.stem
    return out


def _write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class _Store:
    """The project's data folders and what is already in them."""

    root: Path
    hashes: dict[str, str]
    taken: set[str]
    written: set[str]

    @classmethod
    def of(cls, root: Path, lexicon: Lexicon) -> _Store:
        sources = root / "data" / "sources"
        taken = {p.stem for p in sources.glob("*")} if sources.is_dir() else set()
        written = {f"actor:{a}" for a in lexicon.proposed_actor_ids} | {
            f"place:{p}" for p in lexicon.proposed_place_ids
        }
        return cls(root, _existing_hashes(sources), taken, written)

    def claim_id(self, item: IngestItem, raw: bytes, title: str) -> tuple[str, str]:
        sha = hashlib.sha256(raw).hexdigest()
        if sha in self.hashes:
            raise IngestError(
                f"{item.path}: this text is already stored as source "
                f"{self.hashes[sha]!r}; nothing written"
            )
        if item.source_id:
            if not re.match(r"^[a-z0-9][a-z0-9_-]*$", item.source_id):
                raise IngestError(
                    f"--source-id {item.source_id!r} is not a lowercase slug ([a-z0-9][a-z0-9_-]*)"
                )
            if item.source_id in self.taken:
                raise IngestError(f"source id {item.source_id!r} is taken; choose another")
            sid = item.source_id
        else:
            base = make_source_id(item.publisher or "source", item.published, title)
            sid, n = base, 2
            while sid in self.taken:
                sid, n = f"{base}-{n}", n + 1
        self.taken.add(sid)
        self.hashes[sha] = sid
        return sid, sha

    def save(self, item: IngestItem, raw: bytes, sid: str, sha: str, draft: Draft) -> IngestResult:
        data = self.root / "data"
        (data / "sources").mkdir(parents=True, exist_ok=True)
        (data / "annotations").mkdir(parents=True, exist_ok=True)
        text_path = data / "sources" / f"{sid}.txt"
        meta_path = data / "sources" / f"{sid}.yaml"
        ann_path = data / "annotations" / f"{sid}.yaml"
        if ann_path.exists():
            raise IngestError(f"{ann_path} exists; remove it or choose another --source-id")
        _write(text_path, raw)
        _write(
            meta_path,
            drafts.source_yaml(
                source_id=sid,
                publisher=item.publisher or "unknown",
                title=draft.title or sid,
                published=item.published,
                language=item.language,
                url=item.url,
                text_file=text_path.name,
                sha256=sha,
                non_body=draft.non_body,
            ).encode("utf-8"),
        )
        _write(ann_path, drafts.annotation_yaml(draft).encode("utf-8"))
        return IngestResult(
            sid,
            text_path,
            meta_path,
            ann_path,
            len(draft.events),
            len(draft.claims),
            tuple(a.actor_id for a in draft.proposed_actors),
            tuple(p.place_id for p in draft.proposed_places),
            tuple(draft.non_body),
        )


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise IngestError(f"--published {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc


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
    item = IngestItem(Path(path), _as_date(published), publisher, title, url, source_id, language)
    return ingest_many([item], root)[0]


# --- many texts ------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _work(job: tuple[int, str, dt.date, str]) -> tuple[int, Reading]:
    n, text, published, title = job
    lexicon: Lexicon = _WORKER["lexicon"]
    return n, read(text, published=published, lexicon=lexicon, title=title)


def ingest_many(
    items: Sequence[IngestItem], root: Path | None = None, *, workers: int = 1
) -> list[IngestResult]:
    """Ingest several texts: read them with `workers` processes, write them in order."""
    root = (root or project_root()).resolve()
    lexicon = load_lexicon(root)
    store = _Store.of(root, lexicon)
    raws = [_read_bytes(item.path) for item in items]
    texts = [_decode(raw, str(item.path)) for raw, item in zip(raws, items, strict=True)]
    jobs = [
        (n, text, item.published, item.title)
        for n, (text, item) in enumerate(zip(texts, items, strict=True))
    ]
    _WORKER["lexicon"] = lexicon
    _matchers_for(lexicon)  # built before forking: the workers inherit it
    results: list[IngestResult | None] = [None] * len(items)
    if workers > 1 and len(items) > 1:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            readings = pool.imap(_work, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
            for n, reading in readings:
                results[n] = _store_one(store, lexicon, items[n], raws[n], texts[n], reading)
    else:
        for job in jobs:
            n, reading = _work(job)
            results[n] = _store_one(store, lexicon, items[n], raws[n], texts[n], reading)
    return [r for r in results if r is not None]


def _store_one(
    store: _Store, lexicon: Lexicon, item: IngestItem, raw: bytes, text: str, reading: Reading
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
        sid, title, text, reading.non_body, reading.events, reading.claims, lexicon, store.written
    )
    result = store.save(item, raw, sid, sha, draft)
    log.info("ingested %s: %d events, %d claims", sid, result.events, result.claims)
    return result
