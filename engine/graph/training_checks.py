"""Every problem of a network's training section, in plain words: unknown or missing
settings, numbers out of range, a dataset that does not fit the Input, a loss that does not
fit the output, optimizer and schedule settings. No data is loaded (dataset_info only)."""
from __future__ import annotations

import difflib
import json

from engine.errors import DataError, GraphError
from engine.graph.memory import MemoryEstimate, memory_budget, memory_problem_text
from engine.graph.network import DEFAULT_TRAINING
from engine.graph.nodes import NodeFacts
from engine.graph.topology import Graph
from engine.nn.layers import LAYERS
from engine.schema import Param

TRAINING_KEYS = ("dataset", "loss", "optimizer", "scheduler", "regularization", "batch_size",
                 "epochs", "seed")
REQUIRED_TRAINING_KEYS = ("dataset", "loss", "optimizer", "batch_size", "epochs")
TRAINING_PARAMS = (
    Param("batch_size", "int", DEFAULT_TRAINING["batch_size"],
          "Examples per gradient step: 1 is pure SGD, the whole set is full-batch descent.",
          min=1),
    Param("epochs", "int", DEFAULT_TRAINING["epochs"],
          "How many times training walks through the whole training set.", min=1),
    Param("seed", "int", DEFAULT_TRAINING["seed"],
          "Seeds the initial weights, the data and the shuffling: same seed, same run.", min=0),
)


def training_problems(t, g: Graph, nodes: dict[str, NodeFacts], output: str | None,
                      memory: MemoryEstimate | None = None, folder=None) -> list[GraphError]:
    """The problems of the training section ``t``, given the graph's analysis and its
    training memory estimate (engine.graph.memory; None: not known). ``folder``: where the
    dataset's relative paths start (Network.folder)."""
    if not isinstance(t, dict):
        return [GraphError(None, f"training must be an object {{...}}, got {t!r}")]
    errors = _training_key_errors(t)
    errors += _number_errors(t)
    info, data_errors = _dataset_info(t, folder)
    errors += data_errors
    inputs = g.input_nodes()
    if info is not None and len(inputs) == 1:
        errors += _input_fit(inputs[0], nodes[inputs[0]].shape, t["dataset"], info)
    errors += _loss_errors(t, info, g, nodes, output)
    errors += _optimizer_errors(t)
    errors += _scheduler_errors(t)
    errors += _regularization_errors(t)
    errors += _memory_errors(memory)
    return errors


def _training_key_errors(t: dict) -> list[GraphError]:
    errors = []
    for key in t:
        if key not in TRAINING_KEYS:
            guess = difflib.get_close_matches(key, TRAINING_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean {guess[0]!r}?" if guess else f"allowed: {', '.join(TRAINING_KEYS)}"
            errors.append(GraphError(None, f"training: unknown setting {key!r}: {hint}"))
    for key in REQUIRED_TRAINING_KEYS:
        if key not in t:
            example = DEFAULT_TRAINING[key]
            errors.append(GraphError(None, f"training: {key!r} is missing (for example "
                                           f"\"{key}\": {_json(example)})"))
    return errors


def _number_errors(t: dict) -> list[GraphError]:
    errors = []
    for p in TRAINING_PARAMS:
        if p.name in t:
            try:
                p.validate(t[p.name])
            except ValueError as e:
                errors.append(GraphError(None, f"training: {e}"))
    return errors


def _dataset_info(t: dict, folder):
    if "dataset" not in t:
        return None, []
    from engine.data import dataset_info
    try:
        return dataset_info(t["dataset"], base=folder), []
    except DataError as e:
        return None, [GraphError(None, str(e))]


def _input_fit(input_id: str, shape, section: dict, info) -> list[GraphError]:
    want = tuple(info.feature_shape)
    if not isinstance(shape, tuple) or shape == want:
        return []
    return [GraphError(input_id, f"the Input {input_id!r} has shape {list(shape)} but dataset "
                                 f"{section.get('name')!r} gives {list(want)}: set the Input's "
                                 f"shape to {list(want)}")]


def _loss_errors(t: dict, info, g: Graph, nodes: dict[str, NodeFacts],
                 out: str | None) -> list[GraphError]:
    from engine.nn.losses import LOSSES
    if "loss" not in t:
        return []
    name = t["loss"]
    if not isinstance(name, str) or name not in LOSSES:
        known = list(LOSSES)
        guess = difflib.get_close_matches(str(name), known, n=1, cutoff=0.5)
        hint = f"did you mean {guess[0]!r}?" if guess else f"known losses: {', '.join(known)}"
        return [GraphError(None, f"unknown loss {name!r}: {hint}")]
    if info is None or out is None:
        return []
    return _loss_fit(LOSSES[name], info, g, out, nodes[out])


def _loss_fit(loss, info, g: Graph, out: str, facts: NodeFacts) -> list[GraphError]:
    if loss.task != info.task:
        return [GraphError(out, _task_mismatch_text(loss, info))]
    shape = facts.shape
    if shape is None or facts.problems:
        return []          # the output's own problem is reported by the graph checks
    other = _other_loss_activation(loss, facts.type)
    need, why = _units_needed(loss, info)
    if other is None and need is None:
        return [GraphError(out, why)]
    if other is None and shape == (need,):
        return []
    if need is None or shape == (need,):
        lead = (f"loss {loss.name!r} goes with a {loss.fused_activation} at the output, but "
                f"{out!r} is a {facts.type}")
    else:
        lead = (f"loss {loss.name!r} needs the output {out!r} to give {need} "
                f"unit{'s' if need != 1 else ''} ({why}), but it gives {list(shape)}")
    fix = (_activation_fixes(loss, other, info, g, out) if other is not None
           else _units_fix(g, out, shape, need))
    return [GraphError(out, f"{lead}: {fix}")]


def _other_loss_activation(loss, type_name: str):
    """The loss made for an output of ``type_name`` when it is not ``loss``'s own trailing
    activation (bce after a Softmax, cross_entropy after a Sigmoid); else None."""
    from engine.nn.losses import LOSSES
    if loss.fused_activation is None or type_name == loss.fused_activation:
        return None
    return next((other for other in LOSSES.values() if other.fused_activation == type_name
                 and other.task == loss.task), None)


def _activation_fixes(loss, other, info, g: Graph, out: str) -> str:
    """Change the loss, or the output's activation and its units. Never the units alone:
    bce after a two-unit Softmax would become a one-unit Softmax, which always outputs 1."""
    layer = _last_units_node(g, out)
    where = f"{layer!r}" if layer else "the layer before it"
    fixes = []
    for wanted, activation in ((other, None), (loss, loss.fused_activation)):
        units, why = _units_needed(wanted, info)
        if units is None:
            continue                   # e.g. bce on three classes: not a fix
        plural = "s" if units != 1 else ""
        fixes.append(f"use the loss {wanted.name!r} with {units} unit{plural} on {where} "
                     f"({why})" if activation is None else
                     f"replace {out!r} with a {activation} and give {where} {units} "
                     f"unit{plural} ({why})")
    return ", or ".join(fixes)


def _units_needed(loss, info) -> tuple[int | None, str]:
    if loss.task == "regression":
        return info.target_dim, f"one per target of dataset {info.name!r}"
    if loss.fused_activation == "Sigmoid":    # one probability: that of class 1
        if info.n_classes != 2:
            return None, (f"loss {loss.name!r} is for two classes, but dataset {info.name!r} "
                          f"has {info.n_classes}: use cross_entropy with {info.n_classes} "
                          f"output units")
        return 1, "the probability of class 1"
    return info.n_classes, f"one per class of dataset {info.name!r}"


def _units_fix(g: Graph, out: str, shape: tuple, need: int) -> str:
    if len(shape) != 1:
        return f"add a Flatten and a Dense({need}) after {out!r}"
    layer = _last_units_node(g, out)
    where = f"of {layer!r}" if layer else "of the last Dense layer"
    return f"set units {where} to {need}"


def _last_units_node(g: Graph, nid: str) -> str | None:
    """The nearest node at or before ``nid`` (along single inputs) that has a ``units`` param:
    the one that decides how many outputs there are."""
    seen = set()
    while nid not in seen:
        seen.add(nid)
        spec = LAYERS[g.nodes[nid]["type"]]
        if any(p.name == "units" for p in spec.params):
            return nid
        if len(g.inputs[nid]) != 1:
            return None
        nid = g.inputs[nid][0]
    return None


def _task_mismatch_text(loss, info) -> str:
    if info.task == "regression":
        return (f"loss {loss.name!r} is for classification, but dataset {info.name!r} is a "
                f"regression set (its targets are numbers, not classes): use mse, mae or rmse")
    two = " or bce" if info.n_classes == 2 else ""
    return (f"loss {loss.name!r} is for regression, but dataset {info.name!r} is a "
            f"classification set (its targets are classes, not numbers): use "
            f"cross_entropy{two}")


def _optimizer_errors(t: dict) -> list[GraphError]:
    from engine.optim.optimizers import validate_optimizer_config
    if "optimizer" not in t:
        return []
    try:
        validate_optimizer_config(t["optimizer"])
    except ValueError as e:
        return [GraphError(None, str(e))]
    return []


def _scheduler_errors(t: dict) -> list[GraphError]:
    from engine.optim.schedulers import growth_problem, validate_scheduler_config
    try:
        spec, config = validate_scheduler_config(t.get("scheduler"))
    except ValueError as e:
        return [GraphError(None, str(e))]
    lr, epochs = _valid_lr_and_epochs(t)
    problem = (None if lr is None or epochs is None
               else growth_problem(spec.name, config, lr, epochs))
    return [GraphError(None, f"scheduler {spec.name!r}: {problem}")] if problem else []


def _regularization_errors(t: dict) -> list[GraphError]:
    from engine.nn.regularization import regularization_config
    try:
        regularization_config(t)
    except ValueError as e:
        return [GraphError(None, str(e))]
    return []


def _valid_lr_and_epochs(t: dict) -> tuple[float | None, int | None]:
    """The run's starting learning rate and epoch count, None where either is invalid
    (reported by the other checks)."""
    from engine.optim.optimizers import validate_optimizer_config
    try:
        _, optimizer = validate_optimizer_config(t.get("optimizer"))
        epochs = next(p for p in TRAINING_PARAMS if p.name == "epochs").validate(
            t.get("epochs", DEFAULT_TRAINING["epochs"]))
    except (ValueError, TypeError, StopIteration):
        return None, None
    return optimizer.get("lr"), epochs


def _memory_errors(memory: MemoryEstimate | None) -> list[GraphError]:
    """Refuse what cannot fit in memory before anything is allocated (it ended in a
    MemoryError at 3-5 GB)."""
    problem = memory and memory_problem_text(memory, memory_budget())
    return [GraphError(None, problem)] if problem else []


def _json(v) -> str:
    return json.dumps(v)
