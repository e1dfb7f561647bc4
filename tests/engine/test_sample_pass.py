"""One sample forward and backward (engine/training/sample_pass.py): its numbers are the
engine's own (model.loss_and_grads on that sample), they obey the chain rule node by node,
the gradient check passes on them, and asking for them in a run changes nothing in it."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from engine.data import load_dataset
from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.nn.losses import get_loss
from engine.training.loss_surface import loss_targets
from engine.training.messages import ProbeEvent, ProbeRequest, StepEvent
from engine.training.sample_pass import (check_pass_gradients, kink_notes, sample_pass)
from engine.training.trainer import Trainer
from tests.probing import probe_after

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def example(name: str):
    net = Network.load(EXAMPLES / f"{name}.nw.json")
    model = compile_network(net, seed=0)
    fn = get_loss(net.training["loss"])
    ds = load_dataset(net.training["dataset"], 0)
    return model, fn, ds


def one_sample(fn, ds, i: int = 3):
    return ds.x_val[i:i + 1], loss_targets(fn, ds.y_val[i:i + 1])


# ---- the numbers are the engine's ------------------------------------------------------------
@pytest.mark.parametrize("name", ["xor_mlp", "digits_mlp", "digits_cnn", "residual",
                                  "sine_regression", "breast_cancer"])
def test_the_pass_equals_loss_and_grads_on_that_one_sample(name):
    model, fn, ds = example(name)
    x, y = one_sample(fn, ds)
    result = sample_pass(copy.deepcopy(model), fn, x, y)
    reference = copy.deepcopy(model)
    assert result.loss == reference.loss_and_grads(x, y, fn)
    grads = reference.grads()
    shown = {f"{n.id}.{k}": g for n in result.nodes for k, g in n.weight_grads.items()}
    assert shown.keys() == grads.keys()
    for key, g in grads.items():
        np.testing.assert_array_equal(shown[key], g, err_msg=key)
    for node in result.nodes:                      # forward: every node's output
        np.testing.assert_array_equal(node.output, reference.outputs[node.id][0])
    assert result.state.keys() == model.state_dict().keys()


def test_each_node_obeys_the_chain_rule():
    """Dense: dL/dW = g x^T, dL/db = g, and what it passes back is W^T g; an activation
    passes back g * f'(z)."""
    model, fn, ds = example("xor_mlp")        # in -> h1 (Dense) -> a1 (Tanh) -> out -> p
    result = sample_pass(copy.deepcopy(model), fn, *one_sample(fn, ds))
    h1, a1, out = (result.node(n) for n in ("h1", "a1", "out"))
    np.testing.assert_allclose(h1.weight_grads["weight"], np.outer(h1.grad, result.x),
                               rtol=1e-6)
    np.testing.assert_allclose(h1.weight_grads["bias"], h1.grad, rtol=1e-6)
    np.testing.assert_allclose(a1.grad, result.weights("out")["weight"].T @ out.grad,
                               rtol=1e-6)
    np.testing.assert_allclose(h1.grad, a1.grad * a1.local, rtol=1e-6)
    np.testing.assert_allclose(a1.local, 1 - np.tanh(h1.output) ** 2, rtol=1e-5)
    # bce with a final Sigmoid: the loss reads the logits, dL/dz = p - y starts at 'out'
    assert result.fused and result.loss_from == "out" and result.node("p").grad is None
    p = 1 / (1 + np.exp(-out.output))
    np.testing.assert_allclose(out.grad, p - result.target[0], rtol=1e-5)
    assert [n.id for n in result.backward_order()] == ["out", "a1", "h1"]


def test_the_gradient_check_passes_on_the_pass_weights():
    model, fn, ds = example("xor_mlp")
    result = sample_pass(copy.deepcopy(model), fn, *one_sample(fn, ds))
    check = check_pass_gradients(model, result, fn)
    assert check.ok and check.fine is None, str(check.report)     # no second look needed
    assert {c.name for c in check.report.checks} == set(model.grads())
    assert max(c.max_rel_error for c in check.report.checks) < 1e-4


def test_a_mismatch_that_vanishes_with_a_smaller_step_passes():
    """The digits CNN after 100 steps: a max-pool window's two largest values lie within
    the step 1e-3 of each other, so c1.weight fails there; at 1e-5 it passes."""
    trainer, probe = probe_after("digits_cnn", 100, {"sample_pass": None})
    result = probe.get("sample_pass")
    check = check_pass_gradients(trainer.model, result, trainer.loss_fn)
    rows = {first.name: (first, fine, passes) for first, fine, passes in check.rows()}
    first, fine, passes = rows["c1.weight"]
    assert not first.ok and fine.ok and passes
    assert check.ok and not check.report.ok


def test_a_relu_at_its_kink_is_named_when_the_check_fails_there():
    """An untrained CNN on digits: zero biases and blank pixels put ReLU inputs at exactly
    0, where f' jumps: central differences straddle it. The check says so."""
    model, fn, ds = example("digits_cnn")
    result = sample_pass(copy.deepcopy(model), fn, *one_sample(fn, ds, 0))
    check = check_pass_gradients(model, result, fn)
    assert not check.ok                 # exactly at 0: a smaller step straddles it too
    notes = kink_notes(result)
    assert notes and "r1" in notes[0] and "kink" in notes[0]
    smooth_model, smooth_fn, smooth_ds = example("xor_mlp")
    smooth = sample_pass(copy.deepcopy(smooth_model), smooth_fn, *one_sample(smooth_fn,
                                                                             smooth_ds))
    assert kink_notes(smooth) == []


def test_batchnorm_and_dropout_pass_in_eval_mode():
    """One sample cannot train a BatchNorm (one value per channel): the pass runs in eval
    mode, and its gradients are eval mode's, checked numerically."""
    net = Network.load(EXAMPLES / "xor_mlp.nw.json").to_dict()
    net["nodes"][1:2] = [net["nodes"][1], {"id": "bn", "type": "BatchNorm", "params": {}},
                         {"id": "drop", "type": "Dropout", "params": {"rate": 0.5}}]
    net["edges"] = [e for e in net["edges"] if e["from"] != "h1"] + [
        {"from": "h1", "to": "bn"}, {"from": "bn", "to": "drop"}, {"from": "drop", "to": "a1"}]
    network = Network.from_dict(net)
    model, fn = compile_network(network, seed=0), get_loss("bce")
    x, y = np.array([[0.5, -1.0]], np.float32), np.array([[1.0]], np.float32)
    result = sample_pass(copy.deepcopy(model), fn, x, y)
    reference = copy.deepcopy(model)
    out = reference.forward(x, training=False)
    start, pred = reference.loss_input(fn, out)
    reference.backward(fn.value_and_grad(pred, y)[1], start=start)
    for key, g in reference.grads().items():
        node, name = key.split(".")
        np.testing.assert_array_equal(result.node(node).weight_grads[name], g)
    assert check_pass_gradients(model, result, fn).ok


# ---- in a run ---------------------------------------------------------------------------------
def run_steps(trainer: Trainer, steps: int) -> tuple[list, list]:
    losses, passes = [], []
    run = trainer.run()
    for event in run:
        if isinstance(event, StepEvent):
            losses.append(event.loss)
        elif isinstance(event, ProbeEvent) and event.get("sample_pass") is not None:
            passes.append(event.get("sample_pass"))
        if len(losses) >= steps and (trainer.probe_request is None
                                     or isinstance(event, ProbeEvent)):
            break
    run.close()
    return losses, passes


@pytest.mark.parametrize("name, steps", [("xor_mlp", 300), ("digits_cnn", 200)])
def test_a_run_trains_bitwise_the_same_with_the_pass_asked_every_step(name, steps):
    network = Network.load(EXAMPLES / f"{name}.nw.json")
    plain = Trainer(network)
    probed = Trainer(network)
    probed.set_probes(ProbeRequest({"sample_pass": None}, sample=2, every_ms=0))
    losses, _ = run_steps(plain, steps)
    probed_losses, passes = run_steps(probed, steps)
    assert len(passes) >= steps - 1                 # it really was computed every step
    assert losses == probed_losses
    assert plain.grad_norms() == probed.grad_norms()       # the last batch's gradients
    for key, value in plain.state(history=False).items():
        if key == "weights":
            for k, w in value.items():
                np.testing.assert_array_equal(probed.model.state_dict()[k], w, err_msg=k)
    last = passes[-1]
    assert last.step == probed.step and last.sample == 2
    live = {k: v for k, v in probed.model.state_dict().items()}
    for k, v in last.state.items():                 # the pass ran on the live weights
        np.testing.assert_array_equal(v, live[k], err_msg=k)


def test_a_sample_out_of_range_is_refused_with_its_range():
    trainer = Trainer(Network.load(EXAMPLES / "xor_mlp.nw.json"))
    n = len(trainer.dataset.x_val)
    with pytest.raises(ValueError, match=f"sample must be between 0 and {n - 1}, got {n}"):
        trainer.set_probes(ProbeRequest({"sample_pass": None}, sample=n))


def test_a_run_that_does_not_ask_for_the_pass_makes_no_copy_and_runs_none():
    """Hidden costs nothing: without the kind in the request no shadow model is made."""
    from engine.training import sample_pass as module
    trainer = Trainer(Network.load(EXAMPLES / "xor_mlp.nw.json"))
    trainer.set_probes(ProbeRequest({"nodes": ("h1",)}, every_ms=0))
    _, passes = run_steps(trainer, 20)
    assert passes == [] and trainer._prober not in module._shadows
