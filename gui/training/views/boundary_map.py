"""What the decision-boundary map is drawn from, as plain arrays (no Qt): the colour of every
grid point, the lines between the predicted classes, and where the image lies.

    rgb, stretch = boundary_rgb(probs)                 # (res, res, 3) uint8, colour stretch
    segments = class_boundaries(probs, xs, ys)         # (2S, 2): line pieces, in pairs
"""
from __future__ import annotations

import numpy as np

from gui.training.views.base import CLASS_COLOURS

BACKGROUND_MIX = 0.6         # the surest point gets this much of its class colour
STRETCH_BELOW = 0.5          # a map whose surest point is less sure than this is stretched


def confidence(probs: np.ndarray) -> np.ndarray:
    """How sure the prediction is, 0 (every class alike) to 1 (one class certain)."""
    k = probs.shape[-1]
    return np.clip((probs.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)


def boundary_rgb(probs: np.ndarray) -> tuple[np.ndarray, float]:
    """(res, res, K) class probabilities -> ((res, res, 3) uint8, stretch): the predicted
    class's colour, paler where the model is less sure, lightened so the points stand out.
    A model that is nowhere sure (a perceptron on XOR: P between 0.45 and 0.6) would paint
    the map one grey: its colours are then stretched so that its surest point gets the full
    colour; ``stretch`` says by how much (1.0: not stretched)."""
    k = probs.shape[-1]
    colours = np.resize(CLASS_COLOURS, (k, 3))
    sure = confidence(probs)
    top = float(sure.max()) if sure.size else 0.0
    stretch = 1.0 if top >= STRETCH_BELOW else 1.0 / max(top, 1e-3)
    tint = BACKGROUND_MIX * np.clip(sure * stretch, 0.0, 1.0)[..., None]
    rgb = 255.0 - tint * (255.0 - colours[probs.argmax(axis=-1)])
    return np.clip(rgb, 0, 255).astype(np.uint8), stretch


def class_boundaries(probs: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The lines where the predicted class changes, as (2S, 2) end points of S segments
    (draw with connect="pairs"). Binary: the P = 0.5 line. K classes: the edges of each
    class's region, where its probability equals the largest of the others'; the last class
    needs no line of its own (each of its edges borders another class)."""
    parts = [np.zeros((0, 2))]
    for k in range(probs.shape[-1] - 1):
        others = np.delete(probs, k, axis=-1).max(axis=-1)
        parts.append(zero_segments(probs[..., k] - others, xs, ys))
    return np.concatenate(parts)


def zero_segments(f: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Marching squares: the line f = 0 of ``f[i, j]`` sampled at (xs[j], ys[i]), as
    (2S, 2) segment end points, linearly interpolated along the cells' edges."""
    f = np.asarray(f, np.float64)
    above = f > 0
    xs, ys = np.asarray(xs, np.float64), np.asarray(ys, np.float64)
    # Crossing points on every horizontal edge (i, j)-(i, j+1) and vertical edge (i, j)-(i+1, j).
    hx = _cross(f[:, :-1], f[:, 1:], xs[None, :-1], xs[None, 1:])
    hy = np.broadcast_to(ys[:, None], hx.shape)
    vy = _cross(f[:-1], f[1:], ys[:-1, None], ys[1:, None])
    vx = np.broadcast_to(xs[None, :], vy.shape)
    # A cell's edges in order round it: bottom, right, top, left.
    ex = np.stack([hx[:-1], vx[:, 1:], hx[1:], vx[:, :-1]], axis=-1)
    ey = np.stack([hy[:-1], vy[:, 1:], hy[1:], vy[:, :-1]], axis=-1)
    crossed = np.stack([above[:-1, :-1] != above[:-1, 1:], above[:-1, 1:] != above[1:, 1:],
                        above[1:, :-1] != above[1:, 1:], above[:-1, :-1] != above[1:, :-1]],
                       axis=-1)
    points = np.stack([ex, ey], axis=-1)                  # (ny-1, nx-1, 4, 2)
    n = crossed.sum(axis=-1)
    two = points[n == 2][crossed[n == 2]].reshape(-1, 2)    # each cell's two crossings
    return np.concatenate([two, _saddles(points, crossed, n, f, above)])


def _cross(f0, f1, x0, x1) -> np.ndarray:
    """Where f crosses 0 between (x0, f0) and (x1, f1) (NaN where it does not)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = f0 / (f0 - f1)
    return np.where((f0 > 0) != (f1 > 0), x0 + t * (x1 - x0), np.nan)


def _saddles(points, crossed, n, f, above) -> np.ndarray:
    """Cells crossed on all four edges: two segments, chosen by the sign at the centre."""
    i, j = np.nonzero(n == 4)
    if not len(i):
        return np.zeros((0, 2))
    centre = (f[i, j] + f[i, j + 1] + f[i + 1, j] + f[i + 1, j + 1]) > 0
    p = points[i, j]                                      # (m, 4, 2): bottom right top left
    # The centre on the bottom-left corner's side: the line cuts off the bottom-right and
    # top-left corners; otherwise the bottom-left and top-right ones.
    joined = (centre == above[i, j])[:, None, None]
    first = np.where(joined, p[:, [0, 1]], p[:, [0, 3]])
    second = np.where(joined, p[:, [2, 3]], p[:, [2, 1]])
    return np.concatenate([first, second], axis=1).reshape(-1, 2)


def image_rect(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    """(x, y, width, height) of an image whose pixel centres are the grid points: it reaches
    half a grid step past the first and last ones."""
    dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
    dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
    return (float(xs[0] - dx / 2), float(ys[0] - dy / 2), float(xs[-1] - xs[0] + dx),
            float(ys[-1] - ys[0] + dy))
