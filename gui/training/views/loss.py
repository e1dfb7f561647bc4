"""The loss of every batch and the validation loss of every epoch, runs overlaid."""
from __future__ import annotations

import numpy as np

from gui.training.buffers import RangeKeeper
from gui.training.views.base import TRAIN_PEN, VAL_PEN, LiveView, make_plot
from gui.training.views.runs import RunCurves


class LossView(LiveView):
    page = "Curves"

    def __init__(self, parent=None):
        super().__init__("No loss yet: press Train (F5)", parent)
        self.plot = make_plot("Loss", "epoch", "loss")
        self.plot.addLegend(offset=(-10, 10))
        self.curves = RunCurves(self.plot.getPlotItem(), {
            "train": dict(pen=TRAIN_PEN, name="train (each batch)"),
            "val": dict(pen=VAL_PEN, symbol="o", symbolSize=4, symbolBrush=VAL_PEN.color(),
                        symbolPen=None, name="validation (each epoch)")})
        self.ranges = RangeKeeper(self.plot.getPlotItem())
        self.set_content(self.plot)
        self.n_batches = 1

    def start_run(self, run) -> None:
        if run is None:
            self.curves.new_run()
            self.clear_old_runs()
            self.show_empty()
            return
        self.curves.new_run()
        self.n_batches = max(1, int(run.n_batches))

    def set_log(self, on: bool) -> None:
        self.plot.getPlotItem().setLogMode(y=on)
        self.plot.getPlotItem().setLabel("left", "loss (log scale)" if on else "loss")
        self.ranges.reset(log_y=on)
        self._fit()

    def add_steps(self, chunk) -> None:
        if len(chunk.steps):
            self.curves.append("train", chunk.steps / self.n_batches, chunk.losses)
        vals = [(e.epoch, e.val_loss if e.val_loss is not None else e.train_loss)
                for e in chunk.epoch_ends]
        if vals:
            x, y = np.array(vals, dtype=np.float64).T
            self.curves.append("val", x, y)
        if len(self.curves["train"]):
            self.show_content()

    def redraw(self) -> None:
        self.curves.redraw()
        self._fit()

    def _fit(self) -> None:
        runs = [list(self.curves.current.values()), *self.curves.old]
        self.ranges.update([c.series for run in runs for c in run])

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
        self.ranges.reset()
        self._fit()
