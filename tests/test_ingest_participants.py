"""Event participants the parse hides (craft, reactions, decisions, earlier descriptions) and
where an event happens: `participants.Args` and `eventplace.place_of` through `read()`, with the
real spaCy model and the project's registry. The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.ingest import read
from analysis.ingest.events import EventDraft
from analysis.ingest.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2023, 9, 5)


def drafts(text: str) -> list[EventDraft]:
    return read(text, published=PUBLISHED, lexicon=load_lexicon(ROOT)).events


def body(sentence: str) -> str:
    """A one-paragraph article under a neutral headline that drafts no event."""
    return f"Latest reports from the region\n\n{sentence}"


# --- participants the parse hides ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "type_", "actor"),
    [
        (  # a warship acts for the state its demonym names; a freighter would not
            "A Russian patrol ship fired warning shots at a Turkish freighter on Tuesday.",
            "COERCE",
            "russia",
        ),
        ("The seizure drew a sharp protest from Romania.", "PROTEST", "romania"),
        (  # what is agreed, a material act, is the event
            "Turkey agreed on Friday to tighten the price cap on Russian oil.",
            "SANCTION",
            "turkey",
        ),
        ("Russian artillery pounded the town overnight.", "ASSAULT", "russia"),
    ],
)
def test_the_actor_behind_a_craft_a_reaction_or_a_decision(
    sentence: str, type_: str, actor: str
) -> None:
    assert [(e.type, e.actors) for e in drafts(body(sentence))] == [(type_, (actor,))]


def test_a_bodys_troops_act_for_the_body_and_its_state() -> None:
    (event,) = drafts(
        body("The Russian Defense Ministry said its troops had liberated the village.")
    )
    assert (event.type, event.actors) == ("COERCE", ("russian_defense_ministry", "russia"))


def test_each_predicate_is_drafted_even_when_type_and_actor_repeat() -> None:
    text = body("Turkey promised 40 generators, the first of which Turkey will deliver in May.")
    found = drafts(text)
    assert [(e.type, e.actors) for e in found] == [("AID", ("turkey",)), ("AID", ("turkey",))]
    assert [e.status for e in found] == ["future", "future"]  # aid promised is aid to come


# --- where ------------------------------------------------------------------------------------


def test_the_place_is_the_clauses_locative_not_a_party() -> None:
    (blame,) = drafts(body("Ukraine blamed the explosion on Moscow."))
    assert blame.type == "ACCUSE" and blame.place == ""
    (downed,) = drafts(
        body("Russian air defenses intercepted a drone near Moscow, in the Istrinsky district.")
    )
    assert downed.place == "istrinsky_district"


def test_a_verb_the_parser_takes_for_an_adjective_keeps_its_subject_and_object() -> None:
    # the parse makes "swapped" an adjective of "letters" with "Kim and Putin" as its subject
    (event,) = drafts(body("The report showed Kim and Putin had swapped letters."))
    assert (event.type, set(event.actors)) == ("CONSULT", {"kim_jong_un", "vladimir_putin"})


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor praised the new shelters on Monday.",  # support is for a party
        "Kyiv said the drone had been launched from across the river.",  # no one named
        "After talks in Doha, the two sides released a statement.",  # a lone noun
    ],
)
def test_no_event_without_its_parties(sentence: str) -> None:
    assert drafts(body(sentence)) == []


def test_the_craft_named_before_acts_for_the_same_state_later() -> None:
    text = body(
        "A Russian patrol ship fired warning shots at a freighter on Monday.\n\n"
        "The patrol ship later sailed back to its base, the navy said."
    )
    assert [(e.type, e.actors) for e in drafts(text)] == [
        ("COERCE", ("russia",)),
        ("RETREAT", ("russia",)),
    ]


def test_a_demonym_names_the_state_of_its_soldiers() -> None:
    found = drafts(body("Russian soldiers seized the checkpoint on Tuesday."))
    assert [(e.type, e.actors) for e in found] == [("COERCE", ("russia",))]


def test_what_a_withdrawal_leaves_is_its_place() -> None:
    (event,) = drafts(body("Russian troops withdrew from Vladivostok on Monday."))
    assert (event.type, event.place) == ("RETREAT", "vladivostok")


def test_the_two_leaders_are_the_parties_just_named() -> None:
    text = body(
        "Putin met Erdogan in Sochi on Monday.\n\nThe two leaders signed a grain agreement."
    )
    found = drafts(text)
    assert [(e.type, set(e.actors) | set(e.recipients)) for e in found] == [
        ("CONSULT", {"vladimir_putin", "recep_tayyip_erdogan"}),
        ("AGREE", {"vladimir_putin", "recep_tayyip_erdogan"}),
    ]


def test_what_a_number_counts_is_the_weapon_whose_owner_attacks() -> None:
    text = body(
        "Romania's defense ministry said it had shot down 12 of 15 Russian drones overnight."
    )
    (event,) = drafts(text)
    assert (event.type, event.outcome, event.actors) == ("ASSAULT", "intercepted", ("russia",))


def test_a_demonym_names_who_an_event_noun_acts_for_once() -> None:
    (event,) = drafts(body("Russian strikes on Odesa killed three people on Monday."))
    assert (event.type, event.actors) == ("ASSAULT", ("russia",))
    (noun,) = drafts(body("Officials counted the damage after Russian strikes on Odesa."))
    assert (noun.type, noun.actors, noun.cue) == ("ASSAULT", ("russia",), "strikes")
