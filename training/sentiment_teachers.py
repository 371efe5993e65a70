"""Knowledge distillation for the sentiment LSTM: an ensemble of teachers' per-prefix beliefs as soft targets.

An ensemble of fine-tunes (their predictions averaged) is usually better than each of them, but costs
one model per member at every click; a student of the same shape trained to match the ensemble's
class probabilities after every word can keep much of the gain in one model (Hinton et al. 2015,
"Distilling the knowledge in a neural network", https://arxiv.org/abs/1503.02531). The teachers are
read once per training phrase, in eval mode and without gradients, before the student trains.
"""

from __future__ import annotations

import torch
from torch import nn

from models.text_classifier import SentimentLSTM


class TeacherEnsemble(nn.Module):
    """Teachers that share a vocabulary; `forward` gives log of their mean class probabilities (B, T, C)."""

    def __init__(self, folders: list[str]):
        super().__init__()
        self.members = nn.ModuleList([SentimentLSTM.from_pretrained(f).float().eval() for f in folders])
        self.config = self.members[0].config
        for folder, member in zip(folders, self.members, strict=True):
            if member.config.vocab != self.config.vocab or member.config.labels != self.config.labels:
                raise ValueError(f"teacher {folder} has another vocabulary or labels than {folders[0]}")

    def encode(self, text: str) -> tuple[torch.Tensor, list[str], list[str]]:
        return self.members[0].encode(text)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        probs = torch.stack([m(ids).float().softmax(-1) for m in self.members]).mean(0)  # (B, T, C)
        return probs.clamp_min(1e-12).log()


@torch.inference_mode()
def soft_targets(teachers: TeacherEnsemble, rows: list[torch.Tensor], batch_size: int = 512) -> list:
    """The ensemble's class probabilities after each token of each ids row (T,) → one (T, C) tensor per row.

    The reading is causal, so a row that begins another row (SST-2's phrases hold their left parts)
    takes its targets from the longer one: only rows that begin no other row are read, by length.
    """
    teachers.eval()
    longest = {}  # every prefix of a row → the longest row it begins
    for key in sorted({tuple(r.tolist()) for r in rows}, key=len, reverse=True):
        if key not in longest:
            longest.update({key[:i]: key for i in range(1, len(key) + 1) if key[:i] not in longest})
    keys = sorted(set(longest.values()), key=len)
    found = {}
    for start in range(0, len(keys), batch_size):
        chunk = keys[start : start + batch_size]
        ids = nn.utils.rnn.pad_sequence([torch.tensor(k) for k in chunk], batch_first=True)
        found.update(zip(chunk, teachers(ids).exp(), strict=True))  # (T, C) each, padded
    out = []
    for row in rows:
        key = tuple(row.tolist())
        out.append(found[longest[key]][: len(key)].clone())
    return out


def check_student(teachers: TeacherEnsemble, student: SentimentLSTM) -> None:
    """ValueError unless the student reads words as the teachers do (their soft targets are per token)."""
    if student.config.vocab != teachers.config.vocab:
        raise ValueError("--teachers must share the student's vocabulary (start it --init-from their start)")
