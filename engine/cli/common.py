"""What the sub-commands share: exit codes, error lines on stderr, loading a valid network."""
from __future__ import annotations

import sys
from typing import Iterable

from engine.errors import GraphError, NetworkFileError
from engine.graph.analysis import Analysis, analyse
from engine.graph.network import Network

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def print_errors(lines: Iterable[str | GraphError]) -> None:
    """One ``error: ...`` line per problem on stderr."""
    for line in lines:
        for part in str(line).splitlines() or [""]:
            print(f"error: {part}", file=sys.stderr)


def load_network(path: str) -> Network | None:
    """The network in ``path``, or None after printing why it cannot be read."""
    try:
        return Network.load(path)
    except NetworkFileError as e:
        print_errors(getattr(e, "problems", [str(e)]))
        return None


def analysed_if_valid(net: Network, training: bool | None = None) -> Analysis | None:
    """``net``'s analysis if it has no problem (of the graph, and of the training section
    as ``analyse`` reads ``training``); otherwise print every problem and return None."""
    analysis = analyse(net, training=training)
    if analysis.problems:
        print_errors(analysis.problems)
        return None
    return analysis
