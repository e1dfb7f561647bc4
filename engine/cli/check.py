"""``main.py check FILE``: each node's id, type, output shape and parameter count."""
from __future__ import annotations

from engine.cli.common import EXIT_BAD_INPUT, EXIT_OK, load_valid_network
from engine.graph.network import Network
from engine.nn.layers import LAYERS


def run_check(args) -> int:
    net = load_valid_network(args.file)
    if net is None:
        return EXIT_BAD_INPUT
    print(summary_table(net))
    return EXIT_OK


def summary_table(net: Network) -> str:
    """The table ``check`` prints: id, type, output shape, parameters; then the total."""
    from engine.graph.compiler import infer_shapes, topological_order
    shapes = infer_shapes(net)
    rows = [("id", "type", "output shape", "parameters")]
    total = 0
    for nid in topological_order(net):
        node = net.node(nid)
        count, frozen = _param_count(net, node, shapes)
        total += count
        shape = shapes[nid]
        rows.append((nid, node["type"], str(list(shape)) if isinstance(shape, tuple) else "?",
                     f"{count:,}" + (" (frozen)" if frozen else "")))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{net.name}"] + [
        f"  {r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]:>{w[3]}}" for r in rows]
    lines.append(f"  total parameters: {total:,}")
    lines.append(f"  training: {training_text(net.training)}")
    return "\n".join(lines)


def _param_count(net: Network, node: dict, shapes: dict) -> tuple[int, bool]:
    spec = LAYERS[node["type"]]
    params = spec.complete(node.get("params"))
    ins = [shapes[s] for s in net.inputs_of(node["id"])]
    count = spec.cls.param_count(params, ins)
    return count, count > 0 and params.get("trainable") is False


def training_text(t: dict) -> str:
    ds, opt = t["dataset"], t["optimizer"]
    extras = ", ".join(f"{k} {v}" for k, v in opt.items() if k != "name")
    sched = t.get("scheduler", {"name": "none"})["name"]
    return (f"dataset {ds['name']}, loss {t['loss']}, {opt['name']}"
            f"{f' ({extras})' if extras else ''}, scheduler {sched}, "
            f"batch {t['batch_size']}, {t['epochs']} epochs, seed {t.get('seed', 0)}")
