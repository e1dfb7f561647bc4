"""Feature maps: the selected node's output for one validation sample, beside the sample.

Images ([C, H, W]) show one tile per channel; vectors show one bar per unit."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.training.views.base import LiveView, steady_axes, tile

MAX_MAPS = 64
EMPTY = "Select a node on the canvas to see its output (feature maps) for a sample"


def maps_mosaic(activation: np.ndarray) -> np.ndarray:
    """[C, H, W] -> a square-ish grid of the channels, [H, W] as is."""
    a = np.asarray(activation, dtype=np.float32)
    if a.ndim == 2:
        return a
    a = a.reshape(-1, *a.shape[-2:])[:MAX_MAPS]
    return tile(a, columns=math.ceil(math.sqrt(len(a))))


class _Panel(pg.GraphicsLayoutWidget):
    """Shows an image (2-D/3-D) or bars (1-D) in the same place."""

    def __init__(self, title: str, colormap: str):
        super().__init__()
        self.view = self.addPlot(title=f"<span style='font-size:10pt'>{title}</span>")
        steady_axes(self.view)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get(colormap))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush="#3a6ea5")
        self.view.addItem(self.image)
        self.view.addItem(self.bars)
        self.setMinimumSize(160, 140)

    def set_title(self, text: str) -> None:
        self.view.setTitle(f"<span style='font-size:10pt'>{text}</span>")

    def show_array(self, a: np.ndarray) -> None:
        a = np.asarray(a, dtype=np.float32)
        if a.ndim >= 2:
            self.bars.hide()
            self.image.show()
            self.view.setAspectLocked(True)
            self.view.invertY(True)
            self.view.showAxis("left", False)
            self.view.showAxis("bottom", False)
            self.image.setImage(maps_mosaic(a), autoLevels=True)
        else:
            self.image.hide()
            self.bars.show()
            self.view.setAspectLocked(False)
            self.view.invertY(False)
            self.view.showAxis("left", True)
            self.view.showAxis("bottom", True)
            self.view.setLabel("bottom", "unit")
            self.view.setLabel("left", "value")
            values = a.ravel()
            self.bars.setOpts(x=np.arange(len(values)), height=values, width=0.8)
        self.view.autoRange(padding=0.05)


class FeatureMapsView(LiveView):
    page = "Layer"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.sample_panel = _Panel("Sample", "CET-L1")          # grey, as the image is
        self.maps_panel = _Panel("Output", "viridis")
        row.addWidget(self.sample_panel, 1)
        row.addWidget(self.maps_panel, 1)     # equal: the sample's title needs the room
        self.set_content(box)
        self.node_id: str | None = None
        self.class_names: tuple = ()

    def start_run(self, run) -> None:
        self.class_names = tuple(run.class_names) if run is not None else ()

    def follow_node(self, node) -> bool:
        node_id = self.node_id = node.id if node is not None else None
        self.show_empty(EMPTY if node_id is None else
                        f"The output of '{node_id}' for the chosen sample appears when "
                        f"training runs: press Train")
        return node_id is not None

    def needs(self, run, node) -> dict:
        return {"nodes": (self.node_id,)} if self.node_id is not None else {}

    def show_probe(self, probe) -> None:
        nodes = probe.get("nodes")
        if self.node_id is None or nodes is None or self.node_id not in nodes.activations:
            return
        label = _label_text(nodes.sample_label, self.class_names)
        self.sample_panel.set_title(f"Sample {nodes.sample} ({label})")
        self.sample_panel.show_array(nodes.sample_input)
        out = nodes.activations[self.node_id]
        what = f"{out.shape[0]} maps" if out.ndim == 3 else f"{out.size} values"
        self.maps_panel.set_title(f"{self.node_id} output: {what}")
        self.maps_panel.show_array(out)
        self.show_content()


def _label_text(label, class_names) -> str:
    if isinstance(label, int):
        name = class_names[label] if label < len(class_names) else str(label)
        return f"class {name}"
    values = np.ravel(label)
    return "target " + ", ".join(f"{v:.3g}" for v in values[:3])
