"""Live curves: preallocated x/y arrays that grow by doubling, drawn with setData.

A curve that gets a few points 30 times a second never reallocates per update and never
rebuilds its plot item: appending copies into spare capacity, and only a full buffer is
doubled (amortised O(1) per point). Drawing hands pyqtgraph views of the filled part.
"""
from __future__ import annotations

import numpy as np

INITIAL_CAPACITY = 256
SYMBOL_LIMIT = 150        # beyond this many points a curve drops its markers (slow to paint)


class GrowingSeries:
    """x and y float64 arrays with spare capacity at the end."""

    def __init__(self, capacity: int = INITIAL_CAPACITY):
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def __len__(self) -> int:
        return self.n

    @property
    def capacity(self) -> int:
        return len(self._x)

    def append(self, x, y) -> None:
        """Append one point or arrays of points (x and y of the same length)."""
        x = np.atleast_1d(np.asarray(x, dtype=np.float64))
        y = np.atleast_1d(np.asarray(y, dtype=np.float64))
        if x.shape != y.shape:
            raise ValueError(f"x and y must have the same length, got {x.shape} and {y.shape}")
        need = self.n + len(x)
        if need > self.capacity:
            self._grow(need)
        self._x[self.n:need] = x
        self._y[self.n:need] = y
        self.n = need

    def _grow(self, need: int) -> None:
        capacity = self.capacity
        while capacity < need:
            capacity *= 2
        for name in ("_x", "_y"):
            bigger = np.empty(capacity, dtype=np.float64)
            bigger[:self.n] = getattr(self, name)[:self.n]
            setattr(self, name, bigger)

    @property
    def x(self) -> np.ndarray:
        return self._x[:self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self.n]

    def clear(self) -> None:
        self.n = 0


class LiveCurve:
    """A GrowingSeries drawn by one PlotDataItem (created once, updated with setData).

    Appends are cheap and may happen while the plot is hidden; ``redraw`` pushes the data
    to the item only when something changed since the last redraw."""

    def __init__(self, plot_item, **style):
        self.series = GrowingSeries()
        self.item = plot_item.plot([], [], **style)
        self.item.setClipToView(True)
        self.item.setDownsampling(auto=True, method="peak")
        self._dirty = False
        self._has_symbols = style.get("symbol") is not None

    def append(self, x, y) -> None:
        self.series.append(x, y)
        self._dirty = True

    def redraw(self) -> None:
        if self._dirty:
            if self._has_symbols and len(self.series) > SYMBOL_LIMIT:
                self.item.setSymbol(None)
                self._has_symbols = False
            self.item.setData(self.series.x, self.series.y)
            self._dirty = False

    def clear(self) -> None:
        self.series.clear()
        self.item.setData([], [])
        self._dirty = False

    def __len__(self) -> int:
        return len(self.series)


class RangeKeeper:
    """Axis ranges with hysteresis for a live plot: x grows in 50% jumps, y changes only
    when the data leaves it or fills less than half of it. Auto-range would move both axes
    at every update, and every move re-renders the axes (the costliest part of a redraw).
    The bounds come from the series themselves: a curve clipped to the view only knows
    the part inside the view."""

    X_HEADROOM, Y_MARGIN, Y_MIN_FILL = 1.5, 0.08, 0.5

    def __init__(self, plot_item):
        self.plot_item = plot_item
        self.log_y = False
        self.x_range: tuple[float, float] | None = None
        self.y_range: tuple[float, float] | None = None
        plot_item.getViewBox().disableAutoRange()

    def reset(self, log_y: bool | None = None) -> None:
        if log_y is not None:
            self.log_y = log_y
        self.x_range = self.y_range = None

    def update(self, series) -> None:
        """Fit the ranges to ``series`` (GrowingSeries), with hysteresis."""
        bounds = _bounds([s for s in series if len(s)], self.log_y)
        if bounds is None:
            return
        (x0, x1), (y0, y1) = bounds
        vb = self.plot_item.getViewBox()
        if self.x_range is None or x1 > self.x_range[1] or x0 < self.x_range[0]:
            lo = min(0.0, x0)
            self.x_range = (lo, lo + max(x1 - lo, 1e-9) * self.X_HEADROOM)
            vb.setXRange(*self.x_range, padding=0)
        span = y1 - y0
        r = self.y_range
        if r is None or y0 < r[0] or y1 > r[1] or span < self.Y_MIN_FILL * (r[1] - r[0]):
            pad = self.Y_MARGIN * span if span > 0 else max(abs(y0) * 0.1, 1e-3)
            self.y_range = (y0 - pad, y1 + pad)
            vb.setYRange(*self.y_range, padding=0)


def _bounds(series, log_y: bool):
    """((xmin, xmax), (ymin, ymax)) over finite points (y as log10 for a log axis)."""
    xs, ys = [], []
    for s in series:
        x, y = s.x, s.y
        if log_y:
            keep = y > 0
            x, y = x[keep], np.log10(y[keep])
        keep = np.isfinite(x) & np.isfinite(y)
        if keep.any():
            xs.append((x[keep].min(), x[keep].max()))
            ys.append((y[keep].min(), y[keep].max()))
    if not xs:
        return None
    return ((min(a for a, _ in xs), max(b for _, b in xs)),
            (min(a for a, _ in ys), max(b for _, b in ys)))
