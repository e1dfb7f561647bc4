"""Per-layer gradient norms over time, log scale, one curve per layer coloured by depth.

The training process samples the norms every few steps (a few hundred points per run).
Layers near the input are dark purple, layers near the output green: with Sigmoid
activations the dark curves sink decades below the green ones (vanishing gradients)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.i18n import translate
from gui.training.buffers import LiveCurve, YRangeKeeper
from gui.training.views.curves import CurvesView

TINY = 1e-12           # a zero norm cannot be drawn on a log axis
DEPTH_MAP = "viridis"
DEPTH_SPAN = 0.68      # of the colour map: dark purple to green, never its pale yellow end


def depth_colours(n: int) -> list:
    """``n`` colours from dark (first, nearest the input) to mid (last): all readable on
    white."""
    cmap = pg.colormap.get(DEPTH_MAP)
    return [cmap.map(DEPTH_SPAN * i / max(n - 1, 1), mode="qcolor") for i in range(n)]


def trained_and_frozen(run) -> tuple[list, list]:
    """(the layers with weights that train, those that are frozen), input to output."""
    if run is None:
        return [], []
    frozen = list(run.frozen_ids)
    return [n for n in run.layer_ids if n not in frozen], frozen


def key_note(n_curves: int, frozen: list) -> str:
    notes = [translate("GradNormView", "(dark: near the input)")] if n_curves > 1 else []
    if frozen:
        notes.append(
            translate("GradNormView", "frozen, no gradient: {ids}").format(ids=", ".join(frozen))
        )
    return " · ".join(notes)


class GradNormView(CurvesView):
    def __init__(self, parent=None):
        super().__init__(
            translate("GradNormView", "Gradient norms of every layer appear here: press Train"),
            [
                translate("GradNormView", "Gradient norm per layer"),
                translate("GradNormView", "Gradient norms"),
            ],
            translate("GradNormView", "L2 norm (log scale)"),
            parent,
        )
        self.plot.setToolTip(
            translate(
                "GradNormView",
                "One curve per layer with weights, dark near the input, green "
                "near the output. Curves far below the others: those layers "
                "barely learn (vanishing gradients).",
            )
        )
        self.plot_item.setLogMode(y=True)
        self.ranges = YRangeKeeper(self.plot_item)
        self.ranges.reset(log_y=True)
        self.curves: dict[str, LiveCurve] = {}
        self.n_batches = 1

    def start_run(self, run) -> None:
        """One curve per layer that trains, in depth order. A frozen layer's gradient is
        zero: drawn at the log axis's floor it would look like a vanishing gradient."""
        layer_ids, frozen = trained_and_frozen(run)
        for curve in self.curves.values():
            self.plot_item.removeItem(curve.item)
        self.curves = {nid: LiveCurve(self.plot_item, pen=pg.mkPen(colour, width=1.5), name=nid)
                       for nid, colour in zip(layer_ids, depth_colours(len(layer_ids)))}
        self.n_batches = max(1, int(run.n_batches)) if run is not None else 1
        self.apply_x_unit()
        self.ranges.reset()
        self.key.show_entries([(c.item.opts["pen"].color().name(), nid, False)
                               for nid, c in self.curves.items()],
                              note=key_note(len(self.curves), frozen))
        self.show_empty()
        self.note_x(everywhere=True)

    def add_steps(self, chunk) -> None:
        if not len(chunk.norm_steps):
            return
        x = chunk.norm_steps / self.n_batches
        for nid, norms in chunk.norm_series.items():
            curve = self.curves.get(nid)
            if curve is not None:
                curve.append(x, np.maximum(norms, TINY))
        self.show_content()
        self.note_x()

    def draw(self) -> None:
        for curve in self.curves.values():
            curve.redraw()
        self.ranges.update([c.series for c in self.curves.values()])

    def apply_x_unit(self) -> None:
        for curve in self.curves.values():
            curve.set_x_scale(self.x_scale(self.n_batches))

    def x_end(self) -> float | None:
        ends = [e for e in (c.x_end() for c in self.curves.values()) if e is not None]
        return max(ends) if ends else None
