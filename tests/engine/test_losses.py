"""Losses: values and gradients equal PyTorch's, stay finite when saturated, and check
their targets with messages a learner can act on."""
import numpy as np
import pytest

from engine.nn.losses import LOSSES, get_loss, log_softmax, probabilities, sigmoid, softmax

rng = np.random.default_rng(0)


def _f32(*shape, scale=1.0):
    return (rng.normal(size=shape) * scale).astype(np.float32)


def _torch_value_and_grad(fn, pred, target):
    torch = pytest.importorskip("torch")
    p = torch.tensor(pred, requires_grad=True)
    value = fn(p, torch.as_tensor(target))
    value.backward()
    return value.item(), p.grad.numpy()


def _torch_losses():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    return {
        "mse": F.mse_loss,
        "mae": F.l1_loss,
        "rmse": lambda p, t: torch.sqrt(F.mse_loss(p, t)),
        "cross_entropy": F.cross_entropy,
        "bce": F.binary_cross_entropy_with_logits,
    }


def _regression_cases():
    return [(_f32(8, 3), _f32(8, 3)), (_f32(10, 1), _f32(10, 1))]


def _ce_cases(scale=1.0):
    logits = _f32(9, 4, scale=scale)
    indices = rng.integers(0, 4, 9)
    soft = rng.random((9, 4)).astype(np.float32)
    soft /= soft.sum(axis=1, keepdims=True)
    return [(logits, indices), (logits, np.eye(4, dtype=np.float32)[indices]), (logits, soft)]


def _bce_cases(scale=1.0):
    return [(_f32(12, 1, scale=scale), rng.integers(0, 2, (12, 1)).astype(np.float32)),
            (_f32(6, 3, scale=scale), rng.integers(0, 2, (6, 3)).astype(np.float32))]


@pytest.mark.parametrize("name", ["mse", "mae", "rmse"])
def test_regression_losses_equal_torch(name):
    for pred, target in _regression_cases():
        value, grad = get_loss(name).value_and_grad(pred, target)
        t_value, t_grad = _torch_value_and_grad(_torch_losses()[name], pred, target)
        assert value == pytest.approx(t_value, rel=1e-5)
        assert grad.dtype == np.float32 and grad.shape == pred.shape
        np.testing.assert_allclose(grad, t_grad, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("scale", [1.0, 1000.0], ids=["normal", "saturated"])
def test_cross_entropy_equals_torch_with_indices_one_hot_and_probabilities(scale):
    torch = pytest.importorskip("torch")
    for logits, target in _ce_cases(scale):
        value, grad = get_loss("cross_entropy").value_and_grad(logits, target)
        tt = target.astype(np.int64) if target.ndim == 1 else target
        t_value, t_grad = _torch_value_and_grad(torch.nn.functional.cross_entropy, logits, tt)
        assert np.isfinite(value) and np.all(np.isfinite(grad))
        assert value == pytest.approx(t_value, rel=1e-5, abs=1e-6)
        np.testing.assert_allclose(grad, t_grad, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("scale", [1.0, 1000.0], ids=["normal", "saturated"])
def test_bce_equals_torch_binary_cross_entropy_with_logits(scale):
    torch = pytest.importorskip("torch")
    fn = torch.nn.functional.binary_cross_entropy_with_logits
    for logits, target in _bce_cases(scale):
        value, grad = get_loss("bce").value_and_grad(logits, target)
        t_value, t_grad = _torch_value_and_grad(fn, logits, target)
        assert np.isfinite(value) and np.all(np.isfinite(grad))
        assert value == pytest.approx(t_value, rel=1e-5)
        np.testing.assert_allclose(grad, t_grad, rtol=1e-5, atol=1e-7)


def test_bce_takes_flat_targets_for_a_single_output():
    logits = _f32(7, 1)
    target = rng.integers(0, 2, 7)
    flat = get_loss("bce").value_and_grad(logits, target)
    column = get_loss("bce").value_and_grad(logits, target[:, None].astype(np.float32))
    assert flat[0] == pytest.approx(column[0])
    np.testing.assert_array_equal(flat[1], column[1])


def test_saturated_logits_give_exact_limits():
    logits = np.array([[1000.0, -1000.0], [-1000.0, 1000.0]], np.float32)
    value, grad = get_loss("cross_entropy").value_and_grad(logits, [0, 0])
    assert value == pytest.approx(1000.0)          # (0 + 2000) / 2
    np.testing.assert_allclose(grad, [[0, 0], [-0.5, 0.5]], atol=1e-7)
    value, grad = get_loss("bce").value_and_grad(np.array([[1000.0], [-1000.0]], np.float32),
                                                 [1, 1])
    assert value == pytest.approx(500.0)           # (0 + 1000) / 2
    np.testing.assert_allclose(grad, [[0.0], [-0.5]], atol=1e-7)


def test_rmse_gradient_is_finite_when_the_fit_is_perfect():
    pred = _f32(5, 2)
    value, grad = get_loss("rmse").value_and_grad(pred, pred.copy())
    assert value == 0.0
    assert np.all(grad == 0)


def test_rmse_is_in_the_unit_of_y():
    pred = np.zeros((4, 1), np.float32)
    assert get_loss("rmse").value_and_grad(pred, np.full(4, 3.0))[0] == pytest.approx(3.0)
    assert get_loss("mse").value_and_grad(pred, np.full(4, 3.0))[0] == pytest.approx(9.0)


def _numeric_grad(name, pred, target, h=1e-6):
    fn = get_loss(name)._fn
    p = pred.astype(np.float64)
    grad = np.zeros_like(p)
    for i in np.ndindex(p.shape):
        plus, minus = p.copy(), p.copy()
        plus[i] += h
        minus[i] -= h
        grad[i] = (fn(plus, target)[0] - fn(minus, target)[0]) / (2 * h)
    return grad


@pytest.mark.parametrize("name", list(LOSSES))
def test_gradient_matches_central_differences(name):
    # away from mae's kink: residuals are at least 0.1 in size
    pred = _f32(4, 3)
    if name == "cross_entropy":
        target = np.array([0, 2, 1, 2])
    elif name == "bce":
        target = rng.integers(0, 2, (4, 3)).astype(np.float32)
    else:
        target = pred + np.where(rng.random((4, 3)) < 0.5, -1, 1) * (0.1 + rng.random((4, 3)))
    _, grad = get_loss(name).value_and_grad(pred, target)
    np.testing.assert_allclose(grad, _numeric_grad(name, pred, target), rtol=1e-3, atol=1e-6)


@pytest.mark.parametrize("name, pred, target, message", [
    ("mse", np.zeros((4, 2), np.float32), np.zeros((4, 3)),
     "targets must have shape (4, 2) like the predictions, got (4, 3)"),
    ("mae", np.zeros((4, 1), np.float32), np.zeros(5),
     "targets must have shape (4, 1) or (N,) like the predictions, got (5,)"),
    ("rmse", np.zeros((2, 1), np.float32), np.array(["a", "b"]),
     "targets must be numbers, got an array of dtype <U1"),
    ("cross_entropy", np.zeros((3, 4), np.float32), np.array([0, 4, 1]),
     "class index 4 is out of range for 4 classes (expected 0 to 3)"),
    ("cross_entropy", np.zeros((3, 4), np.float32), np.array([0, -1, 1]),
     "class index -1 is out of range"),
    ("cross_entropy", np.zeros((3, 4), np.float32), np.zeros((3, 2)),
     "targets must be class indices of shape (3,) or one-hot rows of shape (3, 4), got (3, 2)"),
    ("cross_entropy", np.zeros((3, 4), np.float32), np.array([0.5, 1.0, 2.0]),
     "class indices must be whole numbers"),
    ("cross_entropy", np.zeros((3, 4, 2), np.float32), np.zeros(3),
     "cross_entropy needs outputs of shape (N, classes), got (3, 4, 2)"),
    ("bce", np.zeros((3, 1), np.float32), np.array([0, 1, 2]),
     "bce targets must be 0 or 1"),
    ("bce", np.zeros((3, 1), np.float32), np.array([None, 1, 0]),
     "targets must be numbers, got an array of dtype object"),
])
def test_wrong_targets_are_refused_with_a_message(name, pred, target, message):
    with pytest.raises(ValueError) as info:
        get_loss(name).value_and_grad(pred, target)
    assert message in str(info.value)


def test_the_model_names_the_loss_and_node_on_a_bad_target():
    from engine import compile_network
    net = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                     {"id": "out", "type": "Dense", "params": {"units": 3}}],
           "edges": [{"from": "in", "to": "out"}]}
    model = compile_network(net)
    with pytest.raises(ValueError, match="loss 'cross_entropy' on output node 'out': class "
                                         "index 7 is out of range"):
        model.loss_and_grads(np.zeros((2, 2)), np.array([1, 7]), loss="cross_entropy")


def test_unknown_loss_lists_the_known_ones():
    with pytest.raises(ValueError) as info:
        get_loss("hinge")
    message = str(info.value)
    assert message.startswith("unknown loss 'hinge'; known losses: ")
    assert all(name in message for name in LOSSES)


@pytest.mark.parametrize("name", list(LOSSES))
def test_every_registered_loss_tells_its_task_fusion_and_help(name):
    from engine.nn.layers import LAYERS
    loss = LOSSES[name]
    assert loss.name == name and loss.help.endswith(".")
    assert loss.task in ("regression", "classification")
    assert loss.fused_activation is None or loss.fused_activation in LAYERS


def test_classification_losses_fuse_with_their_output_activation():
    assert LOSSES["cross_entropy"].fused_activation == "Softmax"
    assert LOSSES["bce"].fused_activation == "Sigmoid"
    assert LOSSES["mse"].fused_activation is None and LOSSES["mse"].task == "regression"


def test_stable_kernels_and_probabilities():
    x = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]], np.float32)
    p = softmax(x)
    assert p.dtype == np.float32 and np.allclose(p.sum(axis=1), 1.0)
    assert np.all(np.isfinite(log_softmax(x)))
    np.testing.assert_allclose(np.exp(log_softmax(x)), p, atol=1e-7)
    s = sigmoid(np.array([-1000.0, 0.0, 1000.0], np.float32))
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])
    np.testing.assert_array_equal(probabilities("cross_entropy", x), p)
    np.testing.assert_array_equal(probabilities("bce", x), sigmoid(x))
    with pytest.raises(ValueError, match="regression loss"):
        probabilities("mse", x)


@pytest.mark.parametrize("name", list(LOSSES))
def test_float64_predictions_keep_float64_for_the_gradient_checker(name):
    pred = _f32(4, 2).astype(np.float64)
    target = np.array([0, 1, 1, 0]) if name == "cross_entropy" else np.ones((4, 2))
    _, grad = get_loss(name).value_and_grad(pred, target)
    assert grad.dtype == np.float64
    _, grad = get_loss(name).value_and_grad(pred.astype(np.float32), target)
    assert grad.dtype == np.float32


def test_kernels_accept_integer_arrays():
    assert sigmoid(np.array([0, 0])).tolist() == [0.5, 0.5]
    np.testing.assert_allclose(softmax(np.array([[1, 1]])), [[0.5, 0.5]])
