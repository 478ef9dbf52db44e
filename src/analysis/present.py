"""What notebooks show besides charts: prose and tables with every data value escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
from IPython.display import HTML


def prose(template: str, **values: object) -> HTML:
    """A paragraph of HTML; `{name}` fields are filled with escaped data values."""
    escaped = {k: html.escape(str(v)) for k, v in values.items()}
    return HTML(f"<p>{template.format(**escaped)}</p>")


def table(
    df: pd.DataFrame,
    *,
    caption: str,
    columns: Mapping[str, str] | None = None,
) -> HTML:
    """A small accessible table (caption, header cells with scope) of chosen columns.

    `columns` maps column names to their headings; every cell is escaped text.
    """
    columns = dict(columns or {c: c for c in df.columns})
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in columns.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in df[list(columns)].itertuples(index=False, name=None)
    )
    return HTML(
        f'<table class="nb-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(map(str, value))
    return str(value)
