"""Per-layer gradient norms over time, log scale, one curve per layer coloured by depth.

Layers near the input have dark colours, layers near the output bright ones: with Sigmoid
activations the dark curves sink decades below the bright ones (vanishing gradients)."""
from __future__ import annotations

import pyqtgraph as pg

from gui.training.buffers import LiveCurve, RangeKeeper
from gui.training.views.base import LiveView, make_plot

TINY = 1e-12           # a zero norm cannot be drawn on a log axis


class GradNormView(LiveView):
    page = "Curves"

    def __init__(self, parent=None):
        super().__init__("Gradient norms of every layer appear here: press Train", parent)
        self.plot = make_plot("Gradient norm per layer", "epoch",
                              "gradient norm (log scale)")
        self.plot.setToolTip("One curve per layer with weights, dark near the input, bright "
                             "near the output. Curves far below the others: those layers "
                             "barely learn (vanishing gradients).")
        self.plot.getPlotItem().setLogMode(y=True)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextSize="8pt")
        self.ranges = RangeKeeper(self.plot.getPlotItem())
        self.ranges.reset(log_y=True)
        self.set_content(self.plot)
        self.curves: dict[str, LiveCurve] = {}
        self.n_batches = 1

    def start_run(self, run) -> None:
        """One curve per layer with weights, in depth order."""
        layer_ids = run.layer_ids if run is not None else []
        item = self.plot.getPlotItem()
        for curve in self.curves.values():
            item.removeItem(curve.item)
        self.legend.clear()
        cmap = pg.colormap.get("viridis")
        n = max(len(layer_ids) - 1, 1)
        self.curves = {}
        for depth, nid in enumerate(layer_ids):
            colour = cmap.map(0.9 * depth / n, mode="qcolor")
            self.curves[nid] = LiveCurve(item, pen=pg.mkPen(colour, width=2), name=nid)
        self.n_batches = max(1, int(run.n_batches)) if run is not None else 1
        self.ranges.reset()
        self.show_empty()

    def add_steps(self, chunk) -> None:
        if not chunk.grad_norms:
            return
        x = chunk.last_step / self.n_batches
        for nid, norm in chunk.grad_norms.items():
            curve = self.curves.get(nid)
            if curve is not None:
                curve.append(x, max(float(norm), TINY))
        self.show_content()

    def redraw(self) -> None:
        for curve in self.curves.values():
            curve.redraw()
        self.ranges.update([c.series for c in self.curves.values()])
