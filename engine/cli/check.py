"""``main.py check FILE``: each node's id, type, output shape and parameter count.

A file without a training section is a graph alone: only the graph is checked, and the
last line says which training ``train`` would use."""
from __future__ import annotations

from engine.cli.common import (EXIT_BAD_INPUT, EXIT_OK, analysed_if_valid, load_network,
                               print_out, printable)
from engine.graph.analysis import Analysis, analyse
from engine.graph.memory import MemoryEstimate, format_bytes, memory_budget
from engine.graph.network import DEFAULT_TRAINING, Network, training_text


def run_check(args) -> int:
    net = load_network(args.file)
    analysis = None if net is None else analysed_if_valid(net)
    if analysis is None:
        return EXIT_BAD_INPUT
    print_out(summary_table(net, analysis))
    return EXIT_OK


def summary_table(net: Network, analysis: Analysis | None = None) -> str:
    """The table ``check`` prints: id, type, output shape, parameters; then the total.
    ``analysis`` is ``net``'s (made here when not given)."""
    analysis = analysis or analyse(net, training=False)
    rows = [("id", "type", "output shape", "parameters")]
    for nid in analysis.order:
        facts = analysis.nodes[nid]
        count = facts.param_count or 0
        rows.append((printable(nid), printable(facts.type),
                     str(list(facts.shape)) if facts.shape is not None else "?",
                     f"{count:,}" + (" (frozen)" if facts.frozen else "")))
    w = [max(len(r[i]) for r in rows) for i in range(4)]     # escaped first: a newline in
    lines = [printable(net.name)] + [                          # an id must not break a row
        f"  {r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]:>{w[3]}}" for r in rows]
    lines.append(f"  total parameters: {analysis.total_params():,}")
    if analysis.memory is not None:
        lines.append(f"  memory to train: {_memory_text(net, analysis.memory)}")
    lines.append(f"  training: {_training_line(net)}")
    return "\n".join(lines)


def _memory_text(net: Network, memory: MemoryEstimate) -> str:
    """The estimate; for a graph alone (whose training was not checked) also whether it
    fits, since train would refuse it."""
    text = memory.line()
    if net.has_training:
        return text
    budget = memory_budget()
    if memory.total > budget.bytes:
        return (f"{text} (the default), more than the {format_bytes(budget.bytes)} allowed: "
                f"train would refuse it")
    return f"{text} (the default)"


def _training_line(net: Network) -> str:
    if net.has_training:
        return training_text(net.training)
    return (f"none in the file (the graph alone was checked); train would use the defaults: "
            f"{training_text(DEFAULT_TRAINING)}")
