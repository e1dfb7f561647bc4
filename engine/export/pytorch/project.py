"""The PyTorch project's files, made in memory: model.py, weights.pt, data.npz, train.py,
README.md. folder.py writes them; nothing here touches the disk.

train.py's settings map the file's training section to PyTorch's own classes. The engine
follows their rules already (engine/optim, engine/nn/losses.py), so the map is names and
argument names only: one small function per optimizer and scheduler, none per layer.
"""
from __future__ import annotations

import io
import math

import numpy as np

from engine.errors import ExportError
from engine.export.pytorch.data import dataset_arrays, npz_bytes, training_dataset
from engine.export.pytorch.model_code import model_source, python_names, torch_state_dict
from engine.export.pytorch.readme import readme_text
from engine.export.pytorch.train_template import render_train_script
from engine.graph.analysis import analyse
from engine.graph.network import default_training_note
from engine.nn.losses import get_loss
from engine.nn.regularization import penalised_weights, regularization_config
from engine.optim.optimizers import validate_optimizer_config
from engine.optim.schedulers import validate_scheduler_config

# The engine's optimizer hyper-parameters as PyTorch's keyword arguments.
TORCH_OPTIMIZERS = {
    "sgd": lambda h: ("SGD", _pick(h, "lr", "momentum", "dampening", "nesterov",
                                   "weight_decay")),
    "rmsprop": lambda h: ("RMSprop", _pick(h, "lr", "alpha", "eps", "weight_decay",
                                           "momentum", "centered")),
    "adagrad": lambda h: ("Adagrad", _pick(h, "lr", "lr_decay", "weight_decay",
                                           "initial_accumulator_value", "eps")),
    "adam": lambda h: ("Adam", _adam_args(h)),
    "adamw": lambda h: ("AdamW", _adam_args(h)),
}
# Schedulers stepped once per epoch in both (None: a constant rate, no scheduler).
TORCH_SCHEDULERS = {
    "none": lambda c: None,
    "step": lambda c: ("StepLR", {"step_size": c["step_size"], "gamma": c["gamma"]}),
    "exponential": lambda c: ("ExponentialLR", {"gamma": c["gamma"]}),
    "cosine": lambda c: ("CosineAnnealingLR", {"T_max": c["t_max"], "eta_min": c["eta_min"]}),
}


def _pick(hyper: dict, *names: str) -> dict:
    return {name: hyper[name] for name in names}


def _adam_args(h: dict) -> dict:
    return {"lr": h["lr"], "betas": (h["beta1"], h["beta2"]), "eps": h["eps"],
            "weight_decay": h["weight_decay"], "amsgrad": h["amsgrad"]}


def checked_training(net) -> dict:
    """The training section train.py runs (the defaults for a file without one), after the
    engine's own checks: ExportError naming the first problem."""
    problems = analyse(net, training=True).problems
    if problems:
        more = f" (and {len(problems) - 1} more: run main.py check)" if len(problems) > 1 else ""
        why = "" if net.has_training else (
            f"{default_training_note()}; they do not fit this network (add a training "
            f"section; --to onnx needs none): ")
        raise ExportError(problems[0].node_id, f"{why}{problems[0].message}{more}")
    return net.training


def train_settings(net, model, training: dict) -> dict:
    """SETTINGS of train.py: plain Python values and PyTorch class names."""
    _, hyper = validate_optimizer_config(training["optimizer"])
    scheduler, sched_config = validate_scheduler_config(training.get("scheduler"))
    optimizer = training["optimizer"]["name"]
    if optimizer not in TORCH_OPTIMIZERS or scheduler.name not in TORCH_SCHEDULERS:
        missing = optimizer if optimizer not in TORCH_OPTIMIZERS else scheduler.name
        raise ExportError(None, f"training: {missing!r} has no PyTorch form in the export")
    settings = {
        "network": str(net.name or ""),
        "loss": training["loss"],
        "loss_reads_input_of": _fused_module(model, training["loss"]),
        "optimizer": TORCH_OPTIMIZERS[optimizer](hyper),
        "scheduler": TORCH_SCHEDULERS[scheduler.name](sched_config),
        "batch_size": int(training["batch_size"]),
        "epochs": int(training["epochs"]),
        "seed": int(training.get("seed", 0)),
        "regularization": _regularization(model, training),
    }
    _check_finite(settings)
    return settings


def _fused_module(model, loss_name: str) -> str | None:
    """The attribute of the final Softmax / Sigmoid whose input the loss reads (the engine
    fuses it with cross_entropy / bce: Model.loss_input), or None: the loss reads the output."""
    loss = get_loss(loss_name)
    node = model.by_id[model.output_id]
    if loss.fused_activation != type(node.layer).__name__:
        return None
    return python_names([n.id for n in model.nodes])[node.id]


def _regularization(model, training: dict) -> dict | None:
    """l1, l2 and the state_dict keys of the weights they penalise (the engine's choice:
    trained Dense / Conv2D kernels, not biases nor BatchNorm), or None when off."""
    config = regularization_config(training)
    keys = sorted(penalised_weights(model))
    if not (config["l1"] or config["l2"]) or not keys:
        return None
    return {**config, "weights": keys}


def _check_finite(value, where: str = "training") -> None:
    """SETTINGS is written as a Python literal: inf and nan have none (validation refuses
    them before; this keeps a broken train.py from ever being written)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ExportError(None, f"{where} is {value}: train.py needs a finite number")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_finite(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_finite(item, where)


def weights_pt(model) -> bytes:
    """torch.save of the state_dict (torch is needed to write the format it reads)."""
    try:
        import torch
    except ImportError:
        raise ExportError(None, "writing weights.pt needs PyTorch, which is not installed "
                                "here (pip install torch); the ONNX export (--to onnx) "
                                "needs no torch") from None
    state = {key: torch.from_numpy(np.array(a, copy=True))
             for key, a in torch_state_dict(model).items()}
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


def project_files(net, model, weights_note: str, dataset=None) -> dict[str, bytes]:
    """Every file of the project, by name. ``dataset``: the run's, if loaded already (else
    loaded here from the section, as the Trainer does); ``weights_note`` says in README.md
    which weights weights.pt holds."""
    training = checked_training(net)
    settings = train_settings(net, model, training)
    source = model_source(net, model)                 # ExportError names a node it cannot write
    weights = weights_pt(model)
    ds = dataset if dataset is not None else training_dataset(training, net.folder)
    readme = readme_text(net, model, settings, ds, weights_note)
    return {"model.py": source.encode(), "weights.pt": weights,
            "data.npz": npz_bytes(dataset_arrays(ds)),
            "train.py": render_train_script(settings).encode(), "README.md": readme.encode()}
