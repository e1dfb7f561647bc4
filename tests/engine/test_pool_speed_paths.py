"""The blocked max-pool kernels give bit for bit what the plain whole-batch versions gave
(kept below as the reference): ties to the first max, NaN, -0.0, inf, odd sizes, every
window/stride, float64, several blocks with a short last one. ReLU's backward likewise."""
import itertools

import numpy as np
import pytest

from engine.nn import pool_ops
from engine.nn.layers.activations import ReLU

# inf * 0 in the products is NaN, as before: expected, not worth a warning here.
pytestmark = pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")


# ---- the reference: the kernels before blocking ------------------------------------------
def ref_max_pool_forward(x, k, stride, out_hw):
    taps = pool_ops.pool_taps(x, k, stride, out_hw)
    _, first = next(taps)
    best = first.copy()
    index_type = np.uint8 if k * k <= 256 else np.int32
    arg = np.zeros(best.shape, index_type)
    better = np.empty(best.shape, index_type)
    for t, view in taps:
        np.greater(view, best, out=better)
        np.maximum(best, view, out=best)
        np.multiply(better, index_type(t), out=better)
        np.maximum(arg, better, out=arg)
    return best, arg


def ref_max_pool_backward(grad, arg, x_shape, k, stride):
    dx = np.zeros(x_shape, grad.dtype)
    hit = np.empty(grad.shape, bool)
    share = np.empty_like(grad)
    for t, dst in pool_ops.pool_taps(dx, k, stride, grad.shape[2:]):
        np.equal(arg, t, out=hit)
        if stride < k:
            np.multiply(grad, hit, out=share)
            dst += share
        else:
            np.multiply(grad, hit, out=dst)
    return dx


def ref_relu_backward(x, grad):
    d = (x > 0).astype(x.dtype)
    d *= grad
    return d


# ---- data with everything that could tell two kernels apart ------------------------------
def awkward(rng, shape, dtype):
    """Few distinct values (ties everywhere, all-zero windows as after a ReLU), -0.0,
    NaN and +-inf sprinkled in."""
    x = rng.integers(-2, 3, shape).astype(dtype) / 2
    x[rng.random(shape) < 0.3] = 0.0
    x[rng.random(shape) < 0.05] = -0.0
    x[rng.random(shape) < 0.02] = np.nan
    x[rng.random(shape) < 0.02] = np.inf
    x[rng.random(shape) < 0.02] = -np.inf
    return x


def same_bits(a, b):
    assert a.shape == b.shape and a.dtype == b.dtype
    np.testing.assert_array_equal(a.view(f"u{a.itemsize}"), b.view(f"u{b.itemsize}"))


SHAPES = [(2, 3, 8, 8), (1, 2, 7, 9), (3, 1, 5, 5), (2, 4, 6, 11)]
GRID = [(k, s) for k, s in itertools.product([1, 2, 3], [1, 2, 3])]


@pytest.fixture(params=[None, 40], ids=["one block", "many blocks"])
def block_bytes(request, monkeypatch):
    """Tiny blocks: one or two planes each, so block edges and a short last block occur."""
    if request.param:
        monkeypatch.setattr(pool_ops, "BLOCK_BYTES", request.param * 8)
    return request.param


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("k,s", GRID)
@pytest.mark.parametrize("shape", SHAPES)
def test_max_pool_is_bitwise_the_whole_batch_kernel(shape, k, s, dtype, block_bytes):
    rng = np.random.default_rng(hash((shape, k, s)) % 2**32)
    x = awkward(rng, shape, dtype)
    out_hw = tuple((side - k) // s + 1 for side in shape[2:])
    out, arg = pool_ops.max_pool_forward(x, k, s, out_hw)
    ref_out, ref_arg = ref_max_pool_forward(x, k, s, out_hw)
    same_bits(out, ref_out)
    np.testing.assert_array_equal(arg, ref_arg)
    assert arg.dtype == ref_arg.dtype
    grad = awkward(rng, out.shape, dtype)
    same_bits(pool_ops.max_pool_backward(grad, arg, shape, k, s),
              ref_max_pool_backward(grad, ref_arg, shape, k, s))


def test_an_all_zero_window_sends_the_gradient_to_its_first_input(block_bytes):
    x = np.zeros((1, 1, 4, 4), np.float32)
    out, arg = pool_ops.max_pool_forward(x, 2, 2, (2, 2))
    dx = pool_ops.max_pool_backward(np.ones_like(out), arg, x.shape, 2, 2)
    np.testing.assert_array_equal(dx[0, 0], [[1, 0, 1, 0], [0, 0, 0, 0]] * 2)


def test_a_window_larger_than_256_taps_keeps_int32_indices():
    rng = np.random.default_rng(1)
    x = awkward(rng, (2, 2, 18, 17), np.float32)
    out, arg = pool_ops.max_pool_forward(x, 17, 1, (2, 1))
    ref_out, ref_arg = ref_max_pool_forward(x, 17, 1, (2, 1))
    same_bits(out, ref_out)
    assert arg.dtype == np.int32
    np.testing.assert_array_equal(arg, ref_arg)


def test_an_empty_batch_gives_empty_arrays():
    x = np.zeros((0, 3, 6, 6), np.float32)
    out, arg = pool_ops.max_pool_forward(x, 2, 2, (3, 3))
    assert out.shape == arg.shape == (0, 3, 3, 3)
    assert pool_ops.max_pool_backward(out, arg, x.shape, 2, 2).shape == x.shape


def test_max_pool_of_a_strided_input_view():
    """The kernels reshape the batch into planes: a non-contiguous input still works."""
    rng = np.random.default_rng(2)
    x = awkward(rng, (3, 4, 10, 10), np.float32)[:, ::2, 1:, :9]
    out, arg = pool_ops.max_pool_forward(x, 2, 2, (4, 4))
    ref_out, ref_arg = ref_max_pool_forward(x, 2, 2, (4, 4))
    same_bits(out, ref_out)
    np.testing.assert_array_equal(arg, ref_arg)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(3,), (2, 5), (2, 3, 7, 7), (1, 20_003)])
def test_relu_backward_is_bitwise_the_derivative_times_the_gradient(shape, dtype):
    rng = np.random.default_rng(3)
    layer = ReLU("r", {}, [shape[1:] or (1,)])
    x, grad = awkward(rng, shape, dtype), awkward(rng, shape, dtype)
    layer.forward([x], training=True)
    same_bits(layer.backward(grad)[0], ref_relu_backward(x, grad))


def test_relu_backward_leaves_its_inputs_alone():
    rng = np.random.default_rng(4)
    layer = ReLU("r", {}, [(10,)])
    x, grad = rng.standard_normal((4, 10)), rng.standard_normal((4, 10))
    kept = x.copy(), grad.copy()
    layer.forward([x], training=True)
    d = layer.backward(grad)[0]
    assert d is not grad and d is not x
    same_bits(x, kept[0])
    same_bits(grad, kept[1])


def test_relu_curve_derivative_is_still_a_new_array():
    x = np.linspace(-1, 1, 5)
    _, d = ReLU.curve(x)
    np.testing.assert_array_equal(d, [0, 0, 0, 1, 1])
