"""The status of an event from the parse: negation, modality and the verbs that govern it."""

from __future__ import annotations

from typing import Any

from analysis.ingest import predicates as pred

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must"})
_HYPOTHETICAL_ADV = frozenset({"possibly", "perhaps", "maybe", "potentially"})
_HYPOTHETICAL_ADJ = frozenset({"possible", "potential", "proposed", "prospective"})
_FUTURE_ADJ = frozenset({"planned", "upcoming", "scheduled", "expected", "forthcoming"})
_SPEECH = frozenset({"say", "tell", "state", "add", "report", "write", "announce", "claim"})


def chain(tok: Any, deps: frozenset[str]) -> list[Any]:
    """The token and the words that govern it through the given dependencies (and through an
    infinitive clause: "expects Putin and Kim to continue")."""
    out = [tok]
    while (
        (tok.dep_ in deps or (tok.dep_ == "ccomp" and any(c.tag_ == "TO" for c in tok.children)))
        and tok.head.i != tok.i
        and len(out) < 8
    ):
        tok = tok.head
        out.append(tok)
    return out


_NEGATION_CHAIN = frozenset({"xcomp"})  # "did not plan to visit"; not "did not X despite Y-ing"
_MODAL_CHAIN = frozenset({"xcomp", "conj", "pcomp", "pobj", "prep", "acl", "dobj"})
#: What links a predicate to the clause whose date it shares ("plans to visit ... this month").
DATE_CHAIN = frozenset({"xcomp", "conj", "pcomp", "pobj", "prep"})


def status_of(head: Any, *, headline: bool = False) -> str:
    """factual | negated | future | hypothetical, as the parse shows it (dates apart)."""
    for t in chain(head, _NEGATION_CHAIN):
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in kids):
            return "negated"
        if t.i != head.i and str(t.lemma_).lower() in pred.NEGATING_GOVERNORS:
            return "negated"
    verbs = [t for t in chain(head, _MODAL_CHAIN) if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ")]
    for t in verbs:
        conditions = [c for c in t.children if c.dep_ == "advcl"]
        if any(m.lower_ in ("if", "unless") for c in conditions for m in c.children):
            return "hypothetical"  # "would strike ... if Berlin delivered"
    for t in verbs:
        kids = [c for c in t.children if c.dep_ in ("aux", "auxpass", "advmod", "amod", "mark")]
        words = {c.lower_ for c in kids}
        lemma = str(t.lemma_).lower()
        if words & _FUTURE_AUX:
            return "future"
        if "would" in words and t.dep_ == "ccomp" and str(t.head.lemma_).lower() in _SPEECH:
            return "future"  # "said Germany would send": the future seen from the past
        if words & (_HYPOTHETICAL_AUX | _HYPOTHETICAL_ADV | _HYPOTHETICAL_ADJ | {"if", "unless"}):
            return "hypothetical"
        if words & _FUTURE_ADJ:
            return "future"
        if t.i != head.i and lemma in pred.FUTURE_GOVERNORS:
            return "future"
        if t.i != head.i and (
            lemma in pred.HYPOTHETICAL_GOVERNORS or lemma in pred.HYPOTHETICAL_NOUNS
        ):
            return "hypothetical"
    if headline and head.dep_ == "ROOT" and any(c.tag_ == "TO" for c in head.children):
        return "future"  # "Kim and Putin to discuss arms deal"
    return "factual"
