"""The optimizer race's engine part: racers are variations of one network that start from the
same weights and see the same batches; their paths reach the window and share one PCA plane
whose surface is the network's loss there."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from engine.data import load_dataset
from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.nn import losses
from engine.training import loss_surface
from engine.training.messages import StepChunk
from engine.training.process import TrainingProcess
from engine.training.race import (PathPoints, RaceTrainer, plane_surface, race_labels,
                                  race_plane, race_settings, racer_network,
                                  surface_examples)
from engine.training.weight_path import Layout

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
WAIT_S = 60


def xor_doc(epochs: int = 3) -> dict:
    doc = json.loads((EXAMPLES / "xor_mlp.nw.json").read_text())
    doc["training"]["epochs"] = epochs
    return doc


def race(networks: list[dict]) -> tuple[list, list]:
    """(losses, path rows) of each racer trained in its own training process."""
    dataset = load_dataset(networks[0]["training"]["dataset"], 0)
    procs = [TrainingProcess(RaceTrainer(n, dataset=dataset)) for n in networks]
    try:
        for p in procs:
            p.run()
        out_losses, out_paths = [], []
        for p in procs:
            messages = list(p.messages(timeout=WAIT_S))
            out_losses.append(np.concatenate([m.losses for m in messages
                                              if isinstance(m, StepChunk)]))
            out_paths.append(np.vstack([m.rows for m in messages if isinstance(m, PathPoints)]))
        return out_losses, out_paths
    finally:
        for p in procs:
            p.close()


def test_racer_network_changes_only_what_is_asked():
    doc = xor_doc()
    net = racer_network(doc, {"optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "batch_size": 8,
                              "activation": "ReLU", "init": "xavier_uniform"})
    assert net["training"]["optimizer"] == {"name": "sgd", "lr": 0.1, "momentum": 0.9}
    assert net["training"]["batch_size"] == 8
    types = {n["id"]: n["type"] for n in net["nodes"]}
    assert types["a1"] == "ReLU" and types["p"] == "Sigmoid"     # the output stays
    assert all(n["params"]["init"] == "xavier_uniform" for n in net["nodes"]
               if n["type"] == "Dense")
    assert doc["training"]["optimizer"] == {"name": "adam", "lr": 0.03}    # not touched
    same = racer_network(doc, {"lr": 0.01})
    assert same["training"]["optimizer"] == {"name": "adam", "lr": 0.01}


@pytest.mark.parametrize("changes, says", [
    ({"optimizer": "adam", "momentum": 0.9}, "adam has no momentum"),
    ({"optimizer": "newton"}, "unknown optimizer"),
    ({"lr": -1}, "lr must be a positive number"),
    ({"batch_size": 0}, "batch size must be a positive number"),
    ({"activation": "Softmax"}, "activation must be one of"),
    ({"colour": "red"}, "unknown setting 'colour'"),
])
def test_racer_network_refuses_what_does_not_fit(changes, says):
    with pytest.raises(ValueError, match=says):
        racer_network(xor_doc(), changes)


def test_labels_name_only_what_differs():
    doc = xor_doc()
    nets = [racer_network(doc, c) for c in ({"optimizer": "sgd", "lr": 0.1},
                                            {"optimizer": "sgd", "lr": 0.1, "momentum": 0.9},
                                            {"optimizer": "adam", "lr": 0.1})]
    assert race_labels(nets) == ["optimizer sgd, momentum 0", "optimizer sgd, momentum 0.9",
                                 "optimizer adam"]
    assert race_labels([doc, doc]) == ["same settings (racer 1)", "same settings (racer 2)"]
    assert race_settings(racer_network(doc, {"activation": "ELU"}))["activation"] == "ELU"


def test_racers_start_from_identical_weights():
    doc = xor_doc()
    variations = [{"optimizer": "sgd", "lr": 0.1}, {"optimizer": "adam", "lr": 0.03},
                  {"batch_size": 8, "momentum": 0.0, "optimizer": "rmsprop"},
                  {"activation": "ReLU"}]
    states = [RaceTrainer(racer_network(doc, c)).model.state_dict() for c in variations]
    for state in states[1:]:
        assert state.keys() == states[0].keys()
        assert all(np.array_equal(state[k], states[0][k]) for k in state)
    other_init = RaceTrainer(racer_network(doc, {"init": "xavier_normal"})).model.state_dict()
    assert not np.array_equal(other_init["h1.weight"], states[0]["h1.weight"])


def test_a_race_of_two_identical_racers_gives_identical_curves_and_paths():
    losses_, paths = race([xor_doc(), xor_doc()])
    assert len(losses_[0]) == 3 * 10                  # 320 examples in batches of 32, 3 epochs
    np.testing.assert_array_equal(losses_[0], losses_[1])
    np.testing.assert_array_equal(paths[0], paths[1])


def test_racers_paths_start_at_the_same_weights_and_end_where_their_runs_end():
    doc = xor_doc()
    nets = [racer_network(doc, {"optimizer": "sgd", "lr": 0.5}), racer_network(doc, {})]
    losses_, paths = race(nets)
    first = Layout.of(loss_surface.trainable(compile_network(Network.from_dict(doc), 0)))
    start = first.flatten(loss_surface.trainable(compile_network(Network.from_dict(doc), 0)))
    for path in paths:
        np.testing.assert_array_equal(path[0], start)
        assert 10 <= len(path) <= 31
    assert not np.array_equal(paths[0][-1], paths[1][-1])
    assert not np.array_equal(losses_[0], losses_[1])


def test_the_plane_holds_every_path_from_a_common_start():
    rng = np.random.default_rng(0)
    start = rng.standard_normal(30).astype(np.float32)
    paths = [start + np.cumsum(rng.standard_normal((40, 30)), axis=0).astype(np.float32)
             for _ in range(3)]
    for p in paths:
        p[0] = start
    plane = race_plane(paths)
    assert len(plane.paths) == 3 and all(p.shape == (40, 2) for p in plane.paths)
    np.testing.assert_allclose(plane.paths[0][0], [0, 0], atol=1e-5)
    assert abs(float(plane.v1 @ plane.v2)) < 1e-4
    assert 0 < plane.shares[1] <= plane.shares[0] < 1
    with pytest.raises(ValueError):
        race_plane([np.stack([start, start])])


def test_the_surface_is_the_networks_loss_on_the_plane():
    doc = xor_doc()
    rng = np.random.default_rng(1)
    model = compile_network(Network.from_dict(doc), 0)
    params = loss_surface.trainable(model)
    layout = Layout.of(params)
    start = layout.flatten(params)
    paths = [start + np.cumsum(0.1 * rng.standard_normal((20, layout.size)), axis=0)
             .astype(np.float32) for _ in range(2)]
    for p in paths:
        p[0] = start
    plane = race_plane(paths)
    dataset = load_dataset(doc["training"]["dataset"], 0)
    grid = plane_surface(plane, doc, 0, *surface_examples(dataset), res=7)
    i, j = 2, 5
    weights = plane.origin + grid.alphas[j] * plane.v1 + grid.betas[i] * plane.v2
    for key, value in layout.split(weights.astype(np.float32)).items():
        params[key][...] = value
    loss_fn = losses.get_loss("bce")
    x = dataset.x_train[:loss_surface.MAX_EXAMPLES]
    y = loss_surface.loss_targets(loss_fn, dataset.y_train[:loss_surface.MAX_EXAMPLES])
    out = model.forward(x, training=False)
    expected, _ = loss_fn.value_and_grad(model.loss_input(loss_fn, out)[1], y)
    assert grid.losses[i, j] == pytest.approx(float(expected), rel=1e-4)
