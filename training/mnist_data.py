"""Read MNIST from its gzipped IDX files (the format of http://yann.lecun.com/exdb/mnist/)."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import torch

from training.data_paths import DEFAULT_DATA_DIR

UPSTREAM_URL = "https://ossci-datasets.s3.amazonaws.com/mnist/"  # torchvision's mirror of LeCun's files

_FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}


def _read_idx(path: Path, magic: int) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        data = f.read()
    found = int.from_bytes(data[:4], "big")
    if found != magic:
        raise ValueError(f"{path}: IDX magic {found}, expected {magic}")
    ndim = data[3]
    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_mnist(
    data_dir: str | Path = DEFAULT_DATA_DIR, split: str = "train"
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (images uint8 (N, 28, 28), labels int64 (N,)) of the 'train' or 'test' split in data_dir/mnist."""
    if split not in _FILES:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    folder = Path(data_dir) / "mnist"
    image_file, label_file = _FILES[split]
    if not (folder / image_file).exists():
        raise FileNotFoundError(
            f"{folder / image_file} not found: download the four MNIST files from {UPSTREAM_URL} into {folder}"
        )
    images = _read_idx(folder / image_file, 2051)
    labels = _read_idx(folder / label_file, 2049)
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))


def to_model_range(images: torch.Tensor) -> torch.Tensor:
    """uint8 (N, 28, 28) → float (N, 1, 28, 28) in [-1, 1], the range the GAN and classifier use."""
    return images.float().div(127.5).sub(1.0).unsqueeze(1)
