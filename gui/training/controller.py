"""The training controller: the Train / Pause / Step / Stop / Reset actions, the run's
state machine, the worker thread, and the wiring between the window and the dashboard.

States: idle (no run yet, or weights just reset) -> running <-> paused -> stopping ->
stopped (Train continues the same run) or finished (completed / diverged / failed: Train
starts a new run). While a run is active the document is locked: the canvas and the
inspectors refuse edits, and an edit that still happens (undo/redo) stops the run.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from engine.optim.schedulers import preview_lrs
from engine.training.process import TrainerProcess, warm_up
from gui.training.collector import GuiThreadCollector
from gui.training.previews import NodePreviews
from gui.training.run_setup import (RunInfo, TrainerFactory, graph_key, probe_request,
                                    model_weight, run_info, unavailable_views, weight_ndim)
from gui.training.states import (ACTIVE, FINISHED, IDLE, PAUSED, RUNNING, STOPPED, STOPPING,
                                 enable_actions, state_text)
from gui.training.worker import TrainingWorker

SHUTDOWN_WAIT_MS = 5000
DOCK_HEIGHT = 330
PROGRESS_EVERY_S = 0.25
MAX_PLAN_EPOCHS = 5000           # the planned schedule is drawn this far at most
FLUSH_POLL_MS, FLUSH_TRIES = 20, 250      # after Pause: look for the pause for up to 5 s
BUILD_DELAY_MS = 150            # the dashboard (pyqtgraph) is built just after the first paint


class TrainingController(QObject):
    stateChanged = Signal(str)
    runStarted = Signal(object)          # RunInfo
    _runRequested = Signal(int)          # to the worker thread (queued)

    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.state = IDLE
        self.trainer = None
        self.info: RunInfo | None = None
        self.run_id = 0
        self.seed_offset = 0
        self.selected: str | None = None
        self.last_finish = None               # the FinishedEvent of the last run
        self._factory = TrainerFactory()
        self._trainer_key: str | None = None
        self._after_run: list = []            # callbacks once the active run has ended
        self._target = None                   # (step, callback) for train_steps_then
        self._dashboard = None
        self.previews = NodePreviews(window.view)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_POLL_MS)
        self._flush_timer.timeout.connect(self._flush_paused)
        self._flush_tries = 0
        self._progress_at = 0.0
        self._start_thread()
        self._wire_actions()
        self._wire_document()
        QTimer.singleShot(BUILD_DELAY_MS, self, self._get_ready)         # dies with self

    # ---- set-up ----------------------------------------------------------------------------
    def _get_ready(self) -> None:
        """Just after the first paint: build the dashboard, start the training processes' server."""
        self.dashboard
        warm_up()

    def _start_thread(self) -> None:
        """The worker and its thread; the thread starts with the first run, so a window
        that never trains never has a thread to stop."""
        self.thread = QThread(self)
        self.thread.setObjectName("netwright-training")
        self.collector = GuiThreadCollector(self)
        self.worker = TrainingWorker()
        self.worker.moveToThread(self.thread)
        self._runRequested.connect(self.worker.run)
        self.worker.batchReady.connect(self._on_batch)
        self.worker.failed.connect(self._on_failed)
        self.worker.runEnded.connect(self._on_run_ended)
        self.thread.finished.connect(self.worker.deleteLater)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _wire_actions(self) -> None:
        a = self.actions = self.window.training_actions
        for key, slot in (("train", self.train), ("pause", self.pause), ("step", self.step),
                          ("stop", self.stop), ("reset", self.reset_weights)):
            a[key].triggered.connect(lambda _checked=False, slot=slot: slot())
        a["reset"].setShortcut(QKeySequence("Ctrl+R"))
        self.preview_action = QAction("Live &previews on nodes", self.window)
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.preview_action.setStatusTip("Show each node's output for the chosen sample under "
                                         "its card while training")
        self.preview_action.toggled.connect(self.set_previews)
        view_menu = getattr(self.window, "menus", {}).get("view")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.preview_action)
        self._update_actions()

    def _wire_document(self) -> None:
        doc = self.document
        doc.undo_stack.indexChanged.connect(self._on_edit)
        doc.networkReplaced.connect(self._on_network_replaced)
        doc.trainingChanged.connect(self._refresh_plan)
        doc.analysisChanged.connect(self._refresh_selection)
        view = self.window.view
        if hasattr(view, "selectionChanged"):
            view.selectionChanged.connect(self.set_selection)
        if hasattr(view, "statusMessage"):
            view.statusMessage.connect(lambda m: self.window.status.showMessage(m, 5000))

    @property
    def dashboard(self):
        """The dock content, built on first use (pyqtgraph loads then, not at start-up)."""
        if self._dashboard is None:
            from gui.training.dashboard import Dashboard
            d = self._dashboard = Dashboard(self.window)
            d.lrEdited.connect(self.set_lr)
            d.sampleChanged.connect(lambda _s: self._update_probes())
            d.needsChanged.connect(self._update_probes)
            d.sideBySideChanged.connect(self._resize_dock)
            self.window.set_training_widget(d)
            polish_now()
            self.window.training_dock.visibilityChanged.connect(
                lambda _v: self._update_probes())
            self.window.resizeDocks([self.window.training_dock], [DOCK_HEIGHT],
                                    Qt.Orientation.Vertical)
            self._refresh_plan()
            self.set_selection(self.window.view.scene().selected_node_ids()
                               if hasattr(self.window.view.scene(), "selected_node_ids") else [])
        return self._dashboard

    def _resize_dock(self, side_by_side: bool) -> None:
        """Side by side shows every view in two rows: give the dock most of the height."""
        height = int(self.window.height() * 0.6) if side_by_side else DOCK_HEIGHT
        self.window.resizeDocks([self.window.training_dock], [height], Qt.Orientation.Vertical)

    # ---- state ------------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        self.document.set_locked(state in ACTIVE)
        self._update_actions()
        self.window.set_training_state(self._state_text())
        if state != RUNNING and self._dashboard is not None:
            self._dashboard.redraw_visible()        # not training: no reason to wait
        self.stateChanged.emit(state)

    def _state_text(self) -> str:
        return state_text(self.state, self.trainer.step if self.trainer else None,
                          self.last_finish)

    def _update_actions(self) -> None:
        enable_actions(self.actions, self.state)

    # ---- actions ----------------------------------------------------------------------------
    def train(self, pause_after: int | None = None) -> bool:
        """Start, resume or continue; ``pause_after`` steps from now the run pauses."""
        if self.state in (RUNNING, STOPPING):
            return False
        if self.state == PAUSED:
            self.worker.resume()
            if pause_after is not None:
                self.worker.pause_at(self.trainer.step + pause_after)
            self._set_state(RUNNING)
            return True
        if not self._ensure_trainer():
            return False
        self._launch(pause_at=None if pause_after is None else self.trainer.step + pause_after)
        return True

    def pause(self) -> None:
        if self.state == RUNNING:
            self.worker.pause()
            self._set_state(PAUSED)
            self._flush_tries = FLUSH_TRIES
            self._flush_timer.start()

    def _flush_paused(self) -> None:
        """Until the trainer waits in its pause: then show every step it made."""
        self._flush_tries -= 1
        if self.state != PAUSED or self.worker.flush_paused() or self._flush_tries <= 0:
            self._flush_timer.stop()

    def step(self) -> None:
        """Train exactly one batch, then stay paused."""
        if self.state in (RUNNING, PAUSED):
            self.worker.step_once()
            self._set_state(PAUSED)
        elif self.state != STOPPING and self._ensure_trainer():
            self.worker.prepare(self.trainer)
            self.worker.step_once()
            self._launch(prepared=True, state=PAUSED)

    def stop(self) -> None:
        if self.state in (RUNNING, PAUSED):
            self.worker.stop()
            self._set_state(STOPPING)

    def reset_weights(self) -> None:
        """New random weights (the next seed); an active run is stopped first."""
        if self.state in ACTIVE:
            self._after_run.append(self._reset_now)
            self.stop()
        else:
            self._reset_now()

    def _reset_now(self) -> None:
        self.seed_offset += 1
        self._drop_trainer()
        self.previews.clear()
        self._set_state(IDLE)
        seed = self._base_seed() + self.seed_offset
        self.window.status.showMessage(f"Weights reset: the next run starts from new random "
                                       f"weights (seed {seed})", 5000)

    def set_lr(self, lr: float) -> None:
        if self.trainer is None:
            return
        try:
            self.trainer.set_lr(lr)
        except ValueError as e:
            self.dashboard.banner.show_message(str(e))
            return
        self.window.status.showMessage(f"Learning rate {lr:g} from the next step", 3000)

    def set_previews(self, on: bool) -> None:
        self.previews.set_enabled(on)
        if self.preview_action.isChecked() != on:
            self.preview_action.setChecked(on)
        self._update_probes()

    # ---- runs ---------------------------------------------------------------------------------
    def _base_seed(self) -> int:
        training = self.document.network.training or {}
        return int(training.get("seed", 0) or 0)

    def _ensure_trainer(self) -> bool:
        """A trainer to run: the stopped one if the network is unchanged, else a new run."""
        doc_dict = self.document.to_dict()
        key = graph_key(doc_dict)
        if self.trainer is not None and self.state == STOPPED and key == self._trainer_key:
            return True
        from gui.files import error_messages
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            trainer = self._factory.make(doc_dict, self.seed_offset)
        except Exception as e:    # noqa: BLE001 -- bad input of any kind: say why, never crash
            self._show_problem("Cannot train: " + "; ".join(error_messages(e)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._drop_trainer()
        self.trainer, self._trainer_key = TrainerProcess(trainer), key
        self.run_id += 1
        self.info = run_info(trainer, self.run_id)
        self._start_views(self.info)
        return True

    def _drop_trainer(self) -> None:
        """Forget the run and end its training process (no run is active)."""
        trainer, self.trainer = self.trainer, None
        if trainer is not None:
            trainer.close()

    def _start_views(self, info: RunInfo) -> None:
        d = self.dashboard
        d.start_run(info)
        d.set_lr(info.optimizer, info.lr)
        why = unavailable_views(info)
        d.set_data_views(why["boundary"], why["confusion"])
        self._refresh_selection()
        self.runStarted.emit(info)

    def _launch(self, pause_at: int | None = None, prepared: bool = False,
                state: str = RUNNING) -> None:
        if not prepared:
            self.worker.prepare(self.trainer)
        self.worker.pause_at(pause_at)
        self.last_finish = None
        self._update_probes()
        self._set_state(state)
        self.collector.start()
        if not self.thread.isRunning():
            self.thread.start()
        self._runRequested.emit(self.run_id)

    def _on_batch(self, batch) -> None:
        if batch.run != self.run_id:
            return
        d = self.dashboard
        d.add_batch(batch)
        if batch.probe is not None:
            self.previews.show(batch.probe.activations)
        if batch.diverged is not None:
            d.banner.show_message(batch.diverged.message)
            self.window.status.showMessage("Training diverged", 8000)
        if batch.finished is not None:
            self.last_finish = batch.finished
        target = self.worker.pause_step
        if self.state == RUNNING and target is not None and batch.last_step >= target:
            self._set_state(PAUSED)           # the worker paused at the asked step
        self._show_progress(batch)
        self._check_target(batch)

    def _show_progress(self, batch) -> None:
        info, t = self.info, self.trainer
        if info is None or t is None or not len(batch.steps):
            return
        now = time.monotonic()
        if self.state == RUNNING and now - self._progress_at < PROGRESS_EVERY_S:
            return                            # a label repaint per batch is wasted work
        self._progress_at = now
        epoch = batch.last_step / max(info.n_batches, 1)
        self.dashboard.progress.setText(
            f"run {info.run_id} (seed {info.seed}) · epoch {epoch:.1f} of {info.epochs} · "
            f"step {batch.last_step:,} · loss {batch.losses[-1]:.4g} · "
            f"{batch.examples_per_sec:,.0f} examples/s")

    def _on_failed(self, message: str) -> None:
        self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.dashboard.banner.show_message(message)
        self.window.status.showMessage(message.splitlines()[0][:160], 8000)

    def _on_run_ended(self, run_id: int) -> None:
        self.collector.stop()
        reason = self.last_finish.reason if self.last_finish is not None else "failed"
        self._set_state(STOPPED if reason == "stopped" else FINISHED)
        callbacks, self._after_run = self._after_run, []
        for callback in callbacks:
            callback()
        if self._target is not None:          # the run ended before the target step
            self._finish_target()

    # ---- --train-steps N ---------------------------------------------------------------------
    def train_steps_then(self, steps: int, callback) -> None:
        """Train ``steps`` batches with the live views, pause, then call ``callback()``."""
        self.dashboard
        if steps <= 0:
            QTimer.singleShot(0, callback)
            return
        self._target = None
        if not self.train(pause_after=steps):
            QTimer.singleShot(0, callback)
            return
        self._target = (self.worker.pause_step, callback)

    def _check_target(self, batch) -> None:
        if self._target is None or not batch.paused:
            return
        step, _ = self._target
        probe_step = batch.probe.step if batch.probe is not None else -1
        wants_probe = self.worker.probes is not None
        if batch.last_step >= step and not wants_probe or probe_step >= step:
            self._set_state(PAUSED)
            self._finish_target()

    def _finish_target(self) -> None:
        _, callback = self._target
        self._target = None
        self.dashboard.redraw_visible()
        QTimer.singleShot(100, callback)      # let the views paint the last data

    # ---- views following the document and the canvas -------------------------------------------
    def set_selection(self, node_ids: list) -> None:
        self.selected = node_ids[0] if node_ids else None
        self._refresh_selection()

    def _refresh_selection(self) -> None:
        if self._dashboard is None:
            return
        d, nid = self._dashboard, self.selected
        if nid is not None and not self.document.has_node(nid):
            nid = self.selected = None
        spec = self.document.spec(nid) if nid else None
        params = self.document.node(nid).get("params") if nid else None
        has_params = bool(nid and self.document.param_counts.get(nid, 0) > 0)
        ndim = weight_ndim(self.document.to_dict(), nid, self.trainer) if has_params else None
        d.set_layer_node(nid, spec, params, has_params, ndim)
        d.weights.show_model_weight(model_weight(self.trainer, self.document, nid))

    def _refresh_plan(self) -> None:
        if self._dashboard is None:
            return
        training = self.document.network.training or {}
        optimizer = training.get("optimizer") or {}
        try:
            epochs = min(int(training.get("epochs", 1)), MAX_PLAN_EPOCHS)
            lrs = preview_lrs(training.get("scheduler") or {"name": "none"},
                              float(optimizer["lr"]), epochs)
        except (KeyError, ValueError, TypeError):
            lrs = []
        self.dashboard.lr_view.set_plan(lrs)
        if self.state not in ACTIVE and "lr" in optimizer:
            self.dashboard.set_lr(str(optimizer.get("name", "adam")), float(optimizer["lr"]))

    def _update_probes(self) -> None:
        if self._dashboard is None:
            return
        d = self._dashboard
        request = probe_request(self.info if self.trainer is not None else None,
                                node=self.selected, node_views=d.needs_node_probe(),
                                previews=self.previews.enabled, grid_view=d.needs_grid(),
                                confusion_view=d.needs_confusion(), sample=d.sample_spin.value(),
                                surface_view=d.needs_surface())
        try:
            self.worker.set_probes(request)
        except ValueError as e:              # a request that does not fit: say so, probe less
            self._show_problem(str(e))

    def _on_edit(self, _index: int) -> None:
        """An edit reached the document although it is locked (undo/redo): stop the run."""
        if self.state in (RUNNING, PAUSED):
            self.stop()
            self.dashboard.banner.show_message(
                "The network changed, so training stopped. Press Train to start a new run "
                "on the edited network.", "info")
        self._refresh_plan()

    def _on_network_replaced(self) -> None:
        self.seed_offset = 0
        if self.state in ACTIVE:
            self._after_run.append(self._discard_run)
            self.stop()
        else:
            self._discard_run()
        self._refresh_plan()

    def _discard_run(self) -> None:
        self._drop_trainer()
        self.info = None
        self.previews.clear()
        if self._dashboard is not None:         # another network: its pictures are stale
            self._dashboard.set_data_views("Press Train to see this network's data views",
                                           "Press Train to see this network's data views")
        self._set_state(IDLE)

    # ---- closing ----------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the run, its process and the thread (bounded wait); safe to call twice."""
        if self.thread.isRunning():
            self.worker.stop()
            self.thread.quit()
            if not self.thread.wait(SHUTDOWN_WAIT_MS):
                if self.trainer is not None:
                    self.trainer.close()      # a step that never returns: end the child,
                self.thread.wait(SHUTDOWN_WAIT_MS)   # and the worker's run() with it
            self.collector.stop()
            self.document.set_locked(False)
        self._drop_trainer()


def polish_now() -> None:
    """Polish a freshly built widget tree at once. Qt posts one PolishRequest per new
    widget (~1,000 in the dashboard, most inside pyqtgraph's hidden plot menus); left in
    the queue they would be handled one by one while a run holds the GIL, each waiting
    for it, and the views would stay blank for seconds after Train."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.PolishRequest)
