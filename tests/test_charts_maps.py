"""Offline maps: checked on fig.data and fig.layout (Scattergeo only, nothing fetched)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts.maps import OUTCOME_LOOK, geo_layout, incident_map, places_map
from analysis.errors import NewsbriefError

PLACES = pd.DataFrame(
    {
        "place_id": ["vlad", "vlad", "stock"],
        "place": ["Vladivostok", "Vladivostok", "Stockholm <b>"],
        "kind": ["city", "city", "city"],
        "country_iso3": ["RUS", "RUS", "SWE"],
        "precision": ["town", "town", "town"],
        "coord_note": ["", "", ""],
        "lat": [43.1, 43.1, 59.3],
        "lon": [131.9, 131.9, 18.1],
        "n_events": [2, 2, 1],
        "event_id": ["talks", "visit", "trial"],
        "summary": ["Talks <script>alert(1)</script>", "Visit", "Trial"],
        "status_group": ["happened", "planned", "happened"],
        "who": ["Putin, Kim", "Kim → Putin", "Sweden"],
        "source_id": ["src"] * 3,
        "quote": ["before talks", "plans to visit", "trial started"],
        "quote_start": [1, 20, 50],
        "quote_end": [13, 34, 63],
    }
)

INCIDENTS = pd.DataFrame(
    {
        "event_id": ["kaluga", "romania", "ports", "condemn"],
        "summary": [
            "Drone intercepted",
            "Drones may have hit <i>Romania</i>",
            "Ports attacked",
            "Romania condemned",
        ],
        "status": ["factual", "hypothetical", "factual", "factual"],
        "status_group": ["happened", "possible", "happened", "happened"],
        "outcome": ["intercepted", "fell and detonated (disputed)", "", ""],
        "outcome_class": ["intercepted", "fell", "not stated", "not stated"],
        "disputed": [False, True, False, False],
        "date_text": ["early Tuesday", "overnight", "overnight", ""],
        "date_start": ["2023-09-05", "", "", ""],
        "granularity": ["day", "unknown", "unknown", "unknown"],
        "who": ["Unidentified → Russia", "Russia → Romania", "Russia → Ukraine", "Romania"],
        "place_id": ["kaluga", "romania", "ports", ""],
        "place": ["Kaluga Oblast", "Romania", "Danube ports", ""],
        "country_iso3": ["RUS", "ROU", "UKR", ""],
        "precision": ["admin1", "country", "area", ""],
        "coord_note": ["", "", "", ""],
        "lat": [54.5, 45.9, 45.35, float("nan")],
        "lon": [36.3, 25.0, 28.8, float("nan")],
        "n_claims": [1, 2, 0, 0],
        "claims_said": ["Russian MoD asserts", "Romanian MoD denies; Nikolenko asserts", "", ""],
        "source_id": ["src"] * 4,
        "quote": [
            "intercepted a drone",
            "“fell and detonated” <script>",
            "attack on ports",
            "condemned",
        ],
        "quote_start": [100, 200, 300, 400],
        "quote_end": [119, 230, 315, 409],
    }
)


def test_places_map_is_one_geo_marker_per_place_listing_its_events() -> None:
    fig = places_map(PLACES, title="Where")
    (trace,) = fig.data
    assert trace.type == "scattergeo"
    assert list(trace.lat) == [43.1, 59.3] and list(trace.lon) == [131.9, 18.1]
    assert [list(c) for c in trace.customdata] == [
        ["vlad", "talks;visit", "1:13;20:34"],
        ["stock", "trial", "50:63"],
    ]
    assert trace.marker.size[0] > trace.marker.size[1]
    vlad = trace.hovertext[0]
    assert "before talks" in vlad and "plans to visit" in vlad and "src [20:34]" in vlad
    assert "Kim → Putin" in vlad and "2 events at the place" in vlad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in vlad and "<script>" not in vlad
    assert "Stockholm &lt;b&gt;" in trace.hovertext[1]
    assert fig.layout.title.text == "Where"


def test_maps_are_offline_scattergeo_with_borders_and_fixed_bounds() -> None:
    for fig in (places_map(PLACES, title="a"), incident_map(INCIDENTS, title="b")):
        geo = fig.layout.geo
        assert geo.showcountries is True and geo.resolution in (50, 110)
        assert geo.lataxis.range and geo.lonaxis.range
        assert {t.type for t in fig.data} == {"scattergeo"}
        dumped = fig.to_json()
        assert "topojsonURL" not in dumped and "mapbox" not in dumped
        assert "http" not in dumped
        assert fig.layout.template.layout.colorway  # the newsbrief template


def test_geo_layout_pads_the_points_and_refuses_other_resolutions() -> None:
    geo = geo_layout([45.0, 55.0], [25.0, 37.0], resolution=50, pad=3.0)
    lat, lon = geo["lataxis"]["range"], geo["lonaxis"]["range"]
    assert lat[0] < 45.0 and lat[1] > 55.0 and lon[0] < 25.0 and lon[1] > 37.0
    world = geo_layout([21.5, 43.1], [-77.8, 131.9])
    assert world["lonaxis"]["range"] == [-180.0, 180.0]
    with pytest.raises(NewsbriefError, match="map resolution 10: expected one of 50, 110"):
        geo_layout([0.0], [0.0], resolution=10)


def test_incident_outcomes_set_colour_and_symbol_possible_ones_are_open() -> None:
    fig = incident_map(INCIDENTS, title="Incidents")
    by_name = {t.name: t for t in fig.data}
    assert {"intercepted", "fell", "not stated"} <= set(by_name)
    fell = by_name["fell"]
    assert fell.marker.color == OUTCOME_LOOK["fell"]["color"]
    assert list(fell.marker.symbol) == ["triangle-down-open"]  # only possible: open
    assert list(fell.marker.line.width) == [3]  # disputed: thick outline
    assert list(by_name["intercepted"].marker.symbol) == ["circle"]
    assert any(n.startswith("open marker: possible") for n in by_name)
    ids = {c[0] for t in fig.data for c in (t.customdata or [])}
    assert ids == {"kaluga", "romania", "ports"}  # "condemn" has no place
    assert [list(c) for c in fell.customdata] == [["romania", 200, 230]]
    assert fig.layout.legend.title.text == "Outcome: "


def test_incident_hover_has_quote_claims_precision_and_escapes() -> None:
    fig = incident_map(INCIDENTS, title="t")
    fell = next(t for t in fig.data if t.name == "fell")
    text = fell.hovertext[0]
    assert "“fell and detonated” &lt;script&gt;" in text and "<script>" not in text
    assert "Drones may have hit &lt;i&gt;Romania&lt;/i&gt;" in text
    assert "Romanian MoD denies; Nikolenko asserts" in text
    assert "approximate: the country's centre" in text
    assert "src [200:230]" in text and "Russia → Romania" in text


def test_no_mapped_incidents_gives_a_titled_empty_map() -> None:
    fig = incident_map(INCIDENTS[INCIDENTS["place"] == ""], title="None")
    assert fig.layout.geo.showcountries is True
    assert "No incidents" in fig.layout.annotations[0].text
    assert not places_map(PLACES.iloc[0:0], title="x").data[0].lat
