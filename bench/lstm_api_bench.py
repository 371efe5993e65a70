"""LSTM text generation through the API: time to the first streamed chunk and chars/s end to end.

python bench/lstm_api_bench.py [--runs 20] [--length 300]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20, help="timed generations")
    parser.add_argument("--length", type=int, default=300, help="characters per generation")
    args = parser.parse_args()
    from gradio_client import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tmp = Path(tempfile.mkdtemp(prefix="lstm-bench-"))
    env = os.environ | {
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "HF_HUB_OFFLINE": "1",
        "HF_HOME": str(tmp / "hf"),
        "GRADIO_TEMP_DIR": str(tmp / "gradio"),
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    server = subprocess.Popen(
        [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                client = Client(f"http://127.0.0.1:{port}/", verbose=False, download_files=str(tmp / "dl"))
                break
            except Exception:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        first_chunk, totals, rates = [], [], []
        for run in range(args.runs + 2):
            start = time.perf_counter()
            job = client.submit("ROMEO:\n", args.length, 0.8, 0, 1.0, run, api_name="/lstm_generate")
            first = None
            for _ in job:
                first = first or time.perf_counter() - start
            total = time.perf_counter() - start
            if run >= 2:  # two warm-up runs
                first_chunk.append(first)
                totals.append(total)
                rates.append(args.length / total)
        ms = lambda xs: f"p50 {statistics.median(xs) * 1000:.0f} ms, max {max(xs) * 1000:.0f} ms"  # noqa: E731
        print(f"time to first streamed chunk via gradio_client: {ms(first_chunk)} (n={len(first_chunk)})")
        print(
            f"whole {args.length}-char generation: {ms(totals)}; "
            f"{statistics.median(rates):.0f} chars/s end to end (p50)"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
