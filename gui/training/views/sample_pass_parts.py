"""Parts of the one-sample view (sample_pass.py): a panel that shows any array of the pass
(a vector as bars, a matrix or a layer's maps as a heat map centred on 0, numbers written
in the cells of small ones), the steps of the pass, and the words that explain each step."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import diverging_colormap, steady_axes
from gui.training.views.feature_maps import maps_mosaic
from gui.training.views.layer_parts import COLOUR_BAR_PX, UnitAxis, UnitBars

NUMBERS_UP_TO = 64          # a matrix or map of at most this many values (8 x 8) shows them
CELL_TEXT_PX = 8            # the width of a character of a cell's number
BIAS_GAP = 0.5              # the bias column stands this many cells right of the matrix
# the bars' axis ("unit", "feature", "class", "output") and the phases, translated where shown
WORDS = (
    QT_TRANSLATE_NOOP("SamplePassParts", "unit"),
    QT_TRANSLATE_NOOP("SamplePassParts", "feature"),
    QT_TRANSLATE_NOOP("SamplePassParts", "class"),
    QT_TRANSLATE_NOOP("SamplePassParts", "output"),
    QT_TRANSLATE_NOOP("SamplePassParts", "Forward"),
    QT_TRANSLATE_NOOP("SamplePassParts", "Loss"),
    QT_TRANSLATE_NOOP("SamplePassParts", "Backward"),
)


def shape_text(a: np.ndarray) -> str:
    return "[" + ", ".join(str(n) for n in np.shape(a)) + "]"


def range_text(a: np.ndarray) -> str:
    finite = np.asarray(a, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return translate("SamplePassParts", "no finite value")
    low, high = float(finite.min()), float(finite.max())
    return f"{low:.3g}" if low == high else f"{low:.3g} … {high:.3g}"


def number_text(v: float) -> str:
    return f"{v:.2g}" if np.isfinite(v) else str(v)


class ArrayPanel(pg.GraphicsLayoutWidget):
    """One array of the pass: bars for a vector (values written when few), a heat map for a
    matrix (rows down from 0; ``column``: a layer's bias beside it) or for maps [C, H, W]
    (one tile per map), blue below 0, red above, with a colour bar."""

    def __init__(self):
        super().__init__()
        self.plot = self.addPlot(axisItems={"left": UnitAxis("left"),
                                            "bottom": UnitAxis("bottom")})
        steady_axes(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.bars = UnitBars(self.plot)
        self.image, self.column = pg.ImageItem(), pg.ImageItem()
        for image in (self.image, self.column):
            self.plot.addItem(image)
        self.colour_bar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False,
                                          width=10)
        self.colour_bar.setImageItem([self.image, self.column])
        self.addItem(self.colour_bar)
        self.cells: list[pg.TextItem] = []
        self.cell_chars = 0
        self.cell_columns = 1
        self.plot.getViewBox().sigResized.connect(lambda _box: self._fit_cells())
        self.setMinimumSize(150, 100)

    # ---- what it shows ----------------------------------------------------------------------
    def show_array(self, a: np.ndarray, column: np.ndarray | None = None,
                   unit: str = "unit") -> None:
        a = np.asarray(a, dtype=np.float32)
        if a.ndim <= 1:
            self._show_bars(a.reshape(-1), unit)
        elif a.ndim == 2:
            self._show_image(a, column, axes=True)
        else:
            self._show_image(maps_mosaic(a.reshape(-1, *a.shape[-2:])), None, axes=False)

    def _show_bars(self, values: np.ndarray, unit: str) -> None:
        self._image_mode(False)
        self.plot.setAspectLocked(False)
        self.plot.setLabel("bottom", translate("SamplePassParts", unit))
        self.plot.setLabel("left", translate("SamplePassParts", "value"))
        self.bars.show(values)
        self._write_cells(np.zeros((0, 0)), None)

    def _show_image(self, matrix: np.ndarray, column, axes: bool) -> None:
        self._image_mode(True, axes)
        rows, cols = matrix.shape
        both = [matrix] + ([np.ravel(column)] if column is not None else [])
        finite = np.concatenate([np.ravel(a)[np.isfinite(np.ravel(a))] for a in both])
        m = float(np.abs(finite).max()) if finite.size else 0.0
        m = m or 1.0
        self.image.setImage(matrix, autoLevels=False, levels=(-m, m))
        self.image.setRect(QRectF(-0.5, -0.5, cols, rows))
        right = cols - 0.5
        if column is not None:
            left = right + BIAS_GAP
            self.column.setImage(np.reshape(column, (rows, 1)), autoLevels=False,
                                 levels=(-m, m))
            self.column.setRect(QRectF(left, -0.5, 1, rows))
            right = left + 1
        self.column.setVisible(column is not None)
        self.colour_bar.setLevels((-m, m))
        if axes:
            extra = {cols - 0.5 + BIAS_GAP + 0.5: "b"} if column is not None else {}
            self.plot.getAxis("left").set_units(rows)
            self.plot.getAxis("bottom").set_units(cols, extra=extra)
            self.plot.setLabel("left", "row")
            self.plot.setLabel("bottom", "column")
        self.plot.setAspectLocked(not axes)          # maps keep square pixels
        self.plot.setRange(xRange=(-0.5, right), yRange=(-0.5, rows - 0.5), padding=0.02)
        self._write_cells(matrix, column)

    def _image_mode(self, image: bool, axes: bool = True) -> None:
        self.bars.set_visible(not image)
        self.image.setVisible(image)
        self.column.setVisible(False)
        self.colour_bar.setVisible(image)
        self.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_PX if image else 0)
        self.plot.invertY(image)
        self.plot.showAxis("left", not image or axes)
        self.plot.showAxis("bottom", not image or axes)
        if not image:
            self.plot.setLabel("left", "value")

    # ---- numbers in the cells of a small matrix ----------------------------------------------
    def _write_cells(self, matrix: np.ndarray, column) -> None:
        cells = []
        if 0 < matrix.size <= NUMBERS_UP_TO:
            rows, cols = matrix.shape
            cells = [(c, r, matrix[r, c]) for r in range(rows) for c in range(cols)]
            if column is not None:
                x = cols - 0.5 + BIAS_GAP + 0.5
                cells += [(x, r, v) for r, v in enumerate(np.ravel(column))]
            self.cell_columns = cols + (column is not None)
        while len(self.cells) < len(cells):
            item = pg.TextItem(color="#1f2a36", anchor=(0.5, 0.5))
            self.plot.addItem(item)
            self.cells.append(item)
        for item, (x, y, v) in zip(self.cells, cells):
            item.setText(number_text(float(v)))
            item.setPos(x, y)
        self.cell_chars = max((len(number_text(float(v))) for *_xy, v in cells), default=0)
        self.used_cells = len(cells)
        self._fit_cells()

    def _fit_cells(self) -> None:
        """Numbers only where each fits in its cell (they overprinted)."""
        used = getattr(self, "used_cells", 0)
        cell_px = self.plot.getViewBox().width() / max(self.cell_columns + BIAS_GAP, 1)
        fits = cell_px >= CELL_TEXT_PX * self.cell_chars + 2
        for i, item in enumerate(self.cells):
            item.setVisible(fits and i < used)

    @property
    def numbers_shown(self) -> int:
        return sum(item.isVisible() for item in self.cells)


# ---- the steps of a pass -----------------------------------------------------------------------
FORWARD, LOSS, BACKWARD = "Forward", "Loss", "Backward"


@dataclass(frozen=True)
class Step:
    phase: str                   # FORWARD, LOSS or BACKWARD
    node_id: str | None          # None for the loss
    index: int                   # 1-based within its phase
    count: int                   # steps in its phase

    def label(self, node_type: str = "") -> str:
        phase = translate("SamplePassParts", self.phase)
        if self.phase == LOSS:
            return phase
        return f"{phase} {self.index}/{self.count} · {self.node_id} ({node_type})"


def steps_of(result) -> list[Step]:
    """Forward through every node, the loss, then backward through the nodes a gradient
    reaches (output first)."""
    forward = [Step(FORWARD, n.id, i + 1, len(result.nodes))
               for i, n in enumerate(result.nodes)]
    back = result.backward_order()
    backward = [Step(BACKWARD, n.id, i + 1, len(back)) for i, n in enumerate(back)]
    return forward + [Step(LOSS, None, 1, 1)] + backward


def consumers(result, node_id: str) -> list[str]:
    return [n.id for n in result.nodes if node_id in n.inputs]
