"""One analysis of a network: everything known about it without data and without weights.

``analyse(net)`` builds the graph index once, walks the nodes in topological order
(engine.graph.nodes: output shape, weight shapes and counts, problems), finds the output
node, and runs the checks (engine.graph.graph_checks, engine.graph.training_checks). The
result is read by validation, the compiler, ``check`` and the GUI, which computes one per
edit, so none of them recomputes a shape or a parameter count of its own.

It never raises on a network the editor can hold (unknown types, cycles, dangling edges,
duplicate ids): the canvas colours the nodes from its answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from engine.errors import GraphError
from engine.graph.graph_checks import graph_problems
from engine.graph.memory import MemoryEstimate, estimate_memory
from engine.graph.network import Network
from engine.graph.nodes import NodeFacts, Shape, UpstreamError, node_facts
from engine.graph.topology import Graph, cycle_text
from engine.graph.training_checks import training_problems


@dataclass(frozen=True)
class Analysis:
    graph: Graph
    order: list[str]                   # topological; nodes on or after a cycle left out
    nodes: dict[str, NodeFacts]        # every id (of a duplicated id: the first node)
    output: str | None                 # the output node; None for an empty graph
    graph_problems: list[GraphError]   # what stops the graph compiling (validate_graph)
    training_problems: list[GraphError] | None = None   # None: training was not checked
    memory: MemoryEstimate | None = None   # training memory (None: a shape is unknown)

    @property
    def problems(self) -> list[GraphError]:
        """Every problem, of the graph then of the training section (validate)."""
        return self.graph_problems + (self.training_problems or [])

    def node(self, node_id: str) -> NodeFacts | None:
        return self.nodes.get(node_id)

    def shapes(self) -> dict[str, Shape | GraphError]:
        """Each node's output shape, or the GraphError that stops it (infer_shapes)."""
        return {nid: facts.result for nid, facts in self.nodes.items()}

    # Views for the GUI, which reads them for every node card on every edit: made once.
    @cached_property
    def known_shapes(self) -> dict[str, Shape]:
        """The output shape of every node that has one."""
        return {nid: f.shape for nid, f in self.nodes.items() if f.shape is not None}

    @cached_property
    def param_counts(self) -> dict[str, int]:
        """The parameter count of every node whose weights are known (0: none)."""
        return {nid: f.param_count for nid, f in self.nodes.items()
                if f.param_count is not None}

    @cached_property
    def messages(self) -> dict[str | None, list[str]]:
        """``problems`` as node id (None: the file as a whole) -> its messages, each once."""
        out: dict[str | None, list[str]] = {}
        for err in self.problems:
            messages = out.setdefault(err.node_id, [])
            if err.message not in messages:
                messages.append(err.message)
        return out

    def total_params(self) -> int:
        return sum(self.param_counts.values())

    @classmethod
    def failed(cls, message: str) -> "Analysis":
        """Stands in when analysing raised (a bug): no node known, one file-level problem."""
        return cls(Graph([], {}, [], {}, {}), [], {}, None, [GraphError(None, message)], [])


def analyse(net: Network | dict, training: bool | None = None) -> Analysis:
    """The analysis of ``net``. ``training``: True checks the training section (the
    defaults, for a file without one: what a run would use); False does not (compiling needs
    only the graph); None checks it if the file has one (a graph alone is valid by itself)."""
    if isinstance(net, dict):
        net = Network.from_dict(net)
    if training is None:
        training = net.has_training
    g = Graph.of(net)
    order, leftover = g.order()
    nodes: dict[str, NodeFacts] = {}
    for nid in order:
        nodes[nid] = node_facts(g, nid, nodes)
    nodes.update(_cycle_facts(g, leftover))
    for nid in g.duplicate_ids:
        twice = GraphError(nid, f"two nodes have the id {nid!r}: every node needs its own id")
        nodes[nid] = NodeFacts(nid, nodes[nid].type, problems=(twice,) + nodes[nid].problems)
    nodes = {nid: nodes[nid] for nid in g.ids}          # file order
    output = g.output_node(order)
    memory = estimate_memory(net.training, g, nodes, order)
    checked = (training_problems(net.training, g, nodes, output, memory, net.folder)
               if training else None)
    return Analysis(g, order, nodes, output, graph_problems(g, nodes, output), checked, memory)


def _cycle_facts(g: Graph, leftover: list[str]) -> dict[str, NodeFacts]:
    """Nodes on a cycle or after one have no shape; the cycle is reported once, on its
    first node, the others point at it by id (not with the cycle's text: that grew with the
    square of the cycle's length)."""
    on_cycle = {nid: c for c in g.cycles(leftover) for nid in c}
    facts = {}
    for nid in leftover:
        cycle = on_cycle.get(nid)
        if cycle and cycle[0] == nid:
            err = GraphError(nid, "the graph has a cycle: " + cycle_text(cycle) +
                             ": a network must flow one way; remove one of these edges")
        elif cycle:
            err = UpstreamError(nid, f"this node is on the cycle reported on {cycle[0]!r}")
        else:
            err = UpstreamError(nid, "this node comes after a cycle, so its shape is unknown")
        facts[nid] = NodeFacts(nid, g.nodes[nid]["type"], problems=(err,))
    return facts
