"""Building a run: a Trainer from the document (with its data kept across weight resets),
what the views need to know about it (RunInfo), and the probe request of the visible views."""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from engine.graph.compiler import compile_network
from engine.data import load_dataset
from engine.training.messages import ProbeRequest
from engine.training.metrics import param_layers
from engine.graph.network import Network
from engine.training.trainer import Trainer
from gui.param_shapes import node_param_shapes

PROBE_EVERY_MS = 500.0          # heavy probes at most twice a second
GRID_RES = 60
SURFACE_EVERY_MS = 5000.0       # a loss surface costs ~100 ms of training: 2 % at one per 5 s


@dataclass(frozen=True)
class RunInfo:
    run_id: int
    seed: int
    n_batches: int
    epochs: int
    task: str
    layer_ids: list            # nodes with parameters, input to output
    node_ids: list
    n_samples: int             # examples the sample picker can choose (validation set)
    input_shape: tuple
    class_names: tuple
    optimizer: str
    lr: float


def graph_key(doc_dict: dict) -> str:
    """What a run depends on: layers, params, wires and training (not node positions)."""
    nodes = [{k: v for k, v in n.items() if k != "ui"} for n in doc_dict.get("nodes", [])]
    return json.dumps({"nodes": nodes, "edges": doc_dict.get("edges", []),
                       "training": doc_dict.get("training")}, sort_keys=True, default=str)


class TrainerFactory:
    """Makes Trainers; the dataset is loaded once per dataset section and base seed, so a
    weight reset (a new seed) trains on the same data from another start."""

    def __init__(self):
        self._data_key = None
        self._dataset = None

    def make(self, doc_dict: dict, seed_offset: int) -> Trainer:
        """Raises the engine's errors (GraphErrors, TrainingError, DataError) on bad input."""
        network = Network.from_dict(doc_dict)
        training = network.training or {}
        base_seed = int(training.get("seed", 0) or 0)
        dataset = None
        if "dataset" in training:
            key = json.dumps([training["dataset"], base_seed], sort_keys=True, default=str)
            if key != self._data_key:
                self._dataset, self._data_key = load_dataset(training["dataset"], base_seed), key
            dataset = self._dataset
        return Trainer(network, seed=base_seed + seed_offset, dataset=dataset)


def run_info(trainer: Trainer, run_id: int) -> RunInfo:
    ds, model = trainer.dataset, trainer.model
    n_eval = len(ds.x_val) if len(ds.x_val) else len(ds.x_train)
    return RunInfo(run_id=run_id, seed=trainer.seed, n_batches=trainer.n_batches,
                   epochs=trainer.epochs, task=trainer.task,
                   layer_ids=[n.id for n in param_layers(model)],
                   node_ids=[n.id for n in model.nodes], n_samples=n_eval,
                   input_shape=tuple(model.input_shape), class_names=tuple(ds.class_names or ()),
                   optimizer=str(trainer.config["optimizer"].get("name", "")), lr=trainer.lr)


def probe_request(info: RunInfo | None, *, node: str | None, node_views: bool,
                  previews: bool, grid_view: bool, confusion_view: bool,
                  sample: int, surface_view: bool = False) -> ProbeRequest | None:
    """What the visible views need; None when nothing."""
    if info is None:
        return None
    nodes = set()
    if node_views and node in info.node_ids:
        nodes.add(node)
    if previews:
        nodes.update(info.node_ids)
    request = ProbeRequest(
        nodes=tuple(n for n in info.node_ids if n in nodes),
        sample=min(max(0, sample), max(0, info.n_samples - 1)),
        grid=grid_view and len(info.input_shape) == 1 and info.input_shape[0] in (1, 2),
        grid_res=GRID_RES, confusion=confusion_view and info.task == "classification",
        surface=surface_view and bool(info.layer_ids), surface_every_ms=SURFACE_EVERY_MS,
        every_ms=PROBE_EVERY_MS)
    return None if request.is_empty() else request


def weight_ndim(doc_dict: dict, node_id: str, trainer: Trainer | None) -> int | None:
    """The number of axes of a node's "weight" (4 for convolutions), None if it has none."""
    model = trainer.model if trainer is not None else None
    if model is None or node_id not in model.by_id:
        try:
            model = compile_network(Network.from_dict(doc_dict), seed=0)
        except Exception:        # noqa: BLE001 -- an unfinished graph: no weights known yet
            return None
    node = model.by_id.get(node_id)
    weight = node.layer.weights.get("weight") if node is not None else None
    return None if weight is None else weight.ndim


def unavailable_views(info: RunInfo) -> dict[str, str | None]:
    """Why the boundary / confusion views cannot show this run (None: they can)."""
    shape = list(info.input_shape)
    boundary = None
    if not (len(shape) == 1 and shape[0] in (1, 2)):
        boundary = (f"The decision boundary needs a 2-D input and the fitted curve a 1-D "
                    f"input; this network's input is {shape}")
    elif shape[0] == 2 and info.task != "classification":
        boundary = "The decision boundary is drawn for classification with a 2-D input"
    confusion = None if info.task == "classification" else (
        "Regression has no classes, so no confusion matrix: see the RMSE under Curves")
    return {"boundary": boundary, "confusion": confusion}


def model_weight(trainer, document, node_id: str | None) -> tuple[np.ndarray, int] | None:
    """(a copy of the compiled model's 2-D weight of ``node_id``, its step), or None when
    there is no model, no such node, or the model no longer matches the edited document."""
    model = getattr(trainer, "model", None)
    node = model.by_id.get(node_id) if model is not None and node_id else None
    weight = node.layer.weights.get("weight") if node is not None else None
    if weight is None or weight.ndim != 2:
        return None
    expected = (node_param_shapes(document, node_id) or {}).get("weight")
    if expected != tuple(weight.shape):
        return None          # a run of an older version of the network: its weights mislead
    return np.array(weight, dtype=np.float32, copy=True), int(trainer.model_step)
