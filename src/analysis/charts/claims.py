"""Claim charts: one bar segment per claim (by speaker, by sourcing); disputes as linked pairs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import PALETTE, evidence, footnote, message, safe

# Okabe-Ito colours with fixed meanings, so a stance or a verification looks the same everywhere.
STANCE_COLORS = {
    "asserts": PALETTE[0],
    "predicts": PALETTE[2],
    "questions": PALETTE[4],
    "denies": PALETTE[3],
}
VERIFICATION_COLORS = {
    "confirmed": PALETTE[0],
    "not_independently_verified": PALETTE[1],
    "unknown": "#999999",
}
UNNAMED_PATTERN = "/"  # hatching of a segment whose speaker the source does not name
UNNAMED_NOTE = "Hatched: the source does not name the speaker."
UNNAMED_MARKER_NOTE = "Open markers: the source does not name the speaker."
NO_DISPUTES = "No claim in these sources contests another."


def claim_hover(r: Mapping[str, Any]) -> str:
    """Hover text of one claim (a row of `topics.claims.claim_records`), every value escaped."""
    via = f" via {safe(r['via'])}" if r.get("via") else ""
    named = "" if r["speaker_named"] else " (not named in the source)"
    quote = evidence(r["quote"], r["source_id"], r["quote_start"], r["quote_end"], r["speaker"])
    return (
        f"<b>{safe(r['speaker'])}</b>{named} {safe(r['cue'])}{via}"
        f"<br>{safe(r['content'])}<br><br>{quote}"
        f"<br><i>Stance:</i> {safe(r['stance'])} · <i>Reporter:</i> "
        f"{safe(str(r['reporter_verification']).replace('_', ' '))}"
    )


def _customdata(df: pd.DataFrame) -> list[list[object]]:
    return [
        [c, int(s), int(e)]
        for c, s, e in zip(df["claim_id"], df["quote_start"], df["quote_end"], strict=True)
    ]


def claim_bars(
    df: pd.DataFrame,
    *,
    y: str,
    color: str,
    colors: Mapping[str, str],
    title: str,
    labels: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
) -> go.Figure:
    """Horizontal bars built from one segment per claim, stacked by row, one trace per colour.

    `df` is `topics.claims.claim_records(...)` (or any frame with its columns); `y` names the
    row column, `color` the column whose values `colors` maps to colours (legend order is the
    order of `colors`). `order` lists the rows top to bottom (default: most claims first).
    Segments of claims whose speaker is not named are hatched. Hover: the claim and its quote;
    customdata: claim_id, quote_start, quote_end.
    """
    labels = {y: "", "x": "Claims", color: color.replace("_", " ").capitalize(), **(labels or {})}
    unknown = sorted(set(df[color]) - set(colors))
    if unknown:
        raise ValueError(
            f"no colour for {color} value(s) {unknown}; expected one of: {', '.join(colors)}"
        )
    if order is None:
        counts = df[y].value_counts()
        order = sorted(counts.index, key=lambda v: (-int(counts[v]), str(v)))
    shown = {v: safe(v, 40) for v in order}
    fig = go.Figure()
    for value, colour in colors.items():
        # Named speakers first: the legend swatch takes the first segment's look.
        part = df[df[color] == value].sort_values("speaker_named", ascending=False, kind="stable")
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=[1] * len(part),
                y=[shown[v] for v in part[y]],
                orientation="h",
                name=safe(str(value).replace("_", " ")),
                marker=dict(
                    color=colour,
                    line=dict(color="white", width=1.5),
                    pattern=dict(
                        shape=["" if n else UNNAMED_PATTERN for n in part["speaker_named"]],
                        fillmode="overlay",
                        fgcolor="white",
                        size=7,
                        solidity=0.35,
                    ),
                ),
                legendgroup=str(value),
                customdata=_customdata(part),
                hovertext=[claim_hover(r) for r in part.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(
        template="newsbrief",
        barmode="stack",
        title=dict(text=safe(title, 90)),
        height=160 + 34 * max(len(order), 1),
        legend=dict(title=dict(text=labels[color]), traceorder="normal"),
        xaxis=dict(title=dict(text=labels["x"]), dtick=1, rangemode="tozero"),
        yaxis=dict(
            title=dict(text=labels[y]),
            categoryorder="array",
            categoryarray=[shown[v] for v in order],
            autorange="reversed",
        ),
        annotations=[footnote(UNNAMED_NOTE)],
        margin=dict(b=70),
    )
    return fig


def speaker_chart(
    df: pd.DataFrame,
    *,
    y: str = "row",
    color: str = "stance",
    title: str,
    labels: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
) -> go.Figure:
    """Claims per speaker (and the outlet that relays them), coloured by stance."""
    labels = {y: "Speaker (via outlet)", color: "Stance", **(labels or {})}
    return claim_bars(
        df, y=y, color=color, colors=STANCE_COLORS, title=title, labels=labels, order=order
    )


def sourcing_chart(
    df: pd.DataFrame,
    *,
    y: str = "sourcing",
    color: str = "reporter_verification",
    title: str,
    labels: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
) -> go.Figure:
    """Claims per kind of speaker, named or not, and channel, coloured by reporter verification."""
    labels = {
        y: "Speaker kind, named?, channel",
        color: "Reporter's verification",
        **(labels or {}),
    }
    return claim_bars(
        df, y=y, color=color, colors=VERIFICATION_COLORS, title=title, labels=labels, order=order
    )


def dispute_chart(
    df: pd.DataFrame,
    *,
    x: str = "side",
    y: str = "pair_label",
    color: str = "stance",
    title: str,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """Disputed claims as linked pairs: each pair one row, its two claims joined by a line.

    `df` is `topics.claims.disputed_pairs(...)`: two rows a pair, `side` 0 (the claim) and 1
    (the claim contesting it). Markers are coloured by stance and labelled with the speaker;
    hover: both claims' content and quotes; customdata: claim_id, quote_start, quote_end.
    """
    labels = {x: "", y: "", color: "Stance", **(labels or {})}
    pair_order = list(dict.fromkeys(df.sort_values("pair", kind="stable")[y]))
    shown = {v: safe(v, 40) for v in pair_order}
    fig = go.Figure()
    line_x: list[float | None] = []
    line_y: list[str | None] = []
    for _, pair in df.sort_values(["pair", x], kind="stable").groupby("pair", sort=True):
        line_x += [*pair[x].astype(float), None]
        line_y += [*(shown[v] for v in pair[y]), None]
    fig.add_trace(
        go.Scatter(
            x=line_x,
            y=line_y,
            mode="lines",
            hoverinfo="skip",
            line=dict(color="#888", width=2),
            showlegend=False,
            name="disputes",
        )
    )
    for value, colour in STANCE_COLORS.items():
        part = df[df[color] == value]
        if part.empty:
            continue
        # The legend shows a filled marker whatever the first claim's speaker looks like.
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=safe(value),
                legendgroup=value,
                hoverinfo="skip",
                marker=dict(size=12, color=colour),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=part[x].astype(int).tolist(),
                y=[shown[v] for v in part[y]],
                mode="markers+text",
                name=safe(value),
                marker=dict(
                    size=16,
                    color=colour,
                    line=dict(width=2.5, color=colour),
                    symbol=["circle" if n else "circle-open" for n in part["speaker_named"]],
                ),
                legendgroup=value,
                showlegend=False,
                text=[safe(s, 30) for s in part["speaker"]],
                textposition=["middle left" if s == 0 else "middle right" for s in part[x]],
                customdata=_customdata(part),
                hovertext=[claim_hover(r) for r in part.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=160 + 70 * max(len(pair_order), 1),
        legend=dict(title=dict(text=labels[color]), traceorder="normal"),
        xaxis=dict(
            title=dict(text=labels[x]),
            range=[-1.6, 2.6],
            tickvals=[0, 1],
            ticktext=["Claim", "Contested by"],
            showgrid=False,
        ),
        yaxis=dict(
            title=dict(text=labels[y]),
            categoryorder="array",
            categoryarray=[shown[v] for v in pair_order],
            autorange="reversed",
            showticklabels=True,
        ),
        annotations=[footnote(UNNAMED_MARKER_NOTE)],
        margin=dict(b=70),
    )
    if df.empty:
        fig.add_annotation(message(NO_DISPUTES))
    return fig
