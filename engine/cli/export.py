"""``python main.py export FILE --to pytorch|onnx --out PATH [--weights WEIGHTS.npz]``.

Without ``--weights`` the export carries the seeded initial weights (those ``train`` starts
from); with it, the ``weights.npz`` that ``train --out`` wrote. Exit 0 on success; 2 with an
``error:`` line for a bad file, bad weights, or a node the target cannot express.
"""
from __future__ import annotations

from pathlib import Path

from engine.cli.common import (EXIT_BAD_INPUT, EXIT_OK, analysed_if_valid, load_network,
                               print_errors, print_out)
from engine.errors import NetwrightError
from engine.export import EXPORTERS
from engine.graph.compiler import compile_network


def run_export(args) -> int:
    """``args`` from engine.cli.main's parser: file, to, out, weights."""
    import engine.export.targets  # noqa: F401  (fills EXPORTERS)
    net = load_network(args.file)
    if net is None:
        return EXIT_BAD_INPUT
    analysis = analysed_if_valid(net, training=net.has_training)
    if analysis is None:
        return EXIT_BAD_INPUT
    try:
        model = compile_network(net, seed=int(net.training.get("seed", 0)), analysis=analysis)
        if args.weights:
            model.load_weights(args.weights)
        line = EXPORTERS[args.to](net, model, Path(args.out))
    except (NetwrightError, OSError, ValueError) as e:
        print_errors([str(e)])
        return EXIT_BAD_INPUT
    print_out(line)
    return EXIT_OK


def export_targets() -> list[str]:
    import engine.export.targets  # noqa: F401
    return list(EXPORTERS)
