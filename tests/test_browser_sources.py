"""Source pages in Chromium: every highlight leads to its record, drafts show as drafts.

The real build (conftest's `real_build`) gives the page of the seed article; a copy of the
project with two records turned back into drafts shows them on the source page only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SEED = "wapo-2023-09-05-kim-putin-arms"
PAGE = f"source-{SEED}.html"
ANNOTATIONS = f"data/annotations/{SEED}.yaml"
#: A claim and an event no reviewed record refers to: they can go back to being drafts.
DRAFTED = {"claim": "officials_vladivostok_venue", "event": "russia_bolsters_weapons_supplies"}

#: Every link of the text and of the records table, and whether its target exists.
LINKS = """() => {
  const links = [...document.querySelectorAll('.nb-source-text a, .nb-records a')];
  return links.map(a => ({
    cls: a.className, href: a.getAttribute('href'),
    target: !!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))),
    records: (a.dataset.records || '').split(' ').filter(Boolean),
  }));
}"""
#: Whether the element with this id is inside the viewport after the click scrolled to it.
IN_VIEW = """id => {
  const r = document.getElementById(id).getBoundingClientRect();
  return r.top >= -1 && r.top < window.innerHeight && location.hash === '#' + id;
}"""


@pytest.fixture(scope="module")
def page(guard: Any, real_build: Any) -> Any:
    guard.open((real_build.project.reports / PAGE).as_uri())
    return guard


def test_the_build_makes_a_source_page_the_index_lists(real_build: Any) -> None:
    reports = real_build.project.reports
    assert (reports / PAGE).is_file()
    index = (reports / "index.html").read_text("utf-8")
    assert f'href="{PAGE}"' in index
    assert "Source: Russia-Ukraine war news" in index


def test_every_link_of_the_page_has_its_target(page: Any) -> None:
    links = page.page.evaluate(LINKS)
    assert len(links) > 100
    assert [link for link in links if not link["target"]] == []
    rows = page.page.eval_on_selector_all(".nb-records tbody tr", "rs => rs.map(r => r.id)")
    linked = {link["href"][1:] for link in links if "nb-ref" in link["cls"]}
    assert rows and set(rows) == linked  # each record has its marker in the text
    for link in links:  # a highlight names every record that covers it, its link among them
        if "nb-hl" in link["cls"]:
            assert link["href"][1:] in link["records"], link


def test_clicking_a_highlight_scrolls_to_its_record(page: Any) -> None:
    highlights = page.page.locator(".nb-source-text a.nb-hl")
    count = highlights.count()
    assert count > 50
    for i in range(count):
        link = highlights.nth(i)
        target = (link.get_attribute("href") or "")[1:]
        page.page.evaluate("window.scrollTo(0, 0)")
        link.click()
        assert page.page.evaluate(IN_VIEW, target), (i, target)
    markers = page.page.locator(".nb-source-text a.nb-ref")
    for i in range(markers.count()):
        target = (markers.nth(i).get_attribute("href") or "")[1:]
        markers.nth(i).click()
        assert page.page.evaluate(IN_VIEW, target), target
        back = page.page.locator(f'[id="{target}"] a').first  # and the row leads back
        back_to = (back.get_attribute("href") or "")[1:]
        back.click()
        assert page.page.evaluate(IN_VIEW, back_to), back_to


def test_overlapping_quotes_show_every_kind(page: Any) -> None:
    overlaps = page.page.eval_on_selector_all(
        ".nb-source-text a.nb-hl.nb-k-event.nb-k-claim",
        "els => els.map(e => [e.title, getComputedStyle(e).backgroundImage])",
    )
    assert overlaps
    for title, background in overlaps:
        assert "event" in title and "claim" in title
        assert background.startswith("linear-gradient"), background  # one band per kind


def test_the_page_loads_nothing_from_elsewhere_and_logs_no_error(page: Any) -> None:
    assert page.outside == []
    assert page.console == [] and page.errors == [] and page.dialogs == []
    assert {u.rsplit("/reports/", 1)[-1] for u in page.local} == {
        PAGE,
        "assets/newsbrief.css",
        "assets/plotly.min.js",  # the site's one shared bundle, for the records chart
    }


def test_the_records_chart_draws_a_bar_per_record(page: Any) -> None:
    bars = page.page.eval_on_selector_all(".js-plotly-plot .bars .point", "els => els.length")
    rows = page.page.eval_on_selector_all("table tr[id^='rec-']", "els => els.length")
    assert rows and bars == rows


def test_the_text_is_shown_whole_with_its_paragraphs(page: Any, real_build: Any) -> None:
    from analysis import load

    text = load(real_build.project.root).texts[SEED]
    shown = page.page.evaluate(
        """() => { const t = document.querySelector('.nb-source-text').cloneNode(true);
        t.querySelectorAll('.nb-ref').forEach(r => r.remove()); return t.textContent; }"""
    )
    assert shown == text
    assert page.page.eval_on_selector(".nb-source-text", "e => getComputedStyle(e).whiteSpace") \
        == "pre-wrap"  # fmt: skip


def test_a_phone_width_needs_no_sideways_scroll(browser: Any, real_build: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto((real_build.project.reports / PAGE).as_uri(), wait_until="load")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        column = tab.eval_on_selector(".nb-source-text", "e => e.getBoundingClientRect().width")
        assert column <= 390
    finally:
        context.close()


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory, project_from: Any) -> Path:
    """The project with two records back to drafts, built with the claims and source pages."""
    project = project_from(tmp_path_factory.mktemp("drafted") / "project")
    path = project.root / ANNOTATIONS
    text = path.read_text("utf-8")
    for record in DRAFTED.values():
        text, n = re.subn(
            rf"(\n  - id: {record}\n)", r"\1    draft: true\n    confidence: 0.62\n", text
        )
        assert n == 1, record
    path.write_text(text, "utf-8")
    (project.root / "reports.yaml").write_text(
        "reports:\n"
        "  - {id: claims, notebook: notebooks/claims.ipynb, title: Claims}\n"
        "  - id: source\n    notebook: notebooks/source.ipynb\n    title: 'Source: {label}'\n"
        "    fan_out: {param: source_id, values: sources}\n",
        "utf-8",
    )
    done = project.newsbrief("build", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    return project.reports


def test_drafts_show_as_drafts_on_the_source_page_only(guard: Any, drafted: Path) -> None:
    guard.open((drafted / PAGE).as_uri())
    for kind, record in DRAFTED.items():
        anchor = f"rec-{kind}-{record}"
        marker = guard.page.locator(f'[id="at-{kind}-{record}"]')
        assert "draft" in marker.inner_text().lower()  # the tag, as text
        highlight = guard.page.locator(f'.nb-source-text a.nb-hl[href="#{anchor}"]').first
        assert highlight.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
        row = guard.page.locator(f'[id="{anchor}"]')
        assert "draft" in row.inner_text().lower() and "0.62" in row.inner_text()
    reviewed = guard.page.locator(".nb-source-text a.nb-hl:not(.nb-draft)").first
    assert reviewed.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    assert guard.errors == [] and guard.console == [] and guard.outside == []
    # the other reports keep leaving drafts out
    claims = (drafted / "claims.html").read_text("utf-8")
    assert "Putin and Kim will probably meet in Vladivostok" not in claims
    assert "Putin and Kim will probably meet in Vladivostok" in (drafted / PAGE).read_text("utf-8")
