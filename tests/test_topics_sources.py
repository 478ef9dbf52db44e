"""Source pages: records by offset, segments cut at every boundary, and the escaped page HTML."""

from __future__ import annotations

import html.parser
from pathlib import Path

import pandas as pd
import pytest

from analysis.build.fanout import FAN_OUTS, fan_out_labels
from analysis.errors import NewsbriefError
from analysis.present_source import metadata, records_table, source_text
from analysis.quotes import normalise
from analysis.topics.sources import (
    KINDS,
    RECORD_COLUMNS,
    SEGMENT_COLUMNS,
    kind_counts,
    non_body_spans,
    segments,
    source_metadata,
    source_records,
)

MINI = Path(__file__).parent / "fixtures" / "mini"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

# "Kyiv said drones hit the port. Moscow denied it."
#  claim c1 covers [0, 30), event e1 [10, 29) inside it, position p1 exactly as c1,
#  draft claim c2 [31, 48) and a draft event e2 [38, 48) at its end.
TEXT = "Kyiv said drones hit the port. Moscow denied it."
ACTORS = pd.DataFrame(
    {
        "actor_id": ["kyiv", "moscow", "drones"],
        "name": ["Ukraine", "Russia", "Drone units"],
        "kind": ["state", "state", "group"],
        "country_iso3": ["UKR", "RUS", "RUS"],
        "sector": ["GOV", "GOV", "MIL"],
        "office": ["", "", ""],
        "parent_id": ["", "", ""],
        "wikidata_id": ["", "", ""],
    }
)
ISSUES = pd.DataFrame({"issue_id": ["port"], "name": ["Port attacks"], "proposition": ["x"]})


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def events_frame(*rows: dict[str, object]) -> pd.DataFrame:
    defaults = {"source_id": "src", "status": "factual", "recipient_ids": "", "draft": False}
    df = pd.DataFrame([{**defaults, **r} for r in rows])
    df["evidence_start"] = df["evidence_start"].astype("Int64")
    df["evidence_end"] = df["evidence_end"].astype("Int64")
    df["confidence"] = df.get("confidence", pd.Series([None] * len(df))).astype("Float64")
    return df


def claims_frame(*rows: dict[str, object]) -> pd.DataFrame:
    defaults = {"source_id": "src", "via_id": "", "cue": "said", "stance": "asserts",
                "draft": False}  # fmt: skip
    df = pd.DataFrame([{**defaults, **r} for r in rows])
    df["quote_start"] = df["quote_start"].astype("Int64")
    df["quote_end"] = df["quote_end"].astype("Int64")
    df["confidence"] = df.get("confidence", pd.Series([None] * len(df))).astype("Float64")
    return df


def positions_frame(*rows: dict[str, object]) -> pd.DataFrame:
    defaults = {"source_id": "src", "issue_id": "port", "stance": -1, "draft": False}
    columns = ["position_id", "actor_id", "position", "evidence_quote", "evidence_start",
               "evidence_end", *defaults]  # fmt: skip
    df = pd.DataFrame([{**defaults, **r} for r in rows], columns=columns)
    df["evidence_start"] = df["evidence_start"].astype("Int64")
    df["evidence_end"] = df["evidence_end"].astype("Int64")
    df["confidence"] = pd.Series([None] * len(df)).astype("Float64")
    return df


def example(text: str = TEXT) -> pd.DataFrame:
    c1, e1 = span(text, "Kyiv said drones hit the port."), span(text, "drones hit the port")
    c2, e2 = span(text, "Moscow denied it."), span(text, "denied it.")
    events = events_frame(
        {"event_id": "e1", "event_type": "ASSAULT", "summary": "Drones hit the port.",
         "actor_ids": "drones", "recipient_ids": "kyiv", "evidence_quote": text[e1[0]:e1[1]],
         "evidence_start": e1[0], "evidence_end": e1[1]},
        {"event_id": "e2", "event_type": "REJECT", "summary": "Russia denied it.",
         "actor_ids": "moscow", "evidence_quote": text[e2[0]:e2[1]], "evidence_start": e2[0],
         "evidence_end": e2[1], "draft": True, "confidence": 0.4},
        {"event_id": "elsewhere", "event_type": "ASSAULT", "summary": "Another source.",
         "actor_ids": "moscow", "evidence_quote": "x", "evidence_start": 0, "evidence_end": 1,
         "source_id": "other"},
    )  # fmt: skip
    claims = claims_frame(
        {"claim_id": "c1", "speaker_id": "kyiv", "content": "Ukraine says drones hit the port.",
         "quote": text[c1[0]:c1[1]], "quote_start": c1[0], "quote_end": c1[1]},
        {"claim_id": "c2", "speaker_id": "moscow", "content": "Russia denies it.",
         "quote": text[c2[0]:c2[1]], "quote_start": c2[0], "quote_end": c2[1], "draft": True,
         "confidence": 0.7, "stance": "denies"},
    )  # fmt: skip
    positions = positions_frame(
        {"position_id": "p1", "actor_id": "kyiv", "position": "Blames the drones",
         "evidence_quote": text[c1[0]:c1[1]], "evidence_start": c1[0], "evidence_end": c1[1]},
    )  # fmt: skip
    return source_records(events, claims, positions, ACTORS, ISSUES, source_id="src")


def test_records_of_one_source_in_text_order_enclosing_first() -> None:
    records = example()
    assert list(records.columns) == RECORD_COLUMNS
    assert list(records["record_id"]) == ["c1", "p1", "e1", "c2", "e2"]  # no other source's
    assert list(records["number"]) == [1, 2, 3, 4, 5]
    assert list(records["anchor"]) == [
        f"rec-{k}-{i}" for k, i in zip(records["kind"], records["record_id"], strict=True)
    ]
    by_id = records.set_index("record_id")
    assert by_id.loc["e1", "who"] == "Drone units \u2192 Ukraine"
    assert by_id.loc["c1", "who"] == "Ukraine"
    assert by_id.loc["p1", "says"] == "on Port attacks: Blames the drones (stance -1)"
    assert by_id.loc["e1", "says"] == "ASSAULT (factual): Drones hit the port."


def test_drafts_are_flagged_with_their_confidence() -> None:
    records = example().set_index("record_id")
    assert records["draft"].to_dict() == {"c1": False, "p1": False, "e1": False, "c2": True,
                                          "e2": True}  # fmt: skip
    assert records.loc["c2", "confidence"] == pytest.approx(0.7)
    assert pd.isna(records.loc["c1", "confidence"])
    assert kind_counts(example()) == {"event": 2, "claim": 2, "position": 1, "draft": 2}


def test_segments_cover_the_text_and_cut_at_every_boundary() -> None:
    records = example()
    segs = segments(TEXT, records)
    assert list(segs.columns) == SEGMENT_COLUMNS
    assert "".join(TEXT[s:e] for s, e in zip(segs["start"], segs["end"], strict=True)) == TEXT
    assert list(segs["start"])[1:] == list(segs["end"])[:-1]  # no gap, no overlap
    bounds = set(segs["start"]) | set(segs["end"])
    assert set(records["start"]) | set(records["end"]) <= bounds
    # nothing is cut where no record starts or ends
    assert bounds == {0, len(TEXT)} | set(records["start"]) | set(records["end"])


def test_an_overlapped_segment_names_every_record_and_kind() -> None:
    records = example()
    segs = segments(TEXT, records).set_index("start")
    inner = segs.loc[TEXT.index("drones")]  # claim c1, position p1 (same quote), event e1
    assert inner["anchors"] == ("rec-claim-c1", "rec-position-p1", "rec-event-e1")
    assert inner["kinds"] == KINDS
    assert inner["link"] == "rec-event-e1"  # the narrowest quote
    outer = segs.loc[0]  # "Kyiv said ": claim and position only
    assert outer["anchors"] == ("rec-claim-c1", "rec-position-p1")
    assert outer["kinds"] == ("claim", "position")
    assert outer["opens"] == ("rec-claim-c1", "rec-position-p1")  # both markers start here
    assert segs.loc[TEXT.index(" Moscow")]["anchors"] == ()  # the space between sentences


def test_a_segment_is_a_draft_when_a_draft_covers_it() -> None:
    segs = segments(TEXT, example()).set_index("start")
    assert segs.loc[TEXT.index("Moscow")]["draft"]
    assert segs.loc[TEXT.index("denied")]["anchors"] == ("rec-claim-c2", "rec-event-e2")
    assert not segs.loc[0]["draft"]


def test_every_record_is_reachable_from_the_text() -> None:
    records = example()
    segs = segments(TEXT, records)
    opened = [a for opens in segs["opens"] for a in opens]
    assert sorted(opened) == sorted(records["anchor"])  # one marker each
    covered = {a for anchors in segs["anchors"] for a in anchors}
    assert covered == set(records["anchor"])
    page = str(source_text(TEXT, segs, records).data)
    table = str(records_table(records, caption="Records").data)
    for anchor, marker in zip(records["anchor"], records["marker"], strict=True):
        assert f'href="#{anchor}"' in page and f'id="{marker}"' in page
        assert f'<tr id="{anchor}"' in table and f'href="#{marker}"' in table


def test_non_body_spans_are_segments_of_their_own() -> None:
    text = (
        "Drones hit the port\n\nThe port after the strike. (Photo: Jane Doe/AFP)\n\n"
        f"{TEXT}\n\nSource link\n\nLeave a Reply"
    )
    credit = text.index("(Photo")
    tail = text.index("Source link")
    recorded = [
        (0, 19, "headline"),
        (credit, credit + 21, "credit"),
        (tail, len(text), "boilerplate"),
    ]
    spans = non_body_spans(recorded)
    kinds = dict(zip(spans["kind"], zip(spans["start"], spans["end"], strict=True), strict=False))
    assert text[slice(*kinds["headline"])] == "Drones hit the port"
    assert text[slice(*kinds["credit"])] == "(Photo: Jane Doe/AFP)"
    assert "boilerplate" in kinds
    records = example(text)
    segs = segments(text, records, spans)
    headline = segs[segs["non_body"] == "headline"]
    assert "".join(text[s:e] for s, e in zip(headline["start"], headline["end"], strict=True)) \
        == "Drones hit the port"  # fmt: skip
    assert (segs[segs["non_body"] == "headline"]["anchors"] == ()).all()
    page = str(source_text(text, segs, records).data)
    assert 'data-nonbody="headline"' in page and 'data-nonbody="credit"' in page


class _Text(html.parser.HTMLParser):
    """The text a page shows inside .nb-source-text, the record markers left out, and every
    element it meets (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = self.skip = 0
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        classes = (a.get("class") or "").split()
        if "nb-source-text" in classes:
            self.inside = 1
        elif self.inside:
            self.inside += 1
            if "nb-ref" in classes or self.skip:
                self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.inside:
            self.inside -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.text.append(data)


HOSTILE_TEXT = (
    'Dronia <script>window.__pwned=1</script> said "x" & <img src=x onerror="alert(1)">\n\n'
    '  indented\tline </div></a><a href="javascript:alert(2)">\u202eEvil\u202c &lt;b&gt;'
)


def test_hostile_text_is_escaped_and_shown_exactly() -> None:
    quote = '<script>window.__pwned=1</script> said "x" & <img'
    start, end = span(HOSTILE_TEXT, quote)
    claims = claims_frame(
        {"claim_id": 'c"><script>', "speaker_id": "kyiv", "content": "<b>bold</b>",
         "quote": quote, "quote_start": start, "quote_end": end}
    )  # fmt: skip
    records = source_records(
        events_frame(
            {"event_id": "e", "event_type": "X", "summary": "</td></tr><script>", "actor_ids": "",
             "evidence_quote": "Evil", "evidence_start": HOSTILE_TEXT.index("Evil"),
             "evidence_end": HOSTILE_TEXT.index("Evil") + 4}
        ),
        claims, positions_frame(), ACTORS, ISSUES, source_id="src",
    )  # fmt: skip
    segs = segments(HOSTILE_TEXT, records, non_body_spans([]))
    page = str(source_text(HOSTILE_TEXT, segs, records).data)
    parser = _Text()
    parser.feed(page + str(records_table(records, caption="<script>").data))
    assert '<pre class="nb-source-text">\n' in page  # a browser drops this first newline
    assert "".join(parser.text) == "\n" + HOSTILE_TEXT  # every character, whitespace kept
    tags = {tag for tag, _ in parser.elements}
    assert tags <= {"div", "pre", "ul", "li", "span", "a", "code", "table", "caption", "thead",
                    "tbody", "tr", "th", "td", "wbr"}, tags  # fmt: skip
    for _, attrs in parser.elements:
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "&lt;script&gt;" in page and "<script" not in page


def test_metadata_names_the_source_and_refuses_an_unknown_id() -> None:
    sources = pd.DataFrame(
        {"source_id": ["src"], "publisher": ["<b>Press</b>"], "title": ["T"],
         "published_at": ["2023-09-05"], "url": [""], "language": ["en"],
         "text_sha256": ["ab" * 32], "n_chars": [48]}
    )  # fmt: skip
    meta = source_metadata(sources, source_id="src", version="v1")
    fields = dict(zip(meta["field"], meta["value"], strict=True))
    assert fields["Publisher"] == "<b>Press</b>" and fields["Data version"] == "v1"
    assert fields["Text SHA-256"] == "ab" * 32 and fields["URL"] == "(not known)"
    assert "&lt;b&gt;Press&lt;/b&gt;" in str(metadata(meta).data)
    with pytest.raises(NewsbriefError, match=r"unknown source id 'nope'; expected one of: src"):
        source_metadata(sources, source_id="nope", version="v1")


def test_the_fan_out_makes_one_page_per_source_titled_by_its_article() -> None:
    from analysis import load

    data = load(MINI)
    assert FAN_OUTS["sources"](data) == ["test-mini"]
    label = fan_out_labels("sources", data)["test-mini"]
    assert data.sources["title"].iloc[0] in label and data.sources["publisher"].iloc[0] in label


def test_the_mini_source_with_drafts_included() -> None:
    """The mini fixture's real tables: its overlapping quotes give shared segments."""
    from analysis import load

    data = load(MINI, include_drafts=True)
    text = data.texts["test-mini"]
    records = source_records(
        data.events, data.claims, data.positions, data.actors, data.issues, source_id="test-mini"
    )
    assert len(records) == len(data.events) + len(data.claims) + len(data.positions)
    for quote, start, end in zip(records["quote"], records["start"], records["end"], strict=True):
        assert normalise(text[start:end]) == normalise(quote)
    segs = segments(text, records, non_body_spans(data.non_body["test-mini"]))
    shared = segs[segs["anchors"].map(len) > 1]
    assert {"rec-claim-latvia_says_intercepted", "rec-event-drone_intercepted"} <= {
        a for anchors in shared["anchors"] for a in anchors
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kyiv said \U0001f600 drones hit.\r\nMoscow denied it.", id="crlf_and_emoji"),
        pytest.param("Kyiv said drones hit. Moscow denied it.", id="plain"),
    ],
)
def test_each_highlight_covers_exactly_its_quote(text: str) -> None:
    """A quote at offset 0, one at the very end and one enclosing them both."""
    first, last = text[:9], text[-17:]
    claims = claims_frame(
        {"claim_id": "c1", "speaker_id": "kyiv", "content": "x", "quote": first,
         "quote_start": 0, "quote_end": 9},
        {"claim_id": "c2", "speaker_id": "moscow", "content": "y", "quote": last,
         "quote_start": len(text) - 17, "quote_end": len(text)},
    )  # fmt: skip
    events = events_frame(
        {"event_id": "e", "event_type": "X", "summary": "s", "actor_ids": "",
         "evidence_quote": text, "evidence_start": 0, "evidence_end": len(text)}
    )  # fmt: skip
    records = source_records(events, claims, positions_frame(), ACTORS, ISSUES, source_id="src")
    segs = segments(text, records)
    for anchor, start, end in zip(records["anchor"], records["start"], records["end"], strict=True):
        covered = [
            (s, e) for s, e, a in zip(segs["start"], segs["end"], segs["anchors"], strict=True)
            if anchor in a
        ]  # fmt: skip
        assert covered[0][0] == start and covered[-1][1] == end, anchor
        assert "".join(text[s:e] for s, e in covered) == text[start:end]
    parser = _Text()
    parser.feed(str(source_text(text, segs, records).data))
    assert "".join(parser.text) == "\n" + text


def test_the_spans_a_source_records_as_non_body_reach_its_page() -> None:
    """The seed's metadata marks its headline, caption, credit and scraper's tail by hand."""
    from analysis import load

    root = Path(__file__).resolve().parents[1]
    data = load(root)
    seed = "wapo-2023-09-05-kim-putin-arms"
    text = data.texts[seed]
    spans = non_body_spans(data.non_body[seed])
    by_kind = {k: text[s:e] for s, e, k in spans.itertuples(index=False)}
    assert by_kind["headline"].startswith("Russia-Ukraine war news")
    assert by_kind["credit"] == "(Yuri Kadobnov/AFP/Getty Images)"
    assert by_kind["boilerplate"].startswith("Source link")
    records = source_records(
        data.events, data.claims, data.positions, data.actors, data.issues, source_id=seed
    )
    page = str(source_text(text, segments(text, records, spans), records).data)
    for kind in ("headline", "caption", "credit", "contributors", "boilerplate"):
        assert f'data-nonbody="{kind}"' in page
