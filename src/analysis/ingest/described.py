"""Actors proposed for speakers a text describes but does not name, and the stand-in speaker.

"the head of the UN human rights office in Ukraine" becomes an unnamed office holder whose
parent is the UN; "a senior U.S. official" an unnamed, anonymous actor of the United States;
"the United Nations refugee agency" a body of the UN; "the Ministry of Commerce" an organisation
with the country its words or the text give. Names keep the text's words (so a reviewer finds
them) and aliases never hold a bare common noun ("officials") that would match later texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from analysis.ingest import metonymy
from analysis.ingest.context import Mention
from analysis.ingest.lexicon import DEMONYMS, Lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.places import slug
from analysis.model import Actor

UNIDENTIFIED = Actor(
    "unidentified_speaker", "Unidentified speaker", "unnamed", "", "UNK", "", "", ""
)


def body(head: Any, parse: Parse, folded: str, owner: Mention, lexicon: Lexicon) -> str:
    """A body of its owner ("the United Nations refugee agency"); the owner if no country."""
    words = words_of(head, parse, folded)
    parent = lexicon.actors[owner.id]
    kind = "igo" if parent.kind == "igo" else "organization"
    country = country_of(words, owner, lexicon) if kind == "organization" else ""
    if kind == "organization" and not country:
        return owner.id
    aliases = surface(head, parse, folded, words)
    name = words[:1].upper() + words[1:]
    sector = parent.sector or ("IGO" if kind == "igo" else "UNK")
    actor = Actor(slug(name), name, kind, country, sector, "", owner.id, "", aliases)
    return add(lexicon, actor)


#: Bodies known by where they sit: "the Russian embassy in Vilnius".
_LOCATED = frozenset(("embassy", "consulate", "mission", "representation", "delegation"))


def words_of(head: Any, parse: Parse, folded: str) -> str:
    """The subject's words: its modifiers, the head and what hangs on `of`/`for` after it."""
    left = head.left_edge
    while left.i < head.i and (
        left.dep_ in ("det", "nummod", "punct")
        or left.like_num
        or not any(ch.isalpha() for ch in left.text)  # a live blog's "09:58" and line break
    ):
        left = left.nbor(1)
    right = head
    located = head.pos_ == "PROPN" or head.lemma_.lower() in _LOCATED
    preps = ("of", "for", "at", "in") if located else ("of", "for", "at")
    for c in head.children:
        if c.i > head.i and c.dep_ == "prep" and c.lower_ in preps:
            right = max(right, c.right_edge, key=lambda t: t.i)
    while right.i > head.i and (right.is_punct or right.is_bracket):
        right = right.nbor(-1)  # "... in Ukraine (HRMMU)": the acronym is an alias
    lo, hi = parse.offset(left), parse.offset(right) + len(right.text)
    words = " ".join(folded[lo:hi].split()).strip(" ,")
    if left.is_sent_start and left.pos_ != "PROPN" and not left.ent_type_:
        words = words[:1].lower() + words[1:]  # "Officials said": not a name
    return words


def country_of(text: str, owner: Mention | None, lexicon: Lexicon) -> str:
    """The country a description names (a demonym), or its owner's."""
    for demonym, iso3 in sorted(DEMONYMS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w.]){re.escape(demonym)}(?![\w])", text):
            return iso3
    if owner is not None and owner.kind == "place" and owner.id in lexicon.places:
        return lexicon.places[owner.id].country_iso3
    if owner is not None and owner.id in lexicon.actors:
        return lexicon.actors[owner.id].country_iso3
    return ""


def add(lexicon: Lexicon, actor: Actor) -> str:
    """The actor's id, proposed unless the lexicon holds it already."""
    existing = lexicon.actors.get(actor.actor_id)
    if existing is None:
        lexicon.add_actor(actor)
    return actor.actor_id


def surface(head: Any, parse: Parse, folded: str, words: str) -> tuple[str, ...]:
    """The forms an analyst would look for: the words, and the words with their article."""
    det = head.left_edge
    out = [words] if len(words.split()) > 1 else []  # never a bare "officials" for later texts
    if det.dep_ == "det" and det.i < head.i:
        out.append(f"{det.lower_} {words}")
    at = folded.find(words[-12:], parse.offset(head.left_edge))
    acronym = re.match(r"\s*\(([A-Z][A-Za-z0-9.-]{1,12})\)", folded[at + 12 :]) if at >= 0 else None
    if acronym and len(words) >= 12:
        out.append(acronym.group(1))  # "... in Ukraine (HRMMU)"
    right = max(
        (c.right_edge for c in head.children if c.dep_ == "prep" and c.i > head.i),
        key=lambda t: t.i,
        default=head,
    )
    if right.i > head.i and det.i <= head.i:  # the whole phrase: "a source in the fleet"
        phrase = folded[parse.offset(det) : parse.offset(right) + len(right.text)]
        out.append(" ".join(phrase.split()).strip(" ,"))
    return tuple(dict.fromkeys(out))


def office(head: Any, parse: Parse, folded: str, owner: Mention | None, lexicon: Lexicon) -> str:
    """The unnamed holder of an office of its owner ("the head of the UN office"), or of a body
    the text describes only ("the head of the chamber of commerce in Riga")."""
    words = words_of(head, parse, folded)
    name = words[:1].upper() + words[1:]
    parent = lexicon.actors.get(owner.id) if owner is not None else None
    country = country_of(words, owner, lexicon)
    aliases = surface(head, parse, folded, words)
    sector = parent.sector if parent is not None and parent.sector else "UNK"
    actor = Actor(
        slug(name),
        name,
        "unnamed",
        country,
        sector,
        words,
        parent.actor_id if parent is not None else "",
        "",
        aliases,
    )
    return add(lexicon, actor)


def anonymous(head: Any, parse: Parse, folded: str, owner: Mention | None, lexicon: Lexicon) -> str:
    """An anonymous source ("a senior U.S. official", "officials in Chad")."""
    words = re.sub(r"^unnamed\s+", "", words_of(head, parse, folded), flags=re.IGNORECASE)
    country = country_of(words, owner, lexicon)
    where = owner is not None and owner.kind == "place"
    if where and owner is not None and not words.endswith(folded[owner.start : owner.end]):
        words = f"{words} in {folded[owner.start : owner.end]}"
    name = f"Unnamed {words}"
    parent = owner.id if owner is not None and not where else lexicon.state_of(country) or ""
    sector = "GOV" if re.search(r"official|diplomat|minist|aide|adviser|advisor", words) else "UNK"
    aliases = surface(head, parse, folded, words)
    actor = Actor(slug(name), name, "unnamed", country, sector, "", parent, "", aliases)
    return add(lexicon, actor)


def organization(
    head: Any,
    parse: Parse,
    folded: str,
    owner: Mention | None,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
) -> str | None:
    """An organisation the registry lacks ("the Ministry of Commerce"), with its country."""
    words = words_of(head, parse, folded)
    if not words[:1].isupper():
        return None
    country = country_of(words, owner, lexicon)
    if not country:
        for m in reversed(mentions):
            if m.kind == "actor" and lexicon.actors[m.id].kind == "state":
                country = lexicon.actors[m.id].country_iso3
                break
            if m.kind == "place" and lexicon.places[m.id].kind == "country":
                country = lexicon.places[m.id].country_iso3
                break
    if not country:
        return None
    for demonym in DEMONYMS:
        words = re.sub(rf"^{re.escape(demonym)}\s+", "", words)
    name = words
    existing = [a for a in lexicon.actors.values() if a.name == name and a.country_iso3 == country]
    if existing:
        return existing[0].actor_id
    parent = lexicon.state_of(country) or ""
    actor_id = slug(f"{country} {name}") if slug(name) in lexicon.actors else slug(name)
    sector = "GOV" if re.search(r"Ministry|Government|Office|Department", name) else "UNK"
    return add(lexicon, Actor(actor_id, name, "organization", country, sector, "", parent, ""))


def unnamed_body(head: Any, parse: Parse, folded: str, lexicon: Lexicon) -> str:
    """A body the text describes but never names ("the presidential office", "the Russian
    defence ministry"): proposed by its words, with the country a demonym gives, else none.
    A bare noun ("the agency") names nothing."""
    modified = any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i for c in head.children)
    of = any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") and any(o.dep_ == "pobj" for o in c.children)
        for c in head.children
    )
    if not modified and not of:  # "the ministry of commerce" is described by what follows
        return ""
    words = words_of(head, parse, folded)
    if len(words.split()) < 2 or re.search(r"\b(?:news|same|other)\b", words, re.I):
        return ""  # "the news agency BNS", "the same group": no body of its own
    country = country_of(words, None, lexicon)
    name = words[:1].upper() + words[1:]
    parent = lexicon.state_of(country) or "" if country else ""
    sector = (
        "GOV"
        if re.search(r"ministry|office|government|department|presiden", words, re.I)
        else "UNK"
    )
    aliases = surface(head, parse, folded, words)
    return add(
        lexicon, Actor(slug(name), name, "organization", country, sector, "", parent, "", aliases)
    )


def state(lexicon: Lexicon, iso3: str) -> str:
    """The state actor of a country that speaks ("Tehran, which called it ..."): the registry's,
    else proposed by the country's name."""
    return metonymy.propose_state(lexicon, iso3) if iso3 else ""
