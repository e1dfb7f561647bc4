"""Probes: views into the model that are computed only when asked (feature maps, decision
boundary or fitted curve, confusion matrix, a layer's weights and grads).

They run on the training thread between steps, in eval mode, and copy everything they
return. Eval-mode forwards draw no random numbers, so probing never changes a run's result.
"""
from __future__ import annotations

import time

import numpy as np

from engine.training import loss_surface
from engine.training.messages import CurveProbe, GridProbe, ProbeEvent, ProbeRequest, SurfaceProbe
from engine.training.metrics import (confusion_matrix, forward_logits, grad_norms, predicted_classes,
                            weight_stats)

MAX_POINTS = 1000     # data points sent along with a grid / curve
SURFACE_BUDGET_S = 0.15  # one loss surface should cost about this much training time
SURFACE_DUTY = 15        # a surface that took t waits at least 15 t before the next
SURFACE_MIN_SPAN = 0.5   # the smallest half-width of the surface grid (see span())
PATH_EVERY_S = 0.02      # the path takes a point at most 50 times a second: projecting costs
                         # ~50 us, a fifth of a small network's step if done every step
MARGIN = 0.1          # grid extends past the data range by this fraction on each side


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
        if req.surface and not 5 <= req.surface_res <= 101:
            raise ValueError(f"probe: surface_res must be between 5 and 101, "
                             f"got {req.surface_res}")

    # ---- computing -----------------------------------------------------------------------
    def probe(self, req: ProbeRequest, step: int, epoch: int, fresh: bool = False) -> ProbeEvent:
        """fresh: recompute the loss surface even if the last one is recent."""
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
                          weight_stats=weight_stats(self.model) if req.norms else {},
                          surface=self._surface_probe(req, step, fresh) if req.surface else None)

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
        from engine.nn.losses import probabilities
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

    # ---- the loss surface and the optimizer's path -------------------------------------------
    def track(self, req: ProbeRequest | None, step: int) -> None:
        """After each step: record where the weights are, while the surface is asked for."""
        state = self._surface
        if req is None or not req.surface or state is None:
            return
        now = time.perf_counter()        # every step: no lock-taking training clock here
        if now - state.path_t >= PATH_EVERY_S:
            state.path_t = now
            state.path.record(step, loss_surface.project(self.model, state.directions))

    def _surface_probe(self, req: ProbeRequest, step: int, fresh: bool) -> SurfaceProbe | None:
        state = self._surface
        if state is None:
            try:
                state = self._surface = _SurfaceState(self, req.surface_res)
            except ValueError:                  # no weights to move: nothing to show
                return None
            state.path.record(step, (0.0, 0.0))   # the origin: the weights now
        here = loss_surface.project(self.model, state.directions)
        if state.path.steps[-1] != step:          # the path ends where the probe is
            state.path.record(step, here)
        now = self.clock()
        grid = state.grid
        if grid is None or now >= state.next_grid_t or (fresh and state.grid_step != step):
            grid = state.grid = loss_surface.surface(
                self.model, state.x, state.y, self.loss_fn, state.directions,
                span=state.span(here), res=state.res)
            # A costly surface (big models) waits longer before the next one, so the
            # surface never takes more than ~1/SURFACE_DUTY of the training time.
            wait = max(req.surface_every_ms / 1000.0, SURFACE_DUTY * (self.clock() - now))
            state.next_grid_t, state.grid_step = now + wait, step
        steps, path = state.path.arrays()
        return SurfaceProbe(alphas=grid.alphas.copy(), betas=grid.betas.copy(),
                            losses=grid.losses.copy(), current=here, path=path,
                            path_steps=steps, examples=len(state.x),
                            grid_step=state.grid_step)

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
