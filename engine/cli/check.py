"""``main.py check FILE``: each node's id, type, output shape and parameter count."""
from __future__ import annotations

from engine.cli.common import EXIT_BAD_INPUT, EXIT_OK, load_valid_network
from engine.graph.analysis import Analysis, analyse
from engine.graph.network import Network


def run_check(args) -> int:
    loaded = load_valid_network(args.file)
    if loaded is None:
        return EXIT_BAD_INPUT
    print(summary_table(*loaded))
    return EXIT_OK


def summary_table(net: Network, analysis: Analysis | None = None) -> str:
    """The table ``check`` prints: id, type, output shape, parameters; then the total.
    ``analysis`` is ``net``'s (made here when not given)."""
    analysis = analysis or analyse(net, training=False)
    rows = [("id", "type", "output shape", "parameters")]
    for nid in analysis.order:
        facts = analysis.nodes[nid]
        count = facts.param_count or 0
        rows.append((nid, facts.type, str(list(facts.shape)) if facts.shape is not None else "?",
                     f"{count:,}" + (" (frozen)" if facts.frozen else "")))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{net.name}"] + [
        f"  {r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]:>{w[3]}}" for r in rows]
    lines.append(f"  total parameters: {analysis.total_params():,}")
    lines.append(f"  training: {training_text(net.training)}")
    return "\n".join(lines)


def training_text(t: dict) -> str:
    ds, opt = t["dataset"], t["optimizer"]
    extras = ", ".join(f"{k} {v}" for k, v in opt.items() if k != "name")
    sched = t.get("scheduler", {"name": "none"})["name"]
    return (f"dataset {ds['name']}, loss {t['loss']}, {opt['name']}"
            f"{f' ({extras})' if extras else ''}, scheduler {sched}, "
            f"batch {t['batch_size']}, {t['epochs']} epochs, seed {t.get('seed', 0)}")
