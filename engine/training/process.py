"""A Trainer whose steps run in a child process, with the Trainer's controls and events.

Why a process: Python threads share one interpreter lock. A training thread and a window's
GUI thread took it from each other hundreds of times a second, and the run's second BLAS
thread fought the window for the other core: on 2 cores the window trained at ~0.8 of the
headless speed (each cause alone ~0.8 too). A child process with its own interpreter and one
BLAS thread trains at ~0.96 of it (benchmarks/gui_training.py).

    proc = TrainerProcess(Trainer(network))    # the local Trainer: data, model, settings
    for event in proc.run():                   # the same events, computed in the child
        ...
    proc.close()

The child builds a Trainer of the same class from the same network, seed and dataset, so it
starts from the same weights, and serves one run() after another until closed (Stop, then
run() again, continues where the run stopped, as with a Trainer). Controls go to the child
as messages, in order; those given before the child starts are sent when it does. The local
Trainer takes over the child's state (weights, optimizer, position, history) whenever the
child waits in a pause or ends a run, so reading ``model`` then shows the trained weights.

The child sends step events in chunks, at most CHUNK_HZ a second, at once when it pauses or
the run ends; a step is a plain tuple on the wire (pickling dataclasses costs ~1 % of a fast run).
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
import traceback

from threadpoolctl import threadpool_limits

from engine.errors import TrainingError
from engine.training.messages import FinishedEvent, StepEvent
from engine.training.trainer import Trainer

CHUNK_HZ = 60.0
BLAS_THREADS = 1
PAUSE_POLL_S = 0.01        # a paused child looks this often for steps and probes to report
CLOSE_WAIT_S = 2.0
_HAS_FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()
_SHARED = frozenset({"network", "config", "seed", "dataset", "model", "task", "n_batches",
                     "epochs", "epoch", "batch_size", "history", "final_metrics"})


def _context():
    """Children fork from a small server process that has already imported the engine (fast
    starts, and no fork of a process with GUI threads); where there is none (Windows), they
    start afresh."""
    if not _HAS_FORKSERVER:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def warm_up() -> None:
    """Start the server that children fork from, so a first run does not wait ~0.3 s for it."""
    _context()
    if _HAS_FORKSERVER:
        from multiprocessing import forkserver
        forkserver.ensure_running()


class TrainerProcess:
    def __init__(self, trainer: Trainer):
        self.local = trainer
        self._conn = self._process = None
        self._send_lock = threading.Lock()
        self._queued: list[tuple] = []         # controls given before the child started
        self._blocked = threading.Event()
        self._norms: dict = {}
        self._step, self._lr = trainer.step, trainer.lr
        self._go = 0                           # resumes and single steps asked for so far
        self.caught_up = True                  # as Trainer.caught_up: the chunk's last event
        self._in_run = self._closed = False

    def __getattr__(self, name):
        """The run's data, model and settings are the local Trainer's."""
        if name in _SHARED:
            return getattr(self.local, name)
        raise AttributeError(name)

    @property
    def step(self) -> int:
        return self._step

    @property
    def lr(self) -> float:
        return self._lr

    @property
    def model_step(self) -> int:
        """The step whose weights ``model`` holds: the last pause or end of a run."""
        return self.local.step

    def grad_norms(self) -> dict:
        """As Trainer.grad_norms, as of the last chunk of events the child sent."""
        return dict(self._norms)

    # ---- controls (any thread) ----------------------------------------------------------------
    def pause(self) -> None:
        self._control("pause")

    def resume(self) -> None:
        self._go_on("resume")

    def stop(self) -> None:
        self._control("stop")

    def step_once(self) -> None:
        self._go_on("step_once")

    def pause_at(self, step: int | None) -> None:
        self._control("pause_at", step)

    def set_lr(self, lr: float) -> None:
        self.local.set_lr(lr)                  # ValueError for a bad rate, here and now
        self._control("set_lr", float(lr))

    def set_probes(self, request) -> None:
        self.local.set_probes(request)         # ValueError if it does not fit the model
        self._control("set_probes", request)

    def wait_until_paused(self, timeout: float | None = None) -> bool:
        """True once the child waits in a pause and the local Trainer holds its state."""
        return self._blocked.wait(timeout)

    def _go_on(self, name: str) -> None:
        """A pause the child reports from before this is over already: it is numbered."""
        with self._send_lock:
            self._go += 1
            go = self._go
            self._blocked.clear()
        self._control(name, go)

    def _control(self, *message) -> None:
        with self._send_lock:
            if self._conn is None:
                self._queued.append(message)
                return
            try:
                self._conn.send(message)
            except OSError:
                pass                           # the child is gone: run() says so

    # ---- the run (one thread) -----------------------------------------------------------------
    def run(self):
        """Generator of the child's events until its run ends (as Trainer.run)."""
        if self._in_run:
            raise RuntimeError("this Trainer is already running")
        self._in_run, ended = True, False
        try:
            self._start_child()
            self._control("run")
            while not ended:
                kind, body = self._receive()
                if kind == "events":
                    events, self._norms = body
                    yield from self._decode(events)
                elif kind == "paused":
                    go, state = body
                    self._take_state(state)
                    if go == self._go:
                        self._blocked.set()
                elif kind == "ended":
                    self._take_state(body)
                    ended = True
                else:                          # "error"
                    ended = True
                    raise TrainingError(body)
        finally:
            self._in_run = False
            self._blocked.clear()
            if not ended:                      # closed early, or the child failed: no run to continue
                self.close()

    def _decode(self, events):
        last = len(events) - 1
        for i, event in enumerate(events):
            self.caught_up = i == last
            if type(event) is tuple:
                event = StepEvent(*event)
                self._step, self._lr = event.step, event.lr
            elif isinstance(event, FinishedEvent):
                self._step = event.step
            yield event

    def _take_state(self, state: dict) -> None:
        self.local.load_state(state)
        self._step, self._lr = state["step"], state["lr"]

    def _receive(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            code = self._process.exitcode if self._process is not None else None
            if self._closed:
                raise TrainingError("the training process was closed") from None
            raise TrainingError(f"the training process ended unexpectedly (exit code "
                                f"{code})") from None

    def _start_child(self) -> None:
        if self._closed:
            raise TrainingError("this training process was closed")
        if self._process is not None:
            return
        ctx = _context()
        mine, theirs = ctx.Pipe()
        local = self.local
        self._process = ctx.Process(
            target=_serve, name="netwright-trainer", daemon=True,
            args=(theirs, type(local), local.network.to_dict(), local.seed, local.dataset,
                  local.state()))
        try:
            self._process.start()
        except OSError as e:
            raise TrainingError(f"cannot start the training process: {e}") from None
        theirs.close()
        with self._send_lock:
            self._conn = mine
            queued, self._queued = self._queued, []
            for message in queued:
                mine.send(message)

    def close(self) -> None:
        """End the child (at once: it holds nothing that needs saving). Safe to call twice."""
        self._closed = True
        with self._send_lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.send(("close",))
            except OSError:
                pass
            conn.close()
        process = self._process
        if process is not None:
            process.join(CLOSE_WAIT_S)
            if process.is_alive():
                process.kill()
                process.join(CLOSE_WAIT_S)

    @property
    def child_pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


# ---- the child ----------------------------------------------------------------------------------
def _serve(conn, trainer_class, network: dict, seed: int, dataset, state: dict) -> None:
    # One core trains, the other is the window's: with a second BLAS thread the two fight
    # over a core, and a BLAS thread that waits for its descheduled partner spins.
    threadpool_limits(BLAS_THREADS)
    try:
        trainer = trainer_class(network, seed=seed, dataset=dataset)
        trainer.load_state(state)
    except Exception as e:             # noqa: BLE001 -- the parent shows it as a message
        traceback.print_exc()
        conn.send(("error", f"the training process could not build the run: {e}"))
        return
    _Child(conn, trainer).serve()


class _Child:
    """Runs the trainer's runs in the main thread; one thread takes controls from the parent,
    another reports each pause (the main thread is blocked inside the trainer then)."""

    def __init__(self, conn, trainer: Trainer):
        self.conn, self.trainer = conn, trainer
        self.lock = threading.Lock()           # pending events and the connection
        self.pending: list = []
        self.reported = True                   # the pause state was sent since the last event
        self.go = 0                            # the parent's number of the last resume/step
        self.last_send = 0.0
        self.runs: queue.Queue = queue.Queue()

    def serve(self) -> None:
        threading.Thread(target=self._take_controls, daemon=True).start()
        threading.Thread(target=self._report_pauses, daemon=True).start()
        while self.runs.get():
            self._run()

    def _run(self) -> None:
        self.reported = False
        try:
            for event in self.trainer.run():
                self._add(event)
        except Exception as e:         # noqa: BLE001 -- the parent shows it as a message
            traceback.print_exc()
            with self.lock:
                self._flush()
                self._send("error", str(e) or type(e).__name__)
            return
        with self.lock:
            self._flush()
            self._send("ended", self._state())

    def _add(self, event) -> None:
        if type(event) is StepEvent:
            event = (event.step, event.epoch, event.loss, event.lr, event.examples_per_sec)
        with self.lock:
            self.pending.append(event)
            self.reported = False
            if (self.trainer.pausing       # the parent waits for this step: no lag
                    or time.perf_counter() - self.last_send >= 1.0 / CHUNK_HZ):
                self._flush()

    def _flush(self) -> None:
        if self.pending:
            events, self.pending = self.pending, []
            self._send("events", (events, self.trainer.grad_norms()))
        self.last_send = time.perf_counter()

    def _send(self, kind: str, body) -> None:
        """To the parent (holding ``lock``); a parent that is gone ends this process."""
        try:
            self.conn.send((kind, body))
        except OSError:
            os._exit(0)

    def _state(self) -> dict:
        return {**self.trainer.state(), "lr": self.trainer.lr}

    def _report_pauses(self) -> None:
        while True:
            self.trainer.wait_until_paused()
            while self.trainer.wait_until_paused(0):
                with self.lock:
                    if not self.reported and self.trainer.wait_until_paused(0):
                        self._flush()
                        self._send("paused", (self.go, self._state()))
                        self.reported = True
                time.sleep(PAUSE_POLL_S)

    def _go_on(self, control, go: int) -> None:
        self.go = go
        control()

    def _take_controls(self) -> None:
        t = self.trainer
        actions = {"pause": t.pause, "resume": lambda go: self._go_on(t.resume, go),
                   "stop": t.stop, "step_once": lambda go: self._go_on(t.step_once, go),
                   "pause_at": t.pause_at, "set_lr": t.set_lr, "set_probes": t.set_probes,
                   "run": lambda: self.runs.put(True)}
        while True:
            try:
                name, *args = self.conn.recv()
            except (EOFError, OSError):
                name, args = "close", ()       # the parent is gone
            if name == "close":
                os._exit(0)
            try:
                actions[name](*args)
            except ValueError as e:            # checked in the parent already; never fatal
                print(f"netwright trainer: {name}: {e}", flush=True)
