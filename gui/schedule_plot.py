"""A small plot of the learning rate over the epochs, from engine.optim.schedulers.preview_lrs.

pyqtgraph takes about half a second to import, so the plot is built a moment after the
widget is first shown: the window appears at once and the curve follows.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

BUILD_DELAY_MS = 120


def schedule_points(scheduler: dict, lr: float, epochs: int) -> list[float]:
    """Learning rate in force at each epoch (computed by the engine's scheduler code)."""
    from engine.optim.schedulers import preview_lrs
    return [float(v) for v in preview_lrs(scheduler, lr, max(1, int(epochs)))]


class SchedulePlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("schedule_plot")
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(150)
        self.plot = None
        self.curve = None
        self.values: list[float] = []
        self._config: tuple[dict, float, int] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel("", self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self._layout.addWidget(self.message)
        self._build_pending = False

    def set_schedule(self, scheduler: dict, lr: float, epochs: int) -> None:
        """Show the schedule; a config the engine refuses shows the reason instead."""
        self._config = (dict(scheduler), float(lr), int(epochs))
        try:
            self.values = schedule_points(*self._config)
            self.message.hide()
        except (ValueError, KeyError, TypeError, ImportError, AttributeError) as e:
            self.values = []
            self.message.setText(f"No preview: {e}")
            self.message.show()
        self._redraw()

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
        item.setLabel("bottom", "epoch")
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
        xs = list(range(len(self.values)))
        self.curve.setData(xs, self.values)
        if self.values:
            top = max(self.values)
            self.plot.setYRange(0, top * 1.08 if top > 0 else 1, padding=0)
            self.plot.setXRange(0, max(1, len(self.values) - 1), padding=0.02)
