"""What the sub-commands share: exit codes, error lines on stderr, loading a valid network."""
from __future__ import annotations

import sys
from typing import Iterable

from engine.errors import GraphError, NetworkFileError
from engine.graph.analysis import Analysis, analyse
from engine.graph.network import Network

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on (ESC, BEL, newline, tab, DEL,
    C1 codes, bidi overrides) written as its escape: an id, a name or a path from a file
    must not clear the screen, retitle the terminal or break a line of the output."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    return repr(ch)[1:-1]           # \x1b, \n, \u202e: what Python would write


def print_out(text: str) -> None:
    """``text`` on stdout, each of its lines made printable (the only way the CLI prints
    text holding user data)."""
    for line in text.split("\n"):
        print(printable(line))


def print_errors(lines: Iterable[str | GraphError]) -> None:
    """One ``error: ...`` line per problem on stderr, made printable. A message may hold
    several lines of ours; other line breaks (U+2028, \\x85 ...) are escaped."""
    for line in lines:
        for part in str(line).split("\n"):
            print(f"error: {printable(part)}", file=sys.stderr)


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
