"""newsbrief: war reporting as provenance-linked tables and offline reports."""

from analysis.errors import NewsbriefError
from analysis.tables import Dataset, load

__all__ = ["Dataset", "NewsbriefError", "load"]
__version__ = "0.1.0"
