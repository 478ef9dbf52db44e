"""Pieces of the page rendering that need no kernel: script-safe JSON and remote-load detection."""

from __future__ import annotations

import json

import pytest

from analysis.build.render import remote_loads, script_json

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- x",
    "a & b",
    "line\u2028sep\u2029",
    "<b>x</b>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_cannot_break_out_and_round_trips(text: str) -> None:
    encoded = script_json({"hovertext": [text]})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in encoded
    assert json.loads(encoded) == {"hovertext": [text]}


def test_script_json_is_deterministic() -> None:
    assert script_json({"b": 1, "a": [1.5, None]}) == '{"a":[1.5,null],"b":1}'


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (
            '<script src="https://cdn.plot.ly/plotly.js"></script>',
            ["https://cdn.plot.ly/plotly.js"],
        ),
        ("<link rel=stylesheet href='http://x.org/a.css'>", ["http://x.org/a.css"]),
        ('<img alt="" src="//cdn.example/x.png">', ["//cdn.example/x.png"]),
        ('<script src="assets/plotly.min.js"></script>', []),
        ('<a href="https://example.org">a link is not a load</a>', []),
    ],
)
def test_remote_loads(html: str, found: list[str]) -> None:
    assert remote_loads(html) == found
