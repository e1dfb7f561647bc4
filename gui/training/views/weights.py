"""The weight matrix of a selected Dense layer as an image, its bias as a column beside it
(concept 2: a layer is a matrix product y = x Wᵀ + b, W of shape (out, in), b of (out,)).

Row i is output unit i, column j is input j, so a row shows what one unit looks at; the
column "b" is the bias each unit adds. Blue is negative, white zero, red positive, on one
scale for both, symmetric around 0."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.layer_parts import (MatrixPanel, NodeView, is_frozen, title_label,
                                             titled, unknown_shape_text)

EMPTY = QT_TRANSLATE_NOOP(
    "WeightsView", "Select a Dense node on the canvas to see its weight matrix"
)


class WeightsView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("WeightsView", EMPTY), parent)
        self.panel = MatrixPanel(
            translate("WeightsView", "output unit"),
            translate("WeightsView", "input"),
            side=("b", translate("WeightsView", "bias")),
        )
        self.title = title_label()
        self.set_content(titled(self.title, self.panel))
        self.setMinimumWidth(self.panel.minimumWidth() + 4)
        self.node_id: str | None = None
        self.frozen = False

    def sizeHint(self) -> QSize:
        """A third wider than one plot: the colour bar takes room from the matrix."""
        hint = super().sizeHint()
        return QSize(hint.width() * 4 // 3, hint.height())

    def follow_node(self, node) -> bool:
        """True when the node's weight is a matrix (out, in)."""
        node_id, weight_ndim = (node.id, node.weight_ndim) if node is not None else (None, None)
        self.node_id = node_id if weight_ndim == 2 else None
        self.frozen = is_frozen(node)
        if node_id is None:
            self.show_empty(translate("WeightsView", EMPTY))
        elif node.unknown_because is not None:
            self.show_empty(unknown_shape_text(node))
        elif weight_ndim is None:
            self.show_empty(
                translate("WeightsView", "'{id}' has no weights: select a Dense node").format(
                    id=node_id
                )
            )
        elif weight_ndim != 2:
            self.show_empty(
                translate(
                    "WeightsView",
                    "The weight of '{id}' is not a matrix ({n}-D; "
                    "see Filters): select a Dense node",
                ).format(id=node_id, n=weight_ndim)
            )
        else:
            self.show_empty(
                translate(
                    "WeightsView",
                    "The weight matrix of '{id}' appears when training starts: press Train",
                ).format(id=node_id)
            )
        return self.node_id is not None

    def show_model_weight(self, found: tuple[dict, int] | None) -> None:
        """The arrays of the compiled model (see ``model_weight``), e.g. the initial ones
        before the first probe; None leaves the view as it is."""
        if found is not None and self.node_id is not None:
            self._show(*found)

    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe, "weights")
        arrays = nodes.weights[self.node_id] if nodes is not None else {}
        if np.ndim(arrays.get("weight")) == 2:
            self._show(arrays, probe.step)

    def _show(self, arrays: dict, step: int) -> None:
        weight = np.asarray(arrays["weight"], dtype=np.float32)
        bias = arrays.get("bias")
        bias = np.asarray(bias, dtype=np.float32).ravel() if bias is not None else None
        if bias is not None and len(bias) != len(weight):
            bias = None                                   # not one per unit: not a column
        rows, cols = weight.shape
        title = f"{self.node_id}.weight ({rows} × {cols})"
        if bias is not None:
            title += translate("WeightsView", " and .bias ({rows})").format(rows=rows)
        if step == 0:  # the progress line gives the step
            title += " · " + translate("WeightsView", "initial")
        if self.frozen:
            title += " · " + translate("WeightsView", "frozen: not trained")
        self.title.setText(title)
        self.panel.show_matrix(weight, bias)
        self.show_content()

    @property
    def image(self) -> np.ndarray | None:
        return self.panel.image.image

    @property
    def bias_column(self) -> np.ndarray | None:
        """The bias as drawn (rows × 1), or None when the layer has none."""
        return self.panel.column_image.image if self.panel.column_image.isVisible() else None
