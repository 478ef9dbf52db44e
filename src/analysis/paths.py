"""Where the project's folders are: found once, from NEWSBRIEF_ROOT or by walking up."""

from __future__ import annotations

import os
from pathlib import Path

from analysis.errors import ConfigError


def project_root(start: Path | None = None) -> Path:
    """The folder that holds `data/` and `pyproject.toml`.

    `NEWSBRIEF_ROOT` wins; otherwise walk up from `start` (default: the working directory),
    so a notebook executed from `notebooks/` finds the project above it.
    """
    env = os.environ.get("NEWSBRIEF_ROOT")
    if env:
        root = Path(env).resolve()
        if not (root / "data").is_dir():
            raise ConfigError(f"NEWSBRIEF_ROOT={env}: no data/ folder there")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    raise ConfigError(
        f"no newsbrief project above {here}: run from the project folder or set NEWSBRIEF_ROOT"
    )


def data_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "data"


def reports_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "reports"


def notebooks_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "notebooks"
