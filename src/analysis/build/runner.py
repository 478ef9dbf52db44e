"""The build: lock, plan, execute on warm kernels, render, and move finished files into reports/.

Every file is written under `reports/.staging-<pid>/` first and moved into place with
`os.replace`, so a page is always either the old one or the new one. An interrupted build
leaves the previous reports intact; the next build removes the staging folder it left behind.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from analysis.build import site
from analysis.build.cache import file_hash
from analysis.build.kernels import Execution, Failure, remove_stale_scratch
from analysis.build.matrix import Run
from analysis.build.names import output_path
from analysis.build.plan import (
    CACHED,
    EXECUTE,
    RENDER,
    Plan,
    Step,
    cache_dir,
    check_data,
    make_plan,
    resolve_root,
)
from analysis.errors import BuildError, ConfigError

log = logging.getLogger(__name__)

STAGING_PREFIX = ".staging-"


class BuildBusy(BuildError):
    """Another build holds the lock on this project."""


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how; `settings` are command-line overrides of SETTINGS (None: unset)."""

    root: Path | None = None
    reports: tuple[str, ...] = ()
    force: bool = False
    wait: bool = True
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What happened to one page in this build."""

    run: Run
    action: str  # execute, render or cached (see plan.py)
    status: str  # ok or failed
    seconds: float = 0.0
    error: str = ""
    reasons: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    outcomes: list[Outcome]
    seconds: float
    kernels: int

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0

    def count(self, action: str) -> int:
        return sum(o.action == action for o in self.outcomes)


class Progress(Protocol):
    def planned(self, plan: Plan) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...
    def waiting(self, holder: str) -> None: ...


class _Silent:
    def planned(self, plan: Plan) -> None:
        pass

    def finished(self, outcome: Outcome) -> None:
        pass

    def waiting(self, holder: str) -> None:
        pass


@contextmanager
def build_lock(path: Path, *, wait: bool, progress: Progress) -> Iterator[None]:
    """One build per project at a time (fcntl lock; the holder's pid is in the file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            if not wait:
                raise BuildBusy(
                    f"another build (pid {holder}) is running in this project; wait for it, or "
                    "run without --no-wait to queue behind it"
                ) from None
            progress.waiting(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


class Publisher:
    """Stages files and moves each into `reports/` in one step."""

    def __init__(self, reports: Path):
        self.reports = reports
        reports.mkdir(parents=True, exist_ok=True)
        for stale in reports.glob(f"{STAGING_PREFIX}*"):  # under the lock: left by a dead build
            log.info("removing %s left by an interrupted build", stale)
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = reports / f"{STAGING_PREFIX}{os.getpid()}"
        self.staging.mkdir()

    def put(self, relative: str, data: bytes) -> str:
        """Write `data` to `reports/<relative>` atomically; returns its SHA-256."""
        target = self.reports / relative
        staged = self.staging / relative.replace("/", "__")
        staged.write_bytes(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
        return hashlib.sha256(data).hexdigest()

    def remove(self, relative: str) -> None:
        (self.reports / relative).unlink(missing_ok=True)

    def close(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _page_name(run: Run, suffix: str, reports: Path) -> str:
    return output_path(reports, run.id, suffix).name


def _check_kernel(name: str) -> None:
    """A kernel name that no kernelspec has is the config's fault, not every report's."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    try:
        manager.get_kernel_spec(name)
    except NoSuchKernel:
        known = ", ".join(sorted(manager.find_kernel_specs()))
        raise ConfigError(
            f"no Jupyter kernel named {name!r}: expected one of [{known}] "
            "(setting `kernel`, flag --kernel)"
        ) from None


class _Builder:
    """One build in progress: the plan, where files go, and what happened so far."""

    def __init__(self, plan: Plan, publisher: Publisher, progress: Progress):
        self.plan, self.publisher, self.progress = plan, publisher, progress
        self.manifest = plan.manifest
        self.renderer: Any = None
        self.charts: dict[str, Any] = {}  # run id -> png.Chart list, for --png
        self.outcomes: dict[str, Outcome] = {}

    def _renderer(self) -> Any:
        if self.renderer is None:
            from analysis.build.render import PageRenderer

            self.renderer = PageRenderer(show_code=self.plan.settings["show_code"])
        return self.renderer

    def _record(
        self, step: Step, outcome: Outcome, html: str, ipynb: str | None, failure: Failure | None
    ) -> None:
        reports = self.plan.reports_dir
        html_name = _page_name(step.run, ".html", reports)
        ipynb_name = _page_name(step.run, ".ipynb", reports)
        entry: dict[str, Any] = {
            "exec_key": step.exec_key,
            "page_key": step.page_key,
            "inputs": step.inputs,
            "status": outcome.status,
            "error": outcome.error,
            "seconds": round(outcome.seconds, 2)
            if outcome.action == EXECUTE
            else self.manifest.runs.get(step.run.id, {}).get("seconds", 0.0),
            "failure": failure
            and {
                "ename": failure.ename,
                "evalue": failure.evalue,
                "traceback": failure.traceback,
                "cell_index": failure.cell_index,
                "source": failure.source,
                "execution_count": failure.execution_count,
            },
        }
        if ipynb is not None:
            entry["ipynb_sha256"] = self.publisher.put(ipynb_name, ipynb.encode())
        elif outcome.action == EXECUTE:
            self.publisher.remove(ipynb_name)  # an older notebook would not match this page
            entry["ipynb_sha256"] = None
        else:
            entry["ipynb_sha256"] = self.manifest.runs[step.run.id].get("ipynb_sha256")
        entry["html_sha256"] = self.publisher.put(html_name, html.encode())
        self.manifest.runs[step.run.id] = entry
        self.manifest.save()  # the manifest never claims a page that is not in place
        self.outcomes[step.run.id] = outcome
        self.progress.finished(outcome)

    def _page(self, step: Step, nb: Any, failure: Failure | None, outcome: Outcome) -> str:
        """The page's HTML; a rendering error fails this page only, with its own message."""
        from analysis.build.render import Page

        try:
            html, outcome.notes = self._renderer().render(
                nb, Page(step.run, self.plan.data_version, failure)
            )
            return html
        except Exception as exc:  # a template or exporter bug must not take the build down
            log.exception("%s: rendering failed", step.run.id)
            outcome.status, outcome.error = "failed", f"RenderError: {exc}"
            return site.failed_html(step.run, self.plan.data_version, "RenderError", str(exc))

    def executed(self, step: Step, execution: Execution) -> None:
        import nbformat

        from analysis.build.reproducible import normalize

        run, failure, nb = step.run, execution.failure, execution.nb
        outcome = Outcome(
            run,
            EXECUTE,
            "failed" if failure else "ok",
            execution.seconds,
            failure.summary() if failure else "",
            step.reasons,
        )
        ipynb = None
        if nb is None:
            assert failure is not None
            html = site.failed_html(
                run,
                self.plan.data_version,
                failure.ename,
                failure.evalue,
                "\n".join(failure.traceback),
            )
        else:
            normalize(nb, notebook=run.notebook_rel, output=f"reports/{run.id}.ipynb")
            ipynb = nbformat.writes(nb) + "\n"
            if self.plan.settings["png"]:
                from analysis.build.png import charts_of

                self.charts[run.id] = charts_of(run.id, nb)
            html = self._page(step, nb, failure, outcome)
        self._record(step, outcome, html, ipynb, failure)

    def rerender(self, step: Step) -> None:
        """Inputs unchanged, page settings changed: render the kept notebook again."""
        import nbformat

        t0 = time.monotonic()
        entry = self.manifest.runs[step.run.id]
        ipynb_path = self.plan.reports_dir / _page_name(step.run, ".ipynb", self.plan.reports_dir)
        nb = nbformat.reads(ipynb_path.read_text(encoding="utf-8"), as_version=4)
        raw = entry.get("failure")
        failure = Failure(**raw) if raw else None
        outcome = Outcome(
            step.run, RENDER, entry.get("status", "ok"), 0.0, entry.get("error", ""), step.reasons
        )
        html = self._page(step, nb, failure, outcome)
        outcome.seconds = time.monotonic() - t0
        self._record(step, outcome, html, None, failure)

    def cached(self, step: Step) -> None:
        entry = self.manifest.runs[step.run.id]
        outcome = Outcome(step.run, CACHED, entry.get("status", "ok"), 0.0, entry.get("error", ""))
        self.outcomes[step.run.id] = outcome
        self.progress.finished(outcome)

    def execute_all(self, steps: list[Step]) -> int:
        """Run the steps on a pool of warm kernels; render each page as it comes back."""
        from analysis import paths
        from analysis.build.kernels import KernelPool

        settings = self.plan.settings
        _check_kernel(settings["kernel"])
        size = min(settings["workers"], len(steps))
        by_id = {s.run.id: s for s in steps}
        pool = KernelPool(
            size,
            kernel_name=settings["kernel"],
            root=self.plan.root,
            cwd=paths.notebooks_dir(self.plan.root),
            log_dir=cache_dir(self.plan.root) / "kernels",
        )
        with pool:  # kernels boot while papermill and nbconvert are imported below
            from functools import partial

            from analysis.build.execute import run_notebook

            pool.submit(
                [s.run for s in steps], partial(run_notebook, cell_timeout=settings["cell_timeout"])
            )
            self._renderer()
            for execution in pool.completed():
                self.executed(by_id[execution.run.id], execution)
        return size

    def write_pngs(self) -> None:
        """Each chart of every good page as a PNG; charts unchanged since the last one are kept."""
        import nbformat

        from analysis.build import png

        reports = self.plan.reports_dir
        pages, todo = [], []
        for run in self.plan.runs:
            entry = self.manifest.runs.get(run.id)
            if not entry or entry.get("status") != "ok":
                continue
            charts = self.charts.get(run.id)
            if charts is None:
                kept = reports / f"{run.id}.ipynb"
                if not kept.is_file():
                    continue
                charts = png.charts_of(run.id, nbformat.read(kept, as_version=4))
            done = entry.get("png") or {}
            todo += [
                c for c in charts if done.get(c.name) != c.key or not (reports / c.name).is_file()
            ]
            pages.append((entry, charts))
        scripts = sorted((reports / site.ASSETS / "topojson").glob("*.js"))
        for name, data in png.render(
            todo, plotly_js=reports / site.ASSETS / "plotly.min.js", scripts=scripts
        ).items():
            self.publisher.put(name, data)
        for entry, charts in pages:
            entry["png"] = {c.name: c.key for c in charts}
        self.manifest.save()

    def finish_site(self) -> None:
        """Assets, orphans, and the index (written last: it links to everything else)."""
        reports = self.plan.reports_dir
        for name, data in site.stale_assets(reports).items():
            self.publisher.put(f"{site.ASSETS}/{name}", data)
        if self.plan.settings["png"]:
            self.write_pngs()
        known = {r.id for r in self.plan.runs}
        for run_id in sorted(set(self.manifest.runs) - known):  # dropped from the matrix
            dropped = self.manifest.runs.pop(run_id)
            for suffix in ("html", "ipynb"):
                path = reports / f"{run_id}.{suffix}"
                if (
                    dropped.get(f"{suffix}_sha256")
                    and path.is_file()
                    and (file_hash(path) == dropped[f"{suffix}_sha256"])
                ):
                    path.unlink()
        entries = []
        for run in self.plan.runs:
            outcome = self.outcomes.get(run.id)
            entry = self.manifest.runs.get(run.id)
            if outcome is not None:
                entries.append(site.IndexEntry(run, outcome.status, outcome.error))
            elif entry is not None:  # not asked for this time: the page from an earlier build
                entries.append(
                    site.IndexEntry(run, entry.get("status", "ok"), entry.get("error", ""))
                )
            else:
                entries.append(site.IndexEntry(run, "not built"))
        html = site.index_html(entries, self.plan.data_version).encode()
        index = reports / "index.html"
        if not index.is_file() or index.read_bytes() != html:
            self.publisher.put("index.html", html)
        self.manifest.save()


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the pages asked for (all by default); failures are in the result, not raised."""
    t0 = time.monotonic()
    progress = progress or _Silent()
    root = resolve_root(options.root)
    with build_lock(cache_dir(root) / "build.lock", wait=options.wait, progress=progress):
        plan = make_plan(root, options.reports, force=options.force, overrides=options.settings)
        if plan.count(EXECUTE):
            check_data(root)
        progress.planned(plan)
        publisher = Publisher(plan.reports_dir)
        remove_stale_scratch()  # kernel sockets of a build that was killed
        builder = _Builder(plan, publisher, progress)
        kernels = 0
        try:
            for step in plan.steps:
                if step.action == CACHED:
                    builder.cached(step)
            for step in plan.steps:
                if step.action == RENDER:
                    builder.rerender(step)
            previous = {k: v.get("seconds", 0.0) for k, v in plan.manifest.runs.items()}
            to_run = sorted(
                (s for s in plan.steps if s.action == EXECUTE),  # longest first
                key=lambda s: -previous.get(s.run.id, float("inf")),
            )
            if to_run:
                kernels = builder.execute_all(to_run)
            builder.finish_site()
        finally:
            publisher.close()
    outcomes = [builder.outcomes[s.run.id] for s in plan.steps]
    return BuildResult(outcomes, time.monotonic() - t0, kernels)


def plan_only(root: Path | None) -> Plan:
    """The plan for every page, for `newsbrief list` (no lock taken, nothing written)."""
    return make_plan(resolve_root(root))
