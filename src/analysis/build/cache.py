"""Content hashes of what a page is made from, and the manifest that remembers them.

A page is executed again only when one of its inputs changed: the notebook's bytes, its
parameters, the files under `data/`, the `analysis` package's code and templates, the locked
environment (`requirements.lock`, else `pyproject.toml`) or the kernel it runs on. Timestamps
are never looked at.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_VERSION = 1
CODE_SUFFIXES = (".py", ".j2", ".css", ".js", ".json", ".yaml")
SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each length-prefixed so ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path, suffixes: tuple[str, ...] | None) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or (suffixes and not name.endswith(suffixes)):
                continue
            yield Path(dirpath, name)


def tree_hash(folder: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """One hash over the relative paths and bytes of the files under `folder` (dotfiles skipped)."""
    parts: list[str] = []
    if folder.is_dir():
        for path in _files(folder, suffixes):
            parts += [path.relative_to(folder).as_posix(), file_hash(path)]
    return digest(*parts)


def params_hash(parameters: Mapping[str, Any]) -> str:
    return digest(json.dumps(parameters, sort_keys=True, separators=(",", ":")))


def package_dir() -> Path:
    """Folder of the installed `analysis` package (its code is an input of every page)."""
    return Path(__file__).resolve().parent.parent


def env_file(root: Path) -> Path:
    lock = root / "requirements.lock"
    return lock if lock.is_file() else root / "pyproject.toml"


@dataclass(frozen=True)
class SharedInputs:
    """The inputs every page shares, hashed once per build."""

    data: str
    code: str
    env: str

    @classmethod
    def of(cls, root: Path) -> SharedInputs:
        env = env_file(root)
        return cls(
            data=tree_hash(root / "data"),
            code=tree_hash(package_dir(), CODE_SUFFIXES),
            env=file_hash(env) if env.is_file() else digest(""),
        )

    def fan_out_key(self, name: str) -> str:
        """Key of a fan-out's values: they depend on the data and the code only."""
        return digest("fan-out", name, self.data, self.code)


def run_inputs(
    notebook: Path, parameters: Mapping[str, Any], shared: SharedInputs, kernel: str = "python3"
) -> dict[str, str]:
    """Each input of one page, by name, so a rebuild can say which one changed."""
    return {
        "notebook": file_hash(notebook),
        "parameters": params_hash(parameters),
        "data": shared.data,
        "code": shared.code,
        "env": shared.env,
        "kernel": digest(kernel),
    }


def exec_key(inputs: Mapping[str, str]) -> str:
    return digest(*(f"{k}={inputs[k]}" for k in sorted(inputs)))


def page_key(execution: str, **presentation: Any) -> str:
    """Key of the HTML: the execution plus what only the rendering uses (title, show_code...)."""
    return digest(execution, json.dumps(presentation, sort_keys=True))


def changed(old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    """Names of the inputs that differ (all of them when nothing was recorded)."""
    return sorted(k for k in new if old.get(k) != new[k])


class Manifest:
    """What each built page was made from; a JSON file outside `reports/`, keys sorted."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None):
        self.path = path
        data = data or {}
        self.runs: dict[str, dict[str, Any]] = data.get("runs", {})
        self.fan_outs: dict[str, dict[str, Any]] = data.get("fan_outs", {})

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
            return cls(path)
        return cls(path, data)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        payload = {"version": MANIFEST_VERSION, "runs": self.runs, "fan_outs": self.fan_outs}
        tmp.write_text(json.dumps(payload, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def fan_out_values(self, name: str, key: str) -> list[Any] | None:
        entry = self.fan_outs.get(name)
        return entry["values"] if entry and entry.get("key") == key else None

    def outputs_intact(self, run_id: str, folder: Path) -> dict[str, bool]:
        """Whether the recorded `.ipynb` and `.html` of a page are still there, unchanged."""
        entry = self.runs.get(run_id, {})
        intact = {}
        for suffix in ("ipynb", "html"):
            path, recorded = folder / f"{run_id}.{suffix}", entry.get(f"{suffix}_sha256")
            intact[suffix] = bool(recorded) and path.is_file() and file_hash(path) == recorded
        return intact
