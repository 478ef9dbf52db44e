"""Stance chart: checked on fig.data and fig.layout, not pixels."""

from __future__ import annotations

import pandas as pd

from analysis.charts.positions import stance_chart
from analysis.charts.theme import STANCE_COLORS

FRAME = pd.DataFrame(
    {
        "position_id": ["p1", "p2"],
        "actor": ["Beta <b>", "Alpha"],
        "stance": [2, -1],
        "position": ["Revive it", "Only if <script>alert(1)</script>"],
        "conditions": ["", "sanctions lifted"],
        "quote": ["we will reach a solution", "when lifted"],
        "source_id": ["src", "src"],
        "quote_start": [10, 40],
        "quote_end": [34, 51],
        "cue": ["said", ""],
        "via_id": ["", "ukrinform"],
    }
)


def test_one_marker_per_position_at_its_stance_with_accessible_axes() -> None:
    fig = stance_chart(FRAME, title="Where actors stand", scale={-2: "against", 2: "for"})
    (trace,) = fig.data
    assert list(trace.x) == [2, -1]
    assert list(trace.y) == ["Beta <b>", "Alpha"]
    assert list(trace.marker.color) == [STANCE_COLORS[2], STANCE_COLORS[-1]]
    assert fig.layout.title.text == "Where actors stand"
    assert fig.layout.xaxis.title.text == "Stance on the proposition"
    assert list(fig.layout.xaxis.tickvals) == [-2, -1, 0, 1, 2]
    assert "against" in fig.layout.xaxis.ticktext[0]


def test_hover_carries_the_quote_source_offsets_and_escapes_markup() -> None:
    fig = stance_chart(FRAME, title="t")
    beta, alpha = fig.data[0].hovertext
    assert "we will reach a solution" in beta and "src [10:34]" in beta and "said" in beta
    assert "Conditions:</i> sanctions lifted" in alpha and "via ukrinform" in alpha
    assert "<script>" not in alpha and "&lt;script&gt;" in alpha
    assert "Beta &lt;b&gt;" in beta
    assert [list(c) for c in fig.data[0].customdata] == [["p1", 10, 34], ["p2", 40, 51]]
