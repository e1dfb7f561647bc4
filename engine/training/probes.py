"""Probes: views into the model that are computed only when asked (a node's output and
weights for one example, the decision boundary or fitted curve, the confusion matrix, the
loss surface).

Every kind is an entry of PROBE_KINDS: how to check its options against the run, how to
compute it, and how to merge two views' options into one request. A new kind is one
``PROBE_KINDS.add`` here; the trainer, the training process and the window's probe request
need no change. Probes run between steps, in eval mode, and copy everything they return.
Eval-mode forwards draw no random numbers, so probing never changes a run's result.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from engine.data.toy import NOISE_FREE
from engine.registry import Registry
from engine.training import loss_surface
from engine.training.messages import (CurveProbe, GridProbe, NodeProbe, ProbeEvent,
                                      ProbeRequest)
from engine.training.health_probe import check_health, health_probe, merge_health
from engine.training.metrics import confusion_matrix, forward_logits, predicted_classes
from engine.training.plane import fill_aspect as _fill_aspect, padded_range as _padded_range
from engine.training.sample_pass import check_sample_pass, sample_pass_probe
from engine.training.surface_probe import (MAX_ASPECT, MIN_ASPECT, check_surface,
                                          merge_surface, surface_probe)
from engine.training.units_probe import check_units, merge_units, units_probe
from engine.training.weight_path import WeightTrail

MAX_POINTS = 1000     # data points of each split sent along with a grid / curve


@dataclass(frozen=True)
class ProbeKind:
    """compute(prober, options, at) -> result (None: does not apply to this network);
    check(prober, options, request) raises ValueError for options that do not fit the run;
    merge(a, b) -> the options that serve both askers."""
    compute: Callable[..., Any]
    check: Callable[..., None] = lambda prober, options, request: None
    merge: Callable[[Any, Any], Any] = lambda a, b: a


@dataclass(frozen=True)
class ProbeAt:
    """Where a probe is taken: the step, and whether the weights stay put a while (paused,
    ending), so nothing may be reused from an earlier step."""
    step: int
    fresh: bool
    sample: int


PROBE_KINDS = Registry("probe kind")


def merge_kinds(a: dict, b: dict) -> dict:
    """The kinds two askers want, each kind's options merged."""
    out = dict(a)
    for kind, options in b.items():
        out[kind] = PROBE_KINDS[kind].merge(out[kind], options) if kind in out else options
    return out


class Prober:
    def __init__(self, model, loss_fn, dataset, seed: int = 0, clock=time.perf_counter):
        """``clock``: seconds that count towards the loss surface's refresh budget. The
        Trainer passes its training time, so a paused run does not earn a new surface."""
        self.model = model
        self.clock = clock
        self.seed = seed
        self.loss_fn = loss_fn
        self.ds = dataset
        self.y_train = dataset.y_train           # as the dataset gives: class indices here
        has_val = len(dataset.x_val) > 0
        self.x_eval = dataset.x_val if has_val else dataset.x_train
        self.y_eval = dataset.y_val if has_val else dataset.y_train
        self.classification = dataset.task == "classification"
        self.trail: WeightTrail | None = None     # the weights' path, once it is kept
        self._surface = None               # SurfaceState, made at the first surface request

    def check(self, req: ProbeRequest) -> None:
        """Raise ValueError naming what is wrong in ``req`` (unknown kind or node, bad sample)."""
        for kind, options in req.kinds.items():
            if kind not in PROBE_KINDS:
                raise ValueError(f"probe: {PROBE_KINDS.unknown(kind)}")
            PROBE_KINDS[kind].check(self, options, req)

    def probe(self, req: ProbeRequest, step: int, epoch: int, fresh: bool = False) -> ProbeEvent:
        """fresh: recompute what is otherwise reused for a while (the loss surface)."""
        at = ProbeAt(step, fresh, req.sample)
        results = {}
        for kind, options in req.kinds.items():
            result = PROBE_KINDS[kind].compute(self, options, at)
            if result is not None:
                results[kind] = result
        return ProbeEvent(step=step, epoch=epoch, results=results)

    def keep_path(self, step: int) -> None:
        """Keep the weights' path from now on (the weights now are those after ``step``).
        The window's runs keep it from their start, so a loss surface asked for late still
        draws the whole path; a headless run keeps it only once a surface is asked for."""
        if self.trail is None:
            self.trail = WeightTrail(loss_surface.trainable(self.model), step=step)

    def track(self, step: int) -> None:
        """After every step of a run: the weights' path (a copy every few steps)."""
        if self.trail is not None:
            self.trail.record(step)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities of ``x``; binary tasks as two columns [P(0), P(1)]."""
        from engine.nn.losses import probabilities
        logits = forward_logits(self.model, self.loss_fn, x)
        probs = np.asarray(probabilities(self.loss_fn.name, logits), dtype=np.float32)
        if probs.shape[1] == 1:          # binary: [P(0), P(1)] so every task looks alike
            probs = np.concatenate([1.0 - probs, probs], axis=1)
        return probs

    def all_x(self) -> np.ndarray:
        return np.concatenate([self.ds.x_train, self.ds.x_val])


# ---- the kinds ------------------------------------------------------------------------------------
def _check_nodes(prober: Prober, node_ids, req: ProbeRequest) -> None:
    unknown = [n for n in node_ids if n not in prober.model.by_id]
    if unknown:
        raise ValueError(f"probe: no node {unknown[0]!r} in the model "
                         f"(nodes: {', '.join(prober.model.by_id)})")
    if not 0 <= req.sample < len(prober.x_eval):
        raise ValueError(f"probe: sample must be between 0 and {len(prober.x_eval) - 1}, "
                         f"got {req.sample}")


def _nodes(prober: Prober, node_ids, at: ProbeAt) -> NodeProbe:
    model, i = prober.model, at.sample
    model.forward(prober.x_eval[i:i + 1], training=False)
    activations = {nid: np.array(model.outputs[nid][0]) for nid in node_ids}
    weights, grads = {}, {}
    for nid in node_ids:
        layer = model.by_id[nid].layer
        if layer.weights:
            weights[nid] = {k: v.copy() for k, v in layer.weights.items()}
            grads[nid] = {k: v.copy() for k, v in layer.grads.items()}
    return NodeProbe(sample=i, sample_input=prober.x_eval[i].copy(),
                     sample_label=_plain(prober.y_eval[i]), activations=activations,
                     weights=weights, grads=grads)


def _union(a, b) -> tuple:
    return tuple(dict.fromkeys((*a, *b)))


def _check_res(low: int, high: int):
    def check(prober, res, req) -> None:
        if not low <= res <= high:
            raise ValueError(f"probe: the resolution must be between {low} and {high}, got {res}")
    return check


def grid_options(options) -> tuple[int, float]:
    """(points along the shorter axis, width / height of the plot): the options of "grid"
    are {"res": n, "aspect": a} or, as before, the number n alone (a square plot)."""
    if isinstance(options, dict):
        return int(options.get("res", 60)), float(options.get("aspect", 1.0))
    return int(options), 1.0


def _check_grid(prober, options, req) -> None:
    res, aspect = grid_options(options)
    _check_res(2, 1000)(prober, res, req)
    if not MIN_ASPECT <= aspect <= MAX_ASPECT:
        raise ValueError(f"probe: the grid's aspect must be between {MIN_ASPECT} and "
                         f"{MAX_ASPECT}, got {aspect}")


def _merge_grid(a, b) -> dict:
    (res_a, aspect), (res_b, _) = grid_options(a), grid_options(b)
    return {"res": max(res_a, res_b), "aspect": aspect}


def _grid(prober: Prober, options, at: ProbeAt) -> GridProbe | CurveProbe | None:
    """The decision boundary of a 2-D classifier, or the fitted curve of a 1-D input."""
    res, aspect = grid_options(options)
    shape = tuple(prober.ds.feature_shape)
    if shape == (2,) and prober.classification:
        return _boundary(prober, res, aspect)
    if shape == (1,):
        return _curve(prober, res)
    return None


def _boundary(prober: Prober, res: int, aspect: float) -> GridProbe:
    """The map covers the data and, past it, as much as the plot shows (``aspect``: its
    width / height), at ``res`` points along its shorter side and as finely along the other."""
    x_all = prober.all_x()
    (x0, x1), (y0, y1) = _fill_aspect(_padded_range(x_all[:, 0]), _padded_range(x_all[:, 1]),
                                      aspect)
    nx, ny = (round(res * aspect), res) if aspect >= 1 else (res, round(res / aspect))
    xs = np.linspace(x0, x1, nx, dtype=np.float32)
    ys = np.linspace(y0, y1, ny, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    probs = prober.probabilities(np.stack([gx.ravel(), gy.ravel()], axis=1))
    ds = prober.ds
    return GridProbe(xs=xs, ys=ys, probs=probs.reshape(ny, nx, -1), x_range=(x0, x1),
                     y_range=(y0, y1), points=_first(ds.x_train),
                     labels=_first(ds.y_train).reshape(-1),
                     val_points=_first(ds.x_val), val_labels=_first(ds.y_val).reshape(-1))


def _curve(prober: Prober, res: int) -> CurveProbe:
    lo, hi = _padded_range(prober.all_x()[:, 0])
    xs = np.linspace(lo, hi, res, dtype=np.float32)
    if prober.classification:
        ys = prober.probabilities(xs[:, None])
    else:
        ys = np.array(prober.model.forward(xs[:, None], training=False), dtype=np.float32)
    ds = prober.ds
    truth = NOISE_FREE.get(ds.name)
    true_ys = (None if truth is None or ds.standardized or ds.target_standardized else
               np.asarray(truth(xs[:, None]), dtype=np.float32).reshape(res, -1))
    return CurveProbe(xs=xs, ys=ys.reshape(res, -1), points_x=_first(ds.x_train)[:, 0],
                      points_y=_first(ds.y_train), val_x=_first(ds.x_val)[:, 0],
                      val_y=_first(ds.y_val), true_ys=true_ys)


def _first(a: np.ndarray) -> np.ndarray:
    """A copy of the first MAX_POINTS rows (a probe owns its arrays)."""
    return np.array(a[:MAX_POINTS])


def _confusion(prober: Prober, _options, at: ProbeAt) -> np.ndarray | None:
    if not prober.classification:
        return None
    logits = forward_logits(prober.model, prober.loss_fn, prober.x_eval)
    return confusion_matrix(prober.y_eval, predicted_classes(logits), prober.ds.n_classes)


PROBE_KINDS.add("nodes", ProbeKind(_nodes, _check_nodes, _union))
PROBE_KINDS.add("grid", ProbeKind(_grid, _check_grid, _merge_grid))
PROBE_KINDS.add("confusion", ProbeKind(_confusion))
PROBE_KINDS.add("surface", ProbeKind(surface_probe, check_surface, merge_surface))
PROBE_KINDS.add("sample_pass", ProbeKind(sample_pass_probe, check_sample_pass))
PROBE_KINDS.add("health", ProbeKind(health_probe, check_health, merge_health))
PROBE_KINDS.add("units", ProbeKind(units_probe, check_units, merge_units))


def _plain(v):
    """A label as a Python int (class) or a small float array (targets)."""
    a = np.asarray(v)
    return int(a) if a.ndim == 0 and a.dtype.kind in "iu" else a.copy()
