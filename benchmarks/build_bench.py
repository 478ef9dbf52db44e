"""Benchmark `newsbrief build` against running papermill and nbconvert by hand, on a copy.

In one invocation, on the same reports (those of reports.yaml, optionally each repeated
`--copies` times), on a copy of the project in a temporary folder so the real reports/ is
never touched:

1. naive: for each page, the `papermill` CLI then the `jupyter nbconvert --to html` CLI,
   one after the other;
2. `newsbrief build --force` (cold);
3. `newsbrief build` (nothing changed);
4. one notebook touched (a markdown cell edited), then `newsbrief build`: which pages ran.

Usage: .venv/bin/python benchmarks/build_bench.py [--copies N] [--project PATH] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

BIN = Path(sys.executable).parent
GOAL_COLD, AIM_COLD, GOAL_NOCHANGE = 0.15, 0.10, 1.0


def copy_project(src: Path, dst: Path, copies: int) -> None:
    """The inputs of a build, without reports/ or the cache; the matrix repeated `copies` times."""
    for name in ("data", "notebooks"):
        shutil.copytree(src / name, dst / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for name in ("pyproject.toml", "requirements.lock"):
        if (src / name).is_file():
            shutil.copy(src / name, dst / name)
    config = yaml.safe_load((src / "reports.yaml").read_text())
    if copies > 1:
        config["reports"] = [
            {**r, "id": f"{r['id']}-{i}", "title": f"{r['title']} ({i})"}
            for r in config["reports"]
            for i in range(1, copies + 1)
        ]
    (dst / "reports.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


def timed(cmd: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1: a report failed, which the build reports itself
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
    return seconds, proc.stdout


def pages(root: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    out = subprocess.run(
        [str(BIN / "newsbrief"), "--root", str(root), "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def naive(root: Path, env: dict[str, str], out: Path) -> float:
    """papermill then nbconvert, each a fresh CLI process, page after page."""
    t0 = time.perf_counter()
    for page in pages(root, env):
        executed = out / f"{page['id']}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(root / page["notebook"]),
                str(executed),
                "-y",
                json.dumps(page["parameters"]),
                "--cwd",
                str(root / "notebooks"),
                "--no-progress-bar",
            ],
            env=env,
            capture_output=True,
            check=False,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
            env=env,
            capture_output=True,
            check=False,
        )
    return time.perf_counter() - t0


def touch_notebook(root: Path) -> str:
    """Edit the first markdown cell of the first report's notebook (content, not mtime)."""
    notebook = yaml.safe_load((root / "reports.yaml").read_text())["reports"][0]["notebook"]
    path = root / notebook
    nb = json.loads(path.read_text())
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = source + "\n\n(edited for the benchmark)"
    path.write_text(json.dumps(nb, indent=1))
    return notebook


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--project",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        help="project to copy (default: this repository)",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        help="repeat each report this many times (bigger matrix, same notebooks)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="newsbrief-bench-"))
    root = tmp / "project"
    root.mkdir()
    copy_project(args.project.resolve(), root, args.copies)
    env = {**os.environ, "NEWSBRIEF_ROOT": str(root)}
    build = [str(BIN / "newsbrief"), "--root", str(root), "build", "-q"]
    try:
        n = len(pages(root, env))
        print(
            f"{n} page{'s' if n != 1 else ''} from {args.project / 'reports.yaml'}"
            f"{f' (each report x{args.copies})' if args.copies > 1 else ''}; "
            f"{os.cpu_count()} cores; copy in {tmp}"
        )
        (tmp / "naive").mkdir()
        t_naive = naive(root, env, tmp / "naive")
        print(f"naive  papermill + nbconvert CLIs, sequential : {t_naive:7.2f} s")
        t_cold, _ = timed([*build, "--force"], cwd=root, env=env)
        print(
            f"cold   newsbrief build --force               : {t_cold:7.2f} s  "
            f"ratio {t_cold / t_naive:.3f} (goal <= {GOAL_COLD}, aim {AIM_COLD})"
        )
        t_same, _ = timed(build, cwd=root, env=env)
        print(
            f"same   newsbrief build (nothing changed)     : {t_same:7.2f} s  "
            f"ratio {t_same / t_naive:.3f} (goal < {GOAL_NOCHANGE:.0f} s)"
        )
        notebook = touch_notebook(root)
        verbose = [str(BIN / "newsbrief"), "--root", str(root), "build"]
        t_touch, out = timed(verbose, cwd=root, env=env)
        ran = re.findall(r"\] \S+\s+(\S+)\s+executed", out)
        print(
            f"touch  {notebook} edited, newsbrief build    : {t_touch:7.2f} s  "
            f"ratio {t_touch / t_naive:.3f}; re-executed: {', '.join(ran) or 'none'}"
        )
        sizes = sorted(
            (p.stat().st_size, p.name)
            for p in (root / "reports").glob("*.html")
            if p.name != "index.html"
        )
        if sizes:
            print(
                f"pages  largest {sizes[-1][1]} {sizes[-1][0] / 1000:.0f} KB, smallest "
                f"{sizes[0][0] / 1000:.0f} KB (budget 350 KB; shared plotly.min.js "
                f"{(root / 'reports' / 'assets' / 'plotly.min.js').stat().st_size / 1e6:.1f} MB)"
            )
        ok = t_cold <= GOAL_COLD * t_naive and t_same < GOAL_NOCHANGE
        print(
            "goals: "
            + ("met" if ok else "NOT met")
            + f" (cold {'<=' if t_cold <= GOAL_COLD * t_naive else '>'} {GOAL_COLD} x naive, "
            f"no-change {'<' if t_same < GOAL_NOCHANGE else '>='} 1 s)"
        )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
