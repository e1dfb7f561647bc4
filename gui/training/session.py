"""The run session: one run's training process, its state (states.py) and its messages.

The window reads the training process's pipe on the GUI thread: a QSocketNotifier wakes
the event loop when a message is waiting, and ``receive()`` takes every waiting message
without blocking. The process throttles at the source (at most ~30 step chunks a second),
so no relay thread sits in between. Each message becomes one signal; the session itself
holds no widgets and can be tested with a bare QCoreApplication.

Why a notifier and not a timer that drains the pipe: measured on the spiral example (about
4,300 steps a second either way), a pause was answered in 1-6 ms (median) with the notifier
against 9-10 ms with a 15 ms timer, the GUI thread used 1.3-1.6 % of a core against
1.5-2.0 %, and a timer wakes an idle window for nothing. On Windows a multiprocessing pipe is
not a socket, so there the timer drains it (``POLL_MS``).

The window never blocks on the pipe: controls the pipe has no room for wait in the process's
outbox, and a second notifier, enabled only while they wait, writes them when it has room (a
window blocked writing while the process was blocked writing a big probe was a deadlock).
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from engine.training.messages import (DivergedEvent, Ended, Failed, Paused, ProbeEvent,
                                      StepChunk)
from engine.training.process import TrainingProcess
from gui.i18n import translate
from gui.training.states import ACTIVE, IDLE, RunState, next_state

# Without sockets (Windows pipes): drain the pipe this often instead of being woken up.
POLL_MS = 15 if sys.platform == "win32" else None
# Stop waits this long for the process's answer (it answers between two steps, within
# milliseconds), then ends it: a frozen process left the window stopping for ever.
STOP_TIMEOUT_S = 3.0


class RunSession(QObject):
    stateChanged = Signal(object)        # RunState
    chunkArrived = Signal(object)        # StepChunk
    probeArrived = Signal(object)        # ProbeEvent
    diverged = Signal(object)            # DivergedEvent (the run then ends)
    pausedAt = Signal(int)               # the run waits after this step (a current Paused)
    ended = Signal(object)               # FinishedEvent, or None when the run failed
    failed = Signal(str)                 # why the run could not go on
    forcedStop = Signal(str)             # Stop was not answered, the process was ended: why

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state: RunState = IDLE
        self.process: TrainingProcess | None = None
        self.last_finish = None          # the FinishedEvent of the last run that ended
        self.pause_step: int | None = None
        self._notifier: QSocketNotifier | QTimer | None = None
        self._writer: QSocketNotifier | None = None     # enabled while controls wait
        self.poll_ms = POLL_MS
        self._stop_timer = QTimer(self, singleShot=True)
        self._stop_timer.timeout.connect(self._stop_timed_out)

    # ---- the run ----------------------------------------------------------------------------
    @property
    def trainer(self):
        """The parent's Trainer of the run: its data, settings, and the weights of the last
        pause or end (None without a run)."""
        return self.process.trainer if self.process is not None else None

    def adopt(self, trainer) -> None:
        """A new run of ``trainer`` (not started); the previous run is dropped."""
        self.drop()
        self.process = TrainingProcess(trainer)

    def drop(self) -> None:
        """Forget the run and end its process (call when no run is active)."""
        process, self.process = self.process, None
        self._watch(None)
        if process is not None:
            process.close()
        self.pause_step = None
        self._move("reset")

    # ---- what the user asks -----------------------------------------------------------------
    def train(self, pause_after: int | None = None) -> bool:
        """Start, resume or continue; ``pause_after`` steps from now the run pauses."""
        process, state = self.process, self.state
        if process is None or not self._move("train"):
            return False
        self.last_finish = None
        self.pause_step = None if pause_after is None else process.step + pause_after
        process.pause_at(self.pause_step)
        if state == RunState.PAUSED:
            process.resume()
        else:
            self._start(process)
        self._watch_writes()
        return True

    def step(self) -> bool:
        """Train exactly one batch, then stay paused."""
        process, state = self.process, self.state
        if process is None or not self._move("step"):
            return False
        process.step_once()
        if state not in ACTIVE:
            self.last_finish = None
            self._start(process)
        self._watch_writes()
        return True

    def pause(self) -> None:
        if self._move("pause"):
            self.process.pause()
            self._watch_writes()

    def stop(self) -> None:
        if self._move("stop"):
            self.process.stop()
            self._watch_writes()
            self._stop_timer.start(round(STOP_TIMEOUT_S * 1000))

    def _stop_timed_out(self) -> None:
        """Stop was not answered in time: end the process; the run is stopped where its
        last weights came from, and a new run needs a new process."""
        process = self.process
        if self.state != RunState.STOPPING or process is None:
            return
        self.read()                          # an answer that is waiting counts
        if self.state != RunState.STOPPING or process is not self.process:
            return
        self._watch(None)                    # before its pipe closes
        process.end()
        self.pause_step = self.last_finish = None
        self._move("stopped")
        self.forcedStop.emit(forced_stop_text(STOP_TIMEOUT_S, process.model_step))
        self.ended.emit(None)

    @property
    def can_continue(self) -> bool:
        """A stopped run's process can go on (False once it was ended)."""
        return self.process is not None and not self.process.closed

    def set_lr(self, lr: float) -> None:
        """ValueError for a bad rate; without a run there is nothing to change."""
        if self.process is not None:
            self.process.set_lr(lr)
            self._watch_writes()

    def set_probes(self, request) -> None:
        """ValueError if the request does not fit the run."""
        if self.process is not None:
            self.process.set_probes(request)
            self._watch_writes()

    def _start(self, process: TrainingProcess) -> None:
        process.run()
        self._watch(process)

    def _move(self, event: str) -> bool:
        state = next_state(self.state, event)
        if state is None:
            return False
        changed, self.state = state != self.state, state
        if state != RunState.STOPPING:
            self._stop_timer.stop()
        if changed:
            self.stateChanged.emit(state)
        return True

    # ---- what the process says ----------------------------------------------------------------
    def _watch(self, process: TrainingProcess | None) -> None:
        """Read ``process``'s messages as they come (None: stop reading)."""
        if self._notifier is not None:        # before its pipe closes: Qt warns otherwise
            if isinstance(self._notifier, QSocketNotifier):
                self._notifier.setEnabled(False)
            else:
                self._notifier.stop()
            self._notifier.deleteLater()
            self._notifier = None
        self._stop_writing()
        fd = process.fileno() if process is not None else None
        if fd is None:
            return
        if self.poll_ms is None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.read)
        else:
            self._notifier = QTimer(self)
            self._notifier.timeout.connect(self.read)
            self._notifier.start(self.poll_ms)

    def read(self) -> None:
        """Take and hand on every message waiting now (the notifier calls it)."""
        process = self.process
        if process is None:
            return
        for message in process.receive():
            if process is not self.process:
                return                         # a handler dropped the run
            self._dispatch(message)
        if process.fileno() is None:
            self._watch(None)                  # the process is gone: nothing more to read
        else:
            self._watch_writes()               # reading wrote what the pipe took

    def _watch_writes(self) -> None:
        """Have the controls that wait for room in the pipe written when it has some."""
        process = self.process
        fd = process.fileno() if process is not None else None
        wanted = fd is not None and process.wants_write and self.poll_ms is None
        if wanted and self._writer is None:
            self._writer = QSocketNotifier(fd, QSocketNotifier.Type.Write, self)
            self._writer.activated.connect(self._write)
        if self._writer is not None:
            self._writer.setEnabled(wanted)   # a pipe with room would wake it without end

    def _write(self) -> None:
        if self.process is not None:
            self.process.flush()
        self._watch_writes()

    def _stop_writing(self) -> None:
        if self._writer is not None:          # before its pipe closes: Qt warns otherwise
            self._writer.setEnabled(False)
            self._writer.deleteLater()
            self._writer = None

    def _dispatch(self, message) -> None:
        if isinstance(message, StepChunk):
            self.chunkArrived.emit(message)
        elif isinstance(message, ProbeEvent):
            self.probeArrived.emit(message)
        elif isinstance(message, DivergedEvent):
            self.diverged.emit(message)
        elif isinstance(message, Paused):
            if self.process.is_current(message) and self._move("paused"):
                self.pausedAt.emit(message.step)
        elif isinstance(message, Ended):
            self.last_finish = message.finished
            self._move("stopped" if message.finished.reason == "stopped" else "ended")
            self.ended.emit(message.finished)
        elif isinstance(message, Failed):
            self.last_finish = None
            self._move("failed")
            self.failed.emit(message.text)
            self.ended.emit(None)


def forced_stop_text(timeout_s: float, model_step: int) -> str:
    """What the user is told when Stop had to end the training process."""
    if model_step:
        return translate(
            "TrainingSession",
            "The training process did not stop within {s} s and was "
            "ended; the weights of step {step}, the last it sent, are kept. Train starts a "
            "new run.",
        ).format(s=f"{timeout_s:g}", step=f"{model_step:,}")
    return translate(
        "TrainingSession",
        "The training process did not stop within {s} s and was ended; "
        "it had sent no weights, so the run keeps its starting weights. Train starts a new "
        "run.",
    ).format(s=f"{timeout_s:g}")
