"""The learning rate: the planned schedule (before training) and the rate each step used."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.training.views.base import LiveView, make_plot
from gui.training.views.runs import RunCurves

PLAN_PEN = pg.mkPen("#b8bfc7", width=3)     # solid: dashed lines are slow to paint
LIVE_PEN = pg.mkPen("#2ca02c", width=2)
MAX_PLAN_POINTS = 1000


class LearningRateView(LiveView):
    page = "Curves"

    def __init__(self, parent=None):
        super().__init__("The learning-rate schedule appears here once the training section "
                         "is valid", parent)
        self.plot = make_plot("Learning rate", "epoch", "learning rate")
        self.plot.addLegend(offset=(-10, 10))
        self.plan = self.plot.plot([], [], pen=PLAN_PEN, name="planned schedule",
                                   stepMode="right")
        self.curves = RunCurves(self.plot.getPlotItem(),
                                {"live": dict(pen=LIVE_PEN, name="used by each step")})
        self.set_content(self.plot)
        self.n_batches = 1

    def set_plan(self, lrs) -> None:
        """The lr in force in each epoch (engine.optim.schedulers.preview_lrs), drawn as steps
        (long plans: at most MAX_PLAN_POINTS samples, drawn as a line)."""
        lrs = np.asarray(lrs, dtype=np.float64)
        if not len(lrs):
            self.plan.setData([], [])
            return
        if len(lrs) > MAX_PLAN_POINTS:
            x = np.linspace(0, len(lrs) - 1, MAX_PLAN_POINTS).round()
            self.plan.opts["stepMode"] = None
            self.plan.setData(x, lrs[x.astype(int)])
        else:
            self.plan.opts["stepMode"] = "right"
            x = np.arange(len(lrs) + 1, dtype=np.float64)
            self.plan.setData(x, np.append(lrs, lrs[-1]))
        # from 0: a constant rate is a flat line, not noise around a centred value
        self.plot.getPlotItem().setYRange(0, 1.15 * float(lrs.max()), padding=0)
        self.show_content()

    def start_run(self, run) -> None:
        self.curves.new_run()
        if run is None:
            self.clear_old_runs()
            return
        self.n_batches = max(1, int(run.n_batches))

    def add_steps(self, chunk) -> None:
        if len(chunk.steps):
            # the lr of step s is in force during (s-1, s]: plot it at the step's start
            self.curves.append("live", (chunk.steps - 1) / self.n_batches, chunk.lrs)
            self.show_content()

    def redraw(self) -> None:
        self.curves.redraw()

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
