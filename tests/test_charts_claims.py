"""Claim charts: checked on fig.data and fig.layout, not pixels; the notebook on real data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.build.png import figures_of
from analysis.charts.claims import (
    NO_DISPUTES,
    STANCE_COLORS,
    UNNAMED_PATTERN,
    VERIFICATION_COLORS,
    claim_bars,
    dispute_chart,
    sourcing_chart,
    speaker_chart,
)
from analysis.topics.claims import RECORD_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
PLOTLY = "application/vnd.plotly.v1+json"


def record(**values: Any) -> dict[str, Any]:
    """One row of `claim_records` with plain defaults."""
    base = {c: "" for c in RECORD_COLUMNS}
    base.update(
        source_id="src",
        speaker_named=True,
        named="named",
        channel="direct",
        stance="asserts",
        reporter_verification="unknown",
        speaker_kind="person",
        cue="said",
        quote_start=0,
        quote_end=1,
    )
    base.update(values)
    return base


RECORDS = pd.DataFrame(
    [
        record(
            claim_id="c1",
            speaker="Alpha <b>",
            row="Alpha <b>",
            quote="we won",
            quote_start=3,
            quote_end=9,
            content="Alpha says they won.",
            sourcing="person, named, direct",
        ),
        record(
            claim_id="c2",
            speaker="Alpha <b>",
            row="Alpha <b>",
            stance="denies",
            quote="never <script>alert(1)</script>",
            quote_start=20,
            quote_end=52,
            content="Alpha denies it.",
            sourcing="person, named, direct",
        ),
        record(
            claim_id="c3",
            speaker="Officials",
            row="Officials via Agency",
            via="Agency",
            speaker_named=False,
            named="not named",
            speaker_kind="unnamed",
            channel="Agency",
            reporter_verification="not_independently_verified",
            quote="plans exist",
            quote_start=60,
            quote_end=71,
            sourcing="unnamed, not named, Agency",
        ),
    ]
)


def test_speaker_chart_one_segment_per_claim_coloured_by_stance() -> None:
    fig = speaker_chart(RECORDS, title="Who said what")
    assert [t.name for t in fig.data] == ["asserts", "denies"]
    asserts, denies = fig.data
    assert asserts.marker.color == STANCE_COLORS["asserts"]
    assert list(asserts.x) == [1, 1] and asserts.orientation == "h"
    assert list(asserts.y) == ["Alpha &lt;b&gt;", "Officials via Agency"]
    assert [list(c) for c in asserts.customdata] == [["c1", 3, 9], ["c3", 60, 71]]
    assert [list(c) for c in denies.customdata] == [["c2", 20, 52]]
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text == "Who said what"
    assert fig.layout.xaxis.title.text == "Claims"
    assert fig.layout.yaxis.title.text == "Speaker (via outlet)"
    assert list(fig.layout.yaxis.categoryarray) == ["Alpha &lt;b&gt;", "Officials via Agency"]


def test_unnamed_speakers_are_hatched_and_the_legend_says_so() -> None:
    fig = speaker_chart(RECORDS, title="t")
    assert list(fig.data[0].marker.pattern.shape) == ["", UNNAMED_PATTERN]
    assert "Hatched" in fig.layout.annotations[0].text


def test_hover_carries_quote_source_speaker_and_is_escaped() -> None:
    fig = speaker_chart(RECORDS, title="t")
    (c2,) = fig.data[1].hovertext
    assert "<script>" not in c2 and "&lt;script&gt;alert(1)&lt;/script&gt;" in c2
    assert "Alpha &lt;b&gt;" in c2 and "src [20:52]" in c2 and "Said by" in c2
    c3 = fig.data[0].hovertext[1]
    assert "plans exist" in c3 and "via Agency" in c3 and "not named" in c3
    assert "not independently verified" in c3


def test_sourcing_chart_coloured_by_reporter_verification() -> None:
    fig = sourcing_chart(RECORDS, title="Sourcing mix")
    assert [t.name for t in fig.data] == ["not independently verified", "unknown"]
    assert fig.data[0].marker.color == VERIFICATION_COLORS["not_independently_verified"]
    assert list(fig.data[1].y) == ["person, named, direct"] * 2
    assert fig.layout.legend.title.text == "Reporter's verification"
    assert fig.layout.yaxis.title.text


def test_unknown_colour_value_lists_the_known_ones() -> None:
    bad = RECORDS.assign(stance=["asserts", "shouts", "denies"])
    with pytest.raises(ValueError, match=r"shouts.*asserts, predicts, questions, denies"):
        claim_bars(bad, y="row", color="stance", colors=STANCE_COLORS, title="t")


PAIRS = pd.DataFrame(
    [
        {
            **record(
                claim_id="a",
                speaker="Critics",
                speaker_named=False,
                quote="it <i>is</i> so",
                quote_start=5,
                quote_end=20,
            ),
            "pair": 1,
            "pair_label": "1. The <event>",
            "side": 0,
            "about": "The event",
        },
        {
            **record(
                claim_id="b",
                speaker="Minister",
                stance="denies",
                quote="it is not",
                quote_start=30,
                quote_end=39,
            ),
            "pair": 1,
            "pair_label": "1. The <event>",
            "side": 1,
            "about": "The event",
        },
    ]
)


def test_dispute_chart_joins_the_two_claims_of_a_pair_with_a_line() -> None:
    fig = dispute_chart(PAIRS, title="Disputed claims")
    line = fig.data[0]
    assert line.mode == "lines" and line.hoverinfo == "skip"
    assert list(line.x) == [0.0, 1.0, None]
    assert list(line.y) == ["1. The &lt;event&gt;", "1. The &lt;event&gt;", None]
    markers = [t for t in fig.data if t.mode == "markers+text"]
    assert [t.legendgroup for t in markers] == ["asserts", "denies"]
    asserts, denies = markers
    assert (list(asserts.x), list(denies.x)) == ([0], [1])
    assert list(asserts.marker.symbol) == ["circle-open"]  # the critics are not named
    assert list(denies.marker.symbol) == ["circle"]
    assert [list(c) for c in asserts.customdata] == [["a", 5, 20]]
    assert "it &lt;i&gt;is&lt;/i&gt; so" in asserts.hovertext[0]
    assert list(fig.layout.xaxis.ticktext) == ["Claim", "Contested by"]
    assert fig.layout.title.text == "Disputed claims"
    legend = [t for t in fig.data if t.showlegend is not False and t.mode == "markers"]
    assert [t.name for t in legend] == ["asserts", "denies"]


def test_dispute_chart_without_disputes_says_so() -> None:
    fig = dispute_chart(PAIRS.iloc[0:0], title="t")
    assert any(a.text == NO_DISPUTES for a in fig.layout.annotations)


# --- the notebook, executed on the project's data ------------------------------------------


def _figures(nb: Any) -> list[go.Figure]:
    return [go.Figure(fig) for fig in figures_of(nb)]


@pytest.fixture(
    scope="module",
    params=[{}, {"sources": "wapo-2023-09-05-kim-putin-arms"}],
    ids=["defaults", "one-source"],
)
def executed(request: pytest.FixtureRequest, execute_report: Any) -> dict[str, Any]:
    return execute_report("claims", request.param)


@pytest.mark.slow
def test_claims_notebook_shows_three_charts_of_every_claim(executed: dict[str, Any]) -> None:
    import analysis

    data = analysis.load(ROOT)
    speakers, sourcing, disputes = _figures(executed)
    ids = {c[0] for t in speakers.data for c in t.customdata}
    assert ids == set(data.claims["claim_id"])
    assert {c[0] for t in sourcing.data for c in t.customdata} == ids
    contested = set(data.claims.loc[data.claims["contests_claim_ids"] != "", "claim_id"])
    assert {
        c[0] for t in disputes.data if t.customdata is not None for c in t.customdata
    } == contested
    assert all(t.type == "bar" for t in speakers.data)
    outputs = [o for c in executed["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert sum("<table" in "".join(t) for t in tables) == 6
