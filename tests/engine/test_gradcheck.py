"""Every registered layer type passes a numerical gradient check on every example case
its registration lists (vectors, images, strides, paddings...), in training and eval mode.
The cases come from the registry: a new layer type is checked with no new test code."""
import numpy as np
import pytest

from engine import compile_network
from engine.nn.layers import LAYERS
from engine.nn.gradcheck import (GradientCheckError, check_layer_gradients,
                              check_model_gradients)
from engine.nn.layers.core import Dense


def build_layer(spec, params, input_shapes, seed=0):
    """A layer built as the compiler builds it, with non-trivial parameter values (random
    signs and sizes, so that ones/zeros initialisations hide no transposition bug)."""
    layer = spec.cls(f"{spec.type.lower()}", spec.complete(params), input_shapes)
    rng = np.random.default_rng(seed)
    layer.init_weights(rng)
    for p in layer.weights.values():
        p[...] = rng.uniform(0.5, 1.5, p.shape) * rng.choice([-1.0, 1.0], p.shape)
    layer.rng = np.random.default_rng([seed, 1])        # Dropout's mask
    return layer


def spaced_inputs(input_shapes, batch=3, seed=0):
    """One float32 batch per input with values at least 0.03 apart and none at 0: the
    numerical differences never step over a ReLU kink or swap a max-pool winner."""
    rng = np.random.default_rng(seed)
    xs = []
    for shape in input_shapes:
        n = batch * int(np.prod(shape))
        step = max(0.03, 3.0 / n)          # small batches still spread over about [-1.5, 1.5]
        values = (np.arange(n) - (n - 1) / 2 + 0.25) * step
        xs.append(rng.permutation(values).reshape((batch,) + tuple(shape)).astype(np.float32))
    return xs


def registry_cases():
    return [pytest.param(spec, params, shapes, id=f"{spec.type}-{i}")
            for spec in LAYERS.in_order() for i, (params, shapes) in enumerate(spec.examples)]


def test_every_layer_type_but_input_has_an_example():
    missing = [s.type for s in LAYERS.in_order() if s.category != "Input" and not s.examples]
    assert missing == []


@pytest.mark.parametrize("training", [True, False], ids=["train", "eval"])
@pytest.mark.parametrize("spec, params, shapes", registry_cases())
def test_layer_gradients_match_numerical_ones(spec, params, shapes, training):
    layer = build_layer(spec, params, shapes)
    xs = spaced_inputs(shapes)
    out = layer.forward([x.copy() for x in xs], training)
    assert out.shape == (3,) + layer.out_shape, "output_shape disagrees with forward"
    assert out.dtype == np.float32
    report = check_layer_gradients(layer, xs, training=training)
    checked = {c.name for c in report.checks}
    assert {f"input {i}" for i in range(len(shapes))} <= checked
    if layer.trainable:
        assert set(layer.weights) <= checked


class _WrongDense(Dense):
    """Dense whose weight gradient is 1% too large at one element."""

    def backward(self, grad):
        dx = super().backward(grad)
        self.grads["weight"][1, 2] *= 1.01
        return dx


def test_checker_names_layer_array_and_index_of_a_wrong_gradient():
    spec = LAYERS["Dense"]
    layer = _WrongDense("h1", spec.complete({"units": 3}), [(4,)])
    layer.init_weights(np.random.default_rng(0))
    with pytest.raises(GradientCheckError) as info:
        check_layer_gradients(layer, spaced_inputs([(4,)], batch=5))
    text = str(info.value)
    assert "layer 'h1'" in text and "FAILED" in text
    [failure] = info.value.report.failures
    assert failure.name == "weight" and failure.worst_index == (1, 2)


def test_checker_leaves_the_layer_unchanged_and_can_return_the_report():
    spec = LAYERS["BatchNorm"]
    layer = build_layer(spec, {}, [(3,)])
    before = {k: v.copy() for k, v in {**layer.weights, **layer.buffers}.items()}
    report = check_layer_gradients(layer, spaced_inputs([(3,)], batch=4),
                                   raise_on_failure=False)
    assert report.ok and "passed" in str(report)
    for k, v in {**layer.weights, **layer.buffers}.items():
        np.testing.assert_array_equal(v, before[k])
        assert v.dtype == before[k].dtype


def test_dropout_is_checked_with_a_fixed_mask():
    layer = build_layer(LAYERS["Dropout"], {"rate": 0.5}, [(50,)])
    x = spaced_inputs([(50,)])
    dropped = layer.forward([x[0].copy()], training=True) == 0
    assert 30 < dropped.sum() < 120                  # the mask really drops units...
    report = check_layer_gradients(layer, x, training=True)
    assert report.ok and report.checks[0].checked == 150  # ...and every input is checked


def test_checker_refuses_inputs_that_do_not_fit_the_layer_naming_it():
    layer = build_layer(LAYERS["Dense"], {"units": 2}, [(4,)])
    with pytest.raises(ValueError, match=r"layer 'dense'.*\(N, 4\).*\(3, 5\)"):
        check_layer_gradients(layer, np.zeros((3, 5)))
    with pytest.raises(ValueError, match="takes 1 input"):
        check_layer_gradients(layer, [np.zeros((3, 4))] * 2)
    assert "passed" in repr(check_layer_gradients(layer, np.ones((3, 4))))  # one array is fine


def _small_network(frozen=False):
    return compile_network({
        "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 5, 5]}},
                  {"id": "edges", "type": "Conv2D",
                   "params": {"filters": 2, "init": "sobel", "trainable": not frozen}},
                  {"id": "flat", "type": "Flatten"},
                  {"id": "h1", "type": "Dense", "params": {"units": 3}}],
        "edges": [{"from": "in", "to": "edges"}, {"from": "edges", "to": "flat"},
                  {"from": "flat", "to": "h1"}]}, seed=0)


def test_model_check_skips_frozen_layers_and_names_a_wrong_parameter_gradient(monkeypatch):
    x, y = spaced_inputs([(1, 5, 5)], batch=4)[0], np.arange(4) % 3
    report = check_model_gradients(_small_network(frozen=True), x, y, "cross_entropy")
    assert [c.name for c in report.checks] == ["h1.weight", "h1.bias"]
    model = _small_network()
    assert check_model_gradients(model, x, y, "cross_entropy").ok
    right = Dense.backward

    def wrong(self, grad):               # a backward that forgets the bias gradient
        dx = right(self, grad)
        self.grads["bias"][...] = 0.0
        return dx

    monkeypatch.setattr(Dense, "backward", wrong)
    with pytest.raises(GradientCheckError, match=r"FAIL h1\.bias"):
        check_model_gradients(model, x, y, "cross_entropy")


def test_a_layer_taken_from_a_model_is_checked_with_its_input_gradient():
    conv = _small_network().layers["edges"]          # fed by the data: skips dx in a Model
    report = check_layer_gradients(conv, spaced_inputs([(1, 5, 5)]))
    assert [c.name for c in report.checks] == ["input 0", "weight", "bias"]


class _Float32Tanh(LAYERS["Tanh"].cls):
    """A Tanh that computes in float32 whatever it is given."""

    def forward(self, xs, training):
        return super().forward([xs[0].astype(np.float32)], training)


def test_a_layer_that_ignores_float64_is_checked_with_looser_tolerances_and_says_so():
    layer = _Float32Tanh("t", {}, [(6,)])
    report = check_layer_gradients(layer, spaced_inputs([(6,)]))
    assert report.ok and report.precision == "float32"
    assert "computes in float32" in str(report)
