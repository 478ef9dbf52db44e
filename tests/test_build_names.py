"""Output names: every value becomes a slug, and no name can leave reports/."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.build.names import is_slug, output_path, slugify
from analysis.errors import BuildError


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("vladimir_putin", "vladimir_putin"),
        ("Vladimir Putin", "vladimir-putin"),
        ("../../etc/passwd", "etc-passwd"),
        ("/abs/path", "abs-path"),
        ("Erdoğan", "erdogan"),
        ("a<script>b", "a-script-b"),
        (42, "42"),
        ("index", "index-report"),
        ("assets", "assets-report"),
    ],
)
def test_slugify(value: object, slug: str) -> None:
    assert slugify(value) == slug
    assert is_slug(slug)


def test_degenerate_values_get_distinct_safe_names() -> None:
    values = ["", "...", "///", "日本", "x" * 200, "x" * 201]
    slugs = [slugify(v) for v in values]
    assert all(is_slug(s) for s in slugs)
    assert len(set(slugs)) == len(values)


@pytest.mark.parametrize("name", ["../escape", "a/b", "index", "assets", "", ".hidden", "A"])
def test_output_path_refuses_non_slugs(tmp_path: Path, name: str) -> None:
    with pytest.raises(BuildError, match="refusing to write"):
        output_path(tmp_path, name, ".html")


def test_output_path_stays_in_folder(tmp_path: Path) -> None:
    assert output_path(tmp_path, "grain_positions", ".html") == tmp_path / "grain_positions.html"
