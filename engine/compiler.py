"""Network document -> Model: topological sort, shape inference, seeded build.

(Minimal version: the full validation that collects every problem lives in the
network/compiler issue.)
"""
from __future__ import annotations

import numpy as np

from engine import registry
from engine.errors import GraphError, ShapeError
from engine.model import Model, Node
from engine.network import Network


def topological_order(net: Network) -> list[str]:
    """Node ids so that every node comes after its inputs (Kahn's algorithm, stable)."""
    ids = net.node_ids()
    indegree = {i: 0 for i in ids}
    for e in net.edges:
        if e["to"] in indegree:
            indegree[e["to"]] += 1
    ready = [i for i in ids if indegree[i] == 0]
    order = []
    while ready:
        nid = ready.pop(0)
        order.append(nid)
        for e in net.edges:
            if e["from"] == nid and e["to"] in indegree:
                indegree[e["to"]] -= 1
                if indegree[e["to"]] == 0:
                    ready.append(e["to"])
    if len(order) != len(ids):
        stuck = [i for i in ids if i not in order]
        raise GraphError(stuck[0], f"the graph has a cycle through {', '.join(stuck)}")
    return order


def infer_shapes(net: Network) -> dict[str, tuple | GraphError]:
    """Each node's output shape, or the GraphError that stops it; no weights built."""
    shapes: dict[str, tuple | GraphError] = {}
    for nid in topological_order(net):
        node = net.node(nid)
        try:
            spec = registry.get(node["type"])
            params = spec.complete(node.get("params"))
            ins = [shapes[s] for s in net.inputs_of(nid)]
            if any(isinstance(s, GraphError) for s in ins):
                shapes[nid] = GraphError(nid, "an input of this node has a problem")
                continue
            shapes[nid] = tuple(spec.cls.output_shape(params, ins))
        except (KeyError, ValueError, ShapeError) as e:
            shapes[nid] = GraphError(nid, str(e).strip("'\""))
    return shapes


def compile_network(net: Network | dict, seed: int = 0) -> Model:
    """Build a Model with weights drawn from ``seed`` (same seed, same weights)."""
    if isinstance(net, dict):
        net = Network.from_dict(net)
    shapes = infer_shapes(net)
    for value in shapes.values():
        if isinstance(value, GraphError):
            raise value
    rng = np.random.default_rng(seed)
    nodes = []
    for i, nid in enumerate(topological_order(net)):
        node = net.node(nid)
        spec = registry.get(node["type"])
        ins = net.inputs_of(nid)
        layer = spec.cls(nid, spec.complete(node.get("params")), [shapes[s] for s in ins])
        layer.init_params(rng)
        layer.rng = np.random.default_rng([seed, i])   # for Dropout and the like
        nodes.append(Node(nid, layer, ins))
    return Model(nodes)
