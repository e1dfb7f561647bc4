"""Curves of several runs on one plot: the current run's in colour, earlier runs faded."""
from __future__ import annotations

import pyqtgraph as pg

from gui.training.buffers import LiveCurve
from gui.training.views.base import FADED_ALPHA

MAX_OLD_RUNS = 8        # older faded runs beyond this are dropped (memory stays bounded)


class RunCurves:
    """Named LiveCurves for the current run; ``new_run`` fades them and starts fresh ones."""

    def __init__(self, plot_item, styles: dict[str, dict]):
        self.plot_item = plot_item
        self.styles = styles               # name -> PlotDataItem keyword arguments
        self.current: dict[str, LiveCurve] = {}
        self.old: list[list[LiveCurve]] = []
        self._make_current()

    def _make_current(self) -> None:
        self.current = {name: LiveCurve(self.plot_item, **kw) for name, kw in self.styles.items()}

    def new_run(self) -> None:
        """Keep the current curves faded (if they have data) and start empty ones."""
        kept = [c for c in self.current.values() if len(c)]
        for curve in self.current.values():
            if not len(curve):
                self.plot_item.removeItem(curve.item)
        legend = getattr(self.plot_item, "legend", None)
        for curve in kept:
            _fade(curve)
            if legend is not None:
                legend.removeItem(curve.item)      # the legend names the current run only
        if kept:
            self.old.append(kept)
        while len(self.old) > MAX_OLD_RUNS:
            self._remove(self.old.pop(0))
        self._make_current()

    def clear_old(self) -> None:
        for run in self.old:
            self._remove(run)
        self.old.clear()

    def _remove(self, curves) -> None:
        for curve in curves:
            self.plot_item.removeItem(curve.item)

    def append(self, name: str, x, y) -> None:
        self.current[name].append(x, y)

    def redraw(self) -> None:
        for curve in self.current.values():
            curve.redraw()

    def __getitem__(self, name: str) -> LiveCurve:
        return self.current[name]


def _fade(curve: LiveCurve) -> None:
    curve.redraw()
    pen = pg.mkPen(curve.item.opts["pen"])
    colour = pen.color()
    colour.setAlpha(FADED_ALPHA)
    pen.setColor(colour)
    pen.setWidthF(1.0)
    curve.item.setPen(pen)
    if curve.item.opts.get("symbolBrush") is not None:
        curve.item.setSymbolBrush(pg.mkBrush(colour))
        curve.item.setSymbolPen(pg.mkPen(colour))
