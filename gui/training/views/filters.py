"""The filters of a selected Conv2D as an image grid, and their gradients beside them.

Blue is negative, white zero, red positive; each grid is scaled symmetrically around 0
so that a filter's sign pattern (an edge detector: one side blue, the other red) shows."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.training.views.base import LiveView, diverging_colormap, tile

MAX_FILTERS, MAX_CHANNELS = 32, 8
EMPTY = "Select a Conv2D node on the canvas to see its filters"


def filter_mosaic(weight: np.ndarray) -> np.ndarray:
    """(out, in, kh, kw) -> a mosaic: one input channel: filters in a square-ish grid;
    several: one row per filter, one column per input channel."""
    out_ch, in_ch, kh, kw = weight.shape
    w = weight[:MAX_FILTERS, :MAX_CHANNELS]
    if in_ch == 1:
        return tile(w[:, 0], columns=math.ceil(math.sqrt(len(w))))
    return tile(w.reshape(-1, kh, kw), columns=w.shape[1])


class _ImagePanel(pg.GraphicsLayoutWidget):
    def __init__(self, title: str):
        super().__init__()
        self.view = self.addPlot(title=f"<span style='font-size:10pt'>{title}</span>")
        self.view.setAspectLocked(True)
        self.view.invertY(True)
        self.view.hideAxis("left")
        self.view.hideAxis("bottom")
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setColorMap(diverging_colormap())
        self.view.addItem(self.image)
        self.bar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False, width=10)
        self.bar.setImageItem(self.image)
        self.addItem(self.bar)
        self.setMinimumSize(160, 140)

    def show(self, mosaic: np.ndarray) -> None:   # noqa: A003 -- pyqtgraph naming
        finite = mosaic[np.isfinite(mosaic)]
        m = float(np.abs(finite).max()) if finite.size else 1.0
        m = m if m > 0 else 1.0
        self.image.setImage(mosaic, autoLevels=False)
        self.bar.setLevels((-m, m))
        self.view.autoRange(padding=0.02)


class FiltersView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.weights = _ImagePanel("Filters")
        self.grads = _ImagePanel("their gradients")
        row.addWidget(self.weights)
        row.addWidget(self.grads)
        self.set_content(box)
        self.node_id: str | None = None

    def follow_node(self, node) -> bool:
        """Filters exist for layers whose weight is (out, in, kh, kw); True if it has."""
        node_id, weight_ndim = (node.id, node.weight_ndim) if node is not None else (None, None)
        self.node_id = node_id if weight_ndim == 4 else None
        if self.node_id is None:
            self.show_empty(EMPTY if node_id is None else
                            f"'{node_id}' is not a convolution: select a Conv2D node")
        else:
            self.show_empty(f"The filters of '{node_id}' appear when training runs: "
                            f"press Train")
        return self.node_id is not None

    def needs(self, run, node) -> dict:
        return {"nodes": (self.node_id,)} if self.node_id is not None else {}

    def show_probe(self, probe) -> None:
        nodes = probe.get("nodes")
        weights = nodes.weights.get(self.node_id) if nodes and self.node_id else None
        if not weights or np.ndim(weights.get("weight")) != 4:
            return
        weight = weights["weight"]
        self.weights.view.setTitle(f"<span style='font-size:10pt'>{self.node_id}: "
                                   f"{weight.shape[0]} filters {weight.shape[2]}×"
                                   f"{weight.shape[3]}</span>")
        self.weights.show(filter_mosaic(weight))
        grad = nodes.grads.get(self.node_id, {}).get("weight")
        if grad is not None:
            self.grads.show(filter_mosaic(grad))
        self.show_content()
