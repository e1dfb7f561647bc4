"""RunRecord: what a run has produced so far, as lesson checks read it. The headless runner
feeds it the Trainer's events; the window feeds it its training process's StepChunks
(``add_steps(chunk.steps, chunk.epochs, chunk.losses)``, then ``add_epoch`` for each of
``chunk.epoch_ends``, in that order) and calls ``reset()`` when a new run starts."""
from __future__ import annotations

import math

from engine.training.messages import EpochEvent


class RunRecord:
    """The latest finished epoch, and the batch losses of the epochs not yet superseded
    (only what the checks read: a long run does not grow it)."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        """Forget everything: a new run starts."""
        self.latest: EpochEvent | None = None
        self.steps_done = 0
        self._losses: dict[int, list[float]] = {}      # 1-based epoch -> its batch losses

    @property
    def epochs_done(self) -> int:
        return 0 if self.latest is None else self.latest.epoch

    def add_step(self, step: int, epoch: int, loss: float) -> None:
        """One optimizer step: ``step`` done so far, the 1-based ``epoch`` it belongs to."""
        self.steps_done = max(self.steps_done, int(step))
        self._losses.setdefault(int(epoch), []).append(float(loss))

    def add_steps(self, steps, epochs, losses) -> None:
        """Many steps at once (a StepChunk's steps, epochs and losses arrays)."""
        for step, epoch, loss in zip(steps, epochs, losses):
            self.add_step(step, epoch, loss)

    def add_epoch(self, event: EpochEvent) -> None:
        self.latest = event
        self.steps_done = max(self.steps_done, event.step)
        for epoch in [e for e in self._losses if e < event.epoch]:
            del self._losses[epoch]                 # no check reads an older epoch

    def reached(self, after) -> bool:
        """Whether the run has done at least ``after`` (an After: epochs or steps)."""
        done = self.epochs_done if after.unit == "epochs" else self.steps_done
        return done >= after.count

    def latest_step_losses(self) -> list[float]:
        """The batch losses of the latest finished epoch ([] before the first ends)."""
        return list(self._losses.get(self.epochs_done, [])) if self.latest else []

    def step_loss_std(self) -> float:
        """Population standard deviation of the latest finished epoch's batch losses."""
        losses = self.latest_step_losses()
        if not losses:
            return math.nan
        mean = sum(losses) / len(losses)
        return math.sqrt(sum((x - mean) ** 2 for x in losses) / len(losses))
