"""Profile timeline: checked on fig.data and fig.layout, not pixels; the notebook on real data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.charts.network import country_colors, network_chart
from analysis.charts.profiles import NO_DATES, ROLE_STYLES, timeline_chart
from analysis.topics.network import network
from analysis.topics.profiles import actor_claims, actor_events, actor_timeline

ROOT = Path(__file__).resolve().parents[1]
PLOTLY = "application/vnd.plotly.v1+json"

TIMELINE = pd.DataFrame(
    {
        "record_id": ["talks_2019", "p_says"],
        "record_kind": ["event", "claim"],
        "role": ["event: acts", "claim: made"],
        "label": ["Talks <b>in 2019</b>", "Putin says so."],
        "date_start": ["2019-01-01", "2023-09-04"],
        "date_end": ["2019-12-31", "2023-09-04"],
        "date_granularity": ["year", "day"],
        "source_id": ["src", "src"],
        "speaker": ["", "Vladimir Putin"],
        "quote": ["seen in 2019", "no <script>alert(1)</script> shortage"],
        "quote_start": pd.array([5, 40], dtype="Int64"),
        "quote_end": pd.array([17, 75], dtype="Int64"),
    }
)


def test_one_marker_per_dated_record_styled_by_role() -> None:
    fig = timeline_chart(TIMELINE, title="Putin: dated records")
    markers = [t for t in fig.data if t.mode == "markers"]
    assert [t.name for t in markers] == ["event: acts", "claim: made"]
    acts, made = markers
    assert (acts.marker.color, acts.marker.symbol) == ROLE_STYLES["event: acts"]
    assert (made.marker.color, made.marker.symbol) == ROLE_STYLES["claim: made"]
    assert list(acts.x) == ["2019-01-01"] and list(made.x) == ["2023-09-04"]
    assert list(acts.y) == ["1. Talks &lt;b&gt;in 2019&lt;/b&gt;"]
    assert [list(c) for c in made.customdata] == [["p_says", 40, 75]]
    assert fig.layout.title.text == "Putin: dated records"
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.title.text == "Date"
    assert list(fig.layout.yaxis.categoryarray) == [
        "1. Talks &lt;b&gt;in 2019&lt;/b&gt;",
        "2. Putin says so.",
    ]


def test_a_period_is_a_bar_to_the_end_of_its_last_day() -> None:
    fig = timeline_chart(TIMELINE, title="t")
    (span,) = [t for t in fig.data if t.mode == "lines"]
    assert list(span.x) == ["2019-01-01", "2020-01-01", None]
    assert span.hoverinfo == "skip" and span.legendgroup == "event: acts"
    lo, hi = fig.layout.xaxis.range
    assert lo < "2019-01-01" and hi > "2023-09-05"


def test_hover_carries_quote_source_speaker_escaped() -> None:
    fig = timeline_chart(TIMELINE, title="t")
    acts, made = [t for t in fig.data if t.mode == "markers"]
    said = made.hovertext[0]
    assert "<script>" not in said and "&lt;script&gt;alert(1)&lt;/script&gt;" in said
    assert "Said by:</i> Vladimir Putin" in said and "src [40:75]" in said
    assert "the reporter (no attribution)" in acts.hovertext[0]
    assert "2019-01-01 to 2019-12-31 (year)" in acts.hovertext[0]


def test_a_single_day_gets_a_padded_axis() -> None:
    fig = timeline_chart(TIMELINE.iloc[1:], title="t")
    assert list(fig.layout.xaxis.range) == ["2023-09-01", "2023-09-08"]


def test_no_dated_record_gives_an_empty_chart_that_says_so() -> None:
    fig = timeline_chart(TIMELINE.iloc[0:0], title="t")
    assert not fig.data
    assert fig.layout.annotations[0].text == NO_DATES
    assert fig.layout.title.text == "t"


def test_unknown_role_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"'event: sings'.*event: acts"):
        timeline_chart(TIMELINE.assign(role=["event: sings", "claim: made"]), title="t")


def test_every_fanned_out_actor_of_the_project_gets_both_charts() -> None:
    """The build makes one page per actor; each page's charts must build."""
    import analysis
    from analysis.topics.profiles import actors_with_records

    data = analysis.load(ROOT)
    whole = network(data.events, data.claims, data.positions, data.actors)
    colors = country_colors(whole.nodes)
    for actor_id in actors_with_records(data):
        ev = actor_events(data.events, data.actors, actor_id=actor_id)
        cl = actor_claims(data.claims, data.events, data.actors, actor_id=actor_id)
        timeline_chart(actor_timeline(ev, cl), title=actor_id)
        ego = network(data.events, data.claims, data.positions, data.actors, center=actor_id)
        fig = network_chart(
            ego.nodes, ego.edges, ego.evidence, ego.records, title=actor_id, colors=colors
        )
        assert any(t.mode == "markers+text" for t in fig.data), actor_id


# --- the notebook, executed on the project's data ------------------------------------------


@pytest.fixture(scope="module", params=["vladimir_putin", "recep_tayyip_erdogan"])
def executed(request: pytest.FixtureRequest, execute_report: Any) -> tuple[str, dict[str, Any]]:
    params = {} if request.param == "vladimir_putin" else {"actor_id": request.param}
    return request.param, execute_report("actor_profile", params)


@pytest.mark.slow
def test_profile_notebook_shows_the_actors_timeline_and_ties(
    executed: tuple[str, dict[str, Any]],
) -> None:
    import analysis

    actor_id, nb = executed
    data = analysis.load(ROOT)
    ev = actor_events(data.events, data.actors, actor_id=actor_id)
    cl = actor_claims(data.claims, data.events, data.actors, actor_id=actor_id)
    dated = set(actor_timeline(ev, cl)["record_id"])
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    timeline, ties = [go.Figure(o["data"][PLOTLY]) for o in outputs if PLOTLY in o.get("data", {})]
    assert {c[0] for t in timeline.data if t.customdata is not None for c in t.customdata} == dated
    centre = [
        c[0]
        for t in ties.data
        if t.mode == "markers+text"
        for c, w in zip(t.customdata, t.marker.line.width, strict=True)
        if w == 4.0
    ]
    assert centre == [actor_id]
    name = data.actors.set_index("actor_id").loc[actor_id, "name"]
    assert name in timeline.layout.title.text and name in ties.layout.title.text
