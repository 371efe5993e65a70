"""Model-only timings on one device (no Gradio): GAN generator, char-LSTM stepping, classifiers.

    python -m bench.models_bench                  # CPU, 1 thread (as the app runs)
    python -m bench.models_bench --device cuda    # the GPU path (run on a GPU machine)

Prints one line per figure: median milliseconds per call over --calls calls after a warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import torch

from models.char_lstm import CharLSTM
from models.dcgan import ConditionalGAN
from models.text_classifier import NameLSTM, SentimentLSTM


def median_ms(fn: Callable[[], object], calls: int, device: torch.device) -> float:
    """Median wall time of fn() in ms (CUDA work synchronised before each clock read)."""
    for _ in range(max(3, calls // 10)):
        fn()
    times = []
    for _ in range(calls):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        fn()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--device", default="cpu", help="torch device")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    parser.add_argument("--calls", type=int, default=200, help="timed calls per figure")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"cpu ({args.threads} thread(s))"
    print(f"device {name}, torch {torch.__version__}")

    gan = ConditionalGAN.from_pretrained("weights/dcgan-mnist").to(device).eval()
    for batch in (1, 64):
        z = torch.randn(batch, gan.config.latent_dim, device=device)
        labels = torch.arange(batch, device=device) % 10
        with torch.inference_mode():
            ms = median_ms(lambda z=z, labels=labels: gan.generator(z, labels), args.calls, device)
        print(f"GAN generator forward, batch {batch}: {ms:.3f} ms")

    lstm = CharLSTM.from_pretrained("weights/char-lstm-shakespeare").to(device).eval()
    ids = lstm.encode("ROMEO:\n")[0].to(device)
    with torch.inference_mode():
        _, state = lstm(ids[None], None)
        x = ids[-1:]
        ms = median_ms(lambda: lstm.step(x, state), args.calls, device)  # the app's path on this device
    print(
        f"char-LSTM one step (CharLSTM.step), batch 1: {ms:.3f} ms ({1e3 / ms:,.0f} chars/s, sampling excluded)"
    )

    sentiment = SentimentLSTM.from_pretrained("weights/sentiment-lstm-sst2").to(device).eval()
    ms = median_ms(lambda: sentiment.trace("not bad at all, but the ending drags"), args.calls, device)
    print(f"sentiment trace, one sentence: {ms:.3f} ms")
    names = NameLSTM.from_pretrained("weights/names-lstm").to(device).eval()
    ms = median_ms(lambda: names.trace("Nakamura"), args.calls, device)
    print(f"name trace, one name: {ms:.3f} ms")


if __name__ == "__main__":
    main()
