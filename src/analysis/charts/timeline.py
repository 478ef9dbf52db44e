"""Event timeline: each event at its date interval, one band per topic, planned ones set apart."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import STATUS_LOOK, empty_chart, evidence_hover, safe

DAY_MS = 86_400_000
LANE = 1.0  # height of one lane in y units; a topic band is as many lanes as it needs


def _hover(row: pd.Series) -> str:
    span = (
        f"{row['start']:%Y-%m-%d}"
        if row["granularity"] == "day"
        else f"{row['start']:%Y-%m-%d} to {row['end'] - pd.Timedelta(days=1):%Y-%m-%d}"
    )
    when = (
        f"When: {row['date_text']} ({row['granularity']}: {span})"
        if row["date_text"]
        else f"When: {row['granularity']} {span}"
    )
    return evidence_hover(
        what=row["summary"],
        who=row["who"],
        quote=row["quote"],
        source_id=row["source_id"],
        start=row["quote_start"],
        end=row["quote_end"],
        details=[
            when,
            f"Status: {row['status']} ({row['status_group']})",
            f"Topic: {row['topic_label']}",
            f"Place: {row['place']}" if row.get("place") else "",
        ],
    )


def event_timeline_chart(
    df: pd.DataFrame,
    *,
    x_start: str = "start",
    x_end: str = "end",
    y: str = "topic_label",
    color: str = "status_group",
    title: str,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """Events on a date axis in one band per `y` value; `df` is `topics.briefing.event_timeline`.

    A day is a marker; a week, month or year is a bar from its first to its last day. The
    `color` column (a status group) sets colour, marker symbol and bar hatching (STATUS_LOOK):
    things that happened are filled, planned or possible ones open or hatched.
    """
    labels = {
        "x": "Date (a bar spans the week, month or year the source gives)",
        "y": "Topic",
        **(labels or {}),
    }
    if df.empty:
        return empty_chart(title, "No dated events in this selection.", height=200)
    bands = list(dict.fromkeys(df[y]))
    height = {b: int(df.loc[df[y] == b, "lane"].max()) + 1 for b in bands}
    base, offset = {}, 0.0
    for b in bands:
        base[b] = offset
        offset += height[b] * LANE + 0.6
    ypos = [base[b] + lane * LANE for b, lane in zip(df[y], df["lane"], strict=True)]
    frame = df.assign(_y=ypos, _hover=[_hover(r) for _, r in df.iterrows()])
    is_day = (frame[x_end] - frame[x_start]) <= pd.Timedelta(days=1)
    fig = go.Figure()
    for group, look in STATUS_LOOK.items():
        rows = frame[frame[color] == group]
        shown = False
        bars, days = rows[~is_day.loc[rows.index]], rows[is_day.loc[rows.index]]
        if not bars.empty:
            fill = look["color"] if not look["pattern"] else "rgba(255,255,255,0)"
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=[f"{s:%Y-%m-%d}" for s in bars[x_start]],
                    x=[
                        (e - s) / pd.Timedelta(milliseconds=1)
                        for s, e in zip(bars[x_start], bars[x_end], strict=True)
                    ],
                    y=bars["_y"].tolist(),
                    width=0.7 * LANE,
                    marker=dict(
                        color=fill,
                        line=dict(color=look["color"], width=1.5),
                        pattern=dict(shape=look["pattern"], fgcolor=look["color"], solidity=0.3),
                    ),
                    customdata=bars[["event_id", "quote_start", "quote_end"]].to_numpy().tolist(),
                    hovertext=bars["_hover"].tolist(),
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=group,
                    legendgroup=group,
                    showlegend=True,
                )
            )
            shown = True
        if not days.empty:
            fig.add_trace(
                go.Scatter(
                    x=[f"{s + pd.Timedelta(hours=12):%Y-%m-%d %H:%M}" for s in days[x_start]],
                    y=days["_y"].tolist(),
                    mode="markers",
                    marker=dict(
                        symbol=look["symbol"],
                        size=12,
                        color=look["color"],
                        line=dict(width=2, color=look["color"]),
                    ),
                    customdata=days[["event_id", "quote_start", "quote_end"]].to_numpy().tolist(),
                    hovertext=days["_hover"].tolist(),
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=group,
                    legendgroup=group,
                    showlegend=not shown,
                )
            )
    ticks = [base[b] + (height[b] - 1) * LANE / 2 for b in bands]
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        barmode="overlay",
        height=int(170 + 30 * offset),
        legend=dict(title=dict(text="Status: ")),
        xaxis=dict(
            type="date",
            title=dict(text=labels["x"]),
            rangeselector=dict(
                x=1,
                xanchor="right",
                y=1.02,
                yanchor="bottom",
                buttons=[
                    dict(count=3, label="last 3 months", step="month", stepmode="backward"),
                    dict(count=1, label="last year", step="year", stepmode="backward"),
                    dict(step="all", label="all"),
                ],
            ),
        ),
        yaxis=dict(
            title=dict(text=labels["y"]),
            tickvals=ticks,
            ticktext=[safe(b, 30) for b in bands],
            range=[offset - 0.2, -0.8],
            showgrid=False,
            zeroline=False,
        ),
        shapes=[
            dict(
                type="line",
                xref="paper",
                x0=0,
                x1=1,
                y0=base[b] - 0.8,
                y1=base[b] - 0.8,
                line=dict(color="#e5e5e5", width=1),
            )
            for b in bands[1:]
        ],
    )
    return fig
