"""The site around the pages: `index.html`, the shared assets, a page for a run that never ran."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.build.matrix import Run
from analysis.errors import BuildError

SITE_TEMPLATES = Path(__file__).parent / "templates" / "site"
TOPOJSON = Path(__file__).parent / "assets" / "topojson"  # base maps for geo charts
ASSETS = "assets"


@dataclass(frozen=True)
class IndexEntry:
    """One row of the index: a page and whether it is usable (the same however it was built)."""

    run: Run
    status: str  # "ok", "failed" or "not built"
    error: str = ""


def _env() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE_TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _params(run: Run) -> list[tuple[str, str]]:
    return [
        (k, v if isinstance(v, str) else json.dumps(v, sort_keys=True))
        for k, v in sorted(run.parameters.items())
    ]


def index_html(entries: Sequence[IndexEntry], data_version: str) -> str:
    """The list of every report in the matrix, in matrix order."""
    rows = [
        {
            "id": e.run.id,
            "title": e.run.title,
            "description": e.run.description,
            "parameters": _params(e.run),
            "status": e.status,
            "error": e.error,
            "href": f"{e.run.id}.html" if e.status != "not built" else "",
        }
        for e in entries
    ]
    counts = {
        "total": len(rows),
        "ok": sum(e.status == "ok" for e in entries),
        "failed": sum(e.status == "failed" for e in entries),
        "not_built": sum(e.status == "not built" for e in entries),
    }
    return str(
        _env()
        .get_template("index.html.j2")
        .render(
            entries=rows,
            counts=counts,
            data_version=data_version,
        )
    )


def failed_html(run: Run, data_version: str, ename: str, evalue: str, traceback: str = "") -> str:
    """A page for a run that produced no notebook at all (unreadable notebook, no kernel)."""
    return str(
        _env()
        .get_template("failed.html.j2")
        .render(
            title=run.title,
            description=run.description,
            parameters=_params(run),
            data_version=data_version,
            notebook=run.notebook_rel,
            ename=ename,
            evalue=evalue,
            traceback=traceback,
        )
    )


def base_maps() -> dict[str, Path]:
    """Vendored plotly.js base maps by topojson name (`world_110m`): see assets/topojson/."""
    return {p.stem: p for p in sorted(TOPOJSON.glob("*.json"))}


def base_map_script(name: str, path: Path) -> bytes:
    """The base map as a script that hands it to plotly.js directly.

    plotly.js fetches `topojsonURL/<name>.json` with XMLHttpRequest unless
    `window.PlotlyGeoAssets.topojson[<name>]` is already set, and a page opened from disk
    (file://) may not fetch anything: browsers block it. A <script src> loads from disk.
    """
    data = path.read_text(encoding="utf-8").strip()
    return (
        "(window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}})"
        f".topojson[{json.dumps(name)}] = {data};\n"
    ).encode()


def plotly_bundle() -> Path:
    """plotly.js as shipped inside the installed plotly package (found without importing it)."""
    spec = importlib.util.find_spec("plotly")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    raise BuildError("plotly.min.js not found in the installed plotly package: reinstall plotly")


def assets() -> dict[str, bytes]:
    """Every file under `reports/assets/`, by relative name: shared by all pages."""
    files = {
        "plotly.min.js": plotly_bundle().read_bytes(),
        "newsbrief.css": (SITE_TEMPLATES / "newsbrief.css").read_bytes(),
    }
    for name, path in base_maps().items():
        files[f"topojson/{name}.js"] = base_map_script(name, path)
    return files


def stale_assets(reports: Path) -> dict[str, bytes]:
    """The assets missing from `reports/assets/` or different from what the build ships."""
    stale = {}
    for name, data in assets().items():
        target = reports / ASSETS / name
        if (
            not target.is_file()
            or target.stat().st_size != len(data)
            or (hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(data).digest())
        ):
            stale[name] = data
    return stale
