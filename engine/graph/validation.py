"""Every problem of a network, in plain words, on the node it concerns.

``validate(net)`` = ``validate_graph(net)`` (what compiling needs) + ``validate_training(net)``
(what training needs: dataset, loss, optimizer, schedule). Each returns a list of
GraphError(node_id, message); node_id is None for problems of the file as a whole. Both are
cheap enough to run on every edit (no data is loaded, no weights built).

The checks themselves live in engine.graph.graph_checks and engine.graph.training_checks and
run as part of one analysis (engine.graph.analysis); a caller that holds an Analysis reads
its ``problems`` instead of calling these again.
"""
from __future__ import annotations

from engine.errors import GraphError
from engine.graph.analysis import analyse
from engine.graph.network import Network


def validate(net: Network) -> list[GraphError]:
    """Every problem of the graph and of the training section (a file without one: of the
    graph alone)."""
    return analyse(net).problems


def validate_graph(net: Network) -> list[GraphError]:
    """Every problem that stops the network from compiling."""
    return analyse(net, training=False).graph_problems


def validate_training(net: Network) -> list[GraphError]:
    """Every problem of the training section, including whether the dataset fits the Input
    and the loss fits the output (a file without one: of the defaults a run would use)."""
    return analyse(net, training=True).training_problems
