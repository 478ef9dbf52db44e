"""`newsbrief build --png`: every chart also as a PNG, drawn offline by kaleido in Chromium."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module", autouse=True)
def chromium() -> None:
    if shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing under CI: .ci/run installs it")
        pytest.skip("Chromium not installed: apt-get install chromium")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_each_chart_becomes_a_png_and_unchanged_charts_are_kept(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "notebooks").mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'fixture'\n")
    (root / "reports.yaml").write_text(
        "reports:\n  - {id: maps, notebook: notebooks/maps.ipynb, title: Maps}\n"
    )
    nb = new_notebook(
        cells=[
            new_code_cell("n: int = 3  # points", metadata={"tags": ["parameters"]}),
            new_code_cell(
                "import plotly.express as px\n"
                "px.scatter(x=list(range(n)), y=list(range(n)), width=640, "
                "height=400).show()"
            ),
            new_code_cell(
                "import plotly.graph_objects as go\n"
                "go.Figure(go.Scattergeo(lat=[44.43, 55.75], lon=[26.10, 37.62]),\n"
                "          layout=dict(width=500, height=300, geo=dict(scope='europe',"
                " resolution=50))).show()"
            ),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / "notebooks" / "maps.ipynb")

    assert main(["--root", str(root), "build", "--png", "--quiet"]) == 0
    first = {p.name: p.read_bytes() for p in (root / "reports" / "png").iterdir()}
    assert sorted(first) == ["maps-1.png", "maps-2.png"]
    assert png_size(first["maps-1.png"]) == (640, 400)
    assert png_size(first["maps-2.png"]) == (500, 300)
    # the base map is drawn from the vendored topojson: far more than an empty frame
    assert len(first["maps-2.png"]) > 10_000
    stamps = {p.name: p.stat().st_mtime_ns for p in (root / "reports" / "png").iterdir()}

    assert main(["--root", str(root), "build", "--png", "--quiet"]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in (root / "reports" / "png").iterdir()} == stamps, (
        "unchanged charts are not drawn again"
    )
