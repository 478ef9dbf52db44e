"""newsbrief: war reporting as provenance-linked tables and offline reports.

Notebooks use `analysis.load()`; the tables module (and pandas) is imported on first use, so
commands that need no tables (a build with nothing to do) start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.errors import NewsbriefError

if TYPE_CHECKING:
    from analysis.tables import Dataset, load

__all__ = ["Dataset", "NewsbriefError", "load"]
__version__ = "0.3.0"


def __getattr__(name: str) -> Any:
    if name in ("Dataset", "load"):
        from analysis import tables

        return getattr(tables, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
