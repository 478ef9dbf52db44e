"""Attribution: reporting cues, speakers named and unnamed, outlets relayed, verification."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.ingest import read
from analysis.ingest.lexicon import load_lexicon

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
            [
                ("vladimir_putin", "", "pledged", "predicts", True),
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
