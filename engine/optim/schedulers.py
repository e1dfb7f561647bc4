"""Learning-rate schedules, stepped once per epoch, with PyTorch's semantics.

Each schedule is a closed-form ``lr(epoch, base_lr, config)``, the same formula as
torch.optim.lr_scheduler's ``_get_closed_form_lr`` (StepLR, ExponentialLR,
CosineAnnealingLR, which keeps its cosine going past t_max). Closed forms make
``base_lr`` settable mid-run (the trainer's live LR edit) and let ``preview_lrs`` run the
very code that ``step()`` runs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from engine.registry import Registry
from engine.schema import MAX_WHOLE, Param, ParamSchema, resolve_config


@dataclass(frozen=True)
class SchedulerSpec(ParamSchema):
    name: str
    help: str
    params: tuple[Param, ...]
    lr_at: Callable[[int, float, dict], float]     # (epoch, base_lr, config) -> lr
    # epochs between the schedule's corners (a step's cuts, a cosine's tops and bottoms):
    # a bounded preview samples the epochs on either side of each
    corners_every: Callable[[dict], int] | None = None


def _constant(epoch: int, base_lr: float, config: dict) -> float:
    return base_lr


def _step(epoch: int, base_lr: float, config: dict) -> float:
    return _scaled(base_lr, config["gamma"], epoch // config["step_size"])


def _exponential(epoch: int, base_lr: float, config: dict) -> float:
    return _scaled(base_lr, config["gamma"], epoch)


def _scaled(base_lr: float, gamma: float, times: int) -> float:
    """``base_lr * gamma ** times``; inf where that overflows (float ** int raises
    OverflowError instead). Validation refuses such a schedule over a file's run
    (growth_problem); a script or a longer run than planned gets inf, which diverges."""
    try:
        return base_lr * gamma ** times
    except OverflowError:
        return math.inf


MAX_LR_LOG10 = 300     # a learning rate of 1e300 is already absurd; 1e308 overflows


def growth_problem(name: str, config: dict, base_lr: float, epochs: int) -> str | None:
    """Why the learning rate of a (validated) schedule would overflow within ``epochs``
    epochs, or None. Computed in logarithms from the last epoch: the same cost for 2e9
    epochs as for 2."""
    gamma = config.get("gamma")
    if name not in ("step", "exponential") or gamma is None or gamma <= 1 \
            or base_lr <= 0 or epochs < 1:
        return None
    times = epochs // config["step_size"] if name == "step" else epochs
    peak = math.log10(base_lr) + times * math.log10(gamma)
    if peak <= MAX_LR_LOG10:
        return None
    every = (f"every {config['step_size']} epochs" if name == "step"
             and config["step_size"] > 1 else "every epoch")
    most = 10 ** ((MAX_LR_LOG10 - math.log10(base_lr)) / times)
    return (f"gamma {gamma:g} multiplies the learning rate {base_lr:g} {every}: after "
            f"{epochs:,} epochs it would be about 1e+{peak:.0f}, beyond what a number can "
            f"hold: use a gamma of at most {most:.4g} or fewer epochs")


def _cosine(epoch: int, base_lr: float, config: dict) -> float:
    eta_min = config["eta_min"]
    return eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * epoch / config["t_max"])) / 2


def _gamma(default: float, what: str) -> Param:
    return Param("gamma", "float", default, f"Factor the learning rate is multiplied by "
                 f"{what}.", min=0.0, min_exclusive=True)


SCHEDULERS = Registry("scheduler")
for _spec in (
    SchedulerSpec("none", "Keep the learning rate constant.", (), _constant),
    SchedulerSpec("step", "Cut the learning rate by a factor every few epochs "
                  "(PyTorch's StepLR).",
                  (Param("step_size", "int", 10, "Number of epochs between two cuts.",
                         min=1),
                   _gamma(0.1, "at every cut")), _step, lambda c: c["step_size"]),
    SchedulerSpec("exponential", "Shrink the learning rate by the same factor after every "
                  "epoch (PyTorch's ExponentialLR).",
                  (_gamma(0.95, "after every epoch"),), _exponential),
    SchedulerSpec("cosine", "Glide the learning rate down along half a cosine wave to a "
                  "minimum after t_max epochs, then back up (PyTorch's CosineAnnealingLR).",
                  (Param("t_max", "int", 50, "Epochs from the starting rate down to the "
                         "minimum.", min=1),
                   Param("eta_min", "float", 0.0, "The smallest learning rate, reached at "
                         "epoch t_max.", min=0.0)), _cosine, lambda c: c["t_max"]),
):
    SCHEDULERS.add(_spec.name, _spec)


def validate_scheduler_config(config: dict | None) -> tuple[SchedulerSpec, dict]:
    """(spec, complete config) or ValueError naming the scheduler and the field."""
    config = {"name": "none"} if config is None else config
    return resolve_config(SCHEDULERS, config, '{"name": "cosine", "t_max": 50}')


class Scheduler:
    """Sets ``optimizer.lr`` for the current epoch; call ``step()`` after every epoch."""

    def __init__(self, spec: SchedulerSpec, config: dict, optimizer):
        self.spec = spec
        self.config = config
        self.optimizer = optimizer
        self._base_lr = float(optimizer.lr)
        self.last_epoch = 0
        self._apply()

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def base_lr(self) -> float:
        """The rate at epoch 0; setting it rescales the schedule from the current epoch on."""
        return self._base_lr

    @base_lr.setter
    def base_lr(self, value: float) -> None:
        self._base_lr = float(value)
        self._apply()

    def lr_at(self, epoch: int) -> float:
        return self.spec.lr_at(epoch, self._base_lr, self.config)

    def step(self) -> None:
        self.last_epoch += 1
        self._apply()

    def _apply(self) -> None:
        self.optimizer.lr = self.lr_at(self.last_epoch)

    def state_dict(self) -> dict:
        return {"name": self.name, "last_epoch": self.last_epoch, "base_lr": self._base_lr}

    def load_state_dict(self, d: dict) -> None:
        if d.get("name") != self.name:
            raise ValueError(f"scheduler {self.name!r}: the saved state is of scheduler "
                             f"{d.get('name')!r}")
        self.last_epoch = int(d["last_epoch"])
        self.base_lr = d["base_lr"]


def make_scheduler(config: dict | None, optimizer) -> Scheduler:
    """A scheduler driving ``optimizer.lr``; the optimizer's current lr is the base."""
    spec, complete = validate_scheduler_config(config)
    return Scheduler(spec, complete, optimizer)


class _LrHolder:
    """Stands in for an optimizer: all a scheduler needs is an ``lr`` attribute."""

    def __init__(self, lr: float):
        self.lr = lr


def preview_lrs(config: dict | None, base_lr: float, epochs: int) -> list[float]:
    """The lr in force during each of ``epochs`` epochs, as training would step it."""
    sched = make_scheduler(config, _LrHolder(float(base_lr)))
    lrs = []
    for _ in range(max(int(epochs), 0)):
        lrs.append(sched.optimizer.lr)
        sched.step()
    return lrs


# ---- a bounded preview --------------------------------------------------------------------
MAX_PREVIEW_POINTS = 400        # what a plot a few hundred pixels wide can show
POINTS_PER_BUCKET = 6           # a bucket's ends and the epochs either side of two corners


@dataclass(frozen=True)
class LrPreview:
    """The lr in force during a sample of a run's epochs (``epochs``, ascending, from 0 to
    ``total - 1``); ``overflow_epoch`` is the first epoch whose lr is no finite number."""
    epochs: tuple[int, ...]
    lrs: tuple[float, ...]
    total: int
    overflow_epoch: int | None

    @property
    def complete(self) -> bool:
        """Every epoch is in the sample."""
        return len(self.epochs) == self.total


def sample_lrs(config: dict | None, base_lr, epochs,
               max_points: int = MAX_PREVIEW_POINTS) -> LrPreview:
    """The schedule over ``epochs`` epochs in at most ``max_points`` points, whatever the
    count: every epoch when they fit, else both ends of evenly spaced stretches and the
    epochs either side of the corners in each (a step schedule's cuts stay sharp, a fast
    cosine shows its whole swing). ValueError for a config, lr or epoch count refused."""
    spec, complete = validate_scheduler_config(config)
    lr, total = _number(base_lr, "the learning rate"), _whole(epochs)

    def lr_at(epoch: int) -> float:
        return spec.lr_at(epoch, lr, complete)

    every = spec.corners_every(complete) if spec.corners_every else None
    sample = sample_epochs(total, every, max_points)
    lrs = [lr_at(e) for e in sample]
    return LrPreview(tuple(sample), tuple(lrs), total, _first_overflow(lr_at, sample, lrs))


def sample_epochs(total: int, corners_every: int | None, max_points: int) -> list[int]:
    """At most ``max_points`` epochs of 0 .. total - 1 (see sample_lrs)."""
    if total <= max_points:
        return list(range(total))
    corners = (total - 1) // corners_every if corners_every else 0
    if 4 * corners <= max_points:         # few corners: each one, evenly spaced epochs between
        chosen = set(_evenly_spaced(total, max_points - 2 * corners))
        for k in range(1, corners + 1):
            chosen.update((k * corners_every - 1, k * corners_every))
        return sorted(chosen)
    return _corners_per_stretch(total, corners_every, max_points // POINTS_PER_BUCKET)


def _evenly_spaced(total: int, count: int) -> list[int]:
    count = max(count, 2)
    return [(total - 1) * i // (count - 1) for i in range(count)]


def _corners_per_stretch(total: int, every: int, stretches: int) -> list[int]:
    """Many corners: each stretch's ends and the epochs either side of its first two
    corners, so the sample holds the schedule's highs and lows in every stretch."""
    edges = [total * k // stretches for k in range(stretches + 1)]
    chosen: set[int] = set()
    for start, end in zip(edges, edges[1:]):
        chosen.update((start, end - 1))
        first = -(-start // every) * every
        for corner in (first, first + every):
            if corner < end:
                chosen.update((max(start, corner - 1), corner))
    return sorted(chosen)


def _first_overflow(lr_at, sample: list[int], lrs: list[float]) -> int | None:
    """The first epoch whose lr is inf or NaN: found in the sample, then pinned down by
    bisection (an lr that overflowed stays overflowed: it only grows from there)."""
    bad = next((i for i, v in enumerate(lrs) if not math.isfinite(v)), None)
    if bad is None:
        return None
    good, first = (sample[bad - 1] if bad else -1), sample[bad]
    while first - good > 1:
        middle = (good + first) // 2
        if math.isfinite(lr_at(middle)):
            good = middle
        else:
            first = middle
    return first


def _number(value, what: str) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{what} must be a number, got {str(value)[:40]!r}") from None


def _whole(epochs) -> int:
    if isinstance(epochs, bool):
        raise ValueError(f"epochs must be a whole number, got {epochs!r}")
    try:
        whole = max(int(epochs), 0)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"epochs must be a whole number, got {str(epochs)[:40]!r}") from None
    if whole > MAX_WHOLE:         # beyond it a float cannot count epochs one by one
        raise ValueError(f"epochs must be at most {MAX_WHOLE:,}, got a number of about "
                         f"{whole.bit_length() * 0.30103:,.0f} digits")
    return whole
