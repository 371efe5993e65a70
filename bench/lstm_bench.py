"""Char-LSTM speed at batch 1: characters per second of `step` (one char at a time, state carried)
and of `generate`, float32 and int8 (`CharLSTM.quantized()`), and of `trace` (the gates and states
"Inside the LSTM" shows), with 1 thread and with the default
thread count (torch's and the BLAS's), each measured in a worker thread the way Gradio runs handlers.
The float path on a CPU (`BatchOneWeights`) reads float16 weights through fbgemm with 1 thread and
float32 ones through NumPy's BLAS otherwise; BLAS's thread count is fixed when NumPy loads, so each
thread count is measured in its own process.

    python -m bench.lstm_bench [--weights weights/char-lstm-shakespeare] [--chars 1000] [--repeats 3]

The figures depend on what else runs on the machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import torch

from models.char_lstm import CharLSTM

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_THREADS = torch.get_num_threads()  # read before anything sets it


def step_rate(model: CharLSTM, ids: torch.Tensor) -> float:
    """Chars/s of feeding ids one at a time through `step`, carrying the state."""
    state, start = None, time.perf_counter()
    for index in ids:
        _, state = model.step(index.view(1), state)
    return len(ids) / (time.perf_counter() - start)


def lstm_no_onednn_rate(model: CharLSTM, ids: torch.Tensor) -> float:
    """Reference: nn.LSTM called per char with oneDNN off (a process-wide switch, so not in the app)."""
    state, start = None, time.perf_counter()
    torch.backends.mkldnn.enabled = False  # not .flags(): that also sets TF32 and warns on CPU builds
    try:
        with torch.inference_mode():
            for index in ids:
                out, state = model.lstm(model.embedding(index.view(1, 1)), state)
                model.head(out[:, -1])
    finally:
        torch.backends.mkldnn.enabled = True
    return len(ids) / (time.perf_counter() - start)


def generate_rate(model: CharLSTM, ids: torch.Tensor) -> float:
    """Chars/s of `generate` (temperature 0.8, top-k 20) after a 32-char prompt, prompt included."""
    generator, start = torch.Generator().manual_seed(0), time.perf_counter()
    for _ in model.generate(ids[:32], len(ids), temperature=0.8, top_k=20, generator=generator):
        pass
    return len(ids) / (time.perf_counter() - start)


def trace_rate(model: CharLSTM, ids: torch.Tensor) -> float:
    """Chars/s of `trace`: every gate and state of every layer, what "Inside the LSTM" shows."""
    start = time.perf_counter()
    model.trace(ids)
    return len(ids) / (time.perf_counter() - start)


def measure(rate: Callable[[CharLSTM, torch.Tensor], float], model: CharLSTM, ids, repeats: int) -> str:
    with ThreadPoolExecutor(1) as worker:  # a worker thread, the way Gradio runs handlers
        worker.submit(rate, model, ids[:50]).result()  # warm-up (and the fused-weight cache)
        rates = [worker.submit(rate, model, ids).result() for _ in range(repeats)]
    return f"{statistics.median(rates):8,.0f} chars/s (median; best {max(rates):,.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weights", default="weights/char-lstm-shakespeare", help="folder or Hub repo id")
    parser.add_argument("--chars", type=int, default=1000, help="characters per measurement")
    parser.add_argument("--repeats", type=int, default=3, help="measurements per figure")
    parser.add_argument("--threads", type=int, default=0, help="(internal) measure this thread count only")
    args = parser.parse_args()
    if args.threads == 0:  # one child process per thread count: BLAS threads are set at import
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
        for threads in sorted({1, DEFAULT_THREADS}):
            env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)}
            subprocess.run(
                [sys.executable, "-m", "bench.lstm_bench", *sys.argv[1:], "--threads", str(threads)],
                env=env,
                check=True,
                cwd=ROOT,
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        return

    model = CharLSTM.from_pretrained(args.weights).eval()
    int8 = model.quantized()
    ids = torch.randint(len(model.config.vocab), (args.chars,), generator=torch.Generator().manual_seed(0))
    config = model.config
    print(
        f"-- {args.weights}: {config.num_layers}×{config.hidden_size}, batch 1, {args.chars} chars per figure"
    )
    for threads in (args.threads,):
        torch.set_num_threads(threads)
        kernel = "fbgemm float16" if model._step_weights().float16_kernel else "NumPy float32"
        print(
            f"-- {threads} thread{'s' if threads > 1 else ''} (torch and BLAS); float path: {kernel} weights"
        )
        print("  step, float32 (batch-1 path)  ", measure(step_rate, model, ids, args.repeats))
        print("  step, int8 (quantized())      ", measure(step_rate, int8, ids, args.repeats))
        print("  nn.LSTM per char, oneDNN off  ", measure(lstm_no_onednn_rate, model, ids, args.repeats))
        print("  generate, float32             ", measure(generate_rate, model, ids, args.repeats))
        print("  generate, int8                ", measure(generate_rate, int8, ids, args.repeats))
        print("  trace (/lstm_analyze)         ", measure(trace_rate, model, ids, args.repeats), flush=True)


if __name__ == "__main__":
    main()
