"""Segmentation: blocks, non-body spans (headline, caption, credit, contributors, scraper tail)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest import nlp, segment
from analysis.quotes import fold

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data/sources/wapo-2023-09-05-kim-putin-arms.txt"
TEXT = (
    "Kim heads to Russia\n\n\n"
    "Kim Jong Un arrives in Vladivostok. (Jane Roe/AFP/Getty Images)\n\n"
    "Kim arrived on Monday. “I am glad,” he said. “We will talk.”\n\n"
    "John Doe and Ann Poe contributed to this report.\n\n"
    "Source link\n\nLeave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *"
)


def kinds(text: str, title: str = "") -> list[tuple[str, str]]:
    _, non_body = segment.blocks(text, title)
    return [(s.kind, text[s.start : s.end]) for s in non_body]


def test_non_body_spans_are_marked_with_their_kind() -> None:
    assert kinds(TEXT) == [
        ("headline", "Kim heads to Russia"),
        ("caption", "Kim Jong Un arrives in Vladivostok."),
        ("credit", "(Jane Roe/AFP/Getty Images)"),
        ("contributors", "John Doe and Ann Poe contributed to this report."),
        ("boilerplate", "Source link"),
        ("boilerplate", "Leave a Reply"),
        ("boilerplate", "Your email address will not be published. Required fields are marked *"),
    ]


def test_the_seed_article_has_headline_caption_credit_contributors_and_tail() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = kinds(text)
    assert [k for k, _ in found] == [
        "headline",
        "caption",
        "credit",
        "contributors",
        "boilerplate",
        "boilerplate",
        "boilerplate",
    ]
    assert found[2][1] == "(Yuri Kadobnov/AFP/Getty Images)"
    assert found[3][1].endswith("contributed to this report.")


def test_a_headline_is_recognised_by_the_given_title_even_with_a_full_stop() -> None:
    text = "Kim goes to Russia.\n\nKim Jong Un plans a visit."
    assert kinds(text, title="Kim goes to Russia.") == [("headline", "Kim goes to Russia.")]
    assert kinds(text) == []


def test_everything_after_leave_a_reply_is_the_scrapers_tail() -> None:
    text = "Body text here.\n\nLeave a Reply\n\nJane\n\nGreat article!"
    assert [k for k, _ in kinds(text)] == ["boilerplate"] * 3


@pytest.fixture(scope="module")
def sentences() -> tuple[str, list[segment.Sentence]]:
    blocks, _ = segment.blocks(TEXT)
    readable = [b for b in blocks if b.kind in segment.READ_KINDS]
    docs = list(nlp.pipeline().pipe(fold(TEXT)[b.start : b.end] for b in readable))
    return TEXT, segment.sentences(TEXT, blocks, docs)


def test_sentences_index_the_original_text_and_skip_non_body(
    sentences: tuple[str, list[segment.Sentence]],
) -> None:
    text, found = sentences
    assert [(text[s.start : s.end], s.kind) for s in found] == [
        ("Kim heads to Russia", "headline"),  # read for its event, at a lower confidence
        ("Kim Jong Un arrives in Vladivostok.", "caption"),
        ("Kim arrived on Monday.", "body"),
        ("“I am glad,” he said.", "body"),  # the opening quote moved to its sentence
        ("“We will talk.”", "body"),
    ]


def test_folding_keeps_offsets() -> None:
    text = "Russia\u2019s \u201cdrone\u201d test"
    assert fold(text) == 'Russia\'s "drone" test'
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    "line",
    [
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Click here to get the Northgate News app",
        "Sign up for our newsletter",
        "Sign up for the Morning Brief newsletter to get the day's top stories.",
        "Download the app for breaking news alerts",
        "Get the Harbour Times app on your phone",
        "READ MORE: Kremlin says talks with Kyiv are frozen",
        "WATCH: Drone footage shows damage to the port",
        "RUSSIA-UKRAINE WAR: LIVE UPDATES",
        "Related: Ukraine's grain exports fall for a third month",
        "Also read: What the new sanctions mean for shipping",
        "Follow us on Telegram for the latest updates",
        "Follow Northgate Wire on X and Facebook",
        "Copyright 2024 Northgate Wire. All rights reserved.",
        "Story continues below advertisement",
        "SANCTIONS EXPLAINED WHAT THE EUROPEAN MEASURES TARGET",
    ],
)
def test_promotional_lines_and_teasers_are_boilerplate(line: str) -> None:
    assert segment.is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "NATO and the EU said on Monday they would send more air defence systems.",
        "The UNHCR (UN refugee agency) said 1.2 million people had fled.",
        "KYIV, Ukraine (AP) — Russian forces shelled the city overnight.",
        "NEW DELHI: The foreign ministry said on Monday that talks would resume.",
        "US AND EU",  # too short to be a teaser
        "Sources said the follow-up talks were scheduled for July.",
        "Related talks were held in Geneva last week, the ministry said.",
        "He urged supporters to sign up as volunteers.",
    ],
)
def test_real_sentences_with_acronyms_or_datelines_stay_body(line: str) -> None:
    assert not segment.is_boilerplate_line(line)


def test_boilerplate_lines_inside_a_paragraph_are_marked_and_the_rest_stays_body() -> None:
    text = (
        "Russia blames Kyiv for bridge attack\n\n"
        "Russian investigators said on Monday that Ukraine had struck the bridge.\n"
        "CLICK HERE TO GET THE FOX NEWS APP\n"
        "Ukraine's military declined to comment.\n\n"
        "READ MORE: Kremlin vows response\n\n"
        "Officials in Moscow said repairs would take weeks."
    )
    blocks, non_body = segment.blocks(text)
    assert [(s.kind, text[s.start : s.end]) for s in non_body] == [
        ("headline", "Russia blames Kyiv for bridge attack"),
        ("boilerplate", "CLICK HERE TO GET THE FOX NEWS APP"),
        ("boilerplate", "READ MORE: Kremlin vows response"),
    ]
    body = [text[b.start : b.end] for b in blocks if b.kind == "body"]
    assert body == [
        "Russian investigators said on Monday that Ukraine had struck the bridge.",
        "Ukraine's military declined to comment.",
        "Officials in Moscow said repairs would take weeks.",
    ]


def test_a_dateline_abbreviation_does_not_end_a_sentence() -> None:
    text = (
        "ST. PETERSBURG, Russia (Northgate) — Putin opened a summit with African leaders on "
        "Thursday. He promised free grain."
    )
    blocks, _ = segment.blocks(text, title="A summit")
    readable = [b for b in blocks if b.kind in segment.READ_KINDS]
    docs = list(nlp.pipeline().pipe(fold(text)[b.start : b.end] for b in readable))
    found = [text[s.start : s.end] for s in segment.sentences(text, blocks, docs)]
    assert found == [text[: text.index(" He")], "He promised free grain."]
