"""A capital or a seat of government read as its state ("Beijing has blocked") or as a place.

The parse decides: a capital that is the subject of a verb ("Washington said", "Moscow and
Beijing signed"), the agent of a passive ("condemned by Berlin"), the object of a verb of
pressure or speech ("urged Beijing to"), or the possessor of an agentive noun ("Moscow's war
effort") stands for its government; after a locative preposition ("talks in Beijing") it is a
place. Everything else stays a place too: metonymy needs evidence. A country's name (also a
short one the gazetteer lacks: "Britain") is its state unless a preposition makes it a place.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from analysis.ingest import places as geo
from analysis.ingest.context import LOCATIVE, RELATIONAL, Context, Mention
from analysis.ingest.cues import BODIES, OFFICES, SPOKES
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.words import ROLE_HEADS, SEATS
from analysis.model import Actor

log = logging.getLogger(__name__)

#: Nouns whose possessor acts: "Moscow's war effort", "Beijing's refusal", "Washington's plan".
AGENTIVE_NOUNS = frozenset(
    [
        "effort",
        "efforts",
        "war",
        "invasion",
        "offensive",
        "decision",
        "position",
        "policy",
        "policies",
        "stance",
        "support",
        "response",
        "reaction",
        "refusal",
        "demand",
        "demands",
        "plan",
        "plans",
        "proposal",
        "proposals",
        "strategy",
        "claim",
        "claims",
        "call",
        "calls",
        "threat",
        "threats",
        "sanctions",
        "attempt",
        "attempts",
        "intention",
        "aim",
        "goal",
        "push",
        "campaign",
        "approach",
        "objections",
        "objection",
        "ban",
        "bid",
        "veto",
        "backing",
        "pressure",
        "insistence",
        "involvement",
        "aggression",
        "crackdown",
        "allies",
        "ally",
        "help",
        "aid",
        "assistance",
    ]
)
#: Verbs whose object is a government when it is a capital: "urged Beijing to", "accused Moscow".
PRESSURE_VERBS = frozenset(
    [
        "urge",
        "accuse",
        "warn",
        "call",
        "pressure",
        "blame",
        "ask",
        "tell",
        "criticize",
        "criticise",
        "condemn",
        "sanction",
        "persuade",
        "press",
        "support",
        "back",
        "join",
        "thank",
        "invite",
        "help",
        "push",
        "allow",
        "force",
        "convince",
    ]
)
#: Verbs a place is the subject of without acting ("Moscow lies on the Moskva").
PLACE_VERBS = frozenset(
    [
        "lie",
        "sit",
        "stand",
        "border",
        "host",
        "remain",
        "become",
        "have",
        "see",
        "experience",
        "fall",
        "burn",
        "flood",
        "shake",
        "come",
        "suffer",
        "wake",
        "lose",
    ]
)


def _clause_role(token: Any) -> Any:
    """The token that carries a coordinated name's role ("Moscow and Beijing said")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def acts(ctx: Context, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is used as an agent (a government), per the parse."""
    token = ctx.head(start, end)
    if token is None:
        return False
    doc = token.doc
    if (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].tag_ == "VBN"
        and doc[token.i + 2].lower_ not in PLACE_VERBS
    ):
        return True  # "Moscow-backed", "Kremlin-installed": the capital is the agent
    token = _clause_role(token)
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = head
        if verb.pos_ == "AUX" or verb.lemma_ == "be":
            return False
        return token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ not in PLACE_VERBS
    if token.dep_ == "pobj" and head.dep_ == "agent":
        return True
    if token.dep_ == "dobj" and head.lemma_ in PRESSURE_VERBS:
        return True
    if token.dep_ == "poss":
        return head.lemma_.lower() in AGENTIVE_NOUNS or head.text.lower() in AGENTIVE_NOUNS
    return False


#: Verbs whose object is where someone goes or comes from: "fled Sudan", "visited China".
MOTION_VERBS = frozenset(
    ["flee", "leave", "enter", "visit", "reach", "cross", "tour", "evacuate", "travel", "exit"]
)


def destination(ctx: Context, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is the object of a verb of motion (a place)."""
    token = ctx.head(start, end)
    if token is None:
        return False
    token = _clause_role(token)
    return token.dep_ == "dobj" and token.head.lemma_.lower() in MOTION_VERBS


def capital_iso3(name: str) -> str:
    """The country whose capital (or seat of government) is called `name`, or ""."""
    if name in SEATS:
        return SEATS[name]
    found = geo.city(name)
    if found is None:
        return ""
    iso3 = geo.iso3_of(found.iso2)
    return iso3 if iso3 and geo.capital(iso3) == name else ""


def state_actor(ctx: Context, iso3: str, surface: str = "") -> str:
    """The state actor of a country: the registry's, else one proposed now. A proposed state
    keeps the short name the text calls it by ("Britain" for the United Kingdom) as an alias."""
    lex = ctx.lexicon
    known = set(lex.actors)
    found = propose_state(lex, iso3)
    if found and found not in known:
        ctx.proposals.append(found)
        log.debug("proposed state %s for its capital", found)
    actor = lex.actors.get(found)
    if (
        actor is not None
        and surface
        and found in lex.proposed_actor_ids
        and surface not in (actor.name, *actor.aliases)
    ):
        lex.actors[found] = replace(actor, aliases=(*actor.aliases, surface))
    return found


def propose_state(lex: Lexicon, iso3: str) -> str:
    """The state actor of a country: the registry's (or one proposed before), else proposed."""
    state = lex.state_of(iso3)
    if state is not None:
        return state
    name = next((c.name for c in geo._countries().values() if c.iso3 == iso3), "")
    if not name:
        return ""
    actor = Actor(geo.slug(name), name, "state", iso3, "GOV", "", "", "", (name,))
    if actor.actor_id not in lex.actors:
        lex.add_actor(actor)
    return actor.actor_id


def seat_actor(ctx: Context, name: str) -> str:
    """A seat of government as the office it houses ("the Kremlin said"): an organisation of
    its state, as the registry keeps the White House; the registry's own if it has one."""
    lex = ctx.lexicon
    iso3 = SEATS.get(name, "")
    state = state_actor(ctx, iso3) if iso3 else ""
    actor = Actor(geo.slug(name), name, "organization", iso3, "GOV", "", state, "", (name,))
    existing = lex.actors.get(actor.actor_id)
    if existing is not None:
        return actor.actor_id
    lex.add_actor(actor)
    ctx.proposals.append(actor.actor_id)
    return actor.actor_id


def owns(ctx: Context, s: int, e: int) -> bool:
    """ "according to Estonia's defence forces", "to Russia's ambassador": a name that owns a
    body or an office is its actor even after a preposition ("in Ukraine's east" stays a
    place)."""
    token = ctx.head(s, e)
    if token is None or token.dep_ != "poss":
        return False
    noun = token.head.lemma_.lower()
    return noun in BODIES or noun in OFFICES or noun in SPOKES or noun in ROLE_HEADS


def country_mention(
    ctx: Context, found: geo.Country, s: int, e: int, index: int, prev: str
) -> Mention | None:
    """A country's name: a place after a preposition or as a destination, else its state."""
    lex = ctx.lexicon
    if (prev in LOCATIVE | RELATIONAL and not owns(ctx, s, e)) or destination(ctx, s, e):
        place = geo.propose_country(lex, found)
        if place is None:
            return None
        if place.place_id in lex.proposed_place_ids:
            ctx.proposals.append(place.place_id)
        role = "relational" if prev in RELATIONAL else "locative"
        return Mention(s, e, "place", (place.place_id,), index, 0.6, role=role, via="gazetteer")
    state = state_actor(ctx, found.iso3)
    return Mention(s, e, "actor", (state,), index, 0.6, via="gazetteer") if state else None


def short_country(ctx: Context, iso3: str, s: int, e: int, index: int, prev: str) -> Mention | None:
    """A country's short name the gazetteer lacks ("Britain", "the U.S."): as `country_mention`;
    a modifier ("U.S. administration officials") is no actor of its own."""
    if (prev in LOCATIVE | RELATIONAL and not owns(ctx, s, e)) or destination(ctx, s, e):
        place = geo.country_place(ctx.lexicon, iso3)
        if place is None:
            return None
        role = "relational" if prev in RELATIONAL else "locative"
        return Mention(s, e, "place", (place.place_id,), index, 0.6, role=role, via="gazetteer")
    state = state_actor(ctx, iso3, ctx.folded[s:e])
    token = ctx.head(s, e)
    modifier = (
        token is not None
        and token.dep_ in ("compound", "amod", "nmod")
        and token.head.i > token.i
        and token.head.pos_ == "NOUN"
    )  # "U.S. administration officials": the officials speak, not the state
    role = "modifier" if modifier else ""
    return (
        Mention(s, e, "actor", (state,), index, 0.6, role=role, via="gazetteer") if state else None
    )
