"""Model: DAGs with fan-out, state_dict names and layouts, weights files, seeds, fused
losses. Networks are built through the public API (a network dict -> compile_network)."""
import numpy as np
import pytest

from engine import compile_network
from engine.nn.gradcheck import check_model_gradients


def network(nodes, edges):
    """A network dict from (id, type, params) triples and (from, to[, port]) edges."""
    return {"nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes],
            "edges": [dict(zip(("from", "to", "port"), e)) for e in edges]}


# One node (r) feeds two branches that an Add merges again: gradients must sum at r.
FORK = network(
    [("in", "Input", {"shape": [4]}), ("d1", "Dense", {"units": 6}), ("r", "ReLU", {}),
     ("d2", "Dense", {"units": 5}), ("d3", "Dense", {"units": 5, "bias": False}),
     ("add", "Add", {}), ("t", "Tanh", {}), ("out", "Dense", {"units": 3})],
    [("in", "d1"), ("d1", "r"), ("r", "d2"), ("r", "d3"), ("d2", "add", 0),
     ("d3", "add", 1), ("add", "t"), ("t", "out")])

# Images: a conv branch and its own input joined by Concat, BatchNorm, Dropout, Softmax.
IMAGES = network(
    [("in", "Input", {"shape": [2, 6, 6]}), ("c1", "Conv2D", {"filters": 3, "kernel_size": 3}),
     ("e", "ELU", {}), ("cat", "Concat", {}), ("bn", "BatchNorm", {}),
     ("pool", "AvgPool2D", {"pool_size": 2, "stride": 2}), ("flat", "Flatten", {}),
     ("drop", "Dropout", {"rate": 0.25}), ("out", "Dense", {"units": 4}),
     ("sm", "Softmax", {})],
    [("in", "c1"), ("c1", "e"), ("e", "cat", 0), ("in", "cat", 1), ("cat", "bn"),
     ("bn", "pool"), ("pool", "flat"), ("flat", "drop"), ("drop", "out"), ("out", "sm")])


def batch(shape, n=8, seed=0):
    return np.random.default_rng(seed).standard_normal((n,) + tuple(shape)).astype(np.float32)


def test_fan_out_dag_gradients_equal_numerical_ones():
    model = compile_network(FORK, seed=1)
    report = check_model_gradients(model, batch([4]), batch([3], seed=1), "mse")
    assert report.ok
    assert {c.name for c in report.checks} == set(model.grads())


def test_image_dag_with_concat_batchnorm_dropout_gradients_equal_numerical_ones():
    model = compile_network(IMAGES, seed=2)
    y = np.arange(8) % 4
    report = check_model_gradients(model, batch([2, 6, 6]), y, "cross_entropy")
    assert report.ok and len(report.checks) == 6 and report.precision == "float64"


def test_fan_out_dag_forward_loss_and_gradients_equal_pytorch():
    torch = pytest.importorskip("torch")
    nn, F = torch.nn, torch.nn.functional
    model = compile_network(FORK, seed=3)

    class Fork(nn.Module):
        def __init__(self):
            super().__init__()
            self.d1, self.d2 = nn.Linear(4, 6), nn.Linear(6, 5)
            self.d3, self.out = nn.Linear(6, 5, bias=False), nn.Linear(5, 3)

        def forward(self, x):
            r = F.relu(self.d1(x))
            return self.out(torch.tanh(self.d2(r) + self.d3(r)))

    ref = Fork()
    ref.load_state_dict({k: torch.from_numpy(v) for k, v in model.state_dict().items()})
    x, y = batch([4]), batch([3], seed=1)
    value = model.loss_and_grads(x, y, loss="mse")
    t_loss = F.mse_loss(ref(torch.from_numpy(x)), torch.from_numpy(y))
    t_loss.backward()
    assert value == pytest.approx(t_loss.item(), rel=1e-5)
    np.testing.assert_allclose(model.outputs["out"], ref(torch.from_numpy(x)).detach(),
                               rtol=1e-5, atol=1e-6)
    theirs = {k: p.grad.numpy() for k, p in ref.named_parameters()}
    assert set(theirs) == set(model.grads())
    for k, g in model.grads().items():
        np.testing.assert_allclose(g, theirs[k], rtol=1e-4, atol=1e-6, err_msg=k)


def test_state_dict_uses_pytorch_names_and_layouts():
    state = compile_network(IMAGES, seed=0).state_dict()
    assert {k: v.shape for k, v in state.items()} == {
        "c1.weight": (3, 2, 3, 3), "c1.bias": (3,),
        "bn.weight": (5,), "bn.bias": (5,), "bn.running_mean": (5,), "bn.running_var": (5,),
        "bn.num_batches_tracked": (), "out.weight": (4, 45), "out.bias": (4,)}
    assert state["bn.num_batches_tracked"].dtype == np.int64
    assert all(v.dtype == np.float32 for k, v in state.items() if "num_batches" not in k)
    np.testing.assert_array_equal(state["bn.weight"], 1.0)
    np.testing.assert_array_equal(state["bn.running_var"], 1.0)
    assert compile_network(FORK).state_dict()["d1.weight"].shape == (6, 4)   # (out, in)


def test_state_dict_is_a_copy():
    model = compile_network(FORK)
    state = model.state_dict()
    state["d1.weight"][...] = 7.0
    assert not (model.state_dict()["d1.weight"] == 7.0).any()


@pytest.mark.parametrize("change, words", [
    (lambda s: s.pop("d2.bias"), ["missing", "d2.bias"]),
    (lambda s: s.update({"d9.weight": np.zeros(3)}), ["unexpected", "d9.weight"]),
    (lambda s: s.update({"d1.weight": np.zeros((4, 6))}), ["d1.weight", "(4, 6)", "(6, 4)"]),
], ids=["missing", "extra", "wrong-shape"])
def test_load_state_dict_refuses_a_misfit_naming_it_and_changes_nothing(change, words):
    model = compile_network(FORK, seed=0)
    before = model.state_dict()
    state = {k: v + 1.0 for k, v in compile_network(FORK, seed=5).state_dict().items()}
    change(state)
    with pytest.raises(ValueError) as info:
        model.load_state_dict(state)
    for word in words:
        assert word in str(info.value)
    for k, v in model.state_dict().items():
        np.testing.assert_array_equal(v, before[k])


def test_load_state_dict_copies_in_place_so_optimizers_keep_their_references():
    model = compile_network(FORK, seed=0)
    arrays = {k: p for k, (p, g) in model.parameters().items()}
    model.load_state_dict(compile_network(FORK, seed=9).state_dict())
    for k, (p, g) in model.parameters().items():
        assert p is arrays[k]
    np.testing.assert_array_equal(model.state_dict()["d1.weight"],
                                  compile_network(FORK, seed=9).state_dict()["d1.weight"])


def test_save_and_load_weights_round_trip(tmp_path):
    model = compile_network(IMAGES, seed=0)
    x = batch([2, 6, 6])
    model.forward(x, training=True)             # BatchNorm running statistics move
    path = tmp_path / "weights.npz"
    model.save_weights(path)
    other = compile_network(IMAGES, seed=1)
    other.load_weights(path)
    for k, v in model.state_dict().items():
        np.testing.assert_array_equal(other.state_dict()[k], v, err_msg=k)
    np.testing.assert_array_equal(other.forward(x), model.forward(x))
    assert [p.name for p in tmp_path.iterdir()] == ["weights.npz"]   # no temporary left


def test_same_seed_same_weights_other_seed_other_weights():
    a, b, c = (compile_network(FORK, seed=s).state_dict() for s in (4, 4, 5))
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert not np.array_equal(a["d1.weight"], c["d1.weight"])


def test_same_seed_same_dropout_masks():
    x = batch([2, 6, 6])
    a, b = compile_network(IMAGES, seed=4), compile_network(IMAGES, seed=4)
    np.testing.assert_array_equal(a.forward(x, training=True), b.forward(x, training=True))


def _saturated(kind):
    """A model whose logits are about +-1000 (so probabilities are exactly 0 or 1)."""
    units, last, loss = (3, "Softmax", "cross_entropy") if kind == "ce" else (1, "Sigmoid", "bce")
    net = network([("in", "Input", {"shape": [2]}), ("out", "Dense", {"units": units}),
                   ("p", last, {})], [("in", "out"), ("out", "p")])
    model = compile_network(net, seed=0)
    model.load_state_dict({"out.weight": np.full((units, 2), 500.0) * np.arange(1, units + 1)[:,
                           None] * (-1) ** np.arange(units)[:, None],
                           "out.bias": np.zeros(units)})
    return model, loss


@pytest.mark.parametrize("kind", ["ce", "bce"])
def test_fused_softmax_and_sigmoid_give_finite_loss_and_gradients_when_saturated(kind):
    model, loss = _saturated(kind)
    x = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, 0.5]], np.float32)
    probs = model.forward(x)
    assert probs.min() == 0.0 or probs.max() == 1.0          # really saturated
    y = np.array([2, 0, 1]) if kind == "ce" else np.array([0.0, 1.0, 0.0])
    value = model.loss_and_grads(x, y, loss=loss)
    assert np.isfinite(value) and value > 100                 # confidently wrong: big, finite
    for k, g in model.grads().items():
        assert np.isfinite(g).all(), k
        assert np.abs(g).max() > 0, k


def test_load_state_dict_refuses_non_numeric_values_naming_the_key():
    model = compile_network(FORK)
    state = model.state_dict()
    state["d2.bias"] = np.array(["a"] * 5)
    with pytest.raises(ValueError, match=r"d2.bias.*not numbers"):
        model.load_state_dict(state)


@pytest.mark.parametrize("content", [b"hello", b"PK\x03\x04garbage", "npy"],
                         ids=["text", "broken-zip", "npy"])
def test_load_weights_refuses_a_file_that_is_not_a_weights_file(tmp_path, content):
    path = tmp_path / "w.npz"
    if content == "npy":
        np.save(tmp_path / "w.npy", np.zeros(3))
        path = tmp_path / "w.npy"
    else:
        path.write_bytes(content)
    with pytest.raises(ValueError, match=r"weights file '.*w\.np[yz]': not a"):
        compile_network(FORK).load_weights(path)


def test_load_weights_of_another_network_names_the_file_and_the_keys(tmp_path):
    compile_network(IMAGES).save_weights(tmp_path / "images.npz")
    with pytest.raises(ValueError, match=r"images\.npz.*missing.*d1\.weight"):
        compile_network(FORK).load_weights(tmp_path / "images.npz")
