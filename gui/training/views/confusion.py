"""The confusion matrix on the validation set: rows = true class, columns = predicted.

Colour = the share of the row (so rare classes read as well as common ones): blue on the
diagonal (right answers), red off it (mistakes), and a mistake is never paler than
MIN_MISTAKE_TINT, so a single one stands out among 36 right answers. The number in each
cell is the count; zeros are grey, so the mistakes are the dark numbers off the diagonal.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import LiveView, make_plot
from gui.training.views.plot_parts import Footer, fit_title, swatch, with_footer

EMPTY = QT_TRANSLATE_NOOP(
    "ConfusionView",
    "The confusion matrix of a classifier appears here when training runs: press Train",
)
MAX_TEXT_CLASSES = 12          # more classes: colours only, the numbers would not fit
MIN_CELL_PX = (16, 11)         # a cell smaller than this on screen shows no number,
ZERO_CELL_PX = (24, 15)        # ... and than this no zero (100 grey zeros hide 5 mistakes)
RIGHT, WRONG = (31, 119, 180), (214, 39, 40)
MIN_MISTAKE_TINT = 0.18
ZERO_TEXT, DARK_TEXT = "#b0b7c0", "#1f2a36"


def cell_colours(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(K, K) counts -> ((K, K, 3) uint8 colours, (K, K) tint 0..1) as the module says."""
    rows = m.sum(axis=1, keepdims=True)
    share = np.divide(m, rows, out=np.zeros(m.shape, dtype=np.float64), where=rows > 0)
    diagonal = np.eye(len(m), dtype=bool)
    tint = np.where(diagonal | (m == 0), share, np.maximum(share, MIN_MISTAKE_TINT))
    colour = np.where(diagonal[..., None], np.array(RIGHT), np.array(WRONG))
    rgb = 255.0 - tint[..., None] * (255.0 - colour)
    return np.clip(rgb, 0, 255).astype(np.uint8), tint


class ConfusionView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(translate("ConfusionView", EMPTY), parent)
        self.plot = make_plot(
            translate("ConfusionView", "Confusion matrix (validation)"),
            translate("ConfusionView", "predicted class"),
            translate("ConfusionView", "true class"),
        )
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=False)
        item.invertY(True)
        self.image = pg.ImageItem()
        item.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.matrix: np.ndarray | None = None
        self._names: tuple = ()
        self.class_names: tuple = ()
        self.available = False
        self.titles = [translate("ConfusionView", "Confusion matrix (validation)")]
        self.footer = Footer()
        self.set_content(with_footer(self.plot, self.footer))
        item.getViewBox().sigResized.connect(self._resized)
        fit_title(item, self.titles)

    def start_run(self, run) -> None:
        self.matrix = None
        self.available = run is not None and run.task == "classification"
        self.class_names = tuple(run.class_names) if run is not None else ()
        self.show_empty(
            translate("ConfusionView", EMPTY)
            if run is None
            else (
                translate(
                    "ConfusionView",
                    "Appears after the first probe, a moment after training starts",
                )
                if self.available
                else translate(
                    "ConfusionView",
                    "Regression has no classes, so no confusion matrix: "
                    "see the RMSE under Curves",
                )
            )
        )

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
        rgb, tint = cell_colours(m)
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))
        self.image.setRect(QRectF(0, 0, k, k))
        for text, value, t in zip(self.texts, m.ravel(), tint.ravel()):
            text.setText(str(int(value)))
            text.setColor("#ffffff" if t > 0.55 else DARK_TEXT if value else ZERO_TEXT)
        accuracy = 100 * np.trace(m) / max(m.sum(), 1)
        accuracy = f"{accuracy:.1f}"
        self.titles = [
            translate("ConfusionView", "Confusion matrix (validation, accuracy {a} %)"),
            translate("ConfusionView", "Validation accuracy {a} %"),
            translate("ConfusionView", "Accuracy {a} %"),
        ]
        self.titles = [title.format(a=accuracy) for title in self.titles]
        fit_title(self.plot.getPlotItem(), self.titles)
        self.matrix = m
        self._show_numbers()
        self.show_content()

    def _resized(self) -> None:
        fit_title(self.plot.getPlotItem(), self.titles)
        self._name_ticks()
        self._show_numbers()

    def _show_numbers(self) -> None:
        """The counts where a cell has room for them (zeros need more); the legend says."""
        box, k = self.plot.getPlotItem().getViewBox(), max(len(self._names), 1)
        cell = (box.width() / k, box.height() / k)
        shown = bool(self.texts) and _fits(cell, MIN_CELL_PX)
        zeros = shown and _fits(cell, ZERO_CELL_PX)
        counts = self.matrix.ravel() if self.matrix is not None else np.zeros(len(self.texts))
        for text, count in zip(self.texts, counts):
            text.setVisible(bool(shown and (zeros or count != 0)))
        say = (
            translate("ConfusionView", "number: count.")
            if zeros
            else (
                translate("ConfusionView", "number: count (none: 0).")
                if shown
                else translate("ConfusionView", "no room here for the counts.")
            )
        )
        self.footer.set_legend(
            [
                (swatch(RIGHT), translate("ConfusionView", "right")),
                (swatch(WRONG), translate("ConfusionView", "wrong")),
            ],
            translate(
                "ConfusionView", "Validation set. Colour: share of the true class; {say}"
            ).format(say=say),
        )

    def _name_ticks(self) -> None:
        """Class names on both axes, shortened to what fits under a column."""
        names, axis = self._names, self.plot.getPlotItem().getAxis
        if not names:
            return
        below = max(3, int(self.plot.getPlotItem().getViewBox().width() / len(names) / 7))
        axis("bottom").setTicks([[(i + 0.5, _short(n, below)) for i, n in enumerate(names)]])
        axis("left").setTicks([[(i + 0.5, _short(n, 12)) for i, n in enumerate(names)]])

    def _build_axes(self, names: tuple) -> None:
        item = self.plot.getPlotItem()
        for text in self.texts:
            item.removeItem(text)
        k = len(names)
        self._names = names
        self._name_ticks()
        self.texts = []
        if k <= MAX_TEXT_CLASSES:
            for r in range(k):
                for c in range(k):
                    text = pg.TextItem("", anchor=(0.5, 0.5))
                    text.setPos(c + 0.5, r + 0.5)
                    item.addItem(text)
                    self.texts.append(text)
        item.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        self._show_numbers()


def _fits(cell: tuple, least: tuple) -> bool:
    return cell[0] >= least[0] and cell[1] >= least[1]


def _short(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
