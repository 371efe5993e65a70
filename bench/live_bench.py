"""Training speed of the default 2-D GAN on this machine: steps per second in a worker thread, 1 torch thread.

python -m bench.live_bench [--seconds 5]
Prints the bare training rate and the rate with the tab's streaming (a picture and curves every 0.5 s).
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

import torch

from models.toy_gan import ToyGANConfig, ToyGANTrainer


def steps_per_second(seconds: float, with_frames: bool) -> tuple[float, int]:
    """Train the default GAN for `seconds` after a 50-step warm-up; returns (steps/s, frames drawn)."""
    from ui.images import save_png
    from ui.live_plots import draw_gan_frame

    trainer = ToyGANTrainer(ToyGANConfig())
    for _ in trainer.steps(50):
        pass
    start = last_frame = time.perf_counter()
    first, frames = trainer.step, 0
    for _ in trainer.steps(10**9):
        now = time.perf_counter()
        if now - start >= seconds:
            break
        if with_frames and now - last_frame >= 0.5:
            last_frame = now
            save_png(draw_gan_frame(trainer.snapshot()))
            frames += 1
    return (trainer.step - first) / (time.perf_counter() - start), frames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long each measurement trains")
    args = parser.parse_args()
    torch.set_num_threads(1)  # as app.py does
    config = ToyGANConfig()
    print(
        f"default 2-D GAN: {config.loss}, target {config.target}, width {config.hidden_size}, "
        f"depth {config.num_layers}, batch {config.batch_size}, {config.d_steps} D step per G step"
    )
    with ThreadPoolExecutor(max_workers=1) as worker:  # Gradio runs handlers in worker threads
        bare, _ = worker.submit(steps_per_second, args.seconds, False).result()
        streamed, frames = worker.submit(steps_per_second, args.seconds, True).result()
    print(f"training only:              {bare:7.1f} steps/s")
    print(f"with a frame every 0.5 s:   {streamed:7.1f} steps/s ({frames} frames)")
    print(f"a {20:.0f} s run trains about {streamed * 20:,.0f} steps")


if __name__ == "__main__":
    main()
