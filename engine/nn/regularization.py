"""L1 and L2 penalties on a model's weights: the training section's ``regularization``.

    penalty = l1 * sum(|w|) + l2 * sum(w^2)        over the penalised weights
    gradient  l1 * sign(w) + 2 * l2 * w           added to each weight's data gradient

as a PyTorch user writes it (``loss = data_loss + l1 * sum(p.abs().sum()) + l2 *
sum(p.pow(2).sum())``; sign(0) = 0, as the gradient of torch.abs at 0). Not the same as
SGD's ``weight_decay``, which adds ``weight_decay * w`` to the gradient: l2 = wd / 2 gives
that step. The penalised weights are the ``weight`` arrays of the trained layers (Dense and
Conv2D kernels); biases, BatchNorm's scale and shift (any Normalization layer) and frozen
layers are left alone. The loss a run reports stays the data loss; the penalty is reported
beside it.
"""
from __future__ import annotations

import numpy as np

from engine.schema import Param

REGULARIZATION_PARAMS = (
    Param("l1", "float", 0.0,
          "L1 penalty: adds l1 × Σ|w| over the weights (Dense and Conv2D kernels; not biases "
          "nor BatchNorm's scale and shift) to what the optimizer minimises; its gradient "
          "l1 × sign(w) pushes small weights to exactly 0. Zero turns it off.", min=0.0),
    Param("l2", "float", 0.0,
          "L2 penalty: adds l2 × Σw² over the same weights; its gradient 2 × l2 × w shrinks "
          "every weight in proportion. Not SGD's weight_decay, which adds weight_decay × w: "
          "l2 = weight_decay / 2 gives the same step. Zero turns it off.", min=0.0),
)
NO_REGULARIZATION = {"l1": 0.0, "l2": 0.0}


def regularization_config(training: dict) -> dict:
    """{"l1": float, "l2": float} of a training section (zeros where it has none);
    ValueError naming the field for a wrong value."""
    given = training.get("regularization", NO_REGULARIZATION)
    if not isinstance(given, dict):
        raise ValueError(f"training: regularization must be an object such as "
                         f"{{\"l1\": 0.0, \"l2\": 0.001}}, got {given!r}")
    unknown = [k for k in given if k not in NO_REGULARIZATION]
    if unknown:
        raise ValueError(f"training: regularization: unknown setting {unknown[0]!r} "
                         f"(allowed: l1, l2)")
    out = {}
    for p in REGULARIZATION_PARAMS:
        try:
            out[p.name] = float(p.validate(given.get(p.name, p.default)))
        except ValueError as e:
            raise ValueError(f"training: regularization.{e}") from None
    return out


def penalised_weights(model) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(weight, grad) pairs the penalty reads, by state_dict key ("h1.weight")."""
    return {f"{n.id}.weight": (n.layer.weights["weight"], n.layer.grads["weight"])
            for n in model.nodes
            if n.layer.trainable and "weight" in n.layer.weights
            and n.layer.spec.category != "Normalization"}


class Penalty:
    """The penalty of one model's weights; ``add_to_grads`` after each backward."""

    def __init__(self, model, l1: float = 0.0, l2: float = 0.0):
        self.l1, self.l2 = float(l1), float(l2)
        self.arrays = list(penalised_weights(model).values())

    @property
    def active(self) -> bool:
        return bool(self.l1 or self.l2) and bool(self.arrays)

    def value(self) -> float:
        """l1 * sum|w| + l2 * sum w^2 of the weights now (float64 sums)."""
        total = 0.0
        for w, _ in self.arrays:
            if self.l1:
                total += self.l1 * float(np.abs(w).sum(dtype=np.float64))
            if self.l2:
                total += self.l2 * float(np.square(w).sum(dtype=np.float64))
        return total

    def add_to_grads(self) -> float:
        """Add l1 * sign(w) + 2 * l2 * w to every penalised weight's gradient (in place: the
        optimizer holds these arrays); return the penalty."""
        l1, l2 = np.float32(self.l1), np.float32(2.0 * self.l2)
        for w, g in self.arrays:
            if self.l1:
                g += l1 * np.sign(w)
            if self.l2:
                g += l2 * w
        return self.value()
