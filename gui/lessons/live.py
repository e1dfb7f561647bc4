"""The run as a lesson's checks see it: an engine RunRecord fed from the window's training
session (its StepChunks: batch losses and the epochs that ended), started afresh by every
new run (Train after an edit, Reset weights, another network opened). An edit, or Reset
weights (which drops the run), makes the record empty at once: what the last run measured
is no claim about the edited network."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.lessons.record import RunRecord
from engine.graph.network import run_key
from gui.training.states import IDLE


class LiveRun(QObject):
    """``epochEnded`` after the epochs of a chunk are in the record; ``reset`` when the
    record starts again (a new run, or the network changed)."""

    epochEnded = Signal()
    reset = Signal()

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.record = RunRecord()
        self._run_key: str | None = None
        training = window.training
        training.runStarted.connect(self._on_run_started)
        training.session.chunkArrived.connect(self._on_chunk)
        training.session.stateChanged.connect(self._on_state)
        window.document.analysisChanged.connect(self._on_document_changed)
        window.document.networkReplaced.connect(self._start_again)

    @property
    def run_key(self) -> str | None:
        """The run_key of the network the record's run trains (None: no run)."""
        return self._run_key

    def _on_run_started(self, _info) -> None:
        self._start_again()
        self._run_key = run_key(self.window.document.to_dict())

    def _start_again(self) -> None:
        self.record = RunRecord()
        self._run_key = None
        self.reset.emit()

    def _on_state(self, state) -> None:
        if state == IDLE and self._run_key is not None:
            self._start_again()         # the run was dropped (Reset weights): no run now

    def _on_chunk(self, chunk) -> None:
        if self._run_key is None:
            return                      # a run from before the network changed
        self.record.add_steps(chunk.steps, chunk.epochs, chunk.losses)
        for event in chunk.epoch_ends:
            self.record.add_epoch(event)
        if chunk.epoch_ends:
            self.epochEnded.emit()

    def _on_document_changed(self) -> None:
        if self._run_key is not None and run_key(self.window.document.to_dict()) != \
                self._run_key:
            self._start_again()
