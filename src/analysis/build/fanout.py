"""Values a report can fan out over, computed from the dataset: a registry of name -> function.

A report in `reports.yaml` with `fan_out: {param: actor_id, values: actors_with_records}` becomes
one page per value that `FAN_OUTS["actors_with_records"](dataset)` returns, papermill-style.
Each function takes the `analysis.load()` dataset and returns a sorted list of plain values.
Add one here (and nowhere else) to make a new kind of fan-out available.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analysis.errors import ConfigError


def actors_with_records(dataset: Any) -> list[str]:
    """Actors with at least two records: one profile page each (the topic's own rule)."""
    from analysis.topics.profiles import actors_with_records as with_records

    return with_records(dataset, minimum=2)


def issues_with_positions(dataset: Any) -> list[str]:
    """Issues on which at least one actor has a recorded position."""
    return sorted(set(dataset.positions["issue_id"]) - {""})


def sources(dataset: Any) -> list[str]:
    """Every source text: one source page each (its text with every record highlighted)."""
    return sorted(set(dataset.sources["source_id"]))


FAN_OUTS: dict[str, Callable[[Any], list[Any]]] = {
    "actors_with_records": actors_with_records,
    "issues_with_positions": issues_with_positions,
    "sources": sources,
}


def actor_names(dataset: Any) -> dict[str, str]:
    """actor_id -> name, so a profile page is titled by the actor's name."""
    return dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))


def source_titles(dataset: Any) -> dict[str, str]:
    """source_id -> "Title (Publisher, date)", so a source page is titled by its article."""
    s = dataset.sources
    return {
        sid: f"{title} ({publisher}, {published})"
        for sid, title, publisher, published in zip(
            s["source_id"], s["title"], s["publisher"], s["published_at"], strict=True
        )
    }


#: How to name each value of a fan-out in page titles (`{label}`); the value itself otherwise.
FAN_OUT_LABELS: dict[str, Callable[[Any], dict[str, str]]] = {
    "actors_with_records": actor_names,
    "sources": source_titles,
}


def fan_out_labels(name: str, dataset: Any) -> dict[str, str]:
    """Display names of a fan-out's values (empty when the fan-out has none)."""
    labels = FAN_OUT_LABELS.get(name)
    return labels(dataset) if labels else {}


def fan_out_function(name: str) -> Callable[[Any], list[Any]]:
    """The registered function, or a ConfigError that lists the registered names."""
    try:
        return FAN_OUTS[name]
    except KeyError:
        known = ", ".join(sorted(FAN_OUTS))
        raise ConfigError(f"unknown fan-out values {name!r}: expected one of [{known}]") from None
