"""Conv2D convolves a batch a few images at a time (conv.CHUNK_FLOATS): every result
equals the whole batch at once, in training and inference, forward and backward, on every
path (stride 1 and 2, paddings wider than the kernel, frozen filters, no bias), and an
evaluation pass of many images keeps its workspace at one chunk's size."""
import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from engine import compile_network
from engine.nn.gradcheck import check_layer_gradients
from engine.nn.layers import LAYERS, conv

CASES = [dict(filters=4, kernel_size=3),
         dict(filters=2, kernel_size=3, stride=2, padding=1),
         dict(filters=3, kernel_size=2),                       # "same", even: asymmetric
         dict(filters=2, kernel_size=3, padding=3),             # wider than k-1: col2im
         dict(filters=3, kernel_size=1, padding="valid", bias=False),
         dict(filters=4, kernel_size=3, init="sobel", trainable=False)]


def net(params):
    return {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [3, 9, 8]}},
                      {"id": "a", "type": "ReLU", "params": {}},
                      {"id": "c", "type": "Conv2D", "params": params}],
            "edges": [{"from": "in", "to": "a"}, {"from": "a", "to": "c"}]}


def batch(n, seed=0):
    return np.random.default_rng(seed).standard_normal((n, 3, 9, 8)).astype(np.float32)


def one_image_per_chunk(monkeypatch):
    monkeypatch.setattr(conv, "CHUNK_FLOATS", 1)


def run(params, training, n=10):
    """Output, the input gradient and the weight gradients of one forward + backward."""
    model = compile_network(net(params), seed=0)
    x = batch(n)
    out = model.forward(x, training=training)
    grad = np.random.default_rng(1).standard_normal(out.shape).astype(np.float32)
    dx = model.by_id["c"].layer.backward(grad)[0]
    return out, dx, {k: g.copy() for k, g in model.by_id["c"].layer.grads.items()}


@pytest.mark.parametrize("threads", [1, 2], ids=["1 thread", "2 threads"])
@pytest.mark.parametrize("training", [True, False], ids=["train", "eval"])
@pytest.mark.parametrize("params", CASES, ids=lambda p: str(p))
def test_chunks_of_one_image_equal_the_whole_batch_at_once(params, training, threads,
                                                           monkeypatch):
    whole = run(params, training)
    one_image_per_chunk(monkeypatch)
    with threadpool_limits(threads, user_api="blas"):      # engine.nn.parallel's workers
        chunked = run(params, training)
    for name, a, b in zip(("output", "input gradient"), chunked[:2], whole[:2]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5, err_msg=name)
    assert chunked[2].keys() == whole[2].keys()
    for key in whole[2]:
        np.testing.assert_allclose(chunked[2][key], whole[2][key], rtol=1e-5, atol=1e-4,
                                   err_msg=key)


@pytest.mark.parametrize("params", CASES[:4], ids=lambda p: str(p))
def test_chunked_conv_passes_the_numerical_gradient_check(params, monkeypatch):
    one_image_per_chunk(monkeypatch)
    spec = LAYERS["Conv2D"]
    layer = spec.cls("c", spec.complete(params), [(3, 9, 8)])
    layer.init_weights(np.random.default_rng(0))
    report = check_layer_gradients(layer, [batch(3)], training=True)
    assert report.ok, report


def largest_buffer(layer) -> int:
    return max(b.size for ws in layer._ws.values() for b in ws._bufs.values())


def test_an_evaluation_of_many_images_keeps_the_workspace_at_one_chunk(monkeypatch):
    monkeypatch.setattr(conv, "CHUNK_FLOATS", 3 * (27 + 4) * 9 * 10)   # 3 images
    model = compile_network(net(CASES[0]), seed=0)
    layer = model.by_id["c"].layer
    assert layer.chunk_images(layer.config, layer.input_shapes[0]) == 3
    model.forward(batch(3), training=False)
    one_chunk = largest_buffer(layer)
    model.forward(batch(40), training=False)
    assert largest_buffer(layer) == one_chunk


def test_an_empty_batch_gives_empty_arrays():
    spec = LAYERS["Conv2D"]
    layer = spec.cls("c", spec.complete(CASES[0]), [(3, 9, 8)])
    layer.init_weights(np.random.default_rng(0))
    layer.grads["weight"][...] = 1                # a previous step's
    out = layer.forward([batch(0)], training=True)
    assert out.shape == (0, 4, 9, 8)
    assert layer.backward(out)[0].shape == (0, 3, 9, 8)
    assert not layer.grads["weight"].any()       # no images, no gradient
