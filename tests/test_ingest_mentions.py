"""Mentions: registry names, titles, roles, possessives, places, pronouns and proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest import mentions as mentions_
from analysis.ingest import places as geo
from analysis.ingest import prepare
from analysis.ingest.lexicon import Lexicon, load_lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def lexicon() -> Lexicon:
    return load_lexicon(ROOT)


def found(text: str, lexicon: Lexicon) -> list[tuple[str, str, tuple[str, ...], str]]:
    ctx, _, _ = prepare(text, lexicon)
    assert ctx.parse is not None
    matchers = mentions_.build_matchers(lexicon)
    return [
        (m.kind, text[m.start : m.end], m.ids, m.role)
        for m in mentions_.find(ctx, ctx.parse.blocks, matchers)
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


def proposed(text: str, lexicon: Lexicon) -> dict[str, tuple[str, str, str, str]]:
    """The actors a text proposes: name -> (kind, country, office, parent)."""
    before = set(lexicon.actors)
    found(text, lexicon)
    return {
        a.name: (a.kind, a.country_iso3, a.office, a.parent_id)
        for i, a in lexicon.actors.items()
        if i not in before
    }


# --- class 4: non-actors are not proposed; offices and countries only from the text -----------


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("Putin signed the Russian Presidential Decree on Friday.", "Decree"),
        ("Lawmakers in Kyiv ratified the Rome Statute on Wednesday.", "Statute"),
        ("Ministers said the Paris Agreement was still within reach.", "Agreement"),
        ("Israel said the Iron Dome system intercepted most rockets.", "Iron Dome"),
        ("The Minsk agreements were never carried out, Kuleba said.", "Minsk"),
        ("Delegates gathered for the Munich Security Conference on Friday.", "Conference"),
        ("The Grain Deal Joint Coordination Centre report was released Monday.", "Report"),
    ],
)
def test_documents_events_and_weapons_are_not_proposed_as_actors(
    text: str, not_actor: str, lexicon: Lexicon
) -> None:
    names = proposed(text, lexicon)
    assert not [n for n in names if not_actor.lower() in n.lower()], names


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # sentence debris ("But") is not part of the office; the organisation is its parent
        (
            "But State Department spokesperson Matthew Miller said the talks had stalled.",
            "Matthew Miller",
            ("person", "", "State Department spokesperson", "state_department"),
        ),
        # the country of a title's demonym, even in a story set elsewhere
        (
            "In Kyiv, U.S. Ambassador Bridget Brink said Ukraine would get more air defenses.",
            "Bridget Brink",
            ("person", "USA", "Ambassador", "united_states"),
        ),
        # no title, no apposition: the country stays empty, never the story's country
        (
            "Speaking in Kyiv on Monday, Laura Bennett said Ukraine needed more air defenses.",
            "Laura Bennett",
            ("person", "", "", ""),
        ),
        # an organisation named "of" a country takes that country
        (
            "The Foreign Ministry of Ukraine said the strike was deliberate.",
            "Foreign Ministry of Ukraine",
            ("organization", "UKR", "", "ukraine"),
        ),
        # an outlet known by its name alone
        (
            "Politico reported on Tuesday that the package would be delayed.",
            "Politico",
            ("media", "", "", ""),
        ),
        # an outlet presented as one, with the country its presentation gives
        (
            "Ukrainian state broadcaster Suspilne reported explosions in the port overnight.",
            "Suspilne",
            ("media", "UKR", "", ""),
        ),
        (
            "The Kyiv Independent, a news website, reported that the bridge had been hit.",
            "Kyiv Independent",
            ("media", "", "", ""),
        ),
    ],
)
def test_a_proposed_actors_office_and_country_come_from_the_text(
    text: str, name: str, expected: tuple[str, str, str, str], lexicon: Lexicon
) -> None:
    assert proposed(text, lexicon)[name] == expected


def test_a_qualifying_country_is_not_a_separate_speaker(lexicon: Lexicon) -> None:
    text = "The Foreign Ministry of Ukraine said the strike was deliberate."
    assert [n for k, n, _, role in found(text, lexicon) if k == "actor" and role == ""] == [
        "Foreign Ministry"
    ]


# --- class 5 (actors): a capital that acts is its government; after "in" it is a place ---------


@pytest.mark.parametrize(
    ("text", "surface", "kind", "expected"),
    [
        ("Beijing has blocked efforts to condemn the launch.", "Beijing", "actor", "china"),
        ("New sanctions target Moscow's war effort.", "Moscow", "actor", "russia"),
        ("The Kremlin said the talks were over.", "Kremlin", "actor", "kremlin"),  # its office
        ("Washington urged Beijing to use its influence.", "Washington", "actor", "united_states"),
        ("Washington urged Beijing to use its influence.", "Beijing", "actor", "china"),
        ("The move was condemned by Berlin on Sunday.", "Berlin", "actor", "germany"),
        ("Kim Jong Un wants to sell munitions to Moscow.", "Moscow", "actor", "russia"),
        ("Talks in Beijing ended without a deal.", "Beijing", "place", "beijing"),
        ("The delegation flew to Moscow on Tuesday.", "Moscow", "place", "moscow"),
        ("A drone hit an office tower in Moscow.", "Moscow", "place", "moscow"),
        ("Moscow's mayor closed the parks.", "Moscow", "place", "moscow"),
        ("Kyiv came under attack overnight, officials said.", "Kyiv", "", ""),
        ("Moscow-backed separatists shelled the town.", "Moscow", "actor", "russia"),
        # a country someone goes to or leaves is a place; one that is attacked stays an actor
        ("Thousands of families fled Sudan last week.", "Sudan", "place", "sudan"),
        ("Putin visited North Korea in 2024.", "North Korea", "place", "north_korea"),
        ("Russia invaded Ukraine in February 2022.", "Ukraine", "actor", "ukraine"),
    ],
)
def test_a_capital_is_its_government_when_it_acts_and_a_place_otherwise(
    text: str, surface: str, kind: str, expected: str, lexicon: Lexicon
) -> None:
    hits = [(k, i[0], role) for k, name, i, role in found(text, lexicon) if name == surface]
    if not kind:
        assert not [h for h in hits if h[0] == "actor"]  # whatever it is, not an actor
        return
    [(got_kind, got_id, role)] = hits
    assert (got_kind, got_id) == (kind, expected)
    if kind == "place" and ("in " + surface in text or "to " + surface in text):
        assert role == "locative"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The Chinese government said the rules were lawful.", "Chinese government", "china"),
        ("Russian authorities detained two journalists.", "Russian authorities", "russia"),
    ],
)
def test_a_demonyms_government_is_the_state(
    text: str, surface: str, expected: str, lexicon: Lexicon
) -> None:
    assert [(n, i[0]) for k, n, i, role in found(text, lexicon) if k == "actor" and not role] == [
        (surface, expected)
    ]


def test_officials_of_an_administration_are_not_the_state(lexicon: Lexicon) -> None:
    assert ids("U.S. administration officials declined to comment.", lexicon) == []


# --- issue 11: names that are no actors of the story -------------------------------------------


def test_the_dateline_outlet_and_city_are_no_actors(lexicon: Lexicon) -> None:
    text = (
        "OSLO (Northgate Wire) \u2014 Norway pledged $2 billion on Monday to rebuild power lines."
    )
    names = [name for kind, name, _, _ in found(text, lexicon) if kind == "actor"]
    assert names == ["Norway"]


def test_a_name_in_apposition_to_a_ship_is_no_actor(lexicon: Lexicon) -> None:
    text = "Patrol boats stopped another tanker, the Nordic Star, near the strait."
    assert [name for kind, name, _, _ in found(text, lexicon) if kind == "actor"] == []


def test_an_organisation_named_after_a_place_is_the_organisation(lexicon: Lexicon) -> None:
    text = "In June, Russia's Black Sea Fleet moved two frigates to Novorossiysk."
    got = {name: ids for kind, name, ids, _ in found(text, lexicon) if kind == "actor"}
    assert "Black Sea Fleet" in got
    assert lexicon.actors[got["Black Sea Fleet"][0]].country_iso3 == "RUS"
    assert ("place", "Black Sea") not in [(k, n) for k, n, _, _ in found(text, lexicon)]


def test_a_name_the_ner_splits_is_one_person(lexicon: Lexicon) -> None:
    text = "Belarus's ambassador in Riga, Aleksandr Volkov, told LETA that the claims were false."
    names = [name for kind, name, _, _ in found(text, lexicon) if kind == "actor"]
    assert "Aleksandr Volkov" in names


def test_a_country_by_its_short_name_is_the_state_not_a_person(lexicon: Lexicon) -> None:
    text = "Britain imposed new sanctions on Monday, and the UK will widen them in June."
    actors = {lexicon.actors[i[0]] for k, _, i, _ in found(text, lexicon) if k == "actor"}
    assert {(a.kind, a.country_iso3) for a in actors} == {("state", "GBR")}


def test_an_honorific_without_a_full_stop_is_no_part_of_the_name(lexicon: Lexicon) -> None:
    text = (
        "Dr Amara Lindgren, who studies shipping at Uppsala University, said the fleet was "
        "ageing. Dr Lindgren said most tankers were uninsured."
    )
    people = [i[0] for k, s, i, _ in found(text, lexicon) if k == "actor" and "Lindgren" in s]
    assert len(people) == 2 and len(set(people)) == 1
    assert lexicon.actors[people[0]].name == "Amara Lindgren"


def test_an_organisation_of_a_country_keeps_the_country_in_its_name(lexicon: Lexicon) -> None:
    text = "The Ministry of Foreign Affairs of Ukraine condemned the vote on Monday."
    named = [lexicon.actors[i[0]] for k, _, i, _ in found(text, lexicon) if k == "actor"]
    assert any(a.name == "Ministry of Foreign Affairs of Ukraine" for a in named)


def test_a_proposed_state_keeps_the_short_name_the_text_uses(lexicon: Lexicon) -> None:
    found("Britain listed 20 more tankers on Tuesday.", lexicon)
    [state] = [a for a in lexicon.actors.values() if a.country_iso3 == "GBR" and a.kind == "state"]
    assert "Britain" in (state.name, *state.aliases)
