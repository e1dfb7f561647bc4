"""Every problem that stops a graph from compiling, on the node it concerns: the nodes' own
problems, edges to missing nodes, duplicate edges, layers too big to build, the Input
nodes, and nodes left unconnected or as extra outputs."""
from __future__ import annotations

import math

from engine.errors import GraphError
from engine.graph.nodes import NodeFacts, UpstreamError
from engine.graph.topology import Graph
from engine.nn.layers import LAYERS

MAX_PARAMETERS = 50_000_000          # 200 MB of float32 weights in one layer
MAX_VALUES_PER_EXAMPLE = 20_000_000  # one example's output of one layer


def graph_problems(g: Graph, nodes: dict[str, NodeFacts], output: str | None) -> list[GraphError]:
    errors: list[GraphError] = []
    for k, e in g.dangling:
        errors.append(_dangling_edge(g, k, e))
    for _, e in g.duplicate_edges:
        errors.append(GraphError(e["to"], f"the edge {e['from']!r} -> {e['to']!r} appears "
                                          f"twice: delete one"))
    errors += _port_errors(g)
    for nid in g.ids:
        errors += [p for p in nodes[nid].problems if not isinstance(p, UpstreamError)]
    errors += _size_errors(g, nodes)
    errors += _input_node_errors(g)
    errors += _connection_errors(g, nodes, output)
    return errors


def _port_errors(g: Graph) -> list[GraphError]:
    """A port above 0 into a layer with one input: it would be ignored, so the file does
    not mean what it says (only merge layers order their inputs by port)."""
    errors = []
    for k, e in g.ported:
        dst = e["to"]
        spec = LAYERS.get(g.nodes[dst]["type"])
        if spec is not None and spec.max_inputs == 1:
            errors.append(GraphError(dst, f"edges[{k}] ({e['from']!r} -> {dst!r}) goes to "
                                          f"port {e['port']}, but {dst!r} "
                                          f"({spec.type}) has one input, port 0: remove "
                                          f"the edge's port"))
    return errors


def _size_errors(g: Graph, nodes: dict[str, NodeFacts]) -> list[GraphError]:
    """Layers too big to build: a typo (units 100000 after a large Flatten) must give a
    message, not exhaust the memory."""
    errors = []
    for nid in g.ids:
        shape, count = nodes[nid].shape, nodes[nid].param_count or 0
        if shape is None:
            continue
        if count > MAX_PARAMETERS:
            errors.append(GraphError(nid, f"this layer would have {count:,} parameters "
                                          f"({count * 4 / 1e9:.1f} GB): make it smaller, or "
                                          f"shrink its input first (pooling, stride)"))
        elif math.prod(shape) > MAX_VALUES_PER_EXAMPLE:
            errors.append(GraphError(nid, f"its output {list(shape)} holds {math.prod(shape):,}"
                                          f" numbers per example, too many to train: use "
                                          f"fewer filters or a smaller image"))
    return errors


NAMES_SHOWN = 5


def names_text(ids: list[str]) -> str:
    """'a', 'b', 'c' ... and 995 more: every node of a thousand-way problem carries the
    text, so the whole list would make its size grow with the square of the count."""
    shown = ", ".join(repr(i) for i in ids[:NAMES_SHOWN])
    more = len(ids) - NAMES_SHOWN
    return f"{shown} and {more:,} more" if more > 0 else shown


def _dangling_edge(g: Graph, k: int, e: dict) -> GraphError:
    src, dst = e["from"], e["to"]
    missing = [n for n in (src, dst) if n not in g.nodes]
    present = [n for n in (src, dst) if n in g.nodes]
    what = " and ".join(repr(m) for m in missing)
    return GraphError(present[0] if present else None,
                      f"edges[{k}] ({src!r} -> {dst!r}) refers to {what}, which "
                      f"{'is not a node' if len(missing) == 1 else 'are not nodes'}: "
                      f"delete the edge or add the node")


def _input_node_errors(g: Graph) -> list[GraphError]:
    inputs = g.input_nodes()
    if not g.ids:
        return [GraphError(None, "the network is empty: add an Input node and the layers "
                                 "after it")]
    if not inputs:
        return [GraphError(None, "the network has no Input node: add one and wire it to "
                                 "the first layer")]
    names = names_text(inputs)
    return [GraphError(nid, f"the network has {len(inputs):,} Input nodes ({names}) but a "
                            f"model takes one: delete {nid!r} and feed its layers from "
                            f"{inputs[0]!r}")
            for nid in inputs[1:]]


def _connection_errors(g: Graph, nodes: dict[str, NodeFacts],
                       output: str | None) -> list[GraphError]:
    if len(g.ids) < 2:
        return []
    lonely = [n for n in g.ids if not g.inputs[n] and not g.consumers[n]]
    errors = [GraphError(n, "this node is not connected to anything: wire it in or delete "
                            "it") for n in lonely if not nodes[n].problems]
    alone = set(lonely)
    outputs = [n for n in g.ids if g.consumers[n] == [] and n not in alone]
    if len(outputs) > 1:
        names = names_text(outputs)
        errors += [GraphError(n, f"the network has {len(outputs):,} outputs ({names}) but must "
                                 f"end in exactly one node: wire {n!r} into the rest (e.g. "
                                 f"with Add or Concat) or delete it")
                   for n in outputs if n != output]
    return errors
