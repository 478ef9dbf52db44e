"""Signal charts and record bars: checked on fig.data and fig.layout, not pixels."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.charts.signals import (
    PRECEDENT_COLOR,
    SOURCING_COLORS,
    record_bars,
    signal_index_chart,
    signal_timeline_chart,
)
from analysis.charts.theme import STATUS_LOOK


def signal(
    event_id: str,
    date: str,
    kind: str,
    sourcing: str,
    weight: float,
    *,
    status_group: str = "happened",
    precedent: bool = False,
    lane: int = 0,
    claim: bool = True,
    summary: str = "s",
) -> dict[str, object]:
    start = pd.Timestamp("2019-01-01") if precedent else pd.NaT
    return {
        "event_id": event_id,
        "kind": kind,
        "kind_label": kind.title(),
        "status": "x",
        "status_group": status_group,
        "precedent": precedent,
        "signal_date": pd.Timestamp(date),
        "on_record": date,
        "date_basis": "claim date",
        "event_start": start,
        "event_end": start + pd.DateOffset(years=1) if precedent else pd.NaT,
        "granularity": "unknown",
        "date_text": "",
        "sourcing": sourcing,
        "sourcing_weight": weight,
        "discounts": "",
        "weight": weight,
        "summary": summary,
        "who": "Putin → Kim",
        "speaker": "Officials <img>" if claim else "",
        "claim_id": f"c_{event_id}" if claim else "",
        "claim_quote": "we <script>x</script> expect" if claim else "",
        "claim_start": 200 if claim else pd.NA,
        "claim_end": 210 if claim else pd.NA,
        "cue": "said" if claim else "",
        "n_claims": int(claim),
        "source_id": "src",
        "quote": f"evidence {event_id}",
        "quote_start": 10,
        "quote_end": 20,
        "lane": lane,
    }


FRAME = pd.DataFrame(
    [
        signal("talks", "2019-01-01", "leaders", "source_voice", 0.8, precedent=True, claim=False),
        signal("letters", "2023-08-28", "letters", "on_record", 1.0),
        signal("visit", "2023-09-05", "leaders", "anonymous", 0.6, status_group="planned"),
        signal(
            "naval",
            "2023-09-05",
            "exercises",
            "unverified",
            0.3,
            status_group="possible",
            summary="Naval <b>drill</b>",
        ),
        signal("trilateral", "2023-09-05", "exercises", "source_voice", 0.3, lane=1, claim=False),
    ]
)
FRAME["claim_start"] = FRAME["claim_start"].astype("Int64")
FRAME["claim_end"] = FRAME["claim_end"].astype("Int64")


def _by_id(fig: go.Figure) -> dict[str, tuple[Any, int]]:
    return {c[0]: (t, i) for t in fig.data for i, c in enumerate(t.customdata or [])}


def test_signals_by_kind_precedent_in_its_own_panel() -> None:
    fig = signal_timeline_chart(FRAME, title="Signals")
    found = _by_id(fig)
    assert set(found) == {"talks", "letters", "visit", "naval", "trilateral"}
    for event_id, (trace, _) in found.items():
        assert (trace.xaxis or "x") == ("x" if event_id == "talks" else "x2")
    star = next(t for t in fig.data if t.type == "scatter" and t.name == "precedent")
    assert star.marker.symbol == "star" and star.marker.color == PRECEDENT_COLOR
    span = next(t for t in fig.data if t.type == "bar")
    assert list(span.base) == ["2019-01-01"] and span.x[0] == 365 * 86_400_000
    assert list(fig.layout.yaxis.ticktext) == ["Leaders", "Letters", "Exercises"]
    assert fig.layout.title.text == "Signals"
    assert fig.layout.xaxis2.title.text == "Date the signal is on record"
    assert fig.layout.yaxis.title.text == "Kind of signal"


def test_colour_is_sourcing_size_is_weight_open_symbols_for_planned() -> None:
    fig = signal_timeline_chart(FRAME, title="t")
    found = _by_id(fig)
    trace, i = found["visit"]
    assert trace.marker.color == SOURCING_COLORS["anonymous"]
    assert trace.marker.symbol[i] == STATUS_LOOK["planned"]["symbol"]
    letters, j = found["letters"]
    assert letters.marker.symbol[j] == "circle"
    assert letters.marker.size[j] > trace.marker.size[i]  # weight 1.0 > 0.6
    # same kind, same day: the two exercise signals are set apart on y
    naval, k = found["naval"]
    tri, m = found["trilateral"]
    assert naval.y[k] != tri.y[m] and abs(naval.y[k] - tri.y[m]) < 0.5
    assert any(t.name == "open symbol: planned" for t in fig.data)


def test_signal_hover_has_event_and_claim_evidence_escaped() -> None:
    fig = signal_timeline_chart(FRAME, title="t")
    trace, i = _by_id(fig)["naval"]
    text = trace.hovertext[i]
    assert "Naval &lt;b&gt;drill&lt;/b&gt;" in text
    assert "evidence naval" in text and "src [10:20]" in text
    assert "Officials &lt;img&gt;" in text and "&lt;script&gt;" in text
    assert "<script>" not in text and "src [200:210]" in text
    assert "Putin → Kim" in text
    assert list(trace.customdata[i]) == ["naval", 10, 20, "c_naval", 200, 210]
    voice, j = _by_id(fig)["trilateral"]
    assert list(voice.customdata[j]) == ["trilateral", 10, 20, "", None, None]


def test_index_is_a_step_line_with_one_marker_per_signal() -> None:
    current = FRAME[~FRAME["precedent"]].reset_index(drop=True)
    current = current.assign(cumulative=current["weight"].cumsum())
    fig = signal_index_chart(current, title="Index")
    line = fig.data[0]
    assert line.line.shape == "hv" and line.mode == "lines"
    assert list(line.y) == pytest.approx([0.0, 1.0, 1.6, 1.9, 2.2])
    marks = _by_id(fig)
    assert set(marks) == {"letters", "visit", "naval", "trilateral"}
    trace, i = marks["visit"]
    assert trace.y[i] == pytest.approx(1.6)
    assert "Index after it: 1.6" in trace.hovertext[i]
    assert fig.layout.yaxis.title.text.startswith("Cumulative signal index")
    assert fig.layout.xaxis.type == "date"


def test_empty_frames_give_titled_empty_charts() -> None:
    assert not signal_timeline_chart(FRAME.iloc[0:0], title="t").data
    assert not signal_index_chart(FRAME.iloc[0:0], title="t").data
    fig = record_bars(FRAME.iloc[0:0], y="kind", color="sourcing", title="t")
    assert not fig.data and fig.layout.annotations


RECORDS = pd.DataFrame(
    {
        "actor": ["Russia", "Russia", "Putin <b>", "Russia"],
        "record": ["event", "claim", "event", "event"],
        "role": ["acts", "speaks", "acts", "acted upon"],
        "record_id": ["e1", "c1", "e2", "e3"],
        "what": ["Struck <script>", "said", "met", "was hit"],
        "who": ["Russia", "Russia", "Putin", "Ukraine → Russia"],
        "source_id": ["src"] * 4,
        "quote": ["q1", "q2", "q3", "q4"],
        "quote_start": [1, 2, 3, 4],
        "quote_end": [5, 6, 7, 8],
    }
)


def test_record_bars_stack_one_segment_per_record() -> None:
    fig = record_bars(
        RECORDS,
        y="actor",
        color="record",
        title="Who appears most",
        labels={"x": "Events and claims"},
    )
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["event", "claim"]
    events = fig.data[0]
    assert list(events.y) == ["Russia", "Putin <b>", "Russia"] and list(events.x) == [1, 1, 1]
    assert [list(c) for c in events.customdata] == [["e1", 1, 5], ["e2", 3, 7], ["e3", 4, 8]]
    assert list(fig.layout.yaxis.categoryarray) == ["Russia", "Putin <b>"]
    assert fig.layout.xaxis.title.text == "Events and claims"
    hover = events.hovertext[0]
    assert "Struck &lt;script&gt;" in hover and "<script>" not in hover
    assert "q1" in hover and "src [1:5]" in hover and "(acts)" in hover
    assert "Putin &lt;b&gt;: event" in events.hovertext[1]


def test_record_bars_with_weights_and_other_column_names() -> None:
    fig = record_bars(
        FRAME,
        x="weight",
        y="kind_label",
        color="sourcing",
        record="event_id",
        what="summary",
        title="Weight by kind",
    )
    weights = {c[0]: x for t in fig.data for c, x in zip(t.customdata, t.x, strict=True)}
    assert weights["letters"] == 1.0 and weights["naval"] == 0.3
