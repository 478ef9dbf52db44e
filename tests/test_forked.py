"""`forked.run`: a helper process computes one value while the caller goes on; failures are None."""

from __future__ import annotations

import os
import signal
import time

import pytest

from analysis import forked

pytestmark = pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")


def boom() -> None:
    raise ValueError("boom")


def leave_abruptly() -> None:
    os._exit(3)


def unpicklable() -> object:
    return lambda: None


def test_the_helper_is_another_process_and_its_result_comes_back() -> None:
    with forked.run(os.getpid) as helper:
        mine = os.getpid()
    assert helper.result() not in (None, mine)


def test_the_block_runs_while_the_helper_works() -> None:
    started = time.perf_counter()
    with forked.run(time.sleep, 0.5) as helper:
        time.sleep(0.5)
    assert time.perf_counter() - started < 0.9  # both slept at once
    assert helper.result() is None  # time.sleep returns None: nothing to tell apart here
    with forked.run(sum, [1, 2, 3]) as helper:
        pass
    assert helper.result() == 6


@pytest.mark.parametrize("fn", [boom, leave_abruptly, unpicklable])
def test_a_failing_helper_gives_none_and_the_caller_carries_on(fn: object) -> None:
    with forked.run(fn) as helper:  # type: ignore[arg-type]
        pass
    assert helper.result() is None
    assert helper.pid == 0  # reaped


def test_an_error_in_the_block_kills_and_reaps_the_helper() -> None:
    started = time.perf_counter()
    pid = 0
    with pytest.raises(KeyboardInterrupt), forked.run(time.sleep, 60) as helper:
        pid = helper.pid
        raise KeyboardInterrupt
    assert time.perf_counter() - started < 5
    assert pid > 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left behind


def test_an_interrupt_while_waiting_for_the_helper_kills_and_reaps_it() -> None:
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    pid = 0
    started = time.perf_counter()
    try:
        with pytest.raises(KeyboardInterrupt), forked.run(time.sleep, 60) as helper:
            pid = helper.pid
            signal.setitimer(signal.ITIMER_REAL, 0.3)  # fires while the result is awaited
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_when_fork_fails_the_caller_does_the_work_and_no_descriptor_leaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    before = len(os.listdir("/proc/self/fd"))
    with forked.run(sum, [1, 2]) as helper:
        pass
    assert helper.result() is None
    assert len(os.listdir("/proc/self/fd")) == before
