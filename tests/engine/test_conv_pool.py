"""Conv2D / MaxPool2D / AvgPool2D without torch: shapes, errors, ties, Sobel init."""
import itertools

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from engine import GraphError, ShapeError, compile_network
from engine.nn.layers import LAYERS


def build(type_name, params, shape, seed=0):
    spec = LAYERS[type_name]
    layer = spec.cls("layer", spec.complete(params), [tuple(shape)])
    layer.init_weights(np.random.default_rng(seed))
    return layer


def run(layer, shape, n=2):
    x = np.random.default_rng(1).standard_normal((n, *shape)).astype(np.float32)
    return layer.forward([x], training=True)


def predicted_or_error(type_name, params, shape):
    spec = LAYERS[type_name]
    try:
        return spec.cls.output_shape(spec.complete(params), [tuple(shape)])
    except ShapeError:
        return None


CONV_GRID = [dict(filters=2, kernel_size=k, stride=s, padding=p)
             for k, s, p in itertools.product([1, 2, 3, 4], [1, 2, 3], ["valid", "same", 0, 2])]
POOL_GRID = [dict(pool_size=k, stride=s) for k, s in itertools.product([1, 2, 3], [1, 2, 3])]


@pytest.mark.parametrize("params", CONV_GRID)
def test_conv_output_shape_is_the_forward_shape(params):
    shape = (3, 7, 6)
    layer = build("Conv2D", params, shape)
    y = run(layer, shape)
    assert y.shape[1:] == layer.out_shape and y.dtype == np.float32
    assert layer.backward(np.ones_like(y))[0].shape == (2, *shape)


def test_same_padding_keeps_the_size_and_divides_it_by_the_stride():
    assert predicted_or_error("Conv2D", dict(kernel_size=4, padding="same"), (1, 7, 6)) == (8, 7, 6)
    assert predicted_or_error("Conv2D", dict(kernel_size=3, stride=2, padding="same"),
                              (1, 7, 6)) == (8, 4, 3)          # ceil(7/2), ceil(6/2)


@pytest.mark.parametrize("type_name", ["MaxPool2D", "AvgPool2D"])
@pytest.mark.parametrize("params", POOL_GRID)
def test_pool_output_shape_is_the_forward_shape(type_name, params):
    shape = (2, 7, 6)
    layer = build(type_name, params, shape)
    y = run(layer, shape)
    assert y.shape[1:] == layer.out_shape
    assert layer.backward(np.ones_like(y))[0].shape == (2, *shape)


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["Conv2D", "MaxPool2D", "AvgPool2D"]),
       k=st.integers(1, 6), s=st.integers(1, 4),
       padding=st.one_of(st.sampled_from(["valid", "same"]), st.integers(0, 3)),
       c=st.integers(1, 3), h=st.integers(1, 12), w=st.integers(1, 12))
def test_output_shape_raises_or_matches_forward(kind, k, s, padding, c, h, w):
    params = (dict(filters=2, kernel_size=k, stride=s, padding=padding) if kind == "Conv2D"
              else dict(pool_size=k, stride=s))
    predicted = predicted_or_error(kind, params, (c, h, w))
    if predicted is None:
        return
    assert run(build(kind, params, (c, h, w)), (c, h, w), n=1).shape[1:] == predicted


def test_conv_error_shows_the_formula_with_the_numbers():
    with pytest.raises(ShapeError) as e:
        build("Conv2D", dict(kernel_size=7, padding="valid"), (1, 9, 5))
    assert "(W - K + 2P)/S + 1 = (5 - 7 + 2*0)/1 + 1 = -1" in str(e.value)
    assert "smaller kernel or more padding" in str(e.value)


def test_pool_window_larger_than_input_names_the_numbers():
    with pytest.raises(ShapeError) as e:
        build("MaxPool2D", dict(pool_size=4, stride=4), (1, 3, 8))
    assert "4x4" in str(e.value) and "height 3" in str(e.value)


@pytest.mark.parametrize("type_name", ["Conv2D", "MaxPool2D", "AvgPool2D"])
def test_flat_input_is_refused_with_the_shape(type_name):
    with pytest.raises(ShapeError, match=r"\[channels, height, width\].*\[10\]"):
        build(type_name, {}, (10,))


def test_max_pool_ties_send_the_gradient_to_the_first_max_only():
    layer = build("MaxPool2D", dict(pool_size=2, stride=2), (1, 2, 4))
    x = np.array([[[[1, 1, 0, 5], [1, 1, 5, 5]]]], np.float32)
    assert layer.forward([x], True).tolist() == [[[[1, 5]]]]
    dx = layer.backward(np.array([[[[2.0, 3.0]]]], np.float32))[0]
    assert dx.tolist() == [[[[2, 0, 0, 3], [0, 0, 0, 0]]]]


def test_overlapping_max_pool_accumulates_where_windows_share_the_max():
    layer = build("MaxPool2D", dict(pool_size=2, stride=1), (1, 2, 3))
    x = np.array([[[[0, 9, 0], [0, 0, 0]]]], np.float32)
    layer.forward([x], True)
    dx = layer.backward(np.array([[[[1.0, 2.0]]]], np.float32))[0]
    assert dx.tolist() == [[[[0, 3, 0], [0, 0, 0]]]]


def test_sobel_init_gives_x_y_and_diagonal_kernels_in_turn_shared_by_the_channels():
    layer = build("Conv2D", dict(filters=5, init="sobel", trainable=False), (2, 5, 5))
    sx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], np.float32)
    up = np.array([[0, 1, 2], [-1, 0, 1], [-2, -1, 0]], np.float32)    # sx turned 45 degrees
    w = layer.weights["weight"]
    for k, kernel in enumerate((sx, sx.T, up, np.flipud(up))):
        np.testing.assert_allclose(w[k], np.stack([kernel, kernel]) / 2)
    np.testing.assert_allclose(w[4], w[0])
    assert not layer.weights["bias"].any()


def test_sobel_x_responds_to_a_vertical_edge_only():
    layer = build("Conv2D", dict(filters=2, init="sobel", padding="valid"), (1, 4, 4))
    x = np.zeros((1, 1, 4, 4), np.float32)
    x[..., 2:] = 1.0                                       # dark left, bright right
    y = layer.forward([x], False)
    assert (y[0, 0] > 0).all() and not y[0, 1].any()


def test_sobel_with_another_kernel_size_is_a_graph_error_on_its_node():
    net = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 8, 8]}},
                     {"id": "c", "type": "Conv2D", "params": {"kernel_size": 5, "init": "sobel"}}],
           "edges": [{"from": "in", "to": "c"}]}
    with pytest.raises(GraphError) as e:
        compile_network(net)
    assert e.value.node_id == "c" and "kernel_size 3" in str(e.value)


def test_frozen_conv_leaves_its_weight_gradient_at_zero_but_passes_the_input_gradient():
    layer = build("Conv2D", dict(filters=2, init="sobel", trainable=False), (1, 5, 5))
    y = run(layer, (1, 5, 5))
    dx = layer.backward(np.ones_like(y))[0]
    assert not layer.grads["weight"].any() and dx.any()


def test_repeated_batches_reuse_buffers_without_mixing_results():
    layer = build("Conv2D", dict(filters=4, padding=1), (2, 6, 6))
    rng = np.random.default_rng(3)
    a, b = (rng.standard_normal((5, 2, 6, 6)).astype(np.float32) for _ in range(2))
    ya = layer.forward([a], True)
    ya_copy = ya.copy()
    layer.forward([b[:3]], True)                  # a short last batch in between
    layer.forward([b], True)
    np.testing.assert_array_equal(ya, ya_copy)    # the returned output is never reused
    np.testing.assert_array_equal(layer.forward([a], True), ya_copy)


def test_convs_fed_by_the_data_skip_the_input_gradient_even_at_a_fork():
    net = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 6, 6]}},
                     {"id": "a", "type": "Conv2D", "params": {"filters": 2}},
                     {"id": "b", "type": "Conv2D", "params": {"filters": 2}},
                     {"id": "sum", "type": "Add"}],
           "edges": [{"from": "in", "to": "a"}, {"from": "in", "to": "b"},
                     {"from": "a", "to": "sum"}, {"from": "b", "to": "sum", "port": 1}]}
    model = compile_network(net)
    x = np.random.default_rng(0).standard_normal((3, 1, 6, 6)).astype(np.float32)
    model.forward(x, training=True)
    model.backward(np.ones((3, 2, 6, 6), np.float32))
    grads = model.grads()
    assert grads["a.weight"].any() and grads["b.weight"].any()
    np.testing.assert_allclose(grads["a.bias"], [108, 108])      # 3 images x 36 pixels
