"""A source page's HTML: the text with every record's quote highlighted, and the records table.

Every value from the data is escaped here (text, ids, titles); links only point at anchors on
the same page, so the page works from `file://` and loads nothing.
"""

from __future__ import annotations

import html
import urllib.parse

import pandas as pd
from IPython.display import HTML

#: What each kind of record is, for the legend and the highlights' tooltips.
KIND_HELP = {
    "event": "something that happened, is planned or is possible",
    "claim": "words or a view the source attributes to a speaker",
    "position": "where an actor stands on an issue",
}
NON_BODY_HELP = "headline, caption, credit, contributors line, boilerplate: not article body"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _href(anchor: str) -> str:
    return "#" + _e(urllib.parse.quote(anchor, safe="-_.~"))


def _classes(kinds: tuple[str, ...], *extra: str) -> str:
    return " ".join([*(f"nb-k-{k}" for k in kinds), *(x for x in extra if x)])


def _breakable(value: object) -> str:
    """Escaped text that may wrap after an underscore (long record ids)."""
    return _e(value).replace("_", "_<wbr>")


def _describe(record: pd.Series) -> str:
    draft = " (draft)" if record["draft"] else ""
    return f"{record['kind']} {record['number']}: {record['record_id']}{draft}"


def metadata(fields: pd.DataFrame) -> HTML:
    """The source's metadata (topics.sources.source_metadata) as a definition list."""
    items = "".join(
        f"<dt>{_e(f)}</dt><dd>{_e(v)}</dd>"
        for f, v in zip(fields["field"], fields["value"], strict=True)
    )
    return HTML(f'<dl class="nb-source-meta" aria-label="The source">{items}</dl>')


def legend() -> str:
    """What the colours, outlines and markers of the text mean."""
    items = [
        f'<li><span class="nb-hl nb-k-{k}">{k}</span> {_e(h)}</li>' for k, h in KIND_HELP.items()
    ]
    items += [
        '<li><span class="nb-hl nb-k-event nb-k-claim">two kinds</span> quotes that overlap: '
        "one band per kind; a click goes to the narrowest quote</li>",
        '<li><span class="nb-hl nb-k-claim nb-draft">draft</span> dashed: drafted by '
        "<code>newsbrief ingest</code>, not yet reviewed (other reports leave it out)</li>",
        f'<li><span class="nb-nonbody">muted</span> {_e(NON_BODY_HELP)}</li>',
        '<li><span class="nb-ref nb-k-claim">7</span> a record\'s quote starts here: '
        "its row below has the same number</li>",
    ]
    return f'<ul class="nb-legend" aria-label="Legend">{"".join(items)}</ul>'


def _marker(record: pd.Series) -> str:
    draft = ' <span class="nb-draft-tag">draft</span>' if record["draft"] else ""
    return (
        f'<a class="{_classes((record["kind"],), "nb-ref", "nb-draft" if record["draft"] else "")}"'
        f' id="{_e(record["marker"])}" href="{_href(record["anchor"])}"'
        f' title="{_e(_describe(record))}">{_e(record["number"])}{draft}</a>'
    )


def source_text(text: str, segments: pd.DataFrame, records: pd.DataFrame) -> HTML:
    """The whole text, every whitespace kept, cut into `segments` (topics.sources.segments).

    A segment under one or more quotes is a link to the narrowest one's row, banded in the
    colour of every kind that covers it, its tooltip naming every record; a dashed outline
    marks drafts. Each record's numbered marker sits where its quote starts and links to its
    row. Non-body spans are muted and labelled.
    """
    by_anchor = {r["anchor"]: r for _, r in records.iterrows()}
    parts: list[str] = []
    previous_area = ""
    for seg in segments.itertuples(index=False):
        piece = _e(text[seg.start : seg.end])
        parts.extend(_marker(by_anchor[a]) for a in seg.opens)
        area = seg.non_body
        label = f' data-nonbody="{_e(area)}"' if area and area != previous_area else ""
        if area:
            previous_area = area
        elif text[seg.start : seg.end].strip():
            previous_area = ""
        muted = "nb-nonbody" if area else ""
        if seg.anchors:
            names = "; ".join(_describe(by_anchor[a]) for a in seg.anchors)
            classes = _classes(seg.kinds, "nb-hl", "nb-draft" if seg.draft else "", muted)
            parts.append(
                f'<a class="{classes}" href="{_href(seg.link)}" title="{_e(names)}"'
                f' data-records="{_e(" ".join(seg.anchors))}"{label}>{piece}</a>'
            )
        elif area:
            parts.append(f'<span class="nb-nonbody" title="{_e(area)}"{label}>{piece}</span>')
        else:
            parts.append(piece)
    # <pre>: nbconvert re-parses the page with BeautifulSoup, which collapses whitespace-only
    # text between tags everywhere else; the newline after <pre> is the one HTML drops.
    return HTML(
        f'<div class="nb-source">{legend()}'
        f'<pre class="nb-source-text">\n{"".join(parts)}</pre></div>'
    )


_COLUMNS = {
    "number": "#",
    "kind": "Kind",
    "record_id": "Record id",
    "who": "Who",
    "says": "What it says",
    "quote": "Quote (verbatim)",
    "offsets": "Offsets",
    "status": "Status",
}


def _status(record: pd.Series) -> str:
    if not record["draft"]:
        return "reviewed"
    confidence = record["confidence"]
    known = confidence is not None and not pd.isna(confidence)
    return '<span class="nb-draft-tag">draft</span>' + (
        f" confidence {confidence:.2f}" if known else ""
    )


def _offsets(record: pd.Series) -> str:
    if pd.isna(record["start"]) or pd.isna(record["end"]):
        return "not in the text"
    return f"{int(record['start'])}\u2013{int(record['end'])}"


def records_table(records: pd.DataFrame, *, caption: str) -> HTML:
    """The records of the source, one row each with an anchor (`rec-<kind>-<id>`) that the
    highlights link to, and a link back to its marker in the text."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in _COLUMNS.values())
    rows = []
    for _, r in records.iterrows():
        placed = not (pd.isna(r["start"]) or pd.isna(r["end"]))
        number = (
            f'<a href="{_href(r["marker"])}" title="back to the quote in the text">'
            f"{_e(r['number'])}&nbsp;\u2191</a>"
            if placed
            else _e(r["number"])
        )
        cells = {
            "number": number,
            "kind": f'<span class="nb-kind nb-k-{_e(r["kind"])}">{_e(r["kind"])}</span>',
            "record_id": f"<code>{_breakable(r['record_id'])}</code>",
            "who": _e(r["who"]),
            "says": _e(r["says"]),
            "quote": _e(r["quote"]),
            "offsets": _offsets(r),
            "status": _status(r),
        }
        body = "".join(f'<td data-label="{_e(_COLUMNS[k])}">{cells[k]}</td>' for k in _COLUMNS)
        classes = _classes((r["kind"],), "nb-draft" if r["draft"] else "")
        rows.append(f'<tr id="{_e(r["anchor"])}" class="{classes}">{body}</tr>')
    return HTML(
        f'<table class="nb-table nb-records"><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
