"""Sequence classification latency: per sentence / name in-process (1 thread, worker thread) and via the API.

python -m bench.classify_bench [--calls 200] [--also-sentiment DIR …]   # other weights folders beside the bundled
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

SENTENCES = [
    "The movie was not bad at all.",
    "The acting is wonderful, but the plot is a complete mess and the ending drags on forever.",
    "A gorgeous, moving film.",
]
NAMES = ["Nakamura", "Schmidt", "Rossi", "Papadopoulos"]


def p50(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"p50 {statistics.median(ms):6.2f} ms  p95 {ms[int(0.95 * (len(ms) - 1))]:6.2f} ms"


def timed(fn, inputs: list[str], calls: int) -> list[float]:
    times = []
    for i in range(calls):
        start = time.perf_counter()
        fn(inputs[i % len(inputs)])
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=200, help="timed calls per figure")
    parser.add_argument(
        "--also-sentiment",
        nargs="+",
        default=[],
        help="sentiment weights folders whose model.classify is timed too, in the same run (before/after)",
    )
    args = parser.parse_args()
    import torch

    from models import registry
    from models.text_classifier import SentimentLSTM
    from ui import lstm_classify

    torch.set_num_threads(1)
    sentiment = registry.load_bundled(registry.REGISTRY["sentiment-lstm-sst2"]).model
    names = registry.load_bundled(registry.REGISTRY["names-lstm"]).model
    others = [(folder, SentimentLSTM.from_pretrained(folder).eval()) for folder in args.also_sentiment]
    with ThreadPoolExecutor(1) as worker:  # as Gradio runs handlers
        for label, fn, inputs in [
            ("sentiment: model.classify", sentiment.classify, SENTENCES),
            *((f"sentiment {folder}: model.classify", other.classify, SENTENCES) for folder, other in others),
            ("sentiment: whole handler (plot, spans, data)", lstm_classify.classify_sentiment, SENTENCES),
            ("names: model.classify", names.classify, NAMES),
            ("names: whole handler", lstm_classify.classify_name, NAMES),
        ]:
            worker.submit(timed, fn, inputs, 10).result()  # warm-up
            print(f"{label:<46} {p50(worker.submit(timed, fn, inputs, args.calls).result())}")

    from bench._app import connect, running_app

    with running_app() as (url, tmp, _):
        client = connect(url, tmp)
        for api_name, inputs in [("/classify_sentiment", SENTENCES), ("/classify_name", NAMES)]:
            timed(lambda x: client.predict(x, api_name=api_name), inputs, 5)  # noqa: B023
            times = timed(lambda x: client.predict(x, api_name=api_name), inputs, args.calls // 4)  # noqa: B023
            print(f"{api_name + ' via gradio_client':<46} {p50(times)}")


if __name__ == "__main__":
    main()
