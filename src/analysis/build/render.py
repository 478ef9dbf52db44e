"""Executed notebooks to HTML pages: one reused HTMLExporter, the project's `newsbrief` template.

The template extends nbconvert's `lab` one. It drops every CDN load (require.js, MathJax,
mermaid, widgets), links the shared `assets/newsbrief.css`, and turns each
`application/vnd.plotly.v1+json` output (which nbconvert would silently drop) into a div with a
stable id and a `Plotly.newPlot` call on the shared `assets/plotly.min.js`.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from analysis.build.kernels import Failure
from analysis.build.matrix import Run
from analysis.build.png import PLOTLY_MIME
from analysis.build.reproducible import without_error_markers
from analysis.build.site import base_maps

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
GEO_TRACES = {"scattergeo", "choropleth"}  # traces drawn on a topojson base map
PAGE_BUDGET = 350_000  # bytes of HTML per page, shared assets excluded
# nbconvert's own order for HTML with Plotly first; JavaScript and widget views are left out
# (they need code from elsewhere and get random ids), so those outputs fall back to HTML or text.
DATA_PRIORITY = [
    PLOTLY_MIME,
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "text/vnd.mermaid",
    "text/latex",
    "image/png",
    "image/jpeg",
    "text/plain",
]
CHART_CONFIG = {"displaylogo": False, "responsive": True, "topojsonURL": "assets/topojson/"}

_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)
_REMOTE_LOAD = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*?"
    r"\b(?:src|href|data)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)


def script_json(value: Any) -> str:
    """JSON that is safe inside <script>: `</script>`, `<!--` and U+2028 in the data stay inert.

    The escapes are JSON's own, so the values reach plotly.js exactly as they were: hover text
    with `<b>` in it is still that text, not markup the page parses.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)


def chart_config(figure: dict[str, Any]) -> dict[str, Any]:
    return {**CHART_CONFIG, **figure.get("config", {})}


def remote_loads(html: str) -> list[str]:
    """URLs outside the site that the page would load (scripts, styles, images, frames)."""
    return sorted(set(_REMOTE_LOAD.findall(html)))


def base_maps_needed(figure: dict[str, Any]) -> set[str]:
    """Topojson names (`world_110m`) a figure's geo subplots draw on, as plotly.js names them."""
    layout = figure.get("layout", {})
    names = set()
    for trace in figure.get("data", []):
        if trace.get("type") in GEO_TRACES:
            geo = layout.get(trace.get("geo", "geo"), {})
            scope = str(geo.get("scope", "world")).replace(" ", "-")
            names.add(f"{scope}_{geo.get('resolution', 110)}m")
    return names


class ChartIds(Preprocessor):  # type: ignore[misc]
    """Give each Plotly output a stable id (report id, cell index, output index); list the
    base maps the page's geo charts need."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        page = resources["newsbrief"]
        charts, maps = 0, set()
        for ci, cell in enumerate(nb.cells):
            for oi, output in enumerate(cell.get("outputs", [])):
                if PLOTLY_MIME in output.get("data", {}):
                    output.setdefault("metadata", {})["newsbrief_chart_id"] = (
                        f"chart-{page['id']}-{ci}-{oi}"
                    )
                    charts += 1
                    maps |= base_maps_needed(output["data"][PLOTLY_MIME])
        available = set(base_maps())
        page["charts"] = charts
        page["base_maps"] = sorted(maps & available)
        page["missing_base_maps"] = sorted(maps - available)
        nb.metadata["title"] = page["title"]
        return nb, resources


@dataclass(frozen=True)
class Page:
    """One page to render: the run, the data version it was made from, and how it failed."""

    run: Run
    data_version: str
    failure: Failure | None = None


def _value_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


class PageRenderer:
    """Built once per build (template loading is the slow part), then reused for every page."""

    def __init__(self, *, show_code: bool = False):
        c = Config()
        c.HTMLExporter.template_name = "newsbrief"
        c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
        c.HTMLExporter.exclude_input = not show_code
        c.HTMLExporter.exclude_input_prompt = not show_code
        c.HTMLExporter.exclude_output_prompt = True
        c.CSSHTMLHeaderPreprocessor.enabled = show_code  # pygments CSS only with code shown
        c.TagRemovePreprocessor.enabled = True
        c.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
        c.TagRemovePreprocessor.remove_input_tags = {"hide-input"}
        c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
        c.NbConvertBase.display_data_priority = DATA_PRIORITY
        c.HTMLExporter.filters = {"script_json": script_json, "chart_config": chart_config}
        exporter = HTMLExporter(config=c)
        exporter.register_preprocessor(ChartIds, enabled=True)
        self.exporter = exporter
        self.show_code = show_code

    def render(self, nb: Any, page: Page) -> tuple[str, list[str]]:
        """The page's HTML and the warnings a reader would otherwise discover themselves."""
        nb = without_error_markers(copy.deepcopy(nb))
        run, failure = page.run, page.failure
        resources: dict[str, Any] = {
            "metadata": {"name": run.title, "path": str(run.notebook.parent)},
            "newsbrief": {
                "id": run.id,
                "title": run.title,
                "description": run.description,
                "parameters": [(k, _value_text(v)) for k, v in sorted(run.parameters.items())],
                "data_version": page.data_version,
                "notebook": run.notebook_rel,
                "failure": failure
                and {
                    "cell": failure.where(),
                    "source": failure.source,
                    "ename": failure.ename,
                    "evalue": failure.evalue,
                    "traceback": "\n".join(failure.traceback),
                },
            },
        }
        notes: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            html, _ = self.exporter.from_notebook_node(nb, resources=resources)
        for w in caught:  # e.g. "... is not able to be represented": an output left out
            if "nbconvert" in w.filename:  # not a kernel thread's warning caught meanwhile
                notes.append(f"nbconvert: {w.message}")
        missing = resources["newsbrief"].get("missing_base_maps")
        if missing:
            notes.append(
                f"no offline base map {', '.join(missing)}: add it to build/assets/topojson"
            )
        urls = remote_loads(html)
        if urls:
            notes.append(f"the page loads from outside the site: {', '.join(urls)}")
        size = len(html.encode())
        if size > PAGE_BUDGET:
            notes.append(f"the page is {size // 1000} KB, over the {PAGE_BUDGET // 1000} KB budget")
        for note in notes:
            log.warning("%s: %s", run.id, note)
        return html, notes
