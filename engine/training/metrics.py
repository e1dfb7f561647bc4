"""Metrics of a training run: accuracy, RMSE and R^2, per-layer gradient norms and weight
statistics, and evaluation of a model on a whole array set in eval mode.

"Logits" below means what the loss reads: the output before a fused Softmax/Sigmoid
(Model.loss_input). One logit column means a binary (bce) task: class 1 where the logit > 0.
"""
from __future__ import annotations

import math

import numpy as np

EVAL_BATCH = 1024   # bounds the memory of an evaluation pass


def predicted_classes(logits: np.ndarray) -> np.ndarray:
    if logits.shape[1] == 1:
        return (logits[:, 0] > 0).astype(np.int64)
    return np.argmax(logits, axis=1)


def forward_logits(model, loss_fn, x: np.ndarray, batch: int = EVAL_BATCH) -> np.ndarray:
    """The loss's input for every row of ``x`` (eval mode), in chunks."""
    chunks = []
    for i in range(0, len(x), batch):
        out = model.forward(x[i:i + batch], training=False)
        chunks.append(np.array(model.loss_input(loss_fn, out)[1], dtype=np.float32))
    if not chunks:
        return np.zeros((0,) + tuple(model.by_id[model.output_id].layer.out_shape), np.float32)
    return np.concatenate(chunks)


class RunningMetrics:
    """Accumulates loss and metrics over batches (float64 sums, weighted by batch size)."""

    def __init__(self, task: str):
        self.task = task
        self.reset()

    def reset(self) -> None:
        self.n = 0
        self.loss_sum = 0.0
        self.correct = 0
        self.sse = self.y_sum = self.y2_sum = None

    def update(self, loss: float, logits: np.ndarray, y: np.ndarray) -> None:
        n = len(y)
        self.n += n
        self.loss_sum += loss * n
        if self.task == "classification":
            self.correct += int(np.count_nonzero(predicted_classes(logits) == _class_indices(y)))
            return
        pred, y = _as_2d(logits), _as_2d(y).astype(np.float64)
        err = pred - y
        if self.sse is None:
            self.sse = self.y_sum = self.y2_sum = 0.0
        self.sse = self.sse + np.einsum("ij,ij->j", err, err)
        self.y_sum = self.y_sum + y.sum(axis=0)
        self.y2_sum = self.y2_sum + np.einsum("ij,ij->j", y, y)

    def state(self) -> dict:
        return dict(vars(self))

    def load(self, state: dict) -> None:
        vars(self).update(state)

    def loss(self) -> float | None:
        return self.loss_sum / self.n if self.n else None

    def metrics(self, prefix: str) -> dict:
        """{prefix_accuracy} or {prefix_rmse, prefix_r2}; None values when nothing was seen."""
        if self.task == "classification":
            return {f"{prefix}_accuracy": self.correct / self.n if self.n else None}
        if not self.n:
            return {f"{prefix}_rmse": None, f"{prefix}_r2": None}
        sst = self.y2_sum - self.y_sum ** 2 / self.n
        rmse = math.sqrt(float(np.sum(self.sse)) / (self.n * len(self.sse)))
        return {f"{prefix}_rmse": rmse, f"{prefix}_r2": _r2(self.sse, sst)}


def _r2(sse: np.ndarray, sst: np.ndarray) -> float:
    """R^2 averaged over targets (scikit-learn's uniform average); a constant target counts
    1 if fitted exactly, else 0."""
    per_target = np.where(sst > 0, 1.0 - sse / np.where(sst > 0, sst, 1.0),
                          np.where(sse == 0, 1.0, 0.0))
    return float(np.mean(per_target))


def _as_2d(a: np.ndarray) -> np.ndarray:
    return a.reshape(len(a), -1)


def _class_indices(y: np.ndarray) -> np.ndarray:
    """Class indices from (N,), (N, 1) 0/1 floats or one-hot rows."""
    if y.ndim == 2 and y.shape[1] > 1:
        return np.argmax(y, axis=1)
    return y.reshape(len(y)).astype(np.int64)


def evaluate(model, loss_fn, x: np.ndarray, y: np.ndarray, task: str,
             prefix: str = "val") -> tuple[float | None, dict, np.ndarray]:
    """(loss, metrics, logits) of the model on a whole set; (None, {... None}) if empty."""
    acc = RunningMetrics(task)
    logits = forward_logits(model, loss_fn, x)
    if len(x):
        value, _ = loss_fn.value_and_grad(logits, y)
        acc.update(float(value), logits, y)
    return acc.loss(), acc.metrics(prefix), logits


def confusion_matrix(true: np.ndarray, pred: np.ndarray, n_classes: int) -> np.ndarray:
    """(K, K) int64 counts, rows = true class, columns = predicted class."""
    flat = _class_indices(true) * n_classes + pred
    return np.bincount(flat, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def param_layers(model) -> list:
    """Model nodes that hold parameters, in depth (topological) order."""
    return [n for n in model.nodes if n.layer.weights]


def grad_norms(model) -> dict[str, float]:
    """node_id -> L2 norm over all of the layer's gradients."""
    out = {}
    for node in param_layers(model):
        total = sum(float(np.vdot(g, g)) for g in node.layer.grads.values())
        out[node.id] = math.sqrt(total)
    return out


def weight_stats(model) -> dict[str, dict[str, float]]:
    """node_id -> mean, std, min, max, norm of its "weight" (or of all its params)."""
    out = {}
    for node in param_layers(model):
        params = node.layer.weights
        w = params["weight"] if "weight" in params else np.concatenate(
            [p.ravel() for p in params.values()])
        w = w.ravel()
        # Two sums give mean, std and norm in two passes instead of five.
        total, squares = float(w.sum()), float(np.vdot(w, w))
        mean = total / w.size
        out[node.id] = {"mean": mean, "std": math.sqrt(max(squares / w.size - mean * mean, 0.0)),
                        "min": float(w.min()), "max": float(w.max()),
                        "norm": math.sqrt(squares)}
    return out


def all_finite(model) -> bool:
    """True when no parameter holds NaN or inf (a sum is NaN/inf iff some element is,
    barring overflow of huge finite values, which counts as diverged too)."""
    return all(np.isfinite(p.sum()) for n in model.nodes for p in n.layer.weights.values())
