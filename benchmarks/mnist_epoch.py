"""One MNIST-sized epoch trained headless: `python main.py train` on a network file.

Run:  python benchmarks/mnist_epoch.py [--threads 1] [--batch 128] [--keep DIR] [--window]

Writes 60,000 random 28x28 images and labels as IDX files (the format of MNIST itself) into
a temporary folder, and a network file of the CNN a learner builds for MNIST
(benchmarks/cnn_networks.MNIST_CNN; SGD momentum 0.9, cross-entropy) whose dataset is
``mnist`` read from that folder with all 60,000 samples and no validation split, so one
epoch trains exactly 60,000 images. Then times `python main.py train FILE --epochs 1` as a
user runs it, with OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) set to --threads. Prints the
wall time of the whole command (start-up and data loading included) and the "seconds" the
command reports for training alone.

--window also times the epoch in the window, as a user sees it: `python main.py FILE
--train-steps N --screenshot OUT.png` opens the window and trains N steps with the live
views (its training process, one BLAS thread); the epoch's time is the difference between
N = one epoch + 5 steps and N = 5 steps (start-up, first steps and screenshot cancel out).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.cnn_networks import MNIST_CNN  # noqa: E402
from engine.data.idx import write_idx  # noqa: E402

IMAGES = 60_000


def write_mnist_sized(folder: Path, batch: int) -> Path:
    """Random IDX files and a network file training on them; returns the file's path."""
    rng = np.random.default_rng(0)
    write_idx(folder / "train-images-idx3-ubyte",
              rng.integers(0, 256, (IMAGES, 28, 28), dtype=np.uint8))
    write_idx(folder / "train-labels-idx1-ubyte",
              rng.integers(0, 10, IMAGES, dtype=np.uint8))
    net = {"format": "netwright-network", "version": 2, "name": "MNIST-sized CNN",
           **MNIST_CNN,
           "training": {"dataset": {"name": "mnist",
                                    "params": {"samples": IMAGES, "folder": str(folder)},
                                    "validation_split": 0.0},
                        "loss": "cross_entropy",
                        "optimizer": {"name": "sgd", "lr": 0.01, "momentum": 0.9},
                        "scheduler": {"name": "none"}, "batch_size": batch, "epochs": 2,
                        "seed": 0, "regularization": {"l1": 0.0, "l2": 0.0}}}
    path = folder / "mnist_sized.nw.json"
    path.write_text(json.dumps(net))
    return path


def train_one_epoch(path: Path, threads: int) -> tuple[float, dict]:
    """(wall seconds of the command, its JSON result line)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", str(path),
                           "--epochs", "1"], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"train failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def window_seconds(path: Path, steps: int, threads: int) -> float:
    """Wall seconds of `main.py FILE --train-steps steps --screenshot` (offscreen)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads),
           "OMP_NUM_THREADS": str(threads), "QT_QPA_PLATFORM": "offscreen"}
    shot = path.with_suffix(".png")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), str(path), "--train-steps",
                           str(steps), "--screenshot", str(shot)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"window run failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--keep", type=Path, help="write the files here and keep them")
    ap.add_argument("--window", action="store_true", help="also time the epoch in the window")
    args = ap.parse_args()
    steps = -(-IMAGES // args.batch)
    what = (f"one epoch of {IMAGES:,} random [1, 28, 28] images, batch {args.batch} "
            f"({steps} steps), {args.threads} thread(s)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = write_mnist_sized(folder, args.batch)
        wall, result = train_one_epoch(path, args.threads)
        print(f"{what}, headless `main.py train`: {result['seconds']:.1f} s training "
              f"({1e3 * result['seconds'] / steps:.1f} ms per step), {wall:.1f} s for the "
              f"whole command", flush=True)
        if args.window:
            short = window_seconds(path, 5, args.threads)
            epoch = window_seconds(path, steps + 5, args.threads) - short
            print(f"{what}, in the window (`main.py FILE --train-steps`): {epoch:.1f} s "
                  f"({1e3 * epoch / steps:.1f} ms per step; the 5-step run took {short:.1f} s)")


if __name__ == "__main__":
    main()
