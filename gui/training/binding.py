"""What ties the dashboard to the window: the node selected on the canvas, the probe request
of the visible views, the planned learning-rate schedule, and the run's messages."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject

from engine.optim.schedulers import sample_lrs
from gui.i18n import translate
from gui.training.run_setup import RunInfo, model_weight, node_info, probe_request
from gui.training.states import ACTIVE, FINISHED, IDLE, PAUSED, RUNNING, STOPPED
from gui.training.views.lr import LearningRateView
from gui.training.views.weights import WeightsView

PROGRESS_EVERY_S = 0.25


class DashboardBinding(QObject):
    def __init__(self, window, session, dashboard, previews):
        super().__init__(dashboard)
        self.window, self.document = window, window.document
        self.session, self.dashboard, self.previews = session, dashboard, previews
        self.info: RunInfo | None = None
        self.selected: str | None = None
        self._progress_at = 0.0
        self._last_chunk = None
        session.chunkArrived.connect(self._on_chunk)
        session.stateChanged.connect(lambda _state: self._show_progress(self._last_chunk))
        session.probeArrived.connect(self._on_probe)
        session.diverged.connect(lambda event: dashboard.banner.show_message(event.message))
        dashboard.sampleChanged.connect(lambda _s: self.update_probes())
        dashboard.needsChanged.connect(self.update_probes)
        window.training_dock.visibilityChanged.connect(lambda _v: self.update_probes())
        self.document.trainingChanged.connect(self.refresh_plan)
        self.document.analysisChanged.connect(self.refresh_selection)

    # ---- runs -----------------------------------------------------------------------------------
    def start_run(self, info: RunInfo | None) -> None:
        """A new run's views (None: no run, as after opening another network)."""
        self.info, self._last_chunk = info, None
        self.previews.clear()
        self.dashboard.start_run(info)
        if info is not None:
            self.dashboard.set_lr(info.optimizer, info.lr)
        self.dashboard.progress.setText(
            translate("TrainingBinding", "Press Train (F5) to start")
            if info is None
            else translate("TrainingBinding", "run {run} (seed {seed}) · starting…").format(
                run=info.run_id, seed=info.seed
            )
        )
        self.refresh_selection()

    def _on_chunk(self, chunk) -> None:
        self.dashboard.add_chunk(chunk)
        if len(chunk.steps):
            self._last_chunk = chunk
        self._show_progress(self._last_chunk)

    def _on_probe(self, probe) -> None:
        self.dashboard.show_probe(probe)
        nodes = probe.get("nodes")
        if nodes is not None:
            self.previews.show(nodes.activations)
        self.previews.show_units(probe.get("units"))
        self.previews.show_health(probe.get("health"))

    def _show_progress(self, chunk) -> None:
        """The run, its last step and what it does now (the status bar's word for it)."""
        info, state = self.info, self.session.state
        if state == IDLE and info is not None:         # weights reset: the run is gone
            self.dashboard.progress.setText(
                translate("TrainingBinding", "Press Train (F5) to start a new run")
            )
            return
        if info is None or chunk is None or not len(chunk.steps):
            return
        now = time.monotonic()
        if state == RUNNING and now - self._progress_at < PROGRESS_EVERY_S:
            return                            # a label repaint per chunk is wasted work
        self._progress_at = now
        self.dashboard.progress.setText(progress_text(info, chunk, state,
                                                      self.session.last_finish))

    # ---- the canvas selection and the probes ---------------------------------------------------
    def set_selection(self, node_ids: list) -> None:
        self.selected = node_ids[0] if node_ids else None
        self.refresh_selection()

    def refresh_selection(self) -> None:
        node = node_info(self.document, self.selected)
        if node is None:
            self.selected = None
        self.dashboard.follow_node(node)      # asks for probes again (needsChanged)
        weights = self.dashboard.view(WeightsView)
        weights.show_model_weight(model_weight(self.session.trainer, self.document,
                                               self.selected))

    def update_probes(self) -> None:
        node = node_info(self.document, self.selected)
        request = probe_request(self.info if self.session.trainer is not None else None,
                                self.dashboard.needs(self.info, node),
                                previews=self.previews.enabled,
                                sample=self.dashboard.sample_spin.value())
        try:
            self.session.set_probes(request)
        except ValueError as e:              # a request that does not fit: say so, probe less
            self.dashboard.banner.show_message(str(e))

    # ---- the planned schedule ---------------------------------------------------------------------
    def refresh_plan(self) -> None:
        training = self.document.network.training or {}
        optimizer = training.get("optimizer")
        optimizer = optimizer if isinstance(optimizer, dict) else {}   # else: the analysis says
        try:        # a few hundred points, whatever the epochs (2e9 cost what 400 do)
            plan = sample_lrs(training.get("scheduler") or {"name": "none"},
                              optimizer["lr"], training.get("epochs", 1))
        except (KeyError, ValueError, TypeError):
            plan = []
        self.dashboard.view(LearningRateView).set_plan(plan)
        if self.session.state not in ACTIVE:      # as stored: "abc" shows, marked invalid
            self.dashboard.set_lr(str(optimizer.get("name", "adam")), optimizer.get("lr"))


def progress_text(info: RunInfo, chunk, state, finish) -> str:
    """'run 1 (seed 0) · paused at step 1,500 · epoch 100.0 of 150 · loss 0.0140'."""
    epoch = chunk.last_step / max(info.n_batches, 1)
    where = translate("TrainingBinding", "step {step} · epoch {epoch} of {epochs}").format(
        step=f"{chunk.last_step:,}", epoch=f"{epoch:.1f}", epochs=info.epochs
    )
    loss = translate("TrainingBinding", "loss {loss}").format(loss=f"{chunk.losses[-1]:.4g}")
    run = translate("TrainingBinding", "run {run} (seed {seed})").format(
        run=info.run_id, seed=info.seed
    )
    if state in ACTIVE and state != PAUSED:            # running, stopping
        speed = translate("TrainingBinding", "{n} examples/s").format(
            n=f"{chunk.examples_per_sec:,.0f}"
        )
        return f"{run} · {where} · {loss} · {speed}"
    return f"{run} · {_state_words(state, finish)} {where} · {loss}"


def _state_words(state, finish) -> str:
    """How the run stands, in the words of the status bar (states.state_text)."""
    if state == FINISHED:
        reason = finish.reason if finish is not None else "failed"
        words = {
            "completed": translate("TrainingBinding", "finished at"),
            "stopped": translate("TrainingBinding", "stopped at"),
            "diverged": translate("TrainingBinding", "diverged after"),
        }
        return words.get(reason) or translate("TrainingBinding", "{reason} after").format(
            reason=reason
        )
    if state == PAUSED:
        return translate("TrainingBinding", "paused at")
    if state == STOPPED:
        return translate("TrainingBinding", "stopped at")
    return translate("TrainingBinding", "at")
