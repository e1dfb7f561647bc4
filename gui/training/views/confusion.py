"""The confusion matrix on the validation set: rows = true class, columns = predicted.

Colour = the share of the row (so rare classes read as well as common ones); the number
in each cell is the count."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gui.training.views.base import LiveView, make_plot

EMPTY = "The confusion matrix of a classifier appears here when training runs: press Train"
MAX_TEXT_CLASSES = 12          # more classes: colours only, the numbers would not fit


class ConfusionView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        self.plot = make_plot("Confusion matrix (validation)", "predicted class", "true class")
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=False)
        item.invertY(True)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("CET-L12") or pg.colormap.get("viridis"))
        item.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.matrix: np.ndarray | None = None
        self._names: tuple = ()
        self.class_names: tuple = ()
        self.available = False
        self.set_content(self.plot)

    def start_run(self, run) -> None:
        self.matrix = None
        self.available = run is not None and run.task == "classification"
        self.class_names = tuple(run.class_names) if run is not None else ()
        self.show_empty(EMPTY if run is None else
                        "Appears after the first probe, a moment after training starts"
                        if self.available else
                        "Regression has no classes, so no confusion matrix: see the RMSE "
                        "under Curves")

    def needs(self, run, node) -> dict:
        return {"confusion": None} if self.available else {}

    def show_probe(self, probe) -> None:
        m = probe.get("confusion")
        if m is None:
            return
        m = np.asarray(m)
        k = m.shape[0]
        names = self.class_names if len(self.class_names) == k else tuple(
            str(i) for i in range(k))
        if names != self._names:
            self._build_axes(names)
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros(m.shape, dtype=np.float64), where=rows > 0)
        self.image.setImage(share, autoLevels=False, levels=(0, 1))
        self.image.setRect(QRectF(0, 0, k, k))
        for text, value, s in zip(self.texts, m.ravel(), share.ravel()):
            text.setText(str(int(value)))
            text.setColor("#ffffff" if s > 0.5 else "#1f2a36")
        accuracy = np.trace(m) / max(m.sum(), 1)
        self.plot.getPlotItem().setTitle(
            f"<span style='font-size:10pt'>Confusion matrix (validation, "
            f"accuracy {100 * accuracy:.1f}%)</span>")
        self.matrix = m
        self.show_content()

    def _build_axes(self, names: tuple) -> None:
        item = self.plot.getPlotItem()
        for text in self.texts:
            item.removeItem(text)
        k = len(names)
        ticks = [[(i + 0.5, _short(n)) for i, n in enumerate(names)]]
        item.getAxis("bottom").setTicks(ticks)
        item.getAxis("left").setTicks(ticks)
        self.texts = []
        if k <= MAX_TEXT_CLASSES:
            for r in range(k):
                for c in range(k):
                    text = pg.TextItem("", anchor=(0.5, 0.5))
                    text.setPos(c + 0.5, r + 0.5)
                    item.addItem(text)
                    self.texts.append(text)
        item.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        self._names = names


def _short(name: str, limit: int = 10) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
