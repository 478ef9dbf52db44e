"""The run matrix: `reports.yaml` read into report specs, and fan-outs expanded into runs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import forked
from analysis.build.fanout import fan_out_function
from analysis.build.names import RESERVED, is_slug, slugify
from analysis.errors import ConfigError

CONFIG_NAME = "reports.yaml"


@dataclass(frozen=True)
class Setting:
    """A build setting: default here, `reports.yaml` `settings:` overrides it, a flag wins."""

    type: type
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    "workers": Setting(int, 0, "kernels run in parallel (0: one per CPU core)"),
    "cell_timeout": Setting(int, 600, "seconds one cell may run before its report fails"),
    "show_code": Setting(bool, False, "show code cells' inputs in the pages (default: hidden)"),
    "kernel": Setting(str, "python3", "Jupyter kernel that runs the notebooks"),
    "png": Setting(
        bool,
        False,
        "also write each chart as reports/png/<page>-<n>.png (kaleido with the machine's Chromium)",
    ),
}


def default_workers() -> int:
    return max(1, forked.cores())


@dataclass(frozen=True)
class FanOut:
    """One page per value of `values` (a registry name in fanout.py), passed as `param`."""

    param: str
    values: str


@dataclass(frozen=True)
class ReportSpec:
    """One entry of `reports.yaml`."""

    id: str
    notebook: str  # relative to the project root
    title: str
    description: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    fan_out: FanOut | None = None


@dataclass(frozen=True)
class Run:
    """One page to build: a report spec with all its parameters bound."""

    id: str  # the output name: reports/<id>.html
    report: str  # the spec it comes from
    notebook: Path
    notebook_rel: str
    title: str
    description: str
    parameters: dict[str, Any]


@dataclass(frozen=True)
class Matrix:
    """The whole config: where it was read from, the reports, and the settings it sets."""

    root: Path
    path: Path
    reports: tuple[ReportSpec, ...]
    settings: dict[str, Any]

    def fan_outs(self) -> list[str]:
        """Registry names this matrix needs values for."""
        return sorted({r.fan_out.values for r in self.reports if r.fan_out})


_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any, where: str) -> Any:
    """A JSON-like copy of a YAML value; dates and other objects are refused with a hint."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list):
        return [_plain(v, where) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, where) for k, v in value.items()}
    if isinstance(value, dt.date):
        raise ConfigError(f"{where}: {value} reads as a date; quote it to pass a string")
    raise ConfigError(f"{where}: {value!r} is not a plain value (string, number, list, mapping)")


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


_KEYS = {"id", "notebook", "title", "description", "parameters", "fan_out"}


def _spec(root: Path, entry: Any, where: str) -> ReportSpec:
    entry = _mapping(entry, where)
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}: expected some of {sorted(_KEYS)}")
    for key in ("id", "notebook", "title"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ConfigError(f"{where}: `{key}` is required (a non-empty string)")
    report_id = entry["id"]
    if not is_slug(report_id):
        suggestion = slugify(report_id)
        reserved = f" ({', '.join(sorted(RESERVED))} are taken by the site)"
        raise ConfigError(
            f"{where}: id {report_id!r} is not a slug ([a-z0-9][a-z0-9_-]*, at most 80 "
            f"characters){reserved if report_id in RESERVED else ''}; try {suggestion!r}"
        )
    notebook = entry["notebook"]
    path = (root / notebook).resolve()
    if root.resolve() not in path.parents or path.suffix != ".ipynb":
        raise ConfigError(f"{where}: notebook {notebook!r} must be an .ipynb file inside {root}")
    fan_out = None
    if entry.get("fan_out") is not None:
        spec = _mapping(entry["fan_out"], f"{where}: fan_out")
        if set(spec) != {"param", "values"} or not all(isinstance(v, str) for v in spec.values()):
            raise ConfigError(f"{where}: fan_out needs exactly `param` and `values` (strings)")
        fan_out_function(spec["values"])  # unknown names fail here, before any work
        fan_out = FanOut(spec["param"], spec["values"])
    description = entry.get("description") or ""
    if not isinstance(description, str):
        raise ConfigError(f"{where}: `description` must be a string")
    parameters = _plain(_mapping(entry.get("parameters"), f"{where}: parameters"), where)
    if fan_out and fan_out.param in parameters:
        raise ConfigError(f"{where}: {fan_out.param!r} is both a parameter and the fan-out param")
    return ReportSpec(
        report_id, notebook, entry["title"].strip(), description.strip(), parameters, fan_out
    )


def _settings(raw: Any, where: str) -> dict[str, Any]:
    raw = _mapping(raw, where)
    settings = {}
    for name, value in raw.items():
        setting = SETTINGS.get(name)
        if setting is None:
            raise ConfigError(
                f"{where}: unknown setting {name!r}: expected one of {sorted(SETTINGS)}"
            )
        if not isinstance(value, setting.type) or (setting.type is int and isinstance(value, bool)):
            raise ConfigError(f"{where}: {name} must be {setting.type.__name__}, got {value!r}")
        settings[name] = value
    return settings


def load_matrix(root: Path, path: Path | None = None) -> Matrix:
    """Read and check `reports.yaml` (no notebook is opened here)."""
    import yaml

    path = path or root / CONFIG_NAME
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no run matrix; create it with a `reports:` list") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset "
            f"{exc.start}); re-save the file as UTF-8"
        ) from exc
    except OSError as exc:  # a folder where the file should be, no permission, ...
        raise ConfigError(f"{path}: cannot read the run matrix: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    raw = _mapping(raw, str(path))
    if not isinstance(raw.get("reports"), list):
        raise ConfigError(f"{path}: expected a `reports:` list")
    unknown = sorted(set(raw) - {"reports", "settings"})
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key(s) {unknown}: expected reports, settings")
    specs = [_spec(root, e, f"{path}: reports[{i}]") for i, e in enumerate(raw["reports"])]
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise ConfigError(f"{path}: report id {spec.id!r} appears twice")
        seen.add(spec.id)
    return Matrix(root, path, tuple(specs), _settings(raw.get("settings"), f"{path}: settings"))


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _fill(template: str, parameters: Mapping[str, Any]) -> str:
    """`"Profile: {actor_id}"` with the run's parameters; unknown names stay as written."""
    return _PLACEHOLDER.sub(
        lambda m: str(parameters[m[1]]) if m[1] in parameters else m[0], template
    )


def expand(matrix: Matrix, values: Mapping[str, Sequence[Any]]) -> list[Run]:
    """All runs: one per plain report, one per value for a fanned-out report.

    A fan-out's values are plain values or `[value, label]` pairs; titles and descriptions may
    use `{label}` (the value's display name) as well as the parameters.
    """
    runs = []
    for spec in matrix.reports:
        bindings: list[tuple[str, dict[str, Any], str]]
        if spec.fan_out is None:
            bindings = [(spec.id, dict(spec.parameters), "")]
        else:
            bindings = []
            for item in values[spec.fan_out.values]:
                value, label = item if isinstance(item, list | tuple) else (item, str(item))
                params = {**spec.parameters, spec.fan_out.param: value}
                # slugified again: a long id and value still make a name of at most 80
                bindings.append((slugify(f"{spec.id}-{slugify(value)}"), params, label))
        for run_id, params, label in bindings:
            named = {"label": label, **params}
            runs.append(
                Run(
                    id=run_id,
                    report=spec.id,
                    notebook=(matrix.root / spec.notebook).resolve(),
                    notebook_rel=spec.notebook,
                    title=_fill(spec.title, named),
                    description=_fill(spec.description, named),
                    parameters=params,
                )
            )
    by_id: dict[str, Run] = {}
    for run in runs:
        if run.id in by_id:
            raise ConfigError(
                f"two pages would be named {run.id!r}: from report {by_id[run.id].report!r} "
                f"{by_id[run.id].parameters} and report {run.report!r} {run.parameters}"
            )
        by_id[run.id] = run
    return runs


def select(runs: Sequence[Run], wanted: Sequence[str]) -> list[Run]:
    """The runs named by page id or report id (all of a fan-out); all runs when none named."""
    if not wanted:
        return list(runs)
    chosen = [r for r in runs if r.id in wanted or r.report in wanted]
    known = {r.id for r in runs} | {r.report for r in runs}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise ConfigError(
            f"unknown report(s) {', '.join(map(repr, missing))}: expected some of "
            f"[{', '.join(sorted(known))}] (see `newsbrief list`)"
        )
    return chosen
