"""A classroom at once: N concurrent gradio_client users over a mix of endpoints, loopback only.

    python -m bench.load_bench                          # N = 1, 8, 32, 64; 6 calls per user
    python -m bench.load_bench --users 64 --rounds 3    # repeated runs at one N (RSS growth check)
    python -m bench.load_bench --users 1 32 --floor     # the GAN calls go to a model-free twin
    python -m bench.load_bench --users 32 --think 1     # users pause ~1 s between calls

Without --think every user sends its next request the moment the last one answers: a student
dragging a slider (trigger_mode "always_last" keeps one request of a session in flight).

--floor replaces every GAN call (and the single-user reference) with /noop_gan: /gan_generate's event
(batched, same lanes, an image, a label and a caption out) whose function calls no model. Its figures
are Gradio's own cost on this machine, the floor under anything the model code can do.

Each user is a thread with its own gradio_client.Client: it first opens its session (a /ping, timed
apart: Gradio builds per-session state then, as on a page load), then calls, in a seeded random order: the GAN
slider endpoint (70 %), sentence sentiment (12 %), name language (10 %) and a short streamed char-LSTM
continuation (8 %). Client and server share this machine's cores, so the figures include the clients'
own work. Prints per N: throughput, p50/p95/p99 per endpoint, errors, and the server's RSS before and
after. Bounded: --calls per user, and every call has a --timeout.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import _app
from bench._app import connect, running_app

SENTENCES = ["The movie was not bad at all.", "A dull, lifeless script.", "Warm, funny and wise."]
CLIENT_PROCESSES = 4  # load-generator processes (each runs its share of the users as threads)
NAMES = ["Nakamura", "Schmidt", "Rossi", "Nguyen", "Kowalski", "O'Neill"]


def gan_call(rng: random.Random, floor: bool) -> tuple[str, tuple]:
    """A slider move (another seed, digit and direction shift), or its model-free twin with --floor."""
    if floor:
        return "/noop_gan", (rng.randrange(10_000),)
    shifts = [round(rng.uniform(-2, 2), 1)] + [0.0] * 7
    return "/gan_generate", ("", rng.randrange(10), rng.randrange(10_000), 1.0, *shifts)


def call_mix(rng: random.Random, floor: bool = False) -> tuple[str, tuple]:
    """One request of the mix: (api_name, arguments)."""
    roll = rng.random()
    if roll < 0.70:
        return gan_call(rng, floor)
    if roll < 0.82:
        return "/classify_sentiment", (rng.choice(SENTENCES),)
    if roll < 0.92:
        return "/classify_name", (rng.choice(NAMES),)
    return "/lstm_generate", ("ROMEO:\n", 40, 0.8, 0, 1.0, rng.randrange(1000))


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (clock ticks from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _users_in_process(
    url, tmp, user_ids, calls, timeout_s, seed, floor, think, start_barrier, results
) -> None:
    """One client process: a thread and a gradio_client.Client per user; puts its figures on `results`."""
    clients = {k: connect(url, tmp) for k in user_ids}  # connected before the clock starts
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()

    def user(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        for call in range(calls + 1):
            # the first call opens the user's session (Gradio builds its per-session state, as on a page
            # load): timed apart from the slider moves and other calls that follow
            api_name, args = ("/ping", ()) if call == 0 else call_mix(rng, floor)
            label = "(open) /ping" if call == 0 else api_name
            if call > 0 and think > 0:  # a student looks at the result before the next move
                time.sleep(rng.uniform(0, 2 * think))
            start = time.perf_counter()
            try:
                clients[k].submit(*args, api_name=api_name).result(timeout=timeout_s)
                with lock:
                    latencies[label].append(time.perf_counter() - start)
            except Exception as error:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    errors.append(f"{api_name}: {type(error).__name__}: {str(error)[:120]}")

    cpu_start = time.process_time()
    start_barrier.wait()  # every process starts at the same moment, like a class told "go"
    with ThreadPoolExecutor(len(user_ids)) as pool:
        list(pool.map(user, user_ids))
    results.put({"latencies": dict(latencies), "errors": errors, "cpu": time.process_time() - cpu_start})
    for client in clients.values():
        client.close()


def run_users(
    url: str,
    tmp: Path,
    users: int,
    calls: int,
    timeout_s: float,
    seed: int,
    floor: bool = False,
    think: float = 0.0,
) -> dict:
    """`users` concurrent clients, `calls` requests each → latencies per endpoint, errors, wall time.

    Users are spread over up to CLIENT_PROCESSES processes so that the load generator's own GIL does
    not become the queue being measured.
    """
    context = multiprocessing.get_context("fork")
    processes = min(users, CLIENT_PROCESSES)
    start_barrier, results = context.Barrier(processes + 1), context.Queue()
    workers = [
        context.Process(
            target=_users_in_process,
            args=(
                url,
                tmp,
                list(range(i, users, processes)),
                calls,
                timeout_s,
                seed,
                floor,
                think,
                start_barrier,
                results,
            ),
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    start_barrier.wait(timeout=300)  # a worker that died before the start breaks the barrier: an error
    start = time.perf_counter()
    parts = [results.get(timeout=calls * (timeout_s + 2 * think) + 300) for _ in workers]
    wall = time.perf_counter() - start
    for worker in workers:
        worker.join()
    latencies: dict[str, list[float]] = defaultdict(list)
    for part in parts:
        for api_name, values in part["latencies"].items():
            latencies[api_name] += values
    return {
        "latencies": dict(latencies),
        "errors": [e for part in parts for e in part["errors"]],
        "wall": wall,
        "client_cpu": sum(part["cpu"] for part in parts),
    }


def single_user_gan_p50(url: str, tmp: Path, calls: int, floor: bool = False) -> float:
    """The reference for the GAN goal: one user moving one slider, `calls` times, nobody else."""
    client, times, rng = connect(url, tmp), [], random.Random(0)
    for _ in range(calls):
        api_name, args = gan_call(rng, floor)
        start = time.perf_counter()
        client.predict(*args, api_name=api_name)
        times.append(time.perf_counter() - start)
    client.close()
    return statistics.median(times[3:])  # the first calls open the session


def report(
    users: int, result: dict, rss_before: float, rss_after: float, single_gan_p50: float | None
) -> None:
    done = sum(len(v) for v in result["latencies"].values())
    print(
        f"N={users:3d}: {done} calls in {result['wall']:.1f} s = {done / result['wall']:.1f} calls/s, "
        f"errors {len(result['errors'])}, server RSS {rss_before:.0f} → {rss_after:.0f} MiB, "
        f"CPU s: server {result['cpu'][0]:.1f}, clients {result['cpu'][1]:.1f}"
    )
    for api_name, values in sorted(result["latencies"].items()):
        p50, p95, p99 = (percentile(values, q) * 1e3 for q in (0.5, 0.95, 0.99))
        extra = ""
        if api_name in ("/gan_generate", "/noop_gan") and single_gan_p50:
            extra = f"  (p95 = {p95 / 1e3 / single_gan_p50:.1f}× the 1-user p50)"
        print(
            f"    {api_name:20s} n={len(values):4d}  p50 {p50:6.0f} ms  p95 {p95:6.0f}  p99 {p99:6.0f}{extra}"
        )
    for line in result["errors"][:5]:
        print(f"    error: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, nargs="+", default=[1, 8, 32, 64], help="concurrent users")
    parser.add_argument("--calls", type=int, default=6, help="requests per user")
    parser.add_argument("--rounds", type=int, default=1, help="runs per N (RSS growth across repeats)")
    parser.add_argument("--sessions", type=int, default=0, help="the app's session cap (0: its default)")
    parser.add_argument("--baseline-calls", type=int, default=40, help="single-user GAN calls for the p50")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a call counts as an error")
    parser.add_argument("--floor", action="store_true", help="GAN calls go to /noop_gan (no model)")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean pause (s) before each call, uniform in [0, 2×]"
    )
    args = parser.parse_args()
    env = {"GANLAB_HUB_DEADLINE": "1", "GANLAB_BENCH": "1"} | (
        {"GANLAB_SESSIONS": str(args.sessions)} if args.sessions else {}
    )
    with running_app(**env) as (url, tmp, _):
        connect(url, tmp).close()  # the app answers
        server_pid = _app.server_pids[-1]
        # warm-up: models loaded, caches filled
        warm = run_users(url, tmp, 1, 5, args.timeout, seed=0, floor=args.floor)
        if warm["errors"]:
            print("warm-up errors:", warm["errors"][:3])
        single_gan_p50 = single_user_gan_p50(url, tmp, args.baseline_calls, args.floor)
        print(
            f"single user, {'/noop_gan' if args.floor else '/gan_generate'} alone: p50 {single_gan_p50 * 1e3:.0f} ms over {args.baseline_calls} calls"
        )
        for users in args.users:
            for round_index in range(args.rounds):
                before, server_cpu = rss_mib(server_pid), cpu_seconds(server_pid)
                result = run_users(
                    url,
                    tmp,
                    users,
                    args.calls,
                    args.timeout,
                    users * 10 + round_index,
                    args.floor,
                    args.think,
                )
                after = rss_mib(server_pid)
                result["cpu"] = (cpu_seconds(server_pid) - server_cpu, result["client_cpu"])
                report(users, result, before, after, single_gan_p50)


if __name__ == "__main__":
    main()
