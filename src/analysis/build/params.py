"""A notebook's `parameters` cell, read without a kernel, and the checks of values against it."""

from __future__ import annotations

import ast
import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import ConfigError

PARAMETERS_TAG = "parameters"


class ParameterError(ConfigError):
    """Parameters given for a report do not fit its notebook's `parameters` cell."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        n = len(problems)
        head = f"{n} parameter problem{'s' if n != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Parameter:
    """One name the `parameters` cell defines, with its declared or inferred type."""

    name: str
    type: str  # annotation as written (`str`, `list[str]`, `int | None`) or the default's type
    default: str  # the default as written in the cell
    help: str  # the trailing comment, if any
    annotation: ast.expr | None = None

    def describe(self) -> str:
        text = f"{self.name}: {self.type} = {self.default}"
        return f"{text}  # {self.help}" if self.help else text


def read_notebook_json(path: Path) -> dict[str, Any]:
    """The notebook as plain JSON (no nbformat: this runs on the no-kernel path)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the notebook: {exc}") from exc
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise ConfigError(f"{path}: not a Jupyter notebook (no list of cells)")
    return nb


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def parameters_cell(nb: dict[str, Any]) -> str | None:
    """Source of the first code cell tagged `parameters`, or None."""
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "code" and PARAMETERS_TAG in tags:
            return _source(cell)
    return None


def _comment(lines: list[str], node: ast.stmt) -> str:
    line = lines[node.lineno - 1] if node.lineno - 1 < len(lines) else ""
    _, hash_, rest = line[node.end_col_offset or 0 :].partition("#")
    return rest.strip() if hash_ else ""


def _inferred_type(value: ast.expr) -> str:
    try:
        literal = ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError):
        return "Any"
    return "Any" if literal is None else type(literal).__name__


def inspect_source(source: str, where: str = "parameters cell") -> dict[str, Parameter]:
    """Names the cell assigns at top level: `name: type = default  # help` or `name = default`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ConfigError(f"{where}: line {exc.lineno}: cannot parse: {exc.msg}") from exc
    lines = source.splitlines()
    found: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            default = ast.unparse(node.value) if node.value is not None else ""
            found[node.target.id] = Parameter(
                node.target.id,
                ast.unparse(node.annotation),
                default,
                _comment(lines, node),
                node.annotation,
            )
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name = node.targets[0].id
            found[name] = Parameter(
                name,
                _inferred_type(node.value),
                ast.unparse(node.value),
                _comment(lines, node),
                ast.Name(_inferred_type(node.value)),
            )
    return found


def notebook_parameters(path: Path) -> dict[str, Parameter] | None:
    """The parameters a notebook declares; None when it has no `parameters` cell."""
    source = parameters_cell(read_notebook_json(path))
    if source is None:
        return None
    return inspect_source(source, where=f"{path}: parameters cell")


_SIMPLE: dict[str, Any] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "tuple": lambda v: isinstance(v, list | tuple),
    "dict": lambda v: isinstance(v, dict),
    "None": lambda v: v is None,
    "NoneType": lambda v: v is None,
}
_ANY = {"Any", "object"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):  # typing.Optional, t.Any
        return node.attr
    return ""


def matches(value: Any, annotation: ast.expr | None) -> bool:
    """Whether `value` (from YAML or the data) fits the annotation; unknown types always fit."""
    if annotation is None:
        return True
    if isinstance(annotation, ast.Constant):
        if annotation.value is None:
            return value is None
        if isinstance(annotation.value, str):  # a string annotation: "int"
            try:
                return matches(value, ast.parse(annotation.value, mode="eval").body)
            except SyntaxError:
                return True
        return True
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return matches(value, annotation.left) or matches(value, annotation.right)
    if isinstance(annotation, ast.Subscript):
        base = _name(annotation.value)
        index = annotation.slice
        args = index.elts if isinstance(index, ast.Tuple) else [index]
        if base == "Optional":
            return value is None or matches(value, args[0])
        if base == "Union":
            return any(matches(value, a) for a in args)
        if base == "Literal":
            return any(isinstance(a, ast.Constant) and a.value == value for a in args)
        if base in {"list", "List", "Sequence"}:
            return isinstance(value, list) and all(matches(v, args[0]) for v in value)
        if base in {"dict", "Dict", "Mapping"} and len(args) == 2:
            return isinstance(value, dict) and all(
                matches(k, args[0]) and matches(v, args[1]) for k, v in value.items()
            )
        return _SIMPLE.get(base, lambda v: True)(value)
    name = _name(annotation)
    if name in _ANY:
        return True
    return _SIMPLE.get(name, lambda v: True)(value)


def _type_of(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def check(
    report: str, notebook: str, declared: dict[str, Parameter] | None, given: dict[str, Any]
) -> list[str]:
    """Problems with the `given` values for one report; empty when they all fit."""
    if not given:
        return []
    if declared is None:
        return [
            f"report {report!r}: {notebook} has no cell tagged 'parameters', so it takes no "
            f"parameters (given: {', '.join(sorted(given))}); tag its parameters cell in Jupyter "
            "(View > Cell tags)"
        ]
    valid = "; ".join(p.describe() for p in declared.values()) or "(none)"
    problems = []
    for name, value in given.items():
        param = declared.get(name)
        if param is None:
            close = difflib.get_close_matches(name, declared, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            problems.append(
                f"report {report!r}: {notebook} has no parameter {name!r}.{hint} "
                f"Valid parameters: {valid}"
            )
        elif not matches(value, param.annotation):
            problems.append(
                f"report {report!r}: parameter {name!r} of {notebook} expects {param.type}, "
                f"got {_type_of(value)} {value!r}. Valid parameters: {valid}"
            )
    return problems
