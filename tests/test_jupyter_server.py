"""JupyterLab as analysts use it: a real server on loopback, its REST API, the project's kernel."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
        return json.loads(raw) if raw else None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`jupyter lab` as the README starts it (`make lab`), headless, on a loopback port."""
    port, token = free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    log = runtime / "server.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("jupyter")),
                "lab",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={ROOT / 'notebooks'}",
            ],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    srv = Server(port, token)
    deadline = time.monotonic() + 60
    while True:
        try:
            srv.api("GET", "/api/status")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"jupyter lab did not start:\n{log.read_text()}")
            time.sleep(0.3)
    yield srv
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_the_rest_api_lists_the_report_notebooks(server: Server) -> None:
    listing = server.api("GET", "/api/contents/")
    names = {item["name"] for item in listing["content"]}
    assert {"grain_positions.ipynb", "briefing.ipynb", "actor_profile.ipynb"} <= names
    specs = server.api("GET", "/api/kernelspecs")
    assert "python3" in specs["kernelspecs"]


async def run_cells(server: Server, kernel_id: str, cells: list[str]) -> list[dict[str, Any]]:
    """Execute cells one by one over the kernel's websocket; return every iopub message."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = server.base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    conn = await websocket_connect(
        HTTPRequest(url, headers={"Authorization": f"token {server.token}"})
    )
    seen: list[dict[str, Any]] = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            await conn.write_message(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "username": "test",
                            "session": "newsbrief-test",
                            "version": "5.3",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "channel": "shell",
                        "content": {
                            "code": code,
                            "silent": False,
                            "store_history": False,
                            "user_expressions": {},
                            "allow_stdin": False,
                        },
                    }
                )
            )
            while True:
                raw = await asyncio.wait_for(conn.read_message(), timeout=120)
                assert raw is not None, "the kernel's websocket closed"
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["channel"] == "iopub":
                    seen.append(msg)
                if msg["channel"] == "shell" and msg["msg_type"] == "execute_reply":
                    break
    finally:
        conn.close()
    return seen


def test_a_report_notebook_runs_on_the_projects_kernel(server: Server) -> None:
    nb = server.api("GET", "/api/contents/grain_positions.ipynb?content=1")["content"]
    cells = [c["source"] for c in nb["cells"] if c["cell_type"] == "code"]
    kernel = server.api("POST", "/api/kernels", {"name": "python3"})
    try:
        messages = asyncio.run(
            run_cells(
                server,
                kernel["id"],
                [
                    "import analysis, sys; print(sys.prefix); print(len(analysis.load().events))",
                    *cells,
                ],
            )
        )
    finally:
        server.api("DELETE", f"/api/kernels/{kernel['id']}")
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    assert not errors, errors
    printed = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
    prefix, n_events = printed.split()[:2]
    assert Path(prefix).resolve() == Path(sys.prefix).resolve(), "the project's environment"
    assert int(n_events) > 0, "the data loads"
    figures = [
        m["content"]["data"]["application/vnd.plotly.v1+json"]
        for m in messages
        if m["msg_type"] == "display_data"
        and "application/vnd.plotly.v1+json" in m["content"]["data"]
    ]
    assert len(figures) == 1 and figures[0]["data"][0]["type"] == "scatter"
