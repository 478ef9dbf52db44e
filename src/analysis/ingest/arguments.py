"""Predicates of a parsed sentence and their arguments: who acts, and on whom, by the parse.

`predicates()` lists the verbs the PLOVER lexicon types (predicates.py), leaving out an
infinitive that is the content of a speech act ("threatened to strike"), the verb of a denied
claim ("dismissed claims that drones entered ..."), and an event noun that is a verb's object
("condemned the attack"). `roles()` reads a predicate's actors and recipients from the mentions
that cover its subject and object (passive, interception, control verbs, relative clauses,
participles handled); an event noun needs participants of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis.ingest import modality
from analysis.ingest import predicates as pred
from analysis.ingest.lexicon import DEMONYMS, Lexicon
from analysis.ingest.participants import SPEECH, Args, dated
from analysis.ingest.participants import unique as unique
from analysis.ingest.verbs import lemma as _lemma
from analysis.ingest.verbs import sense_of

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "toward", "towards"})
_AGENT_PREPS = frozenset({"by", "from"})
_TIME_PREPS = frozenset({"during", "after", "before", "following", "ahead"})
_SUSPICIONS = pred.DENIED_CLAIMS | {"suspicion", "suspect", "suspected", "convict", "guilty"}
_STRIKES = frozenset({"strike", "airstrike", "attack", "shelling", "artillery", "shell", "bomb"})
#: Verbs whose object, not their subject, does what the infinitive says ("urged Kyiv to talk").
_OBJECT_CONTROL = frozenset({"urge", "ask", "order", "force", "call", "press", "allow", "help"})


@dataclass(frozen=True)
class Predicate:
    head: Any  # the verb, or the event noun
    sense: pred.Sense
    cue: tuple[Any, ...]
    nominal: bool = False
    content: Any | None = None  # a threat's content: "said Moscow would strike Berlin"


def unidentified(lexicon: Lexicon) -> str:
    """The registry's actor for unidentified armed forces (kind unnamed, sector UAF), if any."""
    for actor in lexicon.actors.values():
        if actor.kind == "unnamed" and actor.sector == "UAF":
            return actor.actor_id
    return ""


def _absorbed(verb: Any) -> bool:
    """An infinitive that is the content of a speech act or commitment ("threatened to strike"),
    or what an accusation accuses of ("accused Azerbaijan of blockading the corridor")."""
    first = verb
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "pcomp" and first.head.lower_ in ("of", "for"):
        owner = first.head.head
        if _lemma(owner) in _SUSPICIONS:
            return True  # "on suspicion of attacking", "charges of spying": alleged, not told
        accuser = sense_of(owner) if owner.pos_ == "VERB" else None
        if accuser is not None and accuser[0].type == "ACCUSE":
            return True
    if first.dep_ != "xcomp":
        return False
    found = sense_of(first.head)
    return found is not None and found[0].absorbs


def _denied(tok: Any) -> bool:
    """The verb of what a denial denies ("dismissed claims that drones entered ..."); not a
    verb of its adjuncts ("denied claims that Russia worsened the crisis by pulling out")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    up = tok.head
    if tok.dep_ in ("ccomp", "xcomp", "dobj", "pcomp") and str(up.lemma_).lower() in pred.DENYING:
        return True  # "the Kremlin denied that Putin had met ...", "denied targeting civilians"
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    up = tok.head
    return (
        tok.dep_ in ("acl", "ccomp", "relcl")
        and str(up.lemma_).lower() in pred.DENIED_CLAIMS
        and str(up.head.lemma_).lower() in pred.DENYING
    )


def _threat_content(verb: Any, sense: pred.Sense) -> bool:
    """Force or a sanction a speaker says will or could come: the statement is a threat
    ("Medvedev said Moscow would strike Berlin if ...")."""
    if sense.type not in pred.CONFLICT_TYPES or verb.dep_ != "ccomp":
        return False
    if str(verb.head.lemma_).lower() not in SPEECH | {"warn"}:
        return False
    if not any(c.dep_ == "nsubj" for c in verb.head.children):
        return False
    # force that will come is threatened; a measure announced for later is not ("China will
    # restrict exports, the ministry said"), unless it is made a condition
    status = modality.status_of(verb)
    return status == "hypothetical" or (status == "future" and sense.type == "ASSAULT")


def _condition(verb: Any) -> bool:
    """The verb of a condition ("if Berlin delivered the missiles"): no event of its own."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    )


def _vows_conflict(verb: Any) -> bool:
    """A pledge whose content is force or a sanction ("vowed to retaliate") is a threat."""
    for c in verb.children:
        if c.dep_ == "xcomp":
            found = sense_of(c)
            if found is not None and pred.CONFLICT_TYPES & {found[0].type}:
                return True
    return False


def _same(noun: Any, sense: pred.Sense) -> bool:
    found = pred.NOUNS.get(_lemma(noun))
    return found is not None and found.type == sense.type


def _agreed(verb: Any) -> pred.Sense | None:
    """What a decision commits its maker to do, when that is a material act ("agreed to lower
    the price cap", "voted to send missiles", "pledged to send tanks"): the act is the event."""
    if _lemma(verb) not in pred.COMMITTING:
        return None
    for c in verb.children:
        if c.dep_ == "xcomp":
            found = sense_of(c)
            if found is not None and found[0].type in pred.MATERIAL_TYPES:
                return found[0]
    return None


def predicates(span: Any, skip: Sequence[tuple[int, int]] = ()) -> list[Any]:
    """The event predicates of a parsed sentence (a spaCy Span), in text order.

    `skip` holds character ranges of the doc (long quotations) whose words are not read. The
    object of a verb predicate ("condemned the attack") is no event of its own.
    """
    out: list[Predicate] = []
    used: set[int] = set()
    for tok in span:
        if any(a <= tok.idx < b for a, b in skip) or tok.pos_ not in ("VERB", "AUX"):
            continue
        found = sense_of(tok)
        if found is None:
            continue
        used.update(c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
        # "Russian strikes killed three": one assault, the verb's
        used.update(c.i for c in tok.children if c.dep_ == "nsubj" and _same(c, found[0]))
        if _absorbed(tok) or _denied(tok) or _condition(tok):
            continue
        sense = found[0]
        content = _agreed(tok) if sense.type == "AGREE" and sense.absorbs else None
        if content is not None:  # "agreed to lower the price cap": the act agreed on
            sense = replace(content, absorbs=True)
        elif sense.type == "AGREE" and sense.absorbs and _vows_conflict(tok):
            sense = pred.Sense("THREATEN", "", sense.contexts)  # "vowed to retaliate"
        if _threat_content(tok, sense):
            threat = pred.Sense("THREATEN", "", ("diplomatic",))
            out.append(Predicate(tok.head, threat, (tok.head,), content=tok))
            continue
        out.append(Predicate(tok, sense, found[1]))
        used.update(t.i for t in found[1])
    for tok in span:
        if tok.i in used or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ == "NNP":
            continue
        if any(a <= tok.idx < b for a, b in skip):
            continue
        noun = pred.NOUNS.get(str(tok.lemma_).lower())
        if noun is not None:
            out.append(Predicate(tok, noun, (tok,), nominal=True))
    return sorted(out, key=lambda p: p.head.i)


def _speech(verb: Any | None) -> bool:
    return verb is not None and str(verb.lemma_).lower() in SPEECH


def _passive(verb: Any) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _governor(tok: Any) -> Any | None:
    """The verb whose clause a participle, prepositional verb or noun phrase belongs to."""
    up = tok.head
    for _ in range(5):
        if up.i == tok.i:
            return None
        if up.pos_ in ("VERB", "AUX"):
            return up
        tok, up = up, up.head
    return None


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    """The token naming who does (or, in the passive, undergoes) what the verb says."""
    if depth > 4:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if len(subjects) > 1:  # "KYIV (AP) — Ukraine's parliament passed": not the dateline
        subjects = [c for c in subjects if not dated(c)] or subjects
    for c in subjects:
        if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head
        return c
    head = verb.head
    if verb.dep_ == "acl" and _lemma(head) in pred.DOCUMENTS:
        gov = _governor(head)  # "adopted a resolution condemning ...": the council condemns
        return subject_of(gov, depth + 1) if gov is not None else None
    if verb.dep_ in ("relcl", "acl"):
        return head
    if verb.dep_ == "xcomp":
        if str(head.lemma_).lower() in _OBJECT_CONTROL:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            objects += [g for c in head.children if c.dep_ == "prep" for g in c.children]
            if objects:
                return objects[0]
        return subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "pcomp", "ccomp") and head.i != verb.i:
        gov = _governor(verb) if verb.dep_ == "pcomp" else head
        return subject_of(gov, depth + 1) if gov is not None else None
    return None


def _armed(verb: Any) -> bool:
    """Whether a clause names a weapon or a strike: its unnamed attacker is an armed force."""
    words = {_lemma(t) for t in verb.subtree} | {_lemma(verb)}
    return bool(words & (pred.WEAPONS | _STRIKES))


def _counted(tok: Any) -> Any:
    """What a number or a quantity counts: "30 of 35 Russian drones", "a barrage of missiles"."""
    if tok.pos_ == "NUM" or _lemma(tok) in pred.CONTAINERS:
        inner = [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
        if inner and inner[0].dep_ == "pobj":
            return inner[0]
    return tok


def _agent(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _targets(head: Any, preps: frozenset[str] = _TARGET_PREPS) -> list[Any]:
    """Objects of a verb, and of its target prepositions (also those its object carries:
    "providing munitions to Moscow")."""
    out = []
    for c in head.children:
        if c.dep_ in ("dobj", "dative"):
            out.append(c)
            out += [
                g
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in preps
                for g in p.children
                if g.dep_ == "pobj"
            ]
        elif (c.dep_ == "prep" or c.dep_ == "prt") and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def roles(p: Predicate, args: Args, lexicon: Lexicon) -> tuple[list[str], list[str], float]:
    """Actors, recipients and a confidence for one predicate."""
    if p.nominal:
        return _noun_roles(p, args)
    if p.content is not None:  # a threat: the speaker threatens the content's targets
        speaker = args.actors(subject_of(p.head), places=True)
        targets = _targets(p.content)
        return speaker, [i for t in targets for i in args.actors(t, places=True)], 0.6
    verb = p.head
    passive = _passive(verb)
    subject = subject_of(verb)
    noun = next((t for t in p.cue[1:] if t.pos_ in ("NOUN", "PROPN")), None)
    preps = _TARGET_PREPS | ({"for"} if p.sense.type in pred.FOR_TYPES else set())
    targets = _targets(verb, preps) + (_targets(noun, preps) if noun is not None else [])
    targets += [g for t in p.cue[1:] for g in t.children if g.dep_ == "pobj"]
    if p.sense.absorbs:
        targets += [t for c in verb.children if c.dep_ == "xcomp" for t in _targets(c)]
    weapon_or_target = [t for t in targets if noun is None or t.i != noun.i]
    confidence = 0.6
    if p.sense.outcome == "intercepted":
        weapon = subject if passive else next((t for t in targets if t.dep_ == "dobj"), None)
        interceptor = _agent(verb) if passive else subject
        weapon = _counted(weapon) if weapon is not None else None
        owners = args.actors(weapon) if weapon is not None else []
        if not owners:
            owners = [unidentified(lexicon)]
        return owners, args.actors(interceptor), confidence
    if passive:
        actors = args.actors(_agent(verb))
        if not actors and noun is not None and noun.dep_ == "nsubjpass":
            actors = [i for a in _noun_agents(noun) for i in args.actors(a, places=True)]
        recipients = args.actors(subject, places=True) + [
            i for t in weapon_or_target for i in args.actors(t, places=True)
        ]
        if not actors and recipients and p.sense.type in ("COERCE", "ACCUSE", "SANCTION"):
            # "was arrested": the authorities of the person's country, for a reviewer to check
            iso = [lexicon.actors[r].country_iso3 for r in recipients if r in lexicon.actors]
            actors = [s for s in (lexicon.state_of(c) for c in iso if c) if s]
            confidence = 0.3
        if not actors and p.sense.type == "ASSAULT" and _armed(verb):
            actors, confidence = [unidentified(lexicon)], 0.3
        return actors, recipients, confidence
    actors = args.actors(subject, places=True)
    recipients = [i for t in weapon_or_target for i in args.actors(t, places=True)]
    if p.sense.received:  # "Kyiv received tanks from Berlin": Berlin gives, Kyiv receives
        donors = [
            i for t in _targets(verb, frozenset({"from"})) for i in args.actors(t, places=True)
        ]
        return donors, actors, confidence
    return actors, recipients, confidence


def _noun_agents(noun: Any) -> list[Any]:
    """Who an event noun says acts: its possessor, its `by`/`from` phrase, or the `of` phrase
    of a noun like "withdrawal" ("the withdrawal of Russian troops")."""
    preps = _AGENT_PREPS | ({"of"} if _lemma(noun) in pred.OF_AGENT else set())
    agents = [c for c in noun.children if c.dep_ == "poss"]
    agents += [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return agents


def _noun_roles(p: Predicate, args: Args) -> tuple[list[str], list[str], float]:
    """An event noun's own participants: its possessor or `by`/`from` agent, or modifier
    ("Russian strikes"), and its target; in a time phrase, the subject of its clause."""
    noun = p.head
    agents = _noun_agents(noun)
    # "the boarding drew a protest from Ankara": the `from` agent (of the noun or the verb) reacts
    reaction = noun.dep_ == "dobj" and _lemma(noun.head) in pred.REACTIONS
    if reaction and not agents:
        agents = _noun_agents(noun.head)
    actors = [i for a in agents for i in args.actors(a, places=True)]
    if not actors:
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound")]
        actors = [i for c in mods for m in args.at(c) if m.kind == "actor" for i in m.ids]
        if not actors:  # "Russian strikes on Odesa": the state of the demonym
            demonyms = (DEMONYMS.get(c.text, "") for c in mods)
            actors = [st for st in (args.lexicon.state_of(d) for d in demonyms if d) if st]
    between = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "between"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if not actors and between:
        actors = [i for t in between for i in args.actors(t)]
    preps = _TARGET_PREPS | ({"for"} if p.sense.type in pred.FOR_TYPES else set())
    targets = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    recipients = [i for t in targets for i in args.actors(t, places=True)]
    by_agent = any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)
    # "sanctions from Beijing against US firms", "detention by Russian forces"
    explicit = bool(agents) and (bool(targets) or by_agent or reaction)
    in_time = noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPS
    occurs = noun.dep_ == "nsubj" and str(noun.head.lemma_).lower() in pred.OCCURRENCE_VERBS
    planned = noun.dep_ == "dobj" and str(noun.head.lemma_).lower() in pred.NOUN_GOVERNORS
    if planned and not actors:
        return args.actors(subject_of(noun.head), places=True), recipients, 0.4
    if occurs and (actors or between):
        return actors, recipients, 0.4
    if occurs and p.sense.contexts == pred.LEGAL:
        # "the trial ... started in Stockholm": the state where it happens, for review
        return args.place_states_in(noun.head), recipients, 0.3
    if not actors and in_time and not recipients and _speech(_governor(noun)):
        return [], [], 0.0  # "after talks, X said": no one named to have talked
    # "during a visit to North Korea, Shoigu ...", "before talks in Vladivostok"; not "after
    # talks mediated by Qatar": a time phrase's noun needs a party or a place of its own
    located = any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in noun.children)
    if not actors and in_time and (recipients or located):
        gov = _governor(noun)
        actors = args.actors(subject_of(gov)) if gov is not None else []
        return actors, recipients, 0.4
    if actors and (targets or between or in_time or explicit):
        return actors, recipients, 0.4
    return [], [], 0.0
