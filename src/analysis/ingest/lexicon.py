"""What ingest knows before it reads: the registry's actors, places and issues, and proposals.

The registry is shared knowledge: every source's mentions resolve to it. Actors and places that
earlier drafts proposed (their annotation files' `proposed_actors` / `proposed_places`) count as
known too, so two drafts never propose the same new id twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.annotations import read_yaml
from analysis.errors import DataFileError
from analysis.model import Actor, Place

#: Demonyms and adjectives of countries, ISO 3166-1 alpha-3. Used for titles ("Ukrainian
#: Foreign Minister"), weapons ("a Ukrainian drone") and the country of proposed actors.
DEMONYMS: dict[str, str] = {
    "Afghan": "AFG",
    "Algerian": "DZA",
    "American": "USA",
    "Argentine": "ARG",
    "Armenian": "ARM",
    "Australian": "AUS",
    "Austrian": "AUT",
    "Azerbaijani": "AZE",
    "Bangladeshi": "BGD",
    "Belarusian": "BLR",
    "Belgian": "BEL",
    "Brazilian": "BRA",
    "British": "GBR",
    "Bulgarian": "BGR",
    "Canadian": "CAN",
    "Chadian": "TCD",
    "Chilean": "CHL",
    "Chinese": "CHN",
    "Colombian": "COL",
    "Croatian": "HRV",
    "Cuban": "CUB",
    "Czech": "CZE",
    "Danish": "DNK",
    "Dutch": "NLD",
    "Egyptian": "EGY",
    "Eritrean": "ERI",
    "Estonian": "EST",
    "Ethiopian": "ETH",
    "Finnish": "FIN",
    "French": "FRA",
    "Georgian": "GEO",
    "German": "DEU",
    "Greek": "GRC",
    "Hungarian": "HUN",
    "Indian": "IND",
    "Indonesian": "IDN",
    "Iranian": "IRN",
    "Iraqi": "IRQ",
    "Irish": "IRL",
    "Israeli": "ISR",
    "Italian": "ITA",
    "Japanese": "JPN",
    "Jordanian": "JOR",
    "Kazakh": "KAZ",
    "Kenyan": "KEN",
    "Latvian": "LVA",
    "Lebanese": "LBN",
    "Libyan": "LBY",
    "Lithuanian": "LTU",
    "Malian": "MLI",
    "Mexican": "MEX",
    "Moldovan": "MDA",
    "Nigerian": "NGA",
    "North Korean": "PRK",
    "Norwegian": "NOR",
    "Pakistani": "PAK",
    "Palestinian": "PSE",
    "Polish": "POL",
    "Portuguese": "PRT",
    "Qatari": "QAT",
    "Romanian": "ROU",
    "Russian": "RUS",
    "Saudi": "SAU",
    "Serbian": "SRB",
    "Slovak": "SVK",
    "Somali": "SOM",
    "South African": "ZAF",
    "South Korean": "KOR",
    "South Sudanese": "SSD",
    "Spanish": "ESP",
    "Sudanese": "SDN",
    "Swedish": "SWE",
    "Swiss": "CHE",
    "Syrian": "SYR",
    "Taiwanese": "TWN",
    "Turkish": "TUR",
    "Ukrainian": "UKR",
    "U.S.": "USA",
    "US": "USA",
    "U.K.": "GBR",
    "UK": "GBR",
    "Venezuelan": "VEN",
    "Vietnamese": "VNM",
    "Yemeni": "YEM",
}


@dataclass
class Lexicon:
    """Actors, places and issue names that mentions resolve to; proposals are added as found."""

    actors: dict[str, Actor]
    places: dict[str, Place]
    issues: dict[str, str]  # issue id -> name
    proposed_actor_ids: set[str] = field(default_factory=set)
    proposed_place_ids: set[str] = field(default_factory=set)
    _states: dict[str, str] = field(default_factory=dict)  # ISO3 -> state actor id

    def state_of(self, iso3: str) -> str | None:
        """The state actor that stands for a country, if the registry has one."""
        if not self._states:
            self._states = {
                a.country_iso3: a.actor_id
                for a in self.actors.values()
                if a.kind == "state" and a.country_iso3
            }
        return self._states.get(iso3)

    def add_actor(self, actor: Actor) -> None:
        self.actors[actor.actor_id] = actor
        self.proposed_actor_ids.add(actor.actor_id)
        if actor.kind == "state" and actor.country_iso3:
            self._states.setdefault(actor.country_iso3, actor.actor_id)

    def add_place(self, place: Place) -> None:
        self.places[place.place_id] = place
        self.proposed_place_ids.add(place.place_id)


def _text(rec: dict[str, Any], key: str) -> str:
    value = rec.get(key)
    return "" if value is None else str(value).strip()


def _actor(rec: dict[str, Any]) -> Actor:
    aliases = rec.get("aliases") or []
    return Actor(
        _text(rec, "id"),
        _text(rec, "name"),
        _text(rec, "kind"),
        _text(rec, "country"),
        _text(rec, "sector"),
        _text(rec, "office"),
        _text(rec, "parent"),
        _text(rec, "wikidata"),
        tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
    )


def _place(rec: dict[str, Any]) -> Place:
    def number(key: str) -> float:
        value = rec.get(key)
        return float(value) if isinstance(value, int | float) else float("nan")

    return Place(
        _text(rec, "id"),
        _text(rec, "name"),
        _text(rec, "kind"),
        _text(rec, "country"),
        number("lat"),
        number("lon"),
        _text(rec, "precision"),
        _text(rec, "geonameid"),
        _text(rec, "coord_note"),
    )


def _records(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        doc = read_yaml(path)
    except DataFileError:
        return []
    value = doc.get(key)
    return (
        [r for r in value if isinstance(r, dict) and r.get("id")] if isinstance(value, list) else []
    )


_PROPOSALS = re.compile(r"^proposed_(?:actors|places):", re.MULTILINE)


def load_lexicon(root: Path) -> Lexicon:
    """The registry of a project, and the actors and places its other drafts propose."""
    data = root / "data"
    actors = {a.actor_id: a for a in map(_actor, _records(data / "registry/actors.yaml", "actors"))}
    places = {p.place_id: p for p in map(_place, _records(data / "registry/places.yaml", "places"))}
    issues = {
        str(r["id"]): _text(r, "name") for r in _records(data / "registry/issues.yaml", "issues")
    }
    lexicon = Lexicon(actors, places, issues)
    folder = data / "annotations"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        # Only drafts with proposals are parsed: a corpus of reviewed files is skipped cheaply.
        if not _PROPOSALS.search(path.read_text(encoding="utf-8", errors="replace")):
            continue
        for rec in _records(path, "proposed_actors"):
            lexicon.add_actor(_actor(rec))
        for rec in _records(path, "proposed_places"):
            lexicon.add_place(_place(rec))
    return lexicon
