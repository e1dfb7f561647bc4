"""What each hidden unit has learned (2-D datasets): for the node selected on the canvas
(a Dense or activation layer of up to 16 units), every unit's output over the input plane
as a heat map (TensorFlow Playground's neuron thumbnails), on one shared colour scale:
centred on 0 (blue below, white 0, red above), or 0..1 for a Sigmoid. The maps are the
engine's "units" probe (engine/training/units_probe.py), asked for only while visible."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QT_TRANSLATE_NOOP

from engine.training.units_probe import MAX_UNITS
from gui.canvas.preview import nice_scale
from gui.i18n import translate
from gui.training.views.base import LiveView, diverging_colormap, steady_axes
from gui.training.views.layer_parts import COLOUR_BAR_PX, title_label, titled

RES = 40                 # points along each map's side
GAP = 0.08               # between two maps, in map widths
EMPTY = QT_TRANSLATE_NOOP(
    "UnitMapsView",
    "Select a Dense or activation node of up to 16 units (2-D "
    "data) to see what each of its units has learned over the input "
    "plane",
)
WAITING = QT_TRANSLATE_NOOP(
    "UnitMapsView", "The units' maps of '{id}' appear when training runs: press Train"
)
UNIT_RANGE = {"Sigmoid": (0.0, 1.0)}         # bounded outputs drawn on their own range


def unit_colormap(low: float) -> pg.ColorMap:
    """Diverging around 0, or white to red for a 0..1 scale."""
    if low >= 0:
        return pg.ColorMap([0.0, 1.0], [(247, 247, 247), (178, 24, 43)])
    return diverging_colormap()


def map_levels(node_type: str, maps: np.ndarray) -> tuple[float, float]:
    """(low, high) of the shared scale: a Sigmoid's 0..1, else +-(the largest |value|,
    rounded up to 1, 1.5, 2, 3, 5 or 7 x 10^k so it moves in steps)."""
    if node_type in UNIT_RANGE:
        return UNIT_RANGE[node_type]
    finite = maps[np.isfinite(maps)]
    top = nice_scale(float(np.abs(finite).max())) if finite.size else 1.0
    return -top, top


def map_columns(n: int) -> int:
    return max(1, math.ceil(math.sqrt(n)))


def map_origin(k: int, columns: int, rows: int) -> tuple[float, float]:
    """Where map ``k`` sits (left, bottom), maps 1 wide, row 0 at the top."""
    row, col = divmod(k, columns)
    return col * (1 + GAP), (rows - 1 - row) * (1 + GAP)


class UnitMapsView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__(translate("UnitMapsView", EMPTY), parent)
        self.canvas = pg.GraphicsLayoutWidget()
        self.plot = self.canvas.addPlot()
        steady_axes(self.plot)
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.colour_bar = pg.ColorBarItem(
            colorMap=diverging_colormap(),
            interactive=False,
            width=10,
            label=translate("UnitMapsView", "unit output"),
        )
        self.canvas.addItem(self.colour_bar)
        self.canvas.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_PX)
        self.images: list = []
        self.labels: list = []
        self.title = title_label()
        self.set_content(titled(self.title, self.canvas))
        self.canvas.setToolTip(
            translate(
                "UnitMapsView",
                "Each map: one unit's output for every point of the input "
                "plane (x₀ across, x₁ up), over the data's range. All maps "
                "share the colour scale on the right.",
            )
        )
        self.node_id: str | None = None
        self.planar = False          # the run's input is 2-D
        self.mapped: set | None = None   # the nodes the last probe mapped (None: none yet)

    # ---- LiveView --------------------------------------------------------------------------
    def start_run(self, run) -> None:
        self.planar = run is not None and tuple(run.input_shape) == (2,)
        self.mapped = None
        self._say_waiting()

    def follow_node(self, node) -> bool:
        self.node_id = node.id if node is not None else None
        self._say_waiting()
        return self._applies()

    def needs(self, run, node) -> dict:
        return {"units": RES} if self.planar and self.node_id is not None else {}

    def show_probe(self, probe) -> None:
        units = probe.get("units")
        if units is None or self.node_id is None:
            return
        self.mapped = set(units.maps)
        maps = units.maps.get(self.node_id)
        if maps is None:
            self.show_empty(
                translate(
                    "UnitMapsView",
                    "'{id}' has no units' maps: only Dense and "
                    "activation layers of up to {n} units "
                    "get them",
                ).format(id=self.node_id, n=MAX_UNITS)
            )
            return
        self.draw(self.node_id, units.types[self.node_id], maps, units.step)

    # ---- drawing -----------------------------------------------------------------------------
    def _applies(self) -> bool:
        if self.node_id is None:
            return True                   # the dashboard shows every view's empty text
        return self.planar and (self.mapped is None or self.node_id in self.mapped)

    def _say_waiting(self) -> None:
        self.show_empty(
            translate("UnitMapsView", EMPTY)
            if self.node_id is None or not self.planar
            else translate("UnitMapsView", WAITING).format(id=self.node_id)
        )

    def draw(self, node_id: str, node_type: str, maps: np.ndarray, step: int) -> None:
        n = len(maps)
        self._ensure_images(n)
        low, high = map_levels(node_type, maps)
        columns = map_columns(n)
        rows = -(-n // columns)
        cmap = unit_colormap(low)
        for k in range(n):
            left, bottom = map_origin(k, columns, rows)
            image = self.images[k]
            image.setColorMap(cmap)
            image.setImage(maps[k], autoLevels=False, levels=(low, high))
            image.setRect(QRectF(left, bottom, 1.0, 1.0))
            self.labels[k].setText(str(k))
            self.labels[k].setPos(left, bottom + 1.0)
        self.colour_bar.setColorMap(cmap)
        self.colour_bar.setLevels((low, high))
        self.plot.setRange(xRange=(0, columns + GAP * (columns - 1)),
                           yRange=(0, rows + GAP * (rows - 1)), padding=0.02)
        self.title.setText(
            translate(
                "UnitMapsView",
                "'{id}' ({type}): each unit's output over the "
                "input plane (x₀ →, x₁ ↑) · step {step}",
            ).format(id=node_id, type=node_type, step=f"{step:,}")
        )
        self.show_content()

    def _ensure_images(self, n: int) -> None:
        while len(self.images) < n:
            image = pg.ImageItem()
            label = pg.TextItem("", color="#1f2a36", anchor=(0, 0), fill=(255, 255, 255, 170))
            self.plot.addItem(image)
            self.plot.addItem(label)
            self.images.append(image)
            self.labels.append(label)
        for k, (image, label) in enumerate(zip(self.images, self.labels)):
            image.setVisible(k < n)
            label.setVisible(k < n)
