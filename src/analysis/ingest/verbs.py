"""Typing a verb of the parse with the PLOVER lexicon (predicates.py): its sense, and the words
that say it (the verb, its particle, or the object noun that decides the type)."""

from __future__ import annotations

from typing import Any

from analysis.ingest import predicates as pred

_WH = frozenset({"WDT", "WP"})


def lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _object(verb: Any) -> Any | None:
    """The verb's direct object, its passive subject ("sanctions were imposed"), the noun a
    passive participle or an object relative clause describes ("aid sent by allies")."""
    relative = verb.dep_ == "relcl"
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and not (relative and child.tag_ in _WH):
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "amod" and any(c.dep_ == "nsubj" for c in verb.children):
        return verb.head  # "Putin and Kim had swapped letters", misparsed as an adjective
    if relative and any(c.dep_ == "nsubj" and c.tag_ not in _WH for c in verb.children):
        # "the missiles, which Germany would ship"; "transformers, the first of which Tokyo
        # will ship": the noun the clause describes
        antecedent = verb.head
        while antecedent.dep_ == "appos" and antecedent.pos_ != "NOUN":
            antecedent = antecedent.head
        return antecedent
    return None


_CLOSED = frozenset({"closed", "shut", "sealed"})
_READY = frozenset({"alert", "standby", "stand-by"})


def _kept_closed(verb: Any, obj: Any | None) -> tuple[pred.Sense, tuple[Any, ...]] | None:
    """ "kept the crossings shut", "will keep its border closed": the closing it prolongs (a
    way closed to another state is a sanction); "keeps border shut", where the parser reads
    "shut" as the object noun and the way as its compound, too."""
    states = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    if obj is not None:  # "kept the crossings shut", where "shut" hangs on the object
        states += [c for c in obj.children if c.dep_ in ("acl", "amod") and c.i > obj.i]
    if obj is not None and obj.lower_ in _CLOSED:
        way = next((c for c in obj.children if c.dep_ in ("compound", "nmod")), None)
        states, obj = [obj], way
    if obj is None or not any(t.lower_ in _CLOSED for t in states):
        return None
    sense = pred.VERB_OBJECT.get(("close", lemma(obj)))
    return (sense, (verb, obj)) if sense is not None else None


def _money(obj: Any) -> bool:
    """ "$1.5 billion", "800 million euros": an amount of money."""
    return obj.ent_type_ == "MONEY" or any(c.tag_ == "$" for c in obj.subtree)


_FLIGHT = frozenset({"flee", "leave", "evacuate", "abandon", "relocate"})
_CULPRITS = frozenset(
    {"responsible", "suspect", "perpetrator", "culprit", "organizer", "behind", "involved"}
    | {"accountable", "guilty", "implicate"}
)


def _by_forces(verb: Any) -> bool:
    """Whether the verb's subject is troops or forces (or, in a relative clause, its own)."""
    return any(c.dep_ == "nsubj" and lemma(c) in pred.FORCES for c in verb.children)


def _left(verb: Any, obj: Any | None) -> tuple[pred.Sense, tuple[Any, ...]] | None:
    """ "left Bakhmut", "abandoned the village", "the last units left": a withdrawal, when what
    is left is ground or those who leave are forces ("left the talks", a person who "left
    Kyiv" on Monday, are none)."""
    ground = obj is not None and (
        obj.ent_type_ in ("GPE", "LOC", "FAC") or lemma(obj) in pred.GROUND
    )
    named = ("GPE", "LOC", "FAC", "ORG")  # "has left Bakhmut", the name misparsed as an adverb
    ground = ground or any(
        c.dep_ in ("advmod", "npadvmod") and c.ent_type_ in named for c in verb.children
    )
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    forces = subject is not None and lemma(subject) in pred.FORCES
    person = subject is not None and (
        subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i", "we")
    )
    if (ground and not person) or (obj is None and forces):
        return pred.Sense("RETREAT", "withdraw", ("military",)), (verb,)
    return None


def _enacted(verb: Any, obj: Any) -> tuple[pred.Sense, tuple[Any, ...]] | None:
    """The event a law's content reports ("passed a law to widen mobilisation"): the first
    event noun or typed verb in the law's own phrase or in the verb's purpose clause."""
    words = [t for t in obj.subtree if t.i != obj.i]
    words += [t for c in verb.children if c.dep_ in ("xcomp", "advcl") for t in c.subtree]
    for tok in sorted(words, key=lambda t: t.i):
        if tok.pos_ == "NOUN" and lemma(tok) in pred.NOUNS:
            return pred.NOUNS[lemma(tok)], (verb, obj)
        found = sense_of(tok) if tok.pos_ == "VERB" else None
        if found is not None and found[0].type in pred.CONFLICT_TYPES:
            return found[0], (verb, obj)
    return None


def _leaves_agreement(verb: Any) -> bool:
    """ "pulled out of the deal": what is left is an agreement or a body, not a territory (nor
    what troops leave: "troops withdrew from Novoselivka", which the NER may take for a body)."""
    if any(c.dep_ == "nsubj" and lemma(c) in pred.FORCES for c in verb.children):
        return False
    for tok in verb.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from"):
            return (
                lemma(tok) in pred.AGREEMENT_NOUNS
                or any(
                    lemma(t) in pred.AGREEMENT_NOUNS for t in tok.children if t.dep_ == "compound"
                )
                or tok.ent_type_ in ("ORG", "LAW")
            )
    return False


def _right_object(verb: Any, obj: Any | None, allowed: frozenset[str]) -> bool:
    """The object is one the verb needs, or named (a proper noun, also after "as")."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.pos_ == "PROPN"]
    if obj is not None and (lemma(obj) in allowed or obj.pos_ == "PROPN"):
        return True
    return bool(named) or (
        obj is not None and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in obj.children)
    )


def sense_of(verb: Any) -> tuple[pred.Sense, tuple[Any, ...]] | None:
    """The event a verb reports and the tokens that say so (verb, particle or object noun)."""
    word = lemma(verb)
    obj = _object(verb)
    means = [
        (p.lower_, g)
        for p in verb.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    lists = [g for prep, g in means if prep in ("to", "on") and lemma(g) in pred.BLACKLISTS]
    if word in ("add", "put", "place") and any(
        c.lower_ == "wanted" for g in lists for c in g.children
    ):
        return pred.Sense("ACCUSE", "allege", ("legal",)), (verb,)  # "put on its wanted list"
    if word in ("add", "put", "place") and lists:
        return pred.Sense("SANCTION", "", ("economic",)), (verb,)
    if (
        obj is not None
        and lemma(obj) == "shot"
        and any(c.lower_ == "warning" for c in obj.children)
    ):
        return pred.Sense("COERCE", "", ("military",)), (verb, obj)  # "fired warning shots"
    if word == "pay" and any(prep == "for" and lemma(g) in pred.MATERIEL for prep, g in means):
        return pred.Sense("AID", "", ()), (verb,)  # "will pay for new generators"
    received = obj is not None and obj.dep_ == "dobj" and word in ("receive", "obtain", "get")
    if received and (lemma(obj) in pred.MATERIEL or _money(obj)):
        return pred.Sense("AID", "", (), received=True), (verb, obj)  # "received 20 tanks"
    if word in ("put", "place") and any(prep == "on" and lemma(g) in _READY for prep, g in means):
        return pred.Sense("MOBILIZE", "", ("military",)), (verb,)  # "put its air defences on alert"
    if word in pred.ENACTING and obj is not None and lemma(obj) in pred.LAWS:
        return _enacted(verb, obj)
    if word == "hold" and any(lemma(c) in ("responsible", "accountable") for c in verb.children):
        return pred.Sense("ACCUSE", "disapprove", ("diplomatic",)), (
            verb,
        )  # "held Russia responsible"
    if word in pred.ADVANCE and obj is None and any(p in pred.INTO for p, _ in means):
        return pred.Sense("ASSAULT", "", ("military",)), (verb,)  # "Russia presses in Kharkiv"
    if word == "enter" and obj is not None and lemma(obj) not in ("airspace",) and _by_forces(verb):
        return pred.Sense("COERCE", "", ("military",)), (verb,)  # troops entered the area: seized
    if word in ("name", "identify") and any(lemma(t) in _CULPRITS for t in verb.subtree):
        return pred.Sense("ACCUSE", "allege", ("legal",)), (verb,)  # "named X as responsible"
    if word == "name" and not any(lemma(t) in pred.OBJECTS["name"] for t in verb.subtree):
        return None  # "the report named Lazarev": no post, no appointment
    if word in ("agree", "decide"):
        agreed = [g for prep, g in means if prep in ("on", "to") and lemma(g) in pred.NOUNS]
        material = [g for g in agreed if pred.NOUNS[lemma(g)].type in pred.MATERIAL_TYPES]
        if material:  # "agreed on new sanctions": the act agreed on
            return pred.NOUNS[lemma(material[0])], (verb, material[0])
    if word == "attribute" and not any(prep == "to" for prep, _ in means):
        return None  # "attributed the blast to Moscow" accuses; "attributed to" alone reports
    told = any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)
    if word == "call" and obj is not None and obj.ent_type_ == "PERSON" and not told:
        return pred.Sense("CONSULT", "phone", ("diplomatic",)), (verb,)  # "Putin called Erdogan"
    kept = _kept_closed(verb, obj) if word in ("keep", "leave") else None
    if kept is not None:
        return kept
    if word == "force" and any(c.dep_ == "xcomp" and lemma(c) in _FLIGHT for c in verb.children):
        return pred.Sense("COERCE", "deport", ()), (verb,)  # "forced thousands to flee"
    if word in pred.LEAVE:
        return _left(verb, obj)
    if word == "retaliate" and any(prep == "by" for prep, _ in means):
        return None  # the means is the event: "retaliated by banning ..."
    if word in pred.WITH_VERBS:  # "hit Russia with new sanctions", "retaliated with strikes"
        carried = [  # "targets 30 tankers in new sanctions": the phrase may hang on the object
            (c.lower_, g)
            for c in (obj.children if obj is not None and word == "target" else ())
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for prep, g in [*means, *carried]:
            if (prep == "with" or (prep == "in" and word == "target")) and lemma(g) in pred.NOUNS:
                return pred.NOUNS[lemma(g)], (verb, g)
    for part in verb.children:
        particle = part.dep_ == "prt" or (
            part.dep_ in ("advmod", "prep") and part.lower_ in ("back", "out", "down", "off")
        )
        if particle or (part.dep_ == "prep" and part.i == verb.i + 1):
            key = (word, part.lower_)
            sense = pred.PHRASAL.get(key)
            if sense is None:
                continue
            if key == ("hand", "over") and obj is not None and lemma(obj) in pred.HANDED:
                return pred.Sense("AID", "", ("military",)), (verb, part)  # handed over ships
            if key in pred.LEAVING and _leaves_agreement(verb):
                sense = pred.Sense("SANCTION", "withdraw", ("diplomatic",))
            return sense, (verb, part)
    if obj is not None and lemma(obj) in pred.CONTAINERS:
        inner = [
            g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
        ]
        inner += [c for c in obj.children if c.dep_ == "compound"]
        obj = next((t for t in inner if lemma(t) in pred.NOUNS or lemma(t) in pred.MATERIEL), obj)
    if obj is not None:
        if (word, lemma(obj)) in pred.NOT_EVENTS:
            return None
        if word in pred.TRANSITIVE and obj.dep_ == "dobj":
            return pred.TRANSITIVE[word], (verb,)
        sense = pred.VERB_OBJECT.get((word, lemma(obj)))
        if sense is not None:
            return sense, (verb, obj)
        noun = pred.NOUNS.get(lemma(obj))
        given = lemma(obj) in pred.MATERIEL or _money(obj) or lemma(obj) in pred.TRAINERS
        if word in pred.GIVING | pred.PLEDGES and given and obj.dep_ != "nsubjpass":
            return pred.Sense("AID", "", ()), (verb, obj)
        if word in pred.LIGHT_VERBS and noun is not None:
            allowed = pred.LIGHT_ONLY.get(noun.type)
            if allowed is None or word in allowed:
                return noun, (verb, obj)
    sense = pred.VERBS.get(word)
    if sense is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if word in pred.OBJECTS and not _right_object(verb, obj, pred.OBJECTS[word]):
        return None
    if word in pred.INTRANSITIVE and obj is not None:
        return None
    content = [c for c in verb.children if c.dep_ == "xcomp"]
    asked_for = [g for prep, g in means if prep in ("for", "on", "to", "with")]
    if word == "press" and obj is None and not content and not asked_for:
        return None  # "pressed the point" no request; "presses in the region": _advance
    if sense.type == "REJECT" and content and lemma(content[0]) in pred.NO_CONTENT:
        return None  # "declined to comment"
    if word in ("decline", "refuse") and not content and obj is None:
        return None  # "exports declined"
    if (word, "") in pred.LEAVING and _leaves_agreement(verb):
        return pred.Sense("SANCTION", "withdraw", ("diplomatic",)), (verb,)
    return sense, (verb,)
