"""Where a source's records sit: one bar per record's quote along the text, a row per kind."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import empty_chart, evidence_hover, footnote, safe

#: Bar colour of each record kind: the ink of the highlight colours on the source page.
KIND_COLORS: Mapping[str, str] = {"event": "#a86b00", "claim": "#2c5d9c", "position": "#2e7d4f"}
KIND_ROWS = ("event", "claim", "position")


def record_strip(
    records: pd.DataFrame,
    *,
    text_length: int,
    source_id: str,
    title: str,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """A bar for each record from its quote's start to its end offset, in a row for its kind.

    `records` is `topics.sources.source_records(...)`; drafts are drawn hatched and say so in
    their hover, which also holds the verbatim quote and the offsets.
    """
    if records.empty:
        return empty_chart(title, "No record quotes this source yet.")
    labels = {"x": "Position in the text (characters)", **(labels or {})}
    fig = go.Figure()
    for kind in KIND_ROWS:
        rows = records[records["kind"] == kind]
        if rows.empty:
            continue
        hover = [
            evidence_hover(
                what=f"{r.number}. {kind}{' (draft)' if r.draft else ''}: {r.says}",
                who=r.who,
                quote=r.quote,
                source_id=source_id,
                start=r.start,
                end=r.end,
                details=(f"id {r.record_id}",),
            )
            for r in rows.itertuples()
        ]
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=[kind] * len(rows),
                base=rows["start"].astype(int).tolist(),
                x=(rows["end"] - rows["start"]).astype(int).clip(lower=1).tolist(),
                marker=dict(
                    color=KIND_COLORS[kind],
                    pattern=dict(shape=["/" if d else "" for d in rows["draft"]]),
                    line=dict(width=0.5, color="#ffffff"),
                ),
                customdata=rows[["record_id", "anchor"]].to_numpy().tolist(),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                name=kind,
                showlegend=False,
            )
        )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=240,
        barmode="overlay",
        bargap=0.35,
        xaxis=dict(title=dict(text=labels["x"]), range=[0, max(text_length, 1)]),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(KIND_ROWS))),
        annotations=[footnote("Hatched: a draft no reviewer has accepted yet.")]
        if bool(records["draft"].any())
        else [],
    )
    return fig
