"""Every problem of a network, in plain words, on the node it concerns.

``validate(net)`` = ``validate_graph(net)`` (what compiling needs) + ``validate_training(net)``
(what training needs: dataset, loss, optimizer, schedule). Each returns a list of
GraphError(node_id, message); node_id is None for problems of the file as a whole. Both are
cheap enough to run on every edit (no data is loaded, no weights built).
"""
from __future__ import annotations

import difflib
import json
import math

from engine.nn.layers import LAYERS
from engine.errors import DataError, GraphError
from engine.graph.analysis import Graph, UpstreamError, analyse
from engine.graph.network import DEFAULT_TRAINING, Network
from engine.schema import Param

MAX_PARAMETERS = 50_000_000          # 200 MB of float32 weights in one layer
MAX_VALUES_PER_EXAMPLE = 20_000_000  # one example's output of one layer

TRAINING_KEYS = ("dataset", "loss", "optimizer", "scheduler", "batch_size", "epochs", "seed")
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


def validate(net: Network) -> list[GraphError]:
    """Every problem of the graph and of the training section."""
    g, shapes, problems = analyse(net)
    return _graph_errors(net, g, shapes, problems) + _training_errors(net, g, shapes)


def validate_graph(net: Network) -> list[GraphError]:
    """Every problem that stops the network from compiling."""
    g, shapes, problems = analyse(net)
    return _graph_errors(net, g, shapes, problems)


def validate_training(net: Network) -> list[GraphError]:
    """Every problem of the training section, including whether the dataset fits the Input
    and the loss fits the output."""
    g, shapes, _ = analyse(net)
    return _training_errors(net, g, shapes)


# ---- the graph ----------------------------------------------------------------------------
def _graph_errors(net: Network, g: Graph, shapes: dict, problems: dict) -> list[GraphError]:
    errors: list[GraphError] = []
    for k, e in g.dangling:
        errors.append(_dangling_edge(g, k, e))
    for _, e in g.duplicate_edges:
        errors.append(GraphError(e["to"], f"the edge {e['from']!r} -> {e['to']!r} appears "
                                          f"twice: delete one"))
    for nid in g.ids:
        errors += [p for p in problems.get(nid, []) if not isinstance(p, UpstreamError)]
    errors += _size_errors(g, shapes)
    errors += _input_node_errors(g)
    errors += _connection_errors(g, problems)
    return errors


def _size_errors(g: Graph, shapes: dict) -> list[GraphError]:
    """Layers too big to build: a typo (units 100000 after a large Flatten) must give a
    message, not exhaust the memory."""
    errors = []
    for nid in g.ids:
        shape = shapes.get(nid)
        if not isinstance(shape, tuple) or nid in g.duplicate_ids:
            continue
        spec = LAYERS[g.nodes[nid]["type"]]
        ins = [shapes[s] for s in g.inputs[nid]]
        count = spec.cls.param_count(spec.complete(g.nodes[nid].get("params")), ins)
        if count > MAX_PARAMETERS:
            errors.append(GraphError(nid, f"this layer would have {count:,} parameters "
                                          f"({count * 4 / 1e9:.1f} GB): make it smaller, or "
                                          f"shrink its input first (pooling, stride)"))
        elif math.prod(shape) > MAX_VALUES_PER_EXAMPLE:
            errors.append(GraphError(nid, f"its output {list(shape)} holds {math.prod(shape):,}"
                                          f" numbers per example, too many to train: use "
                                          f"fewer filters or a smaller image"))
    return errors


def _dangling_edge(g: Graph, k: int, e: dict) -> GraphError:
    src, dst = e["from"], e["to"]
    missing = [n for n in (src, dst) if n not in g.nodes]
    present = [n for n in (src, dst) if n in g.nodes]
    what = " and ".join(repr(m) for m in missing)
    return GraphError(present[0] if present else None,
                      f"edges[{k}] ({src!r} -> {dst!r}) refers to {what}, which "
                      f"{'is not a node' if len(missing) == 1 else 'are not nodes'}: "
                      f"delete the edge or add the node")


def input_nodes(g: Graph) -> list[str]:
    """Nodes of a type that takes no inputs (the Input layer), in file order."""
    return [nid for nid in g.ids if (g.nodes[nid]["type"] in LAYERS)
            and LAYERS[g.nodes[nid]["type"]].max_inputs == 0]


def _input_node_errors(g: Graph) -> list[GraphError]:
    inputs = input_nodes(g)
    if not g.ids:
        return [GraphError(None, "the network is empty: add an Input node and the layers "
                                 "after it")]
    if not inputs:
        return [GraphError(None, "the network has no Input node: add one and wire it to "
                                 "the first layer")]
    names = ", ".join(repr(i) for i in inputs)
    return [GraphError(nid, f"the network has {len(inputs)} Input nodes ({names}) but a "
                            f"model takes one: delete {nid!r} and feed its layers from "
                            f"{inputs[0]!r}")
            for nid in inputs[1:]]


def _connection_errors(g: Graph, problems: dict) -> list[GraphError]:
    if len(g.ids) < 2:
        return []
    lonely = [n for n in g.ids if not g.inputs[n] and not g.consumers[n]]
    errors = [GraphError(n, "this node is not connected to anything: wire it in or delete "
                            "it") for n in lonely if n not in problems]
    outputs = [n for n in g.ids if g.consumers[n] == [] and n not in lonely]
    if len(outputs) > 1:
        main = output_node(g)
        names = ", ".join(repr(n) for n in outputs)
        errors += [GraphError(n, f"the network has {len(outputs)} outputs ({names}) but must "
                                 f"end in exactly one node: wire {n!r} into the rest (e.g. "
                                 f"with Add or Concat) or delete it")
                   for n in outputs if n != main]
    return errors


def output_node(g: Graph) -> str | None:
    """The output: among nodes with inputs and no consumer, the one farthest from the
    Input (the last one in the file on a tie); None for an empty graph."""
    order, _ = g.order()
    depth: dict[str, int] = {}
    for nid in order:
        depth[nid] = max((depth[s] + 1 for s in g.inputs[nid]), default=0)
    ends = [n for n in g.ids if not g.consumers[n]]
    if not ends:
        return None
    wired = [n for n in ends if g.inputs[n]] or ends
    rank = {n: i for i, n in enumerate(g.ids)}
    return max(wired, key=lambda n: (depth.get(n, 0), rank[n]))


# ---- the training section -----------------------------------------------------------------
def _training_errors(net: Network, g: Graph, shapes: dict) -> list[GraphError]:
    t = net.training
    if not isinstance(t, dict):
        return [GraphError(None, f"training must be an object {{...}}, got {t!r}")]
    errors = _training_key_errors(t)
    errors += _number_errors(t)
    info, data_errors = _dataset_info(t)
    errors += data_errors
    inputs = input_nodes(g)
    if info is not None and len(inputs) == 1:
        errors += _input_fit(inputs[0], shapes.get(inputs[0]), t["dataset"], info)
    errors += _loss_errors(t, info, g, shapes)
    errors += _optimizer_errors(t)
    errors += _scheduler_errors(t)
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


def _dataset_info(t: dict):
    if "dataset" not in t:
        return None, []
    from engine.data import dataset_info
    try:
        return dataset_info(t["dataset"]), []
    except DataError as e:
        return None, [GraphError(None, str(e))]


def _input_fit(input_id: str, shape, section: dict, info) -> list[GraphError]:
    want = tuple(info.feature_shape)
    if not isinstance(shape, tuple) or shape == want:
        return []
    return [GraphError(input_id, f"the Input {input_id!r} has shape {list(shape)} but dataset "
                                 f"{section.get('name')!r} gives {list(want)}: set the Input's "
                                 f"shape to {list(want)}")]


def _loss_errors(t: dict, info, g: Graph, shapes: dict) -> list[GraphError]:
    from engine.nn.losses import LOSSES
    if "loss" not in t:
        return []
    name = t["loss"]
    if not isinstance(name, str) or name not in LOSSES:
        known = list(LOSSES)
        guess = difflib.get_close_matches(str(name), known, n=1, cutoff=0.5)
        hint = f"did you mean {guess[0]!r}?" if guess else f"known losses: {', '.join(known)}"
        return [GraphError(None, f"unknown loss {name!r}: {hint}")]
    out = output_node(g)
    if info is None or out is None:
        return []
    return _loss_fit(LOSSES[name], info, g, out, shapes.get(out))


def _loss_fit(loss, info, g: Graph, out: str, shape) -> list[GraphError]:
    if loss.task != info.task:
        return [GraphError(out, _task_mismatch_text(loss, info))]
    if not isinstance(shape, tuple):
        return []          # the output's own problem is reported by the graph checks
    need, why = _units_needed(loss, info)
    if need is None:
        return [GraphError(out, why)]
    if shape == (need,):
        return []
    return [GraphError(out, f"loss {loss.name!r} needs the output {out!r} to give {need} "
                            f"unit{'s' if need != 1 else ''} ({why}), but it gives "
                            f"{list(shape)}: {_units_fix(g, out, shape, need)}")]


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
    from engine.optim.schedulers import validate_scheduler_config
    try:
        validate_scheduler_config(t.get("scheduler"))
    except ValueError as e:
        return [GraphError(None, str(e))]
    return []


def _json(v) -> str:
    return json.dumps(v)
