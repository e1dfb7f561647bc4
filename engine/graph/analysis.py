"""The network as a graph: an index built once per analysis, topological order, cycles, and
each node's output shape or problems -- without building any weights.

It never raises on a network the editor can hold (unknown types, cycles, dangling edges,
duplicate ids): the canvas calls it on every edit and colours the nodes from its answer.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field

from engine.nn.layers import LAYERS
from engine.nn.registry import LayerSpec
from engine.errors import GraphError, ShapeError

Shape = tuple[int, ...]


class UpstreamError(GraphError):
    """A node's shape is unknown only because a node before it has a problem. Validation
    leaves these out (the real problem is reported on the node that has it)."""


@dataclass
class Graph:
    """Look-ups over a Network's nodes and edges, built in one pass."""

    ids: list[str]                                   # in file order, duplicates removed
    nodes: dict[str, dict]                           # id -> first node with that id
    duplicate_ids: list[str]
    inputs: dict[str, list[str]]                     # id -> sources, ordered by port
    consumers: dict[str, list[str]]
    dangling: list[tuple[int, dict]] = field(default_factory=list)   # edges to missing nodes
    duplicate_edges: list[tuple[int, dict]] = field(default_factory=list)

    @classmethod
    def of(cls, net) -> "Graph":
        nodes: dict[str, dict] = {}
        dups: list[str] = []
        for n in net.nodes:
            if n["id"] in nodes:
                dups.append(n["id"])
            else:
                nodes[n["id"]] = n
        g = cls(list(nodes), nodes, dups, {i: [] for i in nodes}, {i: [] for i in nodes})
        seen: set[tuple] = set()
        ported: dict[str, list[tuple[int, int, str]]] = {i: [] for i in nodes}
        for k, e in enumerate(net.edges):
            key = (e["from"], e["to"], e.get("port", 0))
            if e["from"] not in nodes or e["to"] not in nodes:
                g.dangling.append((k, e))
            elif key in seen:
                g.duplicate_edges.append((k, e))
            else:
                seen.add(key)
                ported[e["to"]].append((e.get("port", 0), k, e["from"]))
                g.consumers[e["from"]].append(e["to"])
        for nid, srcs in ported.items():
            g.inputs[nid] = [src for _, _, src in sorted(srcs)]
        return g

    def order(self) -> tuple[list[str], list[str]]:
        """(ids in topological order, ids left over because of a cycle); Kahn, stable."""
        indegree = {i: len(self.inputs[i]) for i in self.ids}
        ready = [i for i in self.ids if indegree[i] == 0]
        order: list[str] = []
        while ready:
            nid = ready.pop(0)
            order.append(nid)
            for dst in self.consumers[nid]:
                indegree[dst] -= 1
                if indegree[dst] == 0:
                    ready.append(dst)
        placed = set(order)
        return order, [i for i in self.ids if i not in placed]

    def cycles(self, leftover: list[str]) -> list[list[str]]:
        """Cycles among the left-over nodes (at least one per tangle, none sharing a node),
        each in edge order starting at the node that comes first in the file. A depth-first
        walk: an edge back to a node still on the walk closes a cycle."""
        allowed, on_walk, done = set(leftover), set(), set()
        found: list[list[str]] = []
        used: set[str] = set()
        for root in leftover:
            if root in done:
                continue
            path, stack = [root], [iter(self.consumers[root])]
            on_walk.add(root)
            while stack:
                for dst in stack[-1]:
                    if dst not in allowed or dst in done:
                        continue
                    if dst in on_walk:
                        cycle = path[path.index(dst):]
                        if not used.intersection(cycle):
                            found.append(_rotate_to_first(cycle, self.ids))
                            used.update(cycle)
                        continue
                    path.append(dst)
                    on_walk.add(dst)
                    stack.append(iter(self.consumers[dst]))
                    break
                else:
                    stack.pop()
                    on_walk.discard(path[-1])
                    done.add(path.pop())
        return found


def _rotate_to_first(cycle: list[str], ids: list[str]) -> list[str]:
    rank = {nid: i for i, nid in enumerate(ids)}
    k = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[k:] + cycle[:k]


# ---- one node -----------------------------------------------------------------------------
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


def output_shape_or_error(nid: str, spec: LayerSpec, params: dict,
                          ins: list[Shape]) -> Shape | GraphError:
    try:
        return tuple(int(d) for d in spec.cls.output_shape(params, ins))
    except (ShapeError, ValueError) as e:
        return GraphError(nid, _with_flatten_hint(nid, spec, params, ins, str(e)))


def _with_flatten_hint(nid, spec, params, ins, msg: str) -> str:
    """Where flattening the (image) inputs would make the layer fit, say so by node id."""
    if not any(len(s) > 1 for s in ins):
        return msg
    flat = [(math.prod(s),) for s in ins]
    try:
        spec.cls.output_shape(params, flat)
    except (ShapeError, ValueError):
        return msg
    msg = re.sub(r"[:;,.]?\s*insert a Flatten.*$", "", msg)
    return (f"{msg}: insert a Flatten before {nid!r} (it turns {list(ins[0])} into "
            f"[{flat[0][0]}])")


def node_problems(g: Graph, nid: str, shapes: dict) -> tuple[Shape | None, list[GraphError]]:
    """(output shape, []) or (None, every problem of this node). ``shapes`` holds the
    results of the node's inputs (tuple or GraphError)."""
    node = g.nodes[nid]
    if node["type"] not in LAYERS:
        return None, [GraphError(nid, unknown_type_text(node["type"]))]
    spec = LAYERS[node["type"]]
    params = node.get("params") or {}
    problems = [GraphError(nid, m) for m in param_problems(spec, params)]
    srcs = g.inputs[nid]
    count = input_count_text(spec, srcs)
    if count and not srcs and not g.consumers[nid]:
        count = "this node is not connected to anything: wire it in or delete it"
    if count:
        problems.append(GraphError(nid, count))
    if problems:
        return None, problems
    bad = [s for s in srcs if not isinstance(shapes.get(s), tuple)]
    if bad:
        return None, [UpstreamError(nid, f"its input {bad[0]!r} has a problem, so its "
                                         f"shape is unknown")]
    result = output_shape_or_error(nid, spec, spec.complete(params), [shapes[s] for s in srcs])
    return (None, [result]) if isinstance(result, GraphError) else (result, [])


# ---- every node ---------------------------------------------------------------------------
def analyse(net) -> tuple[Graph, dict[str, Shape | GraphError], dict[str, list[GraphError]]]:
    """(index, id -> shape or first problem, id -> every problem of that node)."""
    g = Graph.of(net)
    order, leftover = g.order()
    shapes: dict[str, Shape | GraphError] = {}
    problems: dict[str, list[GraphError]] = {}
    for nid in order:
        shape, probs = node_problems(g, nid, shapes)
        shapes[nid] = shape if shape is not None else probs[0]
        if probs:
            problems[nid] = probs
    on_cycle = {nid: c for c in g.cycles(leftover) for nid in c}
    for nid in leftover:
        cycle = on_cycle.get(nid)
        if cycle and cycle[0] == nid:     # the cycle is reported once, on its first node
            err = GraphError(nid, "the graph has a cycle: " + cycle_text(cycle) +
                             ": a network must flow one way; remove one of these edges")
        elif cycle:
            err = UpstreamError(nid, "this node is on a cycle: " + cycle_text(cycle))
        else:
            err = UpstreamError(nid, "this node comes after a cycle, so its shape is unknown")
        shapes[nid] = err
        problems[nid] = [err]
    for nid in g.duplicate_ids:
        problems.setdefault(nid, []).insert(0, GraphError(
            nid, f"two nodes have the id {nid!r}: every node needs its own id"))
        shapes[nid] = problems[nid][0]
    return g, shapes, problems


def cycle_text(cycle: list[str]) -> str:
    return " -> ".join(repr(n) for n in cycle + cycle[:1])
