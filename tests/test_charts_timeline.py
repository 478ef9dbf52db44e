"""Event timeline chart: checked on fig.data and fig.layout, not pixels."""

from __future__ import annotations

import pandas as pd

from analysis.charts.theme import STATUS_LOOK
from analysis.charts.timeline import event_timeline_chart


def row(
    event_id: str,
    start: str,
    end: str,
    granularity: str,
    status_group: str,
    topic: str = "Arms cooperation",
    lane: int = 0,
    summary: str = "s",
) -> dict[str, object]:
    return {
        "event_id": event_id,
        "topic": topic,
        "topic_label": topic,
        "status": "x",
        "status_group": status_group,
        "start": pd.Timestamp(start),
        "end": pd.Timestamp(end),
        "granularity": granularity,
        "date_text": "in July",
        "summary": summary,
        "who": "Kim <i>",
        "place": "Vladivostok",
        "source_id": "src",
        "quote": "plans to <script>alert(1)</script> visit",
        "quote_start": 10,
        "quote_end": 40,
        "lane": lane,
    }


FRAME = pd.DataFrame(
    [
        row("talks", "2019-01-01", "2020-01-01", "year", "happened", topic="Summitry"),
        row("visit", "2023-09-01", "2023-10-01", "month", "planned", lane=0),
        row(
            "monday",
            "2023-09-04",
            "2023-09-05",
            "day",
            "happened",
            lane=1,
            summary="Met <b>Erdogan</b>",
        ),
        row("no", "2023-09-04", "2023-09-05", "day", "did not happen", lane=2),
    ]
)


def test_periods_are_bars_from_start_spanning_their_interval_days_are_markers() -> None:
    fig = event_timeline_chart(FRAME, title="Every event")
    bars = [t for t in fig.data if t.type == "bar"]
    marks = [t for t in fig.data if t.type == "scatter"]
    assert sorted(c[0] for t in bars for c in t.customdata) == ["talks", "visit"]
    assert sorted(c[0] for t in marks for c in t.customdata) == ["monday", "no"]
    year = next(t for t in bars if t.customdata[0][0] == "talks")
    assert year.orientation == "h" and list(year.base) == ["2019-01-01"]
    assert year.x[0] == 365 * 86_400_000  # the whole of 2019, in ms
    month = next(t for t in bars if t.customdata[0][0] == "visit")
    assert month.x[0] == 30 * 86_400_000
    day = next(t for t in marks if t.customdata[0][0] == "monday")
    assert day.x[0] == "2023-09-04 12:00"  # the middle of the day
    assert [list(c) for c in day.customdata] == [["monday", 10, 40]]


def test_planned_events_are_hatched_and_open_happened_ones_filled() -> None:
    fig = event_timeline_chart(FRAME, title="t")
    planned = next(t for t in fig.data if t.name == "planned")
    assert planned.marker.pattern.shape == "/"
    assert planned.marker.line.color == STATUS_LOOK["planned"]["color"]
    happened_bar = next(t for t in fig.data if t.name == "happened" and t.type == "bar")
    assert happened_bar.marker.color == STATUS_LOOK["happened"]["color"]
    assert not happened_bar.marker.pattern.shape
    negated = next(t for t in fig.data if t.name == "did not happen")
    assert negated.marker.symbol == STATUS_LOOK["did not happen"]["symbol"]
    # one legend entry per status group
    shown = [t.name for t in fig.data if t.showlegend]
    assert sorted(shown) == ["did not happen", "happened", "planned"]


def test_topic_bands_lanes_and_accessible_axes() -> None:
    fig = event_timeline_chart(FRAME, title="Every event")
    assert fig.layout.title.text == "Every event"
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.title.text.startswith("Date")
    assert fig.layout.yaxis.title.text == "Topic"
    assert list(fig.layout.yaxis.ticktext) == ["Summitry", "Arms cooperation"]
    ys = {c[0]: y for t in fig.data for c, y in zip(t.customdata, t.y, strict=True)}
    assert ys["visit"] < ys["monday"] < ys["no"]  # lanes within a band
    assert ys["talks"] < ys["visit"]  # bands in order
    assert fig.layout.template.layout.colorway  # the newsbrief template


def test_hover_shows_quote_source_offsets_people_and_escapes_markup() -> None:
    fig = event_timeline_chart(FRAME, title="t")
    hover = {c[0]: h for t in fig.data for c, h in zip(t.customdata, t.hovertext, strict=True)}
    text = hover["monday"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert "Met &lt;b&gt;Erdogan&lt;/b&gt;" in text
    assert "Kim &lt;i&gt;" in text and "src [10:40]" in text
    assert "2023-09-04" in hover["monday"] and "2023-09-01 to 2023-09-30" in hover["visit"]
    assert all(t.hovertemplate == "%{hovertext}<extra></extra>" for t in fig.data)


def test_no_dated_events_gives_a_titled_empty_chart() -> None:
    fig = event_timeline_chart(FRAME.iloc[0:0], title="Nothing <here>")
    assert not fig.data
    assert fig.layout.title.text == "Nothing &lt;here&gt;"
    assert "No dated events" in fig.layout.annotations[0].text
