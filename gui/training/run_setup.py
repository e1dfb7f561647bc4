"""Building a run: a Trainer from the document (with its data kept across weight resets),
what the views need to know about it (RunInfo) and about the selected node (NodeInfo), and
the probe request of the visible views."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from engine.data import load_dataset, share
from engine.data.csv_table import forget_failed_reads
from engine.graph.network import Network
from engine.training.messages import ProbeRequest
from engine.training.metrics import param_layers
from engine.training.probes import merge_kinds
from engine.training.trainer import Trainer
from gui.i18n import translate
from gui.param_shapes import node_param_shapes
from gui.training.previews import CARD_PROBES

PROBE_EVERY_MS = 500.0          # heavy probes at most twice a second


@dataclass(frozen=True)
class NodeInfo:
    """The node selected on the canvas, as the Layer views need it."""
    id: str
    spec: object | None          # its LayerSpec (None: an unknown type)
    config: dict                 # its hyper-parameters, as the file holds them
    weight_shapes: dict          # array name -> shape, from the analysis ({}: none or unknown)
    unknown_because: str | None = None   # why its shape is unknown (None: it is known)
    inputs: tuple = ()           # ids of the nodes feeding it, in port order
    consumers: tuple = ()        # (id, type) of the nodes it feeds

    @property
    def has_weights(self) -> bool:
        return bool(self.weight_shapes)

    @property
    def weight_ndim(self) -> int | None:
        shape = self.weight_shapes.get("weight")
        return None if shape is None else len(shape)


def node_info(document, node_id: str | None) -> NodeInfo | None:
    if node_id is None or not document.has_node(node_id):
        return None
    return NodeInfo(id=node_id, spec=document.spec(node_id),
                    config=dict(document.node(node_id).get("params") or {}),
                    weight_shapes=node_param_shapes(document, node_id) or {},
                    unknown_because=_unknown_because(document.analysis.node(node_id)),
                    inputs=tuple(document.network.inputs_of(node_id)),
                    consumers=_consumers(document.network, node_id))


def _consumers(network, node_id: str) -> tuple:
    types = {n["id"]: n.get("type") for n in network.nodes}
    return tuple((e["to"], types.get(e["to"])) for e in network.edges if e["from"] == node_id)


def _unknown_because(facts) -> str | None:
    if facts is not None and facts.shape is not None:
        return None
    if facts and facts.problems:
        return facts.problems[0].message
    return translate("RunSetup", "its shape is unknown")


@dataclass(frozen=True)
class RunInfo:
    run_id: int
    seed: int
    n_batches: int
    epochs: int
    task: str
    layer_ids: list            # nodes with parameters, input to output
    frozen_ids: list           # those of them that do not train (trainable off)
    node_ids: list
    n_samples: int             # examples the sample picker can choose (validation set)
    input_shape: tuple
    class_names: tuple
    optimizer: str
    lr: float
    settings: dict = field(default_factory=dict)    # run_settings: what tells runs apart


class TrainerFactory:
    """Makes Trainers; the dataset is loaded once per dataset section and base seed, so a
    weight reset (a new seed) trains on the same data from another start."""

    def __init__(self):
        self._data_key = None
        self._dataset = None

    @staticmethod
    def _training(doc_dict: dict) -> dict:
        return Network.from_dict(doc_dict).training or {}    # with the defaults filled in

    def _key(self, doc_dict: dict, folder) -> str | None:
        training = self._training(doc_dict)
        if "dataset" not in training:
            return None
        base_seed = int(training.get("seed", 0) or 0)
        return json.dumps([training["dataset"], base_seed, str(folder)], sort_keys=True,
                          default=str)

    def needs_load(self, doc_dict: dict, folder=None) -> bool:
        """Whether make() would load a dataset (not the one kept from the last run)."""
        key = self._key(doc_dict, folder)
        return key is not None and key != self._data_key

    def load_data(self, doc_dict: dict, folder=None) -> None:
        """Load (and share) the dataset make() will use. Safe on a worker thread: it touches
        only this factory's two fields, set together at the end."""
        key = self._key(doc_dict, folder)
        if key is None or key == self._data_key:
            return
        training = self._training(doc_dict)
        base_seed = int(training.get("seed", 0) or 0)
        self._dataset = self._data_key = None
        forget_failed_reads()      # Train tries again a file that failed at an edit
        # Shared: the training process maps the same memory, no copy of big sets.
        dataset = share(load_dataset(training["dataset"], base_seed, folder))
        self._dataset, self._data_key = dataset, key

    def make(self, doc_dict: dict, seed_offset: int, folder=None) -> Trainer:
        """Raises the engine's errors (GraphErrors, TrainingError, DataError) on bad input.
        ``folder``: the document's Network.folder, where relative data paths start."""
        network = Network.from_dict(doc_dict)
        network.folder = folder
        training = network.training or {}
        base_seed = int(training.get("seed", 0) or 0)
        self.load_data(doc_dict, folder)
        dataset = self._dataset if "dataset" in training else None
        return Trainer(network, seed=base_seed + seed_offset, dataset=dataset)


def run_info(trainer: Trainer, run_id: int) -> RunInfo:
    ds, model = trainer.dataset, trainer.model
    n_eval = len(ds.x_val) if len(ds.x_val) else len(ds.x_train)
    return RunInfo(run_id=run_id, seed=trainer.seed, n_batches=trainer.n_batches,
                   epochs=trainer.epochs, task=trainer.task,
                   layer_ids=[n.id for n in param_layers(model)],
                   frozen_ids=[n.id for n in param_layers(model)
                               if n.layer.config.get("trainable") is False],
                   node_ids=[n.id for n in model.nodes], n_samples=n_eval,
                   input_shape=tuple(model.input_shape), class_names=tuple(ds.class_names or ()),
                   optimizer=str(trainer.config["optimizer"].get("name", "")), lr=trainer.lr,
                   settings=run_settings(trainer.network.to_dict(), trainer.seed))


def run_settings(network: dict, seed: int) -> dict:
    """What tells one run from another, as short names and values ({"lr": "0.01",
    "batch size": "32", "a1": "Sigmoid", ...}): overlaid runs are labelled by what differs."""
    training = network.get("training") or {}
    optimizer, data = dict(training.get("optimizer") or {}), training.get("dataset") or {}
    regularization = training.get("regularization") or {}
    settings = {"optimizer": optimizer.pop("name", None), "lr": optimizer.pop("lr", None),
                **optimizer, "batch size": training.get("batch_size"),
                "scheduler": _call_text(training.get("scheduler") or {"name": "none"}),
                "loss": training.get("loss"), "L1": regularization.get("l1"),
                "L2": regularization.get("l2"), "data": data.get("name"),
                **(data.get("params") or {}), "validation split": data.get("validation_split"),
                "epochs": training.get("epochs"), "seed": seed}
    for node in network.get("nodes", []):
        params = node.get("params") or {}
        settings[node["id"]] = _call_text({"name": node.get("type"), **params})
    settings["wiring"] = " ".join(sorted(f"{e.get('from')}>{e.get('to')}:{e.get('port')}"
                                         for e in network.get("edges", [])))
    return {k: _value_text(v) for k, v in settings.items() if v is not None}


def _call_text(config: dict) -> str:
    """{"name": "Dense", "units": 32} -> 'Dense(units=32)'."""
    params = ", ".join(f"{k}={_value_text(v)}" for k, v in config.items() if k != "name")
    return f"{config.get('name')}({params})" if params else str(config.get("name"))


def _value_text(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def probe_request(info: RunInfo | None, kinds: dict, *, previews: bool,
                  sample: int) -> ProbeRequest | None:
    """What the visible views need (``kinds``) and the node previews; None when nothing."""
    if info is None:
        return None
    kinds = dict(kinds)
    if previews:
        kinds["nodes"] = tuple(info.node_ids)       # every node's output: all of them
        kinds = merge_kinds(kinds, CARD_PROBES)     # units' maps, badges
    if not kinds:
        return None
    return ProbeRequest(kinds, sample=min(max(0, sample), max(0, info.n_samples - 1)),
                        every_ms=PROBE_EVERY_MS)


def model_weight(trainer, document, node_id: str | None) -> tuple[dict, int] | None:
    """(copies of the compiled model's arrays of ``node_id`` {"weight": 2-D, "bias": ...}, its
    step), or None when there is no model, no such node or 2-D weight, or the model no longer
    matches the edited document."""
    model = getattr(trainer, "model", None)
    node = model.by_id.get(node_id) if model is not None and node_id else None
    weight = node.layer.weights.get("weight") if node is not None else None
    if weight is None or weight.ndim != 2:
        return None
    expected = (node_param_shapes(document, node_id) or {}).get("weight")
    if expected != tuple(weight.shape):
        return None          # a run of an older version of the network: its weights mislead
    copies = {k: np.array(v, dtype=np.float32, copy=True) for k, v in node.layer.weights.items()}
    return copies, int(trainer.step)
