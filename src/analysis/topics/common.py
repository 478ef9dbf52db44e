"""Small pure helpers shared by the topic functions: list cells, names, evidence labels."""

from __future__ import annotations

import pandas as pd

from analysis.errors import NewsbriefError


def split_list(cell: object) -> list[str]:
    """A `;`-joined list cell (`rus;prk`) as a list; an empty cell is an empty list."""
    if not isinstance(cell, str) or not cell:
        return []
    return cell.split(";")


def names(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> canonical name."""
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def require(value: str, valid: pd.Series, what: str) -> None:
    """Raise a clear error when a parameter names no record of the data."""
    known = sorted(set(valid))
    if value not in known:
        raise NewsbriefError(f"unknown {what} {value!r}; expected one of: {', '.join(known)}")
