"""The health probe's numbers equal a direct computation on the engine's model, and asking
for it (and the units' maps) every step leaves a run bitwise the same."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from engine.data import load_dataset
from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.nn.losses import get_loss
from engine.training.health_probe import PROBE_BATCH, network_health, response
from engine.training.loss_surface import loss_targets
from engine.training.messages import ProbeEvent, ProbeRequest, StepEvent
from engine.training.trainer import Trainer
from engine.training.units_probe import unit_maps
from tests.probing import probe_after

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def example(name: str, edit=None):
    net = Network.load(EXAMPLES / f"{name}.nw.json").to_dict()
    if edit:
        edit(net)
    model = compile_network(Network.from_dict(net), seed=0)
    fn = get_loss(net["training"]["loss"])
    ds = load_dataset(net["training"]["dataset"], 0)
    n = min(PROBE_BATCH, len(ds.x_val))
    return model, fn, ds.x_val[:n], loss_targets(fn, ds.y_val[:n])


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def dense(model, nid):
    layer = model.by_id[nid].layer
    return layer.weights["weight"].astype(np.float64), layer.weights["bias"].astype(np.float64)


def test_the_sigmoid_net_by_hand_forward_and_backward():
    """circles_deep_sigmoid: z, a, saturation and the gradient arriving at every a_k,
    computed here with NumPy from the engine's weights (Dense: y = x W^T + b)."""
    model, fn, x, y = example("circles_deep_sigmoid")
    health = network_health(copy.deepcopy(model), fn, x, y)
    a, zs, acts = x.astype(np.float64), [], []
    for k in range(1, 6):
        w, b = dense(model, f"h{k}")
        z = a @ w.T + b
        a = sigmoid(z)
        zs.append(z)
        acts.append(a)
    w, b = dense(model, "out")
    logit = a @ w.T + b
    t = y.astype(np.float64).reshape(-1, 1)
    g = (sigmoid(logit) - t) @ w                    # d(each sample's bce)/d a5
    grads = [None] * 5
    for k in range(5, 0, -1):
        grads[k - 1] = g
        if k > 1:
            s = acts[k - 1]
            g = (g * s * (1 - s)) @ dense(model, f"h{k}")[0]
    limit = response(model.by_id["a1"].layer).z_limit
    assert limit == pytest.approx(np.log((1 + np.sqrt(0.9)) / (1 - np.sqrt(0.9))), abs=2e-3)
    for k in range(1, 6):
        h = health.layer(f"a{k}")
        slope = acts[k - 1] * (1 - acts[k - 1])
        assert h.saturated == pytest.approx(np.mean(slope < 0.025), abs=1e-9)
        assert h.act_mean == pytest.approx(acts[k - 1].mean(), rel=1e-4)
        assert h.act_std == pytest.approx(acts[k - 1].std(), rel=1e-4)
        assert h.grad_rms == pytest.approx(np.sqrt(np.mean(grads[k - 1] ** 2)), rel=1e-3)
        assert h.grad_mean == pytest.approx(grads[k - 1].mean(), rel=1e-3, abs=1e-9)
        assert h.depth == k and h.dead is None and not h.is_output
    # vanishing gradients: each sigmoid layer nearer the input gets a smaller gradient
    rms = [health.layer(f"a{k}").grad_rms for k in range(1, 6)]
    assert rms == sorted(rms) and rms[-1] > 50 * rms[0]
    out = health.layer("p")
    assert out.is_output and out.grad_rms is None and out.badge is None


def test_saturation_and_death_at_a_bad_scale_get_their_badges():
    """Inputs scaled by 30 saturate a Sigmoid layer; a bias of -50 kills a ReLU layer."""
    model, fn, x, y = example("circles_deep_sigmoid")
    model.by_id["h1"].layer.weights["weight"] *= 30
    health = network_health(model, fn, x, y)
    a1 = health.layer("a1")
    z = x.astype(np.float64) @ dense(model, "h1")[0].T + dense(model, "h1")[1]
    share = np.mean(np.abs(z) > a1.z_limit)
    assert share > 0.5 and a1.saturated == pytest.approx(share, abs=0.01)
    assert a1.badge == f"saturated {a1.saturated:.0%}" and "a1" in health.badges()

    model, fn, x, y = example("circles_deep_relu")
    model.by_id["h2"].layer.weights["bias"][:6] = -50.0      # 6 of 8 units: never positive
    health = network_health(model, fn, x, y)
    a2 = health.layer("a2")
    assert a2.dead == pytest.approx(6 / 8) and a2.badge == "dead 75%"
    assert a2.saturated is None and health.layer("a1").badge is None


def test_dead_units_of_maps_are_whole_channels():
    from engine.training.health_probe import never_positive
    a = np.zeros((3, 2, 4, 4))
    a[1, 0, 2, 3] = 0.5                              # channel 0 fires once, channel 1 never
    assert never_positive(a).tolist() == [False, True]


def test_leaky_relu_is_neither_saturated_nor_dead():
    model, fn, x, y = example("circles_deep_relu", lambda net: [
        n.update(type="LeakyReLU", params={}) for n in net["nodes"] if n["type"] == "ReLU"])
    h = network_health(model, fn, x, y).layer("a1")
    assert h.kind == "other" and h.saturated is None and h.dead is None and h.badge is None


def test_the_units_maps_equal_the_forward_of_each_grid_point():
    model, fn, x, y = example("xor_mlp")
    maps = unit_maps(model, x, res=9)
    assert list(maps.maps) == ["h1", "a1", "out", "p"]
    assert maps.maps["a1"].shape == (4, 9, 9)
    for row, col in [(0, 0), (4, 7), (8, 2)]:
        point = np.array([[maps.xs[col], maps.ys[row]]], np.float32)
        model.forward(point, training=False)
        for nid, m in maps.maps.items():
            np.testing.assert_allclose(m[:, row, col], model.outputs[nid][0], rtol=1e-6)


def test_the_units_probe_skips_wide_layers_and_other_inputs():
    _, probe = probe_after("spiral", 1, {"units": 12})
    assert set(probe.get("units").maps) == {"out", "p"}          # hidden layers: 32 units
    _, probe = probe_after("digits_mlp", 1, {"units": 12, "health": None})
    assert probe.get("units") is None and probe.get("health") is not None


def test_bad_units_options_are_refused():
    trainer = Trainer(Network.load(EXAMPLES / "xor_mlp.nw.json"))
    for bad, message in [(2, "between 4 and 200, got 2"), ("x", "whole number, got 'x'")]:
        with pytest.raises(ValueError, match=message):
            trainer.set_probes(ProbeRequest({"units": bad}))


def with_batchnorm_and_dropout(net: dict) -> None:
    """circles_deep_relu with h1 -> bn -> a1 and a2 -> drop -> h3."""
    net["nodes"] += [{"id": "bn", "type": "BatchNorm", "params": {}},
                     {"id": "drop", "type": "Dropout", "params": {"rate": 0.3}}]
    edges = [e for e in net["edges"] if (e["from"], e["to"]) not in {("h1", "a1"),
                                                                     ("a2", "h3")}]
    net["edges"] = edges + [{"from": "h1", "to": "bn"}, {"from": "bn", "to": "a1"},
                            {"from": "a2", "to": "drop"}, {"from": "drop", "to": "h3"}]


def run_steps(trainer: Trainer, steps: int) -> tuple[list, int]:
    losses, probes = [], 0
    run = trainer.run()
    for event in run:
        if isinstance(event, StepEvent):
            losses.append(event.loss)
        elif isinstance(event, ProbeEvent) and event.get("health") is not None:
            probes += 1
        if len(losses) >= steps and (trainer.probe_request is None
                                     or isinstance(event, ProbeEvent)):
            break
    run.close()
    return losses, probes


@pytest.mark.parametrize("edit", [None, with_batchnorm_and_dropout])
def test_a_run_trains_bitwise_the_same_with_health_and_units_asked_every_step(edit):
    net = Network.load(EXAMPLES / "circles_deep_relu.nw.json").to_dict()
    if edit:
        edit(net)
    plain, probed = Trainer(copy.deepcopy(net)), Trainer(copy.deepcopy(net))
    probed.set_probes(ProbeRequest({"health": None, "units": 16}, every_ms=0))
    losses, _ = run_steps(plain, 150)
    probed_losses, probes = run_steps(probed, 150)
    assert probes >= 149                                  # computed every step
    assert losses == probed_losses
    assert plain.grad_norms() == probed.grad_norms()      # the last batch's gradients
    live = probed.model.state_dict()                      # weights and BatchNorm statistics
    for k, w in plain.model.state_dict().items():
        np.testing.assert_array_equal(live[k], w, err_msg=k)


def test_the_cards_ask_for_health_at_most_every_few_seconds_and_the_view_every_probe():
    from engine.training.health_probe import health_probe, merge_health
    from engine.training.probes import ProbeAt
    assert merge_health({"every_ms": 2000}, None) is None            # the view wins
    assert merge_health({"every_ms": 2000}, {"every_ms": 500}) == {"every_ms": 500}
    trainer, _ = probe_after("xor_mlp", 5, {"health": None})
    prober, clock = trainer._prober, [0.0]
    prober.clock = lambda: clock[0]
    first = health_probe(prober, None, ProbeAt(5, False, 0))
    assert first.step == 5
    clock[0] = 1.0
    assert health_probe(prober, {"every_ms": 2000}, ProbeAt(9, False, 0)) is first
    assert health_probe(prober, None, ProbeAt(9, False, 0)).step == 9
    clock[0] = 1.5
    assert health_probe(prober, {"every_ms": 2000}, ProbeAt(11, True, 0)).step == 11  # paused
    with pytest.raises(ValueError, match="every_ms"):
        trainer.set_probes(ProbeRequest({"health": {"every_ms": "soon"}}))
