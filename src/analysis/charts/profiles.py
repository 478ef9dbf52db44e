"""Profile timeline: one actor's dated records, one row each, spans drawn as bars."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import PALETTE, evidence, message, safe

# Role of the record for the actor -> (colour, marker symbol): colour and shape both differ.
ROLE_STYLES = {
    "event: acts": (PALETTE[0], "circle"),
    "event: acts and is acted upon": (PALETTE[5], "square"),
    "event: is acted upon": (PALETTE[1], "diamond"),
    "claim: made": (PALETTE[2], "triangle-up"),
    "claim: relayed": (PALETTE[4], "triangle-down"),
    "claim: about them": (PALETTE[3], "x"),
}
NO_DATES = "No record of this actor carries a date; see the tables below."


def _next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def _date_range(df: pd.DataFrame, x: str) -> list[str] | None:
    """The dates shown, padded so that a single day does not fill the axis with hours."""
    if df.empty:
        return None
    lo = dt.date.fromisoformat(min(df[x]))
    hi = dt.date.fromisoformat(max(df["date_end"])) + dt.timedelta(days=1)
    pad = max(dt.timedelta(days=3), (hi - lo) * 0.04)
    return [(lo - pad).isoformat(), (hi + pad).isoformat()]


def timeline_chart(
    df: pd.DataFrame,
    *,
    x: str = "date_start",
    y: str = "label",
    color: str = "role",
    title: str,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """One row per dated record, earliest at the top; a marker at its start, a bar over its span.

    `df` is `topics.profiles.actor_timeline(...)` (columns date_start, date_end, role, label,
    record_id, quote, ...). A record dated to a week, month or year gets a bar to the end of
    that period. Hover: the record, who said it, its quote and source; customdata: record_id,
    quote_start, quote_end. An empty frame gives an empty chart that says so.
    """
    labels = {x: "Date", y: "", color: "Record", **(labels or {})}
    unknown = sorted(set(df[color]) - set(ROLE_STYLES))
    if unknown:
        raise ValueError(
            f"no style for {color} value(s) {unknown}; expected one of: {', '.join(ROLE_STYLES)}"
        )
    shown = {
        r: safe(f"{i}. {t}", 56)
        for i, (r, t) in enumerate(zip(df["record_id"], df[y], strict=True), start=1)
    }
    rows = [shown[r] for r in df["record_id"]]
    fig = go.Figure()
    for role, (colour, symbol) in ROLE_STYLES.items():
        part = df[df[color] == role]
        if part.empty:
            continue
        spans = part[part["date_end"] > part[x]]
        xs: list[str | None] = []
        ys: list[str | None] = []
        for r, start, end in zip(spans["record_id"], spans[x], spans["date_end"], strict=True):
            xs += [start, _next_day(end), None]
            ys += [shown[r], shown[r], None]
        if xs:
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=role,
                    name=f"{role} span",
                    line=dict(color=colour, width=10),
                    opacity=0.45,
                )
            )
        fig.add_trace(
            go.Scatter(
                x=part[x].tolist(),
                y=[shown[r] for r in part["record_id"]],
                mode="markers",
                name=safe(role),
                legendgroup=role,
                marker=dict(size=13, color=colour, symbol=symbol, line=dict(width=1, color="#333")),
                customdata=[
                    [r, int(s), int(e)]
                    for r, s, e in zip(
                        part["record_id"], part["quote_start"], part["quote_end"], strict=True
                    )
                ],
                hovertext=[
                    f"<b>{safe(r['label'])}</b><br>{safe(r['role'])} · {safe(r['record_id'])}"
                    f"<br><i>Date:</i> {safe(r['date_start'])}"
                    + (f" to {safe(r['date_end'])}" if r["date_end"] != r["date_start"] else "")
                    + f" ({safe(r['date_granularity'])})<br><br>"
                    + evidence(
                        r["quote"], r["source_id"], r["quote_start"], r["quote_end"], r["speaker"]
                    )
                    for r in part.to_dict("records")
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=200 + 60 * max(len(df), 1),
        legend=dict(title=dict(text=labels[color]), traceorder="normal"),
        xaxis=dict(title=dict(text=labels[x]), type="date", range=_date_range(df, x)),
        yaxis=dict(
            title=dict(text=labels[y]),
            categoryorder="array",
            categoryarray=rows,
            autorange="reversed",
        ),
        hovermode="closest",
    )
    if df.empty:
        fig.update_layout(
            annotations=[message(NO_DATES)],
            xaxis=dict(visible=True, showticklabels=False),
            yaxis=dict(showticklabels=False),
        )
    return fig
