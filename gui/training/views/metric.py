"""Accuracy (classification) or RMSE (regression), train and validation, each epoch."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.buffers import YRangeKeeper
from gui.training.views.base import TRAIN_PEN, VAL_PEN
from gui.training.views.curves import CurvesView
from gui.training.views.runs import RunCurves

# task -> train key, validation key, the title, the y axis' label, the scale of the values
KEYS = {
    "classification": (
        "train_accuracy",
        "val_accuracy",
        QT_TRANSLATE_NOOP("MetricView", "Accuracy"),
        QT_TRANSLATE_NOOP("MetricView", "accuracy (%)"),
        100.0,
    ),
    "regression": ("train_rmse", "val_rmse", "RMSE", "RMSE", 1.0),
}


class MetricView(CurvesView):
    def __init__(self, parent=None):
        self.idle_text = translate(
            "MetricView",
            "Accuracy (or RMSE for regression) appears when the first epoch ends: press Train",
        )
        super().__init__(
            self.idle_text,
            translate("MetricView", "Accuracy"),
            translate("MetricView", "accuracy (%)"),
            parent,
        )
        symbol = dict(symbol="o", symbolSize=4, symbolPen=None)
        self.curves = RunCurves(
            self.plot_item,
            {
                "train": dict(
                    pen=TRAIN_PEN,
                    symbolBrush=TRAIN_PEN.color(),
                    name=translate("MetricView", "train (epoch mean)"),
                    **symbol,
                ),
                "val": dict(
                    pen=VAL_PEN,
                    symbolBrush=VAL_PEN.color(),
                    name=translate("MetricView", "validation"),
                    **symbol,
                ),
            },
        )
        self.ranges = YRangeKeeper(self.plot_item)
        self.task = "classification"
        self.n_batches = 1
        self.last_step = 0
        self.has_run = False
        self._show_key()

    def start_run(self, run) -> None:
        self.curves.new_run(run)
        self.last_step = 0
        self.has_run = run is not None
        if run is None:
            self.clear_old_runs()
            self.show_empty(self.idle_text)
            return
        self.n_batches = max(1, int(run.n_batches))
        self.task = run.task
        _, _, title, label, _ = KEYS[self.task]
        self.title.set_wordings(translate("MetricView", title))
        self.plot_item.setLabel("left", translate("MetricView", label))
        self.ranges.reset()
        if self.task == "classification":
            self.plot_item.setYRange(0, 100, padding=0.02)
        self._show_key()
        self._say_when()
        self.note_x(everywhere=True)

    def add_steps(self, chunk) -> None:
        train_key, val_key, _, _, scale = KEYS[self.task]
        for e in chunk.epoch_ends:
            if e.metrics.get(train_key) is not None:
                self.curves.append("train", e.epoch, e.metrics[train_key] * scale)
            if e.metrics.get(val_key) is not None:
                self.curves.append("val", e.epoch, e.metrics[val_key] * scale)
        if len(chunk.steps):
            self.last_step = chunk.last_step
        if self.curves.has_data():
            self.show_content()
        self.note_x()

    def draw(self) -> None:
        self.curves.redraw()
        if self.task == "regression":
            self.ranges.update([c.series for c in self.curves.all_curves()])
        self._say_when()

    def _say_when(self) -> None:
        """Before the first epoch ends there is nothing to draw: say when there will be."""
        if self.has_run and not self.curves.has_data():
            name = translate("MetricView", KEYS[self.task][2])
            self.show_empty(
                translate(
                    "MetricView",
                    "{name} appears when the first epoch ends (step {step} of {steps})",
                ).format(name=name, step=f"{self.last_step:,}", steps=f"{self.n_batches:,}")
            )

    def _show_key(self) -> None:
        self.key.show_entries(self.curves.key_entries(), self.curves.old_labels)

    def apply_x_unit(self) -> None:
        self.curves.set_in_steps(self.x_unit == "step")

    def x_end(self) -> float | None:
        return self.curves.x_end()

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
        self._show_key()
        self.note_x(everywhere=True)
        if not self.curves.has_data():
            self.show_empty()
