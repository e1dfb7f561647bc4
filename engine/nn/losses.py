"""Losses: a small registry of ``Loss`` objects, means over the batch as PyTorch's defaults.

``value_and_grad(pred, target)`` returns the loss (a float) and dLoss/dpred (float32, or
float64 for float64 predictions; shaped like ``pred``). Classification losses read LOGITS:
the model hands them the input of a trailing Softmax / Sigmoid (see Model.loss_input), as
PyTorch's CrossEntropyLoss and BCEWithLogitsLoss do, so saturated outputs stay finite.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.registry import Registry

# ---- stable kernels other modules import (trainer metrics, Softmax / Sigmoid layers) ------


def _floating(x) -> np.ndarray:
    """Float arrays as they are (float32 in the engine, float64 in gradient checks)."""
    x = np.asarray(x)
    return x if x.dtype.kind == "f" else x.astype(np.float32)


def _max(x: np.ndarray, axis: int) -> np.ndarray:
    """np.max(x, axis, keepdims=True). NumPy reduces short contiguous rows one by one (27 us
    for 128 rows of 10 logits); over the outer axis of the transposed copy it is one
    vectorised pass per column (3 us). The maximum is the same whatever the order."""
    if x.ndim == 2 and axis in (-1, 1) and x.shape[1] <= 64:
        return np.maximum.reduce(np.ascontiguousarray(x.T), axis=0)[:, None]
    return np.max(x, axis=axis, keepdims=True)


def log_softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(softmax(x)) without overflow: shift by the row maximum first."""
    logits = _floating(logits)
    z = logits - _max(logits, axis)
    s = np.exp(z).sum(axis=axis, keepdims=True)
    z -= np.log(s, out=s)
    return z


def softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """Rows that sum to 1; finite for any finite logits (exp of values <= 0 only)."""
    logits = _floating(logits)
    e = logits - _max(logits, axis)
    np.exp(e, out=e)
    e /= e.sum(axis=axis, keepdims=True)
    return e


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)) without overflow: exp only ever sees -|x|."""
    x = _floating(x)
    e = np.exp(-np.abs(x))
    r = 1.0 / (1.0 + e)                 # sigmoid(|x|); sigmoid(-|x|) = e * r
    return np.where(x >= 0, r, e * r).astype(x.dtype, copy=False)


# ---- target checks ------------------------------------------------------------------------


def _numeric(target) -> np.ndarray:
    t = np.asarray(target)
    if t.dtype.kind not in "biuf":
        raise ValueError(f"targets must be numbers, got an array of dtype {t.dtype}")
    return t


def _same_shape(pred: np.ndarray, target) -> np.ndarray:
    """Regression targets: shaped like pred, or (N,) when pred is (N, 1)."""
    t = _numeric(target)
    if t.shape != pred.shape and not (t.ndim == 1 and pred.shape == (len(t), 1)):
        extra = " or (N,)" if pred.ndim == 2 and pred.shape[1] == 1 else ""
        raise ValueError(f"targets must have shape {pred.shape}{extra} like the predictions, "
                         f"got {t.shape}")
    return t.reshape(pred.shape).astype(pred.dtype, copy=False)


def _class_targets(logits: np.ndarray, target) -> np.ndarray:
    """Cross-entropy targets: (N,) class indices (intp) or (N, K) probability rows."""
    if logits.ndim != 2:
        raise ValueError(f"cross_entropy needs outputs of shape (N, classes), "
                         f"got {logits.shape}")
    n, k = logits.shape
    t = _numeric(target)
    if t.shape == (n, k):
        return t.astype(logits.dtype, copy=False)
    if t.shape != (n,):
        raise ValueError(f"targets must be class indices of shape ({n},) or one-hot rows of "
                         f"shape ({n}, {k}), got {t.shape}")
    if t.dtype.kind == "f" and not np.all(np.isfinite(t) & (t == np.round(t))):
        raise ValueError("class indices must be whole numbers, got fractional values")
    if t.min() < 0 or t.max() >= k:           # two reductions; the mask only for the message
        bad = (t < 0) | (t >= k)
        raise ValueError(f"class index {t[bad][0]:g} is out of range for {k} classes "
                         f"(expected 0 to {k - 1})")
    return t.astype(np.intp, copy=False)


def _binary_targets(logits: np.ndarray, target) -> np.ndarray:
    t = _same_shape(logits, target)
    if np.any((t < 0) | (t > 1)) or not np.all(np.isfinite(t)):
        raise ValueError("bce targets must be 0 or 1 (or a probability between), got values "
                         f"from {float(np.min(t)):g} to {float(np.max(t)):g}")
    return t


# ---- the losses ---------------------------------------------------------------------------


def _mse(pred, target):
    diff = pred - _same_shape(pred, target)
    n = diff.size
    value = float(np.sum(np.square(diff), dtype=np.float64)) / n
    return value, diff * (2.0 / n)


def _mae(pred, target):
    diff = pred - _same_shape(pred, target)
    n = diff.size
    value = float(np.sum(np.abs(diff), dtype=np.float64)) / n
    return value, np.sign(diff) * (1.0 / n)   # sign(0) = 0, as PyTorch


def _rmse(pred, target):
    value, grad = _mse(pred, target)
    root = value ** 0.5
    if root == 0.0:   # d sqrt at 0 is infinite, but there every residual is 0: no push
        return 0.0, np.zeros_like(grad)
    grad *= 0.5 / root
    return root, grad


def _cross_entropy(logits, target):
    t = _class_targets(logits, target)
    n = len(logits)
    logp = log_softmax(logits)
    # d/dlogits of -sum(t * log_softmax) = softmax * sum(t) - t (sum(t) = 1 for one-hot)
    grad = np.exp(logp)
    if t.ndim == 1:       # indices: pick, rather than multiply by a one-hot matrix
        rows = np.arange(n)
        value = -float(np.sum(logp[rows, t], dtype=np.float64)) / n
        grad[rows, t] -= 1.0
    else:
        value = -float(np.sum(t * logp, dtype=np.float64)) / n
        grad *= np.sum(t, axis=1, keepdims=True)
        grad -= t
    grad *= 1.0 / n
    return value, grad


def _bce(logits, target):
    t = _binary_targets(logits, target)
    n = logits.size
    # max(x, 0) - x t + log(1 + exp(-|x|)): never exponentiates a positive number
    per = np.maximum(logits, 0) - logits * t + np.log1p(np.exp(-np.abs(logits)))
    value = float(np.sum(per, dtype=np.float64)) / n
    grad = sigmoid(logits) - t
    grad *= 1.0 / n
    return value, grad


@dataclass(frozen=True)
class Loss:
    name: str
    help: str
    task: str                        # "regression" or "classification"
    fused_activation: str | None     # the trailing layer whose input this loss reads
    _fn: Callable

    def value_and_grad(self, pred: np.ndarray, target) -> tuple[float, np.ndarray]:
        # float64 stays float64 (the gradient checker, engine/nn/gradcheck.py, runs so).
        pred = np.asarray(pred)
        dtype = np.float64 if pred.dtype == np.float64 else np.float32
        pred = pred.astype(dtype, copy=False)
        value, grad = self._fn(pred, target)
        return value, grad.astype(dtype, copy=False)


LOSSES = Registry("loss", "losses")
for _loss in (
    Loss("mse", "Mean squared error: smooth and easy to optimise, but one far-off point "
         "(an outlier) pulls hard because errors are squared.", "regression", None, _mse),
    Loss("mae", "Mean absolute error: robust to outliers since every error counts by its "
         "size only, but it has a kink at 0 where the gradient jumps.", "regression", None,
         _mae),
    Loss("rmse", "Root mean squared error: the square root of MSE, so it is in the same "
         "unit as the target y and easy to read.", "regression", None, _rmse),
    Loss("cross_entropy", "Cross-entropy for picking one class out of several: punishes "
         "a confident wrong answer hard; takes class indices or one-hot targets.",
         "classification", "Softmax", _cross_entropy),
    Loss("bce", "Binary cross-entropy for yes/no targets (0 or 1), read through a "
         "sigmoid: the probability of the answer 1.", "classification", "Sigmoid", _bce),
):
    LOSSES.add(_loss.name, _loss)


def get_loss(name: str) -> Loss:
    if not isinstance(name, str) or name not in LOSSES:
        raise ValueError(LOSSES.unknown(name))
    return LOSSES[name]


def probabilities(loss_name: str, logits: np.ndarray) -> np.ndarray:
    """What a classifier's logits mean as probabilities under ``loss_name``."""
    loss = get_loss(loss_name)
    if loss.fused_activation == "Softmax":
        return softmax(np.asarray(logits, dtype=np.float32))
    if loss.fused_activation == "Sigmoid":
        return sigmoid(np.asarray(logits, dtype=np.float32))
    raise ValueError(f"loss {loss_name!r} is a regression loss: its outputs are not "
                     f"probabilities")
