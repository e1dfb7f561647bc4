"""Accuracy (classification) or RMSE (regression), train and validation, each epoch."""
from __future__ import annotations

import pyqtgraph as pg

from gui.training.views.base import TRAIN_PEN, VAL_PEN, LiveView, make_plot
from gui.training.views.runs import RunCurves

KEYS = {"classification": ("train_accuracy", "val_accuracy", "accuracy (%)", 100.0),
        "regression": ("train_rmse", "val_rmse", "RMSE", 1.0)}


class MetricView(LiveView):
    page = "Curves"

    def __init__(self, parent=None):
        super().__init__("Accuracy (or RMSE for regression) appears after the first epoch: "
                         "press Train", parent)
        self.plot = make_plot("Accuracy", "epoch", "accuracy (%)")
        self.plot.addLegend(offset=(-10, -10))
        symbol = dict(symbol="o", symbolSize=4, symbolPen=None)
        self.curves = RunCurves(self.plot.getPlotItem(), {
            "train": dict(pen=TRAIN_PEN, symbolBrush=TRAIN_PEN.color(), name="train", **symbol),
            "val": dict(pen=VAL_PEN, symbolBrush=VAL_PEN.color(), name="validation",
                        **symbol)})
        self.set_content(self.plot)
        self.task = "classification"

    def start_run(self, run) -> None:
        self.curves.new_run()
        if run is None:
            self.clear_old_runs()
            self.show_empty()
            return
        task = self.task = run.task
        _, _, label, _ = KEYS[task]
        item = self.plot.getPlotItem()
        item.setTitle(f"<span style='font-size:10pt'>{label.split(' ')[0].capitalize()}</span>")
        item.setLabel("left", label)
        if task == "classification":
            item.setYRange(0, 100, padding=0.02)
            item.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        else:
            item.enableAutoRange(axis=pg.ViewBox.YAxis, enable=True)

    def add_steps(self, chunk) -> None:
        train_key, val_key, _, scale = KEYS[self.task]
        for e in chunk.epoch_ends:
            if e.metrics.get(train_key) is not None:
                self.curves.append("train", e.epoch, e.metrics[train_key] * scale)
            if e.metrics.get(val_key) is not None:
                self.curves.append("val", e.epoch, e.metrics[val_key] * scale)
        if len(self.curves["train"]) or len(self.curves["val"]):
            self.show_content()

    def redraw(self) -> None:
        self.curves.redraw()

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
