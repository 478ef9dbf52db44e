"""Which place a gazetteer name stands for in one article: its countries first, then population.

A name the gazetteer holds more than once ("St. Petersburg": Saint Petersburg, Russia, whose
alternate name it is, and St. Petersburg, Florida, whose own name it is) is resolved by
1. the countries the article is about (`article_countries`): the states and places its mentions
   resolve to, the countries of the people and bodies it names, the demonyms it uses and its
   dateline ("ST. PETERSBURG, Russia (AP) —" counts most). A candidate in a more-cited country
   wins;
2. otherwise population, an alternate name counting a tenth of an own name.
When nothing separates two candidates in different countries (the larger is under five times
the other), the place keeps a low confidence and its proposal a note naming the rival.

`propose` turns a choice into a place id (a registry place, an earlier text's proposal, or a
new proposal named as the text spells it); `locate.refine` applies all this to one article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention
from analysis.ingest.lexicon import DEMONYMS

ALTERNATE_WEIGHT = 0.1  # an alternate name's city counts a tenth of its population
CLEAR_RATIO = 5.0  # a candidate this many times larger than its rival wins without a note
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\- ]{1,40}[A-Z.])(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:\u2014|\u2013|--|-)\s"
)
NAMESAKE = "the region's namesake city"  # the note of `places.propose_region`


@dataclass(frozen=True)
class Choice:
    """The city a name is taken for, how sure that is, and a note for the reviewer."""

    city: geo.City
    confidence: float
    note: str = ""


def _iso3(c: geo.Candidate) -> str:
    return geo.iso3_of(c.city.iso2)


def _weight(c: geo.Candidate) -> float:
    return c.city.population * (1.0 if c.primary else ALTERNATE_WEIGHT)


def rank(name: str, countries: Mapping[str, float]) -> list[geo.Candidate]:
    """The gazetteer cities called `name`, best first: most-cited country, then weight."""
    if name in DEMONYMS or name.rstrip("s") in DEMONYMS:
        return []
    found = geo.candidates(name)
    return sorted(found, key=lambda c: (countries.get(_iso3(c), 0.0), _weight(c)), reverse=True)


def _label(c: geo.Candidate) -> str:
    return f"{c.city.name}, {_iso3(c) or c.city.iso2} ({c.city.population:,} people)"


def choose(name: str, countries: Mapping[str, float]) -> Choice | None:
    """The city `name` stands for in an article about `countries` (ISO3 -> weight 0..1)."""
    ranked = rank(name, countries)
    if not ranked:
        return None
    best = ranked[0]
    base = 0.8 if best.primary else 0.7
    rivals = [c for c in ranked[1:] if c.city.iso2 != best.city.iso2]
    twins = [
        c
        for c in ranked[1:]
        if c.city.iso2 == best.city.iso2 and c.primary and _weight(c) * CLEAR_RATIO > _weight(best)
    ]
    if not rivals:
        if twins:
            return Choice(
                best.city,
                0.6,
                f"ambiguous name {name!r}: {_label(best)} taken as the largest; also "
                f"{_label(twins[0])}",
            )
        return Choice(best.city, base)
    rival = rivals[0]
    mine, theirs = countries.get(_iso3(best), 0.0), countries.get(_iso3(rival), 0.0)
    if mine > theirs:
        note = ""
        if _weight(rival) > _weight(best):
            note = (
                f"{name!r}: {_label(best)} taken over {_label(rival)} because the article "
                f"is about {_iso3(best)}"
            )
        return Choice(best.city, base, note)
    if _weight(best) >= CLEAR_RATIO * _weight(rival):
        return Choice(best.city, round(base - 0.1, 2))
    why = "population" if best.primary == rival.primary else "the gazetteer's own name"
    return Choice(
        best.city,
        0.35,
        f"ambiguous name {name!r}: {_label(best)} taken over {_label(rival)} by {why}; "
        "the article does not say which country; check it",
    )


def dateline(text: str) -> tuple[str, str]:
    """The city and the region or country of a dateline ("MOSCOW (Reuters) —"), or ("", "")."""
    m = _DATELINE.match(text)
    if m is None or len(m.group("city")) < 3:
        return "", ""
    return m.group("city").strip(), (m.group("region") or "").strip()


def _dateline_countries(ctx: Context) -> dict[str, float]:
    for sentence in ctx.sentences[:3]:
        city, region = dateline(ctx.folded[sentence.start : sentence.end])
        if not city:
            continue
        if region:
            found = geo.country(region)
            if found is not None:
                return {found.iso3: 3.0}
            if geo.us_state(region) or re.fullmatch(r"(?:[A-Z][a-z]{1,4}\.){1,2}", region):
                return {"USA": 3.0}  # "ST. PETERSBURG, Fla." or "AUSTIN, Texas"
        ranked = rank(city, {})
        if ranked:
            return {_iso3(ranked[0]): 2.0}
    return {}


def article_countries(ctx: Context, mentions: Sequence[Mention]) -> dict[str, float]:
    """The countries an article is about, ISO3 -> weight, the most cited 1.0.

    A state, a place of the registry or a US state counts 1 a mention; a person's or a body's
    country and a demonym in the text 0.5; the dateline's country 3 (2 when only its city
    says). The cities whose country is being decided (gazetteer guesses) do not count.
    """
    lex = ctx.lexicon
    weights: dict[str, float] = dict(_dateline_countries(ctx))

    def add(iso3: str, w: float) -> None:
        if iso3:
            weights[iso3] = weights.get(iso3, 0.0) + w

    for m in mentions:
        if m.kind == "actor" and m.id in lex.actors:
            actor = lex.actors[m.id]
            add(actor.country_iso3, 1.0 if actor.kind == "state" else 0.5)
        elif m.kind == "place" and m.id in lex.places:
            place = lex.places[m.id]
            guessed = (m.via == "gazetteer" and place.kind == "city") or (
                NAMESAKE in place.coord_note and place.place_id in ctx.proposals
            )
            if not guessed:
                add(place.country_iso3, 1.0)
    if ctx.parse is not None:
        for s, e, label in ctx.parse.entities():
            if label == "NORP":
                add(DEMONYMS.get(ctx.folded[s:e], ""), 0.5)
            elif (
                label == "GPE"
                and geo.us_state(ctx.folded[s:e])
                and geo.country(ctx.folded[s:e]) is None
            ):
                add("USA", 1.0)  # "Florida officials said"
    top = max(weights.values(), default=0.0)
    return {k: round(v / top, 3) for k, v in weights.items() if top and v / top >= 0.1}


def name_of(text: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"(?:'s|\u2019s|')$", "", name)


def propose(ctx: Context, choice: Choice, surface: str) -> str:
    """The place id of a chosen city: a registry place or an earlier text's proposal of it,
    else a proposal named as this text writes it (the gazetteer's name said in its note)."""
    lex = ctx.lexicon
    name = surface if _spelling(surface) else choice.city.name
    known = geo.by_geonameid(lex, choice.city.geonameid)
    if known is not None and (known.name == name or known.place_id not in ctx.proposals):
        place = known
    else:
        place = geo.propose_city(lex, choice.city, name)
    if place.place_id in lex.proposed_place_ids:
        if place.place_id not in ctx.proposals:
            ctx.proposals.append(place.place_id)
        notes = [choice.note] if choice.note else []
        if place.name != choice.city.name:
            notes.append(f"gazetteer name: {choice.city.name} ({choice.city.geonameid})")
        note = "; ".join(n for n in notes if n not in place.coord_note)
        if note:
            note = "; ".join(x for x in (place.coord_note, note) if x)
            lex.places[place.place_id] = replace(place, coord_note=note)
    return place.place_id


def _spelling(name: str) -> bool:
    """A text's own spelling of a name fit to name a place (not "ST. PETERSBURG")."""
    return len(name) >= 3 and not name.isupper() and name[:1].isupper()
