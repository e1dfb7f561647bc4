"""Feature maps: the selected node's output for one validation sample, beside the sample.

Images ([C, H, W]) show one tile per channel on one colour scale (its bar beside them);
vectors show one bar per unit (per feature for the sample), ticked at whole units."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import steady_axes, tile
from gui.training.views.layer_parts import (COLOUR_BAR_PX, NodeView, UnitAxis, UnitBars,
                                             panel_row, title_label, titled,
                                             unknown_shape_text)

MAX_MAPS = 64
EMPTY = QT_TRANSLATE_NOOP(
    "FeatureMapsView",
    "Select a node on the canvas to see its output (feature maps) for a sample",
)


def maps_mosaic(activation: np.ndarray) -> np.ndarray:
    """[C, H, W] -> a square-ish grid of the channels, [H, W] as is."""
    a = np.asarray(activation, dtype=np.float32)
    if a.ndim == 2:
        return a
    a = a.reshape(-1, *a.shape[-2:])[:MAX_MAPS]
    return tile(a, columns=math.ceil(math.sqrt(len(a))))


class _Panel(pg.GraphicsLayoutWidget):
    """Shows an image (2-D/3-D) with its colour bar, or bars (1-D), in the same place."""

    def __init__(self, colormap: str, unit_label: str, colour_bar: bool):
        super().__init__()
        self.unit_label = unit_label
        self.view = self.addPlot(axisItems={"bottom": UnitAxis("bottom")})
        steady_axes(self.view)
        self.view.getAxis("left").enableAutoSIPrefix(False)    # "value (x1e-06)" misleads
        self.view.setMenuEnabled(False)
        self.view.setMouseEnabled(False, False)
        self.view.hideButtons()
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get(colormap))
        self.view.addItem(self.image)
        self.unit_bars = UnitBars(self.view)
        self.bars = self.unit_bars.bars
        self.colour_bar = None
        if colour_bar:
            self.colour_bar = pg.ColorBarItem(colorMap=pg.colormap.get(colormap),
                                              interactive=False, width=10)
            self.colour_bar.setImageItem(self.image)
            self.addItem(self.colour_bar)
        self.setMinimumSize(120, 140)

    def show_array(self, a: np.ndarray) -> None:
        a = np.asarray(a, dtype=np.float32)
        image = a.ndim >= 2
        self.image.setVisible(image)
        self.unit_bars.set_visible(not image)
        self.view.invertY(image)
        self.view.setAspectLocked(image)
        self.view.showAxis("left", not image)
        self.view.showAxis("bottom", not image)
        self._show_colour_bar(image)
        if image:
            self._show_image(maps_mosaic(a))
        else:
            self.view.setLabel("bottom", self.unit_label)
            self.view.setLabel("left", translate("FeatureMapsView", "value"))
            self.unit_bars.show(a)

    def _show_image(self, mosaic: np.ndarray) -> None:
        finite = mosaic[np.isfinite(mosaic)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        high = high if high > low else low + 1.0       # a constant map: one colour, a scale
        self.image.setImage(mosaic, autoLevels=False, levels=(low, high))
        if self.colour_bar is not None:
            self.colour_bar.setLevels((low, high))
        self.view.autoRange(padding=0.02)

    def _show_colour_bar(self, on: bool) -> None:
        if self.colour_bar is None:
            return
        self.colour_bar.setVisible(on)
        self.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_PX if on else 0)


class FeatureMapsView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("FeatureMapsView", EMPTY), parent)
        self.sample_panel = _Panel(
            "CET-L1", translate("FeatureMapsView", "feature"), colour_bar=False  # grey, as images
        )
        self.maps_panel = _Panel("viridis", translate("FeatureMapsView", "unit"), colour_bar=True)
        self.sample_title, self.maps_title = title_label(), title_label()
        self.set_content(panel_row(self, titled(self.sample_title, self.sample_panel),
                                   titled(self.maps_title, self.maps_panel)))
        self.node_id: str | None = None
        self.class_names: tuple = ()

    def start_run(self, run) -> None:
        self.class_names = tuple(run.class_names) if run is not None else ()

    def follow_node(self, node) -> bool:
        node_id = self.node_id = node.id if node is not None else None
        if node is not None and node.unknown_because is not None:
            self.node_id = None                  # it cannot run: there is no output to ask for
            self.show_empty(unknown_shape_text(node))
            return True
        self.show_empty(
            translate("FeatureMapsView", EMPTY)
            if node_id is None
            else translate(
                "FeatureMapsView",
                "The output of '{id}' for the chosen sample appears "
                "when training runs: press Train",
            ).format(id=node_id)
        )
        return node_id is not None

    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe)
        if nodes is None:
            return
        label = _label_text(nodes.sample_label, self.class_names)
        self.sample_title.setText(
            translate("FeatureMapsView", "Sample {n} ({label})").format(n=nodes.sample, label=label)
        )
        self.sample_panel.show_array(nodes.sample_input)
        out = nodes.activations[self.node_id]
        if out.ndim == 3:
            what = translate("FeatureMapsView", "{n} maps").format(n=out.shape[0])
        elif out.size == 1:
            what = translate("FeatureMapsView", "1 value")
        else:
            what = translate("FeatureMapsView", "{n} values").format(n=out.size)
        self.maps_title.setText(
            translate("FeatureMapsView", "{id} output: {what}").format(id=self.node_id, what=what)
        )
        self.maps_panel.show_array(out)
        self.show_content()


def _label_text(label, class_names) -> str:
    if isinstance(label, int):
        name = class_names[label] if label < len(class_names) else str(label)
        return translate("FeatureMapsView", "class {name}").format(name=name)
    values = np.ravel(label)
    return translate("FeatureMapsView", "target {values}").format(
        values=", ".join(f"{v:.3g}" for v in values[:3])
    )
