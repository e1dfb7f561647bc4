"""The decision boundary of a 2-D classifier (class colours mixed by probability, with
the data points) and the fitted curve of a 1-D input over its data."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from engine.training.messages import GridProbe
from gui.training.views.base import CLASS_COLOURS, LiveView, class_colour, make_plot

EMPTY = ("The decision boundary (2-D inputs) or the fitted curve (1-D inputs) appears here "
         "when training runs: press Train")
GRID_RES = 60                # points per axis of the boundary map / fitted curve
BACKGROUND_MIX = 0.55        # how much of the class colour tints the map (points stay visible)


def boundary_rgb(probs: np.ndarray) -> np.ndarray:
    """(res, res, K) class probabilities -> (res, res, 3) uint8: each class's colour mixed
    by its probability, lightened towards white so the points stand out."""
    k = probs.shape[-1]
    colours = np.resize(CLASS_COLOURS, (k, 3))
    mixed = probs @ colours                                # (res, res, 3)
    rgb = 255.0 - BACKGROUND_MIX * (255.0 - mixed)
    return np.clip(rgb, 0, 255).astype(np.uint8)


class BoundaryView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        self.plot = make_plot("Decision boundary", "x₀ (feature 0)", "x₁ (feature 1)")
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem()
        item.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("#ffffff", width=0.8))
        item.addItem(self.points)
        self.fit_curves: list = []
        self.set_content(self.plot)
        self._labels_key = None
        self.mode: str | None = None         # "grid" | "curve"
        self.available = False
        self.class_names: tuple = ()

    def start_run(self, run) -> None:
        self.mode = None
        why = unavailable(run)
        self.available = why is None
        self.class_names = tuple(run.class_names) if run is not None else ()
        self.show_empty(why or WAITING)

    def needs(self, run, node) -> dict:
        return {"grid": GRID_RES} if self.available else {}

    def show_probe(self, probe) -> None:
        found = probe.get("grid")
        if isinstance(found, GridProbe):
            self._show_grid(found)
        elif found is not None:
            self._show_curve(found, self.class_names)

    def _show_grid(self, g) -> None:
        if self.mode != "grid":
            self._enter_mode("grid", "Decision boundary: colour = predicted class, "
                                     "paler = less sure", "x₀ (feature 0)", "x₁ (feature 1)")
        self.image.setImage(boundary_rgb(g.probs), autoLevels=False, levels=(0, 255))
        (x0, x1), (y0, y1) = g.x_range, g.y_range
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        key = (len(g.labels), int(np.sum(g.labels)))
        if key != self._labels_key:        # the data points do not move during a run
            brushes = [pg.mkBrush(*class_colour(int(c))) for c in g.labels]
            self.points.setData(pos=g.points, brush=brushes)
            self._labels_key = key
        self.show_content()

    def _show_curve(self, c, class_names) -> None:
        if self.mode != "curve":
            self._enter_mode("curve", "Fitted curve over the data", "x (input)",
                             "y (output)" if not class_names else "P(class)")
        outputs = c.ys.shape[1]
        while len(self.fit_curves) < outputs:
            k = len(self.fit_curves)
            pen = pg.mkPen(class_colour(k + (0 if class_names else 1)), width=2.5)
            name = f"P({class_names[k]})" if k < len(class_names) else "model"
            self.fit_curves.append(self.plot.plot([], [], pen=pen, name=name))
        for k in range(outputs):
            self.fit_curves[k].setData(c.xs, c.ys[:, k])
        key = (len(c.points_x), float(np.sum(c.points_x)))
        if key != self._labels_key:
            y = np.asarray(c.points_y, dtype=np.float64)
            y = y[:, 0] if y.ndim == 2 else y
            self.points.setData(x=c.points_x, y=y, brush=pg.mkBrush(120, 120, 120, 160),
                                pen=None, size=5)
            self._labels_key = key
        self.show_content()

    def _enter_mode(self, mode: str, title: str, x_label: str, y_label: str) -> None:
        self.mode = mode
        self._labels_key = None
        item = self.plot.getPlotItem()
        item.setTitle(f"<span style='font-size:10pt'>{title}</span>")
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)
        self.image.setVisible(mode == "grid")
        item.setAspectLocked(mode == "grid")       # both axes are features: keep shapes round
        for curve in self.fit_curves:
            curve.setVisible(mode == "curve")


WAITING = "Appears after the first probe, a moment after training starts"


def unavailable(run) -> str | None:
    """Why this view cannot show ``run`` (None: it can)."""
    if run is None:
        return EMPTY
    shape = list(run.input_shape)
    if not (len(shape) == 1 and shape[0] in (1, 2)):
        return (f"The decision boundary needs a 2-D input and the fitted curve a 1-D input; "
                f"this network's input is {shape}")
    if shape[0] == 2 and run.task != "classification":
        return "The decision boundary is drawn for classification with a 2-D input"
    return None
