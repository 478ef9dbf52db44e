"""Events: one draft per predicate of the parse, typed by the PLOVER verb lexicon, with status.

The sentences are written for these tests in wire style; they run through `read()` with the
real spaCy model and the project's registry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.ingest import nlp, read
from analysis.ingest.events import EventDraft
from analysis.ingest.lexicon import load_lexicon
from analysis.ingest.modality import status_of
from analysis.ingest.verbs import sense_of

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2023, 9, 5)


def drafts(text: str, published: dt.date = PUBLISHED) -> list[EventDraft]:
    return read(text, published=published, lexicon=load_lexicon(ROOT)).events


def body(sentence: str) -> str:
    """A one-paragraph article under a neutral headline that drafts no event."""
    return f"Latest reports from the region\n\n{sentence}"


# --- the lexicon, on parsed phrases ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "type_"),
    [
        ("Russia pulled out of the grain deal.", "pulled", "SANCTION"),
        ("Russian troops pulled out of the town.", "pulled", "RETREAT"),
        ("The European Union imposed sanctions on Belarus.", "imposed", "SANCTION"),
        ("Russian forces shelled the city.", "shelled", "ASSAULT"),
        ("Air defenses shot down two drones.", "shot", "ASSAULT"),
        ("The ministers held talks in Ankara.", "held", "CONSULT"),
        ("The president appointed a new defense minister.", "appointed", "APPOINT"),
        ("Police detained three activists.", "detained", "COERCE"),
        ("Kyiv accused Moscow of war crimes.", "accused", "ACCUSE"),
        ("Medvedev threatened to strike the capital.", "threatened", "THREATEN"),
        ("Ukraine called on its allies to send jets.", "called", "REQUEST"),
        ("Germany pledged to send more tanks.", "pledged", "AGREE"),
        ("The two sides signed an agreement.", "signed", "AGREE"),
        ("Hungary rejected the proposal.", "rejected", "REJECT"),
        ("The army launched an attack on the port.", "launched", "ASSAULT"),
        ("Washington sent troops to the border.", "sent", "MOBILIZE"),
        ("Washington sent aid to the region.", "sent", "AID"),
        ("Germany will send more air defense systems.", "send", "AID"),
        ("Russia will ship 50,000 tons of grain to Mali.", "ship", "AID"),
        ("The EU adopted a package of sanctions against Minsk.", "adopted", "SANCTION"),
        ("China will restrict exports of gallium.", "restrict", "SANCTION"),
        ("Hamas released two hostages.", "released", "RETREAT"),
        ("Putin vowed to retaliate.", "vowed", "AGREE"),
        ("Romania summoned the Russian ambassador on Friday.", "summoned", "PROTEST"),
        ("Moscow recalled its ambassador from Chisinau.", "recalled", "SANCTION"),
        ("Turkish coast guards boarded the tanker at dawn.", "boarded", "COERCE"),
        ("The destroyer fired warning shots at the trawler.", "fired", "COERCE"),
        ("Turkey sent three frigates to the strait.", "sent", "MOBILIZE"),
        ("Sweden pledged $300 million for reconstruction.", "pledged", "AID"),
        ("The bank will lend $500 million to the grid operator.", "lend", "AID"),
        ("The government will pay for new generators.", "pay", "AID"),
        ("The assembly passed a bill to expand conscription.", "passed", "MOBILIZE"),
        ("The army called up 20,000 reservists.", "called", "MOBILIZE"),
        ("The frigate sailed back to its base.", "sailed", "RETREAT"),
        ("Moscow turned down the request.", "turned", "REJECT"),
        ("Russia handed four prisoners back to Ukraine.", "handed", "RETREAT"),
        ("The ministry dismissed the allegations as lies.", "dismissed", "REJECT"),
        ("The rebels liberated the town.", "liberated", "COERCE"),
        ("The brigade abandoned the village.", "abandoned", "RETREAT"),
        ("The allies lowered the price cap.", "lowered", "SANCTION"),
        ("Special forces stormed the compound.", "stormed", "ASSAULT"),
        ("Ukrainian troops repelled the assault.", "repelled", "ASSAULT"),
        ("The group hacked the election commission.", "hacked", "ASSAULT"),
        ("Western governments held Russia responsible for the blast.", "held", "ACCUSE"),
        ("The EU renewed sanctions on Minsk.", "renewed", "SANCTION"),
        ("Norway will fund the reconstruction of the port.", "fund", "AID"),
        ("Russian forces pressed deeper into the region.", "pressed", "ASSAULT"),
        ("Hungary ratified the accession protocol.", "ratified", "AGREE"),
        ("Ukrainian troops entered the Kursk region in August.", "entered", "COERCE"),
        ("Sweden named the governor as responsible for the raids.", "named", "ACCUSE"),
        ("The EU followed with its own listings.", "followed", "SANCTION"),
        ("Russia transferred 300 children to Crimea.", "transferred", "COERCE"),
        ("The militia forced thousands of villagers to flee.", "forced", "COERCE"),
        ("China halted exports of gallium.", "halted", "SANCTION"),
        ("Putin attended the summit in Kazan.", "attended", "CONSULT"),
        ("Erdogan received the Ukrainian delegation.", "received", "CONSULT"),
        ("Russia returned 12 children to Ukraine.", "returned", "RETREAT"),
        ("The two sides swapped 90 prisoners.", "swapped", "RETREAT"),
        ("Jets dropped bombs on the bridge.", "dropped", "ASSAULT"),
        ("Saboteurs blew up the rail bridge.", "blew", "ASSAULT"),
        ("The rebels overran the garrison.", "overran", "ASSAULT"),
        ("The junta nationalized the mine.", "nationalized", "COERCE"),
        ("Moscow terminated the agreement.", "terminated", "SANCTION"),
        ("Warsaw attributed the blast to Moscow.", "attributed", "ACCUSE"),
        ("Hungary opposed the new package.", "opposed", "REJECT"),
        ("Kyiv accepted the proposal.", "accepted", "AGREE"),
        ("Putin called Erdogan on Tuesday.", "called", "CONSULT"),
        ("The council convened an emergency session.", "convened", "CONSULT"),
        ("Qatar brokered the exchange.", "brokered", "CONSULT"),
        ("Thousands marched through the capital.", "marched", "PROTEST"),
        ("Moscow revoked the reporters' accreditation.", "revoked", "SANCTION"),
        ("The Kremlin warned of retaliation.", "warned", "THREATEN"),
        ("Poland closed its border with Belarus.", "closed", "SANCTION"),
        ("Finland extended the closure of its border.", "extended", "SANCTION"),
        ("Russia moved helicopters to the base.", "moved", "MOBILIZE"),
        ("Lithuania closed the Russian consulate.", "closed", "SANCTION"),
        ("Azerbaijan lifted the blockade.", "lifted", "CONCEDE"),
        ("Police shot two protesters.", "shot", "ASSAULT"),
        ("The inquiry named two officers behind the deportations.", "named", "ACCUSE"),
        ("EU ministers agreed on new sanctions against Minsk.", "agreed", "SANCTION"),
        ("Washington suspended the tariffs.", "suspended", "CONCEDE"),
        ("The bank released $300 million.", "released", "AID"),
        ("London handed over two minehunters to Kyiv.", "handed", "AID"),
        ("Russia handed over 40 prisoners.", "handed", "RETREAT"),
        ("Finland scrambled fighter jets.", "scrambled", "MOBILIZE"),
        ("Britain will train 300 Ukrainian sailors.", "train", "AID"),
        ("Norway would send instructors to the base.", "send", "AID"),
        ("Moscow put the admiral on its wanted list.", "put", "ACCUSE"),
        ("Russia summoned Estonia's charge d'affaires.", "summoned", "PROTEST"),
        ("The navy escorted the tanker to port.", "escorted", "COERCE"),
        ("Kyiv welcomed the sanctions.", "welcomed", "SUPPORT"),
        ("The fighting displaced 20,000 people.", "displaced", "COERCE"),
        ("The missiles, which Germany will ship in May, are old.", "ship", "AID"),
    ],
)
def test_a_verb_is_typed_by_its_lemma_particle_or_object(
    sentence: str, verb: str, type_: str
) -> None:
    doc = nlp.pipeline()(sentence)
    token = next(t for t in doc if t.text == verb)
    found = sense_of(token)
    assert found is not None and found[0].type == type_


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Erdogan struck a tone of optimism.", "struck"),
        ("The minister said the talks were useful.", "said"),
        ("The agency released a report on Thursday.", "released"),
        ("Turkey hosts 3.6 million refugees.", "hosts"),
        ("The Kremlin declined to comment.", "declined"),
        ("The agency warned that funding was running out.", "warned"),
        ("The officers committed war crimes.", "committed"),
        ("Zelensky fired the head of the security service.", "fired"),
        ("Poland's president signed a law on Monday.", "signed"),
        ("The minister left the meeting early.", "left"),
        ("The committee dismissed its chairman.", "dismissed"),
        ("The passengers boarded the train.", "boarded"),
        ("The editor paid for the lunch.", "paid"),
        ("The ministry held a briefing.", "held"),
        ("President Erdogan left Ankara on Monday.", "left"),
        ("The envoy visited several camps.", "visited"),
        ("The minister entered the room.", "entered"),
        ("The ministry received 300 complaints.", "received"),
        ("Russia returned to the talks.", "returned"),
        ("The team executed the plan.", "executed"),
        ("Kyiv accepted 300 refugees.", "accepted"),
        ("Critics called Erdogan a populist.", "called"),
        ("The crew shot a documentary.", "shot"),
        ("The shop closed its doors.", "closed"),
        ("The report named Lazarev.", "named"),
        ("The board forced the chairman to resign.", "forced"),
    ],
)
def test_idioms_and_speech_are_no_event_predicates(sentence: str, verb: str) -> None:
    doc = nlp.pipeline()(sentence)
    token = next(t for t in doc if t.text == verb)
    assert sense_of(token) is None


# --- who does what to whom -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "type_", "actor", "recipient"),
    [
        (
            "Putin met Erdogan in Sochi on Monday.",
            "CONSULT",
            "vladimir_putin",
            "recep_tayyip_erdogan",
        ),
        ("Kuleba accused Russia of blackmail on Tuesday.", "ACCUSE", "dmytro_kuleba", "russia"),
        (
            "Zelensky appointed Rustem Umerov as defense minister on Sunday.",
            "APPOINT",
            "volodymyr_zelensky",
            "rustem_umerov",
        ),
        (  # a pledge of aid is aid (future), as the devset codes it
            "The United States pledged to send more military aid to Ukraine.",
            "AID",
            "united_states",
            "ukraine",
        ),
        ("Turkey imposed sanctions on Russia on Friday.", "SANCTION", "turkey", "russia"),
        (
            "The decision prompted sanctions from the United States against Russia.",
            "SANCTION",
            "united_states",
            "russia",
        ),
        (
            "Cuba called on the United States to lift the embargo.",
            "REQUEST",
            "cuba",
            "united_states",
        ),
        ("Russia launched an attack on Ukrainian ports overnight.", "ASSAULT", "russia", ""),
        ("Romania condemned the attack on Monday.", "ACCUSE", "romania", ""),
    ],
)
def test_actor_and_recipient_come_from_subject_and_object(
    sentence: str, type_: str, actor: str, recipient: str
) -> None:
    found = [e for e in drafts(body(sentence)) if e.type == type_]
    assert len(found) == 1, found
    assert found[0].actors == (actor,)
    if recipient:
        assert recipient in found[0].recipients
    assert actor not in found[0].recipients


@pytest.mark.parametrize(
    ("sentence", "type_", "actor"),
    [
        (
            "The United States added 31 Chinese companies to its trade blacklist.",
            "SANCTION",
            "united_states",
        ),
        ("Japan announced curbs on exports of semiconductor equipment.", "SANCTION", "japan"),
        ("China retaliated by banning Micron products on Sunday.", "COERCE", "china"),
        ("Armenia accused Azerbaijan of blockading the Lachin corridor.", "ACCUSE", "armenia"),
        ("Three people were killed in a Russian strike on Kharkiv.", "ASSAULT", "russia"),
        ("Ukraine's military said it had recaptured the village.", "COERCE", "ukraine"),
        ("The UN mission documented cases of detention by Russian forces.", "COERCE", "russia"),
        (
            "The withdrawal of Russian troops from the town was completed on Friday.",
            "RETREAT",
            "russia",
        ),
        (
            "The United States hit Russia with new sanctions on Tuesday.",
            "SANCTION",
            "united_states",
        ),
        ("Ukraine pulled its troops back from the village on Monday.", "RETREAT", "ukraine"),
        (
            "Romanian police detained a man on suspicion of attacking a journalist.",
            "COERCE",
            "romania",
        ),
    ],
)
def test_the_event_is_the_means_the_content_or_the_owner(
    sentence: str, type_: str, actor: str
) -> None:
    lexicon = load_lexicon(ROOT)
    events = read(body(sentence), published=PUBLISHED, lexicon=lexicon).events
    assert [(e.type, e.actors[-1]) for e in events] == [(type_, actor)]
    # a body named before its state ("Romanian police") is the state's own
    assert all(lexicon.actors[a].parent_id == actor for a in events[0].actors[:-1])


def test_the_passive_by_agent_acts_and_the_subject_undergoes() -> None:
    (event,) = drafts(body("Sergey Skvortsov was detained by Sweden in November."))
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert event.actors == ("sweden",) and event.recipients == ("sergey_skvortsov",)


def test_an_interception_is_an_assault_by_the_weapons_owner_on_the_interceptor() -> None:
    (event,) = drafts(body("Romania said its air defenses intercepted a Russian drone on Monday."))
    assert (event.type, event.outcome, event.mode) == ("ASSAULT", "intercepted", "drone")
    assert event.actors == ("russia",) and event.recipients == ("romania",)


def test_a_passive_interception_without_owner_names_the_unidentified_operator() -> None:
    (event,) = drafts(body("A drone was shot down by Romania early on Tuesday."))
    assert event.actors == ("unidentified_drone_operator",)
    assert event.recipients == ("romania",)


# --- no event from a lone noun, one draft per predicate --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sanctions on Russia remain in place.",
        "The summit drew criticism from human rights groups.",
        "The report was released on Monday.",
        "Erdogan struck a tone of optimism on Monday.",
        "The minister said the talks were useful.",
    ],
)
def test_no_event_from_a_lone_noun_or_an_idiom(sentence: str) -> None:
    assert drafts(body(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Putin threatened to cut gas supplies to Turkey.", "THREATEN"),
        ("Ukraine called on NATO to send more air defense systems.", "REQUEST"),
        ("Russia launched a drone attack on Odesa.", "ASSAULT"),
        ("The United States imposed new sanctions on Russia.", "SANCTION"),
        ("Turkey agreed to host talks between Russia and Ukraine.", "AGREE"),
    ],
)
def test_one_draft_per_predicate_not_one_per_keyword(sentence: str, type_: str) -> None:
    assert [e.type for e in drafts(body(sentence))] == [type_]


@pytest.mark.parametrize(
    ("sentence", "type_", "actor"),
    [
        # force a speaker says will or could come is a threat by the speaker
        (
            "Former Russian President Dmitry Medvedev said on Sunday that Moscow would strike "
            "Berlin if Germany delivered Taurus missiles to Ukraine.",
            "THREATEN",
            "dmitry_medvedev",
        ),
        ("Putin vowed to retaliate against Ukraine for the attack.", "THREATEN", "vladimir_putin"),
        ("Russia warned Romania against hosting NATO troops.", "THREATEN", "russia"),
        (
            "Russia could use nuclear weapons against Romania, Putin warned on Sunday.",
            "THREATEN",
            "vladimir_putin",
        ),
        # a measure announced for later is that measure, in the future
        (
            "China will restrict exports of gallium from Aug. 1, the Commerce Ministry said.",
            "SANCTION",
            "china",
        ),
    ],
)
def test_threats_are_told_from_announced_measures(sentence: str, type_: str, actor: str) -> None:
    found = drafts(body(sentence))
    assert [(e.type, e.actors[0]) for e in found] == [(type_, actor)]


def test_a_dateline_is_not_the_subject() -> None:
    text = (
        "Putin opens Africa summit\n\n"
        "ST. PETERSBURG, Russia (Northgate) — Russian President Vladimir Putin promised free "
        "grain to Mali on Thursday."
    )
    found = [e for e in drafts(text) if e.type == "AID"]  # grain promised: aid
    assert [e.actors for e in found] == [("vladimir_putin",)]


def test_a_datelines_outlet_in_brackets_is_not_the_actor() -> None:
    text = body("ANKARA (Northgate Wire) — Turkey pledged $200 million to Ukraine on Monday.")
    assert [(e.type, e.actors) for e in drafts(text)] == [("AID", ("turkey",))]


def test_the_speakers_words_are_not_the_reporters_events() -> None:
    text = body(
        "“Russia attacked Ukrainian ports on Monday. Moscow shelled Odesa and Mykolaiv "
        "overnight,” Kuleba said on Tuesday. “Russia will strike again,” he added."
    )
    assert [(e.type, e.actors) for e in drafts(text)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia denied claims that its forces had entered Romanian airspace.",
        "Russia has denied targeting civilians in Kharkiv.",
        "The Kremlin denied that Putin had met Erdogan in Sochi.",
    ],
)
def test_a_denial_is_one_reject_and_what_it_denies_is_not_drafted(sentence: str) -> None:
    found = drafts(body(sentence))
    assert [(e.type, e.actors) for e in found] == [("REJECT", found[0].actors)]
    assert found[0].actors in (("russia",), ("kremlin",))


def test_two_predicates_make_two_drafts_with_their_own_subjects() -> None:
    found = drafts(body("Russia shelled Odesa overnight and Ukraine shot down twelve drones."))
    assert [(e.type, e.actors) for e in found] == [
        ("ASSAULT", ("russia",)),
        ("ASSAULT", ("unidentified_drone_operator",)),
    ]
    assert found[1].recipients == ("ukraine",) and found[1].outcome == "intercepted"


# --- status from negation and modality -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Putin met Erdogan in Sochi on Monday.", "factual"),
        ("Putin did not meet Erdogan on Monday.", "negated"),
        ("Putin has never visited North Korea.", "negated"),
        ("Turkey failed to deliver the grain to Cuba.", "negated"),
        ("Kim Jong Un plans to visit Russia this month.", "future"),
        ("Kim is expected to meet Putin in Vladivostok.", "future"),
        ("Putin will meet Erdogan next week.", "future"),
        ("China may send weapons to Russia, officials said.", "hypothetical"),
        (
            "Ukraine could strike Russian airfields if it receives longer-range missiles.",
            "hypothetical",
        ),
        ("Russia is considering sanctions against Romania.", "hypothetical"),
        ("Russia has completed the withdrawal of its troops from Kherson.", "factual"),
        ("Putin visited North Korea in 2000.", "historical"),
    ],
)
def test_status_reads_negation_modality_and_the_date(sentence: str, status: str) -> None:
    found = drafts(body(sentence))
    assert found, sentence
    assert found[0].status == status


def test_status_of_a_headline_infinitive_is_future() -> None:
    doc = nlp.pipeline()("Kim and Putin to discuss arms deal")
    verb = next(t for t in doc if t.text == "discuss")
    assert status_of(verb, headline=True) == "future"
    assert status_of(verb) == "factual"


# --- the headline ----------------------------------------------------------------------------


def test_the_headlines_event_is_drafted_at_a_lower_confidence() -> None:
    text = (
        "Putin threatens Romania over drone debris\n\n"
        "Debris from a drone fell on Romanian territory on Monday, officials said."
    )
    (event,) = drafts(text)
    assert (event.type, event.actors, event.recipients) == (
        "THREATEN",
        ("vladimir_putin",),
        ("romania",),
    )
    assert event.confidence <= 0.3
    assert (
        text[event.evidence[0] : event.evidence[1]] == "Putin threatens Romania over drone debris"
    )


def test_a_headline_event_the_body_reports_again_is_drafted_for_each_predicate() -> None:
    text = (
        "Putin meets Erdogan in Sochi\n\n"
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
        "on Monday."
    )
    headline, lead = drafts(text)
    assert [(e.type, e.actors) for e in (headline, lead)] == [
        ("CONSULT", ("vladimir_putin",)),
        ("CONSULT", ("vladimir_putin",)),
    ]
    assert text[lead.evidence[0] :].startswith("Russian President")
    assert headline.confidence < lead.confidence


def test_the_headline_is_read_for_events_not_for_claims() -> None:
    text = (
        "Erdogan says Turkey will host talks\n\n"
        "Turkish President Recep Tayyip Erdogan said on Monday that Ankara was ready to help."
    )
    reading = read(text, published=PUBLISHED, lexicon=load_lexicon(ROOT))
    headline_end = text.index("\n")
    assert all(c.quote[0] > headline_end for c in reading.claims)
    assert reading.claims  # the body's claim is drafted


@pytest.mark.parametrize(
    ("sentence", "type_", "body_name", "state"),
    [
        (
            "The Latvian navy detained a cargo ship near Liepaja on Sunday.",
            "COERCE",
            "Latvian navy",
            "LVA",
        ),
        (
            "Romania's parliament approved a bill to expand conscription on Thursday.",
            "MOBILIZE",
            "Romania's parliament",
            "ROU",
        ),
        (
            "Moldova's border police detained two men on Friday.",
            "COERCE",
            "Moldova's border police",
            "MDA",
        ),
    ],
)
def test_a_body_of_a_state_acts_as_itself_and_for_its_state(
    sentence: str, type_: str, body_name: str, state: str
) -> None:
    lexicon = load_lexicon(ROOT)
    events = read(body(sentence), published=PUBLISHED, lexicon=lexicon).events
    event = next(e for e in events if e.type == type_)
    first, second = (lexicon.actors[a] for a in event.actors[:2])
    assert (first.name, first.kind, first.country_iso3) == (body_name, "organization", state)
    assert (second.kind, second.country_iso3) == ("state", state)
    assert first.parent_id == second.actor_id


def test_troops_stand_for_their_state_not_for_a_body() -> None:
    (event,) = drafts(body("Belarusian troops shelled the border post."))
    assert (event.type, event.actors) == ("ASSAULT", ("belarus",))


def test_what_a_state_receives_is_aid_from_the_giver() -> None:
    (event,) = drafts(body("Last week, Moldova received 40 generators from Germany."))
    assert (event.type, event.actors, event.recipients) == ("AID", ("germany",), ("moldova",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Latvia will keep its border with Belarus closed until at least March.",
        "Latvia kept the crossings shut after the incident.",
        "Latvia keeps eastern border shut for another year",
    ],
)
def test_keeping_a_border_closed_is_a_sanction(sentence: str) -> None:
    assert [(e.type, e.actors[0]) for e in drafts(body(sentence))] == [("SANCTION", "latvia")]


def test_keeping_a_border_open_is_no_event() -> None:
    assert drafts(body("Latvia kept the border open after the incident.")) == []


def test_targeting_ships_in_sanctions_is_a_sanction_not_an_attack() -> None:
    text = "Canada targets 20 tankers in new sanctions\n\nThe list was published on Monday."
    assert [e.type for e in drafts(text)] == ["SANCTION"]


def test_putting_forces_on_alert_is_its_own_mobilization() -> None:
    found = drafts(body("Latvia scrambled fighter jets and put its air defences on high alert."))
    assert [(e.type, e.actors[0]) for e in found] == [("MOBILIZE", "latvia")] * 2
    assert found[0].cue_start != found[1].cue_start


def test_a_missile_fired_at_a_target_is_an_assault_one_fired_into_the_sea_a_test() -> None:
    aimed = drafts(body("Russia fired a cruise missile at a grain terminal in Izmail."))
    tested = drafts(body("North Korea fired two ballistic missiles into the sea on Monday."))
    assert [e.type for e in aimed] == ["ASSAULT"]
    assert [e.type for e in tested] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Ukrainian troops have withdrawn from Dvorichna, a village on the Oskil river near "
            "Kupiansk, the army said.",
            "dvorichna",
        ),
        (
            "Russian forces shelled the village of Zolota Balka in the Kherson region.",
            "zolota_balka",
        ),
    ],
)
def test_the_events_place_is_the_settlement_not_the_place_that_locates_it(
    sentence: str, place: str
) -> None:
    assert [e.place for e in drafts(body(sentence))] == [place]


def test_a_headline_verb_read_as_a_noun_is_read_again() -> None:
    text = "Chinese warship fires warning shots at Philippine boat\n\nNo one was hurt."
    (event,) = drafts(text)
    assert (event.type, event.actors) == ("COERCE", ("china",))
    assert event.status == "factual"
