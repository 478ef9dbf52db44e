"""Place mentions of one article: gazetteer guesses decided again, demonyms dropped, misses added.

`refine(ctx, mentions)` runs after the mention steps. The gazetteer cities and "the X region"s
they proposed are decided again with the article's countries (`geocode.choose`); a proposal is
named as the text spells it, the gazetteer's name in its note. Place mentions that are demonyms
or adjectives ("Sudanese", "Polish") are dropped. Places nothing matched are added: NER
locations (GPE, LOC, FAC; a large city the NER left unlabelled) after a locative preposition or
as what a clause acts on ("drones hit Odessa"), US states, later uses of a place's name (the
NER may call the second "Odessa" an ORG), and a region the gazetteer lacks ("the Donbas") when
its sentence names its country. Exact names only, never substrings. Actor mentions are left as
they are: whether a capital is its government is the mention steps' call (`metonymy`); a
capital added here is one after "in", "near" ... or one that is struck or visited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from analysis.ingest import geocode
from analysis.ingest import places as geo
from analysis.ingest.context import LOCATIVE, RELATIONAL, Context, Mention, prev_word
from analysis.ingest.lexicon import DEMONYMS

_LOCATION_LABELS = ("GPE", "LOC", "FAC")
#: Prepositions a place follows: the mention steps' locative and relational ones, and more.
_PLACE_PREPOSITIONS = LOCATIVE | RELATIONAL | {"through", "via", "along", "between", "past"}


class _Mask:
    """Which characters of the text some span already covers: a linear-time overlap test."""

    def __init__(self, size: int, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.bits = bytearray(size)
        for s, e in spans:
            self.add(s, e)

    def add(self, s: int, e: int) -> None:
        self.bits[s:e] = b"\x01" * (e - s)

    def hits(self, s: int, e: int) -> bool:
        return self.bits.find(1, s, e) >= 0

    def within(self, s: int, e: int) -> bool:
        return e > s and self.bits.find(0, s, e) < 0


def _demonyms(ctx: Context) -> Callable[[Mention], bool]:
    """A test of whether a place mention is a demonym or an adjective ("Sudanese", "Polish")."""
    norp = _Mask(len(ctx.folded))
    if ctx.parse is not None:
        for s, e, label in ctx.parse.entities():
            if label == "NORP":
                norp.add(s, e)
    names = {p.name for p in ctx.lexicon.places.values()}

    def test(m: Mention) -> bool:
        name = geocode.name_of(ctx.folded[m.start : m.end])
        if geo.country(name) is not None:
            return False  # "the Philippines", not a plural demonym
        if name in DEMONYMS or (name.endswith("s") and name[:-1] in DEMONYMS):
            return True
        return norp.within(m.start, m.end) and name not in names

    return test


def refine(ctx: Context, mentions: Sequence[Mention]) -> list[Mention]:
    """Place mentions disambiguated by the article's countries; demonyms dropped; places the
    mention steps missed added. Other mentions are returned unchanged."""
    lex = ctx.lexicon
    countries = geocode.article_countries(ctx, mentions)
    demonym = _demonyms(ctx)
    kept = [m for m in mentions if not (m.kind == "place" and m.via != "registry" and demonym(m))]
    guesses, regions, states = _guesses(ctx, kept, countries)
    _drop(ctx, {kept[i].id for i in (*guesses, *regions, *states)})  # made again below
    moved: dict[str, str] = {}
    out: list[Mention] = []
    for i, m in enumerate(kept):
        new_id, confidence = "", m.confidence
        if i in guesses:
            surface, choice = guesses[i]
            new_id, confidence = geocode.propose(ctx, choice, surface), choice.confidence
        elif i in regions:
            name, choice = regions[i]
            new_id, confidence = geo.propose_region(lex, name, choice.city).place_id, 0.6
        elif i in states and (state := geo.propose_us_state(lex, states[i])) is not None:
            new_id = state.place_id
        if not new_id:
            out.append(m)
            continue
        if new_id in lex.proposed_place_ids and new_id not in ctx.proposals:
            ctx.proposals.append(new_id)
        moved.setdefault(m.id, new_id)
        out.append(replace(m, ids=(new_id,), confidence=min(m.confidence, confidence)))
    out = [
        replace(m, ids=tuple(moved.get(x, x) for x in m.ids))
        if any(x in moved and x not in lex.places for x in m.ids)
        else m
        for m in out
    ]
    out = [m for m in out if not _settlement_person(ctx, m)]
    out.extend(_entity_places(ctx, out, countries))
    out.extend(_repeats(ctx, out))
    return sorted(out, key=lambda m: (m.start, m.end))


Guess = tuple[str, geocode.Choice]


def _settlement_person(ctx: Context, m: Mention) -> bool:
    """A person proposed for a settlement's name ("the village of Zolota Balka"): a place."""
    actor = ctx.lexicon.actors.get(m.id) if m.kind == "actor" else None
    if actor is None or actor.kind != "person" or m.id not in ctx.lexicon.proposed_actor_ids:
        return False
    return settlement(ctx.folded, m.start, m.end)


def _guesses(
    ctx: Context, mentions: Sequence[Mention], countries: Mapping[str, float]
) -> tuple[dict[int, Guess], dict[int, Guess], dict[int, str]]:
    """The mention steps' gazetteer guesses to decide again, by index: cities, "the X region"s
    (placed on a city X) and countries that are US states here ("Georgia" in a US story)."""
    lex = ctx.lexicon
    cities: dict[int, Guess] = {}
    regions: dict[int, Guess] = {}
    states: dict[int, str] = {}
    for i, m in enumerate(mentions):
        place = lex.places.get(m.id) if m.kind == "place" else None
        if place is None:
            continue
        if m.via == "gazetteer" and place.kind == "city":
            surface = geocode.name_of(ctx.folded[m.start : m.end])
            choice = geocode.choose(surface, countries)
            if choice is not None:
                cities[i] = (surface, choice)
        elif place.place_id in ctx.proposals and geocode.NAMESAKE in place.coord_note:
            name = place.name.removesuffix(" region")
            choice = geocode.choose(name, countries)
            if choice is not None:
                regions[i] = (name, choice)
        elif (
            place.kind == "country"
            and geo.us_state(place.name)
            and countries.get("USA", 0.0) > countries.get(place.country_iso3, 0.0)
        ):
            states[i] = place.name
    return cities, regions, states


def _repeats(ctx: Context, mentions: Sequence[Mention]) -> list[Mention]:
    """Later uses of a gazetteer place's name that the NER labelled otherwise ("the port of
    Odessa" as an ORG): the same place, where the name stands as a place would."""
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "place" and m.via == "gazetteer":
            names.setdefault(ctx.folded[m.start : m.end], m)
    out: list[Mention] = []
    taken = _Mask(len(ctx.folded), [(m.start, m.end) for m in mentions])
    for name, first in names.items():
        city = ctx.lexicon.places.get(first.id)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", ctx.folded):
            s, e = hit.span()
            index = ctx.sentence_of(s)
            if index < 0 or taken.hits(s, e):
                continue
            prev = prev_word(ctx.folded, s, ctx.sentences[index].start)
            if prev not in _PLACE_PREPOSITIONS and not _target(ctx, s, e):
                continue
            if (
                city is not None
                and geo.capital(city.country_iso3) == name
                and not _capital_place(ctx, s, e, prev)
            ):
                continue
            role = (
                "relational"
                if prev in RELATIONAL
                else "locative"
                if prev in _PLACE_PREPOSITIONS
                else ""
            )
            out.append(replace(first, start=s, end=e, sentence=index, role=role))
            taken.add(s, e)
    return out


def _drop(ctx: Context, ids: set[str]) -> None:
    """Forget the places this text proposed among `ids` (they are proposed again if right)."""
    for pid in ids:
        if pid in ctx.proposals and pid in ctx.lexicon.proposed_place_ids:
            ctx.proposals.remove(pid)
            ctx.lexicon.proposed_place_ids.discard(pid)
            ctx.lexicon.places.pop(pid, None)


def _entity_places(
    ctx: Context, mentions: Sequence[Mention], countries: Mapping[str, float]
) -> list[Mention]:
    """NER locations after a locative preposition that no mention covers."""
    if ctx.parse is None:
        return []
    out: list[Mention] = []
    taken = _Mask(len(ctx.folded), [(m.start, m.end) for m in mentions])
    for s, e, label in _location_spans(ctx):
        text = ctx.folded[s:e]
        name = geocode.name_of(text)
        s = s + text.index(name) if name else s
        e = s + len(name)
        index = ctx.sentence_of(s)
        if index < 0 or not name or taken.hits(s, e):
            continue
        prev = prev_word(ctx.folded, s, ctx.sentences[index].start)
        if name in DEMONYMS or geo.country(name):
            continue
        after_preposition = prev in _PLACE_PREPOSITIONS
        if not after_preposition and not _target(ctx, s, e):
            continue
        role = "relational" if prev in RELATIONAL else "locative" if after_preposition else ""
        state = geo.propose_us_state(ctx.lexicon, name) if geo.us_state(name) else None
        if state is not None:
            if state.place_id in ctx.lexicon.proposed_place_ids:
                ctx.proposals.append(state.place_id)
            out.append(Mention(s, e, "place", (state.place_id,), index, 0.6, role, via="gazetteer"))
            taken.add(s, e)
            continue
        choice = geocode.choose(name, countries)
        settled = settlement(ctx.folded, s, e)
        lone = label in _MISLABELLED and " " not in name and prev in _IN_PLACE | {"off"}
        if choice is None and ((label in ("GPE", "LOC") and after_preposition) or settled or lone):
            area = _area(ctx, name, s, index, mentions)
            if area is not None:
                out.append(Mention(s, e, "place", (area,), index, 0.4, role, via="gazetteer"))
                taken.add(s, e)
            continue
        if label == "PERSON" and (prev not in _IN_PLACE | {"through"} or choice is None):
            continue  # "marched through Austin" (the NER: a person); "met Austin": a person
        if label in _MISLABELLED and not _town_of(choice, countries, after_preposition):
            continue  # "in Nikopol" (the NER: an organization) is a town of the story's country
        if choice is None or (label in ("", "PERSON") and choice.city.population < _UNLABELLED_MIN):
            continue
        if _is_capital(choice.city) and not _capital_place(ctx, s, e, prev):
            continue  # "pressure on Moscow", "ties to Beijing": its government, not a place
        pid = geocode.propose(ctx, choice, name)
        confidence = choice.confidence if after_preposition else round(choice.confidence * 0.8, 2)
        out.append(Mention(s, e, "place", (pid,), index, confidence, role, via="gazetteer"))
        taken.add(s, e)
    return out


def _location_spans(ctx: Context) -> list[tuple[int, int, str]]:
    """NER locations, one-word PERSON entities (the NER's "Austin" in "marched through Austin")
    and proper nouns it left unlabelled ("attacked Kyiv": label "")."""
    assert ctx.parse is not None
    found = [
        (s, e, label)
        for s, e, label in ctx.parse.entities()
        if label in _LOCATION_LABELS
        or (label == "PERSON" and " " not in ctx.folded[s:e])
        or (label == "PERSON" and settlement(ctx.folded, s, e))
        or label in _MISLABELLED
    ]
    for base, doc in ctx.parse.blocks:
        for tok in doc:
            if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in _TARGET_DEPS:
                first = min(
                    (t for t in tok.subtree if t.dep_ == "compound"), default=tok, key=lambda t: t.i
                )
                if first.pos_ == "PROPN":
                    found.append((base + first.idx, base + tok.idx + len(tok.text), ""))
    return sorted(found)


_TARGET_DEPS = ("dobj", "nsubjpass", "pobj", "conj", "appos")
#: Words that say the next name is a settlement, whatever label the NER gives it ("the village
#: of Zolota Balka": a person; "an air base at Alakurtti": an organization).
_SETTLEMENT_AFTER = re.compile(
    r", (?:a|the) (?:small |frontline |front-line |coastal |border |nearby )?"
    r"(?:village|town|city|settlement|hamlet|island|port)\b"
)


def settlement(folded: str, s: int, e: int) -> bool:
    """Whether the text says the name at [s, e) is a settlement: "the village of X", "a base at
    X", "X, a village near ..."."""
    before = _SETTLEMENT.search(folded[max(0, s - 24) : s]) is not None
    return before or _SETTLEMENT_AFTER.match(folded, e) is not None


_SETTLEMENT = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|island|port|base|harbour|harbor)s? "
    r"(?:of|at|in|near) $"
)
#: Labels the small model gives towns it does not know ("in Nikopol": ORG, "to Sevastopol":
#: NORP): a place only after a place preposition, when the gazetteer has it in a country the
#: article is about.
_MISLABELLED = ("ORG", "NORP")


def _town_of(
    choice: geocode.Choice | None, countries: Mapping[str, float], after_preposition: bool
) -> bool:
    return (
        after_preposition
        and choice is not None
        and countries.get(geo.iso3_of(choice.city.iso2), 0.0) > 0
    )


_UNLABELLED_MIN = 100_000  # an unlabelled proper noun is a city only if a large one


#: Prepositions after which a capital is where something happens, not who does it.
_IN_PLACE = frozenset(
    ["in", "at", "near", "outside", "around", "inside", "across", "throughout", "within", "into"]
)
#: Verbs whose object is a place even when it is a capital ("shelled Kyiv", "visited Beijing").
_PLACE_VERBS = frozenset(
    [
        "attack",
        "strike",
        "hit",
        "shell",
        "bomb",
        "target",
        "visit",
        "enter",
        "reach",
        "capture",
        "seize",
        "besiege",
        "surround",
        "leave",
        "flee",
        "evacuate",
        "storm",
    ]
)


def _is_capital(city: geo.City) -> bool:
    return geo.capital(geo.iso3_of(city.iso2)) == city.name


def _capital_place(ctx: Context, s: int, e: int, prev: str) -> bool:
    """A capital stands for a place after "in", "near" ..., or as what is struck or visited."""
    if prev in _IN_PLACE:
        return True
    head = ctx.head(s, e)
    return (
        head is not None
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in _PLACE_VERBS
    )


def _target(ctx: Context, s: int, e: int) -> bool:
    """A location the clause acts on ("shelling hit Odessa", "Kharkiv was struck"), not one
    that acts or owns ("Kyiv said", "Kharkiv's mayor": the mention steps decide those)."""
    head = ctx.head(s, e)
    return head is not None and head.dep_ in _TARGET_DEPS


#: Names of regions that span countries: never placed in one.
_WIDE = frozenset(
    [
        "Africa",
        "Asia",
        "Europe",
        "North America",
        "South America",
        "Latin America",
        "Oceania",
        "Antarctica",
        "Middle East",
        "Near East",
        "Far East",
        "West",
        "East",
        "Gulf",
        "Sahel",
        "Horn of Africa",
        "Balkans",
        "Caucasus",
        "Central Asia",
        "Southeast Asia",
        "South Asia",
        "Asia-Pacific",
        "Indo-Pacific",
        "Arctic",
        "Mediterranean",
        "Baltic",
        "Baltics",
        "Scandinavia",
        "Caribbean",
        "Global South",
    ]
)
_WATER = re.compile(r"\b(?:Sea|Ocean|Gulf|River|Strait|Straits|Bay|Lake|Channel|Canal)\b")


#: Nations within a state that the gazetteer (cities) lacks: their state, not the sentence's.
_NATIONS = {
    "Scotland": "GBR",
    "England": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "Greenland": "GRL",
    "Faroe Islands": "FRO",
}


def _area(ctx: Context, name: str, s: int, index: int, mentions: Sequence[Mention]) -> str | None:
    """A region the gazetteer lacks, in the country its own sentence names nearest to it."""
    if name in _WIDE or name.removeprefix("the ") in _WIDE or _WATER.search(name):
        return None
    if not re.match(r"[A-Z]", name) or len(name) < 4:
        return None
    lex = ctx.lexicon
    found: list[tuple[int, str]] = []
    for m in mentions:
        if m.sentence != index:
            continue
        iso3 = ""
        if m.kind == "actor" and m.id in lex.actors and lex.actors[m.id].kind == "state":
            iso3 = lex.actors[m.id].country_iso3
        elif m.kind == "place" and m.id in lex.places:
            iso3 = lex.places[m.id].country_iso3
        if iso3:
            found.append((abs(m.start - s), iso3))
    if ctx.parse is not None:
        sentence = ctx.sentences[index]
        for a, b, label in ctx.parse.entities(sentence.start, sentence.end):
            if label == "NORP" and ctx.folded[a:b] in DEMONYMS:
                found.append((abs(a - s), DEMONYMS[ctx.folded[a:b]]))
    if name in _NATIONS:  # "instructors to Scotland": a nation of its own state, whoever sends
        found = [(0, _NATIONS[name])]
    if not found:
        return None
    place = geo.propose_area(lex, name, min(found)[1])
    if place is None:
        return None
    if place.place_id in lex.proposed_place_ids and place.place_id not in ctx.proposals:
        ctx.proposals.append(place.place_id)
    return place.place_id
