"""engine.nn.parallel: a layer's parts spread over as many threads as the BLAS limit
allows, each worker taking a fixed share in order, BLAS single-threaded meanwhile."""
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from engine import compile_network
from engine.nn import parallel


def record(parts, limit):
    seen, lock = [], threading.Lock()

    def task(worker, part):
        with lock:
            seen.append((worker, part, parallel.threads()))
    with threadpool_limits(limit, user_api="blas"):
        workers = parallel.run(task, parts)
        after = parallel.threads()
    return workers, seen, after


def test_one_blas_thread_runs_every_part_in_order_here():
    workers, seen, _ = record(list(range(5)), 1)
    assert workers == 1
    assert seen == [(0, p, 1) for p in range(5)]


def test_two_threads_share_the_parts_in_a_fixed_pattern_with_one_blas_thread_each():
    workers, seen, after = record(list(range(5)), 2)
    if after < 2:
        pytest.skip("this BLAS cannot be set to 2 threads")
    assert workers == 2
    by_worker = {w: [p for ww, p, _ in seen if ww == w] for w in (0, 1)}
    assert by_worker == {0: [0, 2, 4], 1: [1, 3]}            # worker w: w, w + 2, ...
    assert {blas for _, _, blas in seen} == {1}
    assert after == 2                                         # restored


def test_never_more_workers_than_parts():
    workers, seen, _ = record(["only"], 2)
    assert workers == 1 and seen[0][:2] == (0, "only")


def test_a_worker_s_error_is_raised_to_the_caller():
    def task(worker, part):
        if part == 3:
            raise ValueError("part 3 failed")
    with threadpool_limits(2, user_api="blas"), pytest.raises(ValueError, match="part 3"):
        parallel.run(task, list(range(4)))


MNIST_LIKE = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 28, 28]}},
                        {"id": "c1", "type": "Conv2D", "params": {"filters": 32}},
                        {"id": "r", "type": "ReLU", "params": {}},
                        {"id": "c2", "type": "Conv2D", "params": {"filters": 32}},
                        {"id": "f", "type": "Flatten", "params": {}},
                        {"id": "d", "type": "Dense", "params": {"units": 3}}],
              "edges": [{"from": a, "to": b} for a, b in
                        [("in", "c1"), ("c1", "r"), ("r", "c2"), ("c2", "f"), ("f", "d")]]}


def gradients(threads):
    """The weight gradients of one step of a network whose convs run in several chunks."""
    model = compile_network(MNIST_LIKE, seed=0)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((24, 1, 28, 28)).astype(np.float32)
    y = rng.integers(0, 3, 24)
    with threadpool_limits(threads, user_api="blas"):
        model.loss_and_grads(x, y, loss="cross_entropy")
    return {k: g.copy() for k, g in model.grads().items()}


def test_threads_give_the_same_gradients_every_run_and_the_serial_ones_to_rounding():
    assert len(compile_network(MNIST_LIKE, seed=0).by_id["c2"].layer._chunks(24)) > 2
    serial, first, second = gradients(1), gradients(2), gradients(2)
    for key in serial:
        np.testing.assert_array_equal(first[key], second[key], err_msg=key)
        np.testing.assert_allclose(first[key], serial[key], rtol=1e-4, atol=1e-6,
                                   err_msg=key)
