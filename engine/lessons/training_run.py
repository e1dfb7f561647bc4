"""One training run of a lesson's network, driven an epoch at a time by the headless runner:
the Trainer the window's Train makes (the network's own ``training.seed``, no probes), its
events fed into a RunRecord."""
from __future__ import annotations

import json

from engine.data import load_dataset
from engine.errors import NetwrightError
from engine.graph.network import Network, run_key
from engine.lessons.record import RunRecord
from engine.training.messages import DivergedEvent, EpochEvent, FinishedEvent, StepEvent
from engine.training.trainer import Trainer


class RunEnded(Exception):
    """The run cannot go on (it cannot start, diverged or completed); the message says so."""


class TrainingRun:
    def __init__(self, network: dict, folder, datasets: dict):
        """``datasets``: loaded datasets by section, seed and folder, shared between runs
        (the window keeps its dataset across runs too). Raises RunEnded if it cannot train."""
        self.key = run_key(network)
        self.record = RunRecord()
        net = Network.from_dict(network)
        net.folder = folder
        try:
            self.trainer = Trainer(net, dataset=_dataset(net, datasets))
        except (NetwrightError, ValueError) as e:
            raise RunEnded(f"cannot train: {e}") from None
        self._events = self.trainer.run()

    def next_epoch(self) -> int:
        """Train one more epoch (1 returned, for counting); RunEnded if the run is over."""
        for event in self._events:
            if isinstance(event, StepEvent):
                self.record.add_step(event.step, event.epoch, event.loss)
            elif isinstance(event, EpochEvent):
                self.record.add_epoch(event)
                return 1
            elif isinstance(event, DivergedEvent):
                raise RunEnded(f"the run diverged in epoch {event.epoch}: {event.message}")
            elif isinstance(event, FinishedEvent):
                break
        raise RunEnded(f"the run ended after {self.record.epochs_done} epochs "
                       f"(training.epochs is {self.trainer.epochs})")

    def passed(self, after) -> bool:
        """Whether the run is already beyond the epoch end where ``after`` is first reached
        (a step asking for less than an earlier one starts a fresh run instead)."""
        if after.unit == "epochs":
            return self.record.epochs_done > after.count
        return self.record.steps_done - self.trainer.n_batches >= after.count

    def close(self) -> None:
        self._events.close()


def _dataset(net: Network, datasets: dict):
    training = net.training
    seed = int(training.get("seed", 0) or 0)
    key = json.dumps([training.get("dataset"), seed, str(net.folder)], sort_keys=True,
                     default=str)
    if key not in datasets:
        datasets[key] = load_dataset(training["dataset"], seed, base=net.folder)
    return datasets[key]
