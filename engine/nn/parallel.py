"""One layer's work split over threads, a part (a few images) each.

NumPy releases the GIL in its copies, ufunc loops and BLAS calls, so threads working on
different images of a batch run at once. Meanwhile BLAS runs one thread per call: its own
threads would fight ours for the cores (measured: the MNIST CNN's chunked convolutions ran
twice as slow with two BLAS threads each as with one).

How many threads: the BLAS thread limit in force (threadpoolctl), so that one setting
governs both. The training process sets 1 (the window keeps a core), `main.py train` and the
benchmarks leave or set more. Which thread takes which part is fixed (worker w takes parts
w, w + n, ...), so a sum a worker keeps is added up in the same order on every run.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence, TypeVar

from threadpoolctl import ThreadpoolController

Part = TypeVar("Part")

_controller: ThreadpoolController | None = None
_executor: ThreadPoolExecutor | None = None


def _blas():
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller


def threads() -> int:
    """The BLAS thread limit in force (1 where no BLAS library reports one)."""
    counts = [lib.num_threads for lib in _blas().lib_controllers if lib.user_api == "blas"]
    return max(1, min(counts, default=1))


def run(task: Callable[[int, Part], None], parts: Sequence[Part]) -> int:
    """task(worker, part) for every part, on up to threads() threads; returns how many
    workers took part (worker indices 0 .. n-1). A worker's exception is raised here."""
    n = min(threads(), len(parts))
    if n <= 1:
        for part in parts:
            task(0, part)
        return 1
    with _blas().limit(limits=1, user_api="blas"):
        futures = [_pool().submit(_each, task, w, parts[w::n]) for w in range(n)]
        for future in futures:
            future.result()
    return n


def _each(task, worker: int, parts) -> None:
    for part in parts:
        task(worker, part)


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=os.cpu_count() or 1,
                                       thread_name_prefix="engine-part")
    return _executor


def _forget_threads() -> None:
    """A forked child has none of the parent's threads: it makes its own pool."""
    global _executor
    _executor = None


os.register_at_fork(after_in_child=_forget_threads)
