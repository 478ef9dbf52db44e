"""Make an executed notebook reproducible: no times, fixed cell ids, project-relative paths."""

from __future__ import annotations

from typing import Any

TIME_KEYS = ("start_time", "end_time", "duration")
INJECTED_TAG = "injected-parameters"
ERROR_MARKER_TAG = "papermill-error-cell-tag"  # papermill's markers above a failed cell


def normalize(nb: Any, *, notebook: str, output: str) -> Any:
    """Strip what changes from run to run; the same inputs then give the same bytes.

    papermill stamps start/end times and durations on the notebook and every cell and gives
    the cells it inserts (parameters, error markers) random ids; nbclient may add timing
    metadata. Paths are recorded relative to the project so a copy elsewhere matches too.
    """
    meta = nb.metadata.setdefault("papermill", {})
    for key in TIME_KEYS:
        meta.pop(key, None)
    meta["input_path"], meta["output_path"] = notebook, output
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        for key in TIME_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        tags = cell.metadata.get("tags", [])
        if INJECTED_TAG in tags:
            cell.id = INJECTED_TAG
        elif ERROR_MARKER_TAG in tags:
            cell.id = f"papermill-error-{index}"
        if not cell.get("id") or cell.id in seen:
            cell.id = f"cell-{index}"
        seen.add(cell.id)
    return nb


def without_error_markers(nb: Any) -> Any:
    """The cells a reader sees: papermill's red error banners removed (the page has its own)."""
    nb.cells = [c for c in nb.cells if ERROR_MARKER_TAG not in c.metadata.get("tags", [])]
    return nb
