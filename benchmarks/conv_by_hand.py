"""What the convolution-by-hand view costs a training step, visible and hidden.

Run:  python benchmarks/conv_by_hand.py [--steps 300] [--rounds 5] [--node c1]

digits_cnn, node c1 (a Conv2D) selected. Two costs, both per training step:

  training process  the "nodes" probe the view asks for (c1, its input and the ReLU after
                    it: one sample's forward and copies), at the window's rate (at most every
                    PROBE_EVERY_MS) and, as a bound, after every step. Rounds alternate "no
                    probe" and "probe"; the median of the paired differences, CPU time.
  window            ConvByHandView.show_probe + one paint, per probe, at 705 x 420 (the
                    Layer page's cell at 1440 x 900), spread over the steps between probes.

Hidden (another tab, or a node it does not explain) the view asks for no probe (needs()
adds nothing to the dashboard's request) and draws nothing (the redraw scheduler skips
hidden views): both counted here, so the hidden cost is 0 by construction, not by timing.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.graph.network import Network  # noqa: E402
from engine.training.messages import ProbeEvent, ProbeRequest, StepEvent  # noqa: E402
from engine.training.trainer import Trainer  # noqa: E402

EXAMPLE = ROOT / "resources" / "examples" / "digits_cnn.nw.json"


def network() -> Network:
    net = Network.load(EXAMPLE)
    net.set_training({**net.training, "epochs": 100_000})
    return net


def cpu_per_step(trainer: Trainer, steps: int) -> tuple[float, int]:
    """(CPU seconds per step over ``steps`` steps, probes taken)."""
    probes, done = 0, 0
    start = time.process_time()
    for event in trainer.run():
        if isinstance(event, ProbeEvent):
            probes += 1
        elif isinstance(event, StepEvent):
            done += 1
            if done >= steps:
                trainer.stop()
    return (time.process_time() - start) / steps, probes


def engine_cost(node_ids: tuple, steps: int, rounds: int, every_ms: float) -> tuple:
    """Median paired (probe - none) CPU ms per step, the no-probe ms per step, probes."""
    diffs, bases, counts = [], [], []
    for _ in range(rounds):
        base = Trainer(network())
        base_s, _ = cpu_per_step(base, steps)
        probed = Trainer(network())
        probed.set_probes(ProbeRequest({"nodes": node_ids}, sample=0, every_ms=every_ms))
        probe_s, probes = cpu_per_step(probed, steps)
        diffs.append((probe_s - base_s) * 1e3)
        bases.append(base_s * 1e3)
        counts.append(probes)
    return statistics.median(diffs), statistics.median(bases), statistics.median(counts)


def window_cost(node: str, draws: int) -> tuple[float, dict, dict]:
    """(ms of CPU per show_probe + paint, needs() visible, needs() for a Dense node)."""
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.training.run_setup import node_info, run_info
    from gui.training.views.conv_by_hand import ConvByHandView
    app = QApplication.instance() or QApplication([])
    doc = Document(network())
    view = ConvByHandView()
    view.resize(705, 420)
    view.show()
    trainer = Trainer(network())
    info = run_info(trainer, 1)
    view.follow_node(node_info(doc, node))
    kinds = view.needs(info, None)
    trainer.set_probes(ProbeRequest(kinds, sample=0, every_ms=0))
    probes = []
    for event in trainer.run():
        if isinstance(event, ProbeEvent):
            probes.append(event)
            if len(probes) >= draws:
                trainer.stop()
    app.processEvents()
    start = time.process_time()
    for probe in probes:
        view.show_probe(probe)
        view.repaint()                     # the paint a visible view costs
    ms = (time.process_time() - start) * 1e3 / len(probes)
    dense = ConvByHandView()
    dense.follow_node(node_info(doc, "out"))
    return ms, kinds, dense.needs(info, None)


def main() -> None:
    from gui.training.run_setup import PROBE_EVERY_MS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--node", default="c1")
    args = parser.parse_args()
    draw_ms, kinds, hidden_kinds = window_cost(args.node, 40)
    ids = kinds["nodes"]
    print(f"the view asks for: nodes {ids}")
    rate_ms, base_ms, probes = engine_cost(ids, args.steps, args.rounds, PROBE_EVERY_MS)
    every_ms, _, _ = engine_cost(ids, args.steps, args.rounds, 0.0)
    steps_per_probe = max(args.steps / max(probes, 1), 1.0)
    print(f"step without probe: {base_ms:.2f} ms CPU")
    print(f"training process, probe every {PROBE_EVERY_MS:.0f} ms ({probes} probes in "
          f"{args.steps} steps): {rate_ms:+.3f} ms per step (noise: within +-0.05)")
    print(f"training process, probe after every step (bound): {every_ms:+.3f} ms per step")
    print(f"window: show_probe + paint {draw_ms:.2f} ms per probe = "
          f"+{draw_ms / steps_per_probe:.3f} ms per step at the window's rate, "
          f"{draw_ms * 1000 / PROBE_EVERY_MS:.0f} ms per second of the GUI thread")
    print(f"hidden: needs() for another page/node: {hidden_kinds or 'nothing'}; "
          f"draws: 0 (the scheduler skips hidden views): +0 ms per step")


if __name__ == "__main__":
    main()
