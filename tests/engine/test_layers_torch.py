"""Every registered layer type computes what PyTorch computes: forward, input gradients,
parameter gradients and buffers (BatchNorm running statistics), on the same weights.

TORCH_REFERENCE maps each type name to a builder of the equivalent torch module; a test
asserts it covers every registered type, so no layer can be added without its parity check.
Weights move into torch through ``load_state_dict(strict=True)``, which also checks that
our parameter and buffer names and layouts are PyTorch's.
"""
import numpy as np
import pytest

from engine.nn.layers import LAYERS
from tests.engine.test_gradcheck import build_layer, spaced_inputs

torch = pytest.importorskip("torch")
nn, F = torch.nn, torch.nn.functional


class Fn(nn.Module):
    """A parameter-free torch function as a module."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, *xs):
        return self.fn(*xs)


class PaddedConv2d(nn.Conv2d):
    """nn.Conv2d with explicit (left, right, top, bottom) zero padding: PyTorch refuses
    padding="same" with stride > 1, where our Conv2D pads (k-1)//2 before, the rest after."""

    def __init__(self, pads, *args, **kwargs):
        super().__init__(*args, padding=0, **kwargs)
        self.pads = pads

    def forward(self, x):
        return super().forward(F.pad(x, self.pads))


def _conv(layer, ours):
    config, (c, _, _) = layer.config, layer.input_shapes[0]
    k, s, pad = config["kernel_size"], config["stride"], config["padding"]
    args = (c, config["filters"], k)
    if pad == "same" and s == 1:
        return nn.Conv2d(*args, stride=1, padding="same", bias=config["bias"])
    before, after = {"valid": (0, 0), "same": ((k - 1) // 2, k - 1 - (k - 1) // 2)}.get(
        pad, (pad, pad))
    return PaddedConv2d((before, after, before, after), *args, stride=s, bias=config["bias"])


def _batchnorm(layer, ours):
    cls = nn.BatchNorm1d if len(layer.input_shapes[0]) == 1 else nn.BatchNorm2d
    config = layer.config
    return cls(layer.input_shapes[0][0], eps=config["eps"], momentum=config["momentum"])


def _window(layer) -> tuple[int, int]:
    """(kernel_size, stride) of a pooling layer, as nn.MaxPool2d / nn.AvgPool2d take them."""
    return layer.config["pool_size"], layer.config["stride"]


class MaskedDropout(nn.Module):
    """PyTorch's inverted dropout, x / (1 - rate) where kept, with a given mask (the two
    sides draw from different generators); identity in eval mode, as nn.Dropout."""

    def __init__(self, keep, rate):
        super().__init__()
        self.keep, self.scale = keep, 1.0 / (1.0 - rate)

    def forward(self, x):
        if not self.training:
            return x
        return torch.where(self.keep, x * self.scale, torch.zeros_like(x))


def _dropout(layer, ours):
    return MaskedDropout(torch.from_numpy(ours != 0), layer.config["rate"])   # our zeros = mask


def _features(layer, ours):
    """x, then x_i^2, x_i x_j (i < j, row-major), sin x_i as the config chooses."""
    config, n = layer.config, layer.input_shapes[0][0]
    i, j = torch.triu_indices(n, n, 1)
    chosen = [config["square"], config["products"], config["sine"]]
    makers = [lambda x: x ** 2, lambda x: x[:, i] * x[:, j], torch.sin]
    return Fn(lambda x: torch.cat([x] + [f(x) for f, on in zip(makers, chosen) if on], dim=1))


TORCH_REFERENCE = {
    "Input": lambda layer, ours: nn.Identity(),
    "Dense": lambda layer, ours: nn.Linear(layer.input_shapes[0][0], layer.config["units"],
                                           bias=layer.config["bias"]),
    "Flatten": lambda layer, ours: nn.Flatten(),
    "Dropout": _dropout,
    "Sigmoid": lambda layer, ours: nn.Sigmoid(),
    "Tanh": lambda layer, ours: nn.Tanh(),
    "ReLU": lambda layer, ours: nn.ReLU(),
    "LeakyReLU": lambda layer, ours: nn.LeakyReLU(layer.config["negative_slope"]),
    "ELU": lambda layer, ours: nn.ELU(layer.config["alpha"]),
    "Softmax": lambda layer, ours: nn.Softmax(dim=1),
    "Conv2D": _conv,
    "MaxPool2D": lambda layer, ours: nn.MaxPool2d(*_window(layer)),
    "AvgPool2D": lambda layer, ours: nn.AvgPool2d(*_window(layer)),
    "BatchNorm": _batchnorm,
    "Add": lambda layer, ours: Fn(lambda *xs: sum(xs[1:], xs[0])),
    "Concat": lambda layer, ours: Fn(lambda *xs: torch.cat(xs, dim=1)),
    "Features": _features,
}

TOL = dict(rtol=1e-5, atol=1e-5)


def test_the_reference_covers_every_registered_layer_type():
    assert set(TORCH_REFERENCE) == {s.type for s in LAYERS.in_order()}


def _state(layer):
    return {k: v.copy() for k, v in {**layer.weights, **layer.buffers}.items()}


def _to_torch(state):
    return {k: torch.from_numpy(np.array(v)) for k, v in state.items()}


def _close(ours, theirs, what):
    np.testing.assert_allclose(ours, theirs.detach().numpy(), err_msg=what, **TOL)


def _run_both(layer, xs, training, upstream_seed=1):
    """Forward and backward through our layer and its torch twin; compare everything."""
    state = _state(layer)
    ours = layer.forward([x.copy() for x in xs], training)
    module = TORCH_REFERENCE[layer.spec.type](layer, ours)
    module.load_state_dict(_to_torch(state), strict=True)
    module.train(training)
    txs = [torch.tensor(x, requires_grad=True) for x in xs]
    theirs = module(*txs)
    _close(ours, theirs, "forward")
    grad = np.random.default_rng(upstream_seed).standard_normal(ours.shape).astype(np.float32)
    our_dxs = layer.backward(grad.copy())
    theirs.backward(torch.from_numpy(grad))
    for i, (dx, tx) in enumerate(zip(our_dxs, txs)):
        _close(dx, tx.grad, f"gradient of input {i}")
    if layer.trainable:
        for name, param in module.named_parameters():
            _close(layer.grads[name], param.grad, f"gradient of {name}")
    for name, buf in module.named_buffers():
        np.testing.assert_allclose(layer.buffers[name], buf.numpy(), err_msg=name, **TOL)
    return module


def registry_cases():
    return [pytest.param(spec, params, shapes, id=f"{spec.type}-{i}")
            for spec in LAYERS.in_order() for i, (params, shapes) in enumerate(spec.examples)]


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("training", [True, False], ids=["train", "eval"])
@pytest.mark.parametrize("spec, params, shapes", registry_cases())
def test_forward_and_backward_equal_pytorch(spec, params, shapes, training):
    _run_both(build_layer(spec, params, shapes), spaced_inputs(shapes, batch=4), training)


@pytest.mark.parametrize("shape", [(5,), (3, 4, 4)], ids=["1d", "2d"])
def test_batchnorm_running_stats_after_training_steps_and_eval_output(shape):
    layer = build_layer(LAYERS["BatchNorm"], {"momentum": 0.2}, [shape])
    rng = np.random.default_rng(3)
    batches = [(rng.standard_normal((6,) + shape) * (s + 1) + s).astype(np.float32)
               for s in range(4)]                      # shifting mean and spread
    module = _run_both(layer, [batches[0]], training=True)
    for step, x in enumerate(batches[1:], start=1):
        ours = layer.forward([x], training=True)
        _close(ours, module(torch.from_numpy(x)), f"forward at step {step}")
    for name, buf in module.named_buffers():
        np.testing.assert_allclose(layer.buffers[name], buf.numpy(), err_msg=name, **TOL)
    assert int(layer.buffers["num_batches_tracked"]) == 4
    module.eval()
    x = rng.standard_normal((3,) + shape).astype(np.float32)
    _close(layer.forward([x], training=False), module(torch.from_numpy(x)), "eval forward")


def test_softmax_equals_pytorch_on_huge_logits_and_rows_sum_to_one():
    layer = build_layer(LAYERS["Softmax"], {}, [(4,)])
    x = np.array([[1000, -1000, 0, 999], [-1000, -1000, -1000, -999]], np.float32)
    ours = layer.forward([x], training=False)
    assert np.isfinite(ours).all()
    np.testing.assert_allclose(ours.sum(axis=1), 1.0, rtol=1e-6)
    _close(ours, torch.softmax(torch.from_numpy(x), dim=1), "softmax of huge logits")


def test_concat_of_images_joins_channels_as_torch_cat():
    layer = build_layer(LAYERS["Concat"], {}, [(2, 3, 4), (3, 3, 4)])
    assert layer.out_shape == (5, 3, 4)
    _run_both(layer, spaced_inputs([(2, 3, 4), (3, 3, 4)], batch=2), training=True)
