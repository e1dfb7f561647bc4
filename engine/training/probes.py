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

from engine.registry import Registry
from engine.training import loss_surface
from engine.training.messages import (CurveProbe, GridProbe, NodeProbe, ProbeEvent,
                                      ProbeRequest, SurfaceProbe)
from engine.training.metrics import confusion_matrix, forward_logits, predicted_classes

MAX_POINTS = 1000     # data points sent along with a grid / curve
SURFACE_BUDGET_S = 0.15  # one loss surface should cost about this much training time
SURFACE_DUTY = 15        # a surface that took t waits at least 15 t before the next
SURFACE_MIN_SPAN = 0.5   # the smallest half-width of the surface grid (see span())
SURFACE_EVERY_MS = 5000.0   # a new grid at most this often (~100 ms of training each: 2 %)
PATH_EVERY_S = 0.02      # the path takes a point at most 50 times a second: projecting costs
                         # ~50 us, a fifth of a small network's step if done every step
MARGIN = 0.1          # grid extends past the data range by this fraction on each side


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
        self._surface: _SurfaceState | None = None     # fixed at the first surface request

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

    def track(self, req: ProbeRequest | None, step: int) -> None:
        """After each step: record where the weights are, while the surface is asked for."""
        state = self._surface
        if req is None or not req.wants("surface") or state is None:
            return
        now = time.perf_counter()        # every step: no lock-taking training clock here
        if now - state.path_t >= PATH_EVERY_S:
            state.path_t = now
            state.path.record(step, loss_surface.project(self.model, state.directions))

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


def _grid(prober: Prober, res: int, at: ProbeAt) -> GridProbe | CurveProbe | None:
    """The decision boundary of a 2-D classifier, or the fitted curve of a 1-D input."""
    shape = tuple(prober.ds.feature_shape)
    if shape == (2,) and prober.classification:
        return _boundary(prober, res)
    if shape == (1,):
        return _curve(prober, res)
    return None


def _boundary(prober: Prober, res: int) -> GridProbe:
    x_all = prober.all_x()
    (x0, x1), (y0, y1) = _padded_range(x_all[:, 0]), _padded_range(x_all[:, 1])
    xs = np.linspace(x0, x1, res, dtype=np.float32)
    ys = np.linspace(y0, y1, res, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    probs = prober.probabilities(np.stack([gx.ravel(), gy.ravel()], axis=1))
    pts = prober.ds.x_train[:MAX_POINTS]
    return GridProbe(xs=xs, ys=ys, probs=probs.reshape(res, res, -1), x_range=(x0, x1),
                     y_range=(y0, y1), points=pts.copy(),
                     labels=np.array(prober.y_train[:MAX_POINTS]).reshape(len(pts)))


def _curve(prober: Prober, res: int) -> CurveProbe:
    lo, hi = _padded_range(prober.all_x()[:, 0])
    xs = np.linspace(lo, hi, res, dtype=np.float32)
    if prober.classification:
        ys = prober.probabilities(xs[:, None])
    else:
        ys = np.array(prober.model.forward(xs[:, None], training=False), dtype=np.float32)
    pts = prober.ds.x_train[:MAX_POINTS]
    return CurveProbe(xs=xs, ys=ys.reshape(res, -1), points_x=pts[:, 0].copy(),
                      points_y=np.array(prober.y_train[:MAX_POINTS]))


def _confusion(prober: Prober, _options, at: ProbeAt) -> np.ndarray | None:
    if not prober.classification:
        return None
    logits = forward_logits(prober.model, prober.loss_fn, prober.x_eval)
    return confusion_matrix(prober.y_eval, predicted_classes(logits), prober.ds.n_classes)


def _surface_options(options: dict | None) -> dict:
    """{"res": points per axis at most, "every_ms": a new grid at most this often}."""
    return {"res": 21, "every_ms": SURFACE_EVERY_MS, **(options or {})}


def _check_surface(prober, options, req) -> None:
    _check_res(5, 101)(prober, _surface_options(options)["res"], req)


def _merge_surface(a: dict | None, b: dict | None) -> dict:
    a, b = _surface_options(a), _surface_options(b)
    return {"res": max(a["res"], b["res"]), "every_ms": min(a["every_ms"], b["every_ms"])}


def _surface(prober: Prober, options: dict | None, at: ProbeAt) -> SurfaceProbe | None:
    options = _surface_options(options)
    state = prober._surface
    if state is None:
        try:
            state = prober._surface = _SurfaceState(prober, options["res"])
        except ValueError:                  # no weights to move: nothing to show
            return None
        state.path.record(at.step, (0.0, 0.0))    # the origin: the weights now
    model = prober.model
    here = loss_surface.project(model, state.directions)
    if state.path.steps[-1] != at.step:           # the path ends where the probe is
        state.path.record(at.step, here)
    now = prober.clock()
    grid = state.grid
    if grid is None or now >= state.next_grid_t or (at.fresh and state.grid_step != at.step):
        grid = state.grid = loss_surface.surface(
            model, state.x, state.y, prober.loss_fn, state.directions,
            span=state.span(here), res=state.res)
        # A costly surface (big models) waits longer before the next one, so the
        # surface never takes more than ~1/SURFACE_DUTY of the training time.
        wait = max(options["every_ms"] / 1000.0, SURFACE_DUTY * (prober.clock() - now))
        state.next_grid_t, state.grid_step = now + wait, at.step
    steps, path = state.path.arrays()
    return SurfaceProbe(alphas=grid.alphas.copy(), betas=grid.betas.copy(),
                        losses=grid.losses.copy(), current=here, path=path,
                        path_steps=steps, examples=len(state.x), grid_step=state.grid_step)


PROBE_KINDS.add("nodes", ProbeKind(_nodes, _check_nodes, _union))
PROBE_KINDS.add("grid", ProbeKind(_grid, _check_res(2, 1000), max))
PROBE_KINDS.add("confusion", ProbeKind(_confusion))
PROBE_KINDS.add("surface", ProbeKind(_surface, _check_surface, _merge_surface))


def _padded_range(v: np.ndarray) -> tuple[float, float]:
    lo, hi = float(v.min()), float(v.max())
    pad = MARGIN * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def _plain(v):
    """A label as a Python int (class) or a small float array (targets)."""
    a = np.asarray(v)
    return int(a) if a.ndim == 0 and a.dtype.kind in "iu" else a.copy()


class _SurfaceState:
    """What stays fixed for a run once the surface is asked for: the directions and origin
    (the weights at that moment), the example subset, the grid size (from a timed forward,
    so one surface costs about SURFACE_BUDGET_S) and the path so far."""

    def __init__(self, prober: Prober, res: int):
        model, ds = prober.model, prober.ds
        self.directions = loss_surface.make_directions(model, prober.seed)
        self.path_t = 0.0                 # when track() last took a point
        rng = np.random.default_rng([prober.seed, loss_surface.DIRECTION_STREAM, 1])
        n = len(ds.x_train)
        idx = np.sort(rng.permutation(n)[:loss_surface.MAX_EXAMPLES])
        x = ds.x_train[idx]
        # A forward costs a fixed overhead plus a part per example: fit both from two sizes.
        small, big = (min(len(x), 64), len(x))
        t_small, t_big = (min(_timed_forward(model, x[:n]) for _ in range(2))
                          for n in (small, big))
        per_example = max(t_big - t_small, 0.0) / max(big - small, 1)

        def forward_s(n):
            return t_small + per_example * (n - small)
        self.res, examples = loss_surface.plan_grid(forward_s, SURFACE_BUDGET_S, res)
        idx = idx[:examples]
        self.x = ds.x_train[idx]
        self.y = loss_surface.loss_targets(prober.loss_fn, ds.y_train[idx])
        self.path = loss_surface.Path()
        self.grid: loss_surface.SurfaceGrid | None = None    # the last one computed
        self.next_grid_t = -np.inf         # Prober.clock time the next grid is due
        self.grid_step = -1

    def span(self, here: tuple[float, float]) -> float:
        """Wide enough to hold the whole path with a margin, and at least SURFACE_MIN_SPAN
        (half a step of each unit's own size): projected on random directions a path is
        short, so a fixed span of 1 would draw it as a dot."""
        _steps, pts = self.path.arrays()
        far = float(np.max(np.abs(pts - np.asarray(here)))) if len(pts) else 0.0
        return max(SURFACE_MIN_SPAN, 1.3 * far)


def _timed_forward(model, x: np.ndarray) -> float:
    """Seconds one eval forward takes (the first call of a run also warms caches up)."""
    t0 = time.perf_counter()
    model.forward(x, training=False)
    return time.perf_counter() - t0
