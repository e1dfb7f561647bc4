"""The race's plots: loss and accuracy curves (one colour per racer, a key under them naming
what differs) and the shared PCA plane with the loss contours and every racer's path."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.i18n import translate
from gui.training.views.base import make_plot, steady_axes
from gui.training.views.curves import CurveKey
from gui.training.views.loss_surface import log10_finite

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")     # one per racer
SURFACE_MAP = "viridis"


class RaceCurves(QWidget):
    """One plot of a quantity per racer against the epoch (racers of other batch sizes take
    other numbers of steps per epoch: the epoch is what they share)."""

    def __init__(self, title: str, y_label: str, log_y: bool, parent=None):
        super().__init__(parent)
        self.plot = make_plot(title, translate("RacePlots", "epoch"), y_label)
        item = self.plot.getPlotItem()
        item.setLogMode(y=log_y)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.key = _above_its_key(self, self.plot)
        self.curves: list = []
        self.data: list[list] = []

    def start(self, labels: list[str], symbols: bool = False) -> None:
        item = self.plot.getPlotItem()
        for curve in self.curves:
            item.removeItem(curve)
        self.curves = [item.plot([], [], pen=pg.mkPen(COLOURS[i], width=1.5),
                                 symbol="o" if symbols else None, symbolSize=4,
                                 symbolBrush=COLOURS[i], symbolPen=None)
                       for i in range(len(labels))]
        self.data = [[] for _ in labels]
        self.key.show_entries([(COLOURS[i], label, symbols) for i, label in enumerate(labels)])

    def add(self, i: int, x: np.ndarray, y: np.ndarray) -> None:
        self.data[i].append(np.column_stack([x, y]))

    def draw(self) -> None:
        for curve, parts in zip(self.curves, self.data):
            if parts:
                xy = np.vstack(parts)
                parts[:] = [xy]
                curve.setData(xy[:, 0], xy[:, 1])


class RacePlane(QWidget):
    """The shared plane: log10 loss as a colour map (with contour lines) and each racer's
    path, its start circled and its end a star."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot()
        steady_axes(self.plot)
        title = translate("RacePlots", "Every racer's path on one loss plane (PCA of all paths)")
        self.plot.setTitle(f"<span style='font-size:10pt'>{title}</span>")
        self.plot.setLabel("bottom", "PC 1")
        self.plot.setLabel("left", "PC 2")
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(
            colorMap=pg.colormap.get(SURFACE_MAP),
            label=translate("RacePlots", "log₁₀ loss"),
            interactive=False,
            width=10,
        )
        self.bar.setImageItem(self.image)
        self.widget.addItem(self.bar)
        self.contours: list = []
        self.key = _above_its_key(self, self.widget)
        self.lines: list = []
        self.ends: list = []
        self.start_marker = pg.ScatterPlotItem(size=11, symbol="o", brush=pg.mkBrush("#ffffff"),
                                               pen=pg.mkPen("#1f2a36", width=1.5))
        self.start_marker.setZValue(10)
        self.plot.addItem(self.start_marker)

    def start(self, labels: list[str], note: str) -> None:
        for item in [*self.lines, *self.ends]:
            self.plot.removeItem(item)
        self._drop_contours()
        self.lines = [self.plot.plot([], [], pen=pg.mkPen(COLOURS[i], width=2.5))
                      for i in range(len(labels))]
        self.ends = [pg.ScatterPlotItem(size=14, symbol="star", brush=pg.mkBrush(COLOURS[i]),
                                        pen=pg.mkPen("#1f2a36", width=1)) for i in range(len(labels))]
        for end in self.ends:
            end.setZValue(11)
            self.plot.addItem(end)
        self.image.clear()
        self.key.show_entries([(COLOURS[i], label, False) for i, label in enumerate(labels)],
                              note=note)

    def show_paths(self, paths: list[np.ndarray], shares: tuple | None) -> None:
        """Each racer's path, (m, 2) on the plane."""
        for line, end, path in zip(self.lines, self.ends, paths):
            if len(path):
                line.setData(path[:, 0], path[:, 1])
                end.setData([path[-1, 0]], [path[-1, 1]])
        if paths and len(paths[0]):
            self.start_marker.setData([paths[0][0, 0]], [paths[0][0, 1]])
        if shares is not None:
            self.plot.setLabel(
                "bottom",
                translate("RacePlots", "PC 1 ({share} % of the paths' variance)").format(
                    share=f"{100 * shares[0]:.0f}"
                ),
            )
            self.plot.setLabel("left", f"PC 2 ({100 * shares[1]:.0f} %)")

    def show_surface(self, grid) -> None:
        log_loss = log10_finite(grid.losses)
        lo, hi = float(log_loss.min()), float(log_loss.max())
        if hi - lo < 1e-6:
            lo, hi = lo - 0.5, hi + 0.5
        self.image.setImage(log_loss, autoLevels=False)     # row-major (base.py): row = beta
        self.bar.setLevels((lo, hi))
        a, b = grid.alphas, grid.betas
        da, db = (a[-1] - a[0]) / (len(a) - 1), (b[-1] - b[0]) / (len(b) - 1)
        rect = QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da, b[-1] - b[0] + db)
        self.image.setRect(rect)
        self._drop_contours()
        for level in np.linspace(lo, hi, 9)[1:-1]:
            curve = pg.IsocurveItem(data=log_loss, level=level, pen=pg.mkPen("#ffffff55"))
            curve.setParentItem(self.image)     # in the image's pixel frame, scaled with it
            curve.setPos(0.5, 0.5)              # its points are pixel centres
            self.contours.append(curve)
        self.plot.setRange(rect=rect, padding=0.0)

    def _drop_contours(self) -> None:
        for item in self.contours:            # children of the image, not of the plot
            scene = item.scene()
            item.setParentItem(None)
            if scene is not None:
                scene.removeItem(item)
        self.contours = []


def _above_its_key(owner: QWidget, plot: QWidget) -> CurveKey:
    """Lay ``plot`` out in ``owner`` over a key of its curves; returns the key."""
    key = CurveKey()
    column = QVBoxLayout(owner)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(plot, 1)
    column.addWidget(key)
    return key
