"""The learning rate: the planned schedule (before training) and the rate each step used."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.training.views.curves import CurvesView
from gui.training.views.runs import RunCurves

PLAN_PEN = pg.mkPen("#b8bfc7", width=3)     # solid: dashed lines are slow to paint
LIVE_PEN = pg.mkPen("#2ca02c", width=2)
MAX_PLAN_POINTS = 1000
TOP_MARGIN = 1.15                           # the highest rate sits below the top edge
STEPS_BEFORE_A_RUN = ("The schedule is planned per epoch: it is drawn in steps once a run "
                      "says how many steps an epoch has. Press Train, or show epochs")


class LearningRateView(CurvesView):
    def __init__(self, parent=None):
        self.idle_text = ("The learning-rate schedule appears here once the training "
                          "section is valid")
        super().__init__(self.idle_text, "Learning rate", "learning rate", parent)
        self.plan = self.plot.plot([], [], pen=PLAN_PEN, stepMode="right")
        self.plan_lrs = np.zeros(0)
        self.curves = RunCurves(self.plot_item,
                                {"live": dict(pen=LIVE_PEN, name="used by each step")})
        self.n_batches: int | None = None      # of the current run (None: no run yet)
        self.y_top: float | None = None
        self._show_key()

    def set_plan(self, lrs) -> None:
        """The lr in force in each epoch (engine.optim.schedulers.preview_lrs), drawn as steps
        (long plans: at most MAX_PLAN_POINTS samples, drawn as a line)."""
        self.plan_lrs = np.asarray(lrs, dtype=np.float64)
        self._draw_plan()
        self._fit_y()
        self.note_x(everywhere=True)

    def _draw_plan(self) -> None:
        lrs, scale = self.plan_lrs, self._plan_scale()
        if not len(lrs) or scale is None:
            self.plan.setData([], [])
        elif len(lrs) > MAX_PLAN_POINTS:
            x = np.linspace(0, len(lrs) - 1, MAX_PLAN_POINTS).round()
            self.plan.opts["stepMode"] = None
            self.plan.setData(x * scale, lrs[x.astype(int)])
        else:
            self.plan.opts["stepMode"] = "right"
            x = np.arange(len(lrs) + 1, dtype=np.float64)
            self.plan.setData(x * scale, np.append(lrs, lrs[-1]))
        self._show_key()
        self._show_what_there_is()

    def _show_what_there_is(self) -> None:
        if self.curves.has_data() or (len(self.plan_lrs) and self._plan_scale()):
            self.show_content()
        elif len(self.plan_lrs):
            self.show_empty(STEPS_BEFORE_A_RUN)
        else:
            self.show_empty(self.idle_text)

    def _plan_scale(self) -> float | None:
        """Epochs to the x unit; None when the plan cannot be drawn in it (steps, before a
        run tells how many batches an epoch has)."""
        if self.x_unit == "step" and self.n_batches is None:
            return None
        return self.x_scale(self.n_batches or 1)

    def _fit_y(self) -> None:
        """From 0 (a constant rate is a flat line, not noise around a centred value) to
        above the highest rate planned or used: a rate changed while training shows."""
        highs = [float(np.nanmax(c.series.y)) for c in self.curves.all_curves() if len(c)]
        if len(self.plan_lrs):
            highs.append(float(np.nanmax(self.plan_lrs)))
        highs = [h for h in highs if np.isfinite(h) and h > 0]
        top = TOP_MARGIN * max(highs) if highs else None
        if top is not None and top != self.y_top:
            self.y_top = top
            self.plot_item.setYRange(0, top, padding=0)

    def start_run(self, run) -> None:
        self.curves.new_run(run)
        if run is None:
            self.clear_old_runs()
            self.n_batches = None
        else:
            self.n_batches = max(1, int(run.n_batches))
        self._draw_plan()
        self.note_x(everywhere=True)

    def add_steps(self, chunk) -> None:
        if len(chunk.steps):
            # the lr of step s is in force during (s-1, s]: plot it in the middle, inside
            # the plan's step of its epoch even when an epoch is one batch
            self.curves.append("live", (chunk.steps - 0.5) / (self.n_batches or 1), chunk.lrs)
            self.show_content()
            self.note_x()

    def draw(self) -> None:
        self.curves.redraw()
        self._fit_y()

    def _show_key(self) -> None:
        entries = [(PLAN_PEN.color().name(), "planned schedule", False),
                   *self.curves.key_entries()]
        self.key.show_entries(entries, self.curves.old_labels)

    def apply_x_unit(self) -> None:
        self.curves.set_in_steps(self.x_unit == "step")
        self._draw_plan()

    def x_end(self) -> float | None:
        return self.curves.x_end()

    def plan_end(self) -> float | None:
        scale = self._plan_scale()
        return len(self.plan_lrs) * scale if len(self.plan_lrs) and scale else None

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
        self._show_key()
        self._show_what_there_is()
        self._fit_y()
        self.note_x(everywhere=True)
