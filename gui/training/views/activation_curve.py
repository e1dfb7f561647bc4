"""For a selected activation node: f and f' side by side, from the layer's ``curve``."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.i18n import translate
from gui.training.views.base import LiveView, make_plot

X = np.linspace(-5.0, 5.0, 401)
EMPTY = QT_TRANSLATE_NOOP(
    "ActivationView",
    "Select an activation node (Sigmoid, Tanh, ReLU, LeakyReLU, ELU) to plot f and f'",
)


def curve_of(spec, params: dict | None):
    """(f, f') on X for an element-wise activation spec, or None if it has no curve."""
    curve = getattr(spec.cls, "curve", None) if spec is not None else None
    if curve is None:
        return None
    try:
        f, df = curve(X, params or {})
    except (ValueError, TypeError, NotImplementedError):
        return None
    f, df = np.asarray(f, dtype=np.float64), np.asarray(df, dtype=np.float64)
    if f.shape != X.shape or df.shape != X.shape:      # e.g. Softmax: not element-wise
        return None
    return f, df


class ActivationView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__(translate("ActivationView", EMPTY), parent)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.f_plot = make_plot("f(x)", "x", "f(x)")
        self.df_plot = make_plot("f′(x)", "x", "f′(x)")
        for plot in (self.f_plot, self.df_plot):
            plot.getPlotItem().addLine(x=0, pen=pg.mkPen("#b0b7bf"))
            plot.getPlotItem().addLine(y=0, pen=pg.mkPen("#b0b7bf"))
        self.f_curve = self.f_plot.plot([], [], pen=pg.mkPen("#d9822b", width=2.5))
        self.df_curve = self.df_plot.plot([], [], pen=pg.mkPen("#7b4fa0", width=2.5))
        row.addWidget(self.f_plot)
        row.addWidget(self.df_plot)
        self.set_content(box)

    def follow_node(self, node) -> bool:
        """Plot the node's activation; True if it is an element-wise activation."""
        node_id, spec, params = ((node.id, node.spec, node.config) if node is not None
                                 else (None, None, None))
        curves = curve_of(spec, params) if node_id else None
        if curves is None:
            self.show_empty(
                translate("ActivationView", EMPTY)
                if node_id is None or spec is None
                else translate(
                    "ActivationView",
                    "'{id}' ({type}) is not an element-wise "
                    "activation: select Sigmoid, Tanh, "
                    "ReLU, LeakyReLU or ELU",
                ).format(id=node_id, type=spec.type)
            )
            return False
        f, df = curves
        self.f_curve.setData(X, f)
        self.df_curve.setData(X, df)
        self.f_plot.getPlotItem().setTitle(f"<span style='font-size:10pt'>{spec.type}: "
                                           f"f(x)</span>")
        slope = translate("ActivationView", "its slope f′(x) (max {max})").format(
            max=f"{df.max():.3g}"
        )
        self.df_plot.getPlotItem().setTitle(f"<span style='font-size:10pt'>{slope}</span>")
        self.show_content()
        return True
