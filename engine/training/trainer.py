"""The Trainer: a headless training loop that streams frozen events (messages.py).

    trainer = Trainer(Network.load("resources/examples/xor_mlp.nw.json"))
    for event in trainer.run():          # StepEvent, EpochEvent, ProbeEvent, ...
        ...

pause(), resume(), step_once(), stop(), set_lr() and set_probes() may be called from any
thread: they only set flags under a condition variable that the training thread checks
between steps, so a step is never interrupted and the model is always consistent. A training
process (engine/training/process.py) drives the same loop from messages instead: it passes
``run(turn=...)`` its own answer to "what now?" between steps.
The position in the run (epoch, batch, the epoch's shuffle order, every random state) is
explicit, so a checkpoint resumes bitwise-exactly where the run stopped.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np

from engine.nn import losses
from engine.nn.regularization import Penalty, regularization_config
from engine.optim import optimizers, schedulers
from engine.training.checkpoint import (copy_state, layer_rng_states, read_checkpoint,
                               set_layer_rng_states, write_checkpoint)
from engine.graph.analysis import analyse
from engine.graph.compiler import compile_network
from engine.data import load_dataset
from engine.errors import GraphErrors, TrainingError, WeightsFileError
from engine.training.messages import (DivergedEvent, EpochEvent, FinishedEvent, ProbeRequest, StepEvent)
from engine.training.metrics import RunningMetrics, all_finite, evaluate, grad_norms, weight_stats
from engine.graph.network import Network
from engine.training.probes import Prober

SHUFFLE_STREAM = 0x5EED          # keeps the shuffle order independent of weight init
GO, STOP = "go", "stop"          # what a turn answers (or a ProbeRequest to answer, paused)
# A finite loss can still have exploded (lr 1e6: 1e5-1e7 at chance accuracy). Diverged when
# the batch loss stays above EXPLODE_FACTOR x max(the run's first batch loss, 1) for
# EXPLODE_STEPS steps in a row: the floor of 1 keeps a tiny starting loss from making a
# normal noisy step look explosive; several steps keep one outlier batch from ending a run.
# Never fires on resources/examples: their worst batch loss is at most 1.4 x max(first, 1).
EXPLODE_FACTOR, EXPLODE_STEPS = 1000.0, 5


class ExplosionWatch:
    """Counts consecutive batch losses far above the run's first one."""

    def __init__(self):
        self.reference: float | None = None
        self.streak = 0

    def exploded(self, loss: float) -> bool:
        if self.reference is None:
            self.reference = loss
        limit = EXPLODE_FACTOR * max(self.reference, 1.0)
        self.streak = self.streak + 1 if loss > limit else 0
        return self.streak >= EXPLODE_STEPS

    def describe(self, loss: float) -> str:
        return (f"the loss exploded to {loss:.3g}, over {EXPLODE_FACTOR:g} times its starting "
                f"value {self.reference:.3g} for {EXPLODE_STEPS} steps in a row")


class Trainer:
    def __init__(self, network: Network | dict, *, seed: int | None = None, dataset=None,
                 model=None):
        """Build the loop from a Network and its training section. ``seed`` overrides
        training.seed; a loaded ``dataset`` or a compiled ``model`` may be passed in (the GUI
        does). Raises GraphErrors / TrainingError / DataError naming the problem."""
        self.network = Network.from_dict(network) if isinstance(network, dict) else network
        cfg = self.config = self.network.training or {}
        analysis = _check_network(self.network)
        self.seed = int(cfg.get("seed", 0) if seed is None else seed)
        self.dataset = dataset if dataset is not None else load_dataset(
            cfg["dataset"], self.seed, base=self.network.folder)
        self.model = model if model is not None else compile_network(
            self.network, seed=self.seed, analysis=analysis)
        self.loss_fn = losses.get_loss(cfg["loss"])
        _check_fit(self.model, self.loss_fn, self.dataset)
        self.optimizer = _configured(optimizers.make_optimizer, "optimizer", cfg["optimizer"],
                                     self.model)
        self.scheduler = _configured(schedulers.make_scheduler, "scheduler",
                                     cfg.get("scheduler") or {"name": "none"}, self.optimizer)
        # validated with the rest of the section above: l1 * sum|w| + l2 * sum w^2
        self.penalty = Penalty(self.model, **regularization_config(cfg))
        self.batch_size = int(cfg["batch_size"])
        self.epochs = int(cfg["epochs"])
        self.task = self.dataset.task
        self._y_train = self._targets(self.dataset.y_train)
        self._y_val = self._targets(self.dataset.y_val)
        self._prober = Prober(self.model, self.loss_fn, self.dataset, self.seed,
                              clock=self.training_time)
        self._init_position()
        self._init_controls()

    # ---- set-up helpers -------------------------------------------------------------------
    def _targets(self, y: np.ndarray) -> np.ndarray:
        """bce reads float 0/1 targets (N, 1); class indices and regression targets as given."""
        if self.loss_fn.name == "bce":
            return np.asarray(y, dtype=np.float32).reshape(len(y), 1)
        return y

    def _init_position(self) -> None:
        n = len(self.dataset.x_train)
        if n == 0:
            raise TrainingError(f"dataset {self.dataset.name!r} has no training examples")
        self.n_batches = math.ceil(n / self.batch_size)
        self.epoch = 0                    # epochs completed
        self.step = 0                     # optimizer steps done
        self._batch = 0                   # batches done in the current epoch
        self._perm: np.ndarray | None = None
        self._rng = np.random.default_rng([self.seed, SHUFFLE_STREAM])
        self._running = RunningMetrics(self.task)
        self.history: list[dict] = []
        self._rate: float | None = None
        self._explosion = ExplosionWatch()
        self._snapshot = self._take_snapshot()

    def _init_controls(self) -> None:
        self._lock = threading.Lock()     # held by the training thread during a step
        self._cond = threading.Condition()
        self._paused = self._stop_flag = self._probe_changed = False
        self._step_tokens = 0
        self._paused_s = 0.0              # seconds spent waiting in pauses (training_time)
        self._pause_began: float | None = None
        self._pending_lr: float | None = None
        self._probe_req: ProbeRequest | None = None
        self._last_probe_t = -math.inf
        self._last_probe_step = -1
        self._blocked = threading.Event()
        self._in_run = False
        self._run_token: object | None = None

    # ---- controls (any thread) --------------------------------------------------------------
    def pause(self) -> None:
        with self._cond:
            self._paused = True

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._step_tokens = 0
            self._blocked.clear()
            self._cond.notify_all()

    def stop(self) -> None:
        """Finish the current step, then end the run with FinishedEvent("stopped")."""
        with self._cond:
            self._stop_flag = True
            self._cond.notify_all()

    def step_once(self) -> None:
        """Let exactly one more batch through, then stay paused (pauses a running trainer)."""
        with self._cond:
            self._paused = True
            self._step_tokens += 1
            self._blocked.clear()          # wait_until_paused now waits for that step
            self._cond.notify_all()

    def set_lr(self, lr: float) -> None:
        """Use ``lr`` from the next step on (with a scheduler: its base rate)."""
        lr = check_lr(lr)
        with self._cond:
            self._pending_lr = lr

    def set_probes(self, request: ProbeRequest | None) -> None:
        """Ask for probes (None: none). Computed at the next chance, then at most as often as
        the request says; a paused trainer computes it at once."""
        if request is not None:
            self.check_probes(request)
        with self._cond:
            self._probe_req = None if request is None or request.is_empty() else request
            self._probe_changed = self._probe_req is not None
            self._cond.notify_all()

    def keep_weight_path(self) -> None:
        """Keep the weights' path from this step on, for a loss surface asked for later
        (a copy every few steps, at most a few hundred; off unless asked: it costs memory)."""
        self._prober.keep_path(self.step)

    def check_probes(self, request: ProbeRequest) -> None:
        """ValueError naming what in ``request`` does not fit this run (a node, a sample)."""
        self._prober.check(request)

    @property
    def probe_request(self) -> ProbeRequest | None:
        """The probes asked for (None: none)."""
        return self._probe_req

    def training_time(self) -> float:
        """A clock in seconds that stands still while the run waits in a pause."""
        with self._cond:               # the training thread updates both under it
            now, began = time.perf_counter(), self._pause_began
            return now - self._paused_s - (now - began if began is not None else 0.0)

    def wait_until_paused(self, timeout: float | None = None) -> bool:
        """Block until the training thread is waiting in a pause (True) or timeout (False)."""
        return self._blocked.wait(timeout)

    @property
    def lr(self) -> float:
        return float(self.optimizer.lr)

    def grad_norms(self) -> dict:
        """node_id -> L2 norm of the layer's gradients from the last batch, in depth order."""
        with self._lock:
            return grad_norms(self.model)

    # ---- the loop ---------------------------------------------------------------------------
    def run(self, turn=None):
        """Generator of events until the run completes, is stopped or diverges. Calling it
        again after a stop continues where the run stopped.

        ``turn()`` is asked before every step: GO, STOP, or a ProbeRequest to answer now
        (the run is paused and the views want to see the weights). Default: this Trainer's
        thread-safe controls. Time spent in it does not count as training time."""
        if self._in_run:
            raise RuntimeError("this Trainer is already running")
        self._in_run = True
        token = self._run_token = object()
        try:
            yield from self._loop(self._wait_turn if turn is None else self._timed(turn))
        finally:
            if self._run_token is token:      # not a later run() that started meanwhile
                self._in_run = False
                self._blocked.clear()

    def _loop(self, wait_turn):
        while self.epoch < self.epochs:
            if self._perm is None:
                self._begin_epoch()
            while self._batch < self.n_batches:
                turn = wait_turn()
                if turn is STOP:
                    yield from self._end_run("stopped")
                    return
                if isinstance(turn, ProbeRequest):     # asked for while paused
                    yield self._probe(turn, fresh=True)
                    continue
                event = self._train_step()
                yield event
                if isinstance(event, DivergedEvent):
                    yield from self._end_run("diverged")
                    return
                probe = self._maybe_probe()
                if probe is not None:
                    yield probe
            event = self._end_epoch()
            yield event
            if isinstance(event, DivergedEvent):
                yield from self._end_run("diverged")
                return
        yield from self._end_run("completed")

    def _timed(self, turn):
        """``turn`` with the time it takes (a pause) left out of training_time. A custom
        turn runs in the training thread, which alone reads that clock then: no lock."""
        def timed_turn():
            began = time.perf_counter()
            answer = turn()
            self._paused_s += time.perf_counter() - began
            return answer
        return timed_turn

    def _wait_turn(self):
        """GO, STOP, or a ProbeRequest that arrived while paused (the thread controls)."""
        if not (self._paused or self._stop_flag):     # the common case: no wait
            return GO
        with self._cond:
            while True:
                if self._stop_flag:
                    return STOP
                if not self._paused:
                    return GO
                if self._step_tokens:
                    self._step_tokens -= 1
                    return GO
                if self._probe_changed:
                    self._probe_changed = False
                    return self._probe_req
                self._blocked.set()
                self._pause_began = time.perf_counter()
                self._cond.wait()         # every control notifies
                self._paused_s += time.perf_counter() - self._pause_began
                self._pause_began = None
                self._blocked.clear()

    def _begin_epoch(self) -> None:
        # Under the lock: a checkpoint saved from another thread must not see the shuffle
        # generator advanced without the permutation it drew.
        with self._lock:
            self._perm = self._rng.permutation(len(self.dataset.x_train))
            self._batch = 0
            self._running.reset()

    def _train_step(self) -> StepEvent | DivergedEvent:
        self._apply_pending_lr()
        start = self._batch * self.batch_size
        idx = self._perm[start:start + self.batch_size]
        xb, yb = self.dataset.x_train[idx], self._y_train[idx]
        t0 = time.perf_counter()
        # NaN/inf are detected and reported below; NumPy's warnings about them are noise.
        with self._lock, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            lr = float(self.optimizer.lr)
            loss = self.model.loss_and_grads(xb, yb, self.loss_fn)
            penalty = self.penalty.add_to_grads() if self.penalty.active else 0.0
            if not math.isfinite(loss):
                return self._diverge(f"the loss became {loss}", lr)
            if not math.isfinite(penalty):
                return self._diverge(f"the regularization penalty became {penalty}", lr)
            if self._explosion.exploded(loss + penalty):     # what the optimizer minimises
                return self._diverge(self._explosion.describe(loss + penalty), lr)
            self.optimizer.step()
            self.step += 1
            self._batch += 1
            out = self.model.outputs[self.model.output_id]
            self._running.update(loss, self.model.loss_input(self.loss_fn, out)[1], yb)
        rate = len(idx) / max(time.perf_counter() - t0, 1e-9)
        self._rate = rate if self._rate is None else 0.9 * self._rate + 0.1 * rate
        return StepEvent(step=self.step, epoch=self.epoch + 1, loss=loss, lr=lr,
                         examples_per_sec=self._rate, penalty=penalty)

    def _end_epoch(self) -> EpochEvent | DivergedEvent:
        with self._lock:
            if not all_finite(self.model):
                return self._diverge("the weights became NaN or infinite", self.lr)
            train_loss, metrics = self._running.loss(), self._running.metrics("train")
            lr = self.lr                  # what this epoch's last step used
            self.scheduler.step()
            val_loss, val_metrics, _ = evaluate(self.model, self.loss_fn, self.dataset.x_val,
                                                self._y_val, self.task)
            metrics.update(val_metrics)
            self.epoch += 1
            self._perm = None
            self._batch = 0
            event = EpochEvent(epoch=self.epoch, step=self.step, train_loss=train_loss,
                               val_loss=val_loss, metrics=dict(metrics),
                               grad_norms=grad_norms(self.model),
                               weight_stats=weight_stats(self.model), lr=lr,
                               next_lr=self.lr, penalty=self._penalty_now())
            self.history.append(history_record(event))
            self._snapshot = self._take_snapshot()
            return event

    def _finish(self, reason: str) -> FinishedEvent:
        with self._cond:                  # a later run() continues after a stop, unpaused
            self._stop_flag = self._paused = False
            self._step_tokens = 0
            self._in_run = False
        return FinishedEvent(reason=reason, epochs=self.epoch, step=self.step,
                             metrics=self.final_metrics())

    def final_metrics(self) -> dict:
        """train_loss, val_loss and the metrics for the weights held now: val computed now,
        train from the epoch in progress (or the last one completed)."""
        val_loss, val_metrics, _ = evaluate(self.model, self.loss_fn, self.dataset.x_val,
                                            self._y_val, self.task)
        if self._running.n:
            train = {"train_loss": self._running.loss(), **self._running.metrics("train")}
        elif self.history:
            last = self.history[-1]
            train = {k: v for k, v in last.items() if k.startswith("train_")}
        else:
            train = {"train_loss": None, **RunningMetrics(self.task).metrics("train")}
        penalty = {"penalty": self._penalty_now()} if self.penalty.active else {}
        return {**train, "val_loss": val_loss, **val_metrics, **penalty}

    def _penalty_now(self) -> float:
        """The regularization penalty of the weights held now (0.0 without one)."""
        return self.penalty.value() if self.penalty.active else 0.0

    # ---- live learning rate, probes -------------------------------------------------------
    def _apply_pending_lr(self) -> None:
        if self._pending_lr is None:
            return
        with self._cond:
            lr, self._pending_lr = self._pending_lr, None
        # The scheduler recomputes the rate in force from the new base (constant: lr itself).
        self.scheduler.base_lr = lr

    def _maybe_probe(self):
        """A ProbeEvent if one is asked for and due: at once for a new request or a single
        step while paused, else at most every ``every_ms`` and ``every_steps``."""
        self._prober.track(self.step)      # the weights' path from step 0 (loss surface)
        if self._probe_req is None:
            return None
        if self._probe_changed:
            with self._cond:
                req, self._probe_changed = self._probe_req, False
        else:
            req = self._probe_req
            too_soon = (time.perf_counter() - self._last_probe_t) * 1000.0 < req.every_ms
            if not self._paused and (too_soon or
                                     self.step - self._last_probe_step < req.every_steps):
                return None
        return self._probe(req, fresh=self._paused) if req is not None else None

    def _probe(self, req: ProbeRequest, fresh: bool = False):
        """fresh: the weights will stay put a while (paused, ending): no probe part is
        reused from an earlier step (the loss surface is otherwise recomputed sparingly)."""
        event = self._prober.probe(req, self.step, self.epoch + 1, fresh=fresh)
        self._last_probe_t = time.perf_counter()
        self._last_probe_step = self.step
        return event

    def _end_run(self, reason: str):
        """A last probe if the views are behind the weights, then FinishedEvent."""
        req = self._probe_req
        if req is not None and self._last_probe_step != self.step:
            yield self._probe(req, fresh=True)
        yield self._finish(reason)

    # ---- divergence -------------------------------------------------------------------------
    def _take_snapshot(self) -> dict:
        """The last good state: weights and optimizer/scheduler state at an epoch's end."""
        # state_dict() returns copies already.
        return {"weights": self.model.state_dict(), "epoch": self.epoch, "step": self.step,
                "optimizer": self.optimizer.state_dict(), "scheduler": self.scheduler.state_dict()}

    def _diverge(self, what: str, lr: float) -> DivergedEvent:
        at_step, at_epoch = self.step + 1, self.epoch + 1
        snap = self._snapshot
        self.model.load_state_dict(snap["weights"])
        self.optimizer.load_state_dict(copy_state(snap["optimizer"]))
        self.scheduler.load_state_dict(copy_state(snap["scheduler"]))
        self.epoch, self.step = snap["epoch"], snap["step"]
        self._perm, self._batch = None, 0
        self._running.reset()
        self._explosion.streak = 0
        kept = (f"The weights from the end of epoch {snap['epoch']} were restored"
                if snap["epoch"] else "The initial weights were restored")
        message = (f"Training diverged at step {at_step} (epoch {at_epoch}): {what}. "
                   f"The learning rate {lr:.3g} is probably too high: try about {lr / 10:.3g}. "
                   f"{kept}.")
        return DivergedEvent(step=at_step, epoch=at_epoch, message=message)

    # ---- checkpoints ------------------------------------------------------------------------
    def save_checkpoint(self, path) -> None:
        """Write weights, optimizer and scheduler state, history, random states and the
        position in the run to one .npz (atomically). Safe from any thread."""
        write_checkpoint(path, self.state())

    def state(self, history: bool = True) -> dict:
        """Everything a checkpoint holds, as copies, between two steps. Safe from any thread.
        ``history=False`` leaves out the per-epoch records (a training process sends them as
        they are made, not again at every pause)."""
        with self._lock:
            state = {"seed": self.seed, "batch_size": self.batch_size,
                     "n_train": len(self.dataset.x_train), "epoch": self.epoch,
                     "step": self.step, "batch": self._batch,
                     "perm": None if self._perm is None else self._perm.copy(),
                     "weights": self.model.state_dict(),
                     "optimizer": self.optimizer.state_dict(),
                     "scheduler": self.scheduler.state_dict(),
                     "running": self._running.state(),
                     "shuffle_rng": self._rng.bit_generator.state,
                     "layer_rngs": layer_rng_states(self.model)}
            if history:
                state["history"] = [dict(r) for r in self.history]
            return state

    def load_checkpoint(self, path) -> None:
        """Continue from a checkpoint of the same network, seed and batch size. A bad file
        raises WeightsFileError; another run's checkpoint, TrainingError."""
        if self._in_run:
            raise RuntimeError("stop the run before loading a checkpoint into it")
        state = read_checkpoint(path)
        where = f"checkpoint {str(path)!r}"
        for key, mine in (("seed", self.seed), ("batch_size", self.batch_size),
                          ("n_train", len(self.dataset.x_train))):
            if not isinstance(state, dict) or key not in state:
                raise WeightsFileError(f"{where}: incomplete (no {key!r})")
            if state.get(key) != mine:
                raise TrainingError(f"{where} was written with {key} {state.get(key)} but this "
                                    f"run has {mine} (Trainer.from_checkpoint takes its seed)")
        backup = self.state()
        try:
            self.load_state(state)
        except ValueError as e:
            self.load_state(backup)
            raise TrainingError(f"{where} does not fit this network: {e}") from None
        except (KeyError, TypeError, IndexError, AttributeError) as e:
            self.load_state(backup)                   # never half a checkpoint taken over
            raise WeightsFileError(f"{where}: incomplete or damaged state "
                                   f"({type(e).__name__}: {e})") from None

    def load_state(self, state: dict) -> None:
        """Take over a ``state()`` of a Trainer of the same network, seed and data (ValueError
        if the weights do not fit)."""
        with self._lock:
            self.model.load_state_dict(state["weights"])
            self.optimizer.load_state_dict(state["optimizer"])
            self.scheduler.load_state_dict(state["scheduler"])
            self.epoch, self.step, self._batch = state["epoch"], state["step"], state["batch"]
            self._perm = state["perm"]
            if "history" in state:
                self.history = [dict(r) for r in state["history"]]
            self._running.load(state["running"])
            self._rng.bit_generator.state = state["shuffle_rng"]
            set_layer_rng_states(self.model, state["layer_rngs"])
            self._snapshot = self._take_snapshot()

    @classmethod
    def from_checkpoint(cls, path, network: Network | dict, **kwargs) -> "Trainer":
        """A Trainer for ``network`` continuing the checkpoint at ``path`` (its seed)."""
        state = read_checkpoint(path)
        seed = state.get("seed") if isinstance(state, dict) else None
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise WeightsFileError(f"checkpoint {str(path)!r}: incomplete (no whole-number "
                                   f"'seed')")
        trainer = cls(network, seed=seed, **kwargs)
        trainer.load_checkpoint(path)
        return trainer


# ---- module helpers -------------------------------------------------------------------------
def history_record(event: EpochEvent) -> dict:
    """The row of Trainer.history an epoch's end adds."""
    record = {"epoch": event.epoch, "step": event.step, "lr": event.lr,
              "train_loss": event.train_loss, "val_loss": event.val_loss, **event.metrics}
    if event.penalty:                 # kept beside the data loss, only when there is one
        record["penalty"] = event.penalty
    return record


def check_lr(lr) -> float:
    """``lr`` as a float, or ValueError if it is not a positive finite number."""
    lr = float(lr)
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"the learning rate must be a positive number, got {lr}")
    return lr


def _check_network(net: Network):
    """The network's analysis; its graph and training-section problems, all at once, raise
    GraphErrors."""
    if not net.training:
        raise TrainingError("the network has no training section (dataset, loss, optimizer...)")
    analysis = analyse(net, training=True)      # a file without one trains on the defaults
    if analysis.problems:
        raise GraphErrors(analysis.problems)
    return analysis


def _check_fit(model, loss_fn, ds) -> None:
    """The model, loss and dataset fit together (also when passed in ready-made)."""
    if tuple(ds.feature_shape) != tuple(model.input_shape):
        raise TrainingError(f"the Input {model.input_id!r} has shape {list(model.input_shape)} "
                            f"but dataset {ds.name!r} gives {list(ds.feature_shape)}")
    if loss_fn.task != ds.task:
        fitting = [n for n, f in losses.LOSSES.items() if f.task == ds.task]
        choices = ", ".join(fitting[:-1]) + " or " + fitting[-1] if len(fitting) > 1 else fitting[0]
        raise TrainingError(f"loss {loss_fn.name!r} is for {loss_fn.task} but dataset "
                            f"{ds.name!r} is a {ds.task} set: use {choices}")


def _configured(factory, what: str, config: dict, target):
    try:
        return factory(config, target)
    except (ValueError, KeyError, TypeError) as e:
        raise TrainingError(f"training {what}: {str(e).strip(chr(39))}") from None
