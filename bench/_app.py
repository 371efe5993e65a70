"""Start `python app.py` on a free loopback port for a benchmark, and stop it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
server_pids: list[int] = []  # process ids of the apps started here, newest last (for RSS readings)


@contextlib.contextmanager
def running_app(**env: str) -> Iterator[tuple[str, Path, float]]:
    """Yield (url, scratch folder, start time) of a fresh app process; env adds variables."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tmp = Path(tempfile.mkdtemp(prefix="ganlab-bench-"))
    settings = {
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "HF_HUB_OFFLINE": "1",
        "HF_HOME": str(tmp / "hf"),
        "GRADIO_TEMP_DIR": str(tmp / "gradio"),
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    full_env = os.environ | settings | env
    start = time.perf_counter()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=full_env, **quiet)
    server_pids.append(server.pid)
    try:
        yield f"http://127.0.0.1:{port}/", tmp, start
    finally:
        server.terminate()
        server.wait(timeout=10)


def connect(url: str, tmp: Path, timeout_s: float = 120):
    """A gradio_client.Client once the app answers."""
    from gradio_client import Client

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            # verify=False: plain HTTP on loopback, and it spares every request gradio_client makes the
            # ~20 ms of loading a CA bundle into a fresh SSL context (the load generator's main cost)
            return Client(url, verbose=False, download_files=str(tmp / "downloads"), ssl_verify=False)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
