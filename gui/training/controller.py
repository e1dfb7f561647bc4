"""The training controller: the Train / Pause / Step / Stop / Reset actions, which run they
act on, and the window's side of a run (the document locked while it is active, the status
bar, the dashboard built on first use).

The run itself is a RunSession (session.py: the training process, its state machine and its
messages); DashboardBinding (binding.py) ties the dashboard to the canvas selection, the
probes and the schedule. While a run is active the document is locked: the canvas and the
inspectors refuse edits, and an edit that still happens (undo/redo) stops the run.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from engine.graph.network import run_key
from engine.training.process import warm_up
from gui.i18n import translate
from gui.training.previews import NodePreviews
from gui.training.run_setup import TrainerFactory, run_info
from gui.training.session import RunSession
from gui.training.states import ACTIVE, PAUSED, RUNNING, STOPPED, enable_actions, state_text

LIVE_LR_STATES = (*ACTIVE, STOPPED)     # a run that goes on: a new rate is its next step's

DOCK_HEIGHT = 330
BUILD_DELAY_MS = 150            # the dashboard (pyqtgraph) is built just after the first paint


class TrainingController(QObject):
    stateChanged = Signal(str)
    runStarted = Signal(object)          # RunInfo

    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.session = RunSession(self)
        self.session.stateChanged.connect(self._on_state)
        self.session.pausedAt.connect(self._on_paused)
        self.session.ended.connect(self._on_ended)
        self.session.failed.connect(self._show_problem)
        self.session.forcedStop.connect(self._show_forced_stop)
        self.session.diverged.connect(
            lambda _e: self.window.status.showMessage(
                translate("TrainingController", "Training diverged"), 8000
            )
        )
        self.run_id = 0
        self.seed_offset = 0
        self._factory = TrainerFactory()
        self._trainer_key: str | None = None
        self._after_run: list = []            # callbacks once the active run has ended
        self._dashboard = self.binding = None
        self.previews = NodePreviews(window.view)
        self._wire_actions()
        self._wire_document()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        QTimer.singleShot(BUILD_DELAY_MS, self, self._get_ready)         # dies with self

    @property
    def state(self):
        return self.session.state

    @property
    def trainer(self):
        """The run's training process (None without a run)."""
        return self.session.process

    @property
    def info(self):
        return self.binding.info if self.binding is not None else None

    # ---- set-up ----------------------------------------------------------------------------
    def _get_ready(self) -> None:
        """Just after the first paint: build the dashboard, start the training processes' server."""
        self.dashboard
        warm_up()

    def _wire_actions(self) -> None:
        a = self.actions = self.window.training_actions
        for key, slot in (("train", self.train), ("pause", self.session.pause),
                          ("step", self.step), ("stop", self.session.stop),
                          ("reset", self.reset_weights)):
            a[key].triggered.connect(lambda _checked=False, slot=slot: slot())
        a["reset"].setShortcut(QKeySequence("Ctrl+R"))
        self.preview_action = QAction(
            translate("TrainingController", "Live &previews on nodes"), self.window
        )
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.preview_action.setStatusTip(
            translate(
                "TrainingController",
                "Show each node's output for the chosen sample under its card while training",
            )
        )
        self.preview_action.toggled.connect(self.set_previews)
        view_menu = getattr(self.window, "menus", {}).get("view")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.preview_action)
        enable_actions(self.actions, self.state)

    def _wire_document(self) -> None:
        doc = self.document
        doc.undo_stack.indexChanged.connect(self._on_edit)
        doc.networkReplaced.connect(self._on_network_replaced)
        doc.analysisChanged.connect(self._on_graph_changed)
        doc.trainingChanged.connect(self._on_training_changed)
        self._dataset_seen = self._dataset_name()
        view = self.window.view
        if hasattr(view, "selectionChanged"):
            view.selectionChanged.connect(self.set_selection)
        if hasattr(view, "statusMessage"):
            view.statusMessage.connect(lambda m: self.window.status.showMessage(m, 5000))

    @property
    def dashboard(self):
        """The dock content, built on first use (pyqtgraph loads then, not at start-up)."""
        if self._dashboard is None:
            from gui.training.binding import DashboardBinding
            from gui.training.dashboard import Dashboard
            d = self._dashboard = Dashboard(self.window)
            d.lrEdited.connect(self.set_lr)
            d.sideBySideChanged.connect(self._resize_dock)
            self.window.set_training_widget(d)
            self.binding = DashboardBinding(self.window, self.session, d, self.previews)
            self.window.resizeDocks([self.window.training_dock], [DOCK_HEIGHT],
                                    Qt.Orientation.Vertical)
            self.binding.refresh_plan()
            scene = self.window.view.scene()
            self.binding.set_selection(scene.selected_node_ids()
                                       if hasattr(scene, "selected_node_ids") else [])
        return self._dashboard

    def _resize_dock(self, side_by_side: bool) -> None:
        """Side by side shows each page's views in two rows: the dock grows to fit them."""
        height = (self.window.training_dock_height(self._dashboard.side_by_side_height())
                  if side_by_side else DOCK_HEIGHT)
        self.window.resizeDocks([self.window.training_dock], [height], Qt.Orientation.Vertical)

    # ---- state ------------------------------------------------------------------------------
    def _on_state(self, state) -> None:
        self.document.set_locked(state in ACTIVE)
        enable_actions(self.actions, state, self.session.can_continue)
        process = self.session.process
        self.window.set_training_state(state_text(state, process.step if process else None,
                                                  self.session.last_finish))
        if state != RUNNING and self._dashboard is not None:
            self._dashboard.redraw_visible()        # not training: no reason to wait
        self.stateChanged.emit(str(state))

    def _on_paused(self, step: int) -> None:
        """The process waits after ``step``. Pause and Step enter the paused state when
        asked, before that step is known: the status bar names the step it really waits at."""
        self.window.set_training_state(state_text(self.state, step, self.session.last_finish))

    # ---- actions ----------------------------------------------------------------------------
    def train(self, pause_after: int | None = None) -> bool:
        """Start, resume or continue; ``pause_after`` steps from now the run pauses."""
        return self._go(lambda: self.session.train(pause_after))

    def step(self) -> None:
        """Train exactly one batch, then stay paused."""
        self._go(self.session.step)

    def _go(self, start) -> bool:
        """``start()`` the run, a new one if there is none to go on with. The training
        process starts first: it forks while the views get ready for the run (the views
        read its messages only once this returns to the event loop)."""
        info = None
        if getattr(self, "_preparing", False):
            return False     # a Train pressed while the data loads (the loop runs events)
        if self.state not in ACTIVE:
            info = self._new_run_if_needed()
            if info is False:
                return False
        started = start()
        if info is not None:
            self.binding.start_run(info)
            self.runStarted.emit(info)
            for note in self._defaults_note():      # after start_run, which clears the banner
                self.dashboard.banner.show_message(note[:1].upper() + note[1:], "info")
        return started

    def pause(self) -> None:
        self.session.pause()

    def stop(self) -> None:
        self.session.stop()

    def reset_weights(self) -> None:
        """New random weights (the next seed); an active run is stopped first."""
        self._when_idle(self._reset_now)

    def _reset_now(self) -> None:
        self.seed_offset += 1
        self._drop_run()
        seed = self._base_seed() + self.seed_offset
        self.window.status.showMessage(
            translate(
                "TrainingController",
                "Weights reset: the next run starts from new random weights (seed {seed})",
            ).format(seed=seed),
            5000,
        )

    def set_lr(self, lr: float) -> None:
        """The rate of the run from its next step on; with no run to go on (none yet, or it
        finished), the next run's: the training settings take it (an undoable edit)."""
        if self.state not in LIVE_LR_STATES or self.session.process is None:
            self._set_file_lr(lr)
            return
        try:
            self.session.set_lr(lr)
        except ValueError as e:
            self.dashboard.banner.show_message(str(e))
            return
        self.window.status.showMessage(
            translate("TrainingController", "Learning rate {lr} from the next step").format(
                lr=f"{lr:g}"
            ),
            3000,
        )

    def _set_file_lr(self, lr: float) -> None:
        from gui.commands import SetTraining
        training = self.document.network.training or {}
        if (training.get("optimizer") or {}).get("lr") == lr:
            return
        self.document.undo_stack.push(SetTraining.for_field(self.document, "optimizer.lr", lr))
        self.window.status.showMessage(
            translate(
                "TrainingController",
                "Learning rate {lr} for the next run: set in the training settings "
                "(Ctrl+Z undoes it)",
            ).format(lr=f"{lr:g}"),
            5000,
        )

    def set_previews(self, on: bool) -> None:
        self.previews.set_enabled(on)
        if self.preview_action.isChecked() != on:
            self.preview_action.setChecked(on)
        if self.binding is not None:
            self.binding.update_probes()

    def set_selection(self, node_ids: list) -> None:
        if self._dashboard is not None:
            self.binding.set_selection(node_ids)

    # ---- runs ---------------------------------------------------------------------------------
    def _base_seed(self) -> int:
        training = self.document.network.training or {}
        return int(training.get("seed", 0) or 0)

    def _new_run_if_needed(self):
        """The stopped run goes on if the network is unchanged (None); else a new run is
        made (its RunInfo), or False if the network cannot train (the message is shown)."""
        doc_dict = self.document.to_dict()
        key = run_key(doc_dict)
        if self.session.can_continue and self.state == STOPPED and key == self._trainer_key:
            return None
        from gui.files import error_messages
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._prepare_data(doc_dict)
            trainer = self._factory.make(doc_dict, self.seed_offset,
                                         self.document.network.folder)
        except Exception as e:    # noqa: BLE001 -- bad input of any kind: say why, never crash
            why = "; ".join(self._defaults_note() + error_messages(e))
            self._show_problem(
                translate("TrainingController", "Cannot train: {why}").format(why=why)
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.session.adopt(trainer)
        self._trainer_key = key
        self.run_id += 1
        self.dashboard
        return run_info(trainer, self.run_id)

    def _prepare_data(self, doc_dict: dict) -> None:
        """Download (once, with a dialog that can cancel) and load the dataset off the GUI
        thread, so a big set never freezes the window; make() then finds it loaded."""
        from gui.dataset_download import download_dataset, run_in_background, \
            section_needs_download
        folder = self.document.network.folder
        section = (self.document.network.training or {}).get("dataset")
        self._preparing = True
        try:
            if section_needs_download(section):
                download_dataset(self.window, section)
            if self._factory.needs_load(doc_dict, folder):
                name = (
                    section.get("name")
                    if isinstance(section, dict)
                    else translate("TrainingController", "the dataset")
                )
                loading = translate("TrainingController", "Loading {name}...")
                run_in_background(
                    self.window,
                    loading.format(name=name),
                    lambda _report: self._factory.load_data(doc_dict, folder),
                )
        finally:
            self._preparing = False

    def _defaults_note(self) -> list[str]:
        """A file without a training section trains on the defaults: the words that say
        which (with the run, or before the problems they cause); [] for any other file."""
        from engine.graph.network import default_training_note
        return [] if self.document.network.has_training else [default_training_note()]

    def _drop_run(self) -> None:
        self.session.drop()
        self.previews.clear()

    def _when_idle(self, callback) -> None:
        """Call ``callback`` now, or once the active run has stopped."""
        if self.state in ACTIVE:
            self._after_run.append(callback)
            self.session.stop()
        else:
            callback()

    def _on_ended(self, _finished) -> None:
        callbacks, self._after_run = self._after_run, []
        for callback in callbacks:
            callback()

    def _show_forced_stop(self, message: str) -> None:
        self.dashboard.banner.show_message(message, "info")
        self.window.status.showMessage(message, 15000)

    def _show_problem(self, message: str) -> None:
        self.dashboard.banner.show_message(message)
        self.window.status.showMessage(message.splitlines()[0][:160], 8000)

    # ---- the document --------------------------------------------------------------------------
    def _on_edit(self, _index: int) -> None:
        """An edit reached the document although it is locked (undo/redo): stop the run."""
        if self.state in (RUNNING, PAUSED):
            self.session.stop()
            self.dashboard.banner.show_message(
                translate(
                    "TrainingController",
                    "The network changed, so training stopped. Press Train to start a new "
                    "run on the edited network.",
                ),
                "info",
            )

    def _on_graph_changed(self) -> None:
        """The graph was edited (the document is locked while a run is active): the cards'
        previews show what the last run's network computed, not this one's."""
        if self.state not in ACTIVE:
            self.previews.clear()
        self._note_download()

    def _note_download(self) -> None:
        """A dataset not downloaded yet is no error: the analysis never downloads, Train
        does. The status bar says so (information only: Train stays enabled)."""
        from gui.dataset_download import section_needs_download
        section = (self.document.network.training or {}).get("dataset")
        missing = section_needs_download(section)
        if missing:
            self.window.status.showMessage(
                translate(
                    "TrainingController",
                    "{name} is not downloaded yet: press Train to download it ({mb} MB, once)",
                ).format(name=section['name'], mb=f"{missing / 1e6:.0f}"),
                15000,
            )

    def _dataset_name(self):
        section = (self.document.network.training or {}).get("dataset")
        return section.get("name") if isinstance(section, dict) else None

    def _on_training_changed(self) -> None:
        """Choosing MNIST (or Fashion-MNIST) downloads it at once if it is not cached; after
        this edit's handlers: the download runs a local event loop."""
        name, seen = self._dataset_name(), self._dataset_seen
        self._dataset_seen = name
        if name != seen and self.state not in ACTIVE:
            self._download_wanted = True     # unless this was a whole network replaced
            QTimer.singleShot(0, self._download_chosen)

    def _download_chosen(self) -> None:
        from gui.dataset_download import download_dataset, section_needs_download
        section = (self.document.network.training or {}).get("dataset")
        wanted, self._download_wanted = getattr(self, "_download_wanted", False), False
        if not wanted or getattr(self, "_preparing", False) or \
                not section_needs_download(section):
            return
        self._preparing = True
        try:
            download_dataset(self.window, section)
        except Exception as e:  # noqa: BLE001 -- offline or cancelled: say so, never crash
            self._show_problem(str(e))
        finally:
            self._preparing = False

    def _on_network_replaced(self) -> None:
        # Opening a file downloads nothing (the views may report a training change first).
        self._dataset_seen, self._download_wanted = self._dataset_name(), False
        self.seed_offset = 0
        self._when_idle(self._discard_run)
        if self.binding is not None:
            self.binding.refresh_plan()

    def _discard_run(self) -> None:
        self._drop_run()
        if self.binding is not None:         # another network: its pictures are stale
            self.binding.start_run(None)

    # ---- closing ----------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """End the run and its process; safe to call twice."""
        self.session.drop()
        self.document.set_locked(False)
