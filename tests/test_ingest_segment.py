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
    readable = [b for b in blocks if b.kind in ("body", "caption")]
    docs = list(nlp.pipeline().pipe(fold(TEXT)[b.start : b.end] for b in readable))
    return TEXT, segment.sentences(TEXT, blocks, docs)


def test_sentences_index_the_original_text_and_skip_non_body(
    sentences: tuple[str, list[segment.Sentence]],
) -> None:
    text, found = sentences
    assert [(text[s.start : s.end], s.kind) for s in found] == [
        ("Kim Jong Un arrives in Vladivostok.", "caption"),
        ("Kim arrived on Monday.", "body"),
        ("“I am glad,” he said.", "body"),  # the opening quote moved to its sentence
        ("“We will talk.”", "body"),
    ]


def test_folding_keeps_offsets() -> None:
    text = "Russia\u2019s \u201cdrone\u201d test"
    assert fold(text) == 'Russia\'s "drone" test'
    assert len(fold(text)) == len(text)
