"""Recurrent GAN latency in-process: drawing one digit row by row (the generator's forward, batch 1)
and the gate trace the view shows (the explicit LSTM equations, one row at a time), 1 thread.

    python -m bench.rcgan_bench [--calls 200] [--gan weights/rcgan-mnist] [--api 20]

--api N also starts the app and times N calls of each endpoint through gradio_client: /rcgan_inside,
and /rcgan_draw's first streamed row and its last update (the stream waits GANLAB_RCGAN_ROW_DELAY,
0.03 s, between rows on purpose: 28 rows take ≥ 0.84 s).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable


def percentiles(samples_s: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples_s)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"p50 {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  (n={len(ms)})"


def timed(fn: Callable[[int], object], calls: int) -> list[float]:
    """Wall times of fn(seed) for seeds 0..calls-1, after one warm-up call."""
    fn(0)
    times = []
    for seed in range(calls):
        start = time.perf_counter()
        fn(seed)
        times.append(time.perf_counter() - start)
    return times


def api_figures(calls: int) -> None:
    """Through the API of a fresh app on loopback: client-side wall times per call."""
    from pathlib import Path

    from bench import _app

    with _app.running_app() as (url, tmp, _):
        client = _app.connect(url, Path(tmp))

        def inside(seed: int) -> object:
            return client.predict(7, seed, "c", api_name="/rcgan_inside")

        firsts, wholes = [], []
        for seed in range(calls + 1):
            start = time.perf_counter()
            job = client.submit(7, seed, api_name="/rcgan_draw")
            while not job.outputs() and not job.done():
                time.sleep(0.001)
            first = time.perf_counter() - start
            job.result()
            if seed:  # the first call warms up
                firsts.append(first)
                wholes.append(time.perf_counter() - start)
        print("API /rcgan_inside:               ", percentiles(timed(inside, calls)))
        print("API /rcgan_draw, first row:      ", percentiles(firsts))
        print("API /rcgan_draw, all 28 rows:    ", percentiles(wholes))


def main(argv: list[str] | None = None) -> None:
    import torch

    from models.rcgan import RecurrentGAN

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--calls", type=int, default=200, help="timed calls per figure")
    p.add_argument("--gan", default="weights/rcgan-mnist", help="RecurrentGAN folder")
    p.add_argument("--api", type=int, default=0, help="also time N calls per endpoint through the API")
    args = p.parse_args(argv)
    torch.set_num_threads(1)  # as app.py does
    gan = RecurrentGAN.from_pretrained(args.gan, strict=True).eval()
    label = torch.tensor([7])
    config = gan.config
    print(f"{args.gan}: hidden {config.hidden_size}, layers {config.num_layers}, D {config.discriminator}")

    def generate(seed: int) -> object:
        return gan.generate(gan.latent(seed)[None], label)

    def trace(seed: int) -> object:
        return gan.trace(gan.latent(seed), 7)

    def trace_and_verdict(seed: int) -> object:
        return gan.realness(trace(seed)["rows"][None, None], label)

    print("generate, batch 1 (28 rows):     ", percentiles(timed(generate, args.calls)))
    print("trace (gates, cell, 28 rows):    ", percentiles(timed(trace, args.calls)))
    print("trace + D's verdict on the digit:", percentiles(timed(trace_and_verdict, args.calls)))
    if args.api:
        api_figures(args.api)


if __name__ == "__main__":
    main()
