"""LSTM text generation through the API: time to the first streamed chunk and chars/s end to end.

python -m bench.lstm_api_bench [--runs 20] [--length 300]
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20, help="timed generations")
    parser.add_argument("--length", type=int, default=300, help="characters per generation")
    args = parser.parse_args()
    from bench._app import connect, running_app

    with running_app() as (url, tmp, _):
        client = connect(url, tmp)
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


if __name__ == "__main__":
    main()
