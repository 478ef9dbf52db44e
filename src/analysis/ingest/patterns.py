"""Rules a phrase list cannot hold: titles, possessive organisations, regions, weapons, roles.

- titles: "Russian Defense Minister Sergei Shoigu" is one mention of Shoigu;
- possessives: "Romania's Defense Ministry", "its Foreign Ministry" resolve to the actor whose
  parent is that state and whose name ends in those words;
- places: "the Kaluga region", "Ukraine's southeast", "Romanian territory";
- weapons: "a Ukrainian drone" names Ukraine as the one who flew it;
- governments: "the Chinese government", "Russian authorities" are the state;
- roles: an organisation before "spokesman" ("Ukrainian Foreign Ministry spokesman Oleg
  Nikolenko") and anything inside an appositive (", a NATO member,") is not an actor of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.ingest import metonymy
from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention, overlaps
from analysis.ingest.lexicon import DEMONYMS
from analysis.ingest.words import TITLE_WORDS

ROLE_NOUNS = re.compile(
    r"^\s+(?:spokes(?:man|woman|person)|officials?|minister|ambassador|envoy|advis[eo]r|chief|"
    r"head|commander|director|secretary|members?|representatives?|lawmakers?|sources?|"
    r"leaders?|troops|forces|soldiers|diplomats?|staff|workers?|employees?)\b"
)
_DEMONYM_RX = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
TITLE_PREFIX = re.compile(
    rf"(?:(?:{_DEMONYM_RX}|[A-Z][a-z]+(?:'s)?|{'|'.join(re.escape(w) for w in TITLE_WORDS)})"
    r"\s+)+$"
)
APPOSITIVE = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s[^,.;:]{1,90},")

_REGION = re.compile(
    r"\b(?:the\s+)?(?P<name>[A-Z][\w-]+)\s+(?P<kind>region|oblast|province|"
    r"Oblast|Province|Region|governorate|prefecture|district|District)\b"
)
_NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
_DIRECTIONAL = re.compile(
    rf"(?P<a>\b{_NAME})'s\s+(?P<way>north|south|east|west|northeast|northwest|southeast|"
    r"southwest|north-east|north-west|south-east|south-west)\b|"
    r"\b(?P<way2>northern|southern|eastern|western|north-eastern|south-eastern|north-western|"
    rf"south-western|northeastern|southeastern|northwestern|southwestern)\s+(?P<b>{_NAME})"
)
_WEAPON = re.compile(
    rf"\b(?P<dem>{_DEMONYM_RX})\s+(?:attack\s+|combat\s+|military\s+|kamikaze\s+|"
    r"long-range\s+|cruise\s+|ballistic\s+)?(?P<what>drones?|missiles?|rockets?|forces|troops|"
    r"military|army|navy|warplanes?|jets?|warships?|artillery|strikes?|shelling|soldiers|"
    r"air defenses|air defences|counteroffensive|offensive)\b"
)
_GOVERNMENT = re.compile(
    rf"\b(?P<dem>{_DEMONYM_RX})\s+(?:government|authorities|leadership|cabinet|administration)\b"
)
_TERRITORY = re.compile(
    rf"\b(?P<dem>{_DEMONYM_RX})\s+(?:territory|soil|airspace|land|"
    r"border|coast|waters)\b"
)
_POSSESSIVE_ORG = re.compile(
    r"\b(?:(?P<owner>its|their)|(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)"
    r"'s?)\s+"
    r"(?P<org>(?:[A-Z][a-z]+ ){0,3}(?:Ministry|Office|Council|"
    r"Agency|Service|Command|Committee|Parliament|Government|Army|"
    r"Navy|Forces|Police|Court|Embassy|Cabinet))\b"
)


_OF_NAME = re.compile(r" (?:of|for) (?:the )?[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*")


def apply(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Titles, possessive organisations, regions, directional areas, weapons' owners."""
    lex, folded = ctx.lexicon, ctx.folded
    out = list(mentions)
    # titles: extend a person mention over the title words before it
    for i, m in enumerate(out):
        if m.kind != "actor" or lex.actors[m.id].kind != "person":
            continue
        sentence = ctx.sentences[m.sentence]
        t = TITLE_PREFIX.search(folded, sentence.start, m.start)
        if t and t.start() < m.start and not overlaps(out[:i] + out[i + 1 :], t.start(), m.start):
            words = list(re.finditer(r"\S+", folded[t.start() : m.start]))
            while words and _not_title(words[0].group(0)):
                words.pop(0)
            if words:
                out[i] = replace(m, start=t.start() + words[0].start(), via="title")
    for sentence_index, sentence in enumerate(ctx.sentences):
        s0, s1 = sentence.start, sentence.end
        chunk = folded[s0:s1]
        for mt in _POSSESSIVE_ORG.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if overlaps(out, s0 + mt.start("org"), e):
                continue
            owner = mt.group("owner") or mt.group("name")
            state = _owner_state(ctx, out, owner, s, sentence_index)
            if state is None:
                continue
            org = mt.group("org")
            named = _OF_NAME.match(chunk, mt.end())
            if named:  # "Ukraine's Ministry of Reintegration": the whole name must fit
                org = f"{org}{named.group(0)}"
            hit = [
                a
                for a in lex.actors.values()
                if a.parent_id == state
                and (a.name.endswith(org) or a.name.endswith(org.replace("Defense", "Defence")))
            ]
            if hit:
                out = [x for x in out if not (x.start >= s and x.end <= e)]
                out.append(
                    Mention(
                        s, e, "actor", (hit[0].actor_id,), sentence_index, 0.75, via="possessive"
                    )
                )
        for mt in _REGION.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if overlaps(out, s0 + mt.start("name"), e):
                continue
            name = mt.group("name")
            place = geo.registry_region(lex, name)
            if place is None:
                found = geo.city(name)
                if found is None:
                    continue
                place = geo.propose_region(lex, name, found)
                ctx.proposals.append(place.place_id)
            out.append(
                Mention(
                    s,
                    e,
                    "place",
                    (place.place_id,),
                    sentence_index,
                    0.8,
                    role="locative",
                    via="region",
                )
            )
        for mt in _DIRECTIONAL.finditer(chunk):
            owner = (mt.group("a") or mt.group("b") or "").strip()
            way = geo.direction(mt.group("way") or mt.group("way2") or "")
            iso3 = country_iso3(ctx, owner)
            if not iso3:
                continue
            s, e = s0 + mt.start(), s0 + mt.end()
            area = geo.registry_area(lex, iso3, way)
            if area is None:
                continue
            out = [x for x in out if not (x.start >= s and x.end <= e)]
            out.append(
                Mention(
                    s,
                    e,
                    "place",
                    (area.place_id,),
                    sentence_index,
                    0.7,
                    role="locative",
                    via="direction",
                )
            )
        for mt in _TERRITORY.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if overlaps(out, s, e):
                continue
            territory = _territory(ctx, DEMONYMS[mt.group("dem")], sentence.block)
            if territory is not None:
                out.append(
                    Mention(
                        s,
                        e,
                        "place",
                        (territory,),
                        sentence_index,
                        0.6,
                        role="locative",
                        via="territory",
                    )
                )
        for mt in _WEAPON.finditer(chunk):
            state = lex.state_of(DEMONYMS[mt.group("dem")])
            s, e = s0 + mt.start("dem"), s0 + mt.end("dem")
            if state is None or overlaps(out, s, e):
                continue
            out.append(Mention(s, e, "actor", (state,), sentence_index, 0.7, via="weapon"))
        for mt in _GOVERNMENT.finditer(chunk):
            # "the Chinese government", "Russian authorities": the state, over the whole phrase
            state = metonymy.state_actor(ctx, DEMONYMS[mt.group("dem")])
            s, e = s0 + mt.start(), s0 + mt.end()
            if not state or overlaps(out, s, e) or ROLE_NOUNS.match(chunk[mt.end() :]):
                continue  # "U.S. administration officials" speak, not the state
            out.append(Mention(s, e, "actor", (state,), sentence_index, 0.7, via="government"))
    return sorted(out, key=lambda m: (m.start, m.end))


def _not_title(word: str) -> bool:
    """A capitalised word before a name that is not part of the title ("The", "Russia's")."""
    return (
        word[0].isupper()
        and word not in TITLE_WORDS
        and word not in DEMONYMS
        and not any(word == d.split()[0] for d in DEMONYMS)
    )


def _territory(ctx: Context, iso3: str, block: int) -> str | None:
    """ "Romanian territory": the country's registry area the paragraph points to, else the country.

    An area is chosen when a word of its name (five letters or more) occurs in the paragraph,
    e.g. the area "Romanian bank of the Danube" in a paragraph about ports on the Danube.
    """
    lex = ctx.lexicon
    paragraph = " ".join(ctx.folded[s.start : s.end] for s in ctx.sentences if s.block == block)
    for place in lex.places.values():
        if place.kind in ("area", "district", "region") and place.country_iso3 == iso3:
            words = {w for w in re.findall(r"[A-Za-z]{5,}", place.name) if w not in DEMONYMS}
            if any(re.search(rf"\b{w}\b", paragraph) for w in words):
                return place.place_id
    country = geo.country_place(lex, iso3)
    return country.place_id if country else None


def _owner_state(
    ctx: Context, mentions: Sequence[Mention], owner: str, at: int, sentence: int
) -> str | None:
    """The state (or organisation) an owner word stands for: `Romania`, `its`."""
    lex = ctx.lexicon
    if owner in ("its", "their"):
        # the subject of this sentence ("Cuba identified ..., its Foreign Ministry said"),
        # else of the previous one
        for index in (sentence, sentence - 1):
            for m in mentions:
                if (
                    m.sentence == index
                    and m.kind == "actor"
                    and m.end <= at
                    and lex.actors[m.id].kind in ("state", "organization")
                ):
                    return m.id
        return None
    for m in mentions:
        if m.kind == "actor" and ctx.folded[m.start : m.end] == owner:
            return m.id
    iso3 = country_iso3(ctx, owner)
    return lex.state_of(iso3) if iso3 else None


def country_iso3(ctx: Context, name: str) -> str:
    for actor in ctx.lexicon.actors.values():
        if actor.kind == "state" and (actor.name == name or name in actor.aliases):
            return actor.country_iso3
    found = geo.country(name)
    return found.iso3 if found else ""


def roles(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Mark modifiers ("... Ministry spokesman X"), appositives and place qualifiers."""
    folded = ctx.folded
    out = list(mentions)
    for i, m in enumerate(out):
        after = folded[m.end : m.end + 40]
        if (
            m.kind == "actor"
            and m.role == ""
            and ROLE_NOUNS.match(after)
            and ctx.lexicon.actors[m.id].kind in ("organization", "state", "igo", "media")
        ):
            # "Ukrainian Foreign Ministry spokesman Oleg Nikolenko": the ministry qualifies him
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.start - m.end < 30:
                out[i] = replace(m, role="modifier")
        app = APPOSITIVE.match(folded, m.end) if m.kind == "actor" else None
        if app:
            for j in range(i + 1, len(out)):
                if out[j].start >= app.end():
                    break
                out[j] = replace(out[j], role="appositive")
        if m.kind == "place" and i + 1 < len(out):
            nxt = out[i + 1]
            between = folded[m.end : nxt.start]
            state = ctx.lexicon.actors.get(nxt.id) if nxt.kind == "actor" else None
            country = (
                geo.country_place(ctx.lexicon, state.country_iso3)
                if state is not None and state.kind == "state"
                else None
            )
            if between == ", " and (nxt.kind == "place" or country is not None):
                # "Vladivostok, Russia": the country only qualifies the city
                out[i + 1] = replace(nxt, role="qualifier")
            elif (
                re.fullmatch(r"\s*(?:,|,? and|,? or)\s*", between)
                and country is not None
                and m.role == "locative"
            ):
                # "in Cuba and Russia": the second is a place as the first is
                out[i + 1] = replace(nxt, kind="place", ids=(country.place_id,), role="locative")
    return out
