"""--to pytorch: a self-contained PyTorch project in a folder, needing only torch and numpy:
model.py (class Model), weights.pt (its state_dict), data.npz (the engine's split and
scaling of the training data), train.py (one process, or torchrun's DistributedDataParallel),
README.md (how to run it on one machine and on several).

``export_project`` is the whole export (the window calls it with its run's data and a
note on the weights); the registered ``export`` is what ``main.py export --to pytorch`` runs.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.export import EXPORTERS
from engine.export.pytorch.folder import write_folder
from engine.export.pytorch.project import project_files
from engine.graph.compiler import compile_network

FILES = ("model.py", "weights.pt", "data.npz", "train.py", "README.md")


def export_project(net, model, out, weights_note: str, dataset=None) -> str:
    """Write the project into the folder ``out``; one line saying what was written.
    ExportError / DataError / GraphError name what is wrong; nothing is left half written."""
    out = Path(out)
    write_folder(out, project_files(net, model, weights_note, dataset), "pytorch")
    return f"wrote {out}{'' if str(out).endswith('/') else '/'}: {', '.join(FILES)}"


@EXPORTERS.register("pytorch")
def export(net, model, out) -> str:
    return export_project(net, model, out, describe_weights(net, model))


def describe_weights(net, model) -> str:
    """Which weights ``model`` holds, for README.md: the seeded initial ones if they equal a
    fresh compile with the file's seed, else loaded ones (``--weights``)."""
    seed = int((net.training or {}).get("seed", 0))
    initial = compile_network(net, seed=seed).state_dict()
    held = model.state_dict()
    if held.keys() == initial.keys() and all(np.array_equal(held[k], initial[k]) for k in held):
        return f"the seeded initial weights (seed {seed}), those training starts from"
    return "the weights given to the export (trained weights, from --weights)"
