"""GAN latency: generator forward in-process, /gan_generate through gradio_client next to no-op
endpoints in the same run, and cold start (process start → first answer) with the Hub offline.

    python -m bench.gan_bench [--calls 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor


def percentiles(samples_s: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples_s)
    p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return f"p50 {statistics.median(ms):7.2f} ms  p95 {p(0.95):7.2f} ms  (n={len(ms)})"


def in_process(calls: int) -> None:
    import torch

    from models import registry
    from ui import gan

    torch.set_num_threads(1)  # as app.py does
    model = registry.load_bundled(registry.REGISTRY["dcgan-mnist"]).model
    z, label = torch.randn(1, model.config.latent_dim), torch.tensor([7])

    def forward_times() -> list[float]:
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            model.generate(z, label)
            times.append(time.perf_counter() - start)
        return times

    def handler_times() -> list[float]:
        times = []
        for seed in range(calls):
            start = time.perf_counter()
            gan.gan_generate("", 7, seed, 1.0, *[0.0] * 8)
            times.append(time.perf_counter() - start)
        return times

    with ThreadPoolExecutor(1) as worker:  # a worker thread, the way Gradio runs handlers
        worker.submit(forward_times).result()  # warm-up
        print("generator forward, batch 1, 1 thread:   ", percentiles(worker.submit(forward_times).result()))
        print("gan_generate handler (G + D + PNG image):", percentiles(worker.submit(handler_times).result()))


def through_api(calls: int, offline_flag: bool = True) -> None:
    from bench._app import connect, running_app

    env = {"GANLAB_BENCH": "1", "HF_HUB_OFFLINE": "1" if offline_flag else "0"}
    with running_app(**env) as (url, tmp, start):
        client = connect(url, tmp)
        client.predict("", 7, 42, 1.0, *[0.0] * 8, api_name="/gan_generate")
        how = "HF_HUB_OFFLINE=1" if offline_flag else "no network, Hub asked in the background"
        print(
            f"cold start (python app.py → first /gan_generate answer, {how}): {time.perf_counter() - start:.2f} s"
        )
        if not offline_flag:
            return

        def timed(api_name: str, args_of) -> list[float]:
            times = []
            for i in range(calls):
                t = time.perf_counter()
                client.predict(*args_of(i), api_name=api_name)
                times.append(time.perf_counter() - t)
            return times

        for _ in range(2):  # warm-up both paths
            timed("/gan_generate", lambda i: ("", 7, i, 1.0, *[0.0] * 8))
        gan_times = timed("/gan_generate", lambda i: ("", i % 10, 1000 + i, 1.0, *[0.0] * 8))
        ping_times = timed("/ping", lambda i: ())
        noop_times = timed("/noop_image", lambda i: ())
        print("/gan_generate via gradio_client: ", percentiles(gan_times))
        print("/noop_image   via gradio_client: ", percentiles(noop_times))
        print("/ping (text)  via gradio_client: ", percentiles(ping_times))
        ratio = statistics.median(gan_times) / statistics.median(noop_times)
        print(
            f"gan_generate p50 / noop_image p50 = {ratio:.2f}x ; "
            f"gan_generate p50 / ping p50 = {statistics.median(gan_times) / statistics.median(ping_times):.2f}x"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=200, help="timed calls per measurement")
    args = parser.parse_args()
    in_process(args.calls)
    through_api(args.calls, offline_flag=False)  # cold start only
    through_api(args.calls)
