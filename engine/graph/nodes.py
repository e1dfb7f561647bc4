"""One node of the network, without data and without building it: its output shape, the
shapes of its weights, and its problems (in plain words, with a hint where one helps).

``node_facts`` reads the facts of the node's inputs, so the analysis calls it in
topological order.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

from engine.errors import GraphError, NetwrightError, ShapeError
from engine.graph.topology import Graph
from engine.nn.layers import LAYERS
from engine.nn.registry import LayerSpec

Shape = tuple[int, ...]


class UpstreamError(GraphError):
    """A node's shape is unknown only because a node before it has a problem. Validation
    leaves these out (the real problem is reported on the node that has it)."""


@dataclass(frozen=True)
class NodeFacts:
    """What is known of one node before it is built."""

    id: str
    type: str
    shape: Shape | None = None                 # output shape, batch axis excluded
    problems: tuple[GraphError, ...] = ()      # every problem of the node, UpstreamErrors too
    # trainable arrays by PyTorch name and layout: {"weight": (out, in), "bias": (out,)};
    # {} for a layer without any, None while the node's shape is unknown
    weight_shapes: dict[str, Shape] | None = None
    frozen: bool = False                       # has weights, and "trainable" is unticked

    @property
    def result(self) -> Shape | GraphError:
        """The output shape, or the first problem that stops it (infer_shapes' values)."""
        return self.shape if self.shape is not None else self.problems[0]

    @property
    def param_count(self) -> int | None:
        """Numbers in the node's weights (trainable or frozen); None while unknown."""
        if self.weight_shapes is None:
            return None
        return sum(math.prod(s) for s in self.weight_shapes.values())

    @property
    def weight_ndim(self) -> int | None:
        """Axes of the node's "weight" (2 for Dense, 4 for Conv2D); None when it has none."""
        weight = (self.weight_shapes or {}).get("weight")
        return None if weight is None else len(weight)


def node_facts(g: Graph, nid: str, known: dict[str, NodeFacts]) -> NodeFacts:
    """The facts of ``nid``, given those of its inputs in ``known``."""
    node = g.nodes[nid]
    type_name = node["type"]
    if type_name not in LAYERS:
        problem = GraphError(nid, unknown_type_text(type_name))
        return NodeFacts(nid, type_name, problems=(problem,))
    spec = LAYERS[type_name]
    params = node.get("params") or {}
    problems = [GraphError(nid, m) for m in param_problems(spec, params)]
    srcs = g.inputs[nid]
    count = input_count_text(spec, srcs)
    if count and not srcs and not g.consumers[nid]:
        count = "this node is not connected to anything: wire it in or delete it"
    if count:
        problems.append(GraphError(nid, count))
    if problems:
        return NodeFacts(nid, type_name, problems=tuple(problems))
    bad = [s for s in srcs if known.get(s) is None or known[s].shape is None]
    if bad:
        return NodeFacts(nid, type_name, problems=(UpstreamError(
            nid, f"its input {bad[0]!r} has a problem, so its shape is unknown"),))
    config = spec.complete(params)
    ins = [known[s].shape for s in srcs]
    shape = output_shape_or_error(nid, spec, config, ins)
    if isinstance(shape, GraphError):
        return NodeFacts(nid, type_name, problems=(shape,))
    weights = _weight_shapes(spec, config, ins)
    frozen = config.get("trainable") is False and any(map(math.prod, (weights or {}).values()))
    useless = tuple(GraphError(nid, m) for m in spec.cls.problems(config, ins))
    return NodeFacts(nid, type_name, shape, problems=useless, weight_shapes=weights,
                     frozen=frozen)


def _weight_shapes(spec: LayerSpec, config: dict, ins: list[Shape]) -> dict[str, Shape] | None:
    try:
        shapes = spec.cls.weight_shapes(config, ins)
    except (KeyError, ValueError, IndexError, TypeError, NetwrightError):
        return None          # a layer whose shape fits but whose weights cannot be sized
    return {name: tuple(int(d) for d in shape) for name, shape in shapes.items()}


def unknown_type_text(type_name: str) -> str:
    known = [s.type for s in LAYERS.in_order()]
    lower = {k.lower(): k for k in known}
    guess = lower.get(str(type_name).lower()) or next(
        iter(difflib.get_close_matches(str(type_name), known, n=1, cutoff=0.6)), None)
    hint = f"did you mean {guess!r}?" if guess else f"known types: {', '.join(known)}"
    return f"unknown layer type {type_name!r}: {hint}"


def param_problems(spec: LayerSpec, params: dict) -> list[str]:
    """Every bad param of a node (complete_params stops at the first)."""
    known = [p.name for p in spec.params]
    out = []
    for name in params:
        if name not in known:
            guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"did you mean {guess[0]!r}?" if guess else (
                f"allowed: {', '.join(known)}" if known else f"{spec.type} has no parameters")
            out.append(f"{spec.type} has no parameter {name!r}: {hint}")
    for p in spec.params:
        if p.name in params:
            try:
                p.validate(params[p.name])
            except ValueError as e:
                out.append(str(e))
    return out


def input_count_text(spec: LayerSpec, srcs: list[str]) -> str | None:
    n = len(srcs)
    if spec.min_inputs <= n and (spec.max_inputs is None or n <= spec.max_inputs):
        return None
    named = ", ".join(repr(s) for s in srcs)
    if spec.max_inputs == 0:
        return f"an {spec.type} takes no inputs, but {named} {'is' if n == 1 else 'are'} wired into it"
    if n == 0:
        return f"{spec.type} has no input: connect a node to it (it takes {spec.inputs_text()})"
    return (f"{spec.type} takes {spec.inputs_text()} input{'s' if spec.max_inputs != 1 else ''}"
            f" but {n} {'is' if n == 1 else 'are'} connected ({named})")


def output_shape_or_error(nid: str, spec: LayerSpec, config: dict,
                          ins: list[Shape]) -> Shape | GraphError:
    try:
        return tuple(int(d) for d in spec.cls.output_shape(config, ins))
    except (ShapeError, ValueError) as e:
        return GraphError(nid, _with_flatten_hint(nid, spec, config, ins, str(e)))


def _with_flatten_hint(nid, spec, config, ins, msg: str) -> str:
    """Where flattening the (image) inputs would make the layer fit, say so by node id."""
    if not any(len(s) > 1 for s in ins):
        return msg
    flat = [(math.prod(s),) for s in ins]
    try:
        spec.cls.output_shape(config, flat)
    except (ShapeError, ValueError):
        return msg
    msg = re.sub(r"[:;,.]?\s*insert a Flatten.*$", "", msg)
    return (f"{msg}: insert a Flatten before {nid!r} (it turns {list(ins[0])} into "
            f"[{flat[0][0]}])")
