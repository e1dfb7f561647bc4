"""Headless sub-commands of main.py: ``check FILE`` (and ``train``, from engine/cli_train.py).

Bad input never ends in a traceback: every problem is one ``error: ...`` line on stderr
(``error: node 'c2': ...`` for a node's problem) and the exit status is 2.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from typing import Iterable

from engine import registry
from engine.errors import GraphError, NetworkFileError
from engine.network import Network

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """A wrong command line (argparse would print usage and exit; we report and return 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UsageError(f"{message} (usage: {self.format_usage().strip()[7:]})")


def run_command(argv: list[str]) -> int:
    """Run ``check`` or ``train`` with their arguments; returns the exit status."""
    try:
        args = _parser().parse_args(list(argv))
        return args.handler(args)
    except UsageError as e:
        print_errors([str(e)])
        return EXIT_BAD_INPUT
    except SystemExit as e:              # --help printed its text
        return e.code if isinstance(e.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print_errors(["interrupted"])
        return EXIT_BAD_INPUT
    except Exception as e:               # a bug of ours, not the user's input: say so briefly
        print_errors([f"internal problem ({type(e).__name__}: {e}); this is a bug in "
                      f"Netwright, please report it"])
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Netwright without the window.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="show each node's output shape and parameter "
                                         "count, or every problem of the file")
    check.add_argument("file", metavar="FILE", help="a network file (*.nw.json)")
    check.set_defaults(handler=_check)
    train = sub.add_parser("train", help="train the network without the window")
    train.add_argument("file", metavar="FILE", help="a network file (*.nw.json)")
    train.add_argument("--epochs", type=_positive_int, help="override training.epochs")
    train.add_argument("--seed", type=_non_negative_int, help="override training.seed")
    train.add_argument("--out", metavar="DIR", help="write weights, history and metrics here")
    train.set_defaults(handler=_train)
    return parser


def _positive_int(text: str) -> int:
    return _int_at_least(text, 1)


def _non_negative_int(text: str) -> int:
    return _int_at_least(text, 0)


def _int_at_least(text: str, low: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
    return value


# ---- shared by the sub-commands -----------------------------------------------------------
def print_errors(lines: Iterable[str | GraphError]) -> None:
    """One ``error: ...`` line per problem on stderr."""
    for line in lines:
        for part in str(line).splitlines() or [""]:
            print(f"error: {part}", file=sys.stderr)


def load_valid_network(path: str, training: bool = True) -> Network | None:
    """The network in ``path`` if it loads and validates (graph, and the training section if
    ``training``); otherwise print every problem and return None."""
    from engine.validation import validate, validate_graph
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


# ---- check --------------------------------------------------------------------------------
def _check(args) -> int:
    net = load_valid_network(args.file)
    if net is None:
        return EXIT_BAD_INPUT
    print(summary_table(net))
    return EXIT_OK


def summary_table(net: Network) -> str:
    """The table ``check`` prints: id, type, output shape, parameters; then the total."""
    from engine.compiler import infer_shapes, topological_order
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
    spec = registry.get(node["type"])
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


# ---- train --------------------------------------------------------------------------------
def _train(args) -> int:
    # engine/cli_train.py (the trainer's) provides run_train(args) -> exit status.
    if importlib.util.find_spec("engine.cli_train") is None:
        print_errors(["'train' is not available yet in this version: use the window, "
                      "or 'check' to inspect the file"])
        return EXIT_BAD_INPUT
    from engine.cli_train import run_train
    return run_train(args)

