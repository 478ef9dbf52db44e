"""Who a phrase of the parse names: its mention, possessor, demonym, or a craft named before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.ingest import predicates as pred
from analysis.ingest.lexicon import DEMONYMS, Lexicon
from analysis.ingest.mentions import Mention
from analysis.ingest.metonymy import propose_state
from analysis.ingest.places import slug
from analysis.ingest.verbs import lemma as _lemma
from analysis.model import Actor

SPEECH = frozenset({"say", "tell", "state", "add", "report", "write", "announce", "claim"})
_IT = frozenset({"it", "its"})
#: Organs that act for their state when the text names them by a demonym ("Romanian police").
_STATE_ORGANS = frozenset(
    {"police", "force", "troop", "army", "military", "authority", "prosecutor", "navy", "guard"}
    | {"soldier", "unit"}
)
#: Military craft that act for their state; a ship, boat or aircraft only when the text says it
#: is a military one ("a Russian patrol ship", not "a Russian cargo ship").
_WARCRAFT = frozenset(
    {"warship", "frigate", "destroyer", "corvette", "submarine", "minesweeper", "fleet"}
    | {"bomber", "fighter", "jet", "helicopter", "warplane", "gunboat"}
)
#: Bodies of a state that act as themselves ("the Estonian navy", "Ukraine's parliament"): an
#: event names the body, proposed under its state, and the state beside it; by their sector.
_BODIES = {"navy": "MIL", "army": "MIL", "military": "MIL", "police": "COP", "guard": "MIL"}
_BODIES |= {"parliament": "LEG", "legislature": "LEG", "ministry": "GOV", "government": "GOV"}
_BODIES |= {"embassy": "GOV", "prosecutor": "GOV", "court": "JUD", "force": "MIL"}
_ARMS = pred.WEAPONS | {"bomb", "artillery", "shelling", "airstrike", "strike"}
_CRAFT = frozenset({"ship", "vessel", "boat", "aircraft", "plane", "drone", "unit"})
_MILITARY_MODS = frozenset({"patrol", "naval", "military", "war", "coast", "guard", "navy"})


def unique(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


@dataclass(frozen=True)
class Args:
    """Mentions of one sentence, looked up by the tokens of the parse."""

    base: int  # text offset of the doc's first character
    mentions: Sequence[Mention]
    lexicon: Lexicon
    #: the states of the organs and craft named so far in the text ("a Russian patrol ship"), by
    #: their words ("patrol ship"): what "the patrol ship" later in the text stands for
    named: dict[str, str] = field(default_factory=dict)
    #: the parties of the last event drafted: who "the two leaders", "both sides" are
    parties: list[str] = field(default_factory=list)

    def at(self, tok: Any) -> list[Mention]:
        s = self.base + tok.idx
        return [m for m in self.mentions if m.start <= s < m.end]

    def actors(self, tok: Any | None, *, places: bool = False) -> list[str]:
        """Actors named by a phrase: the mention at its head (and each conjunct's), else the
        possessors and modifiers of the head ("Russia's air defenses", "Russian forces"),
        not what its prepositions add ("the head of the office in Ukraine")."""
        if tok is None:
            return []
        out: list[str] = []
        for t in (tok, *tok.conjuncts):
            found = self._one(t, places=places)
            if found and self._dateline(t):
                return found  # the dateline's places are no co-actors
            out += found
        return list(unique(out))

    def _dateline(self, tok: Any) -> bool:
        return dated(tok)

    def _one(self, tok: Any, *, places: bool) -> list[str]:
        dateline = self._dateline(tok)
        for appos in (c for c in tok.children if dateline and c.dep_ == "appos"):
            if _bracketed(appos):
                continue  # "OSLO (Wire Service) — ...": the outlet
            named = self._one(appos, places=False)
            if named:  # "ST. PETERSBURG, Russia (AP) — Russian President Vladimir Putin ..."
                return named
        here = [m for m in self.at(tok) if m.kind == "actor"]
        if here:
            return [i for m in here for i in m.ids]
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            apposed = [m for m in self.at(appos) if m.kind == "actor"]
            if apposed:  # "his Russian counterpart, Sergei Lavrov"
                return list(apposed[0].ids)
        near: list[Any] = []
        stack = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        while stack:
            t = stack.pop()
            near.append(t)
            stack += [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "case")]
        found = [m for t in near for m in self.at(t) if m.kind == "actor"]
        found.sort(key=lambda m: (not m.independent, m.start))
        if found:
            ids = list(found[0].ids)
            owner = self.lexicon.actors.get(ids[0]) if len(ids) == 1 else None
            if owner is not None and owner.kind == "state" and found[0].start < self.base + tok.idx:
                return [*body(self.lexicon, tok, owner.actor_id), *ids]  # "Norway's navy"
            return ids
        isos = [DEMONYMS.get(t.text, "") for t in near]
        states = [
            self.lexicon.state_of(i) or propose_state(self.lexicon, i) if i else "" for i in isos
        ]
        if _organ(tok) and any(states):  # "Lithuanian police", "a Russian warship": the state
            state = next(s for s in states if s)
            self.named[_words_of(tok)] = state
            return [*body(self.lexicon, tok, state), state]
        if _both(tok) and len(self.parties) > 1:
            return list(self.parties)  # "Zelensky met Erdogan ... and the two leaders signed"
        if _organ(tok) and self.named.get(_words_of(tok)) and _definite(tok):
            return [self.named[_words_of(tok)]]  # "the patrol ship", named so before
        pronoun = next((t for t in (tok, *near) if t.lower_ in _IT), None)
        if pronoun is not None:
            speakers = self.reported_speaker(tok)
            if _organ(tok):  # "the ministry said its troops ...": the ministry and its state
                mine = [self._state_of(i) for i in speakers]
                return list(unique([*speakers, *mine]))
            return speakers
        if places:
            return self.place_states(tok)
        return []

    def _state_of(self, actor_id: str) -> str:
        actor = self.lexicon.actors.get(actor_id)
        if actor is None or actor.kind == "state":
            return actor_id
        return self.lexicon.state_of(actor.country_iso3) or ""

    def reported_speaker(self, tok: Any) -> list[str]:
        """ "Russia said its air defenses ...", "the ministry said it ...": an unresolved "it"
        in what a speaker said stands for the speaker."""
        clause = tok.head
        while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or str(clause.head.lemma_).lower() not in SPEECH:
            return []
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in _IT:
            return []
        return self.actors(speaker)

    def place_states_in(self, verb: Any) -> list[str]:
        """The state of the place a verb's locative phrase names ("started in Stockholm")."""
        return [
            i
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for g in c.children
            if g.dep_ == "pobj"
            for i in self.place_states(g)
        ][:1]

    def place_states(self, tok: Any) -> list[str]:
        """The state of a place named at the token ("shelled Kharkiv": Ukraine)."""
        out = []
        for m in self.at(tok):
            if m.kind == "place" and m.id in self.lexicon.places:
                iso3 = self.lexicon.places[m.id].country_iso3
                state = self.lexicon.state_of(iso3) or propose_state(self.lexicon, iso3)
                if state:
                    out.append(state)
        return out


def body(lexicon: Lexicon, tok: Any, state: str) -> list[str]:
    """A body of the state the text names by its words ("the Estonian navy", "Norway's navy",
    "Moldova's border police"), proposed as an organisation under the state; none for troops,
    craft and weapons, which stand for their state."""
    word = _lemma(tok)
    if word not in _BODIES or tok.lower_ != word or not state:
        return []  # "border guards", "Russian forces": people of the state, not a body
    if word == "force" and not any(c.lower_ in ("air", "defence", "defense") for c in tok.children):
        return []  # "Russian forces" are Russia; "the Polish air force" a body
    country = lexicon.actors[state].country_iso3 if state in lexicon.actors else ""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det" and not t.is_punct]
    name = " ".join(t.text_with_ws.strip() if t.tag_ != "POS" else "'s" for t in words)
    name = name.replace(" 's", "'s")
    if len(words) < 2:
        return []
    name = name[0].upper() + name[1:]
    actor_id = slug(name)
    if actor_id not in lexicon.actors:
        sector = _BODIES[word]
        lexicon.add_actor(
            Actor(actor_id, name, "organization", country, sector, "", state, "", (name,))
        )
    return [actor_id]


def _words_of(tok: Any) -> str:
    """A noun with its compounds, as a key: "patrol ship"."""
    parts = [t for t in tok.children if t.dep_ == "compound" and t.i < tok.i]
    return " ".join([*(_lemma(t) for t in parts), _lemma(tok)])


_PAIRS = frozenset({"leader", "side", "country", "minister", "president", "government", "state"})


def _both(tok: Any) -> bool:
    """ "the two leaders", "both sides", "the two countries": the parties just named."""
    if _lemma(tok) not in _PAIRS or tok.tag_ != "NNS":
        return False
    return any(c.lower_ in ("two", "both") for c in tok.children)


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children)


def _organ(tok: Any) -> bool:
    """An organ or military craft that acts for the state its demonym names."""
    word = _lemma(tok)
    if word in _STATE_ORGANS or word in _WARCRAFT or word in _ARMS:
        return True
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod")}
    return word in _CRAFT and bool(mods & _MILITARY_MODS)


def dated(tok: Any) -> bool:
    """A dateline's place ("KYIV —"), which the parser may take for a subject."""
    return any(c.text in ("\u2014", "\u2013", "--") for c in tok.children)


def _bracketed(tok: Any) -> bool:
    words = list(tok.subtree)
    doc = tok.doc
    first, last = words[0].i, words[-1].i
    before = doc[first - 1].text if first > 0 else ""
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    return before == "(" or after == ")" or any(t.text == "(" for t in words[:1])
