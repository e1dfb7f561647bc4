"""The filters of a selected Conv2D as an image grid, and their gradients beside them (a
frozen layer gets none: a note says so instead of a blank grid).

Blue is negative, white zero, red positive; each grid is scaled symmetrically around 0
so that a filter's sign pattern (an edge detector: one side blue, the other red) shows."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import diverging_colormap, tile
from gui.training.views.layer_parts import (COLOUR_BAR_PX, GradientSide, NodeView,
                                             is_frozen, panel_row, title_label, titled,
                                             unknown_shape_text)

MAX_FILTERS, MAX_CHANNELS = 32, 8
EMPTY = QT_TRANSLATE_NOOP("FiltersView", "Select a Conv2D node on the canvas to see its filters")


def filter_mosaic(weight: np.ndarray) -> np.ndarray:
    """(out, in, kh, kw) -> a mosaic: one input channel: filters in a square-ish grid;
    several: one row per filter, one column per input channel."""
    out_ch, in_ch, kh, kw = weight.shape
    w = weight[:MAX_FILTERS, :MAX_CHANNELS]
    if in_ch == 1:
        return tile(w[:, 0], columns=math.ceil(math.sqrt(len(w))))
    return tile(w.reshape(-1, kh, kw), columns=w.shape[1])


class _ImagePanel(pg.GraphicsLayoutWidget):
    """A mosaic with a colour bar centred on 0; ``box`` holds it under its title."""

    def __init__(self, title: str):
        super().__init__()
        self.title = title_label(title)
        self.box = titled(self.title, self)
        self.view = self.addPlot()
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
        self.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_PX)   # its labels never cut
        self.setMinimumSize(160, 140)

    def show(self, mosaic: np.ndarray) -> None:   # noqa: A003 -- pyqtgraph naming
        finite = mosaic[np.isfinite(mosaic)]
        m = float(np.abs(finite).max()) if finite.size else 1.0
        m = m if m > 0 else 1.0
        self.image.setImage(mosaic, autoLevels=False)
        self.bar.setLevels((-m, m))
        self.view.autoRange(padding=0.02)


class FiltersView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("FiltersView", EMPTY), parent)
        self.weights = _ImagePanel(translate("FiltersView", "Filters"))
        self.grads = _ImagePanel(translate("FiltersView", "their gradients"))
        self.grads_side = GradientSide(self.grads.box)
        self.set_content(panel_row(self, self.weights.box, self.grads_side))
        self.node_id: str | None = None

    def follow_node(self, node) -> bool:
        """Filters exist for layers whose weight is (out, in, kh, kw); True if it has."""
        node_id, weight_ndim = (node.id, node.weight_ndim) if node is not None else (None, None)
        self.node_id = node_id if weight_ndim == 4 else None
        self.grads_side.follow(node_id, self.node_id is not None and is_frozen(node))
        if node_id is None:
            self.show_empty(translate("FiltersView", EMPTY))
        elif node.unknown_because is not None:
            self.show_empty(unknown_shape_text(node))
        elif self.node_id is None:
            self.show_empty(
                translate(
                    "FiltersView", "'{id}' is not a convolution: select a Conv2D node"
                ).format(id=node_id)
            )
        else:
            self.show_empty(
                translate(
                    "FiltersView", "The filters of '{id}' appear when training runs: press Train"
                ).format(id=node_id)
            )
        return self.node_id is not None

    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe, "weights")
        weights = nodes.weights[self.node_id] if nodes is not None else {}
        if np.ndim(weights.get("weight")) != 4:
            return
        weight = weights["weight"]
        self.weights.title.setText(
            translate("FiltersView", "{id}: {n} filters {h}×{w}").format(
                id=self.node_id, n=weight.shape[0], h=weight.shape[2], w=weight.shape[3]
            )
        )
        self.weights.show(filter_mosaic(weight))
        grad = nodes.grads.get(self.node_id, {}).get("weight")
        if grad is not None and not self.grads_side.frozen:
            self.grads.show(filter_mosaic(grad))
        self.show_content()
