"""Warm kernels: one per worker thread, started and warmed once, reset between the runs it takes.

Kernel start-up (0.6 s) and the imports every report needs (pandas, plotly and the
nbformat/jsonschema chain plotly pulls in on the first `fig.show()`, ~2 s) are paid once per
kernel, not once per report. Only jupyter_client is imported here, when a kernel starts, so
kernels boot while the build imports papermill and nbconvert.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_core.utils import run_sync

from analysis.build.matrix import Run
from analysis.errors import BuildError

log = logging.getLogger(__name__)

WARMUP_TIMEOUT = 120
RESET_TIMEOUT = 30

# Run once in every new kernel: import what every report needs, so no report pays for it.
# The project's own modules come too, so their import-time effects (a Plotly template
# registered, say) happen before any report and are the same for all of them.
WARMUP = """\
def __newsbrief_warm():
    import importlib, pkgutil
    for name in ("pandas", "plotly.express", "plotly.io", "plotly.graph_objects", "nbformat"):
        try:
            importlib.import_module(name)
        except Exception:
            pass
    try:
        import analysis
    except Exception:
        return
    for info in pkgutil.iter_modules(analysis.__path__):
        if info.name not in ("build", "cli"):
            try:
                importlib.import_module("analysis." + info.name)
            except Exception:
                pass
__newsbrief_warm()
del __newsbrief_warm
"""

# Run before every report: a clean namespace, the notebooks folder as cwd, prompts from 1,
# and plotly's renderer back to the one the build renders (a notebook may have changed it).
RESET = """\
get_ipython().run_line_magic("reset", "-f")
__import__("os").chdir({cwd!r})
if "plotly.io" in __import__("sys").modules:
    __import__("sys").modules["plotly.io"].renderers.default = "plotly_mimetype"
get_ipython().execution_count = 1
"""


@dataclass(frozen=True)
class Failure:
    """Why a run failed: the cell (index in the executed notebook), the error and its traceback."""

    ename: str
    evalue: str
    traceback: list[str] = field(default_factory=list)
    cell_index: int | None = None
    source: str = ""
    execution_count: int | None = None

    def where(self) -> str:
        """The failing cell as a reader of the notebook finds it: `In [4]`, else its position."""
        if self.execution_count is not None:
            return f"In [{self.execution_count}]"
        return f"cell {self.cell_index + 1}" if self.cell_index is not None else ""

    def summary(self) -> str:
        where = self.where()
        return f"{self.ename}: {self.evalue}" + (f" ({where})" if where else "")


@dataclass
class Execution:
    """What a worker hands back for one run: the executed notebook, if any, and any failure."""

    run: Run
    nb: Any  # nbformat.NotebookNode, or None when nothing ran
    failure: Failure | None
    seconds: float


Job = Callable[["WarmKernel", Run], Execution]


class WarmKernel:
    """One kernel kept across runs, spoken to over IPC sockets in a private folder."""

    def __init__(
        self,
        index: int,
        *,
        kernel_name: str,
        cwd: Path,
        env: dict[str, str],
        scratch: Path,
        log_path: Path,
    ):
        self.index, self.kernel_name, self.cwd, self.env = index, kernel_name, cwd, env
        self.scratch, self.log_path = scratch, log_path
        self.km: Any = None
        self.kc: Any = None

    @property
    def pid(self) -> int | None:
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        return getattr(process, "pid", None)

    def start(self) -> None:
        from jupyter_client.manager import AsyncKernelManager  # not on the nothing-changed path

        t0 = time.monotonic()
        km = AsyncKernelManager(
            kernel_name=self.kernel_name,
            transport="ipc",
            ip=str(self.scratch / f"k{self.index}"),
        )
        km.connection_file = str(self.scratch / f"k{self.index}.json")
        with open(self.log_path, "ab") as stderr:  # kernel-level messages, not cell output
            run_sync(km.start_kernel)(
                extra_arguments=["--HistoryManager.enabled=False"],
                cwd=str(self.cwd),
                env=self.env,
                stdout=stderr,
                stderr=stderr,
            )
        self.km = km
        self.kc = km.client()
        self.kc.allow_stdin = False
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=60)
        self.run_code(WARMUP, WARMUP_TIMEOUT)
        log.info("kernel %d ready in %.1f s", self.index, time.monotonic() - t0)

    def run_code(self, code: str, timeout: float) -> None:
        """Run setup code silently; a failure is the build's, not a report's."""
        reply = run_sync(self.kc.execute_interactive)(
            code,
            silent=True,
            store_history=False,
            allow_stdin=False,
            timeout=timeout,
            output_hook=lambda msg: None,
        )
        content = reply["content"]
        if content.get("status") != "ok":
            raise BuildError(
                f"kernel {self.index}: setup code failed: "
                f"{content.get('ename')}: {content.get('evalue')}"
            )

    def reset(self) -> None:
        self.run_code(RESET.format(cwd=str(self.cwd)), RESET_TIMEOUT)

    def alive(self) -> bool:
        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception as exc:  # already gone: nothing to stop
                log.debug("kernel %d shutdown: %s", self.index, exc)
            self.km = None

    def restart(self) -> None:
        self.shutdown()
        self.start()


def remove_stale_scratch() -> None:
    """Remove the socket folders of builds that were killed (their pid is gone)."""
    for folder in Path(tempfile.gettempdir()).glob("nbk-*-*"):
        pid = folder.name.split("-")[1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:  # alive, someone else's
            pass


def _close_thread_loop() -> None:
    """Close the event loop jupyter_core's run_sync made for this worker thread."""
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        return
    if not loop.is_running():
        loop.close()


def kernel_env(root: Path) -> dict[str, str]:
    """The environment of every kernel: the project root, and output that does not vary."""
    env = dict(os.environ)
    env.update(
        NEWSBRIEF_ROOT=str(root),
        PLOTLY_RENDERER="plotly_mimetype",  # the output the page template turns into charts
        PYTHONHASHSEED="0",  # sets and dicts of str iterate the same way in every build
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    return env


class KernelPool:
    """`size` worker threads, each owning one warm kernel, fed from one queue of runs."""

    def __init__(self, size: int, *, kernel_name: str, root: Path, cwd: Path, log_dir: Path):
        self.size, self.kernel_name, self.root, self.cwd = size, kernel_name, root, cwd
        self.log_dir = log_dir
        self.jobs: queue.Queue[tuple[Run, Job] | None] = queue.Queue()
        self.results: queue.Queue[Execution] = queue.Queue()
        self.kernels: list[WarmKernel] = []
        self.threads: list[threading.Thread] = []
        # short: IPC socket paths have a length limit; the pid says whose it is
        self.scratch = Path(tempfile.mkdtemp(prefix=f"nbk-{os.getpid()}-"))
        self.pending = 0

    def _work(self, kernel: WarmKernel) -> None:
        broken: Exception | None = None
        try:
            kernel.start()
        except Exception as exc:
            log.error("kernel %d did not start: %s", kernel.index, exc)
            broken = exc
        try:
            while (item := self.jobs.get()) is not None:
                run, job = item
                if broken is not None:
                    failure = Failure("KernelStartError", f"the kernel did not start: {broken}")
                    self.results.put(Execution(run, None, failure, 0.0))
                    continue
                try:
                    result = job(kernel, run)
                except Exception as exc:  # e.g. the restart after a dead kernel failed
                    broken = exc
                    result = Execution(run, None, Failure("KernelStartError", str(exc)), 0.0)
                self.results.put(result)
        finally:
            kernel.shutdown()
            _close_thread_loop()

    def start(self) -> KernelPool:
        """Start every kernel in the background; runs queue up until their kernel is warm."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = kernel_env(self.root)
        for i in range(self.size):
            log_path = self.log_dir / f"kernel-{i}.log"
            log_path.write_bytes(b"")
            kernel = WarmKernel(
                i,
                kernel_name=self.kernel_name,
                cwd=self.cwd,
                env=env,
                scratch=self.scratch,
                log_path=log_path,
            )
            thread = threading.Thread(
                target=self._work, args=(kernel,), daemon=True, name=f"newsbrief-kernel-{i}"
            )
            self.kernels.append(kernel)
            self.threads.append(thread)
            thread.start()
        return self

    def submit(self, runs: Sequence[Run], job: Job) -> None:
        for run in runs:
            self.jobs.put((run, job))
            self.pending += 1

    def completed(self) -> Iterator[Execution]:
        """Executions as they finish (polling, so Ctrl-C reaches the main thread)."""
        while self.pending:
            try:
                result = self.results.get(timeout=0.2)
            except queue.Empty:
                continue
            self.pending -= 1
            yield result

    def close(self) -> None:
        """Stop the workers after their current run and shut their kernels down."""
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join(timeout=30)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def kill(self) -> None:
        """Interrupted: end the kernels this pool started, by pid, without waiting for them."""
        for kernel in self.kernels:
            pid = kernel.pid
            if pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> KernelPool:
        return self.start()

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.kill()
