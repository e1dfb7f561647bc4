"""Histograms of the selected layer's weights and of their gradients (last batch)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.training.views.base import LiveView, make_plot

BINS = 40
WEIGHT_BRUSH = pg.mkBrush(31, 119, 180, 150)
GRAD_BRUSH = pg.mkBrush(214, 39, 40, 150)


def flat_values(arrays: dict) -> np.ndarray:
    """The "weight" array if the layer has one, else all its parameters, flattened."""
    if not arrays:
        return np.zeros(0, dtype=np.float32)
    if "weight" in arrays:
        return np.ravel(arrays["weight"])
    return np.concatenate([np.ravel(a) for a in arrays.values()])


class HistogramView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__("Select a layer with weights (Dense, Conv2D, BatchNorm) on the "
                         "canvas to see its weight and gradient histograms", parent)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.weights_plot = make_plot("Weights", "value", "count")
        self.grads_plot = make_plot("Gradients", "value", "count")
        self.weights_bars = self.weights_plot.plot([], [], stepMode="center", fillLevel=0,
                                                   brush=WEIGHT_BRUSH, pen="#1f77b4")
        self.grads_bars = self.grads_plot.plot([], [], stepMode="center", fillLevel=0,
                                               brush=GRAD_BRUSH, pen="#d62728")
        row.addWidget(self.weights_plot)
        row.addWidget(self.grads_plot)
        self.set_content(box)
        self.node_id: str | None = None

    def follow_node(self, node) -> bool:
        """True when the node has weights."""
        node_id, has_params = (node.id, node.has_weights) if node is not None else (None, False)
        self.node_id = node_id if has_params else None
        if node_id is None:
            self.show_empty("Select a layer with weights (Dense, Conv2D, BatchNorm) on the "
                            "canvas to see its weight and gradient histograms")
        elif not has_params:
            self.show_empty(f"'{node_id}' has no weights: select a Dense, Conv2D or "
                            f"BatchNorm node")
        else:
            self.show_empty(f"Histograms of '{node_id}' appear when training runs: press Train")
        return self.node_id is not None

    def needs(self, run, node) -> dict:
        return {"nodes": (self.node_id,)} if self.node_id is not None else {}

    def show_probe(self, probe) -> None:
        nodes = probe.get("nodes")
        if self.node_id is None or nodes is None or self.node_id not in nodes.weights:
            return
        _set_histogram(self.weights_bars, flat_values(nodes.weights[self.node_id]))
        _set_histogram(self.grads_bars, flat_values(nodes.grads.get(self.node_id, {})))
        param = "weight" if "weight" in nodes.weights[self.node_id] else "parameters"
        self.weights_plot.getPlotItem().setTitle(
            f"<span style='font-size:10pt'>{self.node_id}.{param}</span>")
        self.grads_plot.getPlotItem().setTitle(
            "<span style='font-size:10pt'>its gradients</span>")
        self.show_content()


def _set_histogram(item, values: np.ndarray) -> None:
    values = values[np.isfinite(values)]
    if not len(values):
        item.setData([], [])
        return
    bins = int(min(BINS, max(8, 2 * np.sqrt(len(values)))))    # few weights: fewer bins
    counts, edges = np.histogram(values, bins=bins)
    item.setData(edges, counts)
