"""Run one function in a forked helper process while this one goes on, and get its result back.

Reading a large corpus splits into independent halves; a fork starts in milliseconds and the
helper inherits everything already read (source texts, registries) without copying it. The
result comes back pickled through a pipe. The helper is an optimisation, never a dependency:
where fork is not available, or the helper fails in any way, `result()` is None and the caller
does the work itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, Generic, TypeVar

T = TypeVar("T")

__all__ = ["Helper", "available", "cores", "run"]


def available() -> bool:
    """Whether helpers can be forked here (Linux; macOS forks badly with its system libraries)."""
    return sys.platform == "linux" and hasattr(os, "fork")


def cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Helper(Generic[T]):
    """A forked process computing one value; `result()` after the `run` block has ended."""

    def __init__(self, pid: int = 0, fd: int = -1):
        self.pid, self.fd = pid, fd
        self._value: T | None = None

    def collect(self) -> None:
        """Read the helper's pickled result and reap it; on any failure keep None.

        Interrupted while waiting (Ctrl-C, a kernel interrupt), it kills and reaps the helper
        before the interrupt goes on.
        """
        if self.pid <= 0:
            return
        try:
            pipe = os.fdopen(self.fd, "rb")
            self.fd = -1  # the file object owns it now
            with pipe:
                payload = pipe.read()
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
        except Exception:
            self.stop()
            return
        except BaseException:
            self.stop()
            raise
        if os.waitstatus_to_exitcode(status) != 0 or not payload:
            return
        try:
            self._value = pickle.loads(payload)
        except Exception:  # a result that cannot be read is no result
            self._value = None

    def stop(self) -> None:
        """Kill and reap the helper (when the caller is interrupted or fails)."""
        if self.fd >= 0:
            with suppress(OSError):
                os.close(self.fd)
            self.fd = -1
        if self.pid <= 0:
            return
        with suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(self.pid, 0)
        self.pid = 0

    def result(self) -> T | None:
        return self._value


@contextmanager
def run(fn: Callable[..., T], *args: Any) -> Iterator[Helper[T]]:
    """Fork a helper computing `fn(*args)`; the block runs meanwhile, then the result is read."""
    if not available():
        yield Helper()
        return
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: the caller does all the work
        os.close(read_end)
        os.close(write_end)
        yield Helper()
        return
    if pid == 0:  # the helper: compute, send, and leave without running the parent's cleanup
        os.close(read_end)
        code = 1
        try:
            payload = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:  # whatever happens here, the parent redoes the work
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    helper: Helper[T] = Helper(pid, read_end)
    try:
        yield helper
    except BaseException:
        helper.stop()
        raise
    helper.collect()
