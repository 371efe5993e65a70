"""Validation loss (nats per character) of a char-LSTM weights folder on Tiny Shakespeare.

python -m training.evaluate_char_lstm --weights weights/char-lstm-shakespeare --max-chars 20000
"""

from __future__ import annotations

import argparse
import json
import time

import torch
import torch.nn.functional as F

from models.char_lstm import CharLSTM
from training.data_paths import add_data_dir_argument
from training.shakespeare_data import load_text, split_text, text_path


@torch.inference_mode()
def validation_loss(model: CharLSTM, ids: torch.Tensor, streams: int = 32, chunk_len: int = 256) -> float:
    """Mean cross-entropy (nats/char) of predicting ids[1:] from what precedes them.

    The text is cut into `streams` contiguous pieces read in parallel, each from a zero state and
    carrying its state across chunks; every character after the first is predicted exactly once.
    """
    model.eval()
    inputs, targets = ids[:-1], ids[1:]
    count = len(targets)
    streams = max(1, min(streams, count))
    length = -(-count // streams)  # ceil: pad the last stream, padding targets are ignored
    pad = streams * length - count
    inputs = F.pad(inputs, (0, pad), value=0).view(streams, length).to(model.device)
    targets = F.pad(targets, (0, pad), value=-100).view(streams, length).to(model.device)
    total, state = 0.0, None
    for start in range(0, length, chunk_len):
        logits, state = model(inputs[:, start : start + chunk_len], state)  # (S, T, V)
        chunk_targets = targets[:, start : start + chunk_len]
        total += float(
            F.cross_entropy(logits.flatten(0, 1).float(), chunk_targets.flatten(), reduction="sum")
        )
    return total / count


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weights", default="weights/char-lstm-shakespeare", help="folder (or Hub repo id)")
    add_data_dir_argument(parser, "tinyshakespeare/input.txt")
    parser.add_argument("--device", default="cpu", help="torch device to evaluate on")
    parser.add_argument(
        "--max-chars", type=int, default=0, help="score only the first N validation chars (0: all)"
    )
    parser.add_argument(
        "--streams", type=int, default=32, help="contiguous pieces of the text read in parallel"
    )
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    model = CharLSTM.from_pretrained(args.weights).to(args.device)
    _, val_text = split_text(load_text(text_path(args.data_dir)))
    if args.max_chars > 0:
        val_text = val_text[: args.max_chars]
    ids, dropped = model.encode(val_text)
    if dropped:
        raise SystemExit(f"validation text has characters outside the model's vocabulary: {dropped}")
    start = time.perf_counter()
    loss = validation_loss(model, ids, streams=args.streams)
    result = {"val_loss": round(loss, 4), "chars": len(ids), "streams": args.streams, "weights": args.weights}
    result |= {"seconds": round(time.perf_counter() - start, 1)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
