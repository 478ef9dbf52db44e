"""Charts as PNG files for slides and e-mail (`newsbrief build --png`): kaleido + Chromium.

kaleido draws each figure in the machine's Chromium with the site's own plotly.js and base
maps, MathJax off: nothing is fetched. PNGs go to `reports/png/<page>-<n>.png`, one per chart
in page order, and are redrawn only when the figure changed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import BuildError

PLOTLY_MIME = "application/vnd.plotly.v1+json"
FOLDER = "png"
WIDTH, HEIGHT = 1100, 650


@dataclass(frozen=True)
class Chart:
    """One chart of one page, to become `png/<page>-<n>.png`."""

    name: str
    figure: dict[str, Any]

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.figure, sort_keys=True).encode()).hexdigest()


def figures_of(nb: Any) -> list[dict[str, Any]]:
    """The Plotly figures (as JSON) an executed notebook shows, in page order."""
    return [
        output["data"][PLOTLY_MIME]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if PLOTLY_MIME in output.get("data", {})
    ]


def charts_of(run_id: str, nb: Any) -> list[Chart]:
    """The charts of one page, named as their PNG files will be."""
    figures = figures_of(nb)
    return [Chart(f"{FOLDER}/{run_id}-{n}.png", dict(fig)) for n, fig in enumerate(figures, 1)]


def _size(figure: dict[str, Any]) -> tuple[int, int]:
    layout = figure.get("layout", {})
    return int(layout.get("width") or WIDTH), int(layout.get("height") or HEIGHT)


def render(
    charts: Sequence[Chart], *, plotly_js: Path, scripts: Sequence[Path]
) -> dict[str, bytes]:
    """PNG bytes of each chart by name, drawn in one Chromium."""
    if not charts:
        return {}
    try:
        import kaleido
        from kaleido import PageGenerator
    except ImportError as exc:  # pragma: no cover - kaleido is a dependency
        raise BuildError("--png needs kaleido: make env") from exc
    with tempfile.TemporaryDirectory(prefix="newsbrief-png-") as tmp:
        folder = Path(tmp)
        jobs = []
        for n, chart in enumerate(charts):
            width, height = _size(chart.figure)
            jobs.append(
                {
                    "fig": chart.figure,
                    "path": str(folder / f"{n}.png"),
                    "opts": {"format": "png", "width": width, "height": height},
                }
            )
        page = PageGenerator(
            plotly=plotly_js.as_uri(), mathjax=False, others=[p.as_uri() for p in scripts]
        )

        async def draw() -> None:
            async with kaleido.Kaleido(n=1, page_generator=page) as k:
                await k.write_fig_from_object(jobs)

        try:
            asyncio.run(draw())
        except Exception as exc:
            raise BuildError(
                f"--png: kaleido could not draw the charts ({exc}); it needs "
                "Chromium: apt-get install chromium"
            ) from exc
        return {chart.name: (folder / f"{n}.png").read_bytes() for n, chart in enumerate(charts)}
