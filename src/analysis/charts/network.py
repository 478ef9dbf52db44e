"""Network chart: actors as nodes sized by their records, ties as lines with hoverable evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import PALETTE, evidence, safe

OTHER = "other"  # countries past the palette's length share one grey
NO_COUNTRY = "no country"  # IGOs, multinational groups, actors of unknown origin
OTHER_COLOR = "#999999"
NO_COUNTRY_COLOR = "#E0E0E0"
EDGE_COLOR = "#BBBBBB"
AXIS_NOTE = "Linked actors are drawn close together; the axes have no scale."


def country_colors(
    nodes: pd.DataFrame, *, color: str = "country_iso3", size: str = "records"
) -> dict[str, str]:
    """Country -> colour: the palette for the countries with most records, then grey.

    Countries are ranked by the summed `size` of their actors, ties by code. Returns every
    group present: country codes, `OTHER`, `NO_COUNTRY`, in legend order.
    """
    present = nodes[nodes[color] != ""]
    totals = present.groupby(color, sort=True)[size].sum()
    ranked = sorted(totals.index, key=lambda c: (-int(totals[c]), str(c)))
    out = dict(zip(ranked, PALETTE, strict=False))
    if len(ranked) > len(PALETTE):
        out[OTHER] = OTHER_COLOR
    if (nodes[color] == "").any():
        out[NO_COUNTRY] = NO_COUNTRY_COLOR
    return out


def _group(country: str, colors: Mapping[str, str]) -> str:
    if not country:
        return NO_COUNTRY
    return country if country in colors else OTHER


def _node_hover(node: Mapping[str, Any], quotes: pd.DataFrame) -> str:
    facts = ", ".join(safe(v) for v in (node["kind"], node["country_iso3"], node["office"]) if v)
    lines = [
        f"<b>{safe(node['name'])}</b> ({facts})",
        f"Records: {node['events']} events, {node['claims']} claims, "
        f"{node['positions']} positions; {node['neighbours']} linked actors",
    ]
    for q in quotes.to_dict("records"):
        head = f"{safe(q['record_kind'])} {safe(q['record_id'])} ({safe(q['role'])})"
        lines.append(
            f"<br>{head}: "
            + evidence(q["quote"], q["source_id"], q["quote_start"], q["quote_end"], q["speaker"])
        )
    if len(quotes) < node["records"]:
        lines.append(f"<i>… and {node['records'] - len(quotes)} more in the tables</i>")
    return "<br>".join(lines)


def _edge_traces(edges: pd.DataFrame, at: Mapping[str, tuple[float, float]]) -> list[go.Scatter]:
    """One line trace per edge weight, so heavier ties read as thicker lines."""
    traces = []
    for weight, group in edges.groupby("weight", sort=True):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for u, v in zip(group["u"], group["v"], strict=True):
            xs += [at[u][0], at[v][0], None]
            ys += [at[u][1], at[v][1], None]
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                name=f"ties of weight {int(weight)}",
                line=dict(color=EDGE_COLOR, width=1 + 1.2 * float(weight)),
            )
        )
    return traces


def _evidence_trace(
    evidence_rows: pd.DataFrame, at: Mapping[str, tuple[float, float]]
) -> go.Scatter:
    """One diamond per record on its edge, spread evenly along it in the order of the text."""
    ends = list(zip(evidence_rows["from_id"], evidence_rows["to_id"], strict=True))
    ev = evidence_rows.assign(u=[min(e) for e in ends], v=[max(e) for e in ends])
    ev = ev.drop_duplicates(["u", "v", "record_id"]).sort_values(
        ["u", "v", "source_id", "quote_start", "record_id"], kind="stable"
    )
    by_edge = ev.groupby(["u", "v"])
    share = ((by_edge.cumcount() + 1) / (by_edge["record_id"].transform("size") + 1)).tolist()
    points = [(at[u], at[v], f) for u, v, f in zip(ev["u"], ev["v"], share, strict=True)]
    return go.Scatter(
        x=[round(a[0] + f * (b[0] - a[0]), 6) for a, b, f in points],
        y=[round(a[1] + f * (b[1] - a[1]), 6) for a, b, f in points],
        mode="markers",
        name="evidence (a record)",
        marker=dict(symbol="diamond", size=8, color="#555555", line=dict(width=1, color="white")),
        customdata=[
            [r, int(s), int(e)]
            for r, s, e in zip(ev["record_id"], ev["quote_start"], ev["quote_end"], strict=True)
        ],
        hovertext=[
            f"<b>{safe(r['from_name'])}</b> {safe(r['relation'])} <b>{safe(r['to_name'])}</b>"
            f"<br>{safe(r['record_kind'])} {safe(r['record_id'])} ({safe(r['detail'])})<br><br>"
            + evidence(r["quote"], r["source_id"], r["quote_start"], r["quote_end"], r["speaker"])
            for r in ev.to_dict("records")
        ],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def network_chart(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    evidence_rows: pd.DataFrame,
    records: pd.DataFrame,
    *,
    x: str = "x",
    y: str = "y",
    size: str = "records",
    color: str = "country_iso3",
    title: str,
    labels: Mapping[str, str] | None = None,
    label_top: int = 15,
    quotes_per_node: int = 2,
    colors: Mapping[str, str] | None = None,
) -> go.Figure:
    """Nodes at their layout coordinates, sized by records, coloured by country.

    `nodes`, `edges`, `evidence_rows` and `records` are the frames of
    `topics.network.network(...)`. Lines are the edges, wider for more records; a diamond on
    the line for each record shows its quote on hover (customdata: record_id, quote_start,
    quote_end). Node hover shows the actor, its record counts and the quotes of its first
    `quotes_per_node` records (customdata: actor_id, the `;`-joined ids of its records).
    The `label_top` actors with most records are labelled, and in an ego network (a node with
    `is_center`) all of them; the centre has a thick outline. `colors` (country -> colour,
    from `country_colors` of the whole network) keeps an ego network's colours those of the
    whole network; by default the colours are ranked on `nodes`.
    """
    labels = {color: "Country", size: "Records", "x": AXIS_NOTE, **(labels or {})}
    at = {
        a: (float(px), float(py))
        for a, px, py in zip(nodes["actor_id"], nodes[x], nodes[y], strict=True)
    }
    fig = go.Figure([*_edge_traces(edges, at), _evidence_trace(evidence_rows, at)])

    # Nodes: one trace per country group, for the legend.
    colors = dict(colors or country_colors(nodes, color=color, size=size))
    groups = [_group(c, colors) for c in nodes[color]]
    for group, fallback in ((OTHER, OTHER_COLOR), (NO_COUNTRY, NO_COUNTRY_COLOR)):
        if group in groups:
            colors.setdefault(group, fallback)
    has_center = bool(nodes["is_center"].any())
    shown = set(
        nodes.sort_values([size, "name"], ascending=[False, True], kind="stable")["actor_id"].head(
            label_top
        )
    )
    center = nodes[nodes["is_center"]]
    if not center.empty:
        # A ring around the centre, visible whatever its fill colour.
        fig.add_trace(
            go.Scatter(
                x=center[x].astype(float).tolist(),
                y=center[y].astype(float).tolist(),
                mode="markers",
                name="centre",
                hoverinfo="skip",
                marker=dict(
                    symbol="circle-open",
                    color="#222222",
                    line=dict(width=3),
                    size=[24 + 5 * float(np.sqrt(s)) for s in center[size]],
                ),
            )
        )
    for group, colour in colors.items():
        # The centre last: the legend swatch takes the first marker's look.
        part = nodes[[g == group for g in groups]].sort_values("is_center", kind="stable")
        if part.empty:
            continue
        recs = [records[records["actor_id"] == a] for a in part["actor_id"]]
        fig.add_trace(
            go.Scatter(
                x=part[x].astype(float).tolist(),
                y=part[y].astype(float).tolist(),
                mode="markers+text",
                name=safe(group),
                marker=dict(
                    size=[10 + 5 * float(np.sqrt(s)) for s in part[size]],
                    color=colour,
                    line=dict(
                        color="#222222", width=[4.0 if c else 1.0 for c in part["is_center"]]
                    ),
                ),
                text=[
                    (f"<b>{safe(n, 22)}</b>" if c else safe(n, 22))
                    if (has_center or a in shown)
                    else ""
                    for a, n, c in zip(
                        part["actor_id"], part["name"], part["is_center"], strict=True
                    )
                ],
                textposition="top center",
                textfont=dict(size=11),
                customdata=[
                    [a, ";".join(r["record_id"])]
                    for a, r in zip(part["actor_id"], recs, strict=True)
                ],
                hovertext=[
                    _node_hover(n, r.head(quotes_per_node))
                    for n, r in zip(part.to_dict("records"), recs, strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    axis = dict(showgrid=False, zeroline=False, showticklabels=False, range=[-1.15, 1.15])
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=680,
        legend=dict(
            title=dict(text=labels[color]),
            traceorder="normal",
            orientation="v",
            x=1.01,
            xanchor="left",
            y=1,
            yanchor="top",
        ),
        xaxis=dict(axis, title=dict(text=labels["x"])),
        yaxis=dict(axis, title=dict(text="")),
        hovermode="closest",
    )
    return fig
