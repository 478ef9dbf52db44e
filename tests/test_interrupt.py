"""Interrupted builds: Ctrl-C, `kill` and SIGKILL midway leave the previous reports intact.

A tiny project of three pages is built once; each test interrupts a `--force` rebuild of a
copy. The notebook runs fast the first time in a build and sleeps afterwards (a flag file
outside the project, named by an environment variable the kernels inherit), so "midway" is
exact: one page has been re-published, the next one is running. A re-published page has the
same bytes as before (the build is reproducible), so reports/ must be byte-identical.

tests/test_build_runner.py kills a build with SIGKILL while its kernels start; here: SIGINT to
the process group (Ctrl-C), SIGTERM (`kill`) and SIGKILL after a page is out, and SIGKILL inside
the publish step itself, before and after a page is moved into reports/.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

pytestmark = pytest.mark.slow

FLAG = "NEWSBRIEF_TEST_SLOW_AFTER_FIRST"
NEWSBRIEF = str(Path(sys.executable).with_name("newsbrief"))
MATRIX = """\
settings: {workers: 1, cell_timeout: 300}
reports:
  - {id: one, notebook: notebooks/page.ipynb, title: One, parameters: {n: 1}}
  - {id: two, notebook: notebooks/page.ipynb, title: Two, parameters: {n: 2}}
  - {id: three, notebook: notebooks/page.ipynb, title: Three, parameters: {n: 3}}
"""


def page_notebook() -> Any:
    params = new_code_cell("n: int = 1  # which page")
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(
        cells=[
            params,
            new_code_cell(
                "import os, time\n"
                f"flag = os.environ.get({FLAG!r})\n"
                "if flag:\n"
                "    try:\n"
                "        os.close(os.open(flag, os.O_CREAT | os.O_EXCL))  # the first page: go on\n"
                "    except FileExistsError:\n"
                "        time.sleep(120)  # every later page: wait to be interrupted\n"
                'print("page", n)'
            ),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory, project_from: Any) -> Any:
    """The tiny project, built once (its reports are what every interruption must keep)."""
    source = tmp_path_factory.mktemp("interrupt-source")
    (source / "data").mkdir()
    (source / "data" / "README.txt").write_text("no dataset: the notebook needs none\n")
    (source / "notebooks").mkdir()
    nbformat.write(page_notebook(), source / "notebooks" / "page.ipynb")
    (source / "reports.yaml").write_text(MATRIX)
    (source / "pyproject.toml").write_text("[project]\nname = 'interrupt-fixture'\n")
    project = project_from(tmp_path_factory.mktemp("interrupt") / "project", source=source)
    done = project.newsbrief("build", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    return project


def published(project: Any) -> dict[str, bytes]:
    """reports/ as a reader sees it (a killed build's staging folder aside)."""
    return {k: v for k, v in project.snapshot().items() if not k.startswith(".staging-")}


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (the kernels a build started)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


class Running:
    """A build in its own process (and session, like a shell job), its output read as it comes."""

    def __init__(self, project: Any, flag: Path, *args: str):
        env = {**(project.env or os.environ), FLAG: str(flag)}
        self.proc = subprocess.Popen(
            [NEWSBRIEF, "--root", str(project.root), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.out: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            self.out.append(line)
            if text in line:
                return
        self.proc.kill()
        self.finish()
        pytest.fail(f"{text!r} never printed; output so far:\n{''.join(self.out)}")

    def finish(self, timeout: float = 60) -> tuple[int, str, str]:
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.proc.wait(timeout)
        self.reader.join(timeout)
        with self.proc.stdout, self.proc.stderr:
            stderr = self.proc.stderr.read()
        while not self.lines.empty():
            self.out.append(self.lines.get())
        return self.proc.returncode, "".join(self.out), stderr


@pytest.fixture
def copy(baseline: Any, tmp_path: Path) -> Iterator[Any]:
    project = baseline.copy(tmp_path / "project")
    started: list[int] = []
    yield project, tmp_path / "flag", started
    for pid in started:  # a kernel that outlived its build: end it (it is ours), then fail
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"kernel {pid} outlived its build")


def kernels_gone(pids: list[int], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["ctrl-c", "kill"])
def test_an_interrupted_build_exits_130_and_keeps_the_reports(
    how: str, copy: tuple[Any, Path, list[int]]
) -> None:
    project, flag, started = copy
    before = project.snapshot()
    build = Running(project, flag, "build", "--force")
    build.wait_for("[1/3] ok")  # one page re-published, the next one running
    started += children(build.proc.pid)
    assert started, "no kernel running"
    if how == "ctrl-c":
        os.killpg(build.proc.pid, signal.SIGINT)  # what the terminal sends to the whole job
    else:
        build.proc.send_signal(signal.SIGTERM)

    status, out, err = build.finish()

    assert status == 130, out + err
    assert err.strip().splitlines()[-1] == "newsbrief build: interrupted"
    assert "Traceback" not in err
    assert project.snapshot() == before  # no staging folder either
    assert kernels_gone(started)
    assert not list(Path(tempfile.gettempdir()).glob(f"nbk-{build.proc.pid}-*"))
    again = project.newsbrief("build")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "done: 3 pages" in again.stdout
    assert project.snapshot() == before


def test_a_build_killed_after_a_page_is_out_keeps_the_reports(
    copy: tuple[Any, Path, list[int]],
) -> None:
    project, flag, started = copy
    before = project.snapshot()
    build = Running(project, flag, "build", "--force")
    build.wait_for("[1/3] ok")
    started += children(build.proc.pid)
    assert started, "no kernel running"
    build.proc.kill()
    status, _, _ = build.finish()

    assert status == -signal.SIGKILL
    assert published(project) == before
    assert kernels_gone(started), "the kernels of a killed build must not linger"
    again = project.newsbrief("build")
    assert again.returncode == 0, again.stdout + again.stderr
    assert project.snapshot() == before  # the staging folder it left is gone too


#: `newsbrief` with Publisher.put replaced by one that SIGKILLs the build while it publishes
#: the page named in KILL_AT: after staging it (before the move), or after the move (before
#: the manifest records it). The kill is real; the wrapper only picks the moment.
KILLED_WHILE_PUBLISHING = """\
import os, signal, sys
from analysis.build import runner
from analysis.cli import main

put = runner.Publisher.put

def dying_put(self, relative, data):
    if relative != os.environ["KILL_AT"]:
        return put(self, relative, data)
    if os.environ["KILL_WHEN"] == "before the move":
        (self.staging / relative.replace("/", "__")).write_bytes(data)
    else:
        put(self, relative, data)
    os.kill(os.getpid(), signal.SIGKILL)

runner.Publisher.put = dying_put
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("when", ["before the move", "after the move"])
def test_a_build_killed_while_publishing_leaves_a_whole_page(
    when: str, copy: tuple[Any, Path, list[int]]
) -> None:
    """A new title re-renders one page (no kernel): killed as that page is published, the
    page is either the old one (before the move) or the whole new one (after it), never
    half; the next build completes the publish and nothing executes again."""
    project, _, _ = copy
    before = project.snapshot()
    matrix = project.root / "reports.yaml"
    matrix.write_text(matrix.read_text().replace("title: Two,", "title: Two (retitled),"))

    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_PUBLISHING, "--root", str(project.root), "build"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**(project.env or os.environ), "KILL_AT": "two.html", "KILL_WHEN": when},
    )

    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    after = published(project)
    assert sorted(after) == sorted(before)
    changed = [k for k in before if after[k] != before[k]]
    if when == "before the move":
        assert changed == []
        [staging] = project.reports.glob(".staging-*")
        assert "Two (retitled)" in (staging / "two.html").read_text()
    else:
        assert changed == ["two.html"]
        page = after["two.html"].decode()
        assert "<title>Two (retitled)</title>" in page and page.endswith("</html>\n")

    again = project.newsbrief("build")

    assert again.returncode == 0, again.stdout + again.stderr
    assert "(0 executed, 1 rendered, 2 cached, 0 failed)" in again.stdout
    final = project.snapshot()  # staging folder gone
    assert sorted(final) == sorted(before)
    assert [k for k in before if final[k] != before[k]] == ["index.html", "two.html"]
    assert "Two (retitled)" in final["index.html"].decode()
    if when == "after the move":
        assert final["two.html"] == after["two.html"]
