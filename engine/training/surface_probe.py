"""The "surface" probe: the loss around the current weights on a plane through them, and the
path the weights took since step 0, projected on that plane.

Options: {"res": grid points along its longer side at most, "every_ms": a new grid at most
this often, "directions": "pca" or "random", "aspect": the plot's width / height (the grid
takes that shape, so it fills the plot)}. "pca" spans the plane with the path's two principal
directions (engine/training/weight_path.py), recomputed with every new grid, once the path
has MIN_PCA_POINTS points (before that, and if the path does not yet move in two
directions, the random ones); "random" with two filter-normalised random directions fixed
for the run (engine/training/loss_surface.py). In both frames (0, 0) is the weights at the
start of the path, so the path starts there.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from engine.training import loss_surface
from engine.training.messages import SurfaceProbe
from engine.training.weight_path import WeightTrail, principal_directions

DIRECTIONS = ("pca", "random")
SURFACE_BUDGET_S = 0.15   # one loss surface should cost about this much training time
SURFACE_DUTY = 15         # a surface that took t waits at least 15 t before the next
SURFACE_EVERY_MS = 5000.0  # a new grid at most this often (~100 ms of training each: 2 %)
RANDOM_MIN_SPAN = 0.5     # the smallest half-width of a grid on random directions (see span)
PCA_MIN_SPAN = 0.02       # ... on principal directions: this fraction of the weights' norm
MIN_PCA_POINTS = 5        # path points needed before principal directions are used


MIN_ASPECT, MAX_ASPECT = 0.2, 6.0     # a map's width / height (this and the boundary's)
MARGIN = 0.25             # the grid reaches this fraction of the path's extent past it


def surface_options(options: dict | None) -> dict:
    return {"res": 21, "every_ms": SURFACE_EVERY_MS, "directions": "pca", "aspect": 1.0,
            **(options or {})}


def check_surface(prober, options, req) -> None:
    options = surface_options(options)
    if not 5 <= options["res"] <= 101:
        raise ValueError(f"probe: the resolution must be between 5 and 101, got "
                         f"{options['res']}")
    if options["directions"] not in DIRECTIONS:
        raise ValueError(f"probe: the surface's directions must be one of "
                         f"{', '.join(DIRECTIONS)}, got {options['directions']!r}")
    if not MIN_ASPECT <= options["aspect"] <= MAX_ASPECT:
        raise ValueError(f"probe: the surface's aspect must be between {MIN_ASPECT} and "
                         f"{MAX_ASPECT}, got {options['aspect']}")


def merge_surface(a: dict | None, b: dict | None) -> dict:
    a, b = surface_options(a), surface_options(b)
    return {"res": max(a["res"], b["res"]), "every_ms": min(a["every_ms"], b["every_ms"]),
            "directions": a["directions"], "aspect": a["aspect"]}


@dataclass(frozen=True)
class Frame:
    """A plane's directions (by key, for the surface) and the same as flat vectors (for
    projecting the trail's rows); ``shares``: the path's variance along each (pca)."""
    kind: str
    directions: loss_surface.Directions
    basis: np.ndarray             # (n, 2) float32: d1 and d2 as columns
    origin: np.ndarray            # (n,) float32
    shares: tuple | None = None

    def project(self, flat: np.ndarray) -> np.ndarray:
        """(m, n) flat weights -> (m, 2) coordinates (least squares, as loss_surface.project)."""
        rhs = (flat - self.origin) @ self.basis       # the start projects to exactly (0, 0)
        return (rhs.astype(np.float64) @ self.directions.gram_inv.T).astype(np.float32)


def random_frame(model, trail: WeightTrail, seed: int) -> Frame:
    layout = trail.layout
    origin = trail.rows()[0].copy()
    d = loss_surface.make_directions(model, seed, origin=layout.split(origin))
    basis = np.stack([layout.flatten(d.d1), layout.flatten(d.d2)], axis=1)
    return Frame("random", d, basis, origin)


def pca_frame(trail: WeightTrail, now: np.ndarray) -> Frame:
    """ValueError if the path is too short or moves along one line only."""
    if trail.count + 1 < MIN_PCA_POINTS:
        raise ValueError("the path is too short for principal directions yet")
    layout, origin = trail.layout, trail.rows()[0].copy()
    v1, v2, shares = principal_directions(np.vstack([trail.rows(), now[None]]))
    # A component's sign is arbitrary: point each from the start towards the weights now,
    # so a path does not flip over from one grid to the next.
    v1, v2 = (v if float(v @ (now - origin)) >= 0 else -v for v in (v1, v2))
    d = loss_surface.directions_from_vectors(layout.split(v1), layout.split(v2),
                                             layout.split(origin))
    return Frame("pca", d, np.stack([v1, v2], axis=1), origin, shares)


class SurfaceState:
    """What a run's surface keeps between probes: the example subset and grid size (from
    a timed forward, so one surface costs about SURFACE_BUDGET_S), the frame and the last
    grid, and the path projected on the frame."""

    def __init__(self, prober, res: int):
        model, ds = prober.model, prober.ds
        loss_surface.make_directions(model, prober.seed)    # ValueError: nothing to move
        rng = np.random.default_rng([prober.seed, loss_surface.DIRECTION_STREAM, 1])
        idx = np.sort(rng.permutation(len(ds.x_train))[:loss_surface.MAX_EXAMPLES])
        self.res, examples = loss_surface.plan_grid(_forward_cost(model, ds.x_train[idx]),
                                                    SURFACE_BUDGET_S, res)
        idx = idx[:examples]
        self.x = ds.x_train[idx]
        self.y = loss_surface.loss_targets(prober.loss_fn, ds.y_train[idx])
        self.frame: Frame | None = None
        self.asked: tuple | None = None              # (directions, aspect) of the last grid
        self._random: Frame | None = None            # fixed for the run once made
        self.grid: loss_surface.SurfaceGrid | None = None
        self.next_grid_t = -np.inf                   # prober.clock time the next grid is due
        self.grid_step = -1
        self._projected = (None, -1, None)           # (frame, trail version, coordinates)

    def new_frame(self, prober, kind: str, now: np.ndarray) -> Frame:
        if kind == "pca":
            try:
                return pca_frame(prober.trail, now)
            except ValueError:
                pass                                 # too early: random until it is not
        if self._random is None:
            self._random = random_frame(prober.model, prober.trail, prober.seed)
        return self._random

    def path(self, trail: WeightTrail) -> np.ndarray:
        """The trail's rows on the frame (cached until either changes)."""
        frame, version, points = self._projected
        if frame is not self.frame or version != trail.version:
            points = self.frame.project(trail.rows())
            self._projected = (self.frame, trail.version, points)
        return points

    def extent(self, path: np.ndarray, now: np.ndarray, aspect: float):
        """(centre, half-widths) of a grid that holds the whole path with a margin, has the
        plot's ``aspect``, and is not narrower than a minimum (random directions: half a
        step of each unit's own size; principal ones: a small part of the weights' length),
        so a short path is not a lone dot."""
        lo, hi = path.min(axis=0), path.max(axis=0)
        least = (RANDOM_MIN_SPAN if self.frame.kind == "random"
                 else max(PCA_MIN_SPAN * float(np.linalg.norm(now)), 1e-3))
        half = np.maximum((hi - lo) / 2 * (1 + 2 * MARGIN), least)
        if half[0] < aspect * half[1]:
            half[0] = aspect * half[1]
        else:
            half[1] = half[0] / aspect
        return (lo + hi) / 2, half


def surface_probe(prober, options: dict | None, at) -> SurfaceProbe | None:
    options = surface_options(options)
    prober.keep_path(at.step)
    state = prober._surface
    if state is None:
        try:
            state = prober._surface = SurfaceState(prober, options["res"])
        except ValueError:                  # no weights to move: nothing to show
            return None
    now = prober.trail.now()
    clock = prober.clock()
    asked = (options["directions"], options["aspect"])    # another plane or shape: at once
    if (asked != state.asked or clock >= state.next_grid_t
            or (at.fresh and state.grid_step != at.step)):
        _new_grid(prober, state, options, now, at.step)
    here = state.frame.project(now[None])[0]
    path, steps = state.path(prober.trail), prober.trail.steps()
    if len(steps) and steps[-1] == at.step:           # the path ends where the probe is
        path = path[:-1]                              # (exactly: here, not a rounding off)
        steps = steps[:-1]
    path, steps = np.vstack([path, here[None]]), np.append(steps, at.step)
    grid = state.grid
    return SurfaceProbe(alphas=grid.alphas.copy(), betas=grid.betas.copy(),
                        losses=grid.losses.copy(), current=(float(here[0]), float(here[1])),
                        path=path, path_steps=steps, examples=len(state.x),
                        grid_step=state.grid_step, directions=state.frame.kind,
                        shares=state.frame.shares)


def _new_grid(prober, state: SurfaceState, options: dict, now: np.ndarray, step: int) -> None:
    began = prober.clock()
    state.asked = (options["directions"], options["aspect"])
    state.frame = state.new_frame(prober, options["directions"], now)
    here = state.frame.project(now[None])[0]
    aspect = options["aspect"]
    centre, half = state.extent(np.vstack([state.path(prober.trail), here[None]]), now, aspect)
    # The longer side gets the planned number of points, the shorter as many as its length.
    short = max(5, round(state.res * min(aspect, 1 / aspect)))
    sizes = (state.res, short) if aspect >= 1 else (short, state.res)
    state.grid = loss_surface.surface(prober.model, state.x, state.y, prober.loss_fn,
                                      state.frame.directions, span=tuple(half), res=sizes,
                                      offset=tuple(centre - here))
    # A costly surface (big models) waits longer before the next one, so the surface
    # never takes more than ~1/SURFACE_DUTY of the training time.
    wait = max(options["every_ms"] / 1000.0, SURFACE_DUTY * (prober.clock() - began))
    state.next_grid_t, state.grid_step = began + wait, step


def _forward_cost(model, x: np.ndarray):
    """seconds(n): what one eval forward of n examples costs, fitted as a fixed overhead
    plus a part per example from two timed sizes."""
    small, big = min(len(x), 64), len(x)
    t_small, t_big = (min(_timed_forward(model, x[:n]) for _ in range(2)) for n in (small, big))
    per_example = max(t_big - t_small, 0.0) / max(big - small, 1)
    return lambda n: t_small + per_example * (n - small)


def _timed_forward(model, x: np.ndarray) -> float:
    """Seconds one eval forward takes (the first call of a run also warms caches up)."""
    t0 = time.perf_counter()
    model.forward(x, training=False)
    return time.perf_counter() - t0
