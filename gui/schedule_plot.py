"""A small plot of the learning rate over the epochs, from engine.optim.schedulers.sample_lrs:
a few hundred points at most, whatever the epoch count (2e9 epochs cost what 400 do).

pyqtgraph takes about half a second to import, so the plot is built a moment after the
widget is first shown: the window appears at once and the curve follows.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import translate

BUILD_DELAY_MS = 120
PLOT_HEIGHT = 150
QWIDGETSIZE_MAX = (1 << 24) - 1


def schedule_points(scheduler: dict, lr, epochs) -> tuple[list[int], list[float]]:
    """(epochs, lrs) sampling the schedule (the engine's scheduler code); ValueError for a
    setting it refuses or a rate that overflows, saying where."""
    from engine.optim.schedulers import sample_lrs
    preview = sample_lrs(scheduler, lr, max(1, _whole(epochs)))
    if preview.overflow_epoch is not None:
        raise ValueError(overflow_text(preview))
    return list(preview.epochs), [float(v) for v in preview.lrs]


def overflow_text(preview) -> str:
    """Why no curve is drawn: a curve up to 1e308 then nothing would mislead."""
    if preview.overflow_epoch == 0:
        return translate("SchedulePlot", "the learning rate {lr:g} is not a finite "
                                         "number").format(lr=preview.lrs[0])
    return translate("SchedulePlot", "the learning rate overflows at epoch {epoch:,} (it grows "
                                     "past the largest number a computer holds): use a smaller "
                                     "gamma or fewer epochs").format(epoch=preview.overflow_epoch)


def _whole(epochs) -> int:
    try:
        return int(epochs)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(translate("SchedulePlot", "epochs must be a whole number, got "
                                                   "{value}").format(value=repr(str(epochs)[:40]))
                         ) from None


class SchedulePlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("schedule_plot")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(PLOT_HEIGHT)
        self.plot = None
        self.curve = None
        self.epochs: list[int] = []         # the sampled epochs (every one, up to 400)
        self.values: list[float] = []       # the lr in force in each
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel("", self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self._layout.addWidget(self.message)
        self._build_pending = False

    def set_schedule(self, scheduler: dict, lr, epochs) -> None:
        """Show the schedule; a config the engine refuses shows the reason instead."""
        try:
            self.epochs, self.values = schedule_points(scheduler, lr, epochs)
            self.message.hide()
        except (ValueError, TypeError, KeyError) as e:      # (the engine says ValueError)
            self.epochs, self.values = [], []
            self.message.setText(translate("SchedulePlot", "No preview: {reason}").format(
                reason=e))
            self.message.show()
        self._fit_height()
        self._redraw()

    def _fit_height(self) -> None:
        """The plot's height with a curve; only the reason's without one (no empty axes)."""
        if self.values:
            self.setFixedHeight(PLOT_HEIGHT)
        else:
            self.setMinimumHeight(0)
            self.setMaximumHeight(QWIDGETSIZE_MAX)

    def ensure_built(self) -> None:
        """Build the pyqtgraph plot now (tests, screenshots) instead of after a delay."""
        if self.plot is not None:
            return
        import pyqtgraph as pg
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", translate("SchedulePlot", "epoch"))
        item.setLabel("left", "lr")
        item.showGrid(x=True, y=True, alpha=0.25)
        item.getAxis("left").enableAutoSIPrefix(False)     # 0.03, not "30 (x0.001)"
        for axis in ("bottom", "left"):
            item.getAxis(axis).setTextPen("#33475b")
            item.getAxis(axis).setPen("#9fb0c2")
        self.curve = self.plot.plot([], [], pen=pg.mkPen("#2e6fbf", width=2))
        self._layout.insertWidget(0, self.plot)
        self._redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.plot is None and not self._build_pending:
            self._build_pending = True
            QTimer.singleShot(BUILD_DELAY_MS, self.ensure_built)

    def _redraw(self) -> None:
        if self.curve is None:
            return
        self.curve.setData(self.epochs, self.values)
        self.plot.setVisible(bool(self.values))      # no empty axes beside the reason
        if self.values:
            top = max(self.values)
            room = top * 1.08 if top * 1.08 < math.inf else top     # 1.7e308 * 1.08 is inf
            self.plot.setYRange(0, room if top > 0 else 1, padding=0)
            self.plot.setXRange(0, max(1, self.epochs[-1]), padding=0.02)
