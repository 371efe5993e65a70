"""Pieces shared by the scripts that train a sequence classifier read left to right (names, sentiment).

The model gives logits after every token; the loss scores every prefix against the sequence's label
(later prefixes weighted more), so the per-token trace is a real belief and the verdict its last step.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from training.averaging import update_ema


def prefix_loss(
    logits: torch.Tensor,
    lengths: torch.Tensor,
    labels: torch.Tensor,
    prefix_weight: float,
    class_weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """(1 - w) · CE of the full sequence + w · CE over its prefixes (prefix t weighted ∝ t), w = prefix_weight.

    logits (B, T, C) right-padded, lengths (B,), labels (B,); with class_weight (C,) each sequence's
    loss is scaled by its label's weight before the batch mean.
    """
    B, T, C = logits.shape
    steps = torch.arange(1, T + 1, device=logits.device)[None].expand(B, T)  # (B, T) 1-based position
    weights = torch.where(steps <= lengths[:, None], steps.float(), 0.0)
    weights = weights / weights.sum(1, keepdim=True)  # (B, T), each row sums to 1
    per_step = F.cross_entropy(logits.reshape(B * T, C), labels.repeat_interleave(T), reduction="none")
    prefixes = (per_step.view(B, T) * weights).sum(1)  # (B,)
    last = logits[torch.arange(B, device=logits.device), lengths - 1]  # (B, C)
    final = F.cross_entropy(last, labels, reduction="none")  # (B,)
    per_sequence = (1 - prefix_weight) * final + prefix_weight * prefixes
    if class_weight is not None:
        per_sequence = per_sequence * class_weight[labels]
    return per_sequence.mean()


def pad_batch(rows: list[tuple[torch.Tensor, int]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(ids, label) rows → ids (B, T) right-padded with 0, lengths (B,), labels (B,)."""
    ids = torch.nn.utils.rnn.pad_sequence([r for r, _ in rows], batch_first=True)
    return ids, torch.tensor([len(r) for r, _ in rows]), torch.tensor([y for _, y in rows])


def linear_decay(optimizer: torch.optim.Optimizer, total_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Learning rate falling linearly from its peak to 0 over total_steps."""
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / total_steps))


def training_step(model, loss, optimizer, schedule, average=None, ema: float = 0.0) -> None:
    """One update: backward, gradients clipped at norm 1, optimizer and schedule step, then the EMA
    copy `average` (if any) moves towards the model's weights with decay `ema`."""
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    schedule.step()
    if average is not None:
        update_ema(average, model, ema)


def soft_prefix_loss(
    logits: torch.Tensor, lengths: torch.Tensor, targets: torch.Tensor, prefix_weight: float
) -> torch.Tensor:
    """`prefix_loss` against soft targets (B, T, C) (a teacher's class probabilities after each token).

    Cross-entropy with probabilities at every step, weighted as `prefix_loss` weights the hard labels.
    """
    B, T, C = logits.shape
    steps = torch.arange(1, T + 1, device=logits.device)[None].expand(B, T)  # (B, T) 1-based position
    weights = torch.where(steps <= lengths[:, None], steps.float(), 0.0)
    weights = weights / weights.sum(1, keepdim=True)  # (B, T), each row sums to 1
    per_step = -(targets * logits.log_softmax(-1)).sum(-1)  # (B, T)
    prefixes = (per_step * weights).sum(1)  # (B,)
    last = torch.arange(B, device=logits.device), lengths - 1
    final = per_step[last]  # (B,)
    return ((1 - prefix_weight) * final + prefix_weight * prefixes).mean()
