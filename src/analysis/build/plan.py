"""What a build would do: the matrix expanded, parameters checked, inputs compared with the cache.

Everything here runs before any kernel starts and imports neither jupyter_client nor papermill
nor nbconvert, so a build where nothing changed ends in well under a second.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.build import cache
from analysis.build.fanout import fan_out_function, fan_out_labels
from analysis.build.matrix import (
    SETTINGS,
    Matrix,
    Run,
    default_workers,
    expand,
    load_matrix,
    select,
)
from analysis.build.params import ParameterError, check, notebook_parameters
from analysis.errors import ConfigError

log = logging.getLogger(__name__)

EXECUTE, RENDER, CACHED = "execute", "render", "cached"


@dataclass(frozen=True)
class Step:
    """One page and what the build does for it: execute, only render again, or reuse."""

    run: Run
    action: str
    inputs: dict[str, str]
    exec_key: str
    page_key: str
    reasons: tuple[str, ...] = ()


@dataclass
class Plan:
    """The build's decisions, and the state they were made from."""

    root: Path
    matrix: Matrix
    settings: dict[str, Any]
    runs: list[Run]  # the whole matrix, for the index
    steps: list[Step]  # the runs asked for
    manifest: cache.Manifest
    data_version: str

    @property
    def reports_dir(self) -> Path:
        return paths.reports_dir(self.root)

    def count(self, action: str) -> int:
        return sum(s.action == action for s in self.steps)


def cache_dir(root: Path) -> Path:
    """Where the build keeps its manifest, lock and kernel logs (git-ignored, outside reports/)."""
    return root / ".cache" / "newsbrief"


def resolve_root(root: Path | None) -> Path:
    """`--root` as given, else NEWSBRIEF_ROOT, else the project above the working directory."""
    if root is None:
        return paths.project_root()
    root = Path(root).resolve()
    if not (root / "data").is_dir():
        raise ConfigError(f"--root {root}: no data/ folder there")
    return root


def resolve_settings(matrix: Matrix, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults in code, then `reports.yaml` `settings:`, then command-line flags."""
    settings = {name: s.default for name, s in SETTINGS.items()}
    settings.update(matrix.settings)
    settings.update({k: v for k, v in overrides.items() if v is not None})
    if settings["workers"] <= 0:
        settings["workers"] = default_workers()
    return settings


def _plain(value: Any) -> Any:
    """numpy scalars from the dataset become the Python values JSON and papermill know."""
    if isinstance(value, str | int | float | bool):
        return value
    item = getattr(value, "item", None)
    return item() if callable(item) else str(value)


def fan_out_values(
    matrix: Matrix, root: Path, shared: cache.SharedInputs, manifest: cache.Manifest
) -> dict[str, list[Any]]:
    """[value, label] of each fan-out; loaded from the data only when data or code changed."""
    values: dict[str, list[Any]] = {}
    dataset = None
    for name in matrix.fan_outs():
        key = shared.fan_out_key(name)
        found = manifest.fan_out_values(name, key)
        if found is None:
            if dataset is None:
                from analysis import load

                dataset = load(root)
            labels = fan_out_labels(name, dataset)
            found = [
                [_plain(v), labels.get(str(v), str(v))] for v in fan_out_function(name)(dataset)
            ]
            manifest.fan_outs[name] = {"key": key, "values": found}
        values[name] = found
    return values


def check_data(root: Path) -> None:
    """Refuse invalid data before any kernel starts, so `reports/` keeps its pages.

    Every notebook would load the dataset and fail on the same problems; a project whose
    `data/` holds no dataset (no `data/sources/`) has nothing to check.
    """
    if (paths.data_dir(root) / "sources").is_dir():
        from analysis.validate import read_corpus

        read_corpus(root)  # raises ValidationError listing every problem


def check_parameters(runs: Sequence[Run]) -> None:
    """Every run's parameters against its notebook's `parameters` cell; all problems at once."""
    declared: dict[Path, Any] = {}
    problems: list[str] = []
    for run in runs:
        if not run.notebook.is_file():
            problems.append(f"report {run.report!r}: notebook {run.notebook_rel} does not exist")
            continue
        if run.notebook not in declared:
            declared[run.notebook] = notebook_parameters(run.notebook)
        problems += check(run.id, run.notebook_rel, declared[run.notebook], run.parameters)
    if problems:
        raise ParameterError(list(dict.fromkeys(problems)))


def data_version(root: Path) -> str:
    """The data version shown on every page: the same as `newsbrief validate` prints.

    Imported from the validator, not from `analysis.tables`, so that a build with nothing
    to do never imports pandas.
    """
    from analysis.validate import data_version as version

    return version(root)


def _step(run: Run, plan_args: dict[str, Any]) -> Step:
    shared, manifest, force = plan_args["shared"], plan_args["manifest"], plan_args["force"]
    inputs = cache.run_inputs(run.notebook, run.parameters, shared, plan_args["kernel"])
    exec_key = cache.exec_key(inputs)
    page_key = cache.page_key(
        exec_key,
        title=run.title,
        description=run.description,
        show_code=plan_args["show_code"],
        data_version=plan_args["data_version"],
    )
    entry = manifest.runs.get(run.id)
    if entry is None:
        return Step(run, EXECUTE, inputs, exec_key, page_key, ("new",))
    intact = manifest.outputs_intact(run.id, plan_args["reports"])
    if force:
        return Step(run, EXECUTE, inputs, exec_key, page_key, ("--force",))
    if entry.get("exec_key") != exec_key:
        return Step(
            run,
            EXECUTE,
            inputs,
            exec_key,
            page_key,
            tuple(cache.changed(entry.get("inputs", {}), inputs)),
        )
    if not intact["ipynb"]:
        return Step(run, EXECUTE, inputs, exec_key, page_key, ("executed notebook missing",))
    if entry.get("page_key") != page_key or not intact["html"]:
        return Step(run, RENDER, inputs, exec_key, page_key, ("page",))
    return Step(run, CACHED, inputs, exec_key, page_key)


def make_plan(
    root: Path,
    wanted: Sequence[str] = (),
    *,
    force: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> Plan:
    """Read the matrix and the cache and decide, per page, what the build has to do."""
    matrix = load_matrix(root)
    settings = resolve_settings(matrix, overrides or {})
    manifest = cache.Manifest.load(cache_dir(root) / "manifest.json")
    shared = cache.SharedInputs.of(root)
    runs = expand(matrix, fan_out_values(matrix, root, shared, manifest))
    chosen = select(runs, wanted)
    check_parameters(chosen)
    version = data_version(root)
    args = {
        "shared": shared,
        "manifest": manifest,
        "force": force,
        "data_version": version,
        "show_code": settings["show_code"],
        "kernel": settings["kernel"],
        "reports": paths.reports_dir(root),
    }
    steps = [_step(run, args) for run in chosen]
    return Plan(root, matrix, settings, runs, steps, manifest, version)
