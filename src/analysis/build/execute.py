"""papermill as the executor: an engine that runs on a warm kernel, and one run's outcome.

papermill reads the notebook, injects the parameters (its parameterize step) and records each
cell's state; the engine registered here only hands it a kernel that is already running.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import nbformat
import papermill
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, papermill_engines
from papermill.exceptions import PapermillExecutionError

from analysis.build.kernels import Execution, Failure, WarmKernel
from analysis.build.matrix import Run

log = logging.getLogger(__name__)

ENGINE_NAME = "newsbrief-warm"


class WarmEngine(Engine):  # type: ignore[misc]
    """papermill engine that executes on a kernel the pool already started (`kernel=`)."""

    @classmethod
    def execute_managed_notebook(  # type: ignore[override]
        cls,
        nb_man: Any,
        kernel_name: str,
        *,
        kernel: WarmKernel,
        cell_timeout: int,
        capture: list[Any],
        **kwargs: Any,
    ) -> Any:
        capture.append(nb_man.nb)  # papermill raises on a cell error; keep the notebook
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            kernel_name=kernel_name,
            timeout=cell_timeout,
            interrupt_on_timeout=False,
            record_timing=False,
            log=log,
        )
        client.kc = kernel.kc  # connected already: setup_kernel starts and stops nothing
        return client.execute()


papermill_engines.register(ENGINE_NAME, WarmEngine)


def _running_cell(nb: Any) -> int | None:
    """Index of the last cell papermill started: the one running when execution stopped."""
    started = [
        i for i, c in enumerate(nb.cells) if c.metadata.get("papermill", {}).get("start_time")
    ]
    return started[-1] if started else None


def _mark_failed(nb: Any, failure: Failure) -> Failure:
    """Record a stop papermill does not (timeout, dead kernel) as an error on the cell."""
    index = _running_cell(nb) if nb is not None else None
    if index is None:
        return failure
    cell = nb.cells[index]
    cell.setdefault("outputs", []).append(
        nbformat.v4.new_output(
            "error",
            ename=failure.ename,
            evalue=failure.evalue,
            traceback=failure.traceback,
        )
    )
    cell.metadata.setdefault("papermill", {}).update(exception=True, status="failed")
    nb.metadata.setdefault("papermill", {})["exception"] = True
    return Failure(
        failure.ename,
        failure.evalue,
        failure.traceback,
        index,
        cell.source,
        cell.get("execution_count"),
    )


def run_notebook(kernel: WarmKernel, run: Run, *, cell_timeout: int) -> Execution:
    """Execute one run on `kernel` through papermill; failures are returned, never raised."""
    t0 = time.monotonic()
    capture: list[Any] = []
    failure = None
    try:
        kernel.reset()
        papermill.execute_notebook(
            str(run.notebook),
            None,
            parameters=run.parameters,
            engine_name=ENGINE_NAME,
            kernel_name=kernel.kernel_name,
            progress_bar=False,
            request_save_on_cell_execute=False,
            kernel=kernel,
            cell_timeout=cell_timeout,
            capture=capture,
        )
    except PapermillExecutionError as exc:
        failure = Failure(
            exc.ename, exc.evalue, list(exc.traceback), exc.cell_index, exc.source, exc.exec_count
        )
    except CellTimeoutError:
        failure = _mark_failed(
            capture[0] if capture else None,
            Failure(
                "CellTimeoutError",
                f"the cell ran longer than {cell_timeout} s (cell_timeout)",
            ),
        )
    except DeadKernelError as exc:
        failure = _mark_failed(
            capture[0] if capture else None, Failure("DeadKernelError", str(exc))
        )
    except Exception as exc:  # a notebook papermill cannot read, a kernel that stopped answering
        failure = Failure(type(exc).__name__, str(exc))
    if failure is not None and (
        failure.ename in {"CellTimeoutError", "DeadKernelError"} or not kernel.alive()
    ):
        log.info("kernel %d: restarting after %s", kernel.index, failure.ename)
        kernel.restart()  # a timed-out cell may still be running; a dead kernel is dead
    return Execution(run, capture[0] if capture else None, failure, time.monotonic() - t0)
