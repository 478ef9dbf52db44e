"""The records-along-the-text chart of a source page."""

from __future__ import annotations

import pandas as pd

from analysis.charts.sources import record_strip


def records() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "number": [1, 2, 3],
            "kind": ["event", "claim", "event"],
            "record_id": ["e1", "c1", "e2"],
            "anchor": ["rec-event-e1", "rec-claim-c1", "rec-event-e2"],
            "who": ["Ukraine", "<b>Kyiv</b>", "Russia"],
            "says": ["drones hit the port", "it says <script>", "a strike"],
            "quote": ["Drones hit the port", "The port burned", "<img src=x>"],
            "start": [0, 20, 40],
            "end": [19, 35, 51],
            "draft": [False, False, True],
            "confidence": [None, None, 0.4],
        }
    )


def test_one_bar_per_record_from_start_to_end_in_its_kind_row() -> None:
    fig = record_strip(records(), text_length=60, source_id="src", title="Records")
    by_kind = {trace.name: trace for trace in fig.data}
    assert set(by_kind) == {"event", "claim"}
    event = by_kind["event"]
    assert list(event.base) == [0, 40] and list(event.x) == [19, 11]
    assert list(event.y) == ["event", "event"]
    assert [c[0] for c in event.customdata] == ["e1", "e2"]
    assert list(event.marker.pattern.shape) == ["", "/"]  # the draft is hatched
    assert list(fig.layout.xaxis.range) == [0, 60]
    assert "draft" in fig.layout.annotations[0].text


def test_hover_holds_the_quote_and_offsets_escaped() -> None:
    fig = record_strip(records(), text_length=60, source_id="src", title="Records")
    hover = " ".join(h for trace in fig.data for h in trace.hovertext)
    assert "Drones hit the port" in hover and "src [0:19]" in hover
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    assert "<img" not in hover and "(draft)" in hover


def test_a_source_without_records_says_so() -> None:
    fig = record_strip(records().iloc[0:0], text_length=60, source_id="src", title="Records")
    assert not fig.data and "No record" in fig.layout.annotations[0].text
