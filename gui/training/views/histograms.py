"""Histograms of the selected layer's parameters (weight and bias, stacked in two colours on
the same bins) and of their gradients (last batch). A frozen layer's gradients are not
drawn: it gets none, and a spike at 0 would say it got zeros."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import make_plot
from gui.training.views.layer_parts import (GradientSide, NodeView, is_frozen, panel_row,
                                             title_label, titled, unknown_shape_text)

BINS = 40
# one colour per array, in the layer's order (weight, bias, ...)
ARRAY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd")
EMPTY = QT_TRANSLATE_NOOP(
    "HistogramView",
    "Select a layer with weights (Dense, Conv2D, BatchNorm) on "
    "the canvas to see its weight and gradient histograms",
)


def bin_edges(arrays: dict) -> np.ndarray:
    """Bins shared by every array: few values, fewer bins."""
    values = np.concatenate([np.ravel(a) for a in arrays.values()] or [np.zeros(0)])
    values = values[np.isfinite(values)]
    if not len(values):
        return np.zeros(0)
    bins = int(min(BINS, max(8, 2 * np.sqrt(len(values)))))
    return np.histogram_bin_edges(values, bins=bins)


class StackedHistogram:
    """Each array's counts on the same bins, stacked, one colour per array."""

    def __init__(self, plot: pg.PlotWidget):
        self.plot = plot.getPlotItem()
        self.bars: list[pg.BarGraphItem] = []
        self.counts: dict[str, np.ndarray] = {}

    def show(self, arrays: dict) -> None:
        edges = bin_edges(arrays)
        base = np.zeros(max(len(edges) - 1, 0))
        self.counts = {}
        for i, (name, values) in enumerate(arrays.items()):
            values = np.ravel(values)
            counts = (np.histogram(values[np.isfinite(values)], bins=edges)[0]
                      if len(edges) else base)
            self.counts[name] = counts
            self._bar(i).setOpts(x0=edges[:-1], x1=edges[1:], y0=base.copy(), height=counts)
            base = base + counts
        for j, bar in enumerate(self.bars):
            bar.setVisible(j < len(arrays))

    def _bar(self, i: int) -> pg.BarGraphItem:
        while len(self.bars) <= i:
            colour = ARRAY_COLOURS[len(self.bars) % len(ARRAY_COLOURS)]
            bar = pg.BarGraphItem(x0=[], x1=[], height=[], brush=pg.mkBrush(colour),
                                  pen=pg.mkPen("#ffffff", width=0.5))
            self.plot.addItem(bar)
            self.bars.append(bar)
        return self.bars[i]


def legend_title(title: str, names) -> str:
    """'h1: ■ weight ■ bias', each square in its array's colour."""
    keys = [
        f"<span style='color:{ARRAY_COLOURS[i % len(ARRAY_COLOURS)]}'>■</span>&nbsp;{name}"
        for i, name in enumerate(map(_array_name, names))
    ]
    return f"{title}: {' '.join(keys)}"


def _array_name(name: str) -> str:
    """A layer's array ("weight", "bias", "gamma" ...): the common two translated."""
    if name == "weight":
        return translate("HistogramView", "weight")
    if name == "bias":
        return translate("HistogramView", "bias")
    return name


class HistogramView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("HistogramView", EMPTY), parent)
        value, count = translate("HistogramView", "value"), translate("HistogramView", "count")
        self.weights_plot = make_plot("", value, count)
        self.grads_plot = make_plot("", value, count)
        self.weights_title = title_label(translate("HistogramView", "Weights"))
        self.grads_title = title_label(translate("HistogramView", "Gradients"))
        for plot in (self.weights_plot, self.grads_plot):
            plot.getPlotItem().setTitle(None)     # titles above: they wrap, never widen
        self.weights_hist = StackedHistogram(self.weights_plot)
        self.grads_hist = StackedHistogram(self.grads_plot)
        self.grads_side = GradientSide(titled(self.grads_title, self.grads_plot))
        self.set_content(panel_row(self, titled(self.weights_title, self.weights_plot),
                                   self.grads_side))
        self.node_id: str | None = None

    def follow_node(self, node) -> bool:
        """True when the node has weights."""
        node_id, has_params = (node.id, node.has_weights) if node is not None else (None, False)
        self.node_id = node_id if has_params else None
        self.grads_side.follow(node_id, has_params and is_frozen(node))
        if node_id is None:
            self.show_empty(translate("HistogramView", EMPTY))
        elif node.unknown_because is not None:
            self.show_empty(unknown_shape_text(node))
        elif not has_params:
            self.show_empty(
                translate(
                    "HistogramView",
                    "'{id}' has no weights: select a Dense, Conv2D or BatchNorm node",
                ).format(id=node_id)
            )
        else:
            self.show_empty(
                translate(
                    "HistogramView",
                    "Histograms of '{id}' appear when training runs: press Train",
                ).format(id=node_id)
            )
        return self.node_id is not None

    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe, "weights")
        if nodes is None:
            return
        arrays = nodes.weights[self.node_id]
        self.weights_hist.show(arrays)
        self.weights_title.setText(legend_title(self.node_id, arrays))
        if not self.grads_side.frozen:
            grads = nodes.grads.get(self.node_id, {})
            self.grads_hist.show(grads)
            self.grads_title.setText(translate("HistogramView", "their gradients (last batch)"))
        self.show_content()
