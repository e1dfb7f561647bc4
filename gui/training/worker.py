"""The training worker: a QObject living in a QThread that runs Trainer.run().

The window gives it a TrainerProcess (engine/trainer_process.py): the steps are computed in a
child process, so training and painting do not share one interpreter lock; the worker
thread pulls the events the child streams. (A plain Trainer works the same, in this thread.)

The trainer steps thousands of times a second; the window cannot redraw that often. So the
worker throttles at the source: it gathers step events into a compact UpdateBatch and emits
at most EMIT_HZ batches a second (at once when the run pauses or ends, so the views never
lag behind a paused trainer). Everything in a batch is a copy the worker owns, with the
trainer's per-layer gradient norms as of its last step.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from engine.training.messages import (DivergedEvent, EpochEvent, FinishedEvent, ProbeEvent, StepEvent)

EMIT_HZ = 30.0
YIELD_S = 0.001          # the GUI thread waits at most about this long for the GIL


@dataclass
class UpdateBatch:
    """What the views get, at most EMIT_HZ times a second (arrays are the batch's own)."""
    run: int                                   # which run (Train after Reset = a new run)
    steps: np.ndarray                          # (n,) step numbers
    losses: np.ndarray                         # (n,) batch losses
    lrs: np.ndarray                            # (n,) learning rate each step used
    epochs: list = field(default_factory=list)  # EpochEvents in order
    grad_norms: dict = field(default_factory=dict)   # node_id -> norm, at ``grad_step``
    grad_step: int = 0
    probe: ProbeEvent | None = None            # the latest probe, if one came
    diverged: DivergedEvent | None = None
    finished: FinishedEvent | None = None
    examples_per_sec: float = 0.0
    paused: bool = False                       # the trainer is pausing after this batch

    @property
    def last_step(self) -> int:
        return int(self.steps[-1]) if len(self.steps) else 0


class _Pending:
    """Events gathered since the last emit."""

    def __init__(self):
        self.steps: list[int] = []
        self.losses: list[float] = []
        self.lrs: list[float] = []
        self.epochs: list = []
        self.probe = self.diverged = self.finished = None
        self.rate = 0.0

    def add(self, event) -> None:
        if isinstance(event, StepEvent):
            self.steps.append(event.step)
            self.losses.append(event.loss)
            self.lrs.append(event.lr)
            self.rate = event.examples_per_sec
        elif isinstance(event, EpochEvent):
            self.epochs.append(event)
        elif isinstance(event, ProbeEvent):
            self.probe = event                 # only the newest one matters
        elif isinstance(event, DivergedEvent):
            self.diverged = event
        elif isinstance(event, FinishedEvent):
            self.finished = event

    def is_empty(self) -> bool:
        return not (self.steps or self.epochs or self.probe or self.diverged or self.finished)


class TrainingWorker(QObject):
    """``prepare(trainer)`` (GUI thread), then ``run(run_id)`` through a queued signal; run
    returns when the run ends.

    Controls (pause, step, stop, lr, probes) go straight to the Trainer, whose methods are
    thread-safe, so they work at once, even before the worker thread picks the run up.
    ``pause_at(step)`` makes the trainer pause itself after that step (used by
    --train-steps)."""
    batchReady = Signal(object)        # UpdateBatch
    failed = Signal(str)               # an unexpected error in the run: its message
    runEnded = Signal(int)             # run id; emitted last, after the final batch

    def __init__(self):
        super().__init__()
        self.trainer = None
        self._pause_at: int | None = None
        self._pause_requested = False
        self._probes = None
        self._pending = _Pending()
        self._pending_lock = threading.Lock()     # the GUI may flush while the run is paused
        self._run_id = 0
        self.want_grad_norms = True

    # ---- controls (any thread) -------------------------------------------------------------
    def prepare(self, trainer) -> None:
        """The trainer the next ``run`` drives (call before emitting the run signal)."""
        self.trainer = trainer
        self._pause_requested = False
        self._pause_at = None

    def stop(self) -> None:
        if self.trainer is not None:
            self.trainer.stop()

    def pause(self) -> None:
        self._pause_requested = True
        if self.trainer is not None:
            self.trainer.pause()

    def resume(self) -> None:
        self._pause_requested = False
        self.pause_at(None)
        if self.trainer is not None:
            self.trainer.resume()

    def step_once(self) -> None:
        self._pause_requested = True
        if self.trainer is not None:
            self.trainer.step_once()
            self.trainer.set_probes(self._probes)     # probe again after that step

    def set_probes(self, request) -> None:
        """What the visible views need (a ProbeRequest or None); ValueError if it does not
        fit the model (unknown node, sample out of range)."""
        self._probes = request
        if self.trainer is not None:
            self.trainer.set_probes(request)

    def pause_at(self, step: int | None) -> None:
        """The trainer pauses itself after ``step`` (and probes that step)."""
        self._pause_at = step
        if self.trainer is not None:
            self.trainer.pause_at(step)

    @property
    def pause_step(self) -> int | None:
        return self._pause_at

    @property
    def probes(self):
        """The probe request in force (None: no probes)."""
        return self._probes

    # ---- the loop (worker thread) -------------------------------------------------------------
    @Slot(int)
    def run(self, run_id: int) -> None:
        trainer = self.trainer
        if trainer is None:
            self.runEnded.emit(run_id)
            return
        trainer.set_probes(self._probes)
        self._run_id, last_emit = run_id, time.perf_counter()
        last_yield = last_emit
        try:
            for event in trainer.run():
                if time.perf_counter() - last_yield >= YIELD_S:
                    time.sleep(0)    # let a waiting GUI thread take the GIL now, not in 5 ms
                    last_yield = time.perf_counter()
                with self._pending_lock:
                    self._pending.add(event)
                    if isinstance(event, StepEvent) and self._reached_pause_step(event.step):
                        self._pause_requested = True          # the trainer pauses there
                    now = time.perf_counter()
                    if (now - last_emit >= 1.0 / EMIT_HZ
                            or self._pause_requested and trainer.caught_up
                            or self._pending.finished is not None):
                        self._emit_pending()
                        last_emit = now
        except Exception as e:       # noqa: BLE001 -- any failure becomes a message, not a crash
            traceback.print_exc()
            self.failed.emit(f"Training stopped because of an error: {e}")
        finally:
            with self._pending_lock:
                self._emit_pending()
                self.trainer = None
            self.runEnded.emit(run_id)

    def flush_paused(self) -> bool:
        """GUI thread: emit what a paused run gathered before it blocked (a pause can land
        between an event and the worker's check of the pause flag). True if the trainer is
        waiting in its pause, so nothing else can touch the model meanwhile."""
        with self._pending_lock:
            trainer = self.trainer
            if trainer is None or not trainer.wait_until_paused(0):
                return False
            self._emit_pending()
            return True

    def _reached_pause_step(self, step: int) -> bool:
        return self._pause_at is not None and step >= self._pause_at

    def _emit_pending(self) -> None:
        p, self._pending = self._pending, _Pending()
        if not p.is_empty():
            self._emit(p, self._run_id)

    def _emit(self, p: _Pending, run_id: int) -> None:
        norms = {}
        trainer = self.trainer
        if self.want_grad_norms and p.steps and p.diverged is None and trainer is not None:
            norms = trainer.grad_norms()
        self.batchReady.emit(UpdateBatch(
            run=run_id, steps=np.array(p.steps, dtype=np.int64),
            losses=np.array(p.losses, dtype=np.float64), lrs=np.array(p.lrs, dtype=np.float64),
            epochs=p.epochs, grad_norms=norms, grad_step=p.steps[-1] if p.steps else 0,
            probe=p.probe, diverged=p.diverged, finished=p.finished,
            examples_per_sec=p.rate, paused=self._pause_requested))
