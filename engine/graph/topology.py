"""The network as a graph: an index of its nodes and edges built in one pass, topological
order, cycles, the Input nodes and the output node. Nothing here looks at shapes.

It never raises on a network the editor can hold (unknown types, cycles, dangling edges,
duplicate ids): those are collected for the checks to report.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.graph.network import in_port_order
from engine.nn.layers import LAYERS


@dataclass
class Graph:
    """Look-ups over a Network's nodes and edges, built in one pass."""

    ids: list[str]                                   # in file order, duplicates removed
    nodes: dict[str, dict]                           # id -> first node with that id
    duplicate_ids: list[str]
    inputs: dict[str, list[str]]                     # id -> sources, in port order
    consumers: dict[str, list[str]]
    dangling: list[tuple[int, dict]] = field(default_factory=list)   # edges to missing nodes
    duplicate_edges: list[tuple[int, dict]] = field(default_factory=list)
    ported: list[tuple[int, dict]] = field(default_factory=list)     # edges with a port > 0

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
        edges_into: dict[str, list[dict]] = {i: [] for i in nodes}
        for k, e in enumerate(net.edges):
            key = (e["from"], e["to"], e.get("port", 0))
            if e["from"] not in nodes or e["to"] not in nodes:
                g.dangling.append((k, e))
            elif key in seen:
                g.duplicate_edges.append((k, e))
            else:
                seen.add(key)
                edges_into[e["to"]].append(e)
                if e.get("port", 0):
                    g.ported.append((k, e))
                g.consumers[e["from"]].append(e["to"])
        for nid, edges in edges_into.items():
            g.inputs[nid] = [e["from"] for e in in_port_order(edges)]
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
        rank = {nid: i for i, nid in enumerate(self.ids)}     # once: not once per cycle
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
                            found.append(_rotate_to_first(cycle, rank))
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

    def input_nodes(self) -> list[str]:
        """Nodes of a type that takes no inputs (the Input layer), in file order."""
        return [nid for nid in self.ids if (self.nodes[nid]["type"] in LAYERS)
                and LAYERS[self.nodes[nid]["type"]].max_inputs == 0]

    def output_node(self, order: list[str]) -> str | None:
        """The output: among nodes with inputs and no consumer, the one farthest from the
        Input (the last one in the file on a tie); None for an empty graph. ``order`` is
        the topological order (``order()[0]``)."""
        depth: dict[str, int] = {}
        for nid in order:
            depth[nid] = max((depth[s] + 1 for s in self.inputs[nid]), default=0)
        ends = [n for n in self.ids if not self.consumers[n]]
        if not ends:
            return None
        wired = [n for n in ends if self.inputs[n]] or ends
        rank = {n: i for i, n in enumerate(self.ids)}
        return max(wired, key=lambda n: (depth.get(n, 0), rank[n]))


def _rotate_to_first(cycle: list[str], rank: dict[str, int]) -> list[str]:
    k = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[k:] + cycle[:k]


CYCLE_IDS_SHOWN = 5


def cycle_text(cycle: list[str]) -> str:
    """The cycle's ids in edge order, back to the first; a long cycle shows its first few
    and how many more (a 20,000-node cycle must not make a 200 kB message)."""
    if len(cycle) <= CYCLE_IDS_SHOWN:
        return " -> ".join(repr(n) for n in cycle + cycle[:1])
    shown = " -> ".join(repr(n) for n in cycle[:CYCLE_IDS_SHOWN])
    return f"{shown} -> ... and {len(cycle) - CYCLE_IDS_SHOWN:,} more -> {cycle[0]!r}"
