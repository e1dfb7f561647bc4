"""The loss surface around the current weights, and the optimizer's path across it.

A plane through the weights, spanned by two directions, with an origin: the frame in which
the surface and the path are drawn. The directions are either the principal directions of
the path (engine/training/weight_path.py; ``directions_from_vectors``) or two random
directions, "filter-normalised" (Li et al. 2018, "Visualizing the Loss Landscape of Neural
Nets"): each row of a weight (a Dense unit, a Conv2D filter) gets the norm of that row of the
weights, so a step of 1 along a direction changes every unit by as much as its own size,
whatever its scale. One-axis params (biases, BatchNorm) get no random direction, as in the
paper.

    dirs = make_directions(model, seed=0)
    grid = surface(model, x, y, loss_fn, dirs)       # res x res losses, weights restored
    a, b = project(model, dirs)                      # where the weights are now
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_EXAMPLES = 256           # a surface costs res^2 forwards of this many examples at most
DIRECTION_STREAM = 0x5A4F    # keeps the directions independent of the other random streams


@dataclass(frozen=True)
class Directions:
    """Two directions and the origin of the (alpha, beta) frame, by parameter key."""
    d1: dict
    d2: dict
    origin: dict
    gram_inv: np.ndarray     # inverse of [[d1.d1, d1.d2], [d2.d1, d2.d2]] (least squares)


@dataclass(frozen=True)
class SurfaceGrid:
    """``losses[i, j]`` is the loss at (alphas[j], betas[i]) (row i = beta, as an image)."""
    alphas: np.ndarray       # (na,) float32, in the origin's frame
    betas: np.ndarray        # (nb,)
    losses: np.ndarray       # (nb, na) float32; inf/NaN where the loss blew up
    centre: tuple[float, float]      # where the weights are (the grid need not be centred)


def trainable(model) -> dict:
    """The trainable parameter arrays by key (the arrays the optimizer updates)."""
    return {k: p for k, (p, _g) in model.parameters().items()}


def make_directions(model, seed: int = 0, origin: dict | None = None) -> Directions:
    """Two seeded, filter-normalised directions (scaled to the current weights); the origin
    is ``origin`` (by parameter key) or the current weights."""
    params = trainable(model)
    if not params:
        raise ValueError("the loss surface needs a model with trainable weights")
    rng = np.random.default_rng([int(seed), DIRECTION_STREAM])
    d1 = {k: _filter_normalised(rng, p) for k, p in params.items()}
    d2 = {k: _filter_normalised(rng, p) for k, p in params.items()}
    origin = {k: np.array(origin[k] if origin is not None else p, np.float32)
              for k, p in params.items()}
    return _frame(d1, d2, origin, "weights with at least two entries that are not biases")


def directions_from_vectors(v1: dict, v2: dict, origin: dict) -> Directions:
    """The frame of two given directions (by parameter key, e.g. principal directions)."""
    return _frame(v1, v2, origin, "two directions that are not parallel")


def _frame(d1: dict, d2: dict, origin: dict, needs: str) -> Directions:
    gram = np.array([[_dot(d1, d1), _dot(d1, d2)], [_dot(d2, d1), _dot(d2, d2)]])
    if abs(np.linalg.det(gram)) <= 1e-12 * max(gram[0, 0] * gram[1, 1], 1e-30):
        raise ValueError(f"the loss surface needs {needs}")
    return Directions(d1=d1, d2=d2, origin=origin, gram_inv=np.linalg.inv(gram))


def _filter_normalised(rng, w: np.ndarray) -> np.ndarray:
    if w.ndim < 2:                       # bias / BatchNorm: kept fixed (Li et al.)
        return np.zeros_like(w)
    d = rng.standard_normal(w.shape).astype(np.float32)
    axes = tuple(range(1, w.ndim))       # row = output unit (Dense) or filter (Conv2D)
    w_norm = np.sqrt(np.sum(w.astype(np.float64) ** 2, axis=axes, keepdims=True))
    d_norm = np.sqrt(np.sum(d.astype(np.float64) ** 2, axis=axes, keepdims=True))
    # A row of zeros (zero init) has no size to match: give it a unit-norm direction.
    target = np.where(w_norm > 0, w_norm, 1.0)
    return (d * (target / np.maximum(d_norm, 1e-30))).astype(np.float32)


def _dot(a: dict, b: dict) -> float:
    return float(sum(np.vdot(a[k].astype(np.float64, copy=False), b[k]) for k in a))


def project(model, directions: Directions) -> tuple[float, float]:
    """(alpha, beta) of the current weights: origin + alpha*d1 + beta*d2 is the point of the
    plane nearest to them (least squares)."""
    d1, d2, origin = directions.d1, directions.d2, directions.origin
    rhs = np.zeros(2)
    for k, p in trainable(model).items():      # two dot products per array: cheap every step
        delta = p - origin[k]
        rhs += (float(np.vdot(d1[k], delta)), float(np.vdot(d2[k], delta)))
    a, b = directions.gram_inv @ rhs
    return float(a), float(b)


def surface(model, x, y, loss_fn, directions: Directions, span=1.0, res=21,
            offset: tuple[float, float] = (0.0, 0.0)) -> SurfaceGrid:
    """The loss (eval mode) on a grid of weights current + a*d1 + b*d2, a in offset[0] +
    [-span, span] at ``res`` points and b likewise (``span`` and ``res`` may be pairs: along
    a, along b), on the first MAX_EXAMPLES rows of ``x``/``y`` (``y`` as the loss reads it).
    The weights are restored bitwise afterwards, also if a forward raises."""
    spans, sizes = _pair(span), _pair(res)
    if not all(2 <= int(n) <= 201 for n in sizes):
        raise ValueError(f"loss surface: res must be between 2 and 201, got {res}")
    if not all(np.isfinite(v) and v > 0 for v in spans):
        raise ValueError(f"loss surface: span must be a positive number, got {span}")
    x, y = x[:MAX_EXAMPLES], y[:MAX_EXAMPLES]
    params = trainable(model)
    saved = {k: p.copy() for k, p in params.items()}
    a_steps, b_steps = (o + np.linspace(-v, v, int(n)) for o, v, n in zip(offset, spans, sizes))
    losses = np.empty((len(b_steps), len(a_steps)), dtype=np.float32)
    try:
        # Far from the minimum the loss may overflow: that is a value to show, not an error.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for i, b in enumerate(b_steps):
                for j, a in enumerate(a_steps):
                    _place(params, saved, directions, a, b)
                    losses[i, j] = _loss(model, x, y, loss_fn)
    finally:
        for k, p in params.items():
            p[...] = saved[k]
    ca, cb = project(model, directions)
    return SurfaceGrid(alphas=(ca + a_steps).astype(np.float32),
                       betas=(cb + b_steps).astype(np.float32), losses=losses,
                       centre=(ca, cb))


def _pair(v) -> tuple:
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def _place(params: dict, saved: dict, directions: Directions, a: float, b: float) -> None:
    """Set every parameter to saved + a*d1 + b*d2, in place (float32)."""
    for k, p in params.items():
        np.multiply(directions.d1[k], np.float32(a), out=p)
        p += np.float32(b) * directions.d2[k]
        p += saved[k]


def _loss(model, x, y, loss_fn) -> float:
    out = model.forward(x, training=False)
    value, _ = loss_fn.value_and_grad(model.loss_input(loss_fn, out)[1], y)
    return float(value)


def plan_grid(forward_s, budget_s: float = 0.15, res: int = 21,
              examples: int = MAX_EXAMPLES) -> tuple[int, int]:
    """(res, examples) so that res^2 forwards fit ``budget_s`` where possible, when
    ``forward_s(n)`` is the seconds one forward of n examples takes: costly models
    (convolutions) first get a coarser grid, down to 9 x 9, then fewer examples, down to 64.
    Past that the surface costs more, and the prober computes it less often instead."""
    def cost(r, n):
        return r * r * forward_s(n)
    while cost(res, examples) > budget_s and res > 9:
        res -= 2
    while cost(res, examples) > budget_s and examples > 64:
        examples //= 2
    return res, examples


def loss_targets(loss_fn, y: np.ndarray) -> np.ndarray:
    """Targets as the loss reads them: bce wants float 0/1 of shape (N, 1) (as the Trainer
    feeds it); class indices and regression targets as given."""
    if loss_fn.name == "bce":
        return np.asarray(y, dtype=np.float32).reshape(len(y), 1)
    return y
