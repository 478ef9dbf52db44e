"""Draft records from candidates, and the YAML of the draft annotation and source metadata.

Every drafted event and claim carries `draft: true` and a `confidence` (0..1); new actors and
places go to the annotation file's own `proposed_actors` / `proposed_places`, also marked
draft. A reviewer accepts a record by deleting its `draft: true` line (docs/ingest.md). The
YAML is written by hand, not dumped, so it reads like the curated files: one record a block,
flow lists, quoted strings, a comment with the evidence sentence above each record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.ingest.attribution import Attribution
from analysis.ingest.dates import DateMention, describe
from analysis.ingest.events import EventDraft
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.segment import NonBody
from analysis.model import Actor, Place
from analysis.quotes import IndexedText


@dataclass
class Draft:
    """What ingest drafts for one source: records, proposals and the non-body spans."""

    source_id: str
    title: str
    non_body: list[NonBody]
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    proposed_actors: list[Actor] = field(default_factory=list)
    proposed_places: list[Place] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)  # record id -> sentence
    notes: dict[str, str] = field(default_factory=dict)  # record id -> the sentence's dates

    def actor_ids(self) -> set[str]:
        ids: set[str] = set()
        for e in self.events:
            ids.update(e["actors"], e["recipients"])
        for c in self.claims:
            ids.add(c["speaker"])
            if c.get("via"):
                ids.add(c["via"])
        return ids

    def place_ids(self) -> set[str]:
        return {e["place"] for e in self.events if e.get("place")}


def _date(text: str, d: DateMention | None) -> dict[str, Any]:
    if d is None:
        return {"granularity": "unknown"}
    words = text[d.start : d.end]
    if d.granularity == "unknown" or d.value is None:
        return {"text": words, "granularity": "unknown"}
    return {"text": words, "start": d.value.isoformat(), "granularity": d.granularity}


def _quote(
    index: IndexedText, start: int, end: int, seen: dict[str, list[tuple[int, int]]]
) -> dict[str, Any] | None:
    """The span as `quote`, plus `occurrence` when the same words occur elsewhere in the text.

    A quote is never lengthened to make it unique: a repeated paragraph would drag it to the
    end of the text (and the search for a unique one costs time quadratic in the text).
    """
    pinned = index.pin(start, end, seen)
    if pinned is None:
        return None
    quote, occurrence = pinned
    return {"quote": quote, "occurrence": occurrence} if occurrence else {"quote": quote}


def _date_notes(found: Sequence[DateMention]) -> str:
    """'dates in the sentence: ...' for a reviewer, each resolved or with why it is not."""
    if not found:
        return ""
    return "dates in the sentence: " + "; ".join(
        " ".join(describe(d).split()) for d in sorted(found, key=lambda d: d.start)
    )


def _excerpt(text: str, limit: int = 180) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"


def build(
    source_id: str,
    title: str,
    text: str,
    non_body: list[NonBody],
    events: Sequence[EventDraft],
    claims: Sequence[Attribution],
    lexicon: Lexicon,
    written: set[str] | None = None,
    *,
    dates: Mapping[int, Sequence[DateMention]] | None = None,
) -> Draft:
    """Records with ids `<source_id>-e01`, `-c01`; the proposals they reference.

    `written` holds the proposals (`actor:<id>`, `place:<id>`) that drafts already on disk
    define; those are referenced, not proposed again (this draft's proposals are added to it).
    `dates` (by sentence index) are noted beside each record of the sentence: how each date
    expression was resolved, or why it was not, so the reviewer checks every one.
    """
    dates = dates or {}
    index = IndexedText.of(text)
    seen: dict[str, list[tuple[int, int]]] = {}  # quote -> its occurrences
    draft = Draft(source_id, title, non_body)
    names = {a: lexicon.actors[a].name for a in lexicon.actors}
    events_in: dict[int, list[tuple[int, str]]] = {}  # sentence -> (cue offset, event id)
    for n, ev in enumerate(events, 1):
        quote = _quote(index, *ev.evidence, seen)
        if quote is None:
            continue
        rid = f"{source_id}-e{n:02d}"
        who = ", ".join(names[a] for a in ev.actors)
        whom = ", ".join(names[a] for a in ev.recipients)
        summary = (
            f"Draft ({ev.type}, {ev.status}): {who}{' -> ' + whom if whom else ''} — "
            f"cue “{text[ev.cue_start : ev.cue_start + len(ev.cue)]}”"
        )
        record: dict[str, Any] = {
            "id": rid,
            "type": ev.type,
            "mode": ev.mode,
            "contexts": list(ev.contexts),
            "status": ev.status,
            "date": _date(text, ev.date),
            "actors": list(ev.actors),
            "recipients": list(ev.recipients),
            "place": ev.place,
            "outcome": ev.outcome,
            "topics": list(ev.topics),
            "summary": summary,
            **quote,
            "draft": True,
            "confidence": ev.confidence,
        }
        draft.events.append(record)
        draft.evidence[rid] = _excerpt(text[ev.evidence[0] : ev.evidence[1]])
        draft.notes[rid] = _date_notes(dates.get(ev.sentence, ()))
        events_in.setdefault(ev.sentence, []).append((ev.cue_start, rid))
    for n, cl in enumerate(claims, 1):
        quote = _quote(index, *cl.quote, seen)
        if quote is None:
            continue
        rid = f"{source_id}-c{n:02d}"
        about = next(
            (
                eid
                for at, eid in events_in.get(cl.sentence, ())
                if cl.content[0] <= at < cl.content[1]
            ),
            "",
        )
        said = _excerpt(text[cl.content[0] : cl.content[1]], 200) or _excerpt(quote["quote"], 200)
        record = {
            "id": rid,
            "speaker": cl.speaker_id,
            "speaker_named": cl.speaker_named,
            "via": cl.via_id,
            "cue": cl.cue,
            "stance": cl.stance,
            "verification": cl.verification,
            "about": about,
            "contests": [],
            "content": f"Draft: {names[cl.speaker_id]} ({cl.cue}): {said}",
            "date": _date(text, cl.date),
            **quote,
            "draft": True,
            "confidence": cl.confidence,
        }
        draft.claims.append(record)
        draft.evidence[rid] = _excerpt(quote["quote"])
        draft.notes[rid] = _date_notes(dates.get(cl.sentence, ()))
    written = written if written is not None else set()
    for aid in sorted(draft.actor_ids() & lexicon.proposed_actor_ids):
        chain = [aid]
        parent = lexicon.actors[aid].parent_id
        if parent in lexicon.proposed_actor_ids:
            chain.insert(0, parent)
        for pid in chain:
            if f"actor:{pid}" not in written:
                draft.proposed_actors.append(lexicon.actors[pid])
                written.add(f"actor:{pid}")
    for pid in sorted(draft.place_ids() & lexicon.proposed_place_ids):
        if f"place:{pid}" not in written:
            draft.proposed_places.append(lexicon.places[pid])
            written.add(f"place:{pid}")
    return draft


# --- YAML ------------------------------------------------------------------------------------

# Not printable in YAML, or a YAML line break (NEL, LS, PS) that would fold into a space.
_YAML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# What YAML 1.1 may read as a number or a date: 2023, 1_000, 1e5, 2023-09-05, 0x1f, 0b101.
_NUMBERISH = re.compile(r"[0-9_.eE+-]+|0[xXbB][0-9a-fA-F_]+")
_YAML_WORDS = frozenset(["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"])


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), safe for any text."""
    out = json.dumps(value, ensure_ascii=False)
    return _YAML_BAD.sub(lambda m: f"\\u{ord(m.group(0)):04x}", out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and not _NUMBERISH.fullmatch(text):
        return text
    return q(text)


def _date_flow(d: dict[str, Any]) -> str:
    parts = []
    if "text" in d:
        parts.append(f"text: {q(d['text'])}")
    if "start" in d:
        parts.append(f"start: {d['start']}")
    parts.append(f"granularity: {d['granularity']}")
    return "{" + ", ".join(parts) + "}"


def _record(lines: list[str], rec: dict[str, Any]) -> None:
    first = True
    for key, value in rec.items():
        if value in ("", None) and key not in ("id",):
            continue
        if key == "date":
            rendered = _date_flow(value)
        elif key in ("quote", "summary", "content", "cue"):
            rendered = q(str(value))
        else:
            rendered = _scalar(value)
        lines.append(f"  {'- ' if first else '  '}{key}: {rendered}")
        first = False


def _note(lines: list[str], note: str) -> None:
    """A reviewer's note above a record, as a YAML comment on one line (it goes with the
    record when `newsbrief review` deletes it)."""
    if note:
        lines.append("  # " + _YAML_BAD.sub(" ", " ".join(note.split())))


def _actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country_iso3,
        "sector": actor.sector,
        "office": actor.office,
        "parent": actor.parent_id,
        "aliases": list(actor.aliases),
        "draft": True,
    }


def _place_record(place: Place) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country_iso3,
    }
    if place.geonameid:
        rec["geonameid"] = place.geonameid
    else:
        rec["lat"] = place.lat
        rec["lon"] = place.lon
    rec["coord_note"] = place.coord_note  # the gazetteer's name, or why it stays ambiguous
    rec["precision"] = place.precision
    rec["draft"] = True
    return rec


def annotation_yaml(draft: Draft) -> str:
    """The draft annotation file, ready for review."""
    lines = [
        f"# DRAFT annotations of {draft.source_id}, written by `newsbrief ingest`.",
        "# Every record below is a machine suggestion (draft: true, with a confidence 0..1):",
        "# reports leave it out until a reviewer checks it, corrects it and deletes its",
        "# `draft: true` line (see docs/ingest.md). Delete records that are wrong.",
        "# Proposed actors and places are accepted by moving them to data/registry/.",
        f"source_id: {_scalar(draft.source_id)}",
    ]
    if draft.proposed_actors:
        lines += ["", "proposed_actors:"]
        for actor in draft.proposed_actors:
            _record(lines, _actor_record(actor))
    if draft.proposed_places:
        lines += ["", "proposed_places:"]
        for place in draft.proposed_places:
            _record(lines, _place_record(place))
    lines += ["", "events:" if draft.events else "events: []"]
    for rec in draft.events:
        _note(lines, f"evidence: {draft.evidence.get(rec['id'], '')}")
        _note(lines, draft.notes.get(rec["id"], ""))
        _record(lines, rec)
    lines += ["", "claims:" if draft.claims else "claims: []"]
    for rec in draft.claims:
        _note(lines, draft.notes.get(rec["id"], ""))
        _record(lines, rec)
    lines += ["", "positions: []", ""]
    return "\n".join(lines)


def source_yaml(
    *,
    source_id: str,
    publisher: str,
    title: str,
    published: dt.date,
    language: str,
    url: str,
    text_file: str,
    sha256: str,
    non_body: Iterable[NonBody],
) -> str:
    """The source metadata of data/model.md, plus the non-body spans ingest marked."""
    lines = [
        f"source_id: {_scalar(source_id)}",
        f"publisher: {q(publisher)}",
        f"title: {q(title)}",
        f"published_at: {published.isoformat()}",
        f"language: {_scalar(language)}",
        f"url: {q(url)}",
        f"text_file: {_scalar(text_file)}",
        f"text_sha256: {sha256}",
    ]
    spans = list(non_body)
    if spans:
        lines.append("# spans that are not article body, marked by `newsbrief ingest`")
        lines.append("non_body:")
        lines += [f"  - {{start: {s.start}, end: {s.end}, kind: {s.kind}}}" for s in spans]
    else:
        lines.append("non_body: []")
    return "\n".join(lines) + "\n"
