"""The training memory estimate (engine.graph.memory) against the measured peak RSS of real
training: each network trains one epoch (its steps and the evaluation pass at the epoch's
end) in a fresh process; measured = peak RSS (ru_maxrss) minus the RSS once the dataset is
loaded (the interpreter, NumPy, scikit-learn for the bundled sets, the data), compared with
the estimate without its dataset part. Prints one row per network and the ratio.

    python benchmarks/memory_estimate.py            # all networks below (about a minute)
    python benchmarks/memory_estimate.py --one FILE # one network, a JSON line (used above)
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 ** 2


def _training(dataset: dict, loss: str, batch: int, optimizer: str = "adam") -> dict:
    return {"dataset": dataset, "loss": loss, "optimizer": {"name": optimizer, "lr": 0.001},
            "scheduler": {"name": "none"}, "batch_size": batch, "epochs": 1, "seed": 0}


def _chain(name: str, layers: list[tuple[str, str, dict]], training: dict) -> dict:
    nodes = [{"id": nid, "type": t, "params": p} for nid, t, p in layers]
    edges = [{"from": a["id"], "to": b["id"]} for a, b in zip(nodes, nodes[1:])]
    return {"format": "netwright-network", "version": 1, "name": name, "nodes": nodes,
            "edges": edges, "training": training}


def networks() -> dict[str, dict]:
    shapes32 = {"name": "shapes", "params": {"samples": 1000, "size": 32}}
    mnist_like = {"name": "shapes", "params": {"samples": 600, "size": 28}}
    return {
        "mlp 784-2048-2048-4 adam b256": _chain("mlp", [
            ("in", "Input", {"shape": [1, 28, 28]}), ("f", "Flatten", {}),
            ("d1", "Dense", {"units": 2048}), ("r1", "ReLU", {}),
            ("d2", "Dense", {"units": 2048}), ("r2", "ReLU", {}),
            ("out", "Dense", {"units": 4})], _training(mnist_like, "cross_entropy", 256)),
        "mlp sgd+dropout+bn b128": _chain("mlp2", [
            ("in", "Input", {"shape": [1, 28, 28]}), ("f", "Flatten", {}),
            ("d1", "Dense", {"units": 3000}), ("bn", "BatchNorm", {}), ("r1", "ReLU", {}),
            ("drop", "Dropout", {"rate": 0.3}), ("out", "Dense", {"units": 4})],
            _training(mnist_like, "cross_entropy", 128, "sgd")),
        "cnn 32-64 filters on 32x32 b64": _chain("cnn", [
            ("in", "Input", {"shape": [1, 32, 32]}),
            ("c1", "Conv2D", {"filters": 32}), ("r1", "ReLU", {}),
            ("p1", "MaxPool2D", {}),
            ("c2", "Conv2D", {"filters": 64}), ("r2", "ReLU", {}),
            ("p2", "MaxPool2D", {}), ("f", "Flatten", {}),
            ("out", "Dense", {"units": 4})], _training(shapes32, "cross_entropy", 64)),
        "cnn 256 filters stride 2 b32": _chain("cnn2", [
            ("in", "Input", {"shape": [1, 32, 32]}),
            ("c1", "Conv2D", {"filters": 64, "kernel_size": 5}), ("r1", "Tanh", {}),
            ("c2", "Conv2D", {"filters": 256, "stride": 2, "padding": 1}),
            ("r2", "ReLU", {}), ("f", "Flatten", {}),
            ("out", "Dense", {"units": 4})], _training(shapes32, "cross_entropy", 32)),
        "digits_cnn (example)": json.loads(
            (ROOT / "resources/examples/digits_cnn.nw.json").read_text()),
        "shapes_cnn (example)": json.loads(
            (ROOT / "resources/examples/shapes_cnn.nw.json").read_text()),
    }


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS (Linux only)")


def measure_one(path: str) -> dict:
    """Estimate and measured peak of one epoch of the network in ``path`` (this process)."""
    sys.path.insert(0, str(ROOT))
    from engine.data import load_dataset
    from engine.graph.analysis import analyse
    from engine.graph.network import Network
    from engine.training.messages import EpochEvent
    from engine.training.trainer import Trainer
    net = Network.load(path)
    estimate = analyse(net, training=True).memory
    dataset = load_dataset(net.training["dataset"], net.training["seed"])
    before = rss_bytes()
    trainer = Trainer(net, dataset=dataset)
    for event in trainer.run():
        if isinstance(event, EpochEvent):
            trainer.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024   # KB on Linux
    return {"estimate": estimate.total - estimate.data, "measured": peak - before,
            "parts": estimate.breakdown()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", help="measure this network file only (a JSON line)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    print(f"{'network':34} {'estimate':>10} {'measured':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, net in networks().items():
            path = Path(tmp) / "net.nw.json"
            path.write_text(json.dumps(net))
            done = subprocess.run([sys.executable, __file__, "--one", str(path)],
                                  capture_output=True, text=True, check=True,
                                  env={"OPENBLAS_NUM_THREADS": "1", "PATH": ""})
            row = json.loads(done.stdout.splitlines()[-1])
            print(f"{name:34} {row['estimate'] / MB:9.1f}M {row['measured'] / MB:9.1f}M "
                  f"{row['estimate'] / max(row['measured'], 1):6.2f}")


if __name__ == "__main__":
    main()
