"""Inference splits a big batch into chunks, so an evaluation pass (1024 images at once)
does not make, and leave in the workspace, im2col columns of a GB (the MNIST CNN's second
conv: 1 GB at 1024 images where training at batch 128 needs 124 MB)."""
import numpy as np
import pytest

from engine import compile_network
from engine.nn.layers import conv

NET = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [3, 9, 8]}},
                 {"id": "c", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3}},
                 {"id": "s", "type": "Conv2D",
                  "params": {"filters": 2, "kernel_size": 3, "stride": 2, "padding": 1}}],
       "edges": [{"from": "in", "to": "c"}, {"from": "c", "to": "s"}]}


@pytest.fixture
def small_chunks(monkeypatch):
    """Columns of 3 images at most for the first conv (3*9 rows x 9*11 grid per image)."""
    monkeypatch.setattr(conv, "INFERENCE_COLUMNS", 3 * 27 * 9 * 11)


def batch(n, seed=0):
    return np.random.default_rng(seed).standard_normal((n, 3, 9, 8)).astype(np.float32)


def largest_buffer(layer) -> int:
    return max(b.size for b in layer._workspace()._bufs.values())


def test_inference_in_chunks_equals_the_whole_batch_at_once(small_chunks):
    model = compile_network(NET, seed=0)
    x = batch(10)
    chunked = model.forward(x, training=False)
    whole = model.forward(x, training=True)      # training never chunks
    # Equal up to the GEMM's rounding, which depends on its width.
    np.testing.assert_allclose(chunked, whole, rtol=1e-6, atol=1e-6)


def test_inference_columns_stay_at_the_chunk_size(small_chunks):
    model = compile_network(NET, seed=0)
    layer = model.by_id["c"].layer
    model.forward(batch(3), training=False)
    one_chunk = largest_buffer(layer)
    model.forward(batch(40), training=False)
    assert largest_buffer(layer) == one_chunk


def test_a_backward_after_a_chunked_inference_gets_the_whole_batch_gradients(small_chunks):
    """The health probe and the sample pass run backward after an inference forward."""
    def grads_after(training):
        model = compile_network(NET, seed=0)
        out = model.forward(batch(10), training=training)
        model.backward(np.ones_like(out))
        return {k: g.copy() for k, g in model.grads().items()}
    chunked, whole = grads_after(False), grads_after(True)
    for key in whole:
        np.testing.assert_allclose(chunked[key], whole[key], rtol=1e-6, atol=1e-6,
                                   err_msg=key)
