"""Where an event happens: the place its predicate's clause names, not a party's capital."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis.ingest.context import Mention
from analysis.ingest.senses import Sense

#: Prepositions that say where something happens ("in Oslo", "off Crimea", "back to Sevastopol").
_WHERE = frozenset(
    {"in", "at", "near", "off", "outside", "inside", "around", "across", "over", "within"}
    | {"along", "to", "into", "toward", "towards", "through", "throughout", "on"}
)
#: How a place that names a party attaches: "blamed on Moscow", "a protest from Ankara".
_PARTIES = frozenset({"on", "from", "against", "by", "with", "nsubj", "poss"})
#: What a place the event acts on is to its verb: "shelled Kharkiv", "territory was hit".
_TARGET = frozenset({"dobj", "on", "nsubjpass"})
_NEAR = frozenset({"near", "outside", "around", "off", "toward", "towards"})
_SAYING = frozenset({"say", "tell", "add", "report", "write", "announce", "state", "claim"})


def _where(m: Mention, head: Any, base: int) -> tuple[str, Any] | None:
    """How a place mention attaches in the parse: its preposition (or its dependency), and the
    word it attaches to ("a substation in Nikopol": in, substation)."""
    tok = next((t for t in head.sent if base + t.idx >= m.start), None)
    if tok is None or base + tok.idx >= m.end:
        return None
    while tok.dep_ in ("compound", "amod", "nmod", "poss", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "the town of Nikopol"
        while tok.dep_ in ("compound", "appos") and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        return prep.lower_, prep.head
    return tok.dep_, tok.head


def place_of(
    places: Sequence[Mention], head: Any, base: int, clause: tuple[int, int], sense: Sense
) -> str:
    """Where the event happens: a place after a locative preposition in the predicate's own
    clause ("fired on a ship in the Black Sea"), a place the verb acts on ("shelled Kharkiv",
    "visited Beijing"), else a locative phrase elsewhere in the sentence that is no speaker's
    ("leading a conference in Oslo"), else any other place of the sentence ("In Bucharest, the
    ministry said ..."). What a withdrawal or a deportation leaves is its place ("withdrew from
    Bakhmut"); otherwise a place that names a party is none ("blamed on Moscow", "a protest
    from Ankara")."""
    ranked: list[tuple[int, bool, int, str]] = []
    for m in places:
        how = _where(m, head, base)
        if how is None:
            continue
        dep, up = how
        if _locates_another(m, up, places, base):
            ranked.append((4, True, m.start, m.id))  # "Dvorichna, a village near Kupiansk"
            continue
        inside = clause[0] <= m.start < clause[1]
        near = dep in _NEAR  # "near Moscow, in the Istrinsky district": the district
        if dep in _WHERE and dep != "on" and inside:
            ranked.append((0, near, m.start, m.id))
        elif dep in _TARGET and inside and sense.type in ("ASSAULT", "CONSULT", "COERCE"):
            ranked.append((1, near, m.start, m.id))
        elif dep in ("from", "of") and inside and sense.type in ("RETREAT", "COERCE"):
            ranked.append((1, near, m.start, m.id))  # "withdrew from X", "deported from X"
        elif dep in _WHERE and dep != "on" and str(up.lemma_).lower() not in _SAYING:
            ranked.append((2, near, m.start, m.id))
        elif dep not in _PARTIES:
            ranked.append((3, near, m.start, m.id))
    return min(ranked)[3] if ranked else ""


def _locates_another(m: Mention, up: Any, places: Sequence[Mention], base: int) -> bool:
    """Whether a place only says where another place of the sentence lies ("the village of
    Zolota Balka in the Kherson region", "Dvorichna, a village near Kupiansk")."""
    others = [(o.start, o.end) for o in places if o.id != m.id]
    tok, seen = up, 0
    while seen < 8:
        at = base + tok.idx
        if any(a <= at < b for a, b in others):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok, seen = tok.head, seen + 1
    return False
