"""The Trainer's own overhead (events, running metrics, probes off) as a % of step time.

Run:  python benchmarks/trainer_overhead.py [--rounds 9] [--epochs 2] [--batches 50]

MLP 784-256-128-10 ReLU, cross_entropy, Adam, batch 128, on random data given to the
Trainer as a Dataset (an [1, 28, 28] Input + Flatten, so the file's training section can
name mnist; the Flatten is a reshape, on both sides). Each round times, interleaved:
  bare     a plain loop: shuffled batches (engine.data.iterate_batches), loss_and_grads, step
  trainer  Trainer.run() over the same number of steps, no validation set
  +val     the same with a 10% validation set, evaluated (loss + accuracy) after every epoch
Each round starts from freshly compiled weights. Reported: median over rounds of the
paired per-round ratios (robust to other processes on the machine). Also reported: what
copying the weights after every step (for "last good weights") would cost instead of the
per-epoch copy the Trainer keeps.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine import compile_network, make_optimizer  # noqa: E402
from engine.data import Dataset, iterate_batches  # noqa: E402
from engine.training.messages import StepEvent  # noqa: E402
from engine.graph.network import Network  # noqa: E402
from engine.training.trainer import Trainer  # noqa: E402

BATCH = 128
# CPU time of the process by default: time lost to other processes on a shared machine does
# not count (wall-clock time cannot tell it from our own cost). With one BLAS thread, so that
# BLAS workers spinning between calls do not count either. --wall --threads 0 for wall time
# with the default thread count.
CLOCK = [time.process_time]


MLP = [("d1", "Dense", {"units": 256}), ("r1", "ReLU", {}),
       ("d2", "Dense", {"units": 128}), ("r2", "ReLU", {}), ("d3", "Dense", {"units": 10})]
TINY = [("d3", "Dense", {"units": 10})]     # to time the Trainer's per-step cost on its own


def mlp_network(epochs: int, hidden=MLP) -> Network:
    layers = [("in", "Input", {"shape": [1, 28, 28]}), ("f", "Flatten", {})] + hidden
    nodes = [{"id": i, "type": t, "params": p} for i, t, p in layers]
    edges = [{"from": a[0], "to": b[0]} for a, b in zip(layers, layers[1:])]
    training = {"dataset": {"name": "mnist", "params": {}, "validation_split": 0.1},
                "loss": "cross_entropy", "optimizer": {"name": "adam", "lr": 1e-3},
                "scheduler": {"name": "none"}, "batch_size": BATCH, "epochs": epochs,
                "seed": 0}
    return Network.from_dict({"format": "netwright-network", "version": 1, "name": "mlp",
                              "nodes": nodes, "edges": edges, "training": training})


def random_dataset(n_train: int, n_val: int, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)

    def x(n):
        return rng.random((n, 1, 28, 28), dtype=np.float32)

    return Dataset(name="random", task="classification", feature_shape=(1, 28, 28),
                   n_classes=10, class_names=tuple(str(i) for i in range(10)),
                   x_train=x(n_train), y_train=rng.integers(0, 10, n_train),
                   x_val=x(n_val), y_val=rng.integers(0, 10, n_val))


class BareLoop:
    """A plain training loop, advanced a few steps at a time."""

    def __init__(self, net: Network, ds: Dataset):
        self.model = compile_network(net, seed=0)
        self.opt = make_optimizer(net.training["optimizer"], self.model)
        self.ds, self.rng = ds, np.random.default_rng(0)
        self.batches = iter(())

    def steps(self, n: int) -> None:
        for _ in range(n):
            batch = next(self.batches, None)
            if batch is None:          # a new epoch: a new shuffle
                self.batches = iterate_batches(self.ds.x_train, self.ds.y_train, BATCH, self.rng)
                batch = next(self.batches)
            self.model.loss_and_grads(*batch, "cross_entropy")
            self.opt.step()


def trainer_steps(events, n: int) -> None:
    """Consume Trainer.run() events until ``n`` more steps are done (epoch ends included)."""
    done = 0
    for event in events:
        if isinstance(event, StepEvent):
            done += 1
            if done == n:
                return


def timed(fn, *args) -> float:
    start = CLOCK[0]()
    fn(*args)
    return CLOCK[0]() - start


def one_round(net: Network, ds: Dataset, steps: int, chunk: int) -> dict[str, float]:
    """Interleaved in small chunks (bare, trainer, trainer, bare, ...): machine load that
    comes and goes hits both sides alike. Returns total seconds per side."""
    bare, trainer = BareLoop(net, ds), Trainer(net, dataset=ds)
    events = trainer.run()
    totals = {"bare": 0.0, "trainer": 0.0}
    for i in range(steps // chunk):
        # A B B A ...: neither side always runs on caches the other one just filled.
        for side in (("bare", "trainer") if i % 2 == 0 else ("trainer", "bare")):
            if side == "bare":
                totals["bare"] += timed(bare.steps, chunk)
            else:
                totals["trainer"] += timed(trainer_steps, events, chunk)
    totals["trainer"] += timed(lambda: [e for e in events])   # the last epoch's end
    return totals


def time_weight_copy(net: Network, steps: int) -> float:
    model = compile_network(net, seed=0)
    return timed(lambda: [model.state_dict() for _ in range(steps)])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batches", type=int, default=50, help="steps per epoch")
    ap.add_argument("--chunk", type=int, default=5, help="steps per interleaved turn")
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads (0: default)")
    ap.add_argument("--wall", action="store_true", help="wall-clock time, not CPU time")
    args = ap.parse_args(argv)
    if args.wall:
        CLOCK[0] = time.perf_counter
    if args.threads:
        from threadpoolctl import threadpool_limits
        threadpool_limits(args.threads)
    net = mlp_network(args.epochs)
    n_train = args.batches * BATCH
    no_val = random_dataset(n_train, 0)
    with_val = random_dataset(n_train, n_train // 10)
    steps = args.epochs * args.batches
    one_round(net, no_val, 2 * args.chunk, args.chunk)        # warm-up
    plain, val, copies = [], [], []
    for _ in range(args.rounds):
        plain.append(one_round(net, no_val, steps, args.chunk))
        val.append(one_round(net, with_val, steps, args.chunk))
        copies.append(time_weight_copy(net, steps) / plain[-1]["bare"])

    tiny = mlp_network(args.epochs, TINY)
    tiny_rounds = [one_round(tiny, no_val, steps, args.chunk) for _ in range(args.rounds)]
    per_step_us = 1e6 * statistics.median(r["trainer"] - r["bare"] for r in tiny_rounds) / steps

    def overhead(rounds):
        return 100 * (statistics.median(r["trainer"] / r["bare"] for r in rounds) - 1)

    step_ms = 1000 * statistics.median(r["bare"] for r in plain) / steps
    clock = "wall" if args.wall else "CPU"
    print(f"MLP 784-256-128-10, Adam, batch {BATCH}: {steps} steps per round "
          f"({args.batches} per epoch), {args.rounds} rounds, BLAS threads "
          f"{args.threads or 'default'}, bare step {step_ms:.2f} ms {clock} time")
    print(f"trainer overhead (events + metrics, probes off): {overhead(plain):+.1f} %")
    print(f"trainer overhead incl. per-epoch validation on {n_train // 10} examples: "
          f"{overhead(val):+.1f} %")
    print(f"trainer cost per step, timed on a Flatten-Dense(10) net with the same data: "
          f"{per_step_us:.0f} us = {100 * per_step_us / (1000 * step_ms):.1f} % of the MLP step")
    print(f"copying the weights after every step would add: "
          f"{100 * statistics.median(copies):.1f} % (the Trainer copies them once per epoch)")


if __name__ == "__main__":
    main()
