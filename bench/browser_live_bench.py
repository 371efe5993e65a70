"""The 2-D GAN of "Watch it learn" in the page (TF.js) against today's server path, in headless Chromium.

python bench/browser_live_bench.py [--pages 8] [--steps 1000] [--seconds 8]
Starts the app; prints (1) one page's steps/s, training only and with drawing (Start, frames counted),
wall-clock and per CPU-second of the page's renderer (steadier when others load the machine);
(2) `--pages` pages in one browser pressing Start at the same instant, for the page path and for the
server path (TF.js blocked, the fallback, which is the path every student took before): each page's
time to its first frame with trained steps, its steps/s, and the server's CPU seconds meanwhile.
Linux only (CPU times from /proc). Timings on a shared machine are noisy: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from bench._app import running_app, server_pids  # noqa: E402
from tests.test_browser import CHROMIUM, FLAGS  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
# records, in each page, the wall time (Date.now()) of the first status showing trained steps while training
WATCH_JS = """(id) => new Promise((ok) => {
  window.firstFrameAt = null;
  const seen = () => /Step [1-9][0-9]* \\(training\\)/.test(document.getElementById(id)?.innerText || "");
  const observer = new MutationObserver(() => { if (!window.firstFrameAt && seen()) window.firstFrameAt = Date.now(); });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  ok();
})"""
CLICK_AT_JS = "(at) => setTimeout(() => document.getElementById('gan2d-start').click(), at - Date.now())"


def cpu_seconds(pid: int, children: bool = True) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if children else 0)
    return ticks / TICKS


def descendants(pid: int) -> list[int]:
    """Process ids below `pid` (Chromium's browser, GPU and renderer processes under playwright)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                pass
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        frontier += kids
    return found


def browser_cpu() -> float:
    total = 0.0
    for pid in descendants(os.getpid()):
        try:
            total += cpu_seconds(pid, children=False)
        except OSError:
            pass
    return total


def open_tab(context, url: str, server_path: bool):
    page = context.new_page()
    for attempt in range(3):  # on a loaded machine a page now and then never renders: load it again
        page.goto(url, wait_until="load", timeout=180_000)
        try:
            page.get_by_role("tab", name="Watch it learn", exact=True).click(timeout=60_000)
            break
        except PlaywrightTimeout:
            print(f"  (page did not render, attempt {attempt + 1}): {page.locator('body').inner_text()[:300]!r}",
                  flush=True)  # fmt: skip
    status = "gan2d-status" if server_path else "gan2d-live-status"
    page.wait_for_function(
        "(id) => (document.getElementById(id)?.innerText || '').includes('Step 0 (ready)')", arg=status,
        timeout=180_000,
    )  # fmt: skip
    return page, status


def set_steps(page, steps: int) -> None:
    box = page.get_by_label("Steps per run", exact=False).first
    box.fill(str(steps))
    box.press("Enter")


def one_page(browser, url: str, seconds: float) -> None:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    page, _ = open_tab(context, url, server_path=False)
    cpu0, n = browser_cpu(), 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:  # training only, in slices the test harness can time
        page.evaluate("window.gan2dLive.then((live) => live.trainer.steps(50))")
        n += 50
    wall, cpu = time.perf_counter() - start, browser_cpu() - cpu0
    print(f"training only:      {n / wall:6.1f} steps/s wall, {n / cpu:6.1f} per renderer CPU-second")
    page.locator("#gan2d-reset").click()
    set_steps(page, 20_000)
    cpu0 = browser_cpu()
    page.locator("#gan2d-start").click()
    page.wait_for_timeout(seconds * 1000)
    page.locator("#gan2d-pause").click()
    cpu = browser_cpu() - cpu0
    m = page.evaluate("window.gan2dLive.then((live) => live.metrics())")
    print(f"with drawing:       {m['steps_per_second']:6.1f} steps/s wall, {m['step'] / cpu:6.1f} per CPU-second, "
          f"{m['frames'] / seconds:4.1f} frames/s")  # fmt: skip
    context.close()


def class_of(browser, url: str, pages: int, steps: int, server_path: bool) -> None:
    """`pages` students press Start together; time to first frame, steps/s each, server CPU seconds."""
    # one context per student: a browser allows 6 connections per host, and each Gradio page holds some open
    contexts = [
        browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000}) for _ in range(pages)
    ]
    if server_path:
        for context in contexts:
            context.route(re.compile(r".*/vendor/tensorflow-tfjs.*"), lambda route: route.abort())
    opened = [open_tab(context, url, server_path) for context in contexts]
    for page, status in opened:
        set_steps(page, steps)
        page.evaluate(WATCH_JS, status)
    server_cpu0 = cpu_seconds(server_pids[-1])
    at = int(time.time() * 1000) + 1000
    for page, _ in opened:
        page.evaluate(CLICK_AT_JS, at)
    for page, status in opened:  # a run ends paused: its steps done, or the server's 20 s limit
        page.wait_for_function("(id) => (document.getElementById(id)?.innerText || '').includes('(paused)')",
                               arg=status, timeout=600_000)  # fmt: skip
    server_cpu = cpu_seconds(server_pids[-1]) - server_cpu0
    waits = sorted((page.evaluate("window.firstFrameAt") - at) / 1000 for page, _ in opened)
    texts = [page.locator(f"#{status}").inner_text() for page, status in opened]
    rates = [float(re.search(r"([\d.]+) steps/s", text).group(1)) for text in texts]
    trained = [int(re.search(r"Step (\d+)", text).group(1)) for text in texts]
    name = "server path (today)" if server_path else "in the page (TF.js)"
    print(f"{name}: first frame median {statistics.median(waits):.2f} s, worst {waits[-1]:.2f} s "
          f"({', '.join(f'{w:.2f}' for w in waits)}); steps/s each {', '.join(f'{r:.0f}' for r in sorted(rates))}; "
          f"server CPU {server_cpu:.1f} s for {pages} runs ({min(trained)}–{max(trained)} of {steps} steps "
          f"each)")  # fmt: skip
    for context in contexts:
        context.close()


def wait_for(url: str, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=8, help="students pressing Start together")
    parser.add_argument("--steps", type=int, default=300, help="steps per run in the class measurement")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each single-page measurement")
    parser.add_argument("--parts", default="one,class,server",
                        help="which measurements, in order (one process each is steadiest here)")  # fmt: skip
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    # a fresh app and browser per measurement. Seen here: in one process, the pages of the second
    # measurement never got past Gradio's "Loading…" (not understood); run one part per process.
    measures = {
        "one": lambda browser, url: one_page(browser, url, args.seconds),
        "class": lambda browser, url: class_of(browser, url, args.pages, args.steps, server_path=False),
        "server": lambda browser, url: class_of(browser, url, args.pages, args.steps, server_path=True),
    }
    with sync_playwright() as playwright:
        for measure in [measures[name] for name in args.parts.split(",")]:
            with running_app() as (url, _tmp, _start):
                wait_for(url)
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                measure(browser, url)
                browser.close()
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
