"""Network chart: checked on fig.data and fig.layout, not pixels; the notebook on real data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.charts.network import (
    NO_COUNTRY,
    NO_COUNTRY_COLOR,
    OTHER,
    OTHER_COLOR,
    country_colors,
    network_chart,
)
from analysis.charts.theme import PALETTE
from analysis.topics.network import network

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
PLOTLY = "application/vnd.plotly.v1+json"

ACTORS = pd.DataFrame(
    {
        "actor_id": ["putin", "kim", "erdogan", "un"],
        "name": ["Putin <b>", "Kim", "Erdogan", "United Nations"],
        "kind": ["person", "person", "person", "igo"],
        "country_iso3": ["RUS", "PRK", "TUR", ""],
        "sector": ["GOV", "GOV", "GOV", "IGO"],
        "office": ["President", "", "", ""],
        "parent_id": [""] * 4,
        "wikidata_id": [""] * 4,
    }
)
EVENTS = pd.DataFrame(
    {
        "event_id": ["visit", "talks"],
        "source_id": ["s", "s"],
        "event_type": ["CONSULT", "CONSULT"],
        "actor_ids": ["kim", "putin;erdogan"],
        "recipient_ids": ["putin", "un"],
        "evidence_quote": ["Kim <script>alert(1)</script> visits", "Putin met Erdogan"],
        "evidence_start": pd.array([0, 40], dtype="Int64"),
        "evidence_end": pd.array([35, 57], dtype="Int64"),
    }
)
CLAIMS = pd.DataFrame(
    {
        "claim_id": ["k1"],
        "source_id": ["s"],
        "speaker_id": ["erdogan"],
        "via_id": [""],
        "cue": ["said"],
        "about_event_id": ["visit"],
        "quote": ["Kim will come"],
        "quote_start": pd.array([60], dtype="Int64"),
        "quote_end": pd.array([73], dtype="Int64"),
    }
)
POSITIONS = pd.DataFrame(
    {
        "position_id": ["p1"],
        "actor_id": ["putin"],
        "issue_id": ["deal"],
        "source_id": ["s"],
        "evidence_quote": ["we will rejoin"],
        "evidence_start": pd.array([80], dtype="Int64"),
        "evidence_end": pd.array([94], dtype="Int64"),
    }
)


def whole() -> go.Figure:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS)
    return network_chart(
        net.nodes, net.edges, net.evidence, net.records, title="Who is tied to whom"
    )


def test_country_colours_palette_first_then_other_and_no_country() -> None:
    nodes = pd.DataFrame(
        {"country_iso3": [*(f"C{i:02d}" for i in range(10)), ""], "records": [*range(10, 0, -1), 5]}
    )
    colors = country_colors(nodes)
    assert list(colors)[:8] == [f"C{i:02d}" for i in range(8)]
    assert list(colors.values())[:8] == list(PALETTE)
    assert colors[OTHER] == OTHER_COLOR and colors[NO_COUNTRY] == NO_COUNTRY_COLOR
    assert "C09" not in colors


def test_nodes_sized_by_records_coloured_by_country_one_trace_each() -> None:
    fig = whole()
    nodes = {t.name: t for t in fig.data if t.mode == "markers+text"}
    assert list(nodes) == ["RUS", "TUR", "PRK", NO_COUNTRY]  # by records: 3, 2, 1, 1
    assert nodes["RUS"].marker.color == PALETTE[0]
    assert nodes[NO_COUNTRY].marker.color == NO_COUNTRY_COLOR
    assert nodes["RUS"].marker.size[0] > nodes[NO_COUNTRY].marker.size[0]  # 3 records vs 1
    assert nodes["RUS"].customdata[0][0] == "putin"
    assert nodes["RUS"].customdata[0][1] == "visit;talks;p1"  # his records, in text order
    putin = nodes["RUS"].hovertext[0]
    assert "Putin &lt;b&gt;" in putin and "3 events" not in putin and "2 events" in putin
    assert "&lt;script&gt;" in putin and "s [0:35]" in putin  # quotes of his first 2 records
    assert "… and 1 more" in putin
    assert fig.layout.title.text == "Who is tied to whom"
    assert fig.layout.xaxis.title.text and fig.layout.legend.title.text == "Country"


def test_edges_are_lines_wider_for_more_records() -> None:
    fig = whole()
    lines = [t for t in fig.data if t.mode == "lines"]
    assert [t.name for t in lines] == ["ties of weight 1", "ties of weight 2"]
    assert lines[1].line.width > lines[0].line.width
    assert len(lines[1].x) == 3  # one segment: Erdogan - Putin (the talks and his claim)


def test_each_record_is_a_hoverable_mark_on_its_edge_with_escaped_quote() -> None:
    fig = whole()
    (ev,) = [t for t in fig.data if t.name == "evidence (a record)"]
    assert sorted(tuple(c) for c in ev.customdata) == sorted(
        [
            ("visit", 0, 35),
            ("k1", 60, 73),
            ("k1", 60, 73),
            ("talks", 40, 57),
            ("talks", 40, 57),
            ("talks", 40, 57),
        ]
    )
    visit = ev.hovertext[[c[0] for c in ev.customdata].index("visit")]
    assert "<script>" not in visit and "&lt;script&gt;alert(1)&lt;/script&gt;" in visit
    assert "s [0:35]" in visit and "Said by" in visit
    claim = ev.hovertext[[c[0] for c in ev.customdata].index("k1")]
    assert "Said by:</i> Erdogan" in claim


def test_two_records_on_one_edge_sit_apart_along_it() -> None:
    net = network(EVENTS, CLAIMS, POSITIONS, ACTORS)
    fig = network_chart(net.nodes, net.edges, net.evidence, net.records, title="t")
    (ev,) = [t for t in fig.data if t.name == "evidence (a record)"]
    xy = net.nodes.set_index("actor_id")[["x", "y"]]
    u, v = xy.loc["erdogan"].to_numpy(), xy.loc["putin"].to_numpy()
    # Erdogan - Putin carries the talks (offset 40) and Erdogan's claim (offset 60), in order.
    for record, t in (("talks", 1 / 3), ("k1", 2 / 3)):
        want = (round(u[0] + t * (v[0] - u[0]), 6), round(u[1] + t * (v[1] - u[1]), 6))
        at = [(x, y) for x, y, c in zip(ev.x, ev.y, ev.customdata, strict=True) if c[0] == record]
        assert want in at, (record, want, at)


def test_ego_network_highlights_the_centre_and_keeps_whole_network_colours() -> None:
    full = network(EVENTS, CLAIMS, POSITIONS, ACTORS)
    ego = network(EVENTS, CLAIMS, POSITIONS, ACTORS, center="kim")
    fig = network_chart(
        ego.nodes,
        ego.edges,
        ego.evidence,
        ego.records,
        title="Kim",
        colors=country_colors(full.nodes),
    )
    nodes = {t.name: t for t in fig.data if t.mode == "markers+text"}
    assert nodes["PRK"].marker.color == country_colors(full.nodes)["PRK"]
    assert list(nodes["PRK"].marker.line.width) == [4.0]
    assert nodes["PRK"].text[0] == "<b>Kim</b>"
    assert list(nodes["PRK"].x) == [0.0] and list(nodes["PRK"].y) == [0.0]
    (ring,) = [t for t in fig.data if t.name == "centre"]
    assert (list(ring.x), ring.marker.symbol, ring.hoverinfo) == ([0.0], "circle-open", "skip")
    assert all(t for t in nodes["RUS"].text)  # every actor of an ego network is labelled


def test_the_chart_is_the_same_byte_for_byte_in_another_process() -> None:
    code = (
        "import analysis; from analysis.topics.network import network; "
        "from analysis.charts.network import network_chart; "
        f"d = analysis.load({str(MINI)!r}); "
        "n = network(d.events, d.claims, d.positions, d.actors); "
        "print(network_chart(n.nodes, n.edges, n.evidence, n.records, title='t')"
        ".to_json())"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    import analysis

    d = analysis.load(MINI)
    n = network(d.events, d.claims, d.positions, d.actors)
    here = network_chart(n.nodes, n.edges, n.evidence, n.records, title="t").to_json()
    assert runs[0] == runs[1] == here + "\n"


# --- the notebook, executed on the project's data ------------------------------------------


@pytest.fixture(scope="module", params=["", "romania"], ids=["whole", "center-romania"])
def executed(request: pytest.FixtureRequest, execute_report: Any) -> tuple[str, dict[str, Any]]:
    params = {"center": request.param} if request.param else {}
    return request.param, execute_report("actor_network", params)


@pytest.mark.slow
def test_network_notebook_draws_the_expected_nodes(executed: tuple[str, dict[str, Any]]) -> None:
    import analysis

    center, nb = executed
    data = analysis.load(ROOT)
    expected = network(data.events, data.claims, data.positions, data.actors, center=center)
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    (fig,) = [go.Figure(o["data"][PLOTLY]) for o in outputs if PLOTLY in o.get("data", {})]
    drawn = {c[0] for t in fig.data if t.mode == "markers+text" for c in t.customdata}
    assert drawn == set(expected.nodes["actor_id"])
    (ev,) = [t for t in fig.data if t.name == "evidence (a record)"]
    assert {c[0] for c in ev.customdata} == set(expected.evidence["record_id"])
    xy = {
        c[0]: (x, y)
        for t in fig.data
        if t.mode == "markers+text"
        for c, x, y in zip(t.customdata, t.x, t.y, strict=True)
    }
    assert xy == {
        a: (x, y)
        for a, x, y in expected.nodes[["actor_id", "x", "y"]].itertuples(index=False, name=None)
    }  # the same coordinates in the kernel as here
    if center:
        assert xy[center] == (0.0, 0.0)
