"""Every page of the real build, opened in Chromium from disk and over loopback HTTP.

Each chart is drawn, nothing is logged as an error, no request leaves the machine, every
link resolves, and a screenshot of each page lands in `screenshots/browser/` (git-ignored).
The browser work is done once per module (`visits`); the tests below read what it recorded.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "screenshots" / "browser"
MODES = ("file", "http")

#: Per chart container: the div Plotly drew into, its traces, the trace groups in its SVG,
#: the geo base map (land outlines) and the messages an empty chart shows instead of marks.
CHARTS = """() => {
  const divs = new Set();
  for (const c of document.querySelectorAll('.nb-chart')) divs.add(c);
  for (const gd of document.querySelectorAll('.plotly-graph-div'))
    if (!gd.closest('.nb-chart')) divs.add(gd);
  return [...divs].map(c => {
    const gd = c.matches('.plotly-graph-div') ? c : c.querySelector('.plotly-graph-div');
    if (!gd) return {id: null};
    const types = (gd._fullData || []).map(t => t.type);
    return {
      id: gd.id,
      svg: !!gd.querySelector('.main-svg'),
      traces: Array.isArray(gd.data) ? gd.data.length : 0,
      drawn: gd.querySelectorAll('.main-svg .trace').length,
      geo: types.some(t => t === 'scattergeo' || t === 'choropleth'),
      land: gd.querySelectorAll('.geo .layer.land path').length,
      messages: [...gd.querySelectorAll('.annotation-text')].map(a => a.textContent),
    };
  });
}"""
LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(real_build: Any) -> Iterator[str]:
    """The built reports/ served on 127.0.0.1 at a random port, from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(real_build.project.reports))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@dataclass
class Visit:
    """What one page did in the browser, opened one way."""

    mode: str
    page: str
    status: int | None
    title: str
    charts: list[dict[str, Any]]
    links: list[str]
    console: list[str]
    errors: list[str]
    dialogs: list[str]
    outside: list[str]
    local: list[str]

    @property
    def where(self) -> str:
        return f"{self.page} ({self.mode})"


@pytest.fixture(scope="module")
def pages(real_build: Any) -> list[str]:
    return sorted(p.name for p in real_build.project.reports.glob("*.html"))


@pytest.fixture(scope="module")
def visits(guard: Any, real_build: Any, server: str, pages: list[str]) -> list[Visit]:
    """Every page, from disk then over HTTP, in one reused browser page."""
    reports = real_build.project.reports
    guard.allowed = [server]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    done = []
    for mode in MODES:
        for name in pages:
            url = (reports / name).as_uri() if mode == "file" else server + name
            response = guard.open(url)
            charts = guard.page.evaluate(CHARTS)
            if mode == "file":
                guard.page.screenshot(path=SCREENSHOTS / f"{Path(name).stem}.png", full_page=True)
            done.append(
                Visit(
                    mode,
                    name,
                    response.status if response else None,
                    guard.page.title(),
                    charts,
                    guard.page.evaluate(LINKS),
                    list(guard.console),
                    list(guard.errors),
                    list(guard.dialogs),
                    list(guard.outside),
                    list(guard.local),
                )
            )
    return done


def test_the_real_build_made_every_report_page(real_build: Any, pages: list[str]) -> None:
    listed = real_build.project.newsbrief("list", "--json")
    rows = json.loads(listed.stdout)
    ids = [row["id"] for row in rows]
    assert sorted(pages) == sorted([*(f"{i}.html" for i in ids), "index.html"])
    assert f"done: {len(ids)} pages" in real_build.stdout
    reports = {r["id"] for r in yaml.safe_load((REPO / "reports.yaml").read_text())["reports"]}
    assert {row["report"] for row in rows} == reports  # each report has its page(s)
    assert len(ids) > len(reports)  # and the actor profiles fan out


def test_every_page_opens_both_ways(visits: list[Visit], pages: list[str]) -> None:
    assert len(visits) == 2 * len(pages)
    for visit in visits:
        if visit.mode == "http":
            assert visit.status == 200, visit.where
        assert visit.title, f"{visit.where}: no <title>"


def test_every_chart_is_drawn_with_its_data(visits: list[Visit]) -> None:
    problems = []
    with_data = empty = 0
    for visit in visits:
        for chart in visit.charts:
            where = f"{visit.where} {chart.get('id')}"
            if not chart.get("id") or not chart["svg"]:
                problems.append(f"{where}: not drawn (no Plotly SVG)")
            elif chart["traces"] == 0:
                # An empty selection draws axes and a message saying so (e.g. no dated records).
                if chart["messages"]:
                    empty += 1
                else:
                    problems.append(f"{where}: no traces and no message")
            elif chart["drawn"] != chart["traces"]:
                problems.append(f"{where}: {chart['traces']} traces, {chart['drawn']} drawn")
            elif chart["geo"] and not chart["land"]:
                problems.append(f"{where}: geo chart without its base map")
            else:
                with_data += 1
    assert problems == []
    per_mode = {m: sum(len(v.charts) for v in visits if v.mode == m) for m in MODES}
    assert per_mode["file"] == per_mode["http"] > 40
    assert with_data > empty


def test_no_console_errors_page_errors_or_dialogs(visits: list[Visit]) -> None:
    noisy = [
        (v.where, v.console, v.errors, v.dialogs)
        for v in visits
        if v.console or v.errors or v.dialogs
    ]
    assert noisy == []


def test_no_request_leaves_the_machine(visits: list[Visit], server: str) -> None:
    assert [(v.where, v.outside) for v in visits if v.outside] == []
    # the route saw the page's own loads, so it was in place
    http_loads = {u for v in visits if v.mode == "http" for u in v.local}
    assert f"{server}assets/plotly.min.js" in http_loads
    assert f"{server}assets/topojson/world_110m.js" in http_loads
    assert all(u.startswith(server) for u in http_loads)


def test_every_link_on_the_index_resolves(
    visits: list[Visit], real_build: Any, server: str, pages: list[str]
) -> None:
    index = next(v for v in visits if v.page == "index.html" and v.mode == "http")
    hrefs = [h for h in index.links if not h.startswith("#")]
    assert sorted(hrefs) == sorted(p for p in pages if p != "index.html")
    for href in hrefs:
        assert (real_build.project.reports / href).is_file(), href
        with urllib.request.urlopen(server + href, timeout=10) as response:
            assert response.status == 200, href


def test_every_local_link_on_every_page_resolves(visits: list[Visit], real_build: Any) -> None:
    """Pages link back to the index, to their executed notebook and (briefing) to others."""
    broken = []
    for visit in (v for v in visits if v.mode == "file"):
        for href in visit.links:
            target = urllib.parse.urlsplit(href)
            if target.scheme or target.netloc or not target.path:
                continue  # an anchor on the page, or a page elsewhere a reader may follow
            if not (real_build.project.reports / urllib.parse.unquote(target.path)).is_file():
                broken.append((visit.page, href))
    assert broken == []


def test_a_screenshot_of_each_page_is_saved(visits: list[Visit], pages: list[str]) -> None:
    for name in pages:
        shot = SCREENSHOTS / f"{Path(name).stem}.png"
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot
