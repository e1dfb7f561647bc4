"""L1 / L2 regularization (issue 14, item 7): the training section's ``regularization``
(file version 2; version-1 files migrate by adding zeros), its validation, which weights it
penalises, and what a run reports: the data loss as the loss, the penalty beside it."""
import json

import numpy as np
import pytest

from engine.cli.main import run_command
from engine.graph import network_file
from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.graph.validation import validate
from engine.nn.regularization import Penalty, penalised_weights
from engine.optim.optimizers import make_optimizer
from engine.training.messages import EpochEvent, FinishedEvent, StepEvent
from engine.training.trainer import Trainer


def net_dict(version=2, regularization=None, training=True, epochs=2) -> dict:
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [2]}},
             {"id": "h1", "type": "Dense", "params": {"units": 6}},
             {"id": "bn", "type": "BatchNorm", "params": {}},
             {"id": "a1", "type": "Tanh", "params": {}},
             {"id": "out", "type": "Dense", "params": {"units": 1}},
             {"id": "p", "type": "Sigmoid", "params": {}}]
    d = {"format": "netwright-network", "version": version, "name": "reg", "nodes": nodes,
         "edges": [{"from": a["id"], "to": b["id"]} for a, b in zip(nodes, nodes[1:])]}
    if training:
        d["training"] = {"dataset": {"name": "circles", "params": {"samples": 200},
                                     "validation_split": 0.2},
                         "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.9},
                         "batch_size": 32, "epochs": epochs, "seed": 0}
        if regularization is not None:
            d["training"]["regularization"] = regularization
    return d


# ---- the file: version 2, migration from 1 ---------------------------------------------------
def test_a_version_1_file_migrates_by_adding_zeros_and_is_saved_as_version_2(tmp_path):
    old = tmp_path / "old.nw.json"
    old.write_text(json.dumps(net_dict(version=1)))
    net = Network.load(old)
    assert net.training["regularization"] == {"l1": 0.0, "l2": 0.0}
    new = tmp_path / "new.nw.json"
    net.save(new)
    saved = json.loads(new.read_text())
    assert network_file.VERSION == 2 and saved["version"] == 2
    assert saved["training"]["regularization"] == {"l1": 0.0, "l2": 0.0}


def test_a_version_1_graph_alone_stays_a_graph_alone():
    net = Network.from_dict(net_dict(version=1, training=False))
    assert not net.has_training and "training" not in net.to_dict()


def test_a_version_2_file_keeps_its_regularization_and_may_leave_it_out():
    reg = {"l1": 0.001, "l2": 0.01}
    assert Network.from_dict(net_dict(regularization=reg)).training["regularization"] == reg
    assert "regularization" not in Network.from_dict(net_dict()).training    # zeros


# ---- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize("reg, words", [
    ({"l1": -0.1}, "training: regularization.l1 must be at least 0, got -0.1"),
    ({"l2": "abc"}, "training: regularization.l2 must be a number, got 'abc'"),
    ({"l2": None}, "training: regularization.l2 must be a number"),
    ({"l2": True}, "training: regularization.l2 must be a number"),
    ({"l1": float("inf")}, "training: regularization.l1 must be a finite number"),
    ({"l3": 1.0}, "regularization: unknown setting 'l3' (allowed: l1, l2)"),
    ([0.1, 0.2], "regularization must be an object such as"),
])
def test_a_bad_regularization_is_an_error_naming_the_field(reg, words):
    problems = [str(p) for p in validate(Network.from_dict(net_dict(regularization=reg)))]
    assert any(words in p for p in problems), problems


def test_check_refuses_a_negative_penalty_naming_it(tmp_path, capsys):
    path = tmp_path / "bad.nw.json"
    path.write_text(json.dumps(net_dict(regularization={"l1": 0.0, "l2": -1})))
    assert run_command(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "regularization.l2 must be at least 0" in err and "Traceback" not in err


def test_check_shows_the_regularization_in_its_training_line(tmp_path, capsys):
    path = tmp_path / "reg.nw.json"
    path.write_text(json.dumps(net_dict(regularization={"l1": 0.0, "l2": 0.001})))
    assert run_command(["check", str(path)]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert "scheduler none, regularization (l1 0, l2 0.001), batch 32" in line
    path.write_text(json.dumps(net_dict()))
    assert run_command(["check", str(path)]) == 0
    assert "no regularization" in capsys.readouterr().out.splitlines()[-1]


# ---- what is penalised -----------------------------------------------------------------------
def test_weights_are_penalised_not_biases_batchnorm_or_frozen_layers():
    d = net_dict()
    model = compile_network(Network.from_dict(d), seed=0)
    assert list(penalised_weights(model)) == ["h1.weight", "out.weight"]
    d["nodes"][1]["params"]["trainable"] = False
    model = compile_network(Network.from_dict(d), seed=0)
    assert list(penalised_weights(model)) == ["out.weight"]


def test_penalty_value_and_gradient_are_the_documented_formula():
    model = compile_network(Network.from_dict(net_dict()), seed=0)
    w1, w2 = model.by_id["h1"].layer.weights["weight"], model.by_id["out"].layer.weights["weight"]
    w1[0, 0] = 0.0                                    # sign(0) = 0, as torch.abs' gradient
    for g in model.grads().values():
        g[...] = 0.0
    penalty = Penalty(model, l1=0.01, l2=0.1)
    value = penalty.add_to_grads()
    expected = sum(0.01 * np.abs(w).sum() + 0.1 * np.square(w).sum() for w in (w1, w2))
    assert value == pytest.approx(expected, rel=1e-6)
    for node, w in (("h1", w1), ("out", w2)):
        np.testing.assert_allclose(model.by_id[node].layer.grads["weight"],
                                   0.01 * np.sign(w) + 0.2 * w, rtol=1e-6)
        assert not model.by_id[node].layer.grads["bias"].any()
    assert model.by_id["h1"].layer.grads["weight"][0, 0] == pytest.approx(0.0)
    assert not any(model.by_id["bn"].layer.grads[k].any() for k in ("weight", "bias"))


# ---- what a run does and reports -------------------------------------------------------------
def test_a_training_step_is_data_gradient_plus_penalty_gradient_then_the_optimizer():
    reg = {"l1": 0.003, "l2": 0.02}
    trainer = Trainer(Network.from_dict(net_dict(regularization=reg)))
    twin = compile_network(Network.from_dict(net_dict(regularization=reg)), seed=0)
    twin.load_state_dict(trainer.model.state_dict())
    optimizer = make_optimizer(trainer.config["optimizer"], twin)
    step = next(e for e in trainer.run() if isinstance(e, StepEvent))
    idx = trainer._perm[:trainer.batch_size]
    x, y = trainer.dataset.x_train[idx], trainer._y_train[idx]
    loss = twin.loss_and_grads(x, y, "bce")
    penalty = Penalty(twin, **reg).add_to_grads()
    optimizer.step()
    assert step.loss == pytest.approx(loss, rel=1e-6)        # the data loss, as reported
    assert step.penalty == pytest.approx(penalty, rel=1e-6) and penalty > 0
    for key, value in twin.state_dict().items():
        np.testing.assert_allclose(trainer.model.state_dict()[key], value, rtol=1e-6,
                                   atol=1e-7, err_msg=key)


def test_a_run_reports_the_data_loss_and_keeps_the_penalty_beside_it():
    trainer = Trainer(Network.from_dict(net_dict(regularization={"l1": 0.0, "l2": 0.05})))
    events = list(trainer.run())
    epochs = [e for e in events if isinstance(e, EpochEvent)]
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.reason == "completed"
    penalty_now = Penalty(trainer.model, l2=0.05).value()
    assert epochs[-1].penalty == pytest.approx(penalty_now)
    assert [r["penalty"] for r in trainer.history] == [e.penalty for e in epochs]
    assert finished.metrics["penalty"] == pytest.approx(penalty_now)
    assert all(r["train_loss"] == e.train_loss for r, e in zip(trainer.history, epochs))


def test_without_regularization_nothing_about_a_penalty_is_reported():
    trainer = Trainer(Network.from_dict(net_dict(version=1)))
    events = list(trainer.run())
    assert all(e.penalty == 0.0 for e in events if isinstance(e, (StepEvent, EpochEvent)))
    assert "penalty" not in events[-1].metrics
    assert all("penalty" not in r for r in trainer.history)


def test_train_prints_the_data_loss_and_the_penalty(tmp_path, capsys):
    path = tmp_path / "reg.nw.json"
    path.write_text(json.dumps(net_dict(regularization={"l1": 0.001, "l2": 0.0}, epochs=1)))
    assert run_command(["train", str(path), "--out", str(tmp_path / "out")]) == 0
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["penalty"] > 0 and result["train_loss"] > 0
    header = (tmp_path / "out" / "history.csv").read_text().splitlines()[0]
    assert "train_loss" in header and "penalty" in header
