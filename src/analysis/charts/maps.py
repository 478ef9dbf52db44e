"""Offline maps (Scattergeo only, no tiles): places mentioned, and incidents by outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.theme import PALETTE, evidence_hover, safe
from analysis.charts.theme import message as note
from analysis.errors import NewsbriefError

#: Colour and marker of each outcome class (analysis.topics.incidents.OUTCOME_CLASSES and the
#: two fallbacks). Symbols differ too, so colour is never the only cue.
OUTCOME_LOOK: dict[str, dict[str, str]] = {
    "intercepted": {"color": PALETTE[0], "symbol": "circle"},
    "fell": {"color": PALETTE[1], "symbol": "triangle-down"},
    "hit": {"color": PALETTE[3], "symbol": "x"},
    "missed": {"color": PALETTE[2], "symbol": "diamond"},
    "not stated": {"color": "#777777", "symbol": "square"},
    "other": {"color": PALETTE[4], "symbol": "star"},
}

LABEL_GAP = 5.0  # degrees: a place this close to a labelled one is left unlabelled (see hover)

# What a place's coordinates stand for, said in the hover.
PRECISION_NOTE = {
    "point": "exact spot",
    "town": "the town",
    "area": "approximate: an area",
    "admin1": "approximate: the region's centre",
    "country": "approximate: the country's centre, not where it happened",
}


def geo_layout(
    lats: Sequence[float],
    lons: Sequence[float],
    *,
    resolution: int = 110,
    pad: float = 4.0,
    min_span: float = 12.0,
) -> dict[str, Any]:
    """`layout.geo` for an offline base map around the points, with explicit axis ranges.

    No `topojsonURL` is set: the site supplies the base map files. Coastlines, land and
    country borders at Natural Earth 1:`resolution` million (50 or 110).
    """
    if resolution not in (50, 110):
        raise NewsbriefError(f"map resolution {resolution!r}: expected one of 50, 110")
    lat_lo, lat_hi = (min(lats), max(lats)) if lats else (-60.0, 80.0)
    lon_lo, lon_hi = (min(lons), max(lons)) if lons else (-180.0, 180.0)
    lat_c, lon_c = (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2
    lat_half = max((lat_hi - lat_lo) / 2 + pad, min_span / 2)
    lon_half = max((lon_hi - lon_lo) / 2 + pad, min_span, 1.8 * lat_half)
    if lon_half > 75:  # points across continents: the whole world, without Antarctica
        lat_range, lon_range = [-58.0, 84.0], [-180.0, 180.0]
    else:
        lat_range = [max(lat_c - lat_half, -90.0), min(lat_c + lat_half, 90.0)]
        lon_range = [max(lon_c - lon_half, -180.0), min(lon_c + lon_half, 180.0)]
    return dict(
        projection=dict(type="natural earth"),
        resolution=resolution,
        lataxis=dict(range=lat_range),
        lonaxis=dict(range=lon_range),
        showcountries=True,
        countrycolor="#9a9a9a",
        countrywidth=0.6,
        showcoastlines=True,
        coastlinecolor="#9a9a9a",
        showland=True,
        landcolor="#f3f3f0",
        showocean=True,
        oceancolor="#eef4f8",
        showlakes=False,
        showrivers=False,
        showframe=False,
    )


def _labels_above(lats: pd.Series, lons: pd.Series, near: float = 2.0) -> dict[Any, bool]:
    """Which markers get their label above: those with a neighbour just south of them, so two
    nearby places (the Danube ports and the Romanian bank) do not print over each other."""
    return {
        i: any(
            j != i and abs(lons[j] - lons[i]) < near and 0 <= lats[i] - lats[j] < near
            for j in lats.index
        )
        for i in lats.index
    }


def _empty(title: str, message: str) -> go.Figure:
    """An empty map (the base map still drawn) that says why."""
    fig = go.Figure(go.Scattergeo(lat=[], lon=[], mode="markers", showlegend=False))
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=300,
        geo=geo_layout([], []),
        annotations=[note(message, bgcolor="rgba(255,255,255,0.8)")],
    )
    return fig


def places_map(
    df: pd.DataFrame,
    *,
    lat: str = "lat",
    lon: str = "lon",
    group: str = "place_id",
    name: str = "place",
    title: str,
    labels: Mapping[str, str] | None = None,
    resolution: int = 110,
) -> go.Figure:
    """One marker per place, its area growing with the events there; hover lists each event.

    `df` is `topics.briefing.places_mentioned(...)`, one row per event at a place. customdata
    of a marker: [place_id, event ids `;`-joined, offsets `start:end` `;`-joined].
    """
    labels = {"size": "events at the place", **(labels or {})}
    if df.empty:
        return _empty(title, "No events with a mapped place in this selection.")
    lats: list[float] = []
    lons: list[float] = []
    texts: list[str] = []
    sizes: list[int] = []
    hovers: list[str] = []
    custom: list[list[str]] = []
    for place_id, part in df.groupby(group, sort=False):
        first = part.iloc[0]
        lines = [
            evidence_hover(
                what=r["summary"],
                who=r["who"],
                quote=r["quote"],
                source_id=r["source_id"],
                start=r["quote_start"],
                end=r["quote_end"],
                details=[f"Status: {r['status_group']}"],
            )
            for _, r in part.iterrows()
        ]
        head = (
            f"<b>{safe(first[name])}</b> ({safe(PRECISION_NOTE.get(first['precision'], ''))})"
            f"<br>{len(part)} {safe(labels['size'])}<br>"
        )
        # most-mentioned first: label a place unless a labelled one is close by
        at = (float(first[lat]), float(first[lon]))
        near = any(
            abs(at[0] - la) < LABEL_GAP and abs(at[1] - lo) < LABEL_GAP
            for la, lo, t in zip(lats, lons, texts, strict=True)
            if t
        )
        lats.append(at[0])
        lons.append(at[1])
        texts.append("" if near else safe(first[name], 40))
        sizes.append(10 + 6 * len(part))
        hovers.append(head + "<br>──<br>".join(lines))
        custom.append(
            [
                str(place_id),
                ";".join(part["event_id"]),
                ";".join(
                    f"{s}:{e}" for s, e in zip(part["quote_start"], part["quote_end"], strict=True)
                ),
            ]
        )
    fig = go.Figure(
        go.Scattergeo(
            lat=lats,
            lon=lons,
            mode="markers+text",
            text=texts,
            textposition="top center",
            textfont=dict(size=11, color="#333"),
            marker=dict(
                size=sizes, color=PALETTE[0], opacity=0.8, line=dict(width=1, color="#333")
            ),
            customdata=custom,
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            name="place",
            showlegend=False,
        )
    )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=480,
        geo=geo_layout(lats, lons, resolution=resolution),
        margin=dict(l=10, r=10, t=60, b=10),
    )
    return fig


def _incident_hover(row: pd.Series) -> str:
    where = f"{row['place']} ({PRECISION_NOTE.get(row['precision'], row['precision'])})"
    details = [
        f"Outcome: {row['outcome'] or 'not stated'}"
        + (" (disputed)" if row["disputed"] and "disputed" not in row["outcome"] else ""),
        f"Status: {row['status']} ({row['status_group']})",
        f"Where: {where}",
        f"When: {row['date_text'] or 'not dated in the source'}",
        f"Claims about it: {row['claims_said']}" if row["claims_said"] else "",
    ]
    return evidence_hover(
        what=row["summary"],
        who=row["who"],
        quote=row["quote"],
        source_id=row["source_id"],
        start=row["quote_start"],
        end=row["quote_end"],
        details=details,
    )


def incident_map(
    df: pd.DataFrame,
    *,
    lat: str = "lat",
    lon: str = "lon",
    color: str = "outcome_class",
    title: str,
    labels: Mapping[str, str] | None = None,
    resolution: int = 50,
) -> go.Figure:
    """One marker per incident at its place; colour and symbol give the outcome (OUTCOME_LOOK).

    `df` is `topics.incidents.incidents(...)`; rows without coordinates are left out (list
    them beside the map). Incidents that did not happen as reported (planned, possible,
    negated) get an open marker; disputed ones a thick dark outline.
    """
    labels = {"color": "Outcome", **(labels or {})}
    mapped = df[df[lat].notna() & df[lon].notna()] if not df.empty else df
    if mapped.empty:
        return _empty(title, "No incidents with a mapped place in this selection.")
    fig = go.Figure()
    above = _labels_above(mapped[lat].astype(float), mapped[lon].astype(float))
    for outcome, look in OUTCOME_LOOK.items():
        part = mapped[mapped[color] == outcome]
        if part.empty:
            continue
        happened = (part["status_group"] == "happened").tolist()
        fig.add_trace(
            go.Scattergeo(
                lat=part[lat].astype(float).tolist(),
                lon=part[lon].astype(float).tolist(),
                mode="markers+text",
                text=[safe(p, 30) for p in part["place"]],
                textposition=["top center" if above[i] else "bottom center" for i in part.index],
                textfont=dict(size=11, color="#333"),
                marker=dict(
                    symbol=[look["symbol"] if h else f"{look['symbol']}-open" for h in happened],
                    size=16,
                    color=look["color"],
                    line=dict(
                        width=[3 if d else 1 for d in part["disputed"]],
                        color=["#000000" if d else look["color"] for d in part["disputed"]],
                    ),
                ),
                customdata=part[["event_id", "quote_start", "quote_end"]]
                .astype(object)
                .to_numpy()
                .tolist(),
                hovertext=[_incident_hover(r) for _, r in part.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                name=outcome,
            )
        )
    if (mapped["status_group"] != "happened").any():
        fig.add_trace(
            go.Scattergeo(
                lat=[None],
                lon=[None],
                mode="markers",
                hoverinfo="skip",
                name="open marker: "
                + ", ".join(
                    sorted(set(mapped.loc[mapped["status_group"] != "happened", "status_group"]))
                ),
                marker=dict(symbol="circle-open", size=12, color="#444"),
            )
        )
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=520,
        legend=dict(title=dict(text=f"{safe(labels['color'])}: ")),
        geo=geo_layout(
            mapped[lat].astype(float).tolist(),
            mapped[lon].astype(float).tolist(),
            resolution=resolution,
            pad=3.0,
            min_span=10.0,
        ),
        margin=dict(l=10, r=10, t=80, b=10),
    )
    return fig
