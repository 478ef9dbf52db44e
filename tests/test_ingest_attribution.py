"""Attribution: reporting cues, speakers named and unnamed, outlets relayed, verification."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.ingest import read
from analysis.ingest.attribution import Attribution
from analysis.ingest.lexicon import load_lexicon
from analysis.model import Actor

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2023, 9, 5)


def claims(text: str) -> list[tuple[str, str, str, str, bool]]:
    reading = read(text, published=PUBLISHED, lexicon=load_lexicon(ROOT))
    return [(c.speaker_id, c.via_id, c.cue, c.stance, c.speaker_named) for c in reading.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin said the deal was dead.", [("vladimir_putin", "", "said", "asserts", True)]),
        ("The deal is dead, Putin said.", [("vladimir_putin", "", "said", "asserts", True)]),
        ("The deal is dead, said Putin.", [("vladimir_putin", "", "said", "asserts", True)]),
        (
            "Russian Defense Minister Sergei Shoigu told reporters Monday that drills were "
            "planned.",
            [("sergei_shoigu", "", "told reporters", "asserts", True)],
        ),
        (
            "Kim plans a visit, senior administration officials told The Washington Post.",
            [
                (
                    "senior_administration_officials",
                    "washington_post",
                    "told The Washington Post",
                    "asserts",
                    False,
                )
            ],
        ),
        (
            "Ukrainian Foreign Ministry spokesman Oleg Nikolenko wrote on Facebook that drones "
            "fell.",
            [("oleg_nikolenko", "", "wrote on Facebook", "asserts", True)],
        ),
        (
            "Romania\u2019s Defense Ministry dismissed claims that drones entered the country.",
            [("romanian_defense_ministry", "", "dismissed claims", "denies", True)],
        ),
        (
            "Adrienne Watson, a National Security Council spokeswoman, said in a statement that "
            "talks go on.",
            [("adrienne_watson", "", "said in a statement", "asserts", True)],
        ),
        (
            "Kuleba said the deal should not be restored, Ukrainian state news agency Ukrinform "
            "reported.",
            [("dmytro_kuleba", "ukrinform", "said", "asserts", True)],
        ),
        (
            "The trial started in Stockholm, the Associated Press reported.",
            [("ap", "ap", "reported", "asserts", True)],
        ),
        (
            "Erdogan met Putin in July, according to the Associated Press.",
            [("ap", "ap", "according to", "asserts", True)],
        ),
        (
            "the country\u2019s foreign minister said at a news conference that there was no "
            "threat.",
            [("romanian_foreign_minister", "", "said at a news conference", "denies", False)],
        ),
        (
            "The White House expects Putin and Kim to continue discussions.",
            [("white_house", "", "expects", "predicts", True)],
        ),
        (
            "Putin pledged grain after meeting Erdogan. He also denied claims that Russia hurt "
            "anyone. “There is no shortage,” he said.",
            [  # pledging a thing is an event (aid), not a claim
                ("vladimir_putin", "", "denied claims", "denies", True),
                ("vladimir_putin", "", "he said", "denies", True),
            ],
        ),
        (
            "Mr. Nobody said nothing. Watson said “Kim expects talks to continue.”",
            [("adrienne_watson", "", "said", "asserts", True)],
        ),  # cues inside quotes are not
        (
            "Miriam Berger and Serhiy Morgunov write that Umerov faces a hard task.",
            [("washington_post", "", "write", "asserts", True)],
        ),  # co-authors: their outlet
        ("The ministry is expected to respond. Officials reportedly said little.", []),
    ],
)
def test_cues_find_their_speakers(
    text: str,
    expected: list[tuple[str, str, str, str, bool]],
) -> None:
    assert claims(text) == expected


def test_could_not_independently_verify_marks_the_claim() -> None:
    reading = read(
        "South Korea\u2019s Yonhap News Agency reported that Shoigu proposed drills. "
        "The Post could not independently verify that report. Putin said no.",
        published=PUBLISHED,
        lexicon=load_lexicon(ROOT),
    )
    assert [(c.speaker_id, c.via_id, c.verification) for c in reading.claims] == [
        ("yonhap", "yonhap", "not_independently_verified"),
        ("vladimir_putin", "", "unknown"),
    ]


def test_a_claim_is_dated_by_its_attribution_not_by_what_was_said() -> None:
    reading = read(
        "The White House said last week that Putin and Kim had met in July. "
        "The trial started on Monday, the Associated Press reported.",
        published=PUBLISHED,
        lexicon=load_lexicon(ROOT),
    )
    dates = [(c.speaker_id, c.date.text if c.date else None) for c in reading.claims]
    assert dates == [("white_house", "last week"), ("ap", None)]


# --- quotations, patterns and speakers (issue 11) --------------------------------------------


def said(text: str) -> list[tuple[str, str, str]]:
    """(speaker id, via id, the claim's quote) of each drafted claim."""
    reading = read(text, published=PUBLISHED, lexicon=load_lexicon(ROOT))
    return [(c.speaker_id, c.via_id, text[c.quote[0] : c.quote[1]]) for c in reading.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # quote first, speech verb after
            "\u201cWe will not give up the grain corridor,\u201d Erdogan said.",
            [("recep_tayyip_erdogan", "", "We will not give up the grain corridor")],
        ),
        (  # speech verb first, then a colon
            "Erdogan said: \u201cWe will not give up the grain corridor.\u201d",
            [("recep_tayyip_erdogan", "", "We will not give up the grain corridor.")],
        ),
        (  # straight quotes as an analyst types them
            '"Talks with Moscow are over for now," Kuleba told reporters on Monday.',
            [("dmytro_kuleba", "", "Talks with Moscow are over for now")],
        ),
        (  # one quotation around its cue is one claim
            "\u201cTurkey will keep talking,\u201d Erdogan said, \u201cbecause the world needs "
            "the grain.\u201d",
            [
                (
                    "recep_tayyip_erdogan",
                    "",
                    "Turkey will keep talking,\u201d Erdogan said, \u201cbecause the world "
                    "needs the grain.",
                )
            ],
        ),
        (  # a quotation over three sentences
            "\u201cThe corridor is closed. Ships will not sail. Nobody can guarantee their "
            "safety,\u201d Shoigu told reporters.",
            [
                (
                    "sergei_shoigu",
                    "",
                    "The corridor is closed. Ships will not sail. Nobody can guarantee their "
                    "safety",
                )
            ],
        ),
        (  # a quotation over two paragraphs: the wire style re-opens it, closes it once
            "Kuleba said on Monday: \u201cThe deal is not dead.\n\n\u201cWe will find a way to "
            "ship grain without Moscow\u2019s consent.\u201d",
            [
                (
                    "dmytro_kuleba",
                    "",
                    "The deal is not dead.\n\n\u201cWe will find a way to ship grain without "
                    "Moscow\u2019s consent.",
                )
            ],
        ),
        (  # a new quotation after the closing mark, no cue: the same speaker, a new claim
            "\u201cThere is no shortage of food,\u201d Putin said. \u201cPrices will fall by the "
            "winter, as they always do.\u201d",
            [
                ("vladimir_putin", "", "There is no shortage of food"),
                ("vladimir_putin", "", "Prices will fall by the winter, as they always do."),
            ],
        ),
        (  # a quotation in the next paragraph with no cue: the same speaker, a new claim
            "\u201cThere is no shortage of food,\u201d Putin said.\n\n\u201cPrices will fall by "
            "the winter, as they always do.\u201d",
            [
                ("vladimir_putin", "", "There is no shortage of food"),
                ("vladimir_putin", "", "Prices will fall by the winter, as they always do."),
            ],
        ),
        (  # indirect speech: the complement, without "that"
            "Kuleba said that the talks would resume in October.",
            [("dmytro_kuleba", "", "the talks would resume in October")],
        ),
        (
            "The talks will resume in October, Kuleba said.",
            [("dmytro_kuleba", "", "The talks will resume in October")],
        ),
        (
            "The talks will resume in October, said Kuleba.",
            [("dmytro_kuleba", "", "The talks will resume in October")],
        ),
        (  # mixed: a quoted phrase inside reported speech
            "Nikolenko wrote on Facebook that Russian drones \u201cfell and detonated\u201d on "
            "Romanian territory.",
            [
                (
                    "oleg_nikolenko",
                    "",
                    "Russian drones \u201cfell and detonated\u201d on Romanian territory",
                )
            ],
        ),
        (  # two speech acts of one speaker in one sentence
            "Kuleba told reporters that the talks would resume, adding that Turkey would host "
            "them.",
            [
                ("dmytro_kuleba", "", "the talks would resume"),
                ("dmytro_kuleba", "", "Turkey would host them"),
            ],
        ),
    ],
)
def test_direct_indirect_and_mixed_quotes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports of grain fell by a third in August, according to the Russian Defense "
            "Ministry.",
            [("russian_defense_ministry", "", "Exports of grain fell by a third in August")],
        ),
        (  # an outlet that asserts is speaker and relay
            "According to the Associated Press, the trial will resume on Friday.",
            [("ap", "ap", "the trial will resume on Friday.")],
        ),
        (  # "the ministry": the ministry named before
            "The Russian Defense Ministry said on Sunday that two drones were shot down. "
            "Grain exports also fell, according to the ministry.",
            [
                ("russian_defense_ministry", "", "two drones were shot down"),
                ("russian_defense_ministry", "", "Grain exports also fell"),
            ],
        ),
        (  # told an outlet: the outlet relays
            "Kuleba told the Associated Press that Kyiv would not negotiate.",
            [("dmytro_kuleba", "ap", "Kyiv would not negotiate")],
        ),
        (  # told a person: the audience, neither speaker nor relay
            "Kuleba told Erdogan that Kyiv would not negotiate.",
            [("dmytro_kuleba", "", "Kyiv would not negotiate")],
        ),
        (
            "Russia plans to close the corridor, Ukrinform reported.",
            [("ukrinform", "ukrinform", "Russia plans to close the corridor")],
        ),
        (  # X said ..., Y reported: speaker X via Y
            "Kuleba said the corridor would stay open, Ukrinform reported.",
            [("dmytro_kuleba", "ukrinform", "the corridor would stay open")],
        ),
        (  # "That's according to X, Y reports": X via Y, about the sentence before
            "North Korea sent artillery shells to Russia in August. That\u2019s according to "
            "Yonhap News Agency, Ukrinform reports.",
            [("yonhap", "ukrinform", "North Korea sent artillery shells to Russia in August.")],
        ),
        (
            "The Associated Press reported that the trial had been postponed.",
            [("ap", "ap", "the trial had been postponed")],
        ),
        (  # "X's spokesperson said": X speaks
            "The White House\u2019s spokesperson said the visit was postponed.",
            [("white_house", "", "the visit was postponed")],
        ),
        (
            "A spokesperson for the Ukrainian Foreign Ministry said the ambassador had been "
            "summoned.",
            [("ukrainian_foreign_ministry", "", "the ambassador had been summoned")],
        ),
        (  # quoted by an outlet: the outlet relays
            "Kuleba was quoted by the Associated Press as saying that the talks were over.",
            [("dmytro_kuleba", "ap", "the talks were over")],
        ),
        (  # "issued a statement saying": who issued it
            "The Russian Defense Ministry issued a statement saying that two drones had been "
            "downed.",
            [("russian_defense_ministry", "", "two drones had been downed")],
        ),
        (  # a dateline is not what was said; a quoted phrase keeps its closing mark
            "BEIJING (Harbor Wire) \u2014 China will restrict exports of gallium, the Russian "
            "Defense Ministry said. It said the rules were meant to \u201csafeguard national "
            "security.\u201d",
            [
                ("russian_defense_ministry", "", "China will restrict exports of gallium"),
                (
                    "russian_defense_ministry",
                    "",
                    "the rules were meant to \u201csafeguard national security.\u201d",
                ),
            ],
        ),
        (  # "the report said": the body that spoke last
            "The United Nations said on Tuesday that 231 civilians were killed in July. Most "
            "deaths were caused by missile strikes, the report said.",
            [
                ("united_nations", "", "231 civilians were killed in July"),
                ("united_nations", "", "Most deaths were caused by missile strikes"),
            ],
        ),
        (  # a document speaks for its author
            "Exports fell by a third, according to figures published by the United Nations.",
            [("united_nations", "", "Exports fell by a third")],
        ),
        (
            "A statement from the Russian Defense Ministry said two drones were downed.",
            [("russian_defense_ministry", "", "two drones were downed")],
        ),
        (  # a definite office: the holder named before, not the last person named
            "Foreign Minister Dmytro Kuleba met Erdogan in Ankara. The minister said the "
            "corridor would reopen.",
            [("dmytro_kuleba", "", "the corridor would reopen")],
        ),
        (  # a relative clause speaks for the noun it is about
            "Kuleba, who said the talks were over, left Ankara on Monday.",
            [("dmytro_kuleba", "", "the talks were over")],
        ),
        (
            "Kuleba blamed Russia for the attack on the port.",
            [("dmytro_kuleba", "", "Russia for the attack on the port")],
        ),
        (  # "it" that coreference leaves open: the body that spoke last
            "The Romanian Defense Ministry said on Tuesday that debris had been found near the "
            "border. It said the debris showed the drone was Russian-made.",
            [
                ("romanian_defense_ministry", "", "debris had been found near the border"),
                ("romanian_defense_ministry", "", "the debris showed the drone was Russian-made"),
            ],
        ),
        (  # the parser reads "write" as a noun: the sentence's tail still attributes it
            "But he is set to take over an institution mired by corruption allegations, Miriam "
            "Berger and Serhiy Morgunov write.",
            [
                (
                    "washington_post",
                    "",
                    "But he is set to take over an institution mired by corruption allegations",
                )
            ],
        ),
        (  # "As X reported, ...": the clause it is hung on
            "Two drones were shot down over Odesa, as Kuleba said on Monday.",
            [("dmytro_kuleba", "", "Two drones were shot down over Odesa")],
        ),
        (  # an outlet citing a source: the source speaks, via the outlet
            "Ukrinform reported, citing the Russian Defense Ministry, that two drones were downed.",
            [("russian_defense_ministry", "ukrinform", "two drones were downed")],
        ),
        (
            "The talks had collapsed, the Associated Press reported, citing Kuleba.",
            [("dmytro_kuleba", "ap", "The talks had collapsed")],
        ),
        (  # a passive with its agent: the agent speaks
            "The claims were rejected by the Russian Defense Ministry.",
            [("russian_defense_ministry", "", "The claims")],
        ),
        (  # a question closes its own sentence before the cue
            "\u201cWhere is the grain we were promised?\u201d Kuleba asked.",
            [("dmytro_kuleba", "", "Where is the grain we were promised?")],
        ),
        (  # the headline is read for its event, not for a claim
            "Kuleba says the talks are over\n\nKuleba said on Monday that the talks were over.",
            [("dmytro_kuleba", "", "the talks were over")],
        ),
        (  # the relay carries over to the same speaker's next sentence
            "Kuleba said the deal should not be restored, Ukrinform reported. He referred to "
            "Russia\u2019s terms as \u201cblackmail.\u201d",
            [
                ("dmytro_kuleba", "ukrinform", "the deal should not be restored"),
                ("dmytro_kuleba", "ukrinform", "Russia\u2019s terms as \u201cblackmail.\u201d"),
            ],
        ),
    ],
)
def test_attribution_patterns(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She said nothing.",
        "Shoigu told reporters nothing new.",
        "The ministry did not say whether the drones were Russian.",
        "The deal is expected to collapse, and talks were reported to have stalled.",
        "Kuleba declined to comment on the talks.",
        "Fighting continued near Bakhmut, and Kuleba asked for more air defenses.",
    ],
)
def test_a_speech_verb_with_nothing_said_is_no_claim(text: str) -> None:
    assert said(text) == []


def speakers(text: str) -> list[tuple[Actor, Attribution]]:
    lexicon = load_lexicon(ROOT)
    reading = read(text, published=PUBLISHED, lexicon=lexicon)
    return [(lexicon.actors[c.speaker_id], c) for c in reading.claims]


def test_the_head_of_an_office_speaks_not_the_country_it_is_in() -> None:
    [(actor, claim)] = speakers(
        "Civilian casualties rose sharply in July, the head of the United Nations human "
        "rights office in Ukraine said."
    )
    assert actor.actor_id != "ukraine"
    assert actor.kind == "unnamed" and actor.parent_id == "united_nations"
    assert actor.name == "Head of the United Nations human rights office in Ukraine"
    assert not claim.speaker_named


def test_an_office_named_earlier_in_the_article_is_its_holder() -> None:
    found = speakers(
        "Danielle Bell, the head of the United Nations human rights office in Ukraine, "
        "visited Odesa on Monday. Civilian casualties rose in July, the head of the office said."
    )
    assert [(a.name, c.speaker_named) for a, c in found] == [("Danielle Bell", True)]


@pytest.mark.parametrize(
    ("text", "name", "country", "anonymous"),
    [
        (
            "A senior U.S. official, who spoke on condition of anonymity, said the talks had "
            "stalled.",
            "Unnamed senior U.S. official",
            "USA",
            True,
        ),
        (
            "Officials in Romania said on condition of anonymity that the drone was Russian.",
            "Unnamed officials in Romania",
            "ROU",
            True,
        ),
        (
            "Two Western diplomats said the vote would be delayed.",
            "Unnamed Western diplomats",
            "",
            False,
        ),
    ],
)
def test_anonymous_sources_are_unnamed_actors(
    text: str, name: str, country: str, anonymous: bool
) -> None:
    [(actor, claim)] = speakers(text)
    assert (actor.name, actor.kind, actor.country_iso3) == (name, "unnamed", country)
    assert (claim.speaker_named, claim.anonymous) == (False, anonymous)
    assert ("anonymity" in claim.cue) == anonymous  # the reviewer sees why it is unnamed


def test_an_organisation_the_registry_lacks_speaks_for_itself() -> None:
    found = speakers(
        "China imposed curbs on chip metals. The Ministry of Commerce said it would restrict "
        "exports of gallium and germanium from August."
    )
    assert [(a.name, a.kind, c.cue) for a, c in found] == [
        ("Ministry of Commerce", "organization", "said")
    ]


def test_a_named_body_keeps_its_bracketed_acronym() -> None:
    [(actor, _)] = speakers(
        "At least 231 civilians were killed in July, the United Nations Human Rights "
        "Monitoring Mission in Ukraine (HRMMU) said."
    )
    assert actor.name == "United Nations Human Rights Monitoring Mission in Ukraine"
    assert (actor.kind, actor.parent_id, "HRMMU" in actor.aliases) == (
        "igo",
        "united_nations",
        True,
    )


def test_a_body_named_by_its_owner_is_proposed_and_found_again() -> None:
    found = speakers(
        "The United Nations refugee agency said on Tuesday that it faced a shortfall. "
        "The agency noted that arrivals had doubled."
    )
    assert [(a.name, a.parent_id) for a, _ in found] == [
        ("United Nations refugee agency", "united_nations"),
        ("United Nations refugee agency", "united_nations"),
    ]


def test_she_said_goes_to_the_woman_not_the_most_frequent_actor() -> None:
    found = speakers(
        "Putin met Erdogan in Sochi. Putin said the deal was dead. Putin also said grain would "
        "flow. Adrienne Watson said the talks were over. \u201cThe letters were real and we "
        "have read them,\u201d she said."
    )
    assert [(a.actor_id, c.cue) for a, c in found][-1] == ("adrienne_watson", "she said")


def test_an_unresolved_pronoun_is_an_unidentified_speaker_with_low_confidence() -> None:
    [(actor, claim)] = speakers(
        "\u201cThe bridge is closed to all traffic until further notice,\u201d she said."
    )
    assert (actor.name, actor.kind) == ("Unidentified speaker", "unnamed")
    assert claim.cue == "she said" and not claim.speaker_named and claim.confidence <= 0.3


# --- speakers the registry lacks, named or described (issue 11, classes 1-4) ------------------


def named_claims(text: str) -> list[tuple[str, str, str]]:
    """(speaker name, via name, the claim's quote) of each drafted claim."""
    lexicon = load_lexicon(ROOT)
    reading = read(text, published=PUBLISHED, lexicon=lexicon)
    return [
        (
            lexicon.actors[c.speaker_id].name,
            lexicon.actors[c.via_id].name if c.via_id else "",
            text[c.quote[0] : c.quote[1]],
        )
        for c in reading.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a person named by an honorific and a surname only, and her pronoun
            "Ms. Lindqvist, who leads the talks, said the gap was narrowing. \u201cWe are "
            "close,\u201d she said.",
            [
                ("Lindqvist", "", "the gap was narrowing"),
                ("Lindqvist", "", "We are close"),
            ],
        ),
        (  # a surname the NER calls a person, speaking with no full name anywhere
            "Tarasenko wrote on Telegram that the town had been cleared.",
            [("Tarasenko", "", "the town had been cleared")],
        ),
        (  # the NER takes the surname only: the given name before it belongs to it
            "\u201cThis was no accident,\u201d said Beatriz Lemos, who leads the inquiry.",
            [("Beatriz Lemos", "", "This was no accident")],
        ),
        (  # a name the NER splits into two places, in apposition to an office; told an outlet
            "Belarus's ambassador in Riga, Aleksandr Volkov, told LETA that the claims were false.",
            [("Aleksandr Volkov", "LETA", "the claims were false")],
        ),
        (  # an outlet the NER calls a place
            "Oil prices rose 3 percent on Tuesday, Bloomberg reported.",
            [("Bloomberg", "Bloomberg", "Oil prices rose 3 percent on Tuesday")],
        ),
        (  # a bracketed acronym is no part of the name
            "The European Bank for Reconstruction and Development (EBRD) said it would lend "
            "$500 million.",
            [
                (
                    "European Bank for Reconstruction and Development",
                    "",
                    "it would lend $500 million",
                )
            ],
        ),
        (  # the parser takes a word inside the quotation for the subject
            "\u201cWe need generators before the frost,\u201d Moldova's energy minister, Elena "
            "Cojocaru, told donors.",
            [("Elena Cojocaru", "", "We need generators before the frost")],
        ),
        (  # "That's according to X, Y reports": X said the sentence before, via Y
            "Shipments rose in May. That's according to Interfax, the news agency Tass reports.",
            [("Interfax", "Tass", "Shipments rose in May.")],
        ),
        (  # a body described, never named
            "The presidential office said the decree would be signed on Friday.",
            [("Presidential office", "", "the decree would be signed on Friday")],
        ),
        (  # an office holder named first in the next sentence
            "Prices had doubled since spring, the head of the IMF office in Kyiv said. Jonas "
            "Eklund urged lenders to wait.",
            [
                ("Jonas Eklund", "", "Prices had doubled since spring"),
                ("Jonas Eklund", "", "lenders to wait"),
            ],
        ),
        (  # an office of a body the text only describes
            "Exports fell by a third, the head of the chamber of commerce in Riga said.",
            [("Head of the chamber of commerce in Riga", "", "Exports fell by a third")],
        ),
        (  # "war" ends the name but is not its head
            "Three villages were retaken, according to the Institute for the Study of War.",
            [("Institute for the Study of War", "", "Three villages were retaken")],
        ),
        (  # "Ukraine's Ministry of X" is not whichever Ukrainian ministry the registry has
            "Ukraine's Ministry of Veterans said 4,000 soldiers had returned home.",
            [("Ukraine's Ministry of Veterans", "", "4,000 soldiers had returned home")],
        ),
        (  # an embassy is known by where it sits
            "The Chinese embassy in Vilnius said the report was false.",
            [("Chinese embassy in Vilnius", "", "the report was false")],
        ),
        (  # a short quotation that is a whole sentence goes on the same speaker
            "\u201cWe will rebuild,\u201d Dorokhin wrote on Telegram. "
            "\u201cNobody can stop us.\u201d",
            [("Dorokhin", "", "We will rebuild"), ("Dorokhin", "", "Nobody can stop us.")],
        ),
        (  # an air force and the police speak too
            "Ukraine's air force said it had shot down 20 drones. Police said two people were "
            "hurt.",
            [
                ("Ukraine's air force", "", "it had shot down 20 drones"),
                ("Unnamed police", "", "two people were hurt"),
            ],
        ),
        (  # "X said ..., broadcaster Y reported": X speaks, relayed by Y
            "Minister Haruto Ueda said the plan was sound, Japanese broadcaster NHK reported.",
            [("Haruto Ueda", "NHK", "the plan was sound")],
        ),
        (  # "who heads the mission" gives the office a later "the head of the mission" names
            "Sara Lind, who heads the mission, visited Kharkiv. Shelling had worsened, the head "
            "of the mission said.",
            [("Sara Lind", "", "Shelling had worsened")],
        ),
        (  # a capital that calls something so is its state, proposed when new
            "The summit drew criticism from Tehran, which called it \u201ca theatre of lies.\u201d",
            [("Iran", "", "it \u201ca theatre of lies.\u201d")],
        ),
        (  # a report's finding is its author's claim
            "The National Grid Authority (NGA) published its audit on Monday. The authority's "
            "audit found that two substations had failed.",
            [("National Grid Authority", "", "two substations had failed")],
        ),
        (  # a paragraph that opens a quotation without a cue of its own: one claim, not two
            "Marta Holm said the convoy was delayed.\n\n\u201cThe road is mined. We cannot "
            "pass,\u201d Holm said.",
            [
                ("Marta Holm", "", "the convoy was delayed"),
                ("Marta Holm", "", "The road is mined. We cannot pass"),
            ],
        ),
        (  # the seat of government is its office, an organisation of the state
            "The Kremlin said the talks had failed.",
            [("Kremlin", "", "the talks had failed")],
        ),
        (  # a surname the NER calls an organisation, or misses, is a person
            "Kovalenko wrote on Telegram that the road was open. Hordiyenkiy said it was not.",
            [("Kovalenko", "", "the road was open"), ("Hordiyenkiy", "", "it was not")],
        ),
        (  # an outlet left without a verb by the parser, citing another outlet
            "Ukrinform, citing Politico, reported that the aid package would be delayed.",
            [("Politico", "Ukrinform", "the aid package would be delayed")],
        ),
        (  # the quotation around the cue is the claim; what he added is another one
            "\u201cThe bridges will burn,\u201d Dorokhin wrote, adding that Russia had "
            "\u201cother means.\u201d",
            [
                ("Dorokhin", "", "The bridges will burn"),
                ("Dorokhin", "", "Russia had \u201cother means.\u201d"),
            ],
        ),
        (  # the outlet that carried the remarks relays them
            "In remarks carried by the state news agency TASS, Lavrov said the talks were over.",
            [("Lavrov", "TASS", "the talks were over")],
        ),
        (
            "Kuleba said in an interview with the BBC that the offensive would continue.",
            [("Dmytro Kuleba", "BBC", "the offensive would continue")],
        ),
        (  # an outlet citing people the text does not name
            "The aid will be delayed, the Financial Times reported, citing unnamed officials.",
            [("Unnamed officials", "Financial Times", "The aid will be delayed")],
        ),
        (  # a document from a body the text only describes
            "A statement from the Turkish presidency said the call lasted an hour.",
            [("Turkish presidency", "", "the call lasted an hour")],
        ),
        (  # more verbs of speech: conceded, pointed out, countered
            "Shoigu conceded that the offensive had stalled. Kuleba pointed out that the grain "
            "had left port. Kuleba pointed to the map.",
            [
                ("Sergei Shoigu", "", "the offensive had stalled"),
                ("Dmytro Kuleba", "", "the grain had left port"),
            ],
        ),
        (  # calling someone something is a claim
            "In a later post, Dorokhin called Western leaders \u201ccowards.\u201d",
            [("Dorokhin", "", "Western leaders \u201ccowards.\u201d")],
        ),
        (  # what a denial dismisses something as is part of the claim
            "Ukraine's Foreign Ministry dismissed the summit as \u201ca propaganda show.\u201d",
            [("Ukrainian Foreign Ministry", "", "the summit as \u201ca propaganda show.\u201d")],
        ),
        (  # "the report said": the body that published it the sentence before
            "The Baltic Grid Council published its annual review on Monday. The review said "
            "outages had doubled.",
            [("Baltic Grid Council", "", "outages had doubled")],
        ),
        (  # a ministry described by what follows it, in lower case; no full stop in the quote
            "The ministry of agriculture said in a notice that wheat exports would be capped.",
            [("Ministry of agriculture", "", "wheat exports would be capped")],
        ),
    ],
)
def test_speakers_the_registry_lacks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert named_claims(text) == expected


def test_a_seat_of_government_is_an_organisation_of_its_state() -> None:
    [(actor, _)] = speakers("The Kremlin said the talks had failed.")
    assert (actor.kind, actor.country_iso3, actor.parent_id) == ("organization", "RUS", "russia")


def test_a_body_described_before_its_bracketed_acronym_is_proposed_with_its_country() -> None:
    [(actor, _)] = speakers(
        "Estonia's internal security service (KAPO) said it had detained two men."
    )
    assert (actor.name, actor.country_iso3, "KAPO" in actor.aliases) == (
        "Estonia's internal security service",
        "EST",
        True,
    )


def test_a_country_by_its_short_name_owns_its_ministry() -> None:
    [(actor, _)] = speakers(
        "Britain's Ministry of Defence said the brigade had lost most of its tanks."
    )
    assert (actor.name, actor.country_iso3) == ("Britain's Ministry of Defence", "GBR")


def test_a_name_compounded_with_a_body_noun_is_the_body_and_its_alias() -> None:
    found = speakers(
        "The Azov regiment said its fighters had held the line. Azov later said it had withdrawn."
    )
    assert [(a.name, "Azov" in a.aliases) for a, _ in found] == [("Azov regiment", True)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Japan promised 40 generators to the city.",  # a pledge of a thing is an event
        "Putin pledged grain to six African states.",
    ],
)
def test_a_promise_of_a_thing_is_no_claim(text: str) -> None:
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the British style: single marks, an apostrophe inside, a second sentence after
            "\u2018Our crews can\u2019t wait for spring,\u2019 said Gwen Hollis, a Royal Navy "
            "instructor. \u2018The Ukrainians\u2019 drills are hard. They pass them.\u2019",
            [
                ("Gwen Hollis", "", "Our crews can\u2019t wait for spring"),
                ("Gwen Hollis", "", "The Ukrainians\u2019 drills are hard. They pass them."),
            ],
        ),
        (  # a quote inside the quotation keeps its marks
            "'They call it \"a routine patrol\",' Tomas Rudd told reporters. 'It is not.'",
            [
                ("Tomas Rudd", "", 'They call it "a routine patrol"'),
                ("Tomas Rudd", "", "It is not."),
            ],
        ),
    ],
)
def test_quotations_in_single_marks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert named_claims(text) == expected


def test_two_that_clauses_joined_by_and_are_two_claims() -> None:
    found = named_claims(
        "Nora Vilks told LSM that the pipeline had been damaged on purpose, and that "
        "divers would inspect it next week."
    )
    assert [q for *_, q in found] == [
        "the pipeline had been damaged on purpose",
        "divers would inspect it next week",
    ]


def test_but_that_keeps_one_statement() -> None:
    found = named_claims(
        "Nora Vilks said the navy had followed the ship but that it never left Latvian waters."
    )
    assert [q for *_, q in found] == [
        "the navy had followed the ship but that it never left Latvian waters"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The convoy reached Kherson on Friday, Interfax quoted deputy minister Oleg "
            "Bessonov as saying.",
            [("Oleg Bessonov", "Interfax", "The convoy reached Kherson on Friday")],
        ),
        (
            "TASS quoted Yulia Marchuk, a member of the Duma's budget committee, as saying "
            "that the fund would run dry by March.",
            [("Yulia Marchuk", "TASS", "the fund would run dry by March")],
        ),
    ],
)
def test_an_outlet_quoting_someone_as_saying_relays_them(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert named_claims(text) == expected


def test_a_bare_definite_noun_is_the_body_named_so_before() -> None:
    found = named_claims(
        "Latvia's Joint Operations Command said two jets had been scrambled. No airspace was "
        "violated, the command wrote on X."
    )
    assert [(who, q) for who, _, q in found] == [
        ("Latvia's Joint Operations Command", "two jets had been scrambled"),
        ("Latvia's Joint Operations Command", "No airspace was violated"),
    ]


def test_a_possessive_gives_the_gender_so_she_said_goes_to_no_man() -> None:
    found = named_claims(
        "Former minister Pavel Orlik wrote on his blog that the deal was dead.\n\n"
        "\u201cNobody asked us,\u201d she said."
    )
    assert [(who, q) for who, _, q in found] == [
        ("Pavel Orlik", "the deal was dead"),
        ("Unidentified speaker", "Nobody asked us"),
    ]


def test_a_person_named_by_a_given_name_in_apposition_speaks() -> None:
    found = named_claims(
        "Her husband, Taras, a 31-year-old medic, was freed on Friday.\n\n"
        "\u201cI only want to sleep,\u201d he said."
    )
    assert [(who, q) for who, _, q in found] == [("Taras", "I only want to sleep")]


def test_a_cue_between_commas_attributes_its_clause() -> None:
    found = named_claims(
        "The Ministry of Commerce of China said it would limit exports. The measures, it "
        "added, would not target any country."
    )
    assert [q for *_, q in found] == [
        "it would limit exports",
        "The measures, it added, would not target any country",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukraine's General Staff reported 62 clashes along the front line.",
            ("Ukraine's General Staff", "62 clashes along the front line"),
        ),
        (
            "Russia's Central Election Commission claimed a turnout of 71 per cent.",
            ("Russia's Central Election Commission", "a turnout of 71 per cent"),
        ),
    ],
)
def test_a_claim_or_report_of_a_figure_is_a_claim(text: str, expected: tuple[str, str]) -> None:
    assert [(who, q) for who, _, q in named_claims(text)] == [expected]


def test_an_unnamed_source_keeps_the_words_that_describe_it() -> None:
    [(actor, _)] = speakers(
        "Two corvettes left Baltiysk on Sunday, TASS reported, citing a source in the navy."
    )
    assert (actor.kind, "a source in the navy" in actor.aliases) == ("unnamed", True)


def test_a_live_blog_time_stamp_is_no_part_of_a_name() -> None:
    [(actor, _)] = speakers(
        "Live updates\n\n10:41\nLatvia's coast guard says a tanker has lost power off Liepaja."
    )
    assert actor.name == "Latvia's coast guard"


def test_what_someone_called_something_is_no_claim() -> None:
    found = named_claims(
        "Norway closed the crossing on Friday over what it called a campaign of provocations, "
        "the government said."
    )
    assert [q for *_, q in found] == [
        "Norway closed the crossing on Friday over what it called a campaign of provocations"
    ]


def test_according_to_a_country_s_body_is_the_body_not_a_place() -> None:
    found = named_claims(
        "Two drones crossed into Latvian airspace overnight, according to Latvia's armed forces."
    )
    assert [(who, q) for who, _, q in found] == [
        ("Latvia's armed forces", "Two drones crossed into Latvian airspace overnight")
    ]


def test_a_short_quotation_after_a_colon_is_a_claim() -> None:
    found = named_claims(
        "Asked whether Vilnius would retaliate, Foreign Minister Jonas Petraitis said: "
        "\u201cNever.\u201d"
    )
    assert [(who, q) for who, _, q in found] == [("Jonas Petraitis", "Never.")]
