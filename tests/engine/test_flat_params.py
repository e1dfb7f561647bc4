"""The flat parameter buffers (engine/optim/flat.py): every trainable weight and gradient is a
view into one buffer each, and stays one through everything that sets weights (loading,
checkpoints, divergence restores, a race's start), so training keeps moving the weights the
layers compute with. Chunked updates give the same numbers as one pass."""
import copy

import numpy as np
import pytest

from engine import compile_network, make_optimizer
from engine.optim import flat
from engine.training.messages import EpochEvent, FinishedEvent
from engine.training.race import RaceTrainer
from engine.training.trainer import Trainer
from tests.engine.test_training import mlp_net, sine_net


def chain(input_shape, layers):
    nodes = [{"id": "in", "type": "Input", "params": {"shape": list(input_shape)}}]
    nodes += [{"id": i, "type": t, "params": p} for i, t, p in layers]
    ids = [n["id"] for n in nodes]
    return {"nodes": nodes, "edges": [{"from": a, "to": b} for a, b in zip(ids, ids[1:])]}


CNN = chain([1, 8, 8], [
    ("c1", "Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}),
    ("bn", "BatchNorm", {}), ("r1", "ReLU", {}), ("p1", "MaxPool2D", {"pool_size": 2}),
    ("f", "Flatten", {}), ("frozen", "Dense", {"units": 6, "trainable": False}),
    ("t", "Tanh", {}), ("out", "Dense", {"units": 3})])


def packed(model) -> bool:
    """Are the optimizer's arrays one buffer of weights and one of grads?"""
    params = list(model.parameters().values())
    return (flat.consecutive([p for p, _ in params]) is not None
            and flat.consecutive([g for _, g in params]) is not None)


def data(model, n=16, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n, *model.input_shape)).astype(np.float32),
            rng.integers(0, model.output_shape[0], n))


def train(model, opt, steps=3):
    x, y = data(model)
    for _ in range(steps):
        opt.zero_grad()
        model.loss_and_grads(x, y, "cross_entropy")
        opt.step()


def test_trainable_weights_and_grads_are_views_of_one_buffer_each():
    model = compile_network(CNN, seed=0)
    assert packed(model)
    assert list(model.parameters()) == ["c1.weight", "c1.bias", "bn.weight", "bn.bias",
                                        "out.weight", "out.bias"]
    weights = flat.consecutive([p for p, _ in model.parameters().values()])
    frozen = model.layers["frozen"].weights["weight"]
    assert not np.shares_memory(frozen, weights)          # not trained: not in the buffer
    assert not np.shares_memory(model.layers["bn"].buffers["running_mean"], weights)
    # the values are the seeded ones, in the layers' own shapes
    assert model.layers["c1"].weights["weight"].shape == (4, 1, 3, 3)
    np.testing.assert_array_equal(model.state_dict()["c1.weight"],
                                  compile_network(CNN, seed=0).state_dict()["c1.weight"])


def test_a_train_step_writes_into_the_views_and_zero_grad_clears_them_all():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "adam", "lr": 0.01}, model)
    before = model.state_dict()
    train(model, opt, steps=2)
    assert packed(model)                                   # no layer replaced an array
    after = model.state_dict()
    for key in model.parameters():
        assert not np.array_equal(before[key], after[key]), f"{key} never moved"
    np.testing.assert_array_equal(after["frozen.weight"], before["frozen.weight"])
    opt.zero_grad()
    assert all(not g.any() for _, g in model.parameters().values())


def test_training_after_load_state_dict_moves_the_weights_the_layers_use():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "sgd", "lr": 0.1, "momentum": 0.9}, model)
    loaded = compile_network(CNN, seed=3).state_dict()
    model.load_state_dict(loaded)
    train(model, opt)
    # the same steps on a model built with those weights: equal, so the optimizer made
    # before the load trains the loaded weights (a detached copy would leave them as loaded)
    twin = compile_network(CNN, seed=3)
    train(twin, make_optimizer({"name": "sgd", "lr": 0.1, "momentum": 0.9}, twin))
    for key, value in twin.state_dict().items():
        np.testing.assert_array_equal(model.state_dict()[key], value, err_msg=key)
    assert not np.array_equal(model.state_dict()["out.weight"], loaded["out.weight"])


def test_optimizer_load_state_dict_keeps_its_moments_in_the_flat_buffers():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "adam", "lr": 0.01}, model)
    train(model, opt, steps=2)
    saved = opt.state_dict()
    other = make_optimizer({"name": "adam", "lr": 0.01}, model)
    other.load_state_dict(saved)
    for name in ("exp_avg", "exp_avg_sq"):
        views = [other.state[k][name] for k in model.parameters()]
        assert flat.consecutive(views) is not None, name
        np.testing.assert_array_equal(views[0], saved["state"]["c1.weight"][name])


def run_epochs(trainer, epochs=1):
    seen = 0
    for event in trainer.run():
        if isinstance(event, EpochEvent):
            seen += 1
            if seen == epochs:
                trainer.stop()
        if isinstance(event, FinishedEvent):
            return


def test_a_trainer_restored_from_a_checkpoint_keeps_training_its_weights(tmp_path):
    first = Trainer(mlp_net(epochs=3))
    run_epochs(first)
    first.save_checkpoint(tmp_path / "run.ckpt.npz")
    resumed = Trainer.from_checkpoint(tmp_path / "run.ckpt.npz", mlp_net(epochs=3))
    assert packed(resumed.model)
    at_load = resumed.model.state_dict()
    run_epochs(resumed)
    assert packed(resumed.model)
    moved = resumed.model.state_dict()
    assert not np.array_equal(moved["h1.weight"], at_load["h1.weight"])
    # and as far as the uninterrupted run got
    whole = Trainer(mlp_net(epochs=3))
    run_epochs(whole, epochs=2)
    for key, value in whole.model.state_dict().items():
        np.testing.assert_array_equal(moved[key], value, err_msg=key)


def test_training_goes_on_after_a_divergence_restored_the_last_good_weights():
    trainer = Trainer(sine_net(epochs=50, optimizer={"name": "sgd", "lr": 50.0}))
    events = list(trainer.run())
    assert events[-1].reason == "diverged"
    restored = trainer.model.state_dict()
    assert packed(trainer.model)
    trainer.set_lr(0.01)                 # the user takes the advice and trains on
    run_epochs(trainer)
    assert not np.array_equal(trainer.model.state_dict()["h1.weight"], restored["h1.weight"])


def test_a_racer_started_from_another_state_trains_that_state():
    starter = Trainer(mlp_net(epochs=2))
    run_epochs(starter)
    racer = RaceTrainer(mlp_net(epochs=2))
    racer.load_state(starter.state())                    # as the training process does
    at_start = racer.model.state_dict()
    run_epochs(racer)
    assert packed(racer.model)
    for key in racer.model.parameters():
        assert not np.array_equal(racer.model.state_dict()[key], at_start[key]), key


def test_a_deep_copy_trains_on_its_own_and_leaves_the_original_alone():
    model = compile_network(CNN, seed=0)
    before = model.state_dict()
    work = copy.deepcopy(model)           # what sample_pass and the health probe train on
    train(work, make_optimizer({"name": "adam", "lr": 0.01}, work))
    twin = compile_network(CNN, seed=0)
    train(twin, make_optimizer({"name": "adam", "lr": 0.01}, twin))
    for key, value in twin.state_dict().items():
        np.testing.assert_array_equal(work.state_dict()[key], value, err_msg=key)
        np.testing.assert_array_equal(model.state_dict()[key], before[key], err_msg=key)


CONFIGS = [{"name": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 0.1},
           {"name": "rmsprop", "lr": 0.01, "centered": True, "momentum": 0.5},
           {"name": "adagrad", "lr": 0.05, "lr_decay": 0.01},
           {"name": "adam", "lr": 0.01, "amsgrad": True},
           {"name": "adamw", "lr": 0.01}]


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c["name"])
def test_updating_chunk_by_chunk_gives_the_numbers_of_one_pass(cfg, monkeypatch):
    whole = compile_network(CNN, seed=0)
    train(whole, make_optimizer(cfg, whole), steps=4)
    monkeypatch.setattr(flat, "CHUNK", 7)                 # chunks that cut through arrays
    chunked = compile_network(CNN, seed=0)
    opt = make_optimizer(cfg, chunked)
    assert len(opt._chunks) > 5
    train(chunked, opt, steps=4)
    for key, value in whole.state_dict().items():
        np.testing.assert_array_equal(chunked.state_dict()[key], value, err_msg=key)


def test_a_step_keeps_every_array_float32():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "adam", "lr": 0.01}, model)
    returned = []
    for layer in model.layers.values():
        def recording(grad, _backward=layer.backward):
            out = _backward(grad)
            returned.extend(g for g in out if g is not None)
            return out
        layer.backward = recording
    train(model, opt, steps=2)
    arrays = {**{f"output {k}": v for k, v in model.outputs.items()},
              **{f"input grad {i}": g for i, g in enumerate(returned)},
              **{f"weight {k}": p for k, (p, _) in model.parameters().items()},
              **{f"grad {k}": g for k, (_, g) in model.parameters().items()},
              **{f"{k} {n}": a for k, s in opt.state.items() for n, a in s.items()}}
    wrong = {k: a.dtype for k, a in arrays.items() if a.dtype != np.float32}
    assert not wrong


def test_a_saved_state_that_cannot_be_continued_is_refused_before_anything_changes():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "adam", "lr": 0.01}, model)
    train(model, opt, steps=2)
    good = opt.state_dict()
    uneven = copy.deepcopy(good)
    uneven["state"]["out.bias"]["step"] = np.array(7)
    words = copy.deepcopy(good)
    words["state"]["c1.bias"]["exp_avg"] = np.array(["a"] * 4)
    for bad, message in ((uneven, "different numbers of steps"), (words, "not numbers")):
        with pytest.raises(ValueError, match=message):
            opt.load_state_dict(bad)
        for key, state in opt.state_dict()["state"].items():
            for name, value in state.items():
                np.testing.assert_array_equal(value, good["state"][key][name])
