"""Memory of the window and the training process for an MNIST-sized dataset: pickled (a copy
in the child) or shared (engine.data.shared: one memory file, mapped by both). Linux only.

Run:  python benchmarks/shared_data.py

Random data: 60,000 x 1 x 28 x 28 float32 train + 10,000 val, int64 labels (219 MB). Each case
runs in a fresh interpreter: the parent builds the dataset (and shares it), reads every page,
starts a child through the forkserver context with the dataset in the Process args; the child
sums every array and stays alive while both processes are measured from /proc:
  RSS   resident pages, shared ones counted in full in each process
  PSS   shared pages divided among the processes that map them (the sum is the true total)
  peak  VmHWM, the most RSS the process ever had (unpickling a copy needs more than the copy)
Then the cost of sharing a 400-example toy set (xor): time of share() and of a child's start.
"""
from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.data import Dataset, load_dataset, share  # noqa: E402

N_TRAIN, N_VAL = 60_000, 10_000
CASES = ("pickled", "shared")


def mnist_sized() -> Dataset:
    rng = np.random.default_rng(0)
    images = {n: rng.random((n, 1, 28, 28), dtype=np.float32) for n in (N_TRAIN, N_VAL)}
    labels = {n: rng.integers(0, 10, n, dtype=np.int64) for n in (N_TRAIN, N_VAL)}
    return Dataset(name="random", task="classification", feature_shape=(1, 28, 28),
                   n_classes=10, x_train=images[N_TRAIN], y_train=labels[N_TRAIN],
                   x_val=images[N_VAL], y_val=labels[N_VAL])


def memory_mb(pid) -> dict[str, float]:
    """RSS, PSS (smaps_rollup) and peak RSS (status) in MB."""
    out = {}
    for path, keys in ((f"/proc/{pid}/smaps_rollup", ("Rss", "Pss")),
                       (f"/proc/{pid}/status", ("VmHWM",))):
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key in keys:
                out[key] = int(value.split()[0]) / 1024
    return out


def checksum(dataset) -> float:
    """Reads every page of every array."""
    return sum(float(np.sum(a, dtype=np.float64)) for a in
               (dataset.x_train, dataset.y_train, dataset.x_val, dataset.y_val))


def child(conn, dataset) -> None:
    conn.send(checksum(dataset))
    conn.recv()                      # stay alive (and keep the data) until measured


def run_case(case: str) -> None:
    dataset = mnist_sized()
    if case == "shared":
        dataset = share(dataset)     # the original arrays are freed here
    mine = checksum(dataset)
    ctx = multiprocessing.get_context("forkserver")
    conn, theirs = ctx.Pipe()
    t0 = time.perf_counter()
    process = ctx.Process(target=child, args=(theirs, dataset))
    process.start()
    assert conn.recv() == mine
    start_s = time.perf_counter() - t0
    parent, kid = memory_mb("self"), memory_mb(process.pid)
    conn.send("done")
    process.join()
    cells = [f"{who} RSS {m['Rss']:6.0f}  PSS {m['Pss']:6.0f}  peak {m['VmHWM']:6.0f}"
             for who, m in (("parent", parent), ("child", kid))]
    print(f"{case:8} {' | '.join(cells)} | PSS sum {parent['Pss'] + kid['Pss']:5.0f} MB"
          f" | child ready in {start_s:.2f} s", flush=True)


def toy_cost() -> None:
    plain = load_dataset({"name": "xor", "params": {"samples": 400}}, seed=0)
    n = 1000
    t0 = time.perf_counter()
    for _ in range(n):
        share(plain)
    share_us = (time.perf_counter() - t0) / n * 1e6
    ctx = multiprocessing.get_context("forkserver")
    starts = {}
    for name, dataset in (("pickled", plain), ("shared", share(plain))) * 5:
        conn, theirs = ctx.Pipe()
        t0 = time.perf_counter()
        process = ctx.Process(target=child, args=(theirs, dataset))
        process.start()
        conn.recv()
        starts.setdefault(name, []).append(time.perf_counter() - t0)
        conn.send("done")
        process.join()
    print(f"toy xor (400 examples): share() {share_us:.0f} us; child ready in "
          + ", ".join(f"{k} {1e3 * np.median(v):.0f} ms" for k, v in starts.items())
          + " (median of 5)")


def main() -> None:
    if sys.platform != "linux":
        sys.exit("this benchmark reads /proc (Linux only)")
    if len(sys.argv) > 1:
        run_case(sys.argv[1])
        return
    print(f"MNIST-sized random data: {N_TRAIN:,} + {N_VAL:,} x 1x28x28 float32, int64 labels "
          f"(MB; forkserver child)")
    for case in CASES:               # a fresh interpreter each: figures do not mix
        subprocess.run([sys.executable, __file__, case], check=True)
    toy_cost()


if __name__ == "__main__":
    main()
