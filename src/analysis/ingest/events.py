"""Candidate events: one draft per predicate of the dependency parse, typed by the PLOVER lexicon.

A predicate is a verb that predicates.py types ("shelled", "pulled out of", "imposed
sanctions", "held talks"). Its subject gives the actors and its object (or the object of "to",
"with", "against", "on") the recipients, read from the mentions that cover those words; in the
passive the `by` agent acts and the subject undergoes it. An interception is an assault that
failed: the weapon's owner acts (the registry's unidentified armed forces when the text does not
say whose), the interceptor is the recipient, the outcome `intercepted`. A verb that carries its
content in an infinitive ("threatened to strike", "pledged to send") makes one event, not two.

An event noun is drafted only with its own participants ("Russia's attack on the port",
"sanctions from the West against Moscow"), or in a time phrase of a clause whose subject acts
("during a visit to North Korea, Shoigu ..."): "sanctions remain in place" reports no event.

The status reads the parse: a negation of the verb or of what governs it ("did not", "never",
"failed to"), a modal ("will": future; "may", "could", "would": hypothetical), a governing verb
("plans to", "is expected to": future; "is considering": hypothetical), a condition ("if"), and
the date (well before publication: historical). Force a speaker says their side will or could
use is a THREATEN by the speaker ("Medvedev said Moscow would strike Berlin if ..."); the verbs
of a quotation (the speaker's words) and of a condition ("if Berlin delivered ...") are not
drafted. The headline is read like a caption, at a lower confidence; its event is drafted even
when the body tells it again (each predicate is one draft, as the development set codes it).
Two predicates of one sentence are two drafts even when type and actors agree ("promised 120
transformers, the first of which Tokyo will ship next month"). An event's place is its
clause's (`eventplace`); its participants may be a craft or "the two leaders" named before
(`participants`). An event whose text matches no topic keyword takes the paragraph's or the
article's topics, else the nearest project topic (`nearest_topic`), each time at a lower
confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis import codes
from analysis.ingest import modality, nlp
from analysis.ingest import predicates as pred
from analysis.ingest.arguments import (
    Args,
    Predicate,
    predicates,
    roles,
    subject_of,
    unidentified,
    unique,
)
from analysis.ingest.attribution import Attribution
from analysis.ingest.dates import DateMention
from analysis.ingest.eventplace import place_of
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.mentions import Mention
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence
from analysis.ingest.verbs import sense_of

MAX_PER_SENTENCE = 4
_AIMED = frozenset({"at", "on", "against"})  # "fired a missile at a port": an assault
_MODE_HINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ASSAULT": (
        ("drone", "drone"),
        ("missile", "heavy-weapons"),
        ("artillery", "heavy-weapons"),
        ("shell", "heavy-weapons"),
        ("rocket", "heavy-weapons"),
        ("airstrike", "heavy-weapons"),
        ("gunfire", "firearms"),
        ("shot dead", "firearms"),
    ),
    "MOBILIZE": (("weapon", "weapons"), ("troops", "troops")),
}
TOPIC_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("grain_deal", r"grain deal|Grain Initiative|grain exports|rejoin the grain"),
    ("food_security", r"\bfood\b|hunger|famine|poorest countries|tons of grain"),
    ("espionage", r"\bspy|spying|espionage|intelligence agency"),
    ("human_trafficking", r"trafficking|coerced .* into fighting"),
    ("military_aid", r"military aid|weapons and other|aid package|weapons deliveries"),
    ("counteroffensive", r"counteroffensive|front line|frontline"),
    (
        "ukraine_defense_leadership",
        r"defense minister|defence minister|Defense Ministry of Ukraine|Umerov|corruption",
    ),
    (
        "security_incident",
        r"\bdrones?\b|missiles?|intercept|air defen[cs]es|shelling|explosion|strikes?\b|attack",
    ),
    (
        "arms_cooperation",
        r"munitions|arms deal|weapons supplies|naval exercise|trilateral exercise|"
        r"military cooperation|weapons",
    ),
    (
        "russia_dprk_summitry",
        r"\bKim\b.*\b(?:visit|meet|talks|letters|summit)|"
        r"(?:visit|meet|talks|letters|summit).*\bKim\b|leader-level",
    ),
)
_TOPICS = tuple((t, re.compile(rx)) for t, rx in TOPIC_KEYWORDS if t in codes.TOPICS)
#: The nearest project topic of a draft when no topic keyword occurs anywhere in the text (a
#: record needs one; docs/ingest.md "Known limits"): by the event's context, else its type. The
#: draft's confidence is halved so that a reviewer sees it first.
_CONTEXT_TOPIC: dict[str, str] = {
    "military": "security_incident",
    "legal": "espionage",
    "economic": "grain_deal",
    "diplomatic": "russia_dprk_summitry",
    "executive": "ukraine_defense_leadership",
}
_TYPE_TOPIC: dict[str, str] = {
    "AID": "military_aid",
    "MOBILIZE": "arms_cooperation",
    "COOPERATE": "arms_cooperation",
    "RETREAT": "counteroffensive",
    "APPOINT": "ukraine_defense_leadership",
}


def nearest_topic(event_type: str, contexts: Sequence[str]) -> str:
    """The project topic nearest to an event of a new subject (see _CONTEXT_TOPIC)."""
    if event_type in _TYPE_TOPIC:
        return _TYPE_TOPIC[event_type]
    for context in contexts:
        if context in _CONTEXT_TOPIC:
            return _CONTEXT_TOPIC[context]
    return "security_incident"


@dataclass(frozen=True)
class EventDraft:
    """A candidate event: the suggested coding and the evidence it rests on."""

    sentence: int
    cue: str
    cue_start: int
    type: str
    mode: str
    contexts: tuple[str, ...]
    status: str
    date: DateMention | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str
    outcome: str
    topics: tuple[str, ...]
    evidence: tuple[int, int]
    confidence: float


def topics_of(text: str) -> tuple[str, ...]:
    """The project topics (analysis.codes.TOPICS) whose keywords occur in the text."""
    return tuple(t for t, rx in _TOPICS if rx.search(text))


def _status(head: Any, date: DateMention | None, published: dt.date, headline: bool) -> str:
    status = modality.status_of(head, headline=headline)
    if (
        status == "factual"
        and date is not None
        and date.value_end is not None
        and date.value_end < published - dt.timedelta(days=7)
    ):
        return "historical"
    return status


# --- drafts ----------------------------------------------------------------------------------


def _clause_range(head: Any, base: int) -> tuple[int, int]:
    """Text offsets of the head's own clause: its subtree without subordinate clauses."""
    sub = {"ccomp", "advcl", "relcl", "parataxis", "conj"}
    toks = [head]
    stack = [c for c in head.children if c.dep_ not in sub]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack += [c for c in t.children if c.dep_ not in sub]
    return base + min(t.idx for t in toks), base + max(t.idx + len(t) for t in toks)


def _date(head: Any, base: int, dates: Sequence[DateMention], skip: set[int]) -> DateMention | None:
    for tok in modality.chain(head, modality.DATE_CHAIN):
        c0, c1 = _clause_range(tok, base)
        inside = [d for d in dates if c0 <= d.start < c1 and d.start not in skip]
        if inside:
            at = base + head.idx
            return min(inside, key=lambda d: abs(d.start - at))
    rest = [d for d in dates if d.start not in skip]
    at = base + head.idx
    return min(rest, key=lambda d: abs(d.start - at)) if rest else None


def _mode(sense: pred.Sense, clause_text: str) -> str:
    mode = sense.mode
    for hint, hint_mode in _MODE_HINTS.get(sense.type, ()):
        if hint in clause_text and hint_mode in codes.PLOVER_MODES[sense.type]:
            mode = hint_mode
            break
    return mode if mode in codes.PLOVER_MODES.get(sense.type, frozenset()) else ""


def quotations(
    folded: str, sentence: Sentence, inside: bool, span: Any, base: int
) -> list[tuple[int, int]]:
    """The speaker's words in a sentence: quotations of more than four words or with a
    subject of their own ("Russia will strike again"), and any part of a quotation that opens
    before the sentence or closes after it. A short quoted fragment ("neutralize and
    dismantle") is part of the reporter's sentence."""
    out: list[tuple[int, int]] = []
    at, began_before = sentence.start, inside
    marks = [i for i in range(sentence.start, sentence.end) if folded[i] == '"']
    for mark in [*marks, sentence.end]:
        end = min(mark + 1, sentence.end)
        runs_on = mark == sentence.end
        clause = any(at <= base + t.idx < end and t.dep_ in ("nsubj", "nsubjpass") for t in span)
        if inside and (began_before or runs_on or clause or len(folded[at:end].split()) > 4):
            out.append((at, end))
        at, inside, began_before = mark, not inside, False
    return out


def candidates(
    folded: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    lexicon: Lexicon,
    published: dt.date,
    claims: Sequence[Attribution] = (),
    *,
    parse: Parse | None = None,
) -> list[EventDraft]:
    """The candidate events of a document, in text order: one per predicate of the parse.

    A claim's attribution ("..., X said Monday") is not part of the events it reports: its date
    is left out of them. Without a parse there are no candidates.
    """
    if parse is None:
        return []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    starts = [s.start for s in sentences]  # dates and claims by sentence: linear in the text
    dates_in: dict[int, list[DateMention]] = {}
    for d in dates:
        dates_in.setdefault(bisect_right(starts, d.start) - 1, []).append(d)
    claims_in: dict[int, list[Attribution]] = {}
    for c in claims:
        claims_in.setdefault(c.sentence, []).append(c)
    doc_topics = topics_of(folded)
    block_topics: dict[int, tuple[str, ...]] = {}
    for sent in sentences:
        block_topics[sent.block] = block_topics.get(sent.block, ()) + topics_of(
            folded[sent.start : sent.end]
        )
    out: list[EventDraft] = []
    block_start: dict[int, int] = {}
    organs: dict[str, str] = {}  # organs and craft by their words, as Args learns them
    parties: list[str] = []  # the parties of the last event drafted ("the two leaders")
    for index, sentence in enumerate(sentences):
        span = parse.span(sentence.start, sentence.end)
        if span is None or not len(span):
            continue
        base = parse.offset(span[0]) - span[0].idx
        text = folded[sentence.start : sentence.end]
        first = block_start.setdefault(sentence.block, sentence.start)
        inside = folded.count('"', first, sentence.start) % 2 == 1
        skip = [(a - base, b - base) for a, b in quotations(folded, sentence, inside, span, base)]
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        args = Args(base, own, lexicon, organs, parties)
        places = [m for m in own if m.kind == "place" and m.independent]
        attribution_dates = {c.date.start for c in claims_in.get(index, ()) if c.date is not None}
        sentence_dates = [d for d in dates_in.get(index, ()) if d.start < sentence.end]
        drafted: list[EventDraft] = []
        found = predicates(span, skip)
        verbal = any(not p.nominal for p in found)
        again = reread_headline(span) if not verbal and sentence.kind == "headline" else None
        if again is not None and not skip:  # "Russian warship fires warning shots": a noun
            span, base = again, parse.offset(span[0])
            args = Args(base, own, lexicon, organs, parties)
            found = predicates(span)
        for p in found:
            event = _draft(
                p,
                index,
                sentence,
                args,
                places,
                sentence_dates,
                attribution_dates,
                lexicon,
                published,
                folded,
            )
            if event is None:
                continue
            topics = topics_of(text)
            if not topics:
                topics = tuple(dict.fromkeys(block_topics.get(sentence.block, ()))) or doc_topics
                event = replace(event, confidence=round(event.confidence * 0.8, 2))
            if not topics:
                topics = (nearest_topic(event.type, event.contexts),)
                event = replace(event, confidence=round(event.confidence * 0.5, 2))
            if any(d.cue_start == event.cue_start and d.type == event.type for d in drafted):
                continue  # one draft per predicate
            drafted.append(replace(event, topics=topics[:3]))
            args.parties[:] = list(unique((*event.actors, *event.recipients)))
        unknown = unidentified(lexicon)
        named = {d.type for d in drafted if unknown not in d.actors}
        # "were killed in a Russian strike": the strike's owner acts, not unidentified forces
        drafted = [
            d
            for d in drafted
            if not (unknown in d.actors and d.type in named and d.outcome != "intercepted")
        ]
        drafted.sort(key=lambda e: -e.confidence)
        out += sorted(drafted[:MAX_PER_SENTENCE], key=lambda e: e.cue_start)
    return out


def reread_headline(span: Any) -> Any | None:
    """A headline whose verb the parser read as a plural noun ("Russian warship fires warning
    shots"), parsed again with the verb in the past ("fired": as long as "fires", so offsets
    hold); None when nothing is to be reread or the new parse finds no verb either."""
    if any(t.tag_ in ("VBZ", "VBD", "VBP") for t in span):
        return None  # a finite verb: the parse has the headline's predicate
    suspect = next(
        (t for t in span[1:] if t.tag_ == "NNS" and t.lower_.endswith("es") and len(t) > 4),
        None,
    )
    if suspect is None:
        return None
    at = suspect.idx - span[0].idx
    text = span.text
    variant = text[:at] + suspect.text[:-1] + "d" + text[at + len(suspect) :]
    doc = nlp.pipeline()(variant)
    verbs = [t for t in doc if t.pos_ == "VERB" and t.idx == at]
    return doc[:] if verbs else None


def _draft(
    p: Predicate,
    index: int,
    sentence: Sentence,
    args: Args,
    places: Sequence[Mention],
    dates: Sequence[DateMention],
    attribution_dates: set[int],
    lexicon: Lexicon,
    published: dt.date,
    folded: str,
) -> EventDraft | None:
    if p.content is not None and not _own_side(p, args, lexicon):
        found = sense_of(p.content)  # "Kuleba said Russia will strike": a forecast, no threat
        if found is None:
            return None
        p = Predicate(p.content, found[0], found[1])
    actors, recipients, confidence = roles(p, args, lexicon)
    actors = list(unique(actors))
    if not actors:
        return None
    recipients = [r for r in unique(recipients) if r not in actors]
    sense = p.sense
    if (
        sense.type == "ASSAULT"
        and not recipients
        and not p.nominal
        and str(p.head.lemma_).lower() in pred.LAUNCHES
        and any(str(t.lemma_).lower() in pred.WEAPONS for t in p.cue[1:])
        and not any(
            c.dep_ == "prep" and c.lower_ in _AIMED and g.ent_type_ not in ("DATE", "TIME")
            for c in p.head.children
            for g in c.children
        )
    ):
        sense = pred.Sense("MOBILIZE", "weapons", sense.contexts)  # "fired missiles into the sea"
    p = replace(p, sense=sense)
    if actors == [unidentified(lexicon)] and sense.type != "ASSAULT":
        return None  # an unnamed operator only attacks: "the drone had been launched" is none
    parties = {(lexicon.actors[a].parent_id if a in lexicon.actors else "") or a for a in actors}
    if p.sense.partner and not recipients and len(parties) < 2:
        return None  # "discussed the plan": no second party, no consultation
    c0, c1 = _clause_range(p.head, args.base)
    place = place_of(places, p.head, args.base, (c0, c1), p.sense)
    visits = p.sense.mode == "visit" and str(p.head.lemma_).lower() != "host"
    if visits and place and place in lexicon.places:
        host = lexicon.state_of(lexicon.places[place].country_iso3)
        if host and host not in actors and host not in recipients:
            recipients.append(host)
    date = _date(p.head, args.base, dates, attribution_dates)
    headline = sentence.kind == "headline"
    status = _status(p.head, date, published, headline)
    if status == "factual" and p.sense.type == "AID" and str(p.head.lemma_) in pred.PLEDGES:
        status = "future"  # "pledged $1.5 billion": the aid is to come
    if sentence.kind in ("caption", "headline"):
        confidence *= 0.5
    cue_tokens = sorted(p.cue, key=lambda t: t.i)
    s = args.base + cue_tokens[0].idx
    e = args.base + cue_tokens[-1].idx + len(cue_tokens[-1])
    if len(cue_tokens) > 1 and cue_tokens[-1].i - cue_tokens[0].i > 4:
        s, e = args.base + p.head.idx, args.base + p.head.idx + len(p.head)  # the verb alone
    return EventDraft(
        index,
        folded[s:e],
        s,
        p.sense.type,
        _mode(p.sense, folded[c0:c1]),
        p.sense.contexts,
        status,
        date,
        unique(actors),
        unique(recipients),
        place,
        p.sense.outcome,
        (),
        (sentence.start, sentence.end),
        round(confidence, 2),
    )


def _own_side(p: Predicate, args: Args, lexicon: Lexicon) -> bool:
    """Whether the force a speaker speaks of is the speaker's own side's (a threat)."""
    assert p.content is not None
    doer = subject_of(p.content)
    if doer is not None and doer.lower_ in ("we", "i", "it", "they"):
        return True
    speakers = args.actors(subject_of(p.head), places=True)
    doers = args.actors(doer, places=True)

    def countries(ids: Sequence[str]) -> set[str]:
        return {lexicon.actors[i].country_iso3 for i in ids if i in lexicon.actors} - {""}

    return bool(set(speakers) & set(doers) or countries(speakers) & countries(doers))
