"""The learning rate: the planned schedule (before training) and the rate each step used."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from engine.optim.schedulers import MAX_PREVIEW_POINTS, LrPreview, sample_epochs
from gui.i18n import translate
from gui.training.views.curves import CurvesView
from gui.training.views.runs import RunCurves

PLAN_PEN = pg.mkPen("#b8bfc7", width=3)     # solid: dashed lines are slow to paint
LIVE_PEN = pg.mkPen("#2ca02c", width=2)
TOP_MARGIN = 1.15                           # the highest rate sits below the top edge
STEPS_BEFORE_A_RUN = QT_TRANSLATE_NOOP(
    "LearningRateView",
    "The schedule is planned per epoch: it is drawn in steps once a run "
    "says how many steps an epoch has. Press Train, or show epochs",
)


class LearningRateView(CurvesView):
    def __init__(self, parent=None):
        self.idle_text = translate(
            "LearningRateView",
            "The learning-rate schedule appears here once the training section is valid",
        )
        super().__init__(
            self.idle_text,
            translate("LearningRateView", "Learning rate"),
            translate("LearningRateView", "learning rate"),
            parent,
        )
        self.plan = self.plot.plot([], [], pen=PLAN_PEN, stepMode="right")
        self.plan_epochs = np.zeros(0, dtype=np.int64)   # the sampled epochs of the plan
        self.plan_lrs = np.zeros(0)                      # their rates, up to an overflow
        self.plan_end_epoch = 0                          # where the plan's last step ends
        self.plan_note = ""                              # why the plan stops short
        self.live_note = ""                              # a rate the run used that was no number
        self.curves = RunCurves(
            self.plot_item,
            {"live": dict(pen=LIVE_PEN, name=translate("LearningRateView", "used by each step"))},
        )
        self.n_batches: int | None = None      # of the current run (None: no run yet)
        self.y_top: float | None = None
        self._show_key()

    def set_plan(self, plan) -> None:
        """The planned schedule: an LrPreview (engine.optim.schedulers.sample_lrs: a few
        hundred epochs at most, whatever the run's length) or the lr of every epoch. Drawn
        as steps, each rate until the next sampled epoch. A plan whose rate overflows is
        not drawn (a curve shooting to 1e308 says nothing true): the view says where."""
        if not isinstance(plan, LrPreview):
            plan = _preview_of(plan)
        drawn = plan.overflow_epoch is None
        self.plan_epochs = np.asarray(plan.epochs if drawn else (), dtype=np.int64)
        self.plan_lrs = np.asarray(plan.lrs if drawn else (), dtype=np.float64)
        self.plan_end_epoch = plan.total
        self.plan_note = _overflow_note(plan)
        self._draw_plan()
        self._fit_y()
        self.note_x(everywhere=True)

    def _draw_plan(self) -> None:
        lrs, scale = self.plan_lrs, self._plan_scale()
        if not len(lrs) or scale is None:
            self.plan.setData([], [])
        else:
            x = np.append(self.plan_epochs, self.plan_end_epoch).astype(np.float64)
            self.plan.setData(x * scale, np.append(lrs, lrs[-1]))
        self._show_key()
        self._show_what_there_is()

    def _show_what_there_is(self) -> None:
        if self.curves.has_data() or (len(self.plan_lrs) and self._plan_scale()):
            self.show_content()
        elif len(self.plan_lrs):
            self.show_empty(translate("LearningRateView", STEPS_BEFORE_A_RUN))
        elif self.plan_note:
            self.show_empty(
                translate("LearningRateView", "No planned schedule to draw: {why}").format(
                    why=self.plan_note
                )
            )
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
        self.live_note = ""
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
            steps, lrs = np.asarray(chunk.steps), np.asarray(chunk.lrs, dtype=np.float64)
            finite = np.isfinite(lrs)      # inf / NaN: no point (pyqtgraph cannot place it)
            if not finite.all() and not self.live_note:
                first = int(steps[~finite][0])
                self.live_note = translate(
                    "LearningRateView", "the rate of step {step} was {lr}"
                ).format(step=f"{first:,}", lr=f"{lrs[~finite][0]:g}")
                self._show_key()
            self.curves.append("live", (steps[finite] - 0.5) / (self.n_batches or 1),
                               lrs[finite])
            self.show_content()
            self.note_x()

    def draw(self) -> None:
        self.curves.redraw()
        self._fit_y()

    def _show_key(self) -> None:
        entries = [
            (PLAN_PEN.color().name(), translate("LearningRateView", "planned schedule"), False),
            *self.curves.key_entries(),
        ]
        note = " · ".join(n for n in (self.plan_note, self.live_note) if n)
        self.key.show_entries(entries, self.curves.old_labels, note=note)

    def apply_x_unit(self) -> None:
        self.curves.set_in_steps(self.x_unit == "step")
        self._draw_plan()

    def x_end(self) -> float | None:
        return self.curves.x_end()

    def plan_end(self) -> float | None:
        scale = self._plan_scale()
        return self.plan_end_epoch * scale if len(self.plan_lrs) and scale else None

    def clear_old_runs(self) -> None:
        self.curves.clear_old()
        self._show_key()
        self._show_what_there_is()
        self._fit_y()
        self.note_x(everywhere=True)


def _overflow_note(plan: LrPreview) -> str:
    if plan.overflow_epoch is None:
        return ""
    if plan.overflow_epoch == 0:
        return translate(
            "LearningRateView", "the learning rate {lr} is not a finite number"
        ).format(lr=f"{plan.lrs[0]:g}")
    return translate("LearningRateView", "the planned rate overflows at epoch {epoch}").format(
        epoch=f"{plan.overflow_epoch:,}"
    )


def _preview_of(lrs) -> LrPreview:
    """An LrPreview of the rate of every epoch (sampled when there are too many to draw)."""
    lrs = np.asarray(lrs, dtype=np.float64)
    epochs = sample_epochs(len(lrs), None, MAX_PREVIEW_POINTS)
    bad = np.flatnonzero(~np.isfinite(lrs))
    return LrPreview(tuple(epochs), tuple(lrs[epochs].tolist()), len(lrs),
                     int(bad[0]) if len(bad) else None)
