"""Indicator charts: weighted signals by kind over time, their cumulative index, record tallies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.charts.theme import PALETTE, STATUS_LOOK, empty_chart, evidence_hover, safe

#: Colour of each sourcing category (keys of analysis.topics.signals.WEIGHTS), strongest first.
SOURCING_COLORS: dict[str, str] = {
    "on_record": PALETTE[0],
    "source_voice": PALETTE[2],
    "anonymous": PALETTE[1],
    "media_report": PALETTE[5],
    "unverified": PALETTE[3],
}
PRECEDENT_COLOR = "#777777"


def _signal_hover(row: pd.Series) -> str:
    details = [
        f"Kind: {row['kind_label']}",
        f"Status: {row['status']}",
        f"On record: {row['date_basis']} {row['signal_date']:%Y-%m-%d}",
        f"Weight {row['weight']:g}: sourcing {row['sourcing'].replace('_', ' ')} "
        f"{row['sourcing_weight']:g}"
        + (f", times discounts {row['discounts']}" if row["discounts"] else ""),
    ]
    text = evidence_hover(
        what=row["summary"],
        who=row["who"],
        quote=row["quote"],
        source_id=row["source_id"],
        start=row["quote_start"],
        end=row["quote_end"],
        details=details,
    )
    if row["claim_id"]:
        text += (
            f"<br><br><i>Best-sourced claim, {safe(row['speaker'])} {safe(row['cue'])}:</i>"
            f"<br>“{safe(row['claim_quote'])}”<br>"
            f"<i>{safe(row['source_id'])} [{row['claim_start']}:{row['claim_end']}]</i>"
        )
    return text


def _customdata(df: pd.DataFrame) -> list[list[object]]:
    """[event_id, quote_start, quote_end, claim_id, claim_start, claim_end] per signal."""
    cols = ["event_id", "quote_start", "quote_end", "claim_id", "claim_start", "claim_end"]
    return [
        [None if v is pd.NA else v for v in row]
        for row in df[cols].astype(object).itertuples(index=False, name=None)
    ]


def signal_timeline_chart(
    df: pd.DataFrame,
    *,
    x: str = "signal_date",
    y: str = "kind_label",
    color: str = "sourcing",
    size: str = "weight",
    title: str,
    labels: Mapping[str, str] | None = None,
    kinds: Sequence[str] | None = None,
) -> go.Figure:
    """Signals as markers: one row per kind, at the date they are on record.

    `df` is `topics.signals.signals(...)`. Colour is the sourcing category, marker area grows
    with the weight, open symbols are planned or possible events (STATUS_LOOK). Precedents
    (`precedent` true) are drawn apart in a narrow left panel, grey, as the span of their date.
    `kinds` fixes the rows (labels, top to bottom); by default those present in `df`.
    """
    labels = {
        "x": "Date the signal is on record",
        "y": "Kind of signal",
        "precedent": "Precedent",
        **(labels or {}),
    }
    if df.empty:
        return empty_chart(title, "No signals in this selection.", height=220)
    rows = list(kinds or dict.fromkeys(df[y]))
    band = {k: i for i, k in enumerate(rows)}
    per = df.groupby([y, x])["lane"].transform("max") + 1
    ypos = [
        band[k] + (lane - (n - 1) / 2) * 0.22
        for k, lane, n in zip(df[y], df["lane"], per, strict=True)
    ]
    frame = df.assign(_y=ypos, _hover=[_signal_hover(r) for _, r in df.iterrows()])
    prec, main = frame[frame["precedent"].astype(bool)], frame[~frame["precedent"].astype(bool)]
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.18, 0.82],
        horizontal_spacing=0.05,
        subplot_titles=(safe(labels["precedent"], 30), safe("Signals in the period reported", 40)),
    )
    if not prec.empty:
        ends = prec["event_end"].where(prec["event_end"].notna(), prec[x] + pd.Timedelta(days=1))
        starts = prec["event_start"].where(prec["event_start"].notna(), prec[x])
        fig.add_trace(
            go.Bar(
                orientation="h",
                base=[f"{s:%Y-%m-%d}" for s in starts],
                x=[
                    (e - s) / pd.Timedelta(milliseconds=1)
                    for s, e in zip(starts, ends, strict=True)
                ],
                y=prec["_y"].tolist(),
                width=0.35,
                marker=dict(
                    color="rgba(119,119,119,0.35)", line=dict(color=PRECEDENT_COLOR, width=1)
                ),
                customdata=_customdata(prec),
                hovertext=prec["_hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                name="precedent (span of its date)",
                legendgroup="precedent",
                showlegend=True,
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=[f"{s + (e - s) / 2:%Y-%m-%d}" for s, e in zip(starts, ends, strict=True)],
                y=prec["_y"].tolist(),
                mode="markers",
                marker=dict(
                    symbol="star", size=16, color=PRECEDENT_COLOR, line=dict(width=1, color="#333")
                ),
                customdata=_customdata(prec),
                hovertext=prec["_hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                name="precedent",
                legendgroup="precedent",
                showlegend=False,
            ),
            row=1,
            col=1,
        )
    for sourcing, colour in SOURCING_COLORS.items():
        part = main[main[color] == sourcing]
        if part.empty:
            continue
        symbols = [
            STATUS_LOOK.get(g, STATUS_LOOK["happened"])["symbol"] for g in part["status_group"]
        ]
        fig.add_trace(
            go.Scatter(
                x=[f"{d:%Y-%m-%d}" for d in part[x]],
                y=part["_y"].tolist(),
                mode="markers",
                marker=dict(
                    symbol=symbols,
                    color=colour,
                    line=dict(width=2, color=colour),
                    size=[8 + 18 * float(w) for w in part[size]],
                    sizemode="diameter",
                ),
                customdata=_customdata(part),
                hovertext=part["_hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                name=sourcing.replace("_", " "),
                legendgroup=sourcing,
            ),
            row=1,
            col=2,
        )
    for group in ("planned", "possible", "did not happen"):
        if (main["status_group"] == group).any():
            look = STATUS_LOOK[group]
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=f"open symbol: {group}",
                    marker=dict(symbol=look["symbol"], size=12, color="#444"),
                    hoverinfo="skip",
                    legendgroup=f"status-{group}",
                ),
                row=1,
                col=2,
            )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=220 + 70 * len(rows),
        barmode="overlay",
        legend=dict(title=dict(text="Sourcing: "), y=-0.25, yanchor="top"),
        margin=dict(b=120),
    )
    fig.update_xaxes(type="date")
    fig.update_xaxes(title=dict(text=labels["x"]), row=1, col=2)
    fig.update_xaxes(title=dict(text="Date"), row=1, col=1)
    if main.empty:
        fig.update_xaxes(visible=False, row=1, col=2)
    else:
        lo, hi = main[x].min() - pd.Timedelta(days=3), main[x].max() + pd.Timedelta(days=3)
        fig.update_xaxes(range=[f"{lo:%Y-%m-%d}", f"{hi:%Y-%m-%d}"], row=1, col=2)
    if prec.empty:
        fig.update_xaxes(visible=False, row=1, col=1)
    else:
        lo = min(prec["event_start"].min(), prec[x].min()) - pd.Timedelta(days=60)
        hi = max(prec["event_end"].max(), prec[x].max()) + pd.Timedelta(days=60)
        fig.update_xaxes(
            range=[f"{lo:%Y-%m-%d}", f"{hi:%Y-%m-%d}"], tickformat="%Y", dtick="M12", row=1, col=1
        )
    fig.update_yaxes(
        tickvals=list(range(len(rows))),
        ticktext=[safe(r, 28) for r in rows],
        range=[len(rows) - 0.5, -0.5],
        title=dict(text=labels["y"]),
        row=1,
        col=1,
    )
    return fig


def signal_index_chart(
    df: pd.DataFrame,
    *,
    x: str = "signal_date",
    y: str = "cumulative",
    color: str = "sourcing",
    title: str,
    labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """The cumulative signal index as a step line; each marker is one signal adding its weight.

    `df` is `topics.signals.signal_index(...)`: signals of one date rise as a vertical step.
    """
    labels = {
        "x": "Date the signal is on record",
        "y": "Cumulative signal index (sum of weights)",
        **(labels or {}),
    }
    if df.empty:
        return empty_chart(title, "No signals to add up in this selection.", height=220)
    dates = [f"{d:%Y-%m-%d}" for d in df[x]]
    fig = go.Figure(
        go.Scatter(
            x=[dates[0], *dates],
            y=[0.0, *df[y].astype(float).tolist()],
            mode="lines",
            line=dict(shape="hv", color="#444", width=2),
            hoverinfo="skip",
            name="index",
            showlegend=False,
        )
    )
    hover = [_signal_hover(r) + f"<br><b>Index after it: {r[y]:g}</b>" for _, r in df.iterrows()]
    for sourcing, colour in SOURCING_COLORS.items():
        mask = (df[color] == sourcing).to_numpy()
        if not mask.any():
            continue
        part = df[mask]
        fig.add_trace(
            go.Scatter(
                x=[d for d, m in zip(dates, mask, strict=True) if m],
                y=part[y].astype(float).tolist(),
                mode="markers",
                marker=dict(size=11, color=colour, line=dict(width=1, color="#333")),
                customdata=_customdata(part),
                hovertext=[h for h, m in zip(hover, mask, strict=True) if m],
                hovertemplate="%{hovertext}<extra></extra>",
                name=sourcing.replace("_", " "),
            )
        )
    lo, hi = df[x].min() - pd.Timedelta(days=3), df[x].max() + pd.Timedelta(days=3)
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=420,
        legend=dict(title=dict(text="Sourcing: ")),
        xaxis=dict(
            type="date", title=dict(text=labels["x"]), range=[f"{lo:%Y-%m-%d}", f"{hi:%Y-%m-%d}"]
        ),
        yaxis=dict(title=dict(text=labels["y"]), rangemode="tozero"),
    )
    return fig


def record_bars(
    df: pd.DataFrame,
    *,
    x: str | None = None,
    y: str,
    color: str,
    title: str,
    labels: Mapping[str, str] | None = None,
    colors: Mapping[str, str] | None = None,
    record: str = "record_id",
    what: str = "what",
    who: str = "who",
) -> go.Figure:
    """Horizontal stacked bars in which every segment is one record (an event, a claim, a
    signal) with its own hover: what, who, the quote, the source and offsets.

    `x` is the segment's length (default 1: a count); `y` the bar; `color` the stack group.
    `record`, `what` and `who` name the id, description and actor columns; `df` also needs
    source_id, quote, quote_start, quote_end. Bars keep the order of first appearance of `y`
    in `df`, top to bottom.
    """
    labels = {"x": "Number of records", "y": "", **(labels or {})}
    if df.empty:
        return empty_chart(title, "Nothing to count in this selection.", height=220)
    groups = list(dict.fromkeys(df[color]))
    colors = dict(colors or {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)})
    bars = list(dict.fromkeys(df[y]))
    fig = go.Figure()
    for group in groups:
        part = df[df[color] == group]
        hover = [
            evidence_hover(
                what=r[what],
                who=r[who],
                quote=r["quote"],
                source_id=r["source_id"],
                start=r["quote_start"],
                end=r["quote_end"],
                details=[f"{r[y]}: {group}" + (f" ({r['role']})" if "role" in r else "")],
            )
            for _, r in part.iterrows()
        ]
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=part[y].tolist(),
                x=(part[x].astype(float).tolist() if x else [1] * len(part)),
                marker=dict(color=colors.get(group, "#999"), line=dict(color="white", width=1)),
                customdata=part[[record, "quote_start", "quote_end"]]
                .astype(object)
                .to_numpy()
                .tolist(),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                name=str(group),
            )
        )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        barmode="stack",
        height=160 + 30 * len(bars),
        legend=dict(title=dict(text="")),
        xaxis=dict(title=dict(text=labels["x"])),
        # Tick labels are Plotly markup: show the data's names escaped, not interpreted.
        yaxis=dict(
            title=dict(text=labels["y"]),
            categoryorder="array",
            categoryarray=bars,
            autorange="reversed",
            tickmode="array",
            tickvals=bars,
            ticktext=[safe(b, 60) for b in bars],
        ),
    )
    return fig
