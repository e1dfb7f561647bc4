"""A race's training processes, one per racer, read on the GUI thread.

Each racer's pipe is watched by its own QSocketNotifier (as gui/training/session.py does for one
run): the window is woken when a message waits and ``receive()`` never blocks, so four racers
cost the GUI thread only the handling of what they send (each throttles at its source).
Pause, Resume and Stop go to every racer; ``close()`` ends and joins every child.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from engine.training.messages import Ended, Failed, StepChunk
from engine.training.process import TrainingProcess
from engine.training.race import PathPoints, RaceTrainer

RUNNING, PAUSED, ENDED = "running", "paused", "ended"
# Up to four racers share two cores with the window: a lower priority for them lets the window
# have a core as soon as it wakes (measured on spiral with 4 racers: a 10 ms timer in the window
# was late by 27-43 ms at worst instead of 68-100 ms).
RACER_NICENESS = 10
FLUSH_MS = 20             # controls a full pipe did not take are tried again this often


class RaceSession(QObject):
    chunkArrived = Signal(int, object)       # racer index, StepChunk
    pathArrived = Signal(int, object)        # racer index, PathPoints
    racerEnded = Signal(int, object)         # racer index, FinishedEvent or None (failed)
    racerFailed = Signal(int, str)
    stateChanged = Signal(str)               # RUNNING, PAUSED or ENDED

    def __init__(self, parent=None):
        super().__init__(parent)
        self.processes: list[TrainingProcess] = []
        self._notifiers: list[QSocketNotifier | None] = []
        self.done: list[bool] = []
        self.state = ENDED

    def start(self, networks: list[dict], seed: int, dataset) -> None:
        """Build every racer (the engine's errors name a bad one), then start them all."""
        trainers = [RaceTrainer(n, seed=seed, dataset=dataset) for n in networks]
        self.close()
        self.processes = [TrainingProcess(t) for t in trainers]
        self.done = [False] * len(trainers)
        self._notifiers = []
        for i, process in enumerate(self.processes):
            process.run()
            _lower_priority(process.child_pid)
            notifier = QSocketNotifier(process.fileno(), QSocketNotifier.Type.Read, self)
            notifier.activated.connect(lambda *_, i=i: self.read(i))
            self._notifiers.append(notifier)
        self._set_state(RUNNING)

    def pause(self) -> None:
        self._each_running(TrainingProcess.pause)
        self._set_state(PAUSED)

    def resume(self) -> None:
        self._each_running(TrainingProcess.resume)
        self._set_state(RUNNING)

    def stop(self) -> None:
        self._each_running(TrainingProcess.stop)

    def _each_running(self, control) -> None:
        for process, done in zip(self.processes, self.done):
            if not done:
                control(process)
        self._flush()

    def _flush(self) -> None:
        """Controls wait in a racer's process object while its pipe is full (it never blocks
        the window): hand them on when there is room."""
        waiting = [p for p in self.processes if getattr(p, "wants_write", False)]
        for process in waiting:
            process.flush()
        if any(p.wants_write for p in waiting):
            QTimer.singleShot(FLUSH_MS, self, self._flush)

    def read(self, i: int) -> None:
        """Hand on every message racer ``i`` has sent (its notifier calls this)."""
        process = self.processes[i]
        for message in process.receive():
            if isinstance(message, StepChunk):
                self.chunkArrived.emit(i, message)
            elif isinstance(message, PathPoints):
                self.pathArrived.emit(i, message)
            elif isinstance(message, Ended):
                self._racer_done(i, message.finished)
            elif isinstance(message, Failed):
                self.racerFailed.emit(i, message.text)
                self._racer_done(i, None)
        if process.fileno() is None:
            self._unwatch(i)

    def _racer_done(self, i: int, finished) -> None:
        self.done[i] = True
        self._unwatch(i)
        self.racerEnded.emit(i, finished)
        if all(self.done):
            self._set_state(ENDED)

    def _unwatch(self, i: int) -> None:
        notifier = self._notifiers[i]
        if notifier is not None:       # before its pipe closes: Qt warns otherwise
            notifier.setEnabled(False)
            notifier.deleteLater()
            self._notifiers[i] = None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def close(self) -> None:
        """End every racer's process and join it (safe to call twice)."""
        for i in range(len(self._notifiers)):
            self._unwatch(i)
        for process in self.processes:
            process.close()
        self.processes, self._notifiers = [], []
        if self.state != ENDED:
            self._set_state(ENDED)


def _lower_priority(pid: int | None) -> None:
    """Nice the racer (where the system allows: not on Windows)."""
    if pid is None or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, pid, RACER_NICENESS)
    except OSError:
        pass                          # not allowed here: the race still runs
