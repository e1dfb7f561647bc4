"""Probes: views into the model that are computed only when asked (feature maps, decision
boundary or fitted curve, confusion matrix, a layer's weights and grads).

They run on the training thread between steps, in eval mode, and copy everything they
return. Eval-mode forwards draw no random numbers, so probing never changes a run's result.
"""
from __future__ import annotations

import numpy as np

from engine.events import CurveProbe, GridProbe, ProbeEvent, ProbeRequest
from engine.metrics import (confusion_matrix, forward_logits, grad_norms, predicted_classes,
                            weight_stats)

MAX_POINTS = 1000     # data points sent along with a grid / curve
MARGIN = 0.1          # grid extends past the data range by this fraction on each side


class Prober:
    def __init__(self, model, loss_fn, dataset):
        self.model = model
        self.loss_fn = loss_fn
        self.ds = dataset
        self.y_train = dataset.y_train           # as the dataset gives: class indices here
        has_val = len(dataset.x_val) > 0
        self.x_eval = dataset.x_val if has_val else dataset.x_train
        self.y_eval = dataset.y_val if has_val else dataset.y_train
        self.classification = dataset.task == "classification"

    # ---- checking a request --------------------------------------------------------------
    def check(self, req: ProbeRequest) -> None:
        """Raise ValueError naming what is wrong in ``req`` (unknown node, bad sample)."""
        unknown = [n for n in req.nodes if n not in self.model.by_id]
        if unknown:
            raise ValueError(f"probe: no node {unknown[0]!r} in the model "
                             f"(nodes: {', '.join(self.model.by_id)})")
        if req.nodes and not 0 <= req.sample < len(self.x_eval):
            raise ValueError(f"probe: sample must be between 0 and {len(self.x_eval) - 1}, "
                             f"got {req.sample}")
        if not 2 <= req.grid_res <= 1000:
            raise ValueError(f"probe: grid_res must be between 2 and 1000, got {req.grid_res}")

    # ---- computing -----------------------------------------------------------------------
    def probe(self, req: ProbeRequest, step: int, epoch: int) -> ProbeEvent:
        grid = curve = None
        if req.grid:
            grid, curve = self._grid(req.grid_res), self._curve(req.grid_res)
        confusion = self._confusion() if req.confusion and self.classification else None
        activations, params, grads = self._nodes(req) if req.nodes else ({}, {}, {})
        sample_input = self.x_eval[req.sample].copy() if req.nodes else None
        label = _plain(self.y_eval[req.sample]) if req.nodes else None
        return ProbeEvent(step=step, epoch=epoch, sample=req.sample, sample_input=sample_input,
                          sample_label=label, activations=activations, params=params,
                          grads=grads, grid=grid, curve=curve, confusion=confusion,
                          class_names=tuple(self.ds.class_names or ()),
                          grad_norms=grad_norms(self.model) if req.norms else {},
                          weight_stats=weight_stats(self.model) if req.norms else {})

    def _nodes(self, req: ProbeRequest) -> tuple[dict, dict, dict]:
        self.model.forward(self.x_eval[req.sample:req.sample + 1], training=False)
        outs = self.model.outputs
        activations = {nid: np.array(outs[nid][0]) for nid in req.nodes}
        params, grads = {}, {}
        for nid in req.nodes:
            layer = self.model.by_id[nid].layer
            if layer.params:
                params[nid] = {k: v.copy() for k, v in layer.params.items()}
                grads[nid] = {k: v.copy() for k, v in layer.grads.items()}
        return activations, params, grads

    def _probabilities(self, x: np.ndarray) -> np.ndarray:
        from engine.losses import probabilities
        logits = forward_logits(self.model, self.loss_fn, x)
        probs = np.asarray(probabilities(self.loss_fn.name, logits), dtype=np.float32)
        if probs.shape[1] == 1:          # binary: [P(0), P(1)] so every task looks alike
            probs = np.concatenate([1.0 - probs, probs], axis=1)
        return probs

    def _grid(self, res: int) -> GridProbe | None:
        if tuple(self.ds.feature_shape) != (2,) or not self.classification:
            return None
        x_all = self._all_x()
        (x0, x1), (y0, y1) = _padded_range(x_all[:, 0]), _padded_range(x_all[:, 1])
        xs = np.linspace(x0, x1, res, dtype=np.float32)
        ys = np.linspace(y0, y1, res, dtype=np.float32)
        gx, gy = np.meshgrid(xs, ys)
        probs = self._probabilities(np.stack([gx.ravel(), gy.ravel()], axis=1))
        pts = self.ds.x_train[:MAX_POINTS]
        return GridProbe(xs=xs, ys=ys, probs=probs.reshape(res, res, -1), x_range=(x0, x1),
                         y_range=(y0, y1), points=pts.copy(),
                         labels=np.array(self.y_train[:MAX_POINTS]).reshape(len(pts)))

    def _curve(self, res: int) -> CurveProbe | None:
        if tuple(self.ds.feature_shape) != (1,):
            return None
        lo, hi = _padded_range(self._all_x()[:, 0])
        xs = np.linspace(lo, hi, res, dtype=np.float32)
        if self.classification:
            ys = self._probabilities(xs[:, None])
        else:
            ys = np.array(self.model.forward(xs[:, None], training=False), dtype=np.float32)
        pts = self.ds.x_train[:MAX_POINTS]
        return CurveProbe(xs=xs, ys=ys.reshape(res, -1), points_x=pts[:, 0].copy(),
                          points_y=np.array(self.y_train[:MAX_POINTS]))

    def _confusion(self) -> np.ndarray:
        logits = forward_logits(self.model, self.loss_fn, self.x_eval)
        return confusion_matrix(self.y_eval, predicted_classes(logits), self.ds.n_classes)

    def _all_x(self) -> np.ndarray:
        return np.concatenate([self.ds.x_train, self.ds.x_val])


def _padded_range(v: np.ndarray) -> tuple[float, float]:
    lo, hi = float(v.min()), float(v.max())
    pad = MARGIN * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def _plain(v):
    """A label as a Python int (class) or a small float array (targets)."""
    a = np.asarray(v)
    return int(a) if a.ndim == 0 and a.dtype.kind in "iu" else a.copy()
