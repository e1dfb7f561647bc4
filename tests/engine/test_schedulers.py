"""Schedulers: PyTorch's lr sequences, preview, live base_lr edits, checkpoints."""
import math

import pytest

from engine.optim.schedulers import SCHEDULERS, make_scheduler, preview_lrs


class FakeOptimizer:
    def __init__(self, lr):
        self.lr = lr


CASES = [
    ({"name": "none"}, None),
    ({"name": "step", "step_size": 7}, ("StepLR", {"step_size": 7})),
    ({"name": "step", "step_size": 3, "gamma": 0.5}, ("StepLR", {"step_size": 3, "gamma": 0.5})),
    ({"name": "exponential", "gamma": 0.9}, ("ExponentialLR", {"gamma": 0.9})),
    ({"name": "cosine", "t_max": 30}, ("CosineAnnealingLR", {"T_max": 30})),
    ({"name": "cosine", "t_max": 17, "eta_min": 0.01},
     ("CosineAnnealingLR", {"T_max": 17, "eta_min": 0.01})),
]


def _torch_lrs(torch_spec, base_lr, epochs):
    torch = pytest.importorskip("torch")
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    if torch_spec is None:
        return [base_lr] * epochs
    name, kwargs = torch_spec
    sched = getattr(torch.optim.lr_scheduler, name)(opt, **kwargs)
    lrs = []
    for _ in range(epochs):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


def _stepped(config, base_lr, epochs):
    opt = FakeOptimizer(base_lr)
    sched = make_scheduler(config, opt)
    lrs = []
    for _ in range(epochs):
        lrs.append(opt.lr)
        sched.step()
    return lrs


@pytest.mark.parametrize("config, torch_spec", CASES, ids=[c["name"] for c, _ in CASES])
def test_sequence_over_100_epochs_equals_torch(config, torch_spec):
    ours = _stepped(config, 0.1, 100)        # cosine runs well past t_max here
    assert ours == pytest.approx(_torch_lrs(torch_spec, 0.1, 100), rel=1e-12, abs=1e-15)


# Every registered scheduler with its defaults, and the cases above.
PREVIEWED = [{"name": name} for name in SCHEDULERS] + [c for c, _ in CASES]


@pytest.mark.parametrize("config", PREVIEWED, ids=[c["name"] for c in PREVIEWED])
def test_preview_equals_the_stepped_sequence(config):
    assert preview_lrs(config, 0.03, 60) == _stepped(config, 0.03, 60)


@pytest.mark.parametrize("name", list(SCHEDULERS))
def test_every_registered_scheduler_previews_finite_rates_that_resume(name):
    lrs = preview_lrs({"name": name}, 0.1, 300)
    assert len(lrs) == 300 and all(math.isfinite(lr) and lr >= 0 for lr in lrs)
    assert lrs[0] > 0          # (a cosine with eta_min 0 reaches exactly 0 at t_max)
    sched = make_scheduler({"name": name}, FakeOptimizer(0.1))
    for _ in range(7):
        sched.step()
    resumed = make_scheduler({"name": name}, FakeOptimizer(0.5))
    resumed.load_state_dict(sched.state_dict())
    assert resumed.optimizer.lr == sched.optimizer.lr == lrs[7]


def test_known_values():
    assert _stepped({"name": "step", "step_size": 2, "gamma": 0.5}, 1.0, 5) == [
        1.0, 1.0, 0.5, 0.5, 0.25]
    cos = _stepped({"name": "cosine", "t_max": 4, "eta_min": 0.0}, 1.0, 9)
    assert cos == pytest.approx([1.0, 0.853553, 0.5, 0.146447, 0.0, 0.146447, 0.5,
                                 0.853553, 1.0], abs=1e-6)
    assert preview_lrs(None, 0.5, 3) == [0.5, 0.5, 0.5]
    assert preview_lrs({"name": "exponential"}, 1.0, 0) == []


def test_setting_base_lr_rescales_the_schedule_from_the_current_epoch():
    opt = FakeOptimizer(0.1)
    sched = make_scheduler({"name": "exponential", "gamma": 0.5}, opt)
    assert sched.base_lr == 0.1
    sched.step()
    sched.step()
    assert opt.lr == pytest.approx(0.025)
    sched.base_lr = 1.0                  # the trainer's live LR edit
    assert opt.lr == pytest.approx(0.25)
    sched.step()
    assert opt.lr == pytest.approx(0.125)


def test_state_dict_round_trip_resumes_the_sequence():
    config = {"name": "cosine", "t_max": 10}
    opt = FakeOptimizer(0.2)
    sched = make_scheduler(config, opt)
    for _ in range(4):
        sched.step()
    saved = sched.state_dict()
    rest = []
    for _ in range(8):
        sched.step()
        rest.append(opt.lr)
    opt2 = FakeOptimizer(0.7)            # a fresh run with another lr, then resumed
    sched2 = make_scheduler(config, opt2)
    sched2.load_state_dict(saved)
    resumed = []
    for _ in range(8):
        sched2.step()
        resumed.append(opt2.lr)
    assert resumed == rest
    with pytest.raises(ValueError, match="saved state is of scheduler 'cosine'"):
        make_scheduler({"name": "step"}, FakeOptimizer(0.1)).load_state_dict(saved)


def test_drives_a_real_optimizer():
    from engine import compile_network, make_optimizer
    net = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                     {"id": "d", "type": "Dense", "params": {"units": 1}}],
           "edges": [{"from": "in", "to": "d"}]}
    opt = make_optimizer({"name": "adam", "lr": 0.01}, compile_network(net))
    sched = make_scheduler({"name": "step", "step_size": 1, "gamma": 0.1}, opt)
    sched.step()
    assert opt.lr == pytest.approx(0.001)


def test_an_unknown_name_is_refused_naming_every_registered_scheduler():
    with pytest.raises(ValueError) as info:
        make_scheduler({"name": "linear"}, FakeOptimizer(0.1))
    message = str(info.value)
    assert message.startswith("unknown scheduler 'linear'; known schedulers: ")
    assert all(name in message for name in SCHEDULERS)


@pytest.mark.parametrize("config, message", [
    ({"name": "step", "step_size": 0}, "scheduler 'step': step_size must be at least 1"),
    ({"name": "step", "step_size": 2.5}, "scheduler 'step': step_size must be a whole"),
    ({"name": "exponential", "gamma": 0}, "scheduler 'exponential': gamma must be above 0"),
    ({"name": "cosine", "T_max": 10}, "scheduler 'cosine': unknown parameter 'T_max'"),
    ([1, 2], "scheduler must be a dict"),
])
def test_bad_config_is_refused_with_a_message(config, message):
    with pytest.raises(ValueError) as info:
        make_scheduler(config, FakeOptimizer(0.1))
    assert message in str(info.value)
    with pytest.raises(ValueError):
        preview_lrs(config, 0.1, 5)


@pytest.mark.parametrize("name", list(SCHEDULERS))
def test_every_registered_scheduler_is_described_for_the_inspector(name):
    spec = SCHEDULERS[name]
    assert spec.name == name and spec.help.endswith(".")
    assert all(p.help for p in spec.params)
