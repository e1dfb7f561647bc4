"""Opening a big network in the window (offscreen): the time from File > Open to the first
paint, and of one edit on a big graph.

Run:  python benchmarks/open_big_graph.py [--sizes 500 2000 10000] [--profile N]

The network is generated: an Input, then a chain of Dense and ReLU nodes where every tenth
node branches and joins again through an Add (so merge nodes and their ports are there too),
laid out left to right on a few rows. Per size it prints the seconds of
    open:  Document.replace (the analysis, every view following networkReplaced: the canvas
           builds its cards and wires) plus the first paint of the window after Fit to View
and, on the 2,000-node graph, of
    edit:  one SetParam (a Dense's units) through the undo stack, to the repaint after it.
Each figure is wall seconds and, in brackets, the CPU seconds of this process (what the work
costs when other programs load the machine). Goals (issue 13, item 3): 2,000 nodes well under
a second of work, 10,000 in a few seconds. Measured on a loaded 2-core machine, CPU seconds:
before 0.68 / 7.96 / not open after 75 s (500 / 2,000 / 10,000), edit 0.53; after 0.27 / 0.68
/ 2.7, edit 0.17 (the edit breaks an Add: half the cards turn red).
--profile N prints cProfile's top functions for opening an N-node graph instead.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.graph.network import Network  # noqa: E402

COLUMN, ROW, PER_ROW = 175, 130, 40


def big_network(n: int) -> Network:
    """About ``n`` nodes: Input -> (Dense 8 -> ReLU)... with a branch joined by an Add every
    ten nodes; a valid network (it compiles)."""
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [8]}}]
    edges = []
    last = "in"
    while len(nodes) < n:
        k = len(nodes)
        if k % 10 == 0 and n - k >= 3:      # a branch: two Denses joined by an Add
            a, b, j = f"d{k}", f"d{k + 1}", f"add{k + 2}"
            nodes += [{"id": a, "type": "Dense", "params": {"units": 8}},
                      {"id": b, "type": "Dense", "params": {"units": 8}},
                      {"id": j, "type": "Add", "params": {}}]
            edges += [{"from": last, "to": a}, {"from": last, "to": b},
                      {"from": a, "to": j}, {"from": b, "to": j, "port": 1}]
            last = j
            continue
        nid, kind = (f"d{k}", "Dense") if k % 2 else (f"r{k}", "ReLU")
        nodes.append({"id": nid, "type": kind, "params": {"units": 8} if kind == "Dense" else {}})
        edges.append({"from": last, "to": nid})
        last = nid
    for i, node in enumerate(nodes):
        node["ui"] = {"x": (i % PER_ROW) * COLUMN, "y": (i // PER_ROW) * ROW}
    return Network.from_dict({"name": f"big {n}", "nodes": nodes, "edges": edges})


def make_window():
    from PySide6.QtWidgets import QApplication
    from gui.main_window import MainWindow
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    window.training.dashboard        # built just after start-up anyway: not part of opening
    paint(app, window)
    return app, window


def paint(app, window) -> None:
    """Let queued work (Fit to View) run, then paint the window once, as the screen would."""
    app.processEvents()
    window.grab()


def timed(work) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``work()``: CPU time says what the
    work costs when other programs load the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def time_open(app, window, net: Network) -> tuple[float, float]:
    def work():
        window.document.replace(net, None)
        paint(app, window)
    return timed(work)


def time_edit(app, window) -> tuple[float, float]:
    from gui import commands
    doc = window.document
    nid = next(n["id"] for n in doc.network.nodes[len(doc.network.nodes) // 2:]
               if n["type"] == "Dense")

    def work():
        doc.undo_stack.push(commands.SetParam(doc, nid, "units", 9))
        paint(app, window)
    return timed(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args()
    app, window = make_window()
    if args.profile:
        net = big_network(args.profile)
        profile = cProfile.Profile()
        profile.enable()
        time_open(app, window, net)
        profile.disable()
        if args.profile == 2000:
            profile.enable()
            time_edit(app, window)
            profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        return
    for n in args.sizes:
        net = big_network(n)
        print("open {:>6,} nodes: {:7.2f} s ({:.2f} s CPU)".format(
            len(net.nodes), *time_open(app, window, net)), flush=True)
        if n == 2000:
            print("edit  2,000 nodes: {:7.3f} s ({:.3f} s CPU)".format(
                *time_edit(app, window)), flush=True)


if __name__ == "__main__":
    main()
