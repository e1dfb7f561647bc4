"""Optimizers: PyTorch trajectories, checkpoint resume, config validation."""
import numpy as np
import pytest

from engine import compile_network, make_optimizer
from engine.optim.optimizers import OPTIMIZERS
from engine.schema import Param

NET = {
    "name": "mlp",
    "nodes": [{"id": "in", "type": "Input", "params": {"shape": [5]}},
              {"id": "h1", "type": "Dense", "params": {"units": 7}},
              {"id": "act", "type": "ReLU", "params": {}},
              {"id": "out", "type": "Dense", "params": {"units": 3}}],
    "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "act"},
              {"from": "act", "to": "out"}],
}

CONFIGS = [
    {"name": "sgd", "lr": 0.1},
    {"name": "sgd", "lr": 0.05, "momentum": 0.9},
    {"name": "sgd", "lr": 0.05, "momentum": 0.9, "dampening": 0.3, "weight_decay": 0.01},
    {"name": "sgd", "lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1},
    {"name": "rmsprop", "lr": 0.01},
    {"name": "rmsprop", "lr": 0.01, "momentum": 0.9, "weight_decay": 0.01},
    {"name": "rmsprop", "lr": 0.005, "centered": True, "alpha": 0.9},
    {"name": "rmsprop", "lr": 0.005, "centered": True, "momentum": 0.5},
    {"name": "adagrad", "lr": 0.05},
    {"name": "adagrad", "lr": 0.05, "lr_decay": 0.01, "weight_decay": 0.01,
     "initial_accumulator_value": 0.1},
    {"name": "adam", "lr": 0.01},
    {"name": "adam", "lr": 0.01, "weight_decay": 0.05, "beta1": 0.3},
    {"name": "adam", "lr": 0.01, "amsgrad": True, "eps": 1e-6},
    {"name": "adamw", "lr": 0.01},
    {"name": "adamw", "lr": 0.01, "weight_decay": 0.1, "amsgrad": True, "beta2": 0.9},
]


def _id(cfg):
    return "-".join([cfg["name"]] + [f"{k}={v}" for k, v in cfg.items() if k != "name"])


def _grads(steps, model, seed=1):
    """Fresh random gradients for each step, by parameter key."""
    rng = np.random.default_rng(seed)
    shapes = {k: p.shape for k, (p, _) in model.parameters().items()}
    return [{k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
            for _ in range(steps)]


def _run(opt, model, grads):
    for step_grads in grads:
        for k, (_, g) in model.parameters().items():
            g[...] = step_grads[k]
        opt.step()


def _torch_optimizer(cfg, tensors):
    torch = pytest.importorskip("torch")
    c = dict(cfg)
    name = c.pop("name")
    if "beta1" in c or "beta2" in c:
        c["betas"] = (c.pop("beta1", 0.9), c.pop("beta2", 0.999))
    cls = {"sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop,
           "adagrad": torch.optim.Adagrad, "adam": torch.optim.Adam,
           "adamw": torch.optim.AdamW}[name]
    return cls(tensors, foreach=False, **c)


@pytest.mark.parametrize("cfg", CONFIGS, ids=_id)
def test_trajectory_matches_torch(cfg):
    torch = pytest.importorskip("torch")
    model = compile_network(NET, seed=0)
    tensors = {k: torch.tensor(p.copy(), requires_grad=True)
               for k, (p, _) in model.parameters().items()}
    topt = _torch_optimizer(cfg, list(tensors.values()))
    opt = make_optimizer(cfg, model)
    grads = _grads(50, model)
    for step_grads in grads:
        for k, t in tensors.items():
            t.grad = torch.tensor(step_grads[k])
        topt.step()
    _run(opt, model, grads)
    for k, (p, _) in model.parameters().items():
        assert p.dtype == np.float32
        np.testing.assert_allclose(p, tensors[k].detach().numpy(), rtol=1e-5, atol=2e-6,
                                   err_msg=f"{cfg} {k}")


@pytest.mark.parametrize("cfg", CONFIGS + [{"name": name} for name in OPTIMIZERS], ids=_id)
def test_resume_from_state_dict_equals_uninterrupted(cfg):
    grads = _grads(20, compile_network(NET, seed=0))
    straight = compile_network(NET, seed=0)
    _run(make_optimizer(cfg, straight), straight, grads)

    first = compile_network(NET, seed=0)
    opt = make_optimizer(cfg, first)
    _run(opt, first, grads[:9])
    saved_weights, saved_opt = first.state_dict(), opt.state_dict()
    _run(opt, first, grads[9:12])          # moves on; the checkpoint must not follow

    resumed = compile_network(NET, seed=5)
    resumed.load_state_dict(saved_weights)
    opt2 = make_optimizer(cfg, resumed)
    opt2.load_state_dict(saved_opt)
    _run(opt2, resumed, grads[9:])
    for k, a in straight.state_dict().items():
        np.testing.assert_array_equal(resumed.state_dict()[k], a, err_msg=k)


def test_lr_is_the_rate_in_force_and_can_be_changed():
    model = compile_network(NET, seed=0)
    opt = make_optimizer({"name": "sgd", "lr": 0.5}, model)
    assert opt.lr == 0.5
    opt.lr = 0.25
    before = {k: p.copy() for k, (p, _) in model.parameters().items()}
    for _, g in model.parameters().values():
        g.fill(1.0)
    opt.step()
    for k, (p, _) in model.parameters().items():
        np.testing.assert_allclose(p, before[k] - 0.25)
    with pytest.raises(ValueError, match="lr"):
        opt.lr = -1.0


def test_step_updates_model_parameters_in_place_and_zero_grad_clears():
    model = compile_network(NET, seed=0)
    weight = model.layers["h1"].weights["weight"]
    opt = make_optimizer({"name": "adam", "lr": 0.1}, model)
    for _, g in model.parameters().values():
        g.fill(0.5)
    opt.step()
    assert model.layers["h1"].weights["weight"] is weight
    assert not np.allclose(weight, compile_network(NET, seed=0).layers["h1"].weights["weight"])
    opt.zero_grad()
    assert all(not g.any() for _, g in model.parameters().values())


def test_frozen_layers_are_not_updated():
    net = {**NET, "nodes": [dict(n) for n in NET["nodes"]]}
    net["nodes"][1]["params"] = {"units": 7, "trainable": False}
    model = compile_network(net, seed=0)
    opt = make_optimizer({"name": "sgd", "lr": 1.0}, model)
    assert set(opt.parameters) == {"out.weight", "out.bias"}


def test_training_through_the_model_reduces_the_loss():
    model = compile_network(NET, seed=0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 5)).astype(np.float32)
    y = x[:, :3] * 2.0
    opt = make_optimizer({"name": "adam", "lr": 0.02}, model)
    first = model.loss_and_grads(x, y, loss="mse")
    for _ in range(100):
        model.loss_and_grads(x, y, loss="mse")
        opt.step()
    assert model.loss_and_grads(x, y, loss="mse") < 0.2 * first


@pytest.mark.parametrize("config, message", [
    ({"lr": 0.1}, "unknown optimizer None"),
    ({"name": "adam", "lr": 0}, "optimizer 'adam': lr must be above 0, got 0"),
    ({"name": "adam", "lr": "fast"}, "optimizer 'adam': lr must be a number"),
    ({"name": "sgd", "momentum": 1.0}, "optimizer 'sgd': momentum must be at least 0 and "
                                       "below 1"),
    ({"name": "adam", "beta2": 1.0}, "optimizer 'adam': beta2 must be"),
    ({"name": "sgd", "nesterov": True}, "optimizer 'sgd': nesterov needs a momentum"),
    ({"name": "adam", "betas": [0.9, 0.99]}, "optimizer 'adam': unknown parameter 'betas'"),
    ("adam", "optimizer must be a dict"),
])
def test_bad_config_is_refused_with_a_message_naming_the_field(config, message):
    model = compile_network(NET, seed=0)
    with pytest.raises(ValueError) as info:
        make_optimizer(config, model)
    assert message in str(info.value)


def test_an_unknown_name_is_refused_naming_every_registered_optimizer():
    with pytest.raises(ValueError) as info:
        make_optimizer({"name": "adamm"}, compile_network(NET, seed=0))
    message = str(info.value)
    assert message.startswith("unknown optimizer 'adamm'; known optimizers: ")
    assert all(name in message for name in OPTIMIZERS)


def test_loading_a_state_of_another_optimizer_or_model_is_refused():
    model = compile_network(NET, seed=0)
    adam = make_optimizer({"name": "adam"}, model)
    with pytest.raises(ValueError, match="optimizer 'sgd'"):
        make_optimizer({"name": "sgd"}, model).load_state_dict(adam.state_dict())
    state = adam.state_dict()
    del state["state"]["h1.bias"]
    with pytest.raises(ValueError, match="missing \\['h1.bias'\\]"):
        make_optimizer({"name": "adam"}, model).load_state_dict(state)
    with pytest.raises(ValueError, match="lacks max_exp_avg_sq"):
        make_optimizer({"name": "adam", "amsgrad": True}, model).load_state_dict(
            adam.state_dict())


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_registered_optimizer_is_described_for_the_inspector(name):
    spec = OPTIMIZERS[name]
    assert spec.name == name and spec.help.endswith(".")
    assert spec.params[0].name == "lr"
    assert all(isinstance(p, Param) and p.help for p in spec.params)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_registered_optimizer_steps_with_its_defaults(name):
    model = compile_network(NET, seed=0)
    opt = make_optimizer({"name": name}, model)
    assert opt.lr == OPTIMIZERS[name].param("lr").default
    before = model.state_dict()
    _run(opt, model, _grads(2, model))
    for key, (w, g) in model.parameters().items():
        assert w.dtype == g.dtype == np.float32 and np.isfinite(w).all()
        assert not np.array_equal(w, before[key]), f"{name} left {key} unchanged"
    opt.zero_grad()
    assert all(not g.any() for _, g in model.parameters().values())


def test_adamw_decays_the_weights_by_default_unlike_adam():
    assert OPTIMIZERS["adamw"].param("weight_decay").default == 1e-2
    assert OPTIMIZERS["adam"].param("weight_decay").default == 0.0
