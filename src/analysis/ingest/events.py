"""Candidate events: a verb or noun cue suggests a PLOVER type; mentions fill who, whom and where.

Each cue of the table below found in a sentence (outside quotation marks) makes one candidate
event: the actors are the mentions before the cue in its clause (or the owner of a weapon, "a
Ukrainian drone"), the recipients those after it; a passive cue swaps them ("was arrested" — the
arrested is the recipient, `by X` the actor). An interception is an assault that failed: the
drone's owner acts (the registry's unidentified armed forces when the text does not say whose),
the interceptor is attacked, and the outcome is `intercepted`. The place is the first place
after a locative preposition ("in", "over"); the date the nearest date expression. The status
reads negation ("did not"), the future ("plans to", "will"), possibility ("could", "possibly",
"proposed") and the date (well before publication: historical). Topics come from keywords.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analysis import codes
from analysis.ingest.attribution import Attribution
from analysis.ingest.dates import FUTURE, DateMention
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.mentions import Mention
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence


@dataclass(frozen=True)
class Cue:
    pattern: str
    type: str
    mode: str = ""
    contexts: tuple[str, ...] = ()
    nominal: bool = False  # a noun cue ("talks", "attack"): owners before, targets after
    outcome: str = ""


_MIL, _DIP, _ECO, _LEG = ("military",), ("diplomatic",), ("economic",), ("legal",)
CUES: tuple[Cue, ...] = (
    Cue(r"intercepted|shot down|downed", "ASSAULT", "", _MIL, outcome="intercepted"),
    Cue(
        r"attack(?:ed|s|ing)?|struck|strikes?|shell(?:ed|ing)|bomb(?:ed|ing)|hit|"
        r"fired|launched|targeted|pounded|killed|wounded",
        "ASSAULT",
        "",
        _MIL,
    ),
    Cue(r"counteroffensive|offensive|fighting|clashes", "ASSAULT", "", _MIL, nominal=True),
    Cue(r"entered|crossed into|violated", "ASSAULT", "", _MIL),
    Cue(r"visit(?:ed|s|ing)?|trip to", "CONSULT", "visit", _DIP),
    Cue(
        r"met|meet(?:s|ing)?|talks|summit|discuss(?:ed|es|ing)?|discussions|consultations|"
        r"negotiations|swapped letters|exchanged letters|phone call|spoke with",
        "CONSULT",
        "",
        _DIP,
    ),
    Cue(r"pledged|promised|vowed|agreed|signed|offered|proposed|committed", "AGREE", "", _DIP),
    Cue(r"praised|backed|endorsed|supported|welcomed|worked with", "SUPPORT", "", _DIP),
    Cue(
        r"rejoin(?:ed|s|ing)?|revive[ds]?|reviving|restored?|cooperat(?:e|ed|ion)|"
        r"joint (?:naval |military )?exercises?|(?:naval |military |trilateral )?exercises?|"
        r"drills",
        "COOPERATE",
        "",
        _MIL,
    ),
    Cue(
        r"provid(?:e|ed|es|ing)|suppl(?:y|ied|ies|ying)|deliver(?:ed|ies|y)?|sent|send|"
        r"aid|munitions",
        "AID",
        "",
        _MIL,
    ),
    Cue(
        r"withdr(?:ew|awn|awing)|retreat(?:ed)?|released|ceasefire|resign(?:ed)?",
        "RETREAT",
        "",
        _MIL,
    ),
    Cue(r"demanded|demands? that|urged|called for|asked|requested|appealed", "REQUEST", "", _DIP),
    Cue(
        r"accus(?:ed|es|ing)|condemn(?:ed|s)?|criticiz(?:ed|es)|blamed|denounced|"
        r"referred to|described",
        "ACCUSE",
        "disapprove",
        _DIP,
    ),
    Cue(r"charged|trial|indicted|sued|prosecuted", "ACCUSE", "allege", _LEG),
    Cue(r"identified|investigat(?:ed|ing|ion)|probe", "ACCUSE", "investigate", _LEG),
    Cue(r"rejected|refused|declined|vetoed|not be restored", "REJECT", "", _DIP),
    Cue(r"threaten(?:ed|s)?|warned", "THREATEN", "", _DIP),
    Cue(r"protest(?:ed|s|ers)?|demonstrat(?:ed|ions|ors)|rall(?:y|ied)", "PROTEST", "", ()),
    Cue(
        r"sanction(?:ed|s)?|pull(?:ed|ing) out|quit|suspended|expelled|cut ties",
        "SANCTION",
        "",
        _ECO,
    ),
    Cue(r"mobiliz(?:ed|ation)|deployed|bolster|build(?:ing)? up|massed", "MOBILIZE", "", _MIL),
    Cue(
        r"arrest(?:ed)?|detain(?:ed)?|seized|banned|coerced|deported|dismantle|neutralize|"
        r"raided|jailed|sentenced",
        "COERCE",
        "",
        _LEG,
    ),
    Cue(r"named|appointed|nominated|pick for", "APPOINT", "", ("executive",)),
)
_MODE_HINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ASSAULT": (
        ("drone", "drone"),
        ("missile", "heavy-weapons"),
        ("artillery", "heavy-weapons"),
        ("shell", "heavy-weapons"),
        ("rocket", "heavy-weapons"),
        ("gunfire", "firearms"),
        ("shot dead", "firearms"),
    ),
    "COERCE": (
        ("arrest", "arrest"),
        ("detain", "arrest"),
        ("banned", "ban"),
        ("deport", "deport"),
        ("seized", "confiscate"),
    ),
    "SANCTION": (("pull", "withdraw"), ("quit", "withdraw"), ("expelled", "expel")),
    "MOBILIZE": (("weapons", "weapons"), ("troops", "troops")),
    "RETREAT": (("withdr", "withdraw"), ("released", "release"), ("resign", "resign")),
}
_COMPILED = tuple((re.compile(rf"\b(?:{c.pattern})\b"), c) for c in CUES)
_COLLOCATIONS = re.compile(
    r"\bstruck a (?:tone|deal|chord|balance)\b|\bhit (?:back|out)\b|"
    r"\bsent (?:a message|a signal)\b|\bmet with (?:skepticism|criticism)\b"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_NEGATION = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|has not|have not|had not|not|never|"
    r"failed to|no longer)\s+(?:\w+\s+)?$"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:possible|possibly|possibility|may|might|could|would|"
    r"proposed|potential|whether|if|considering|consider)\b"
)
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|which|who|as|after|before|despite)\b|"
    r",\s+(?:and\s+)?(?:the|its|his|her|their)?\s*[\w'-]+\s+(?:said|added|"
    r"reported|wrote)\b"
)
#: Quotations of more than a few words are the speaker's: their verbs are not the reporter's
#: events. A short fragment ("neutralize and dismantle") is part of the reporter's sentence.
_QUOTED = re.compile(r"\"(?:[^\"\s]+\s+){4,}[^\"]*\"")
MAX_PER_SENTENCE = 6
_LOCATIVE_PLACE = ("locative",)
TOPIC_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("grain_deal", r"grain deal|Grain Initiative|grain exports|rejoin the grain"),
    ("food_security", r"\bfood\b|hunger|famine|poorest countries|tons of grain"),
    ("espionage", r"\bspy|spying|espionage|intelligence agency"),
    ("human_trafficking", r"trafficking|coerced .* into fighting"),
    ("military_aid", r"military aid|weapons and other|aid package|weapons deliveries"),
    ("counteroffensive", r"counteroffensive|front line|frontline"),
    (
        "ukraine_defense_leadership",
        r"defense minister|defence minister|Defense Ministry of "
        r"Ukraine|Umerov|corruption",
    ),
    (
        "security_incident",
        r"\bdrones?\b|missiles?|intercept|air defen[cs]es|shelling|"
        r"explosion|strikes?\b|attack",
    ),
    (
        "arms_cooperation",
        r"munitions|arms deal|weapons supplies|naval exercise|"
        r"trilateral exercise|military cooperation|weapons",
    ),
    (
        "russia_dprk_summitry",
        r"\bKim\b.*\b(?:visit|meet|talks|letters|summit)|"
        r"(?:visit|meet|talks|letters|summit).*\bKim\b|leader-level",
    ),
)
_TOPICS = tuple((t, re.compile(rx)) for t, rx in TOPIC_KEYWORDS if t in codes.TOPICS)


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


def _clause(folded: str, sentence: Sentence, at: int) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_END.finditer(folded, sentence.start, sentence.end):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def _group_before(folded: str, actors: Sequence[Mention], at: int) -> list[Mention]:
    """The nearest actor before `at` and those coordinated with it ("Putin and Kim")."""
    before = [m for m in actors if m.end <= at]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if re.fullmatch(r"\s*,?\s*and\s*", folded[m.end : group[-1].start]):
            group.append(m)
        else:
            break
    return list(reversed(group))


def _group_after(folded: str, actors: Sequence[Mention], at: int, end: int) -> list[Mention]:
    after = [m for m in actors if m.start >= at and m.end <= end]
    if not after:
        return []
    group = [after[0]]
    for m in after[1:]:
        if re.fullmatch(r"\s*(?:,?\s*and|,?\s*or|,)\s*", folded[group[-1].end : m.start]):
            group.append(m)
        else:
            break
    return group


def _unique(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _unidentified(lexicon: Lexicon) -> str:
    """The registry's actor for unidentified armed forces (kind unnamed, sector UAF), if any."""
    for actor in lexicon.actors.values():
        if actor.kind == "unnamed" and actor.sector == "UAF":
            return actor.actor_id
    return ""


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
    """The candidate events of a document, in text order.

    A claim's attribution ("..., X said Monday") is not part of the events it reports: its
    speaker and its date are left out of the events whose cue comes before it.
    """
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[EventDraft] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    doc_topics = topics_of(folded)
    block_topics: dict[int, tuple[str, ...]] = {}
    for sent in sentences:
        block_topics[sent.block] = block_topics.get(sent.block, ()) + topics_of(
            folded[sent.start : sent.end]
        )
    for index, sentence in enumerate(sentences):
        text = folded[sentence.start : sentence.end]
        quoted = [
            (sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTED.finditer(text)
        ]
        blocked = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in _COLLOCATIONS.finditer(text)
        ]
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        actors = [m for m in own if m.kind == "actor" and m.independent]
        places = [m for m in own if m.kind == "place" and m.independent]
        sentence_dates = [d for d in dates if sentence.start <= d.start < sentence.end]
        found: list[tuple[int, int, Cue]] = []
        for rx, cue in _COMPILED:
            for mt in rx.finditer(folded, sentence.start, sentence.end):
                s, e = mt.span()
                if any(a <= s < b for a, b in quoted + blocked):
                    continue
                if any(ms <= s < me for ms, me in ((x.start, x.end) for x in own)):
                    continue  # inside a name ("Defense Ministry", "Grain Initiative")
                found.append((s, e, cue))
        hits: list[tuple[int, int, Cue]] = []
        for s, e, cue in sorted(found, key=lambda h: (h[0] - h[1], h[0])):
            if not any(s < he and hs < e for hs, he, _ in hits):  # the longest cue wins
                hits.append((s, e, cue))
        said = [c for c in claims if c.sentence == index]
        for s, e, cue in sorted(hits, key=lambda h: h[0])[:MAX_PER_SENTENCE]:
            later = [c for c in said if c.cue_start > s]
            skip = {
                m.start
                for c in later
                for m in own
                if m.start == c.speaker.start or c.cue_start <= m.start < c.cue_end
            }
            skip_dates = {c.date.start for c in later if c.date is not None}
            event = _event(
                folded,
                sentence,
                index,
                s,
                e,
                cue,
                [m for m in actors if m.start not in skip],
                places,
                [d for d in sentence_dates if d.start not in skip_dates],
                lexicon,
                published,
            )
            if event is None:
                continue
            topics = topics_of(text)
            if not topics:  # the paragraph's or the article's topics: less sure
                topics = tuple(dict.fromkeys(block_topics.get(sentence.block, ()))) or doc_topics
                event = replace(event, confidence=round(event.confidence * 0.8, 2))
            if not topics:
                continue
            key = (index, event.type, event.actors, event.recipients)
            if key in seen:
                continue
            seen.add(key)
            out.append(replace(event, topics=topics[:3]))
    return out


def _event(
    folded: str,
    sentence: Sentence,
    index: int,
    s: int,
    e: int,
    cue: Cue,
    actors: Sequence[Mention],
    places: Sequence[Mention],
    dates: Sequence[DateMention],
    lexicon: Lexicon,
    published: dt.date,
) -> EventDraft | None:
    c0, c1 = _clause(folded, sentence, s)
    in_clause = [m for m in actors if c0 <= m.start and m.end <= c1]
    before_text = folded[max(sentence.start, s - 30) : s]
    passive = bool(_PASSIVE_BEFORE.search(before_text)) and not cue.nominal
    subject = _group_before(folded, in_clause, s) or _group_before(folded, actors, s)
    objects = _group_after(folded, in_clause, e, c1)
    by_agent = [
        m
        for m in objects
        if re.search(r"\bby\s+(?:the\s+)?$", folded[max(e, m.start - 8) : m.start])
    ]
    outcome = cue.outcome
    confidence = 0.6
    if cue.outcome == "intercepted":
        # "X's air defenses intercepted a Ukrainian drone": Ukraine attacked X, and failed
        weapon = [m for m in objects if m.via == "weapon"]
        doers = [m.id for m in weapon] or (
            [_unidentified(lexicon)] if _unidentified(lexicon) else []
        )
        done_to = [m.id for m in subject]
        actor_ids, recipient_ids = doers, done_to
    elif passive:
        actor_ids = [m.id for m in by_agent]
        recipient_ids = [m.id for m in subject]
        if not actor_ids and cue.type in ("COERCE", "ACCUSE"):
            # "was arrested": the authorities of the person's country, for a reviewer to check
            states = [lexicon.state_of(lexicon.actors[r].country_iso3) for r in recipient_ids]
            actor_ids = [x for x in states if x]
            confidence = 0.3
        if not actor_ids and cue.type == "ASSAULT":
            actor_ids = [_unidentified(lexicon)] if _unidentified(lexicon) else []
            confidence = 0.3
    else:
        actor_ids = [m.id for m in subject]
        recipient_ids = [m.id for m in objects]
        if cue.nominal and not actor_ids and objects:
            actor_ids, recipient_ids = [objects[0].id], [m.id for m in objects[1:]]
    place = _place(places, c0, c1)
    if not actor_ids and cue.type in ("ACCUSE", "COERCE") and cue.contexts == _LEG and place:
        # a trial or an arrest with no agent named: the state where it happens, for review
        state = lexicon.state_of(lexicon.places[place].country_iso3)
        actor_ids = [state] if state else []
        confidence = 0.3
    actor_ids = [a for a in actor_ids if a]
    if not actor_ids:
        return None
    if cue.mode == "visit" and place:
        host = (
            lexicon.state_of(lexicon.places[place].country_iso3)
            if lexicon.places[place].kind == "country"
            else None
        )
        if host and host not in actor_ids:
            recipient_ids = [*recipient_ids, host]
    recipient_ids = [r for r in recipient_ids if r not in actor_ids]
    date = min(dates, key=lambda d: abs(d.start - s)) if dates else None
    clause_text = folded[c0:c1]
    mode = cue.mode
    for hint, hint_mode in _MODE_HINTS.get(cue.type, ()):
        if hint in clause_text and hint_mode in codes.PLOVER_MODES[cue.type]:
            mode = hint_mode
            break
    if mode and mode not in codes.PLOVER_MODES.get(cue.type, frozenset()):
        mode = ""
    status = _status(folded, sentence, s, c0, c1, date, published)
    if sentence.kind == "caption":
        confidence *= 0.5
    return EventDraft(
        index,
        folded[s:e],
        s,
        cue.type,
        mode,
        cue.contexts,
        status,
        date,
        _unique(actor_ids),
        _unique(recipient_ids),
        place,
        outcome,
        (),
        (sentence.start, sentence.end),
        round(confidence, 2),
    )


def _place(places: Sequence[Mention], c0: int, c1: int) -> str:
    """The first place of the clause after a locative preposition, else any place around."""
    ordered = sorted(
        places, key=lambda m: (not (c0 <= m.start < c1), m.role != "locative", m.start)
    )
    return ordered[0].id if ordered else ""


def _status(
    folded: str,
    sentence: Sentence,
    s: int,
    c0: int,
    c1: int,
    date: DateMention | None,
    published: dt.date,
) -> str:
    before = folded[max(sentence.start, s - 30) : s]
    if _NEGATION.search(before):
        return "negated"
    # markers count shortly before the cue in its clause: "could return" does not make
    # "had visited" in the same clause hypothetical
    window = folded[max(c0, s - 60) : s]
    if FUTURE.search(window) or re.search(r"\b(?:plans?|planning|expects?|set) to\s+$", before):
        return "future"
    if _HYPOTHETICAL.search(window) or _HYPOTHETICAL.fullmatch(
        folded[s : s + 12].split()[0] if folded[s : s + 12].split() else ""
    ):
        return "hypothetical"
    if (
        date is not None
        and date.value_end is not None
        and date.value_end < published - dt.timedelta(days=7)
    ):
        return "historical"
    return "factual"
