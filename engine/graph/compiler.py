"""Network document -> Model: validate, topological sort, shape inference, seeded build.

``infer_shapes`` needs no data and builds no weights: the canvas calls it on every edit.
``compile_network`` refuses a graph with any problem (engine.graph.validation.validate_graph),
raising GraphErrors that list them all. The training section is not needed to compile.
"""
from __future__ import annotations

import numpy as np

from engine.nn.layers import LAYERS
from engine.errors import GraphError, GraphErrors, ShapeError
from engine.graph.analysis import Graph, analyse, cycle_text
from engine.nn.model import Model, Node
from engine.graph.network import Network


def topological_order(net: Network) -> list[str]:
    """Node ids so that every node comes after its inputs (Kahn's algorithm, stable).
    Raises GraphError naming the nodes of a cycle, in order."""
    g = Graph.of(net)
    order, leftover = g.order()
    if leftover:
        cycles = g.cycles(leftover)
        first = cycles[0] if cycles else leftover
        raise GraphError(first[0], f"the graph has a cycle: {cycle_text(first)}")
    return order


def infer_shapes(net: Network) -> dict[str, tuple | GraphError]:
    """Each node's output shape (batch axis excluded), or the GraphError that stops it.
    Never raises for a network the editor can hold; no weights are built."""
    return analyse(net)[1]


def compile_network(net: Network | dict, seed: int = 0) -> Model:
    """Build a Model with weights drawn from ``seed`` (same seed, same weights). Raises
    GraphErrors (a GraphError; ``.errors`` lists every problem) for a bad graph."""
    from engine.graph.validation import validate_graph   # validation reads this module's results

    if isinstance(net, dict):
        net = Network.from_dict(net)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be a whole number, got {seed!r}")
    errors = validate_graph(net)
    if errors:
        raise GraphErrors(errors)
    shapes = infer_shapes(net)
    rng = np.random.default_rng(int(seed))
    nodes = [_built_node(net, nid, shapes, rng, int(seed), i)
             for i, nid in enumerate(topological_order(net))]
    return Model(nodes)


def _built_node(net: Network, nid: str, shapes: dict, rng: np.random.Generator,
                seed: int, index: int) -> Node:
    node = net.node(nid)
    spec = LAYERS[node["type"]]
    ins = net.inputs_of(nid)
    try:
        layer = spec.cls(nid, spec.complete(node.get("params")), [shapes[s] for s in ins])
        layer.init_weights(rng)
    except (ShapeError, ValueError) as e:    # e.g. an init that does not suit the kernel
        raise GraphErrors([GraphError(nid, str(e))]) from None
    layer.rng = np.random.default_rng([seed, index])   # for Dropout and the like
    return Node(nid, layer, ins)
