"""The loss of every batch and the validation loss of every epoch, runs overlaid; with L1/L2
regularization on, the penalty of every batch as its own curve (the loss stays the data
loss, as a PyTorch user logs it; the optimizer minimises the sum of the two)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.i18n import translate
from gui.training.buffers import YRangeKeeper
from gui.training.views.base import TRAIN_PEN, VAL_PEN
from gui.training.views.curves import CurvesView
from gui.training.views.runs import RunCurves

PENALTY_PEN = pg.mkPen("#e69f00", width=2)      # amber: apart from train blue, val red


class LossView(CurvesView):
    def __init__(self, parent=None):
        super().__init__(
            translate("LossView", "No loss yet: press Train (F5)"),
            translate("LossView", "Loss"),
            translate("LossView", "loss"),
            parent,
        )
        self.curves = RunCurves(
            self.plot_item,
            {
                "train": dict(pen=TRAIN_PEN, name=translate("LossView", "train (each batch)")),
                "val": dict(
                    pen=VAL_PEN,
                    symbol="o",
                    symbolSize=4,
                    symbolBrush=VAL_PEN.color(),
                    symbolPen=None,
                    name=translate("LossView", "validation (each epoch)"),
                ),
                "penalty": dict(
                    pen=PENALTY_PEN, name=translate("LossView", "weight penalty (each batch)")
                ),
            },
        )
        self.ranges = YRangeKeeper(self.plot_item)
        self.n_batches = 1
        self.no_validation = False        # the epoch points are then the train loss
        self.has_penalty = False          # the run is regularized: its key names the penalty
        self._penalty_on_top()
        self._show_key()

    def start_run(self, run) -> None:
        self.curves.new_run(run)
        self._penalty_on_top()
        if run is None:
            self.clear_old_runs()
            self.show_empty()
        else:
            self.n_batches = max(1, int(run.n_batches))
        self.no_validation = False
        self.has_penalty = False
        self._show_key()
        self.note_x(everywhere=True)

    def _penalty_on_top(self) -> None:
        # smooth and thin: drawn over the noisy batch losses and the validation markers,
        # which hid it where its value came close to theirs
        self.curves["penalty"].item.setZValue(2)

    def set_log(self, on: bool) -> None:
        self.plot_item.setLogMode(y=on)
        self.plot_item.setLabel(
            "left",
            translate("LossView", "loss (log scale)") if on else translate("LossView", "loss"),
        )
        self.ranges.reset(log_y=on)
        self._fit()

    def add_steps(self, chunk) -> None:
        if len(chunk.steps):
            self.curves.append("train", chunk.steps / self.n_batches, chunk.losses)
        if len(chunk.penalties):          # empty without regularization
            self.curves.append("penalty", chunk.steps / self.n_batches, chunk.penalties)
            if not self.has_penalty:
                self.has_penalty = True
                self._show_key()
        vals = [(e.epoch, e.val_loss if e.val_loss is not None else e.train_loss)
                for e in chunk.epoch_ends]
        if vals:
            x, y = np.array(vals, dtype=np.float64).T
            self.curves.append("val", x, y)
            if chunk.epoch_ends[0].val_loss is None and not self.no_validation:
                self.no_validation = True
                self._show_key()
        if len(self.curves["train"]):
            self.show_content()
        self.note_x()

    def draw(self) -> None:
        self.curves.redraw()
        self._fit()

    def _fit(self) -> None:
        self.ranges.update([c.series for c in self.curves.all_curves()])

    def _show_key(self) -> None:
        entries = self.curves.key_entries()
        if self.no_validation:
            colour, _, marked = entries[1]
            entries[1] = (
                colour,
                translate("LossView", "train, each epoch's mean (no validation set)"),
                marked,
            )
        if not self.has_penalty:
            entries = entries[:2]
        self.key.show_entries(entries, self.curves.old_labels)

    def apply_x_unit(self) -> None:
        self.curves.set_in_steps(self.x_unit == "step")

    def x_end(self) -> float | None:
        return self.curves.x_end()

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
        self.ranges.reset()
        self._fit()
        self._show_key()
        self.note_x(everywhere=True)
