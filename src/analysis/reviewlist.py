"""What `newsbrief review SOURCE` lists: a source's drafts and proposals, one block each."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.model import Actor, Claim, Corpus, DateSpan, Event, Place, Position
from analysis.validate import COUNTRY_REQUIRED
from analysis.yamledit import Edit

#: record kind -> the annotation file's list that holds it
LISTS = {"event": "events", "claim": "claims", "position": "positions"}
#: proposal kind -> (its list in an annotation file, its registry file, the registry's list)
PROPOSALS = {
    "actor": ("proposed_actors", "data/registry/actors.yaml", "actors"),
    "place": ("proposed_places", "data/registry/places.yaml", "places"),
}
NEEDED = " (give one before accepting)"
WIDTH = 100  # the widest line the listing writes


@dataclass(frozen=True)
class Item:
    """One thing to review: a draft record or a proposed actor or place."""

    rid: str
    kind: str  # event | claim | position | actor | place
    confidence: float | None
    start: int  # offsets of the quote in the source text (-1 for a proposal)
    end: int
    quote: str
    says: tuple[str, ...]  # what it proposes, one line each
    refs: tuple[tuple[str, str], ...] = ()  # (actor|place, id) it points at
    links: tuple[tuple[str, str, str], ...] = ()  # (field, event|claim, id) it points at

    @property
    def proposal(self) -> bool:
        return self.kind in PROPOSALS

    @property
    def label(self) -> str:
        return f"proposed {self.kind}" if self.proposal else self.kind


def identify(rec: Event | Claim | Position) -> tuple[str, str]:
    """A record's (kind, id)."""
    if isinstance(rec, Event):
        return "event", rec.event_id
    if isinstance(rec, Claim):
        return "claim", rec.claim_id
    return "position", rec.position_id


def refs_of(rec: Event | Claim | Position) -> tuple[tuple[str, str], ...]:
    """The actors and places a record points at."""
    if isinstance(rec, Event):
        out = [("actor", a) for a in (*rec.actor_ids, *rec.recipient_ids)]
        return tuple(out + ([("place", rec.place_id)] if rec.place_id else []))
    if isinstance(rec, Claim):
        return tuple(("actor", a) for a in (rec.speaker_id, rec.via_id) if a)
    return (("actor", rec.actor_id),)


def links_of(rec: Event | Claim | Position) -> tuple[tuple[str, str, str], ...]:
    """The events and claims a record points at: (field, kind, id)."""
    if isinstance(rec, Claim):
        about = [("about", "event", rec.about_event_id)] if rec.about_event_id else []
        return tuple(about + [("contests", "claim", c) for c in rec.contests_claim_ids])
    if isinstance(rec, Position) and rec.claim_id:
        return (("claim", "claim", rec.claim_id),)
    return ()


class Names:
    """Actor and place names for the listing; a proposed one is starred."""

    def __init__(self, corpus: Corpus):
        self.actors = {a.actor_id: a for a in corpus.actors}
        self.places = {p.place_id: p for p in corpus.places}

    def actor(self, aid: str) -> str:
        """The actor's name (starred if proposed), else its id."""
        found = self.actors.get(aid)
        return f"{found.name}{'*' if found.draft else ''}" if found else aid

    def place(self, pid: str) -> str:
        """The place's name (starred if proposed), else its id."""
        found = self.places.get(pid)
        return f"{found.name}{'*' if found.draft else ''}" if found else pid

    def some(self, ids: Iterable[str]) -> str:
        """Actors' names, comma-separated."""
        return ", ".join(self.actor(a) for a in ids)


def _date(d: DateSpan) -> str:
    if d.start is None:
        return f"{d.text!r} (not resolved)" if d.text else "none given"
    return f"{d.text!r} = {d.start.isoformat()} ({d.granularity})"


def _says(
    rec: Event | Claim | Position, names: Names, short: Callable[[str], str]
) -> tuple[str, ...]:
    if isinstance(rec, Event):
        what = rec.event_type + (f"/{rec.mode}" if rec.mode else "")
        who = names.some(rec.actor_ids) or "?"
        whom = f" -> {names.some(rec.recipient_ids)}" if rec.recipient_ids else ""
        place = names.place(rec.place_id) if rec.place_id else "none"
        return (
            f"{what} {rec.status}: {who}{whom}",
            f"date {_date(rec.date)}; place {place}",
        )
    if isinstance(rec, Claim):
        via = f" (via {names.actor(rec.via_id)})" if rec.via_id else ""
        about = f"; about {short(rec.about_event_id)}" if rec.about_event_id else ""
        return (
            f"{names.actor(rec.speaker_id)}{via}, {rec.cue!r}: {rec.stance}, "
            f"verification {rec.reporter_verification}",
            f"date {_date(rec.date)}{about}",
        )
    return (
        f"{names.actor(rec.actor_id)} on {rec.issue_id}: stance {rec.stance:+d}",
        rec.position,
    )


def record_items(corpus: Corpus, source_id: str, short: Callable[[str], str] = str) -> list[Item]:
    """The source's records still marked draft, in text order (`short` shortens ids shown)."""
    names = Names(corpus)
    found: list[Event | Claim | Position] = [
        rec
        for records in (corpus.events, corpus.claims, corpus.positions)
        for rec in records
        if rec.source_id == source_id and rec.draft
    ]
    items = []
    for rec in found:
        ev = rec.evidence
        kind, rid = identify(rec)
        items.append(
            Item(
                rid,
                kind,
                rec.confidence,
                ev.start,
                ev.end,
                ev.quote,
                _says(rec, names, short),
                refs_of(rec),
                links_of(rec),
            )
        )
    rank = {kind: n for n, kind in enumerate(LISTS)}
    return sorted(items, key=lambda item: (item.start, rank[item.kind], item.end, item.rid))


def _actor_says(a: Actor) -> str:
    bits = [a.kind, a.country_iso3 or f"no country{NEEDED if a.kind in COUNTRY_REQUIRED else ''}"]
    bits += [f"office {a.office}"] if a.office else []
    bits += [f"sector {a.sector}"] if a.sector else []
    bits += [f"parent {a.parent_id}"] if a.parent_id else []
    return f"{a.name}: " + ", ".join(bits)


def _place_says(p: Place) -> str:
    where = "no coordinates" if math.isnan(p.lat) else f"{p.lat:.4f}, {p.lon:.4f} ({p.precision})"
    how = f"geonames {p.geonameid}" if p.geonameid else f"by hand: {p.coord_note}"
    return f"{p.name}: {p.kind}, {p.country_iso3 or 'no country'}, {where}, {how}"


def proposal_items(
    corpus: Corpus, edit: Edit | None, users: dict[tuple[str, str], set[str]]
) -> list[Item]:
    """The proposed actors and places of one annotation file, with the records that use them."""
    if edit is None:
        return []
    actors = {a.actor_id: a for a in corpus.actors}
    places = {p.place_id: p for p in corpus.places}
    items = []
    for kind, (key, _, _) in PROPOSALS.items():
        for rec in edit.items(key):
            pid = str(rec.get("id"))
            conf = rec.get("confidence")
            confidence = float(conf) if isinstance(conf, int | float) else None
            found: Any = actors.get(pid) if kind == "actor" else places.get(pid)
            if found is None:
                continue
            line = _actor_says(found) if kind == "actor" else _place_says(found)
            used = sorted(users.get((kind, pid), set()))
            use = f"used by {', '.join(used)}" if used else "used by no record"
            items.append(Item(pid, kind, confidence, -1, -1, "", (line, use)))
    return items


def ordered(items: list[Item], order: str) -> list[Item]:
    """Records in text order, or the least sure first; proposals after the records."""
    records = [i for i in items if not i.proposal]
    if order == "confidence":
        records.sort(key=lambda i: (i.confidence is None, i.confidence or 0.0, i.start))
    return records + [i for i in items if i.proposal]


def fit(line: str, width: int) -> str:
    """`line` cut to `width` characters, an ellipsis marking the cut."""
    return line if len(line) <= width else line[: width - 1] + "…"


def block(item: Item, width: int) -> list[str]:
    """An item as lines no wider than `width`: id, kind, confidence; what it says; its quote."""
    conf = f"  confidence {item.confidence:.2f}" if item.confidence is not None else ""
    lines = [fit(f"{item.rid}  {item.label}{conf}", width)]
    lines += [fit(f"    {line}", width) for line in item.says]
    if item.start >= 0:
        head = f"    quote {item.start}-{item.end}: "
        flat = " ".join(item.quote.split())
        lines.append(fit(f"{head}“{flat}”", width))
    return lines


def render(
    source_id: str,
    path: Path | str,
    items: list[Item],
    *,
    order: str = "text",
    width: int = WIDTH,
    elsewhere: Sequence[str] = (),
) -> str:
    """The listing of `newsbrief review SOURCE`; `elsewhere` says where other files propose
    what these drafts use."""
    labels = [*LISTS, *(f"proposed {kind}" for kind in PROPOSALS)]
    counts = {label: sum(item.label == label for item in items) for label in labels}
    what = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items() if n)
    if not items:
        return f"{source_id}: no drafts left to review ({path})"
    how = "in text order" if order == "text" else "least confident first"
    lines = [
        fit(f"{source_id}: {what}", width),
        fit(f"{path}, {how}", width),
    ]
    for item in ordered(items, order):
        lines += ["", *block(item, width)]
    if any("*" in line for item in items if not item.proposal for line in item.says):
        lines += ["", "* proposed actor or place: accepting a record that uses it accepts it too"]
        lines += [fit(f"  {line}", width) for line in elsewhere]
    lines += [
        "",
        fit(f"newsbrief review {source_id} --accept ID... --reject ID...", width),
        fit(
            f"  (ids as listed, or without '{source_id}-'; --accept-all, --reject-all: the rest)",
            width,
        ),
    ]
    return "\n".join(lines)
