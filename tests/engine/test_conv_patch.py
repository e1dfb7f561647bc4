"""The by-hand arithmetic of one output pixel (gui/training/views/conv_patch.py, no Qt)
equals the engine's forward output at every position, for every registered example of
Conv2D, MaxPool2D and AvgPool2D (padding, stride, even kernels, overlapping windows)."""
from __future__ import annotations

import numpy as np
import pytest

from engine.nn.layers import LAYERS
from gui.training.views.conv_patch import (Geometry, conv_work, geometry, mismatch,
                                           pool_work, window)


def _layer(kind: str, config: dict, shape: tuple, seed: int = 0):
    spec = LAYERS[kind]
    layer = spec.cls(kind.lower(), spec.complete(config), [shape])
    layer.init_weights(np.random.default_rng(seed))
    if "bias" in layer.weights:          # a non-zero bias, so that adding it is tested
        layer.weights["bias"][...] = np.linspace(-0.5, 0.5, layer.weights["bias"].size)
    return layer


def _cases(kind: str):
    return [(config, shapes[0]) for config, shapes in LAYERS[kind].examples]


def _every_pixel(out):
    f, h, w = out.shape
    return [(c, i, j) for c in range(f) for i in range(h) for j in range(w)]


@pytest.mark.parametrize("config,shape", _cases("Conv2D"))
def test_conv_by_hand_equals_the_engine_at_every_output_pixel(config, shape):
    layer = _layer("Conv2D", config, shape)
    x = np.random.default_rng(1).normal(size=(1, *shape)).astype(np.float32)
    out = layer.forward([x], training=False)[0]
    geo = geometry("Conv2D", layer.config)
    weight, bias = layer.weights["weight"], layer.weights.get("bias")
    assert mismatch(geo, x[0].shape, out.shape, weight) is None
    for c, i, j in _every_pixel(out):
        work = conv_work(x[0], weight, bias, geo, c, i, j)
        assert work.value == pytest.approx(float(out[c, i, j]), abs=1e-5)
        assert work.total + work.bias == pytest.approx(work.value)
        assert np.allclose(work.products, work.patch * work.kernel)


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
def test_pooling_by_hand_equals_the_engine_at_every_output_pixel(kind):
    for config, shape in _cases(kind):
        layer = _layer(kind, config, shape)
        x = np.random.default_rng(2).normal(size=(1, *shape)).astype(np.float32)
        out = layer.forward([x], training=False)[0]
        geo = geometry(kind, layer.config)
        assert mismatch(geo, x[0].shape, out.shape) is None
        for c, i, j in _every_pixel(out):
            work = pool_work(x[0], geo, c, i, j)
            assert work.value == pytest.approx(float(out[c, i, j]), abs=1e-6)
            if work.chosen is not None:     # the chosen cell holds the maximum
                assert work.patch[work.chosen] == work.value == work.patch.max()


def test_padding_cells_read_zero_and_are_marked():
    x = np.arange(1, 10, dtype=np.float32).reshape(1, 3, 3)
    patch, inside = window(x, -1, -1, 3)
    assert patch[0].tolist() == [[0, 0, 0], [0, 1, 2], [0, 4, 5]]
    assert inside.tolist() == [[False] * 3, [False, True, True], [False, True, True]]
    patch, inside = window(x, 5, 5, 2)               # wholly outside: all padding
    assert not inside.any() and not patch.any()


def test_the_window_moves_by_the_stride_and_starts_in_the_padding():
    geo = Geometry("Conv2D", 3, 2, ((1, 1), (1, 1)))
    assert geo.corner(0, 0) == (-1, -1)
    assert geo.corner(1, 2) == (1, 3)
    assert geo.out_size(5, 6) == (3, 3)


def test_an_edited_layer_whose_arrays_no_longer_fit_is_named():
    geo = geometry("Conv2D", LAYERS["Conv2D"].complete({"filters": 2, "kernel_size": 3}))
    assert mismatch(geo, (1, 5, 5), (2, 5, 5), np.zeros((2, 1, 3, 3))) is None
    assert "filters" in mismatch(geo, (1, 5, 5), (2, 5, 5), np.zeros((2, 1, 5, 5)))
    assert "size" in mismatch(geo, (1, 5, 5), (2, 3, 3), np.zeros((2, 1, 3, 3)))
    assert "image" in mismatch(geo, (25,), (2, 3, 3))
    with pytest.raises(ValueError, match="no sliding window"):
        geometry("Dense", {})


def test_conv_by_hand_equals_pytorch():
    torch = pytest.importorskip("torch")
    layer = _layer("Conv2D", {"filters": 3, "kernel_size": 5, "stride": 2, "padding": 2},
                   (2, 9, 8))
    x = np.random.default_rng(3).normal(size=(1, 2, 9, 8)).astype(np.float32)
    expected = torch.nn.functional.conv2d(
        torch.from_numpy(x), torch.from_numpy(layer.weights["weight"]),
        torch.from_numpy(layer.weights["bias"]), stride=2, padding=2)[0].numpy()
    geo = geometry("Conv2D", layer.config)
    for c, i, j in _every_pixel(expected):
        work = conv_work(x[0], layer.weights["weight"], layer.weights["bias"], geo, c, i, j)
        assert work.value == pytest.approx(float(expected[c, i, j]), abs=1e-5)
