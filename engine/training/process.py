"""A training run in a child process, driven by messages both ways.

Why a process: a training thread and a window's GUI thread took Python's interpreter lock
from each other hundreds of times a second, and the run's second BLAS thread fought the
window for the other core: on 2 cores the window trained at ~0.8 of the headless speed. A
child process with its own interpreter and one BLAS thread trains at ~0.96 of it.

    proc = TrainingProcess(Trainer(network))   # built in the parent: checks, data, settings
    proc.run()                                 # starts the child; controls are messages
    for message in proc.messages():            # StepChunk, ProbeEvent, ..., Ended or Failed
        ...
    proc.close()

The window instead watches ``fileno()`` and calls ``receive()`` when it is readable, and
``flush()`` when it is writable while ``wants_write``: the parent never blocks on the pipe
(engine/training/channel.py: a child sending a big probe while the window sent many controls
deadlocked both).
Controls (run, pause, resume, step_once, stop, pause_at, set_lr, set_probes) are messages;
pause and step_once are answered by a Paused message, stop by Ended. Nothing polls: the
child checks for controls between two steps without waiting, and blocks on the pipe while
paused. It throttles once, at the source: steps go out in StepChunks at most CHUNK_HZ times
a second, at once before a probe, a pause or the end. The layers' gradient norms are
sampled in the child every few steps (``norm_interval``), so their plot has a few hundred
points per run however often the window draws.

The child builds a Trainer of the same class from the same network, seed and dataset, so it
starts from the same weights, and serves one run after another until closed (Stop, then
run() again, continues where the run stopped). At each Paused and Ended the parent's Trainer
takes over the child's state, so ``trainer.model`` holds the weights of ``model_step``; its
history grows with every epoch end received.
"""
from __future__ import annotations

import multiprocessing
import os
import time
import traceback

import numpy as np
from threadpoolctl import threadpool_limits

from engine.errors import TrainingError
from engine.training.allocator import keep_freed_memory
from engine.training.channel import Channel, ChannelClosed
from engine.training.messages import (Ended, EpochEvent, Failed, FinishedEvent,
                                      Paused, ProbeEvent, StepChunk, StepEvent)
from engine.training.trainer import GO, STOP, Trainer, check_lr, history_record

CHUNK_HZ = 30.0
CHECK_EVERY_S = 0.002      # between two steps the child looks for controls at most this often
BLAS_THREADS = 1
CLOSE_WAIT_S = 2.0
TERMINATE_WAIT_S = 0.2     # end(): how long SIGTERM may take before SIGKILL
NORM_SAMPLES = 300         # gradient-norm samples per run, about (see norm_interval)
_HAS_FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()


def _context():
    """Children fork from a small server process that has already imported the engine (fast
    starts, and no fork of a process with GUI threads); where there is none (Windows), they
    start afresh."""
    if not _HAS_FORKSERVER:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def norm_interval(total_steps: int) -> int:
    """Sample the layers' gradient norms after every this many steps (steps 1, 1 + k, ...):
    about NORM_SAMPLES per run, whatever the window's redraw rate. A sample costs 4-12 us
    in a run, 3-6 % of a small network's step: every step would slow the run for no
    visible gain (measured: 1-2 % at this interval)."""
    return max(1, -(-int(total_steps) // NORM_SAMPLES))


def warm_up() -> None:
    """Start the server that children fork from, so a first run does not wait ~0.3 s for it."""
    _context()
    if _HAS_FORKSERVER:
        from multiprocessing import forkserver
        forkserver.ensure_running()


class TrainingProcess:
    def __init__(self, trainer: Trainer):
        self.trainer = trainer
        self._conn = self._channel = self._process = None
        self._queued: list[tuple] = []         # controls given before the child started
        self._go = 0                           # runs, resumes and single steps asked for
        self.step = self.model_step = trainer.step
        self.lr = trainer.lr
        self._closed = self._dead = False

    # ---- controls -------------------------------------------------------------------------------
    def run(self) -> None:
        """Start (or, after a stop, continue) the run; starts the child the first time."""
        self._start_child()
        self._go_on("run")

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._go_on("resume")

    def step_once(self) -> None:
        """One more step, then a pause (pauses a running run)."""
        self._go_on("step")

    def stop(self) -> None:
        self._send("stop")

    def pause_at(self, step: int | None) -> None:
        """Pause once ``step`` optimizer steps are done (None: no such pause)."""
        self._send("pause_at", step)

    def set_lr(self, lr: float) -> None:
        self._send("set_lr", check_lr(lr))     # ValueError for a bad rate, here and now

    def set_probes(self, request) -> None:
        if request is not None:
            self.trainer.check_probes(request)  # ValueError if it does not fit the model
        self._send("set_probes", request)

    def is_current(self, paused: Paused) -> bool:
        """False for a Paused sent before the last resume / step / run reached the child."""
        return paused.go == self._go

    def _go_on(self, name: str) -> None:
        self._go += 1
        self._send(name, self._go)

    def _send(self, *message) -> None:
        if self._channel is None:
            if not self._closed:
                self._queued.append(message)
            return
        self._channel.put(message)             # never waits: the rest goes out on flush()

    @property
    def wants_write(self) -> bool:
        """Controls wait for room in the pipe: call ``flush()`` when it is writable."""
        return self._channel is not None and not self._dead and self._channel.wants_write

    def flush(self) -> None:
        """Write what the pipe takes now of the controls waiting (never blocks)."""
        if self._channel is not None and not self._dead:
            self._channel.flush()

    # ---- messages -------------------------------------------------------------------------------
    def fileno(self) -> int | None:
        """The pipe to watch for readability (None before the child started)."""
        return None if self._channel is None or self._dead else self._channel.fd

    def receive(self) -> list:
        """Every whole message waiting now, without blocking (a part of one waits for the
        rest). A child that died ends with Failed."""
        if self._dead or self._channel is None:
            return []
        try:
            messages = self._channel.read()
        except ChannelClosed:
            self._dead = True
            return [Failed(self._death_text())]
        out = []
        for message in messages:
            self._note(message)
            out.append(message)
            if isinstance(message, Failed):
                self._dead = True
                break
        return out

    def wait(self, timeout: float | None = None) -> bool:
        """Wait at most ``timeout`` seconds for something to read (True), sending the
        controls that wait meanwhile. For headless use and tests."""
        if self._dead or self._channel is None:
            return True                        # receive() answers at once
        return self._channel.wait(timeout)

    def messages(self, timeout: float | None = None):
        """Every message until the run ends (Ended or Failed), waiting for each at most
        ``timeout`` seconds (TrainingError after that). For headless use and tests."""
        while True:
            if not self.wait(timeout):
                raise TrainingError(f"no message from the training process in {timeout} s")
            for message in self.receive():
                yield message
                if isinstance(message, (Ended, Failed)):
                    return

    def _note(self, message) -> None:
        if isinstance(message, StepChunk):
            self.trainer.history.extend(history_record(e) for e in message.epoch_ends)
            if len(message.steps):
                self.step, self.lr = message.last_step, float(message.lrs[-1])
        elif isinstance(message, (Paused, Ended)):
            self.trainer.load_state(message.state)
            self.step = self.model_step = message.state["step"]
            self.lr = message.state["lr"]

    def _death_text(self) -> str:
        if self._closed:
            return "the training process was closed"
        process = self._process
        if process is not None:
            process.join(CLOSE_WAIT_S)
        code = process.exitcode if process is not None else None
        how = (f"killed by signal {-code}" if code is not None and code < 0
               else f"exit code {code}" if code is not None else "no exit code yet")
        return f"the training process ended unexpectedly ({how})"

    # ---- the child's life ---------------------------------------------------------------------------
    def _start_child(self) -> None:
        if self._closed:
            raise TrainingError("this training process was closed")
        if self._process is not None:
            return
        ctx = _context()
        mine, theirs = ctx.Pipe()
        local = self.trainer
        self._process = ctx.Process(
            target=_serve, name="netwright-trainer", daemon=True,
            # a Network, not its dict: its folder (where relative data paths start) goes too
            args=(theirs, type(local), local.network.copy(), local.seed, local.dataset,
                  local.state()))
        try:
            self._process.start()
        except OSError as e:
            raise TrainingError(f"cannot start the training process: {e}") from None
        theirs.close()
        self._conn, self._channel = mine, Channel(mine)
        queued, self._queued = self._queued, []
        for message in queued:
            self._send(*message)

    def close(self) -> None:
        """End the child (at once: it holds nothing that needs saving). Safe to call twice."""
        self._closed = True
        channel, self._channel, self._conn = self._channel, None, None
        if channel is not None:
            channel.put(("close",))            # if the pipe has no room, EOF ends the child
            channel.close()
        process = self._process
        if process is not None:
            process.join(CLOSE_WAIT_S)
            if process.is_alive():
                process.kill()
                process.join(CLOSE_WAIT_S)

    def end(self, wait_s: float = TERMINATE_WAIT_S) -> None:
        """End a child that no longer answers (frozen, or in a step that never ends): SIGTERM,
        then SIGKILL if it is still there after ``wait_s`` (a stopped process ignores
        SIGTERM). No message comes after this; the parent's Trainer keeps the weights of
        the last Paused or Ended (``model_step``). Safe to call twice."""
        self._closed = True
        channel, self._channel, self._conn = self._channel, None, None
        if channel is not None:
            channel.close()
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(wait_s)
            if process.is_alive():
                process.kill()
                process.join(CLOSE_WAIT_S)

    @property
    def closed(self) -> bool:
        """True once closed or ended: it can train no more (a new run needs a new process)."""
        return self._closed

    @property
    def child_pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


# ---- the child --------------------------------------------------------------------------------------
def _serve(conn, trainer_class, network, seed: int, dataset, state: dict) -> None:
    # One core trains, the other is the window's: with a second BLAS thread the two fight
    # over a core, and a BLAS thread that waits for its descheduled partner spins.
    threadpool_limits(BLAS_THREADS)
    keep_freed_memory()
    try:
        trainer = trainer_class(network, seed=seed, dataset=dataset)
        trainer.load_state(state)
        trainer.keep_weight_path()     # the window's loss surface draws the path from here
    except Exception as e:             # noqa: BLE001 -- the parent shows it as a message
        traceback.print_exc()
        conn.send(Failed(f"the training process could not build the run: {e}"))
        return
    _Child(conn, trainer).serve()


class _Child:
    """Runs the trainer in its one thread. Between two steps the trainer asks ``_turn``
    what to do; the answer comes from the controls the parent sent."""

    def __init__(self, conn, trainer: Trainer):
        self.conn, self.trainer = conn, trainer
        self.run_asked = self.paused = self.stopping = self.reported = False
        self.budget = 0                        # single steps allowed through the pause
        self.pause_step: int | None = None
        self.go = 0                            # the parent's number of the last run/resume/step
        self.probed_step = -1                  # the step the last probe showed
        self.steps = _Steps()
        self.last_flush = self.next_check = 0.0
        self.norm_every = norm_interval(trainer.n_batches * trainer.epochs)

    def serve(self) -> None:
        while True:
            if self.run_asked:
                self.run_asked = False
                self._run()
            else:
                self._handle(self._recv())

    def _run(self) -> None:
        finished = None
        try:
            for event in self.trainer.run(turn=self._turn):
                if isinstance(event, FinishedEvent):
                    finished = event
                else:
                    self._add(event)
        except Exception as e:         # noqa: BLE001 -- the parent shows it as a message
            traceback.print_exc()
            self._flush()
            self._send(Failed(str(e) or type(e).__name__))
            return
        self._flush()
        self.paused = self.stopping = False    # a later run continues unpaused
        self.budget, self.pause_step = 0, None
        self._send(Ended(finished, self._state()))

    # ---- between two steps ---------------------------------------------------------------------
    def _turn(self):
        now = time.perf_counter()
        if now >= self.next_check:             # controls sent meanwhile, without waiting;
            self.next_check = now + CHECK_EVERY_S     # a look at the pipe costs ~15 us
            while self.conn.poll():
                self._handle(self._recv())
        while True:
            if self.stopping:
                return STOP
            if self.pause_step is not None and self.trainer.step >= self.pause_step:
                self.pause_step, self.paused, self.reported = None, True, False
            if not self.paused:
                return GO
            if self.budget:
                self.budget -= 1
                return GO
            request = self.trainer.probe_request
            if request is not None and self.probed_step != self.trainer.step:
                self._flush()                  # the steps first: the probe takes a while
                return request                 # the views show the step the run waits at
            if not self.reported:
                self._flush()
                self._send(Paused(self.trainer.step, self.go, self._state()))
                self.reported = True
            self._handle(self._recv())         # paused: wait for the parent
            self.next_check = 0.0              # and look again before the next step

    def _handle(self, message: tuple) -> None:
        name, *args = message
        if name == "close":
            os._exit(0)
        if name in ("run", "resume", "step"):
            self.go = args[0]
        if name == "run":
            self.run_asked = True
        elif name in ("pause", "step"):
            self.paused, self.reported = True, False
            self.budget += name == "step"
        elif name == "resume":
            self.paused, self.budget = False, 0
        elif name == "stop":
            self.stopping = True
        elif name == "pause_at":
            self.pause_step = args[0]
        elif name == "set_lr":
            self.trainer.set_lr(args[0])
        elif name == "set_probes":
            self.trainer.set_probes(args[0])
            self.probed_step = -1              # a new request is answered even when paused

    # ---- to the parent ---------------------------------------------------------------------------
    def _add(self, event) -> None:
        if isinstance(event, StepEvent):
            self.steps.add(event)
            if (event.step - 1) % self.norm_every == 0:
                self.steps.add_norms(event.step, self.trainer.grad_norms())
        elif isinstance(event, EpochEvent):
            self.steps.epoch_ends.append(event)
        else:                                  # a probe or a divergence: after its steps
            self._flush()
            if isinstance(event, ProbeEvent):
                self.probed_step = event.step
            self._send(event)
            return
        if time.perf_counter() - self.last_flush >= 1.0 / CHUNK_HZ:
            self._flush()

    def _flush(self) -> None:
        if self.steps.any():
            self._send(self.steps.chunk(self.trainer.grad_norms()))
            self.steps = _Steps()
        self.last_flush = time.perf_counter()

    def _state(self) -> dict:
        """The trainer's state without its history: the parent rebuilds that from the
        epoch ends it receives (resending it at every pause would grow with the run)."""
        return {**self.trainer.state(history=False), "lr": self.trainer.lr}

    def _send(self, message) -> None:
        try:
            self.conn.send(message)
        except OSError:
            os._exit(0)                        # the parent is gone

    def _recv(self) -> tuple:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            os._exit(0)                        # the parent is gone


class _Steps:
    """Steps and epoch ends gathered for the next StepChunk."""

    def __init__(self):
        self.rows: list[tuple] = []
        self.epoch_ends: list = []
        self.norms: list[tuple[int, dict]] = []      # (step, {node_id: norm}) samples
        self.rate = 0.0

    def add(self, event: StepEvent) -> None:
        self.rows.append((event.step, event.epoch, event.loss, event.lr, event.penalty))
        self.rate = event.examples_per_sec

    def add_norms(self, step: int, norms: dict) -> None:
        self.norms.append((step, norms))

    def any(self) -> bool:
        return bool(self.rows or self.epoch_ends)

    def chunk(self, grad_norms: dict) -> StepChunk:
        cols = np.array(self.rows, dtype=np.float64).reshape(-1, 5).T
        return StepChunk(steps=cols[0].astype(np.int64), epochs=cols[1].astype(np.int64),
                         losses=cols[2], lrs=cols[3], examples_per_sec=self.rate,
                         penalties=cols[4] if cols[4].any() else np.zeros(0, np.float64),
                         grad_norms=grad_norms if self.rows else {},
                         epoch_ends=tuple(self.epoch_ends),
                         norm_steps=np.array([s for s, _ in self.norms], dtype=np.int64),
                         norm_series=self._norm_series())

    def _norm_series(self) -> dict:
        layers = self.norms[0][1] if self.norms else {}
        return {nid: np.array([norms[nid] for _, norms in self.norms], dtype=np.float64)
                for nid in layers}
