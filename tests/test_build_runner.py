"""A real build of a tiny project: charts, failures kept apart, cache, reproducibility, safety."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.build import cache
from analysis.build.runner import BuildBusy, BuildOptions, BuildResult, build, build_lock
from analysis.cli import main

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "build"
HOSTILE = "</script><script>alert(1)</script> & \u2028 <b>bold</b>"


def notebook(*cells: Any) -> Any:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def parameters(source: str) -> Any:
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    return cell


def chart_notebook() -> Any:
    """Draws a chart with `fig.show()` and plotly's default renderer, as an analyst would."""
    return notebook(
        new_markdown_cell("Three points."),
        parameters('label: str = "alpha"  # series name\nscale: float = 1.0  # multiplier'),
        new_code_cell(
            "import plotly.express as px\n"
            f"hover = {HOSTILE!r}\n"
            "fig = px.scatter(x=[1, 2, 3], y=[10 * scale, 20 * scale, 31.5 * scale],\n"
            "                 hover_name=[hover, label, 'c'], title=label)\n"
            "fig.show()"
        ),
        new_code_cell("px.scatter_geo(lat=[44.43], lon=[26.10], title='Bucharest').show()"),
        new_code_cell('print("drawn", label)'),
    )


def broken_notebook() -> Any:
    return notebook(
        parameters("n: int = 3"),
        new_code_cell('x = n * 2\nprint("before the failure")'),
        new_code_cell('raise ValueError(f"boom <script>alert(2)</script> {x}")'),
        new_code_cell('print("never printed")'),
    )


def make_project(root: Path) -> Path:
    shutil.copytree(FIXTURES / "data", root / "data")
    shutil.copy(FIXTURES / "reports.yaml", root / "reports.yaml")
    (root / "pyproject.toml").write_text("[project]\nname = 'fixture'\n")
    (root / "notebooks").mkdir()
    nbformat.write(chart_notebook(), root / "notebooks" / "chart.ipynb")
    nbformat.write(broken_notebook(), root / "notebooks" / "broken.ipynb")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@dataclass
class Builds:
    root: Path
    cold_status: int
    cold_output: str
    cold: dict[str, bytes]
    unchanged: BuildResult
    clean_again: dict[str, bytes]
    touched: BuildResult


@pytest.fixture(scope="module", autouse=True)
def pinned_code(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Hash a snapshot of the `analysis` package, so edits made while the tests run (by
    another engineer, or an editor) do not count as a code change between two builds."""
    snapshot_dir = tmp_path_factory.mktemp("code") / "analysis"
    shutil.copytree(cache.package_dir(), snapshot_dir, ignore=shutil.ignore_patterns("__pycache__"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache, "package_dir", lambda: snapshot_dir)
        yield


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """One project built four times: cold, unchanged, clean again, one notebook touched."""
    root = make_project(tmp_path_factory.mktemp("project"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--root", str(root), "build"])
    cold = snapshot(root / "reports")
    unchanged = build(BuildOptions(root=root))
    shutil.rmtree(root / "reports")
    shutil.rmtree(root / ".cache")
    build(BuildOptions(root=root))
    clean_again = snapshot(root / "reports")
    nb = nbformat.read(root / "notebooks" / "chart.ipynb", as_version=4)
    nb.cells[0].source += " Trivially edited."
    nbformat.write(nb, root / "notebooks" / "chart.ipynb")
    touched = build(BuildOptions(root=root))
    return Builds(root, status, out.getvalue(), cold, unchanged, clean_again, touched)


def chart_calls(html: str) -> list[list[Any]]:
    """The arguments of each Plotly.newPlot call on the page, parsed back from JSON."""
    calls = re.findall(r"Plotly\.newPlot\((.*?)\);\n", html)
    return [json.loads(f"[{call}]") for call in calls]


def values(array: Any) -> list[float]:
    """Plotly >= 6 sends numeric arrays as base64 typed arrays; decode them."""
    if isinstance(array, dict) and "bdata" in array:
        import numpy as np

        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_build_exits_1_and_names_the_failure(builds: Builds) -> None:
    assert builds.cold_status == 1
    assert "[3/3]" in builds.cold_output
    assert "broken: ValueError: boom <script>alert(2)</script> 10 (In [4])" in builds.cold_output
    assert "FAILED: 3 pages" in builds.cold_output


def test_every_page_and_its_executed_notebook_are_written(builds: Builds) -> None:
    for page in ("chart", "chart_small", "broken"):
        assert f"{page}.html" in builds.cold
        assert f"{page}.ipynb" in builds.cold
    assert "assets/plotly.min.js" in builds.cold
    assert "assets/newsbrief.css" in builds.cold
    assert not [name for name in builds.cold if name.startswith(".staging")]


def test_chart_is_drawn_from_its_data_with_a_stable_id(builds: Builds) -> None:
    html = builds.cold["chart.html"].decode()
    [[chart_id, data, layout, config], geo] = chart_calls(html)
    assert chart_id == "chart-chart-3-0"  # report id, cell index, output index
    assert geo[0] == "chart-chart-4-0"
    assert f'<div class="plotly-graph-div" id="{chart_id}"></div>' in html
    assert values(data[0]["x"]) == [1, 2, 3]
    assert values(data[0]["y"]) == [20.0, 40.0, 63.0]
    assert data[0]["hovertext"] == [HOSTILE, "beta", "c"]  # text stays text, exactly
    assert layout["title"]["text"] == "beta"
    assert config["topojsonURL"] == "assets/topojson/"
    small = chart_calls(builds.cold["chart_small.html"].decode())[0]
    assert values(small[1][0]["y"]) == [5.0, 10.0, 15.75]


def test_hostile_strings_cannot_leave_the_script(builds: Builds) -> None:
    html = builds.cold["chart.html"].decode()
    script = html.split('<script type="text/javascript">', 1)[1].split("</script>", 1)[0]
    assert "Plotly.newPlot" in script
    assert "alert(1)" in script  # the whole hostile string is inside the one script block
    assert "<" not in script and "\u2028" not in script


def test_pages_load_nothing_from_outside(builds: Builds) -> None:
    for name, content in builds.cold.items():
        if name.endswith(".html"):
            html = content.decode()
            loads = re.findall(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=\"([^\"]*)\"", html)
            assert all(not re.match(r"(https?:)?//", url) for url in loads), (name, loads)
            assert "require.js" not in html and "mathjax" not in html.lower()
    assert re.search(r'<script[^>]*src="assets/plotly.min.js"', builds.cold["chart.html"].decode())
    # the geo chart's base map comes as a script from the site, not fetched from a CDN
    assert re.search(
        r'<script[^>]*src="assets/topojson/world_110m.js"', builds.cold["chart.html"].decode()
    )
    assert "assets/topojson/world_110m.js" in builds.cold
    assert "plotly.min.js" not in builds.cold["broken.html"].decode()  # no chart, no bundle


def test_pages_are_small_and_hide_code(builds: Builds) -> None:
    html = builds.cold["chart.html"].decode()
    assert len(builds.cold["chart.html"]) < 350_000
    assert "import plotly.express" not in html
    assert "<title>A chart &amp; its hover text</title>" in html
    assert 'href="index.html"' in html
    assert "<dt>label</dt><dd><code>beta</code></dd>" in html
    assert re.search(r"<dt>data version</dt><dd><code>[0-9a-f]{12}</code>", html)


def test_failed_page_shows_the_cell_and_escaped_traceback(builds: Builds) -> None:
    html = builds.cold["broken.html"].decode()
    assert "This report failed to build" in html
    assert "The cell In [4] raised" in html
    assert "boom &lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<script>alert(2)" not in html
    assert "Traceback" in html and "ValueError" in html
    assert "before the failure" in html  # outputs up to the failing cell are kept
    assert "never printed" not in html
    nb = json.loads(builds.cold["broken.ipynb"])
    assert nb["metadata"]["papermill"]["exception"] is True


def test_index_lists_every_report_with_status(builds: Builds) -> None:
    index = builds.cold["index.html"].decode()
    for page, status in (("chart", "ok"), ("chart_small", "ok"), ("broken", "failed")):
        row = index.split(f'<tr id="report-{page}">', 1)[1].split("</tr>", 1)[0]
        assert f'href="{page}.html"' in row
        assert f'nb-status-{status}">{status}<' in row
    assert "<code>scale</code> = <code>2.0</code>" in index
    assert "A chart &amp; its hover text" in index


def test_executed_notebooks_carry_no_times_or_random_ids(builds: Builds) -> None:
    nb = json.loads(builds.cold["chart.ipynb"])
    text = builds.cold["chart.ipynb"].decode()
    assert "start_time" not in text and "duration" not in text and "end_time" not in text
    assert [c["id"] for c in nb["cells"]][2] == "injected-parameters"
    assert nb["metadata"]["papermill"]["input_path"] == "notebooks/chart.ipynb"
    counts = [c["execution_count"] for c in nb["cells"] if c["cell_type"] == "code"]
    assert counts == [1, 2, 3, 4, 5]  # a reused kernel counts from 1 again


def test_unchanged_rebuild_executes_nothing(builds: Builds) -> None:
    result = builds.unchanged
    assert result.kernels == 0
    assert [o.action for o in result.outcomes] == ["cached"] * 3
    assert result.exit_status == 1  # the broken report is still broken
    assert result.seconds < 1.0


def test_two_clean_builds_are_byte_identical(builds: Builds) -> None:
    assert builds.clean_again.keys() == builds.cold.keys()
    different = [k for k in builds.cold if builds.cold[k] != builds.clean_again[k]]
    assert different == []


def test_touching_a_notebook_reruns_only_its_reports(builds: Builds) -> None:
    actions = {o.run.id: (o.action, o.reasons) for o in builds.touched.outcomes}
    assert actions == {
        "chart": ("execute", ("notebook",)),
        "chart_small": ("execute", ("notebook",)),
        "broken": ("cached", ()),
    }


def test_second_build_waits_or_refuses_while_one_runs(builds: Builds) -> None:
    class Quiet:
        def waiting(self, holder: str) -> None:
            raise AssertionError("--no-wait must not wait")

    lock = builds.root / ".cache" / "newsbrief" / "build.lock"
    busy = rf"another build \(pid {os.getpid()}\) is running"
    with (
        build_lock(lock, wait=False, progress=Quiet()),  # type: ignore[arg-type]
        pytest.raises(BuildBusy, match=busy),
    ):
        build(BuildOptions(root=builds.root, wait=False))


def test_second_build_waits_for_the_first(builds: Builds) -> None:
    class Recorder:
        def __init__(self) -> None:
            self.waited: list[str] = []

        def planned(self, plan: Any) -> None:
            pass

        def finished(self, outcome: Any) -> None:
            pass

        def waiting(self, holder: str) -> None:
            self.waited.append(holder)

    lock = builds.root / ".cache" / "newsbrief" / "build.lock"
    held, release = threading.Event(), threading.Event()

    def first_build() -> None:
        with build_lock(lock, wait=False, progress=Recorder()):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=first_build)
    holder.start()
    held.wait(10)
    threading.Timer(0.3, release.set).start()
    recorder = Recorder()
    result = build(BuildOptions(root=builds.root), recorder)
    holder.join()
    assert recorder.waited == [str(os.getpid())]
    assert len(result.outcomes) == 3


def test_killed_build_leaves_reports_intact_and_next_build_succeeds(
    builds: Builds, tmp_path: Path
) -> None:
    root = tmp_path / "copy"
    shutil.copytree(builds.root, root)
    before = snapshot(root / "reports")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis.cli", "--root", str(root), "build", "--force", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not list((root / "reports").glob(".staging-*")):
        time.sleep(0.05)
    time.sleep(0.5)  # kernels are starting: the worst moment to die
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {k: v for k, v in snapshot(root / "reports").items() if not k.startswith(".staging")}
    assert after == before
    result = build(BuildOptions(root=root))
    assert not list((root / "reports").glob(".staging-*"))
    assert not list(Path(tempfile.gettempdir()).glob(f"nbk-{proc.pid}-*"))  # its sockets
    assert {o.run.id for o in result.outcomes} == {"chart", "chart_small", "broken"}
    assert snapshot(root / "reports")["index.html"]


def test_a_cell_past_its_timeout_fails_its_report_only(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    nbformat.write(
        notebook(new_code_cell("import time\ntime.sleep(60)")), root / "notebooks" / "slow.ipynb"
    )
    (root / "reports.yaml").write_text(
        "settings: {cell_timeout: 1, workers: 1}\nreports:\n"
        "  - {id: slow, notebook: notebooks/slow.ipynb, title: Slow}\n"
        "  - {id: chart, notebook: notebooks/chart.ipynb, title: Chart}\n"
    )
    result = build(BuildOptions(root=root))
    by_id = {o.run.id: o for o in result.outcomes}
    assert by_id["slow"].status == "failed"
    assert "CellTimeoutError" in by_id["slow"].error
    assert by_id["chart"].status == "ok"  # ran on the restarted kernel
    assert "CellTimeoutError" in (root / "reports" / "slow.html").read_text()


@pytest.mark.browser
def test_page_draws_offline_in_a_real_browser(builds: Builds) -> None:
    """Opened from disk with every request leaving the machine blocked: charts and the base
    map draw, the hostile hover text is shown as text and runs nothing."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    outside: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto((builds.root / "reports" / "chart.html").as_uri())
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length == 2")
            page.wait_for_selector(".geo .layer.land path", state="attached")
            assert page.locator("#chart-chart-3-0 .scatterlayer .point").count() == 3
            page.evaluate(
                "Plotly.Fx.hover(document.getElementById('chart-chart-3-0'),"
                " [{curveNumber: 0, pointNumber: 0}])"
            )
            hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
            assert "</script><script>alert(1)</script> &" in hover
        finally:
            browser.close()
    assert outside == []
    assert dialogs == []
    assert errors == []
