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


# --- appended for the briefing, signals and incidents topics -----------------------------------

#: How an event's status reads for a reader: did it happen, is it planned, is it only possible.
STATUS_GROUPS: dict[str, str] = {
    "factual": "happened",
    "historical": "happened",
    "future": "planned",
    "hypothetical": "possible",
    "negated": "did not happen",
}

#: Short labels of the topic ids in analysis.codes.TOPICS, for axes and tables.
TOPIC_LABELS: dict[str, str] = {
    "arms_cooperation": "Arms cooperation",
    "russia_dprk_summitry": "Russia-North Korea summitry",
    "grain_deal": "Grain deal",
    "food_security": "Food security",
    "security_incident": "Security incidents",
    "espionage": "Espionage",
    "human_trafficking": "Human trafficking",
    "ukraine_defense_leadership": "Ukraine's defence leadership",
    "military_aid": "Military aid",
    "counteroffensive": "Counteroffensive",
}


def topic_label(topic_id: str) -> str:
    """A topic's short label; an id without one is shown with spaces for underscores."""
    return TOPIC_LABELS.get(topic_id, topic_id.replace("_", " ").capitalize())


def names_of(cell: object, lookup: dict[str, str]) -> str:
    """A `;`-joined list of actor ids as their names, comma-separated (unknown ids as is)."""
    return ", ".join(lookup.get(i, i) for i in split_list(cell))


def date_interval(
    start: object, granularity: object, end: object = ""
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """A contract date as a half-open interval [start, end); (None, None) when undated.

    `end` is the inclusive `date_end` where the table has one; otherwise it is derived from the
    granularity as CONTRACT.md fixes it (a week is 7 days, a month or year runs to its last day).
    """
    if not isinstance(start, str) or not start or granularity == "unknown":
        return None, None
    first = pd.Timestamp(start)
    if isinstance(end, str) and end:
        return first, pd.Timestamp(end) + pd.Timedelta(days=1)
    step = {
        "week": pd.DateOffset(days=7),
        "month": pd.DateOffset(months=1),
        "year": pd.DateOffset(years=1),
    }.get(str(granularity), pd.DateOffset(days=1))
    return first, first + step
