"""A probe of a run that trained a while without one (as a view opened late sees it)."""
from __future__ import annotations

from pathlib import Path

from engine.graph.network import Network
from engine.training.messages import ProbeEvent, ProbeRequest
from engine.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def probe_after(example: str, steps: int, kinds: dict, loss: str | None = None):
    """Train ``steps`` steps of an example (``loss``: another loss) asking for no probe,
    then ask for ``kinds``: (the trainer, the first ProbeEvent)."""
    network = Network.load(EXAMPLES / f"{example}.nw.json").to_dict()
    if loss:
        network["training"]["loss"] = loss
    trainer = Trainer(network)
    trainer.keep_weight_path()                 # as the window's training process does
    run = trainer.run()
    for event in run:
        if getattr(event, "step", 0) >= steps:
            break
    run.close()
    trainer.set_probes(ProbeRequest(kinds, every_ms=0))
    run = trainer.run()
    probe = next(e for e in run if isinstance(e, ProbeEvent))
    run.close()
    return trainer, probe
