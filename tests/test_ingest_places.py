"""Place names: exact gazetteer names, disambiguated by the article's countries and population."""

from __future__ import annotations

import pytest

from analysis.ingest import geocode
from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention
from analysis.ingest.lexicon import Lexicon, load_lexicon
from analysis.paths import project_root


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Petersburg", "Saint Petersburg"),
        ("ST. PETERSBURG", "St Petersburg"),
        ("Rzeszów", "Rzeszow"),
        ("Port-au-Prince", "Port au Prince"),
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert geo.name_key(a) == geo.name_key(b)


@pytest.mark.parametrize("fragment", ["stra", "Silistr", "Peters", "tersburg"])
def test_names_are_matched_whole_never_as_substrings(fragment: str) -> None:
    assert geo.candidates(fragment) == ()


@pytest.mark.parametrize(
    ("name", "countries", "iso3", "sure"),
    [
        # the article's countries decide between cities of one name
        ("St. Petersburg", {"RUS": 1.0}, "RUS", True),
        ("St. Petersburg", {"USA": 1.0, "RUS": 0.2}, "USA", True),
        ("Odessa", {"UKR": 1.0}, "UKR", True),
        ("Odessa", {"USA": 1.0}, "USA", True),
        ("Tripoli", {"LBN": 1.0}, "LBN", True),
        ("Tripoli", {"LBY": 1.0}, "LBY", True),
        # nothing in the article: population, and a name much larger than its rivals is sure
        ("Paris", {}, "FRA", True),
        ("Washington", {}, "USA", True),
        ("Tripoli", {}, "LBY", True),
        ("St. Petersburg", {}, "RUS", True),  # own name once "St." is read as "Saint"
        # nothing in the article and rivals of a size: taken, but unsure
        ("Odessa", {}, "USA", False),
        ("Springfield", {}, "USA", False),
    ],
)
def test_a_name_is_the_city_of_the_articles_countries_then_the_largest(
    name: str, countries: dict[str, float], iso3: str, sure: bool
) -> None:
    choice = geocode.choose(name, countries)
    assert choice is not None
    assert geo.iso3_of(choice.city.iso2) == iso3
    if sure:
        assert choice.confidence >= 0.6
    else:
        assert choice.confidence <= 0.6
        assert "ambiguous" in choice.note


def test_a_choice_against_population_says_why() -> None:
    choice = geocode.choose("Odessa", {"UKR": 1.0})
    assert choice is not None and "the article is about UKR" in choice.note


@pytest.mark.parametrize("word", ["Sudanese", "Polish", "Russian", "Russians", "Ukrainian"])
def test_demonyms_and_adjectives_are_never_places(word: str) -> None:
    assert geocode.choose(word, {}) is None


@pytest.mark.parametrize(
    ("first_line", "iso3"),
    [
        ("ST. PETERSBURG, Russia (Reuters) \u2014 Leaders gathered on Friday.", "RUS"),
        ("ST. PETERSBURG, Fla. (AP) \u2014 A storm flooded streets on Monday.", "USA"),
        ("TRIPOLI, Lebanon \u2014 Clashes erupted on Sunday.", "LBN"),
        ("KHARTOUM (AP) \u2014 Fighting resumed on Sunday.", "SDN"),
    ],
)
def test_the_dateline_names_the_articles_country(first_line: str, iso3: str) -> None:
    ctx, found = _read(first_line)
    countries = geocode.article_countries(ctx, found)
    assert max(countries, key=lambda k: countries[k]) == iso3


# --- through the mention steps and the parse (the real model) ---------------------------------


def _read(text: str, lexicon: Lexicon | None = None) -> tuple[Context, list[Mention]]:
    """The mentions of `text` as `read()` finds them: mention steps, then `locate.refine`."""
    from analysis.ingest import find_mentions, prepare

    ctx, _, _ = prepare(text, lexicon or load_lexicon(project_root()))
    return ctx, find_mentions(ctx)


def _places(text: str) -> dict[str, tuple[str, float, str]]:
    ctx, found = _read(text)
    out = {}
    for m in found:
        if m.kind == "place":
            place = ctx.lexicon.places[m.id]
            out[text[m.start : m.end]] = (place.country_iso3, m.confidence, place.coord_note)
    return out


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        (
            "Putin hosted African leaders at a forum in St. Petersburg on Friday, the Kremlin "
            "said. Russian officials called the talks a success.",
            "St. Petersburg",
            "RUS",
        ),
        (
            "Gov. Ron DeSantis toured flooded streets in St. Petersburg on Monday, Florida "
            "officials said.",
            "St. Petersburg",
            "USA",
        ),
        ("Shelling hit Odessa overnight, Ukraine's military said.", "Odessa", "UKR"),
        (
            "Gunmen clashed in Tripoli on Sunday, Lebanese security officials said.",
            "Tripoli",
            "LBN",
        ),
        ("Sudanese refugees crossed into Chad last month, the UN said.", "Chad", "TCD"),
        ("Polish troops were deployed to Rzeszów near the border.", "Rzeszów", "POL"),
        ("Russia attacked Kyiv with drones overnight.", "Kyiv", "UKR"),
        ("Diplomats met in Beijing on Tuesday.", "Beijing", "CHN"),
        ("The senator held a rally in Texas on Saturday.", "Texas", "USA"),
        (
            "Thousands of protesters marched through Austin on Saturday, organizers in Texas said.",
            "Austin",
            "USA",
        ),
        (
            "Republican leaders in Texas and Florida rallied voters in Georgia, the "
            "governor's office in Atlanta said.",
            "Georgia",
            "USA",
        ),
        (
            "Russian troops remain in Georgia's breakaway regions, Tbilisi said. Protests "
            "erupted in Georgia on Monday.",
            "Georgia",
            "GEO",
        ),
    ],
)
def test_places_resolve_to_the_right_country(text: str, name: str, iso3: str) -> None:
    found = _places(text)
    assert name in found, found
    assert found[name][0] == iso3


def test_a_place_left_ambiguous_has_a_low_confidence_and_a_note() -> None:
    found = _places("Protesters marched through Odessa on Sunday.")
    _, confidence, note = found["Odessa"]
    assert confidence < 0.5
    assert "ambiguous" in note and "Odesa" in note


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sudanese refugees crossed into Chad last month.", "Sudanese"),
        ("The Polish government sent aid to the region.", "Polish"),
        ("Russian forces shelled the town, Ukrainian officials said.", "Russian"),
        ("Thousands of Afghans returned in Iran this year.", "Afghans"),
    ],
)
def test_demonyms_in_a_text_are_not_places(text: str, word: str) -> None:
    assert word not in _places(text)


@pytest.mark.parametrize(
    "text",
    [
        "Beijing has blocked efforts to censure the junta, diplomats said.",
        "Moscow said the drills would continue.",
    ],
)
def test_a_capital_that_acts_is_not_made_a_place(text: str) -> None:
    capital = text.split()[0]
    assert capital not in _places(text)


def test_a_wrong_first_guess_is_not_left_as_a_proposal() -> None:
    lexicon = load_lexicon(project_root())
    ctx, _ = _read("Shelling hit the port in Odessa, Ukraine's military said.", lexicon)
    odessas = [p for p in lexicon.places.values() if "Odes" in p.name]
    assert [p.country_iso3 for p in odessas] == ["UKR"]
    assert all(p in lexicon.places for p in ctx.proposals)


def test_a_region_named_after_a_city_lies_in_the_articles_country() -> None:
    ctx, found = _read(
        "Russian forces attacked port facilities in the Odessa region, Ukraine's military said."
    )
    regions = [ctx.lexicon.places[m.id] for m in found if m.kind == "place"]
    assert [(p.name, p.country_iso3) for p in regions if p.kind == "region"] == [
        ("Odessa region", "UKR")
    ]


def test_a_later_use_of_a_place_name_is_the_same_place() -> None:
    ctx, found = _read(
        "Drones hit the port in Odessa, Ukraine's military said. Hours later, missiles struck "
        "the port of Odessa again."
    )
    odessa = [m for m in found if ctx.folded[m.start : m.end] == "Odessa"]
    assert len(odessa) == 2
    assert {(m.kind, ctx.lexicon.places[m.id].country_iso3) for m in odessa} == {("place", "UKR")}


def test_a_proposed_place_is_named_as_the_text_writes_it() -> None:
    ctx, found = _read("Putin hosted leaders in St. Petersburg on Friday, the Kremlin said.")
    (place,) = [ctx.lexicon.places[m.id] for m in found if m.kind == "place"]
    assert (place.name, place.country_iso3, place.geonameid) == ("St. Petersburg", "RUS", "498817")
    assert "Saint Petersburg" in place.coord_note


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Fighting spread across Darfur, Sudanese officials said.", "Darfur", "SDN"),
        ("Clashes erupted in Tigray, Ethiopia's northern region.", "Tigray", "ETH"),
    ],
)
def test_a_region_the_gazetteer_lacks_takes_the_country_its_sentence_names(
    text: str, name: str, iso3: str
) -> None:
    iso, confidence, note = _places(text)[name]
    assert iso == iso3 and confidence <= 0.5
    assert "give its own coordinates" in note


@pytest.mark.parametrize(
    "text",
    [
        "Tensions rose in the Middle East, Iranian officials said.",
        "Houthi rebels attacked ships in the Red Sea, Yemeni officials said.",
        "Sanctions were imposed across Europe, Russian officials said.",
    ],
)
def test_regions_that_span_countries_are_not_placed_in_one(text: str) -> None:
    ctx, found = _read(text)
    assert [ctx.folded[m.start : m.end] for m in found if m.via == "gazetteer"] == []


def test_a_person_named_like_a_city_is_not_a_place() -> None:
    assert "Austin" not in _places("The defense minister met Austin at the Pentagon on Monday.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the small model labels these towns an organization or a nationality
        (
            "Russian drones struck a fuel depot in Nikopol on Sunday, Ukraine's army said.",
            "Nikopol",
        ),
        (
            "The frigate sailed back to Sevastopol after the drill, Ukraine's navy said.",
            "Sevastopol",
        ),
        ("Ukrainian units pulled out of Bakhmut, the Ukrainian army said.", "Bakhmut"),
    ],
)
def test_a_town_the_model_mislabels_is_a_place_after_a_preposition(text: str, name: str) -> None:
    found = _places(text)
    assert name in found, found
    assert found[name][0] == "UKR"


def test_an_organization_after_a_preposition_is_no_place() -> None:
    found = _places("The ministry signed a contract with Rosatom in Moscow on Monday.")
    assert "Rosatom" not in found


def test_a_nation_within_a_state_lies_in_that_state_whoever_the_sentence_names() -> None:
    found = _places("Norway's navy will send instructors to Scotland in July, officials said.")
    assert found["Scotland"][0] == "GBR"


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        (
            "Russian forces shelled the village of Zolota Balka in Ukraine's south on Sunday.",
            "Zolota Balka",
            "UKR",
        ),
        (
            "Russia moved attack helicopters to an air base at Alakurtti last month.",
            "Alakurtti",
            "RUS",
        ),
        ("The Estonian navy detained a tanker off the island of Vaindloo.", "Vaindloo", "EST"),
    ],
)
def test_a_settlement_the_gazetteer_lacks_is_kept_in_its_sentences_country(
    text: str, name: str, iso3: str
) -> None:
    found = _places(text)
    assert name in found, found
    country, confidence, note = found[name]
    assert country == iso3
    assert confidence <= 0.5
    assert "gazetteer has no" in note
