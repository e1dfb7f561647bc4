"""Live curves: preallocated x/y arrays that grow by doubling, drawn with setData.

A curve that gets a few points 30 times a second never reallocates per update and never
rebuilds its plot item: appending copies into spare capacity, and only a full buffer is
doubled (amortised O(1) per point). Drawing hands pyqtgraph views of the filled part.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

INITIAL_CAPACITY = 256
SYMBOL_LIMIT = 150        # beyond this many points a curve drops its markers (slow to paint)
FEW_POINTS = 12           # a curve this short marks its points: one point draws no line
MARKER = dict(symbol="o", symbolSize=5, symbolPen=None)


class GrowingSeries:
    """x and y float64 arrays with spare capacity at the end."""

    def __init__(self, capacity: int = INITIAL_CAPACITY):
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0
        self.x_max = -np.inf          # the furthest x appended (kept as points come)

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
        if len(x):
            self.x_max = max(self.x_max, float(np.max(x)))

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
        self.x_max = -np.inf


class LiveCurve:
    """A GrowingSeries drawn by one PlotDataItem (created once, updated with setData).

    Appends are cheap and may happen while the plot is hidden; ``redraw`` pushes the data
    to the item only when something changed since the last redraw. ``x_scale`` multiplies
    x when drawn (a run's epochs shown as steps). While the curve has few points it marks
    each one (a single step is a point, and a line through one point draws nothing)."""

    def __init__(self, plot_item, **style):
        self.series = GrowingSeries()
        self.symbol_limit = SYMBOL_LIMIT if style.get("symbol") else FEW_POINTS
        colour = pg.mkPen(style.get("pen")).color()
        style = {**MARKER, "symbolBrush": colour, **style}
        self.symbol = style["symbol"]
        self.item = plot_item.plot([], [], **style)
        self.item.setClipToView(True)
        self.item.setDownsampling(auto=True, method="peak")
        self.x_scale = 1.0
        self._dirty = False
        self._has_symbols = True

    def append(self, x, y) -> None:
        self.series.append(x, y)
        self._dirty = True

    def set_x_scale(self, scale: float) -> None:
        if scale != self.x_scale:
            self.x_scale = float(scale)
            self._dirty = True

    @property
    def x(self) -> np.ndarray:
        """x as drawn."""
        x = self.series.x
        return x if self.x_scale == 1.0 else x * self.x_scale

    def x_end(self) -> float | None:
        """The furthest x drawn (None: no point)."""
        return self.series.x_max * self.x_scale if len(self.series) else None

    def redraw(self) -> None:
        if self._dirty:
            self._show_symbols(len(self.series) <= self.symbol_limit)
            self.item.setData(self.x, self.series.y)
            self._dirty = False

    def _show_symbols(self, on: bool) -> None:
        if on != self._has_symbols:
            self.item.setSymbol(self.symbol if on else None)
            self._has_symbols = on

    def clear(self) -> None:
        self.series.clear()
        self.item.setData([], [])
        self._dirty = False

    def __len__(self) -> int:
        return len(self.series)


class YRangeKeeper:
    """The y range of a live plot, with hysteresis: it changes only when the data leaves it
    or fills less than half of it. Auto-range would move it at every update, and every
    move re-renders the axis (the costliest part of a redraw). The bounds come from the
    series themselves: a curve clipped to the view only knows the part inside the view.
    (The x range of the Curves page is a SharedXRange.)"""

    Y_MARGIN, Y_MIN_FILL = 0.08, 0.5

    def __init__(self, plot_item):
        self.plot_item = plot_item
        self.log_y = False
        self.y_range: tuple[float, float] | None = None
        plot_item.getViewBox().disableAutoRange()

    def reset(self, log_y: bool | None = None) -> None:
        if log_y is not None:
            self.log_y = log_y
        self.y_range = None

    def update(self, series) -> None:
        """Fit the range to ``series`` (GrowingSeries), with hysteresis."""
        bounds = _y_bounds([s for s in series if len(s)], self.log_y)
        if bounds is None:
            return
        y0, y1 = bounds
        span = y1 - y0
        r = self.y_range
        if r is None or y0 < r[0] or y1 > r[1] or span < self.Y_MIN_FILL * (r[1] - r[0]):
            pad = self.Y_MARGIN * span if span > 0 else max(abs(y0) * 0.1, 1e-3)
            self.y_range = (y0 - pad, y1 + pad)
            self.plot_item.getViewBox().setYRange(*self.y_range, padding=0)


class SharedXRange:
    """One x range for several plots (the Curves page's plots share theirs, so a step is
    at the same place on each). It starts at 0 and ends a little past the furthest point
    any of them draws: it moves only when data passes its end, then to HEADROOM times that
    point, so the data always fills most of the width. A plan drawn before there is data
    (the learning-rate schedule) sets the range only while no plot has data.

    Each plot says what it draws with ``note(who, data_end, plan_end)``. A plot takes the
    range when it is redrawn (``apply``): moving every plot at each change would repaint
    all of them, outside the redraw scheduler's turns (measured: 2.5 times the GUI
    thread's time). ``apply_all`` moves them all (a new run, a new unit). A view joins the
    dashboard's shared range with ``shared.join(own)``."""

    HEADROOM = 1.06

    def __init__(self):
        self.plots: list = []
        self.data_ends: dict = {}          # who -> the furthest x of its data (None: none)
        self.plan_ends: dict = {}          # who -> the end of its plan (None: none)
        self.range: tuple[float, float] | None = None
        self._applied: dict = {}           # id(plot item) -> the range it shows

    def add_plot(self, plot_item) -> None:
        plot_item.getViewBox().disableAutoRange(axis=pg.ViewBox.XAxis)
        self.plots.append(plot_item)
        self.apply(plot_item)

    def join(self, other: "SharedXRange") -> None:
        """Take over ``other``'s plots and what they draw (a view's own range joins the
        page's)."""
        self.data_ends.update(other.data_ends)
        self.plan_ends.update(other.plan_ends)
        self._fit()
        for plot_item in other.plots:
            self.add_plot(plot_item)
        other.plots = []

    def note(self, who, data_end: float | None, plan_end: float | None = None) -> None:
        self.data_ends[who] = data_end
        self.plan_ends[who] = plan_end
        self._fit()

    def apply(self, plot_item) -> None:
        """Show the range on ``plot_item`` (if it does not already)."""
        if self.range is not None and self._applied.get(id(plot_item)) != self.range:
            self._applied[id(plot_item)] = self.range
            plot_item.getViewBox().setXRange(*self.range, padding=0)

    def apply_all(self) -> None:
        for plot_item in self.plots:
            self.apply(plot_item)

    def _fit(self) -> None:
        data = [e for e in self.data_ends.values() if e is not None]
        plans = [e for e in self.plan_ends.values() if e is not None]
        r = self.range
        if data:
            end = max(max(data), 1e-9)
            if r is not None and end <= r[1] and end * self.HEADROOM ** 2 >= r[1]:
                return                     # the data still ends near the range's end
            self.range = (0.0, end * self.HEADROOM)
        elif plans and max(plans) > 0:
            self.range = (0.0, max(plans))


def _y_bounds(series, log_y: bool):
    """(ymin, ymax) over finite points (as log10 for a log axis)."""
    lows, highs = [], []
    for s in series:
        y = s.y
        if log_y:
            y = np.log10(y[y > 0])
        y = y[np.isfinite(y)]
        if len(y):
            lows.append(y.min())
            highs.append(y.max())
    if not lows:
        return None
    return min(lows), max(highs)
