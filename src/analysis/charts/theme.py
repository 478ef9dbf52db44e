"""The one Plotly template every chart uses, and helpers to put evidence into hover text."""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go
import plotly.io as pio

# Okabe-Ito: distinguishable under the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
# Diverging stance colours, against (-2) to for (+2): orange-brown to blue, grey neutral.
STANCE_COLORS = {-2: "#B35806", -1: "#F1A340", 0: "#999999", 1: "#67A9CF", 2: "#2166AC"}

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(
            family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=13, color="#222"
        ),
        colorway=list(PALETTE),
        paper_bgcolor="white",
        plot_bgcolor="white",
        title=dict(x=0.01, xanchor="left", font=dict(size=17)),
        margin=dict(l=10, r=20, t=60, b=50),
        hoverlabel=dict(bgcolor="white", font_size=12, align="left"),
        xaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, automargin=True),
        yaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
    )
)
pio.templates["newsbrief"] = TEMPLATE


def safe(text: object, width: int = 70) -> str:
    """Data text made safe for Plotly's hover markup: escaped, then wrapped with <br>."""
    escaped = [html.escape(line, quote=False) for line in textwrap.wrap(str(text), width)]
    return "<br>".join(escaped)


def evidence(
    quote: object, source_id: object, start: object, end: object, speaker: object | None = ""
) -> str:
    """Hover lines for one record's evidence: the verbatim quote, who said it, where it is.

    `speaker` is whoever the source attributes the words to; empty means the reporter's own
    account; None leaves the line out (the caller shows who acted). Values are escaped.
    """
    lines = [f"“{safe(quote)}”"]
    if speaker is not None:
        who = safe(speaker) if speaker else "the reporter (no attribution)"
        lines.append(f"<i>Said by:</i> {who}")
    lines.append(f"<i>Source:</i> {safe(source_id)} [{start}:{end}]")
    return "<br>".join(lines)


# --- appended for the timeline, signals and map charts -----------------------------------------

#: How each event status group (analysis.topics.common.STATUS_GROUPS) is drawn: things that
#: happened filled, planned or possible ones open or hatched, negated ones as a grey cross.
STATUS_LOOK: dict[str, dict[str, str]] = {
    "happened": {"color": PALETTE[0], "symbol": "circle", "pattern": ""},
    "planned": {"color": PALETTE[1], "symbol": "circle-open", "pattern": "/"},
    "possible": {"color": PALETTE[4], "symbol": "diamond-open", "pattern": "."},
    "did not happen": {"color": "#999999", "symbol": "x-thin-open", "pattern": "x"},
}


def evidence_hover(
    *,
    what: object,
    who: object,
    quote: object,
    source_id: object,
    start: object,
    end: object,
    details: tuple[str, ...] | list[str] = (),
) -> str:
    """Hover text of one record: what, who, its details, the verbatim quote, source and offsets.

    Every data value is escaped with `safe()`; `details` are data strings, escaped too.
    """
    parts = [f"<b>{safe(what)}</b>"]
    if who:
        parts.append(f"<i>Who:</i> {safe(who)}")
    parts.extend(safe(d) for d in details if d)
    parts.append("<br>" + evidence(quote, source_id, start, end, speaker=None))
    return "<br>".join(parts)


def message(text: str, **style: object) -> dict[str, object]:
    """An annotation centred on the plot area: what an empty chart says instead of marks."""
    return dict(text=safe(text), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", **style)


def footnote(text: str) -> dict[str, object]:
    """A small annotation under the plot area, left-aligned: how to read a marker style."""
    return dict(
        text=text,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-40,
        xanchor="left",
        yanchor="top",
        font=dict(size=11, color="#555"),
    )


def empty_chart(title: str, text: str, *, height: int = 220) -> go.Figure:
    """A titled chart with no marks and no axes that says why (an empty selection)."""
    fig = go.Figure()
    fig.update_layout(
        template="newsbrief",
        title=dict(text=safe(title, 90)),
        height=height,
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        annotations=[message(text)],
    )
    return fig
