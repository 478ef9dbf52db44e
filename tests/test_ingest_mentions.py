"""Mentions: registry names, titles, roles, possessives, places, pronouns and proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest import mentions as mentions_
from analysis.ingest import nlp, segment
from analysis.ingest import places as geo
from analysis.ingest.lexicon import Lexicon, load_lexicon
from analysis.quotes import fold

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def lexicon() -> Lexicon:
    return load_lexicon(ROOT)


def found(text: str, lexicon: Lexicon) -> list[tuple[str, str, tuple[str, ...], str]]:
    blocks, _ = segment.blocks(text)
    folded = fold(text)
    readable = [b for b in blocks if b.kind in ("body", "caption")]
    docs = list(nlp.pipeline().pipe(folded[b.start : b.end] for b in readable))
    sentences = segment.sentences(text, blocks, docs)
    ctx = mentions_.Context(text, folded, sentences, lexicon)
    matchers = mentions_.build_matchers(lexicon)
    return [
        (m.kind, text[m.start : m.end], m.ids, m.role)
        for m in mentions_.find(
            ctx, [(b.start, d) for b, d in zip(readable, docs, strict=True)], matchers
        )
    ]


def ids(text: str, lexicon: Lexicon, kind: str = "actor") -> list[str]:
    return [
        i[0]
        for k, _, i, role in found(text, lexicon)
        if k == kind and role not in ("modifier", "appositive", "qualifier")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Defense Minister Sergei Shoigu arrived.", ["sergei_shoigu"]),
        ("Shoigu arrived.", ["sergei_shoigu"]),  # the surname alone
        ("The White House said so.", ["white_house"]),
        ("Officials said the White House agreed.", ["white_house"]),  # article case varies
        ("Senior administration officials said so.", ["senior_administration_officials"]),
        ("Romania\u2019s Defense Ministry said so.", ["romanian_defense_ministry"]),
        ("Romania's Defense Ministry said so.", ["romanian_defense_ministry"]),  # straight '
        ("Cuba said its Foreign Ministry agreed.", ["cuba", "cuban_foreign_ministry"]),
        ("Russia said it shot down a Ukrainian drone.", ["russia", "ukraine"]),  # weapon owner
        (
            "Kim met Putin to sell munitions to Moscow.",
            ["kim_jong_un", "vladimir_putin", "russia"],
        ),  # a capital as its state
    ],
)
def test_mentions_resolve_to_the_registry(text: str, expected: list[str], lexicon: Lexicon) -> None:
    assert ids(text, lexicon) == expected


def test_an_organisation_before_a_role_word_and_an_appositive_are_not_actors(
    lexicon: Lexicon,
) -> None:
    text = (
        "Adrienne Watson, a National Security Council spokeswoman, said so. "
        "Ukrainian Foreign Ministry spokesman Oleg Nikolenko wrote it."
    )
    roles = {name: role for _, name, _, role in found(text, lexicon)}
    assert roles["Adrienne Watson"] == ""
    assert roles["National Security Council"] in ("modifier", "appositive")
    assert ids(text, lexicon) == ["adrienne_watson", "oleg_nikolenko"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Talks took place in Vladivostok, Russia.", "vladivostok"),
        ("A drone flew over the Kaluga region.", "kaluga_oblast"),
        ("Fighting goes on in Ukraine\u2019s southeast.", "southeastern_ukraine"),
        ("Shoigu went on a visit to North Korea.", "north_korea"),
        ("Ships left Ukrainian ports on the Danube River.", "danube_ports_ukraine"),
    ],
)
def test_places_resolve_to_the_registry(text: str, place: str, lexicon: Lexicon) -> None:
    assert ids(text, lexicon, "place")[0] == place


def test_the_country_after_a_city_only_qualifies_it(lexicon: Lexicon) -> None:
    assert ids("Talks took place in Vladivostok, Russia.", lexicon) == []


def test_gazetteer_lookup_is_by_exact_name_never_by_substring() -> None:
    assert geo.city("Istra") is not None and geo.city("Istra").name == "Istra"
    assert geo.city("Silistr") is None
    assert geo.city("stra") is None
    assert geo.city("Odesa").iso2 == "UA"


def test_an_unknown_city_after_a_preposition_is_proposed_with_its_geonameid(
    lexicon: Lexicon,
) -> None:
    text = "Drones struck targets in Kharkiv overnight."
    [(_, name, (pid,), _)] = [m for m in found(text, lexicon) if m[0] == "place"]
    place = lexicon.places[pid]
    assert (name, place.geonameid, place.precision, place.country_iso3) == (
        "Kharkiv",
        "706483",
        "town",
        "UKR",
    )
    assert pid in lexicon.proposed_place_ids


def test_an_unknown_titled_name_is_proposed_as_a_new_actor(lexicon: Lexicon) -> None:
    assert ids("German Chancellor Olaf Scholz said so.", lexicon) == ["olaf_scholz"]
    actor = lexicon.actors["olaf_scholz"]
    assert (actor.kind, actor.country_iso3, actor.sector, actor.office) == (
        "person",
        "DEU",
        "GOV",
        "Chancellor",
    )
    assert "olaf_scholz" in lexicon.proposed_actor_ids
