"""Notebooks as text: paired with jupytext scripts in sync, committed clean, thin and typed."""

from __future__ import annotations

import ast
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def code_of(cell: nbformat.NotebookNode) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def notebook(request: pytest.FixtureRequest) -> tuple[Path, nbformat.NotebookNode]:
    path: Path = request.param
    return path, nbformat.read(path, as_version=4)


def test_there_are_notebooks_and_the_run_matrix_uses_each_of_them() -> None:
    matrix = yaml.safe_load((ROOT / "reports.yaml").read_text(encoding="utf-8"))
    used = {Path(r["notebook"]).name for r in matrix["reports"]}
    assert NOTEBOOKS and {p.name for p in NOTEBOOKS} == used


def test_each_notebook_has_a_percent_script_in_sync(
    notebook: tuple[Path, nbformat.NotebookNode],
) -> None:
    path, nb = notebook
    script = path.with_suffix(".py")
    assert script.is_file(), f"pair it: jupytext --set-formats ipynb,py:percent {path.name}"
    assert nb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    paired = jupytext.read(script)
    mine = [(c.cell_type, code_of(c).strip()) for c in nb.cells]
    theirs = [(c.cell_type, code_of(c).strip()) for c in paired.cells]
    assert mine == theirs, f"{path.name} and {script.name} differ: run jupytext --sync"


def test_committed_notebooks_carry_no_outputs(
    notebook: tuple[Path, nbformat.NotebookNode],
) -> None:
    _, nb = notebook
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_one_typed_parameters_cell_and_no_definitions(
    notebook: tuple[Path, nbformat.NotebookNode],
) -> None:
    _, nb = notebook
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged `parameters`"
    params = ast.parse(code_of(tagged[0]))
    assert params.body and all(isinstance(s, ast.AnnAssign) for s in params.body), (
        "parameters are typed assignments: name: type = default  # comment"
    )
    for line in code_of(tagged[0]).splitlines():
        assert "#" in line, f"parameter without a comment: {line!r}"
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(code_of(cell))):
                assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda), (
                    "notebooks stay thin: move definitions into src/analysis"
                )
