"""The weight matrix of a selected Dense layer as an image (concept 2: a layer is a matrix
product y = x Wᵀ + b, W of shape (out, in)).

Row i is output unit i, column j is input j, so a row shows what one unit looks at.
Blue is negative, white zero, red positive, scaled symmetrically around 0."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gui.training.views.base import LiveView, diverging_colormap, steady_axes

EMPTY = "Select a Dense node on the canvas to see its weight matrix"
MAX_LABELLED = 16        # up to this many rows/columns every one gets a tick label


class _MatrixPanel(pg.GraphicsLayoutWidget):
    """A heat map with labelled axes and a colour bar centred on 0."""

    def __init__(self):
        super().__init__()
        self.plot = self.addPlot()
        steady_axes(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.invertY(True)                       # row 0 (unit 0) at the top
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.plot.setLabel("bottom", "input")
        self.plot.setLabel("left", "output unit")
        self.image = pg.ImageItem()
        self.image.setColorMap(diverging_colormap())
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False, width=10)
        self.bar.setImageItem(self.image)
        self.addItem(self.bar)
        self.setMinimumSize(240, 150)

    def set_title(self, text: str) -> None:
        self.plot.setTitle(f"<span style='font-size:10pt'>{text}</span>")

    def show_matrix(self, weight: np.ndarray) -> None:
        rows, cols = weight.shape
        finite = weight[np.isfinite(weight)]
        m = float(np.abs(finite).max()) if finite.size else 1.0
        self.image.setImage(weight, autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, cols, rows))   # pixel centres on integers
        self.bar.setLevels((-(m or 1.0), m or 1.0))
        _integer_ticks(self.plot.getAxis("bottom"), cols)
        _integer_ticks(self.plot.getAxis("left"), rows)
        # square cells unless that makes a very wide or tall matrix a thin strip
        self.plot.setAspectLocked(1 / 4 <= rows / cols <= 4)
        self.plot.enableAutoRange()                   # fit again whenever the view resizes


def _integer_ticks(axis: pg.AxisItem, n: int) -> None:
    """Label every row/column of a small matrix; let pyqtgraph choose for a large one."""
    axis.setTicks([[(i, str(i)) for i in range(n)]] if n <= MAX_LABELLED else None)


class WeightsView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        self.panel = _MatrixPanel()
        self.set_content(self.panel)
        self.setMinimumWidth(self.panel.minimumWidth() + 4)   # the colour bar must fit
        self.node_id: str | None = None

    def follow_node(self, node) -> bool:
        """True when the node's weight is a matrix (out, in)."""
        node_id, weight_ndim = (node.id, node.weight_ndim) if node is not None else (None, None)
        self.node_id = node_id if weight_ndim == 2 else None
        if node_id is None:
            self.show_empty(EMPTY)
        elif weight_ndim is None:
            self.show_empty(f"'{node_id}' has no weights: select a Dense node")
        elif weight_ndim != 2:
            self.show_empty(f"The weight of '{node_id}' is not a matrix ({weight_ndim}-D; "
                            f"see Filters): select a Dense node")
        else:
            self.show_empty(f"The weight matrix of '{node_id}' appears when training "
                            f"starts: press Train")
        return self.node_id is not None

    def show_model_weight(self, found: tuple[np.ndarray, int] | None) -> None:
        """The weights of the compiled model (see ``model_weight``), e.g. the initial ones
        before the first probe; None leaves the view as it is."""
        if found is not None and self.node_id is not None:
            self._show(*found)

    def needs(self, run, node) -> dict:
        return {"nodes": (self.node_id,)} if self.node_id is not None else {}

    def show_probe(self, probe) -> None:
        nodes = probe.get("nodes")
        weights = nodes.weights.get(self.node_id) if nodes and self.node_id else None
        weight = weights.get("weight") if weights else None
        if weight is not None and np.ndim(weight) == 2:
            self._show(np.asarray(weight, dtype=np.float32), probe.step)

    def _show(self, weight: np.ndarray, step: int) -> None:
        rows, cols = weight.shape
        when = " · initial" if step == 0 else ""      # the progress line gives the step
        self.panel.set_title(f"{self.node_id}.weight ({rows} × {cols}){when}")
        self.panel.show_matrix(weight)
        self.show_content()

    @property
    def image(self) -> np.ndarray | None:
        return self.panel.image.image
