"""Hostile data kept inert: markup in the data and the run matrix is shown as text, never run.

`tests/fixtures/hostile/` is a complete project whose free text carries `<script>` tags,
`</script>` break-outs, event-handler attributes, `javascript:` links, a Plotly `<a href>`,
HTML entities and the right-to-left override. It is built with the repository's notebooks and
every page is opened in Chromium: nothing runs, no dialog opens, nothing is fetched, and the
strings appear as the text they are, in titles, prose, tables, chart hover text, the index and
the page of the report that fails on purpose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
REPO = Path(__file__).resolve().parents[1]

SCRIPT = "<script>window.__pwned=1</script>"
BREAK_OUT = "</script><script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '<svg onload="window.__pwned=1">'
JS_LINK = "javascript:window.__pwned=1"
PLOTLY_LINK = '<a href="https://evil.invalid/">site</a>'
RLO, PDF = "\u202e", "\u202c"  # right-to-left override, pop directional formatting
EVIL = f"{RLO}Evil Agent{PDF} &lt;b&gt; {PLOTLY_LINK}"  # an actor's name

#: (page, where on it, text that must be there verbatim, as text)
SHOWN_AS_TEXT = [
    ("index.html", "report title", f"Positions {SCRIPT}"),
    ("index.html", "report description", f"Where actors stand {IMG} [click]({JS_LINK})"),
    ("index.html", "fan-out title with an actor's name", f"Profile: Dronia {SCRIPT} {SCRIPT}"),
    ("index.html", "parameter value", f"sources = {SCRIPT}{IMG}"),
    ("index.html", "error of the failed report", f"unknown source id(s) {SCRIPT}{IMG}"),
    ("grain_positions.html", "prose: the issue's proposition", f"The talks should go ahead {IMG}"),
    ("grain_positions.html", "table: position", f"Backs the talks {IMG}"),
    ("grain_positions.html", "table: conditions", f"sanctions lifted {BREAK_OUT}"),
    ("grain_positions.html", "table: quote with entities", "the claim &lt;b&gt;bold&lt;/b&gt;"),
    ("grain_positions.html", "table: stance scale", f"against {BREAK_OUT}"),
    (
        "briefing.html",
        "prose: source publisher and title",
        f"Payload Press {IMG}, \u201cHostile {SCRIPT} brief {RLO}gnp.exe &lt;b&gt;\u201d",
    ),
    (
        "claims.html",
        "table: quote breaking out of a script",
        f"\u201cWe saw nothing {BREAK_OUT},\u201d the Rivalian Foreign Ministry said",
    ),
    ("claims.html", "table: unnamed speaker", f"officials \"'>{SCRIPT}"),
    ("claims.html", "table: relaying outlet", f"The Daily Payload {SVG}"),
    ("security_incidents.html", "table: place", f"Kapital {SCRIPT}"),
    ("security_incidents.html", "table: outcome", f"intercepted {IMG}"),
    ("security_incidents.html", "table: claim content", f"Dronia {SCRIPT} says it intercepted"),
    ("briefing.html", "table: coordinates note", f"by hand {BREAK_OUT} [map]({JS_LINK})"),
    ("arms_signals.html", "table: event summary", f"Rivalia might supply shells {BREAK_OUT}"),
    ("arms_signals.html", "description", f'{JS_LINK} <script>alert("pwned")</script>'),
    ("actor_network.html", "table: actor name", EVIL),
    (
        "actor_profile-dronia.html",
        "table: summary with a markdown link",
        f"see [details]({JS_LINK})",
    ),
    (
        "actor_profile-evil_minister.html",
        "table: registry office",
        f"Minister of [links]({JS_LINK})",
    ),
    ("actor_profile-evil_minister.html", "prose: the name in bold", f"{EVIL} in 1 source(s)"),
    ("claims_broken.html", "failure: the error", f"unknown source id(s) {SCRIPT}{IMG}"),
    ("source-hostile-brief.html", "source text: a script tag", f"Dronia {SCRIPT} said on Monday"),
    (
        "source-hostile-brief.html",
        "source text: a quote breaking out of a script",
        f"\u201cWe saw nothing {BREAK_OUT},\u201d the Rivalian Foreign Ministry said",
    ),
    ("source-hostile-brief.html", "source text: entities", "the claim &lt;b&gt;bold&lt;/b&gt;"),
    ("source-hostile-brief.html", "source text: a javascript: URL", f"details at {JS_LINK} were"),
    ("source-hostile-brief.html", "metadata: the URL", f'https://example.invalid/">{SCRIPT}'),
    ("source-hostile-brief.html", "records: a summary", f"Rivalia might supply shells {BREAK_OUT}"),
]

#: Everything a report must not contain or do, read off the live page.
PROBE = """() => {
  const attributes = [];
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes)
      if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
        attributes.push(el.tagName + ' ' + a.name + '=' + a.value);
  return {
    pwned: typeof window.__pwned,
    attributes,
    scripts: [...document.scripts].map(s => s.getAttribute('src')
      ? 'src ' + s.getAttribute('src') : 'inline ' + s.text.trim().slice(0, 15)),
    images: document.images.length,
    svgLinks: [...document.querySelectorAll('.plotly-graph-div a')]
      .map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))
      .filter(h => h !== null),
    svgTexts: [...document.querySelectorAll('.main-svg text')].map(t => t.textContent),
  };
}"""

#: Strings of each chart that Plotly reads as markup (hover text, labels, titles, legend).
MARKUP = """() => {
  const out = [];
  const FIELDS = new Set(['text', 'hovertext', 'hovertemplate', 'texttemplate', 'name',
                          'ticktext']);
  const walk = (v, path, markup) => {
    if (typeof v === 'string') { if (markup) out.push([path, v]); return; }
    if (Array.isArray(v)) { v.forEach((x, i) => walk(x, path + '[' + i + ']', markup)); return; }
    if (v && typeof v === 'object')
      for (const k of Object.keys(v))
        if (!k.startsWith('_')) walk(v[k], path + '.' + k, markup || FIELDS.has(k));
  };
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    walk(gd.data, gd.id + '.data', false);
    walk(gd.layout, gd.id + '.layout', false);
  }
  return out;
}"""


@dataclass
class Seen:
    """One page of the hostile build as the browser saw it."""

    page: str
    title: str
    text: str
    probe: dict[str, Any]
    markup: list[tuple[str, str]]
    dialogs: list[str]
    errors: list[str]
    outside: list[str]
    local: list[str]


@dataclass
class HostileBuild:
    root: Path
    status: int
    stdout: str
    runs: list[dict[str, Any]]
    seen: dict[str, Seen]


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, guard: Any, project_from: Any
) -> HostileBuild:
    """The hostile project built with the repository's notebooks, every page opened."""
    project = project_from(
        tmp_path_factory.mktemp("hostile") / "project", source=HOSTILE, notebooks=REPO / "notebooks"
    )
    done = project.newsbrief("build")
    runs = json.loads(project.newsbrief("list", "--json").stdout)
    seen = {}
    for path in sorted(project.reports.glob("*.html")):
        guard.open(path.as_uri())
        seen[path.name] = Seen(
            path.name,
            guard.page.title(),
            guard.page.inner_text("body"),
            guard.page.evaluate(PROBE),
            [tuple(m) for m in guard.page.evaluate(MARKUP)],
            list(guard.dialogs),
            list(guard.errors) + list(guard.console),
            list(guard.outside),
            list(guard.local),
        )
    return HostileBuild(project.root, done.returncode, done.stdout + done.stderr, runs, seen)


def test_the_build_fails_only_the_report_planted_to_fail(hostile: HostileBuild) -> None:
    assert hostile.status == 1, hostile.stdout
    assert "FAILED: 13 pages" in hostile.stdout
    assert f"claims_broken: NewsbriefError: unknown source id(s) {SCRIPT}{IMG}" in hostile.stdout
    assert hostile.stdout.count("FAILED ") == 1  # one failed page line
    assert len(hostile.seen) == 14  # 13 pages and the index


def test_no_page_runs_a_payload_opens_a_dialog_or_fetches_anything(
    hostile: HostileBuild,
) -> None:
    for name, seen in hostile.seen.items():
        assert seen.probe["pwned"] == "undefined", name
        assert seen.dialogs == [], name
        assert seen.errors == [], name
        assert seen.outside == [], name
        fetched = {u.rsplit("/reports/", 1)[-1] for u in seen.local}
        assert fetched <= {
            name,
            "assets/newsbrief.css",
            "assets/plotly.min.js",
            "assets/topojson/world_110m.js",
            "assets/topojson/world_50m.js",
        }, name


def test_no_markup_from_the_data_reaches_the_document(hostile: HostileBuild) -> None:
    """No event-handler attribute, no javascript: URL, no image, no script but the site's."""
    for name, seen in hostile.seen.items():
        probe = seen.probe
        assert probe["attributes"] == [], name
        assert probe["images"] == 0, name
        for script in probe["scripts"]:
            assert script in {
                "src assets/plotly.min.js",
                "src assets/topojson/world_110m.js",
                "src assets/topojson/world_50m.js",
                "inline Plotly.newPlot(",
            }, (name, script)


@pytest.mark.parametrize(
    ("page", "where", "text"), SHOWN_AS_TEXT, ids=[f"{p}:{w}" for p, w, _ in SHOWN_AS_TEXT]
)
def test_hostile_strings_are_shown_as_text(
    hostile: HostileBuild, page: str, where: str, text: str
) -> None:
    assert text in hostile.seen[page].text, f"{where}: {text!r} not shown on {page}"


def test_titles_descriptions_and_parameters_stay_text(hostile: HostileBuild) -> None:
    for run in hostile.runs:
        seen = hostile.seen[f"{run['id']}.html"]
        assert seen.title == run["title"]
        header = seen.text.split("data version", 1)[0]
        assert run["title"] in header
        assert run["description"] in header
        for name, value in run["parameters"].items():
            assert f"{name}\n{value}" in header or f"{name}\t{value}" in header, (name, header)
    profile = next(r for r in hostile.runs if r["id"] == "actor_profile-evil_minister")
    assert profile["title"] == f"Profile: {EVIL} {SCRIPT}"


def test_chart_markup_carries_the_data_escaped(hostile: HostileBuild) -> None:
    """Hover text, labels and titles are Plotly markup: data must reach them escaped."""
    raw = ("<script", "</script", "<img", "<svg", "<a href")
    hover = []
    for name, seen in hostile.seen.items():
        for path, value in seen.markup:
            assert not any(tag in value for tag in raw), (name, path, value)
            if ".hovertext" in path:
                hover.append(value.replace("<br>", " "))
    assert any("&lt;script&gt;window.__pwned=1&lt;/script&gt;" in h for h in hover)
    assert any("&lt;/script&gt;&lt;script&gt;window.__pwned=1" in h for h in hover)
    assert any("&amp;lt;b&amp;gt;" in h for h in hover)  # an entity in the data stays one
    assert any(RLO in h for h in hover)


def test_drawn_charts_show_the_text_and_make_no_links(hostile: HostileBuild) -> None:
    for name, seen in hostile.seen.items():
        assert seen.probe["svgLinks"] == [], name
        # an entity the data holds is drawn as the entity, never decoded to markup
        assert not [t for t in seen.probe["svgTexts"] if "<b>" in t], name
    # the "who appears most" bars are labelled with the names (long ones wrap onto two lines)
    labels = [t.replace(" ", "") for t in hostile.seen["briefing.html"].probe["svgTexts"]]
    assert EVIL.replace(" ", "") in labels
    assert f"Dronia{SCRIPT}" in labels


def test_hovering_a_mark_shows_the_payload_as_text(hostile: HostileBuild, guard: Any) -> None:
    guard.open((hostile.root / "reports" / "grain_positions.html").as_uri())
    shown = []
    for point in (0, 1):
        guard.page.evaluate(
            "p => Plotly.Fx.hover(document.querySelector('.js-plotly-plot'),"
            " [{curveNumber: 0, pointNumber: p}])",
            point,
        )
        shown.append(guard.page.locator(".hoverlayer .hovertext").first.text_content() or "")
    hover = " ".join(shown)
    assert f"Backs the talks {IMG}" in hover
    assert "sanctions lifted </script><script>" in hover
    assert "&lt;b&gt;" in hover and PLOTLY_LINK in hover
    assert guard.page.locator(".hoverlayer a").count() == 0
    assert guard.page.evaluate("typeof window.__pwned") == "undefined"
    assert guard.dialogs == [] and guard.errors == []


def test_the_failed_report_shows_the_hostile_traceback_as_text(hostile: HostileBuild) -> None:
    seen = hostile.seen["claims_broken.html"]
    assert "This report failed to build" in seen.text
    failure = seen.text.split("This report failed to build", 1)[1]
    assert f"NewsbriefError: unknown source id(s) {SCRIPT}{IMG}" in failure
    assert "Traceback" in failure
    assert seen.probe["pwned"] == "undefined"


def test_the_page_for_a_run_that_never_ran_keeps_hostile_text_inert(guard: Any) -> None:
    """site.failed_html: the page written when there is no executed notebook at all."""
    from analysis.build.matrix import Run
    from analysis.build.site import failed_html

    run = Run(
        id="x",
        report="x",
        notebook=Path("nb.ipynb"),
        notebook_rel=f"nb{SCRIPT}.ipynb",
        title=f"T {SCRIPT}",
        description=f"D {IMG}",
        parameters={"p": BREAK_OUT},
    )
    html = failed_html(run, f"v{SCRIPT}", f"E{IMG}", f"boom {BREAK_OUT}", f"tb {SVG} {JS_LINK}")
    guard.reset()
    guard.page.set_content(html)
    text = guard.page.inner_text("body")
    for shown in (
        f"T {SCRIPT}",
        f"D {IMG}",
        BREAK_OUT,
        f"E{IMG}",
        f"boom {BREAK_OUT}",
        f"tb {SVG} {JS_LINK}",
        f"nb{SCRIPT}.ipynb",
        f"v{SCRIPT}",
    ):
        assert shown in text
    assert guard.page.title() == f"T {SCRIPT}"
    probe = guard.page.evaluate(PROBE)
    assert probe["pwned"] == "undefined" and probe["attributes"] == []
    assert probe["scripts"] == [] and probe["images"] == 0
    assert guard.dialogs == [] and guard.errors == [] and guard.outside == []
