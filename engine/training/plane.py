"""The input plane of a 2-D dataset as the probes map it: the data's range padded by MARGIN
on each side, widened to the plot's width / height, sampled on a grid (the decision boundary
and the hidden units' maps cover the same plane)."""
from __future__ import annotations

import numpy as np

MARGIN = 0.1          # the plane extends past the data range by this fraction on each side


def padded_range(v: np.ndarray) -> tuple[float, float]:
    lo, hi = float(v.min()), float(v.max())
    pad = MARGIN * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def fill_aspect(xr: tuple, yr: tuple, aspect: float) -> tuple[tuple, tuple]:
    """The ranges widened around their centres so that width / height = ``aspect``."""
    (x0, x1), (y0, y1) = xr, yr
    width, height = x1 - x0, y1 - y0
    if width < aspect * height:
        grow = (aspect * height - width) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (width / aspect - height) / 2
        y0, y1 = y0 - grow, y1 + grow
    return (x0, x1), (y0, y1)


def plane_grid(x_all: np.ndarray, res: int, aspect: float = 1.0):
    """(xs, ys, x_range, y_range) of the plane over the points ``x_all`` (n, 2): ``res``
    points along its shorter side and as finely along the other."""
    (x0, x1), (y0, y1) = fill_aspect(padded_range(x_all[:, 0]), padded_range(x_all[:, 1]),
                                     aspect)
    nx, ny = (round(res * aspect), res) if aspect >= 1 else (res, round(res / aspect))
    xs = np.linspace(x0, x1, nx, dtype=np.float32)
    ys = np.linspace(y0, y1, ny, dtype=np.float32)
    return xs, ys, (x0, x1), (y0, y1)
