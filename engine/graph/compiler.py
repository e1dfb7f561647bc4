"""Network document -> Model: one analysis (problems, topological order, shapes), then a
seeded build.

``infer_shapes`` needs no data and builds no weights. ``compile_network`` refuses a graph
with any problem (the analysis' ``graph_problems``, as validate_graph), raising GraphErrors
that list them all. The training section is not needed to compile.
"""
from __future__ import annotations

import numpy as np

from engine.nn.layers import LAYERS
from engine.errors import GraphError, GraphErrors, ShapeError
from engine.graph.analysis import Analysis, analyse
from engine.graph.topology import Graph, cycle_text
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
    return analyse(net, training=False).shapes()


def compile_network(net: Network | dict, seed: int = 0, *,
                    analysis: Analysis | None = None) -> Model:
    """Build a Model with weights drawn from ``seed`` (same seed, same weights). Raises
    GraphErrors (a GraphError; ``.errors`` lists every problem) for a bad graph.
    ``analysis``: the network's analysis when the caller has made it already."""
    if isinstance(net, dict):
        net = Network.from_dict(net)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be a whole number, got {seed!r}")
    analysis = analysis or analyse(net, training=False)
    if analysis.graph_problems:
        raise GraphErrors(analysis.graph_problems)
    rng = np.random.default_rng(int(seed))
    nodes = [_built_node(analysis, nid, rng, int(seed), i)
             for i, nid in enumerate(analysis.order)]
    return Model(nodes)


def _built_node(analysis: Analysis, nid: str, rng: np.random.Generator,
                seed: int, index: int) -> Node:
    node = analysis.graph.nodes[nid]
    spec = LAYERS[node["type"]]
    ins = analysis.graph.inputs[nid]
    shapes = [analysis.nodes[s].shape for s in ins]
    try:
        layer = spec.cls(nid, spec.complete(node.get("params")), shapes)
        layer.init_weights(rng)
    except (ShapeError, ValueError) as e:    # e.g. an init that does not suit the kernel
        raise GraphErrors([GraphError(nid, str(e))]) from None
    layer.rng = np.random.default_rng([seed, index])   # for Dropout and the like
    return Node(nid, layer, ins)
