"""Stance dot chart: each actor's position on an issue, from against (-2) to for (+2)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import STANCE_COLORS, safe


def stance_chart(
    df: pd.DataFrame,
    *,
    x: str = "stance",
    y: str = "actor",
    title: str,
    scale: Mapping[int, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """One marker per position at its stance; hover shows position, conditions and the quote.

    `df` is `topics.positions.positions_matrix(...)`; `scale` names the stance values.
    """
    labels = {"stance": "Stance on the proposition", "actor": "", **(labels or {})}
    scale = dict(scale or {})
    hover = [
        "<b>"
        + safe(row.actor)
        + "</b>: "
        + safe(row.position)
        + (f"<br><i>Conditions:</i> {safe(row.conditions)}" if row.conditions else "")
        + f"<br><br>“{safe(row.quote)}”"
        + f"<br><i>{safe(row.source_id)} [{row.quote_start}:{row.quote_end}]"
        + (f", {safe(row.cue)}" if row.cue else "")
        + (f" via {safe(row.via_id)}" if row.via_id else "")
        + "</i>"
        for row in df.itertuples()
    ]
    fig = go.Figure(
        go.Scatter(
            x=df[x].astype(int).tolist(),
            y=df[y].tolist(),
            mode="markers+text",
            marker=dict(
                size=18,
                color=[STANCE_COLORS[int(s)] for s in df[x]],
                line=dict(width=1, color="#333"),
            ),
            text=[f"{int(s):+d}" if int(s) else "0" for s in df[x]],
            textposition="middle right",
            customdata=df[["position_id", "quote_start", "quote_end"]].to_numpy().tolist(),
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            name="position",
            showlegend=False,
        )
    )
    ticks = [-2, -1, 0, 1, 2]
    rows = list(dict.fromkeys(df[y]))
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=140 + 60 * max(len(df), 1),
        xaxis=dict(
            title=dict(text=labels["stance"]),
            range=[-2.6, 2.9],
            tickvals=ticks,
            ticktext=[
                f"{t:+d} {safe(scale.get(t, ''), 18)}" if t else f"0 {safe(scale.get(0, ''), 18)}"
                for t in ticks
            ],
        ),
        # Tick labels are Plotly markup: show the data's names escaped, not interpreted.
        yaxis=dict(
            title=dict(text=labels["actor"]),
            autorange="reversed",
            tickmode="array",
            tickvals=rows,
            ticktext=[safe(r, 60) for r in rows],
        ),
        shapes=[
            dict(
                type="line",
                x0=0,
                x1=0,
                y0=0,
                y1=1,
                yref="paper",
                line=dict(color="#888", width=1, dash="dot"),
            )
        ],
    )
    return fig
