"""Parts the Layer views share.

Axes and bar charts of discrete things (units, inputs, classes): a unit is 0, 1, 2 ...,
never 0.5, so these axes tick whole numbers only, as many as fit. A title that wraps
instead of widening its plot (a pyqtgraph title as wide as its text pushed the colour bar
of a narrow plot out of sight). A note that stands in for a plot with nothing true to show
(the gradients of a frozen layer)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout,
                               QWidget)

from gui.i18n import translate
from gui.training.views.base import LiveView, diverging_colormap, steady_axes

LABELLED_VALUES = 12       # up to this many bars each carries its value
CHAR_PX, GAP_PX = 7, 10    # the width of a tick label's character, and between two labels
BAR_BRUSH = "#3a6ea5"
COLUMN_GAP, COLUMN_WIDTH = 0.06, 0.10   # a matrix's side column, in its widths (at least
# half a cell apart, one cell wide)
COLOUR_BAR_PX = 70                      # a colour bar with its tick labels
CELL_LINES_UP_TO = 24                   # a matrix this small gets a line around each cell


class NodeView(LiveView):
    """A Layer view of the node selected on the canvas: ``node_id`` is the node it shows
    (None: none); it asks for the "nodes" probe of that node while it is visible."""
    page = "Layer"
    node_id: str | None = None

    def needs(self, run, node) -> dict:
        return {"nodes": (self.node_id,)} if self.node_id is not None else {}

    def node_probe(self, probe, part: str = "activations"):
        """The probe's NodeProbe when it holds ``part`` ("activations" or "weights") of
        this view's node, else None."""
        nodes = probe.get("nodes")
        if self.node_id is None or nodes is None or self.node_id not in getattr(nodes, part):
            return None
        return nodes


def unit_step(count: int, room: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... that leaves at most ``room`` ticks of
    ``count`` units."""
    room, step, k = max(1, room), 1, 0
    while -(-count // step) > room:
        k += 1
        step = (1, 2, 5)[k % 3] * 10 ** (k // 3)
    return step


class UnitAxis(pg.AxisItem):
    """Ticks at whole units 0 .. count-1 (every ``step``-th, as many as fit without
    overprinting), labelled with the index or with ``names``; ``extra`` adds labelled
    positions (the bias column of a weight matrix)."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)          # "unit (x0.001)" reads badly
        self.setStyle(autoReduceTextSpace=False)
        self.count = 0
        self.names: tuple = ()
        self.extra: dict[float, str] = {}

    def set_units(self, count: int, names=(), extra: dict | None = None) -> None:
        self.count, self.names, self.extra = int(count), tuple(names), dict(extra or {})
        self.picture = None                     # pyqtgraph's cached drawing
        self.update()

    def label_px(self) -> int:
        """The room one tick label needs along the axis."""
        if self.orientation in ("left", "right"):
            return 16
        longest = max([len(str(n)) for n in self.names] + [len(str(max(self.count - 1, 0)))])
        return CHAR_PX * longest + GAP_PX

    def tickValues(self, minVal, maxVal, size):
        if self.count <= 0 and not self.extra:
            return super().tickValues(minVal, maxVal, size)
        lo, hi = sorted((minVal, maxVal))
        shown = max(1.0, min(hi, self.count - 0.5) - max(lo, -0.5))   # units in view
        step = unit_step(int(np.ceil(shown)), int(size * shown / max(hi - lo, 1e-9)
                                                 // self.label_px()))
        values = [float(i) for i in range(0, self.count, step) if lo <= i <= hi]
        values += [v for v in self.extra if lo <= v <= hi]
        return [(float(step), values)]

    def tickStrings(self, values, scale, spacing):
        if self.count <= 0 and not self.extra:
            return super().tickStrings(values, scale, spacing)
        return [self._label(v) for v in values]

    def _label(self, value: float) -> str:
        for at, text in self.extra.items():
            if abs(value - at) < 1e-6:
                return text
        i = int(round(value))
        return str(self.names[i]) if i < len(self.names) else str(i)


class UnitBars:
    """One bar per unit on ``plot`` (whose bottom axis is a UnitAxis): whole-unit ticks, the
    x range exactly the units, the y range from 0 (a bar's length is its value), and each
    value written on its bar when there are few and the bars are wide enough for them."""

    def __init__(self, plot: pg.PlotItem, brush=BAR_BRUSH):
        self.plot = plot
        self.axis: UnitAxis = plot.getAxis("bottom")
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=brush)
        plot.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.labelled = 0                   # the first ``labelled`` labels are in use
        self.on = True
        self.values = np.zeros(0, dtype=np.float32)
        plot.getViewBox().sigResized.connect(lambda _box: self._fit_labels())

    def show(self, values, names=(), y_range: tuple | None = None) -> None:
        """``y_range`` fixes the value axis (probabilities: (0, 1)); None fits the values."""
        values = np.asarray(values, dtype=np.float32).ravel()
        self.values = values
        n = len(values)
        shown = np.where(np.isfinite(values), values, 0.0)
        self.bars.setOpts(x=np.arange(n), height=shown, width=0.8)
        self.axis.set_units(n, names)
        low, high = y_range or _value_range(shown)
        self._write_values(values)
        self.plot.setRange(xRange=(-0.5, n - 0.5), yRange=(low, high), padding=0)
        self._fit_labels()

    def _write_values(self, values: np.ndarray) -> None:
        self.labelled = len(values) if len(values) <= LABELLED_VALUES else 0
        while len(self.labels) < self.labelled:
            label = pg.TextItem(color="#1f2a36", anchor=(0.5, 1.0))
            self.plot.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels[:self.labelled]):
            v = float(values[i])
            label.setText(f"{v:.3g}" if np.isfinite(v) else str(v))
            # above a positive bar, below a negative one
            label.setAnchor((0.5, 1.0) if not v < 0 else (0.5, 0.0))
            label.setPos(i, v if np.isfinite(v) else 0.0)

    def _fit_labels(self) -> None:
        """Values are written only where each fits above its bar (they overprinted)."""
        longest = max((len(label.toPlainText()) for label in self.labels[:self.labelled]),
                      default=0)
        room = self.plot.getViewBox().width() / max(len(self.values), 1)
        fits = room >= CHAR_PX * longest + 4
        for i, label in enumerate(self.labels):
            label.setVisible(self.on and fits and i < self.labelled)

    @property
    def values_written(self) -> bool:
        return any(label.isVisible() for label in self.labels)

    def set_visible(self, on: bool) -> None:
        self.on = on
        self.bars.setVisible(on)
        self._fit_labels()


def _value_range(values: np.ndarray) -> tuple[float, float]:
    """From 0 (or the lowest value) to the highest, with room for the value labels."""
    low, high = min(0.0, float(values.min(initial=0.0))), max(0.0, float(values.max(initial=0.0)))
    span = (high - low) or 1.0
    room = 0.18 * span if len(values) <= LABELLED_VALUES else 0.05 * span
    return (low - room if low < 0 else low), (high + room if high > 0 or low == 0 else high)


class MatrixPanel(pg.GraphicsLayoutWidget):
    """A heat map with whole-number axes, an optional column beside it (a layer's bias) and
    a colour bar centred on 0, one scale for both. Rows go down from 0 at the top."""

    def __init__(self, row_label: str, column_label: str, side: tuple[str, str] = ("", "")):
        """``side``: the side column's tick and what it is, e.g. ("b", "bias")."""
        super().__init__()
        self.column_label, self.side = column_label, side
        self.plot = self.addPlot(axisItems={"left": UnitAxis("left"),
                                            "bottom": UnitAxis("bottom")})
        steady_axes(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.invertY(True)                       # row 0 (unit 0) at the top
        self.plot.setLabel("left", row_label)
        self.image, self.column_image = pg.ImageItem(), pg.ImageItem()
        for image in (self.image, self.column_image):
            self.plot.addItem(image)
        # white cells (0) must not look like empty space: a frame, and lines between cells
        self.lines = pg.PlotCurveItem(pen=pg.mkPen("#b8c0c9", width=1, cosmetic=True),
                                      connect="pairs")
        self.plot.addItem(self.lines)
        self.bar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False, width=12)
        self.bar.setImageItem([self.image, self.column_image])
        self.addItem(self.bar)
        self.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_PX)   # never squeezed out of sight
        self.setMinimumSize(230, 150)

    def show_matrix(self, matrix: np.ndarray, column: np.ndarray | None = None,
                    square: bool = False) -> None:
        """``column``: one value per row, drawn apart on the right (see ``side``);
        ``square``: square cells (else the matrix fills the plot)."""
        rows, cols = matrix.shape
        both = [matrix] + ([column] if column is not None else [])
        finite = np.concatenate([a[np.isfinite(a)] for a in both])
        m = float(np.abs(finite).max()) if finite.size else 0.0
        m = m or 1.0
        self.image.setImage(matrix, autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, cols, rows))   # pixel centres on integers
        right = cols - 0.5
        extra = {}
        segments = cell_lines(-0.5, right, rows, cols)
        if column is not None:
            left = right + max(0.5, COLUMN_GAP * cols)
            width = max(1.0, COLUMN_WIDTH * cols)
            self.column_image.setImage(np.reshape(column, (rows, 1)), autoLevels=False)
            self.column_image.setRect(QRectF(left, -0.5, width, rows))
            right = left + width
            extra = {left + width / 2: self.side[0]}
            segments = np.concatenate([segments, cell_lines(left, right, rows, 1)])
        self.column_image.setVisible(column is not None)
        self.lines.setData(segments[:, 0], segments[:, 1])
        self.bar.setLevels((-m, m))
        self.plot.getAxis("left").set_units(rows)
        self.plot.getAxis("bottom").set_units(cols, extra=extra)
        side = f"   ·   {self.side[0]}: {self.side[1]}" if column is not None else ""
        self.plot.setLabel("bottom", self.column_label + side)
        self.plot.setAspectLocked(square)
        self.plot.setRange(xRange=(-0.5, right), yRange=(-0.5, rows - 0.5), padding=0)


def cell_lines(left: float, right: float, rows: int, cols: int) -> np.ndarray:
    """Line segments (pairs of points) around a block of rows x cols cells spanning
    ``left``..``right`` and rows -0.5..rows-0.5: its frame, and the lines between its cells
    when it is small enough for them to help."""
    xs = np.linspace(left, right, cols + 1) if cols <= CELL_LINES_UP_TO else [left, right]
    ys = np.arange(rows + 1) - 0.5 if rows <= CELL_LINES_UP_TO else [-0.5, rows - 0.5]
    top, bottom = -0.5, rows - 0.5
    vertical = [((x, top), (x, bottom)) for x in xs]
    horizontal = [((left, y), (right, y)) for y in ys]
    return np.asarray(vertical + horizontal, dtype=np.float64).reshape(-1, 2)


def titled(title: QLabel, body: QWidget, parent=None) -> QWidget:
    """``body`` under ``title`` (made by title_label)."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(title)
    column.addWidget(body, 1)
    return box


def title_label(text: str = "") -> QLabel:
    """A plot title as pyqtgraph draws one (10 pt, centred), that wraps when narrow."""
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 10pt; color: #1f2a36; background: #ffffff; padding: 3px;")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def panel_row(parent: QWidget, *panels: QWidget) -> QWidget:
    """The panels of a view side by side, equally wide."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for panel in panels:
        row.addWidget(panel, 1)
    return box


class GradientSide(QStackedWidget):
    """Where a layer's gradients are drawn, or, for a frozen layer, a note saying it gets
    none (its gradients stay zero: a blank grid or a spike at 0 would say "zeros")."""

    def __init__(self, gradients: QWidget, parent=None):
        super().__init__(parent)
        self.note = note_label()
        self.addWidget(gradients)
        self.addWidget(self.note)

    def follow(self, node_id: str | None, frozen: bool) -> None:
        self.setCurrentIndex(1 if frozen else 0)
        self.note.setText(frozen_text(node_id) if frozen else "")

    @property
    def frozen(self) -> bool:
        return self.currentIndex() == 1


def note_label(text: str = "") -> QLabel:
    """Stands in for a plot that would show nothing true (e.g. a frozen layer's gradients)."""
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #4b5563; background: #ffffff; border: 1px dashed #c9d1da;"
                        "padding: 8px;")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return label


def is_frozen(node) -> bool:
    """The node's "trainable" box is unticked: its weights get no gradient."""
    return node is not None and node.config.get("trainable") is False


def frozen_text(node_id: str) -> str:
    return translate(
        "LayerParts", "Frozen: no gradient. '{id}' has trainable off: its weights never change."
    ).format(id=node_id)


def unknown_shape_text(node) -> str:
    """Why a node with a problem upstream shows nothing (a shape it does not have would lie)."""
    return translate(
        "LayerParts", "The shape of '{id}' is unknown, so there is nothing to show: {why}"
    ).format(id=node.id, why=node.unknown_because)
