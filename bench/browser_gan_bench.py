"""The GAN explorer in headless Chromium: computed in the page (web/gan/) vs on the server, same app.

    python -m bench.browser_gan_bench                  # all figures, 32 pages for the class drag
    python -m bench.browser_gan_bench --pages 8 --moves 40 --parts latency open

The server path is the same app with the page's runtime blocked (the fallback: every move is a
/gan_generate request, as before the explorer moved into the page), so both are measured the same way:
  1. one page, slider `input` → new picture painted (the next animation frame once the <img> has decoded
     its new picture, or once the page has drawn into its canvas over the image), p50/p95; each
     move starts when the page shows the last one's caption (no update of the last move is still due);
  2. requests to the server per 100 slider moves;
  3. a class drag: --pages pages in one browser each move ψ every 30 ms, --moves times; the server
     process's CPU seconds from the first move until every page shows its last value;
  4. opening the app → first digit computed in the page, cold cache and warm (same browser profile).
Client and server share this machine's cores (and other people's work): figures are noisy.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench import _app
from bench._app import running_app
from bench.load_bench import cpu_seconds

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # many pages at once: keep the ones not in front running at full speed, as students' own tabs
         "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
         "--disable-backgrounding-occluded-windows"]  # fmt: skip
BLOCK_RUNTIME = re.compile(r".*/web/vendor/onnxruntime-web/.*")
PATHS = (
    ("server (before)", False, "server"),
    ("in page (after)", True, "page"),
)  # label, in the page, --paths
PSI_VALUES = [round(0.05 * k, 2) for k in range(31)]  # the ψ slider's steps, 0 … 1.5

# In the page: set ψ like a drag does (value + `input` event), resolve when the new image is painted.
MOVE_JS = """async (value) => {
    const box = document.querySelector('#gan-image');
    const old = box.querySelector('img')?.src;
    const frameOf = () => box.querySelector('canvas.ganlab-live')?.dataset.frame;  // the page's own canvas
    const oldFrame = frameOf();
    const slider = document.querySelector('#gan-truncation input[type=range]');
    const start = performance.now();
    const painted = new Promise((resolve) => {
        const check = async () => {
            if (frameOf() !== oldFrame) {  // drawn into the canvas over the image: shown at the next frame
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - start));
                return;
            }
            const img = box.querySelector('img');
            if (!img || !img.src || img.src === old) return;
            observer.disconnect();
            await img.decode().catch(() => {});
            requestAnimationFrame(() => resolve(performance.now() - start));
        };
        const observer = new MutationObserver(check);
        observer.observe(box, {subtree: true, childList: true, attributes: true,
                               attributeFilter: ['src', 'data-frame']});
    });
    slider.value = value;
    slider.dispatchEvent(new Event('input', {bubbles: true}));
    return await painted;
}"""
# In the page: a drag of `moves` ψ steps, one every `every_ms`, without waiting for the images.
DRAG_JS = """async ([values, every_ms]) => {
    const slider = document.querySelector('#gan-truncation input[type=range]');
    for (const value of values) {
        slider.value = value;
        slider.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise((resolve) => setTimeout(resolve, every_ms));
    }
}"""


def open_page(context, url: str, browser_path: bool):
    page = context.new_page()
    page.goto(url, wait_until="load")
    expected = "Computed in your browser" if browser_path else "could not load"
    page.locator("#gan-runtime").get_by_text(expected).wait_for(timeout=120_000)
    page.locator("#gan-caption").get_by_text("seed 42").wait_for(timeout=60_000)
    return page


def new_context(browser, browser_path: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    if not browser_path:
        context.route(BLOCK_RUNTIME, lambda route: route.abort())
    return context


def wait_for_psi(page, value: float) -> None:
    page.locator("#gan-caption").get_by_text(f"ψ = {value:g}.").wait_for(timeout=120_000)


def latency_and_requests(browser, url: str, browser_path: bool, moves: int) -> tuple[list[float], int]:
    """Per-move latencies (ms) of `moves` sequential moves, and the server requests per 100 moves."""
    context = new_context(browser, browser_path)
    page = open_page(context, url, browser_path)
    requests: list[str] = []
    page.on(
        "request",
        lambda r: requests.append(r.url) if "/gradio_api/" in r.url and "heartbeat" not in r.url else None,
    )
    values = [
        PSI_VALUES[(k % 30) + 1] if (k // 30) % 2 == 0 else PSI_VALUES[29 - (k % 30)] for k in range(moves)
    ]
    latencies = []
    for value in values:  # one move at a time: the next starts once the page shows this one's caption
        latencies.append(page.evaluate(MOVE_JS, value))
        wait_for_psi(page, value)
    per_100 = len(requests) * 100 / moves
    context.close()
    return latencies, per_100


def class_drag(browser, url: str, browser_path: bool, pages: int, moves: int, server_pid: int) -> dict:
    """`pages` pages drag ψ at once until all show their last value: server CPU s, wall s, requests,
    and the server's CPU per second with the same pages open and idle (heartbeats: the floor)."""
    contexts = [new_context(browser, browser_path) for _ in range(pages)]  # one per student
    opened = [open_page(context, url, browser_path) for context in contexts]
    requests: list[str] = []
    for context in contexts:
        context.on(
            "request",
            lambda r: (
                requests.append(r.url) if "/gradio_api/" in r.url and "heartbeat" not in r.url else None
            ),
        )
    idle_before, idle_start = cpu_seconds(server_pid), time.perf_counter()
    time.sleep(20)
    idle_rate = (cpu_seconds(server_pid) - idle_before) / (time.perf_counter() - idle_start)
    values = [PSI_VALUES[1 + (k % 29)] for k in range(moves)]
    cpu_before, start = cpu_seconds(server_pid), time.perf_counter()
    for page in opened:  # start every drag without waiting (the pages run them concurrently)
        page.evaluate(f"window.__drag = ({DRAG_JS})([{values}, 30])")
    for page in opened:
        page.evaluate("window.__drag")
        wait_for_psi(page, values[-1])
    wall, cpu = time.perf_counter() - start, cpu_seconds(server_pid) - cpu_before
    for context in contexts:
        context.close()
    return {"cpu": cpu, "wall": wall, "requests": len(requests), "idle_cpu_per_s": idle_rate}


def first_digit(playwright, url: str) -> tuple[float, float, int]:
    """Opening the app → first in-page digit (ms), cold then warm cache, and the bytes of web/ fetched cold."""
    profile = tempfile.mkdtemp(prefix="ganlab-bench-profile-")
    times, web_bytes = [], 0
    for attempt in range(2):
        context = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=FLAGS)
        page = context.new_page()
        sizes: list[int] = []
        page.on(
            "requestfinished",
            lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"]) if "/web/" in r.url else None,
        )
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(
            "() => document.querySelector('#gan-image img')?.src?.startsWith('data:')", timeout=120_000
        )
        times.append((time.perf_counter() - start) * 1000)
        if attempt == 0:
            page.wait_for_timeout(500)
            web_bytes = sum(sizes)
        context.close()
    return times[0], times[1], web_bytes


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=20)
    return f"p50 {statistics.median(values):6.1f} ms  p95 {cuts[18]:6.1f} ms  (n={len(values)})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=60, help="slider moves per measurement")
    parser.add_argument("--pages", type=int, default=32, help="pages in the class drag")
    parser.add_argument("--parts", nargs="+", default=["latency", "drag", "open"], help="which figures")
    parser.add_argument(
        "--paths", nargs="+", default=["server", "page"], help="which paths (server: before, page: after)"
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with running_app() as (url, _, _), sync_playwright() as playwright:
        _app.connect(url, Path(tempfile.mkdtemp()))  # waits until the app answers
        server_pid = _app.server_pids[-1]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        paths = [(label, in_page) for label, in_page, key in PATHS if key in args.paths]
        for label, browser_path in paths if "latency" in args.parts else ():
            latencies, per_100 = latency_and_requests(browser, url, browser_path, args.moves)
            print(
                f"{label:16s} input → painted: {percentiles(latencies)}; requests per 100 moves: {per_100:.0f}"
            )
        for label, browser_path in paths if "drag" in args.parts else ():
            d = class_drag(browser, url, browser_path, args.pages, args.moves, server_pid)
            print(
                f"{label:16s} {args.pages} pages × {args.moves} moves: server CPU {d['cpu']:.2f} s, all settled in "
                f"{d['wall']:.1f} s, {d['requests']} requests; idle floor {d['idle_cpu_per_s']:.3f} CPU s/s"
            )
        browser.close()
        if "open" in args.parts:
            cold, warm, web_bytes = first_digit(playwright, url)
            print(
                f"open → first in-page digit: cold {cold:.0f} ms ({web_bytes:,} bytes of web/ fetched), warm {warm:.0f} ms"
            )


if __name__ == "__main__":
    main()
