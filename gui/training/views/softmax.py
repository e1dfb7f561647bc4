"""For a selected Softmax (concept 4: "Softmax (sums to 1)"): its output for the chosen
sample as one bar per class, which sum to 1, and its slope.

Softmax is not element-wise, so it has no curve f(x): each output s_i depends on every
input score z_j. Its slope is the Jacobian ∂s_i/∂z_j = s_i (δ_ij − s_j) = (diag(s) − s sᵀ)_ij:
positive on the diagonal (raising a class's score raises its probability), negative off it
(and takes probability from the others), each row summing to 0. Both are drawn from the
engine's numbers: the "nodes" probe's output of the Softmax node."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from engine.nn.layers.activations import Softmax
from gui.i18n import translate
from gui.training.views.base import steady_axes
from gui.training.views.layer_parts import (MatrixPanel, NodeView, UnitAxis, UnitBars,
                                             panel_row, title_label, titled)

EMPTY = QT_TRANSLATE_NOOP(
    "SoftmaxView", "Select a Softmax node to see its probabilities for a sample and its slope"
)
PROBABILITY_AXIS = (0.0, 1.15)        # 0 to 1, and room for the value above a bar at 1


def softmax_jacobian(s: np.ndarray) -> np.ndarray:
    """∂s_i/∂z_j = s_i (δ_ij − s_j) for softmax outputs ``s`` (a vector)."""
    s = np.asarray(s, dtype=np.float64).ravel()
    return np.diag(s) - np.outer(s, s)


def is_softmax(node) -> bool:
    spec = node.spec if node is not None else None
    return spec is not None and isinstance(spec.cls, type) and issubclass(spec.cls, Softmax)


class SoftmaxView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("SoftmaxView", EMPTY), parent)
        self.bars_widget = pg.GraphicsLayoutWidget()
        self.bars_plot = self.bars_widget.addPlot(axisItems={"bottom": UnitAxis("bottom")})
        steady_axes(self.bars_plot)
        self.bars_plot.setMenuEnabled(False)
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.hideButtons()
        self.bars_plot.setLabel("left", translate("SoftmaxView", "probability"))
        self.bars_plot.getAxis("left").enableAutoSIPrefix(False)
        self.bars = UnitBars(self.bars_plot, brush="#d9822b")
        self.bars_widget.setMinimumSize(160, 140)
        self.jacobian = MatrixPanel(
            translate("SoftmaxView", "output i"), translate("SoftmaxView", "input score j")
        )
        self.bars_title, self.jacobian_title = title_label(), title_label()
        self.set_content(panel_row(self, titled(self.bars_title, self.bars_widget),
                                   titled(self.jacobian_title, self.jacobian)))
        self.node_id: str | None = None
        self.class_names: tuple = ()
        self.sum = float("nan")

    def start_run(self, run) -> None:
        self.class_names = tuple(run.class_names) if run is not None else ()

    def follow_node(self, node) -> bool:
        """True for a Softmax whose shape is known (it can run)."""
        known = is_softmax(node) and node.unknown_because is None
        self.node_id = node.id if known else None
        self.show_empty(
            translate("SoftmaxView", EMPTY)
            if not known
            else translate(
                "SoftmaxView",
                "The probabilities of '{id}' for the chosen sample "
                "appear when training runs: press Train",
            ).format(id=node.id)
        )
        return known

    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe)
        if nodes is None:
            return
        s = np.asarray(nodes.activations[self.node_id])
        if s.ndim != 1:
            self.show_empty(
                translate(
                    "SoftmaxView",
                    "'{id}' takes the softmax over the channels of "
                    "each pixel ({shape}): see its output "
                    "under Feature maps",
                ).format(id=self.node_id, shape=list(s.shape))
            )
            return
        self.sum = float(np.sum(s, dtype=np.float64))
        names = self.class_names if len(self.class_names) == len(s) else ()
        self.bars_plot.setLabel(
            "bottom",
            translate("SoftmaxView", "class") if names else translate("SoftmaxView", "output unit"),
        )
        self.bars.show(s, names, y_range=PROBABILITY_AXIS)
        self.bars_title.setText(
            translate("SoftmaxView", "{id} = softmax(z), sample {n}: sum = {sum}").format(
                id=self.node_id, n=nodes.sample, sum=f"{self.sum:.3f}"
            )
        )
        self.jacobian.show_matrix(softmax_jacobian(s).astype(np.float32), square=True)
        self.jacobian_title.setText(
            translate("SoftmaxView", "its slope ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ); each row sums to 0")
        )
        self.show_content()
