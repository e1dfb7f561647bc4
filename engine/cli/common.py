"""What the sub-commands share: exit codes, error lines on stderr, loading a valid network."""
from __future__ import annotations

import sys
from typing import Iterable

from engine.errors import GraphError, NetworkFileError
from engine.graph.network import Network

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def print_errors(lines: Iterable[str | GraphError]) -> None:
    """One ``error: ...`` line per problem on stderr."""
    for line in lines:
        for part in str(line).splitlines() or [""]:
            print(f"error: {part}", file=sys.stderr)


def load_valid_network(path: str, training: bool = True) -> Network | None:
    """The network in ``path`` if it loads and validates (graph, and the training section if
    ``training``); otherwise print every problem and return None."""
    from engine.graph.validation import validate, validate_graph
    try:
        net = Network.load(path)
    except NetworkFileError as e:
        print_errors(getattr(e, "problems", [str(e)]))
        return None
    errors = validate(net) if training else validate_graph(net)
    if errors:
        print_errors(errors)
        return None
    return net
