"""Layers reuse scratch buffers across steps (engine.nn.workspace), but nothing a caller is
handed may be one of them: a probe, the sample pass or the race keeps activations from one
step while the next runs, and they must not change under it."""
import numpy as np
import pytest

from engine import compile_network, make_optimizer


def chain(layers):
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [2, 12, 12]}}]
    nodes += [{"id": i, "type": t, "params": p} for i, t, p in layers]
    ids = [n["id"] for n in nodes]
    return {"nodes": nodes, "edges": [{"from": a, "to": b} for a, b in zip(ids, ids[1:])]}


CNN = chain([
    ("c1", "Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}), ("r1", "ReLU", {}),
    ("p1", "MaxPool2D", {"pool_size": 2}),
    ("c2", "Conv2D", {"filters": 6, "kernel_size": 3, "stride": 2, "padding": 1}),
    ("a2", "AvgPool2D", {"pool_size": 3, "stride": 1}),
    ("c3", "Conv2D", {"filters": 5, "kernel_size": 1, "padding": "valid"}),
    ("f", "Flatten", {}), ("d", "Dense", {"units": 3})])


def batch(rng, n):
    return rng.standard_normal((n, 2, 12, 12)).astype(np.float32), rng.integers(0, 3, n)


@pytest.fixture
def trained():
    model = compile_network(CNN, seed=0)
    opt = make_optimizer({"name": "sgd", "lr": 0.1, "momentum": 0.9}, model)
    rng = np.random.default_rng(0)

    def step(n):
        model.loss_and_grads(*batch(rng, n), loss="cross_entropy")
        opt.step()
    step(8)                                  # buffers made
    return model, step, rng


@pytest.mark.parametrize("next_sizes", [[8], [3], [3, 8], [20, 8]])
def test_activations_kept_from_a_step_do_not_change_in_the_next(trained, next_sizes):
    """The next steps: the same batch size (the same buffers), the short last batch of an
    epoch (views of them), a bigger one (new buffers)."""
    model, step, _ = trained
    step(8)
    held = dict(model.outputs)               # references, as a probe may keep them
    copies = {k: v.copy() for k, v in held.items()}
    for n in next_sizes:
        step(n)
    for node, value in held.items():
        np.testing.assert_array_equal(value, copies[node], err_msg=f"node {node}")


def test_an_inference_output_does_not_change_when_training_goes_on(trained):
    model, step, rng = trained
    x, _ = batch(rng, 5)
    out = model.forward(x, training=False)
    kept = {k: v for k, v in model.outputs.items()}
    copies = {k: v.copy() for k, v in kept.items()}
    step(8)
    model.forward(batch(rng, 5)[0], training=False)
    for node, value in kept.items():
        np.testing.assert_array_equal(value, copies[node], err_msg=f"node {node}")
    np.testing.assert_array_equal(out, copies["d"])


def test_the_loss_input_of_a_step_is_not_overwritten_by_the_next(trained):
    """The trainer's running metrics read the logits after the optimizer step."""
    model, step, _ = trained
    step(8)
    logits = model.outputs["d"]
    copy = logits.copy()
    step(8)
    np.testing.assert_array_equal(logits, copy)
