"""Measuring what a check or record names: from the run (a RunRecord) or from the network
document. A measure that cannot be taken (an unknown node, a metric the task does not have)
raises MeasureError saying which, so the check fails with that sentence, never a crash."""
from __future__ import annotations

import math

from engine.data import DATASETS
from engine.graph.analysis import analyse
from engine.graph.network import Network
from engine.lessons.parts import DOCUMENT_METRICS, EPOCH_METRICS
from engine.lessons.record import RunRecord
from engine.nn.layers import LAYERS
from engine.optim.optimizers import OPTIMIZERS
from engine.optim.schedulers import SCHEDULERS

CLASSIFICATION_ONLY = ("train_accuracy", "val_accuracy")
REGRESSION_ONLY = ("train_rmse", "val_rmse", "train_r2", "val_r2")


class MeasureError(Exception):
    """What a check names cannot be measured; the message says why in one sentence."""


def as_network(network) -> Network:
    return network if isinstance(network, Network) else Network.from_dict(network)


def measure(item, record: RunRecord | None, network) -> object:
    """The value ``item`` (a Check or Record) names: a float, or for document metrics a
    number, string or list."""
    net = as_network(network)
    for node in ((item.node,) if item.node else ()) + tuple(item.nodes):
        if not net.has_node(node):
            raise MeasureError(f"the network has no node {node!r}")
    if item.metric in DOCUMENT_METRICS:
        return _document_value(item, net)
    if record is None or record.latest is None:
        raise MeasureError(f"{item.metric}: no epoch has finished yet")
    return _run_value(item, record)


def _run_value(item, record: RunRecord) -> float:
    epoch = record.latest
    if item.metric in EPOCH_METRICS:
        return _epoch_value(item.metric, epoch)
    if item.metric == "step_loss_std":
        return record.step_loss_std()
    if item.metric == "grad_norm":
        return _grad_norm(epoch, item.node)
    a, b = item.nodes
    below = _grad_norm(epoch, b)
    if below == 0:
        raise MeasureError(f"grad_norm_ratio {a}/{b}: {b}'s gradient norm is 0")
    return _grad_norm(epoch, a) / below


def _epoch_value(metric: str, epoch) -> float:
    if metric == "lr":
        return float(epoch.lr)
    if metric in ("train_loss", "val_loss"):
        value = getattr(epoch, metric)
    elif metric not in epoch.metrics:
        task = "regression" if metric in CLASSIFICATION_ONLY else "classification"
        raise MeasureError(f"{metric} is not measured on a {task} task")
    else:
        value = epoch.metrics[metric]
    if value is None:
        raise MeasureError(f"{metric}: the run has no validation split")
    return float(value)


def _grad_norm(epoch, node: str) -> float:
    if node not in epoch.grad_norms:
        raise MeasureError(f"node {node!r} has no weights, so no gradient norm")
    return float(epoch.grad_norms[node])


def _document_value(item, net: Network):
    if item.metric == "param":
        return _param(net, item.node, item.param)
    if item.metric == "training":
        return training_value(net.training or {}, item.field)
    analysis = analyse(net)
    if item.metric == "shape":
        shape = analysis.known_shapes.get(item.node)
        if shape is None:
            raise MeasureError(f"node {item.node!r} has no known output shape "
                               f"(the network has a problem there)")
        return list(shape)
    if item.node is None:
        return analysis.total_params()
    count = analysis.param_counts.get(item.node)
    if count is None:
        raise MeasureError(f"node {item.node!r}'s parameter count is not known")
    return count


def _param(net: Network, node_id: str, name: str):
    node = net.node(node_id)
    params = node.get("params") or {}
    if name in params:
        return params[name]
    spec = LAYERS.get(node.get("type"))
    try:
        return spec.param(name).default
    except (KeyError, AttributeError):
        raise MeasureError(f"node {node_id!r} ({node.get('type')}) has no parameter "
                           f"{name!r}") from None


def training_value(training: dict, dotted: str):
    """The training section's value at ``dotted`` ("optimizer.lr"); a setting the file
    leaves out reads as its registry default (sgd's momentum 0)."""
    parts = dotted.split(".")
    value = training
    for i, key in enumerate(parts):
        if isinstance(value, dict) and key in value:
            value = value[key]
            continue
        default = _registry_default(training, parts[:i], key)
        if default is _MISSING:
            raise MeasureError(f"the training section has no setting {dotted!r}")
        value = default
    return value


_MISSING = object()


def _registry_default(training: dict, parents: list, key: str):
    """The default of ``key`` under training.<parents>, from the optimizer, scheduler or
    dataset registry (``_MISSING`` if there is none)."""
    section = ".".join(parents)
    registries = {"optimizer": OPTIMIZERS, "scheduler": SCHEDULERS, "dataset.params": DATASETS}
    if section not in registries:
        return _MISSING
    owner = training.get(parents[0]) or {}
    spec = registries[section].get(owner.get("name") if isinstance(owner, dict) else None)
    try:
        return spec.param(key).default
    except (KeyError, AttributeError):
        return _MISSING


def is_finite_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
