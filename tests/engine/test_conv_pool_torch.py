"""Conv2D / MaxPool2D / AvgPool2D forward and backward equal torch.nn.functional's."""
import numpy as np
import pytest

from engine import compile_network
from engine.nn.layers import LAYERS, conv

torch = pytest.importorskip("torch")
F = torch.nn.functional

TOL = dict(rtol=1e-4, atol=1e-5)

CONV_CASES = [
    dict(filters=4, kernel_size=3, stride=1, padding="same"),
    dict(filters=4, kernel_size=3, stride=2, padding="same"),
    dict(filters=3, kernel_size=2, stride=1, padding="same"),     # even: asymmetric padding
    dict(filters=3, kernel_size=4, stride=2, padding="same"),
    dict(filters=2, kernel_size=3, stride=1, padding="valid"),
    dict(filters=2, kernel_size=5, stride=2, padding="valid"),
    dict(filters=3, kernel_size=3, stride=1, padding=1),
    dict(filters=3, kernel_size=2, stride=2, padding=2, bias=False),
    dict(filters=2, kernel_size=1, stride=1, padding=0),
]
POOL_CASES = [(2, 2), (3, 3), (2, 1), (3, 2), (2, 3)]             # (pool_size, stride)
SHAPES = [(3, 9, 9), (2, 8, 7)]                                   # odd and even sizes


def build(type_name, params, shape):
    spec = LAYERS[type_name]
    layer = spec.cls("layer", spec.complete(params), [shape])
    layer.init_weights(np.random.default_rng(0))
    return layer


def data(shape, out_shape, n=4):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((n, *shape)).astype(np.float32)
    g = rng.standard_normal((n, *out_shape)).astype(np.float32)
    return x, g


def torch_same_pad(x, k):
    """PyTorch's padding="same" (k-1 split, extra after) made explicit so stride 2 works."""
    before = (k - 1) // 2
    after = k - 1 - before
    return F.pad(x, (before, after, before, after))


def torch_conv(x, weight, bias, params):
    k, s, p = params["kernel_size"], params["stride"], params["padding"]
    if p == "same":
        return F.conv2d(torch_same_pad(x, k), weight, bias, stride=s)
    return F.conv2d(x, weight, bias, stride=s, padding=0 if p == "valid" else p)


@pytest.mark.parametrize("one_image_chunks", [False, True], ids=["batch", "chunks"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("params", CONV_CASES)
def test_conv2d_matches_torch(params, shape, one_image_chunks, monkeypatch):
    if one_image_chunks:                    # the batch convolved one image at a time
        monkeypatch.setattr(conv, "CHUNK_FLOATS", 1)
    layer = build("Conv2D", params, shape)
    x, g = data(shape, layer.out_shape)
    y = layer.forward([x], training=True)
    dx = layer.backward(g)[0]

    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(layer.weights["weight"], requires_grad=True)
    bias = layer.weights.get("bias")
    bt = torch.tensor(bias, requires_grad=True) if bias is not None else None
    yt = torch_conv(xt, wt, bt, layer.config)
    yt.backward(torch.tensor(g))

    np.testing.assert_allclose(y, yt.detach().numpy(), **TOL)
    np.testing.assert_allclose(dx, xt.grad.numpy(), **TOL)
    np.testing.assert_allclose(layer.grads["weight"], wt.grad.numpy(), **TOL)
    if bt is not None:
        np.testing.assert_allclose(layer.grads["bias"], bt.grad.numpy(), **TOL)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("k,s", POOL_CASES)
@pytest.mark.parametrize("type_name,fn", [("MaxPool2D", "max_pool2d"),
                                          ("AvgPool2D", "avg_pool2d")])
def test_pooling_matches_torch(type_name, fn, k, s, shape):
    layer = build(type_name, dict(pool_size=k, stride=s), shape)
    x, g = data(shape, layer.out_shape)
    x = np.round(x * 2) / 2          # many ties: the gradient must pick the same element
    y = layer.forward([x], training=True)
    dx = layer.backward(g)[0]

    xt = torch.tensor(x, requires_grad=True)
    yt = getattr(F, fn)(xt, k, s)
    yt.backward(torch.tensor(g))
    np.testing.assert_allclose(y, yt.detach().numpy(), **TOL)
    np.testing.assert_allclose(dx, xt.grad.numpy(), **TOL)


def test_small_cnn_compiled_from_a_network_dict_matches_torch():
    net = {"nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [2, 11, 10]}},
        {"id": "c1", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3}},
        {"id": "p1", "type": "MaxPool2D", "params": {"pool_size": 2}},
        {"id": "c2", "type": "Conv2D", "params": {"filters": 3, "kernel_size": 2,
                                                  "stride": 2, "padding": "valid"}},
        {"id": "p2", "type": "AvgPool2D", "params": {"pool_size": 2, "stride": 1}}],
        "edges": [{"from": a, "to": b} for a, b in
                  [("in", "c1"), ("c1", "p1"), ("p1", "c2"), ("c2", "p2")]]}
    model = compile_network(net, seed=3)
    x, g = data((2, 11, 10), model.output_shape)
    y = model.forward(x, training=True)
    model.backward(g)

    sd = {k: torch.tensor(v, requires_grad=True) for k, v in model.state_dict().items()}
    yt = torch_conv(torch.tensor(x), sd["c1.weight"], sd["c1.bias"],
                    dict(kernel_size=3, stride=1, padding="same"))
    yt = F.conv2d(F.max_pool2d(yt, 2, 2), sd["c2.weight"], sd["c2.bias"], stride=2)
    yt = F.avg_pool2d(yt, 2, 1)
    yt.backward(torch.tensor(g))
    np.testing.assert_allclose(y, yt.detach().numpy(), **TOL)
    for key, grad in model.grads().items():
        np.testing.assert_allclose(grad, sd[key].grad.numpy(), **TOL, err_msg=key)


def test_conv2d_weight_gradient_on_a_long_batch_matches_torch():
    """More than 8192 output positions: the weight gradient is summed over column blocks."""
    layer = build("Conv2D", dict(filters=4, kernel_size=3), (1, 28, 28))
    x, g = data((1, 28, 28), layer.out_shape, n=12)
    layer.forward([x], training=True)
    layer.backward(g)
    xt = torch.tensor(x)
    wt = torch.tensor(layer.weights["weight"], requires_grad=True)
    F.conv2d(xt, wt, torch.tensor(layer.weights["bias"]), padding=1).backward(torch.tensor(g))
    np.testing.assert_allclose(layer.grads["weight"], wt.grad.numpy(), rtol=1e-4, atol=1e-4)
