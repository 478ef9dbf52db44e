"""Shared fixtures: a project copied and built through the CLI, and a guarded Chromium page.

`real_build` builds the repository's own project once per session, in a temporary copy; the
browser tests open its pages and the bad-input tests break copies of it. `browser` is one
Chromium per test module (Playwright's sync API keeps an event loop on the main thread, which
must not outlive the module into tests that run kernels in-process).
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
# `analysis.load()` keeps validated tables in a cache outside the project: the tests (and the
# kernels and commands they start, which inherit this) use their own, never the user's.
if "NEWSBRIEF_CACHE_DIR" not in os.environ:
    os.environ["NEWSBRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="newsbrief-test-cache-")
    atexit.register(shutil.rmtree, os.environ["NEWSBRIEF_CACHE_DIR"], ignore_errors=True)
#: What a project is made of (the rest of the repository does not reach the build).
PROJECT_FILES = ("data", "notebooks", "reports.yaml", "pyproject.toml", "requirements.lock")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEWSBRIEF = str(Path(sys.executable).with_name("newsbrief"))  # the venv's console script


@dataclass(frozen=True)
class Project:
    """A project folder the tests own: run the CLI on it, copy it, look at its reports.

    `env` is the environment of every command run on it (see `pinned_code`).
    """

    root: Path
    env: dict[str, str] | None = None

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def newsbrief(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        """`newsbrief --root ROOT ARGS...` as a user runs it: its own process, exit status."""
        return subprocess.run(
            [NEWSBRIEF, "--root", str(self.root), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env=self.env,
        )

    def snapshot(self) -> dict[str, bytes]:
        """Every file under reports/ (relative name -> bytes)."""
        return {
            p.relative_to(self.reports).as_posix(): p.read_bytes()
            for p in sorted(self.reports.rglob("*"))
            if p.is_file()
        }

    def copy(self, dest: Path) -> Project:
        """A copy with its reports and build cache, so a build there starts from this state."""
        shutil.copytree(self.root, dest, symlinks=True)
        return Project(dest, self.env)


@pytest.fixture(scope="session")
def pinned_code(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for `newsbrief` processes: the `analysis` package as it was when the
    session started (PYTHONPATH comes before the editable install). Edits made meanwhile, by
    another engineer or an editor, then neither count as a code change between two builds of
    a test nor break a build halfway through an edit (test_build_runner pins it in-process)."""
    import analysis

    snapshot = tmp_path_factory.mktemp("code")
    shutil.copytree(
        Path(analysis.__file__).parent,
        snapshot / "analysis",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    paths = [str(snapshot), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def make_project(
    dest: Path,
    *,
    source: Path = REPO,
    notebooks: Path | None = None,
    env: dict[str, str] | None = None,
) -> Project:
    """A project at `dest` from the files of `source` (notebooks from elsewhere if given)."""
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        path = source / name
        if name == "notebooks" and notebooks is not None:
            path = notebooks
        if path.is_dir():
            shutil.copytree(
                path,
                dest / name,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )
        elif path.is_file():
            shutil.copy2(path, dest / name)
    return Project(dest, env)


@pytest.fixture(scope="session")
def project_from(pinned_code: dict[str, str]) -> Callable[..., Project]:
    """`make_project` for tests, with the pinned code: `project_from(dest, source=...)`."""
    return functools.partial(make_project, env=pinned_code)


@dataclass(frozen=True)
class Built:
    """A project after one `newsbrief build`, and what the command said."""

    project: Project
    status: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory, project_from: Any) -> Built:
    """The repository's project (data, notebooks, reports.yaml) built once into a temp copy."""
    project = project_from(tmp_path_factory.mktemp("real") / "project")
    done = project.newsbrief("build", "--quiet")
    if done.returncode != 0:
        pytest.fail(
            f"the real project does not build (exit {done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return Built(project, done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium: missing fails under CI and skips elsewhere."""
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing under CI: .ci/run installs it")
        pytest.skip("Chromium not installed: apt-get install chromium")
    return path


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class Guard:
    """One browser page that records everything a report must never do.

    Every request is routed: `file:` URLs and the `allowed` origins go through, anything else
    is aborted and counted in `outside`. Console errors, uncaught page errors and dialogs
    (alert, confirm, prompt) are recorded. `reset()` clears the records between pages.
    """

    page: Any
    allowed: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.route("**/*", self._route)
        self.page.on(
            "console", lambda m: self.console.append(m.text) if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://") or any(url.startswith(o) for o in self.allowed):
            self.local.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def reset(self) -> None:
        for records in (self.local, self.outside, self.console, self.errors, self.dialogs):
            records.clear()

    def open(self, url: str) -> Any:
        """Go to `url`, wait until every Plotly chart on it is drawn; the HTTP response."""
        self.reset()
        response = self.page.goto(url, wait_until="load")
        self.page.wait_for_function(WAIT_FOR_CHARTS, timeout=30_000)
        return response


#: True once every chart div on the page has been drawn by Plotly (its SVG exists).
WAIT_FOR_CHARTS = """() => [...document.querySelectorAll('.plotly-graph-div')]
    .every(gd => gd._fullLayout && gd.querySelector('.main-svg'))"""


@pytest.fixture(scope="module")
def guard(browser: Any) -> Iterator[Guard]:
    """One context and one page for the whole module, reused for every report."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield Guard(context.new_page())
    finally:
        context.close()


@pytest.fixture(scope="session")
def execute_report(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """Run one of the repository's report notebooks with papermill on the project's data, as
    the build would (kernel cwd notebooks/, NEWSBRIEF_ROOT the repository): the executed
    notebook, for tests that look at its outputs."""

    def run(name: str, parameters: dict[str, Any]) -> Any:
        import papermill

        out = tmp_path_factory.mktemp(name) / f"{name}.ipynb"
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("NEWSBRIEF_ROOT", str(REPO))
            return papermill.execute_notebook(
                str(REPO / "notebooks" / f"{name}.ipynb"),
                str(out),
                parameters=parameters,
                kernel_name="python3",
                cwd=str(REPO / "notebooks"),
                progress_bar=False,
            )

    return run


#: ids of the mini fixture's annotations, renamed in each copy by `many_sources`
MINI_IDS = (
    "drone_intercepted",
    "talks_planned",
    "latvia_says_intercepted",
    "lithuania_saw_nothing",
    "latvia_talks",
)


@pytest.fixture
def many_sources(tmp_path: Path) -> Callable[[], Path]:
    """Makes the mini project plus six copies of its source, each with its own annotation
    file: enough files for a read split between two processes."""

    def make(n: int = 6) -> Path:
        root = tmp_path / "many"
        shutil.copytree(Path(__file__).parent / "fixtures" / "mini", root)
        data = root / "data"
        meta = (data / "sources/test-mini.yaml").read_text("utf-8")
        annotations = (data / "annotations/test-mini.yaml").read_text("utf-8")
        for k in range(n):
            sid = f"test-mini-{k:02d}"
            shutil.copy(data / "sources/test-mini.txt", data / f"sources/{sid}.txt")
            (data / f"sources/{sid}.yaml").write_text(meta.replace("test-mini", sid), "utf-8")
            text = annotations.replace("source_id: test-mini", f"source_id: {sid}")
            for rid in MINI_IDS:
                text = re.sub(rf"\b{rid}\b", f"{rid}_{k}", text)
            (data / f"annotations/{sid}.yaml").write_text(text, "utf-8")
        return root

    return make
