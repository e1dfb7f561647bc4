"""What the training loop tells its consumer, and what a training process sends the window.

``Trainer.run()`` yields StepEvent, EpochEvent, ProbeEvent, DivergedEvent and FinishedEvent
(the command line and the library read these). A training process (process.py) sends the
window fewer, bigger messages over its pipe: StepChunk (the steps since the last chunk, at
most ~30 a second), ProbeEvent, DivergedEvent, Paused, Ended and Failed.

Every array inside a message is a copy owned by it, so a message can cross threads and
processes. Counting conventions: ``step`` is the number of optimizer steps done so far (the
first StepEvent has step 1); ``epoch`` in a StepEvent is the 1-based epoch the step belongs
to; in an EpochEvent it is the number of epochs completed (1 after the first epoch).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class StepEvent:
    """One optimizer step (one batch) is done."""
    step: int
    epoch: int
    loss: float                  # the batch's training loss
    lr: float                    # the learning rate this step used
    examples_per_sec: float      # smoothed training throughput (compute only, pauses excluded)
    penalty: float = 0.0         # the L1/L2 penalty of the weights this step used (not in loss)


@dataclass(frozen=True)
class EpochEvent:
    """An epoch is done: the scheduler has stepped and the validation set was evaluated.

    ``metrics`` keys: classification: train_accuracy, val_accuracy; regression: train_rmse,
    train_r2, val_rmse, val_r2. Train values are running averages over the epoch's batches
    (weights move during the epoch, as in Keras); val values use the weights at the epoch's
    end. Val entries (and ``val_loss``) are None when there is no validation split.
    """
    epoch: int
    step: int
    train_loss: float
    val_loss: float | None
    metrics: dict
    grad_norms: dict             # node_id -> L2 norm of the layer's grads (last batch), depth order
    weight_stats: dict           # node_id -> {"mean", "std", "min", "max", "norm"} of its weights
    lr: float                    # the learning rate this epoch ended with
    next_lr: float               # the rate for the next epoch, after scheduler.step()
    penalty: float = 0.0         # the L1/L2 penalty of the weights at the epoch's end


@dataclass(frozen=True)
class GridProbe:
    """Decision boundary of a 2-D input: class probabilities on a res x res grid.

    ``probs[i, j, k]`` is P(class k) at (xs[j], ys[i]) (row i = y, as an image); binary tasks
    (bce) give two columns [P(0), P(1)]. ``points``/``labels`` and ``val_points``/
    ``val_labels``: up to 1000 training and validation points to draw.
    """
    xs: np.ndarray               # (res,) grid coordinates of feature 0
    ys: np.ndarray               # (res,) grid coordinates of feature 1
    probs: np.ndarray            # (res, res, n_classes) float32
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    points: np.ndarray           # (M, 2) training points
    labels: np.ndarray           # (M,) their class indices
    val_points: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.float32))
    val_labels: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


@dataclass(frozen=True)
class CurveProbe:
    """The fitted curve of a 1-D input: predictions over the data range.

    ``ys`` is the model's output (regression) or class probabilities (classification);
    ``true_ys`` the noise-free function the data was made from, where the dataset knows it
    (sine), else None."""
    xs: np.ndarray               # (res,)
    ys: np.ndarray               # (res, outputs)
    points_x: np.ndarray         # (M,) training inputs
    points_y: np.ndarray         # (M, targets) or (M,) class indices
    val_x: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    val_y: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    true_ys: np.ndarray | None = None    # (res, targets)


@dataclass(frozen=True)
class SurfaceProbe:
    """The loss around the weights on a plane of two directions (engine/training/
    surface_probe.py), and the optimizer's path projected on it.

    ``losses[i, j]`` is the loss at (alphas[j], betas[i]) (row i = beta, as an image), on a
    fixed subset of ``examples`` training examples, around the weights after ``grid_step``.
    ``directions``: "pca" (the path's principal directions; ``shares``: the fraction of the
    path's variance along each) or "random" (filter-normalised; ``shares`` None). The
    frame's origin (0, 0) is the weights at the start of the path; ``current`` is where the
    weights are now. ``path`` holds the projected weights after the steps ``path_steps``
    (recorded from step 0 every few steps, whether or not the surface was asked for)."""
    alphas: np.ndarray           # (na,) float32
    betas: np.ndarray            # (nb,)
    losses: np.ndarray           # (nb, na) float32; inf/NaN where the loss blew up
    current: tuple[float, float]
    path: np.ndarray             # (P, 2) float32
    path_steps: np.ndarray       # (P,) int64
    examples: int
    grid_step: int               # the step whose weights the grid was computed around
    directions: str = "random"
    shares: tuple | None = None  # (PC 1, PC 2) fractions of the path's variance


@dataclass(frozen=True)
class NodeProbe:
    """Some nodes seen on one example: their outputs, and the weights and gradients (last
    batch) of those that have weights."""
    sample: int                          # index into the validation set (train if none)
    sample_input: np.ndarray             # that example, e.g. (1, 8, 8)
    sample_label: object                 # its class index or target values
    activations: dict                    # node_id -> output for the sample (batch axis removed)
    weights: dict                        # node_id -> {"weight": array, "bias": array}
    grads: dict                          # node_id -> the same keys: gradients of the last batch


@dataclass(frozen=True)
class ProbeEvent:
    """What a ProbeRequest asked for, computed on the weights after ``step``: ``results``
    maps each kind asked for to its result (see engine/training/probes.py: "nodes" ->
    NodeProbe, "grid" -> GridProbe or CurveProbe, "confusion" -> (K, K) int64 counts with
    rows = true class, "surface" -> SurfaceProbe); a kind that does not apply to the
    network (a grid for image input) is missing."""
    step: int
    epoch: int
    results: dict = field(default_factory=dict)

    def get(self, kind: str):
        return self.results.get(kind)


@dataclass(frozen=True)
class DivergedEvent:
    """The loss or the weights became NaN or infinite; the last good weights were restored."""
    step: int
    epoch: int
    message: str


@dataclass(frozen=True)
class FinishedEvent:
    """The last event of a run. reason: "completed" | "stopped" | "diverged".

    ``metrics`` holds train_loss, val_loss and the metric keys of EpochEvent, for the
    weights the model holds now."""
    reason: str
    epochs: int
    step: int
    metrics: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ProbeRequest:
    """What to compute between steps, at most every ``every_ms`` milliseconds and every
    ``every_steps`` steps (both must have passed). Heavy: ask only for what is shown.

    ``kinds`` maps a probe kind (engine/training/probes.py PROBE_KINDS) to its options:
    "nodes": node ids whose output for validation example ``sample`` (and weights and
    gradients) to copy; "grid": points per axis of the decision boundary / fitted curve, or
    {"res": points along the map's shorter side, "aspect": the plot's width / height};
    "confusion": None; "surface": {"res": points per axis, "every_ms": a new grid at most this
    often, "directions": "pca" | "random", "aspect": width / height} (engine/training/
    surface_probe.py).
    """
    kinds: dict = field(default_factory=dict)
    sample: int = 0
    every_ms: float = 250.0
    every_steps: int = 1

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    def options(self, kind: str, default=None):
        return self.kinds.get(kind, default)

    def is_empty(self) -> bool:
        return not self.kinds


TrainerEvent = StepEvent | EpochEvent | ProbeEvent | DivergedEvent | FinishedEvent


# ---- what a training process sends the window ------------------------------------------------
@dataclass(frozen=True)
class StepChunk:
    """The steps done since the last chunk, and the epochs that ended among them.

    Gradient norms are also sampled every few steps (process.norm_interval: a few hundred
    samples per run): ``norm_steps`` are the sampled steps among these, and
    ``norm_series[node_id][i]`` is that layer's norm after step ``norm_steps[i]``."""
    steps: np.ndarray            # (n,) int64 step numbers
    epochs: np.ndarray           # (n,) int64: the 1-based epoch of each step
    losses: np.ndarray           # (n,) float64 batch losses
    lrs: np.ndarray              # (n,) float64: the learning rate each step used
    examples_per_sec: float      # as in StepEvent, at the last step
    grad_norms: dict             # node_id -> L2 norm of its gradients at the last step
    epoch_ends: tuple = ()       # EpochEvents, in order
    norm_steps: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))   # (m,)
    norm_series: dict = field(default_factory=dict)     # node_id -> (m,) float64 norms
    # (n,) float64 L1/L2 penalty at each step (StepEvent.penalty); empty: no regularization
    penalties: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))

    @property
    def last_step(self) -> int:
        return int(self.steps[-1]) if len(self.steps) else 0


@dataclass(frozen=True)
class Paused:
    """The run waits before its next step (asked for by pause, step or pause_at).

    ``go`` numbers the window's last resume / step / run the process had seen: a Paused
    sent before a later resume arrived is stale. ``state`` is Trainer.state() plus "lr"."""
    step: int
    go: int
    state: dict


@dataclass(frozen=True)
class Ended:
    """The run is over (completed, stopped or diverged); ``state`` as in Paused."""
    finished: FinishedEvent
    state: dict


@dataclass(frozen=True)
class Failed:
    """The run could not go on: an error in the training process, or the process died."""
    text: str


ProcessMessage = StepChunk | ProbeEvent | DivergedEvent | Paused | Ended | Failed
