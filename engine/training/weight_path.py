"""The weights' path through a run, kept from step 0, and the directions it moved along most.

    trail = WeightTrail(params)          # params: {key: array the optimizer updates in place}
    trail.record(step)                   # after every step: one ``step % every`` test, and a
                                         # copy of the weights every ``every`` steps
    v1, v2, shares = principal_directions(trail.rows())

The trail keeps at most ``capacity`` rows (a few hundred; fewer for big models, so it stays
under TRAIL_BYTES). When it is full, every other row goes and the interval doubles, so a run
of any length keeps points spread over all of it, from its first weights to its last.

The principal directions are those of Li et al. 2018 ("Visualizing the Loss Landscape of
Neural Nets", section 7): a PCA of the recorded weights. Random directions in a space of
thousands of dimensions are nearly orthogonal to the path, which then looks tiny or
straight; the first two principal components hold most of its movement.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_ROWS = 256                 # points kept of a run's path
MIN_ROWS = 8                   # ... even for a model too big for TRAIL_BYTES
TRAIL_BYTES = 32 * 2 ** 20     # memory the kept weights may take
PCA_FLOPS = 2e8                # a PCA of more rows than this allows uses a spread subset


@dataclass(frozen=True)
class Layout:
    """Where each parameter array lies in one flat vector of all of them."""
    keys: tuple
    shapes: tuple
    offsets: tuple             # start of each array; offsets[-1] + its size = size
    size: int

    @classmethod
    def of(cls, params: dict) -> "Layout":
        keys = tuple(params)
        shapes = tuple(tuple(params[k].shape) for k in keys)
        sizes = [int(np.prod(s)) for s in shapes]
        offsets = tuple(int(o) for o in np.concatenate([[0], np.cumsum(sizes)[:-1]]))
        return cls(keys, shapes, offsets, int(sum(sizes)))

    def flatten(self, arrays: dict, out: np.ndarray | None = None) -> np.ndarray:
        out = np.empty(self.size, np.float32) if out is None else out
        for k, start, shape in zip(self.keys, self.offsets, self.shapes):
            out[start:start + int(np.prod(shape))] = np.ravel(arrays[k])
        return out

    def split(self, flat: np.ndarray) -> dict:
        """The arrays of a flat vector by key (views of it, not copies)."""
        return {k: flat[start:start + int(np.prod(shape))].reshape(shape)
                for k, start, shape in zip(self.keys, self.offsets, self.shapes)}


class WeightTrail:
    """The trainable weights every ``every`` steps, flattened, one row per recorded step."""

    def __init__(self, params: dict, step: int = 0, capacity: int | None = None):
        """Records the weights ``params`` hold now as the weights after ``step``."""
        self.params = params
        self.layout = Layout.of(params)
        # Flat views of the live arrays (the optimizer updates them in place): a row is
        # then one copy call (~3 us) instead of one per array.
        contiguous = all(params[k].flags.c_contiguous for k in self.layout.keys)
        self._flat_views = ([params[k].reshape(-1) for k in self.layout.keys]
                            if contiguous else None)
        fits = TRAIL_BYTES // max(4 * self.layout.size, 1)
        self.capacity = capacity or int(min(MAX_ROWS, max(MIN_ROWS, fits)))
        self._rows = np.empty((self.capacity, self.layout.size), np.float32)
        self._steps = np.empty(self.capacity, np.int64)
        self.count = 0
        self.every = 1
        self.version = 0           # changes whenever the rows change
        self._last = step          # the last step seen (recorded or not)
        self._add(step)

    def record(self, step: int) -> None:
        """After every step. A step at or before the last one seen (the run went back: a
        divergence restored older weights) first drops the rows it replaces."""
        if step <= self._last:
            self.count = int(np.searchsorted(self._steps[:self.count], step))
            self.version += 1
        self._last = step
        if step % self.every and self.count:
            return                 # the common case: a test and nothing else
        if self.count == self.capacity:
            self._thin()
            if step % self.every:
                return
        self._add(step)

    def _add(self, step: int) -> None:
        self._flatten(self._rows[self.count])
        self._steps[self.count] = step
        self.count += 1
        self.version += 1

    def _thin(self) -> None:
        keep = np.arange(0, self.count, 2)
        n = len(keep)
        self._rows[:n] = self._rows[keep]
        self._steps[:n] = self._steps[keep]
        self.count, self.every = n, self.every * 2

    def rows(self) -> np.ndarray:
        """(count, size) the recorded weights, oldest first (a view: read, do not keep)."""
        return self._rows[:self.count]

    def steps(self) -> np.ndarray:
        return self._steps[:self.count].copy()

    def now(self) -> np.ndarray:
        """The weights the model holds now, flattened (a new array)."""
        return self._flatten(np.empty(self.layout.size, np.float32))

    def _flatten(self, out: np.ndarray) -> np.ndarray:
        if self._flat_views:
            return np.concatenate(self._flat_views, out=out)
        return self.layout.flatten(self.params, out=out)


def principal_directions(points: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple]:
    """(v1, v2, (share1, share2)): unit vectors along which ``points`` (m, n) vary most, and
    the fraction of their total variance each explains. ValueError when the points do not
    move in two directions (fewer than three distinct points)."""
    points = _spread_subset(points)
    centred = (points - points.mean(axis=0, dtype=np.float64)).astype(np.float32)
    # The m x m Gram matrix gives the components of m points in n >> m dimensions cheaply.
    gram = (centred @ centred.T).astype(np.float64)
    values, vectors = np.linalg.eigh(gram)               # ascending
    total = float(np.trace(gram))
    top = values[::-1][:2]
    # float32 rounding alone gives a second component ~1e-7 of the first: that is no plane
    if len(top) < 2 or not total > 0 or not top[1] > 1e-6 * top[0]:
        raise ValueError("the path does not move in two directions yet")
    components = []
    for i in (-1, -2):
        v = (centred.T @ vectors[:, i].astype(np.float32)).astype(np.float64)
        components.append((v / np.linalg.norm(v)).astype(np.float32))
    return components[0], components[1], (float(top[0] / total), float(top[1] / total))


def _spread_subset(points: np.ndarray) -> np.ndarray:
    """At most as many rows as PCA_FLOPS allows (m^2 n), spread evenly, first and last kept."""
    m, n = points.shape
    most = max(3, int(np.sqrt(PCA_FLOPS / max(n, 1))))
    if m <= most:
        return points
    return points[np.unique(np.linspace(0, m - 1, most).round().astype(int))]
