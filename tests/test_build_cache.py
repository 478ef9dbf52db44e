"""Cache keys: content hashes of each input, never timestamps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.build import cache


def make_root(tmp_path: Path) -> Path:
    (tmp_path / "data" / "registry").mkdir(parents=True)
    (tmp_path / "data" / "registry" / "actors.yaml").write_text("actors: []\n")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "nb.ipynb").write_text('{"cells": []}')
    return tmp_path


def key(root: Path, params: dict[str, object] | None = None) -> str:
    shared = cache.SharedInputs.of(root)
    return cache.exec_key(cache.run_inputs(root / "nb.ipynb", params or {"a": 1}, shared))


def test_same_inputs_same_key(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    assert key(root) == key(root)


def test_timestamps_do_not_matter(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    before = key(root)
    for path in [root / "nb.ipynb", root / "data" / "registry" / "actors.yaml"]:
        os.utime(path, (1, 1))
    assert key(root) == before


@pytest.mark.parametrize(
    ("change", "input_name"),
    [
        (lambda r: (r / "nb.ipynb").write_text('{"cells": [], "x": 1}'), "notebook"),
        (lambda r: (r / "data" / "registry" / "actors.yaml").write_text("actors: [a]\n"), "data"),
        (lambda r: (r / "data" / "new.csv").write_text("a\n"), "data"),
        (
            lambda r: (r / "data" / "registry" / "actors.yaml").rename(r / "data" / "moved.yaml"),
            "data",
        ),
        (lambda r: (r / "pyproject.toml").write_text("[project]\nname = 'y'\n"), "env"),
        (lambda r: (r / "requirements.lock").write_text("pandas==3.1.1\n"), "env"),
    ],
)
def test_each_input_changes_the_key(tmp_path: Path, change, input_name: str) -> None:
    root = make_root(tmp_path)
    shared = cache.SharedInputs.of(root)
    before = cache.run_inputs(root / "nb.ipynb", {"a": 1}, shared)
    change(root)
    after = cache.run_inputs(root / "nb.ipynb", {"a": 1}, cache.SharedInputs.of(root))
    assert cache.changed(before, after) == [input_name]
    assert cache.exec_key(before) != cache.exec_key(after)


def test_parameters_change_the_key_but_not_their_order(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    assert key(root, {"a": 1, "b": 2}) == key(root, {"b": 2, "a": 1})
    assert key(root, {"a": 1}) != key(root, {"a": 2})
    assert key(root, {"a": 1}) != key(root, {"a": "1"})


def test_requirements_lock_wins_over_pyproject(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "requirements.lock").write_text("x==1\n")
    before = cache.SharedInputs.of(root).env
    (root / "pyproject.toml").write_text("changed")
    assert cache.SharedInputs.of(root).env == before


def test_code_hash_covers_sources_and_templates_not_bytecode(tmp_path: Path) -> None:
    pkg = tmp_path / "analysis"
    (pkg / "build" / "templates").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "build" / "templates" / "page.j2").write_text("a")
    before = cache.tree_hash(pkg, cache.CODE_SUFFIXES)
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (pkg / "notes.txt").write_text("not code")
    assert cache.tree_hash(pkg, cache.CODE_SUFFIXES) == before
    (pkg / "build" / "templates" / "page.j2").write_text("b")
    assert cache.tree_hash(pkg, cache.CODE_SUFFIXES) != before


def test_the_real_package_is_hashed() -> None:
    assert (cache.package_dir() / "build" / "cache.py").is_file()


def test_page_key_separates_presentation_from_execution() -> None:
    assert cache.page_key("e", show_code=True) != cache.page_key("e", show_code=False)
    assert cache.page_key("e", title="a") != cache.page_key("f", title="a")


def test_digest_parts_are_unambiguous() -> None:
    assert cache.digest("ab", "c") != cache.digest("a", "bc")


def test_manifest_round_trip_is_sorted_and_tolerates_garbage(tmp_path: Path) -> None:
    path = tmp_path / "m" / "manifest.json"
    manifest = cache.Manifest(path)
    manifest.runs["b"] = {"z": 1, "a": 2}
    manifest.runs["a"] = {}
    manifest.save()
    text = path.read_text()
    assert text.index('"a": {}') < text.index('"b"')
    assert cache.Manifest.load(path).runs == {"a": {}, "b": {"a": 2, "z": 1}}
    path.write_text("{not json")
    assert cache.Manifest.load(path).runs == {}
