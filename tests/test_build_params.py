"""The parameters cell read without a kernel, and the checks that run before any kernel starts."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.build.params import check, inspect_source, matches, notebook_parameters
from analysis.errors import ConfigError

CELL = """\
issue_id: str = "black_sea_grain_initiative"  # issue to chart
limit: int = 10  # rows at most
ratio: float = 0.5
names: list[str] = []  # actors to include
maybe: str | None = None
mode: Literal["bar", "dot"] = "bar"
untyped = 3  # type inferred from the default
anything = None
import os  # not a parameter
"""


def write(path: Path, source: str | None) -> Path:
    cells = [new_markdown_cell("# Title")]
    if source is not None:
        cell = new_code_cell(source)
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells.append(new_code_cell("print(1)"))
    nbformat.write(new_notebook(cells=cells), path)
    return path


def test_inspect_reads_names_types_defaults_and_help() -> None:
    params = inspect_source(CELL)
    assert list(params) == [
        "issue_id",
        "limit",
        "ratio",
        "names",
        "maybe",
        "mode",
        "untyped",
        "anything",
    ]
    assert params["issue_id"].type == "str"
    assert params["issue_id"].default == "'black_sea_grain_initiative'"
    assert params["issue_id"].help == "issue to chart"
    assert params["untyped"].type == "int"
    assert params["anything"].type == "Any"
    assert params["names"].type == "list[str]"


def test_notebook_without_parameters_cell(tmp_path: Path) -> None:
    assert notebook_parameters(write(tmp_path / "nb.ipynb", None)) is None


def test_unparsable_parameters_cell_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot parse"):
        notebook_parameters(write(tmp_path / "nb.ipynb", "x: int = (\n"))


@pytest.mark.parametrize(
    ("annotation", "value", "ok"),
    [
        ("str", "a", True),
        ("str", 1, False),
        ("int", 1, True),
        ("int", True, False),
        ("int", 1.5, False),
        ("float", 1, True),
        ("float", 1.5, True),
        ("float", "1.5", False),
        ("bool", False, True),
        ("bool", 0, False),
        ("list[str]", ["a", "b"], True),
        ("list[str]", ["a", 1], False),
        ("list", [1], True),
        ("dict[str, int]", {"a": 1}, True),
        ("dict[str, int]", {"a": "x"}, False),
        ("str | None", None, True),
        ("str | None", 3, False),
        ("Optional[int]", None, True),
        ("Literal['bar', 'dot']", "dot", True),
        ("Literal['bar', 'dot']", "pie", False),
        ("'int'", 3, True),
        ("Any", object(), True),
        ("pathlib.Path", "x", True),  # unknown types are not checked
    ],
)
def test_matches(annotation: str, value: Any, ok: bool) -> None:
    assert matches(value, ast.parse(annotation, mode="eval").body) is ok


def test_unknown_name_lists_the_valid_ones_and_suggests() -> None:
    problems = check("grain", "notebooks/g.ipynb", inspect_source(CELL), {"isue_id": "x"})
    assert len(problems) == 1
    assert "has no parameter 'isue_id'" in problems[0]
    assert "Did you mean 'issue_id'?" in problems[0]
    assert "issue_id: str = 'black_sea_grain_initiative'  # issue to chart" in problems[0]
    assert "limit: int = 10" in problems[0]


def test_wrong_type_names_expected_and_given() -> None:
    problems = check(
        "grain",
        "notebooks/g.ipynb",
        inspect_source(CELL),
        {"limit": "ten", "untyped": 2.5, "issue_id": "ok"},
    )
    assert len(problems) == 2
    assert "parameter 'limit' of notebooks/g.ipynb expects int, got str 'ten'" in problems[0]
    assert "parameter 'untyped' of notebooks/g.ipynb expects int, got float 2.5" in problems[1]


def test_parameters_for_a_notebook_without_parameters_cell() -> None:
    problems = check("r", "notebooks/n.ipynb", None, {"x": 1})
    assert "has no cell tagged 'parameters'" in problems[0]


def test_no_parameters_given_is_fine() -> None:
    assert check("r", "notebooks/n.ipynb", None, {}) == []
