"""The Trainer: it learns, it streams the events a user watches, it can be paused, stepped,
stopped and re-tuned from another thread, and it survives a diverging learning rate."""
import dataclasses
import math
import threading
from pathlib import Path

import numpy as np
import pytest

from engine.errors import GraphErrors, TrainingError
from engine.training.messages import (DivergedEvent, EpochEvent, FinishedEvent, ProbeEvent, ProbeRequest,
                           StepEvent)
from engine.graph.network import Network
from engine.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
WAIT = 20.0   # generous upper bound for waits on other threads (never reached when it works)


def mlp_net(epochs=5, loss="bce", dataset=None, optimizer=None, scheduler=None, hidden="Tanh",
            batch_size=32, out_units=1, head="Sigmoid", in_shape=(2,), dropout=False):
    nodes = [{"id": "in", "type": "Input", "params": {"shape": list(in_shape)}},
             {"id": "h1", "type": "Dense", "params": {"units": 8}},
             {"id": "a1", "type": hidden, "params": {}},
             {"id": "out", "type": "Dense", "params": {"units": out_units}}]
    if dropout:
        nodes.insert(3, {"id": "drop", "type": "Dropout", "params": {"rate": 0.2}})
    if head:
        nodes.append({"id": "p", "type": head, "params": {}})
    edges = [{"from": a["id"], "to": b["id"]} for a, b in zip(nodes, nodes[1:])]
    training = {"dataset": dataset or {"name": "xor", "params": {"samples": 400, "noise": 0.1},
                                       "validation_split": 0.2},
                "loss": loss, "optimizer": optimizer or {"name": "adam", "lr": 0.03},
                "scheduler": scheduler or {"name": "none"},
                "batch_size": batch_size, "epochs": epochs, "seed": 0}
    return Network.from_dict({"format": "netwright-network", "version": 1, "name": "t",
                              "nodes": nodes, "edges": edges, "training": training})


def sine_net(**kw):
    return mlp_net(loss="mse", head=None, in_shape=(1,), hidden="ReLU",
                   dataset={"name": "sine", "params": {"samples": 200}, "validation_split": 0.2},
                   **kw)


def run_all(trainer):
    return list(trainer.run())


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def weights(trainer):
    return trainer.model.state_dict()


# ---- learning -----------------------------------------------------------------------------
def test_xor_mlp_example_reaches_95_percent_validation_accuracy():
    events = run_all(Trainer(Network.load(EXAMPLES / "xor_mlp.nw.json")))
    finished = events[-1]
    assert finished.reason == "completed"
    assert finished.metrics["val_accuracy"] >= 0.95


def test_xor_perceptron_example_cannot_solve_xor():
    finished = run_all(Trainer(Network.load(EXAMPLES / "xor_perceptron.nw.json")))[-1]
    assert finished.reason == "completed"
    assert finished.metrics["val_accuracy"] <= 0.8


def test_digits_cnn_example_reaches_95_percent_within_its_epochs():
    finished = run_all(Trainer(Network.load(EXAMPLES / "digits_cnn.nw.json")))[-1]
    assert finished.reason == "completed"
    assert finished.metrics["val_accuracy"] >= 0.95


def test_regression_reports_rmse_and_r2_and_learns_the_sine():
    trainer = Trainer(sine_net(epochs=60, optimizer={"name": "adam", "lr": 0.02}))
    events = run_all(trainer)
    epochs = of(events, EpochEvent)
    assert set(epochs[0].metrics) == {"train_rmse", "train_r2", "val_rmse", "val_r2"}
    assert epochs[-1].metrics["val_rmse"] < epochs[0].metrics["val_rmse"]
    assert epochs[-1].metrics["val_r2"] > 0.8


def test_same_seed_same_run_and_another_seed_another_run():
    a, b = Trainer(mlp_net(dropout=True)), Trainer(mlp_net(dropout=True))
    c = Trainer(mlp_net(dropout=True), seed=1)
    losses = [[e.loss for e in of(run_all(t), StepEvent)] for t in (a, b, c)]
    assert losses[0] == losses[1] != losses[2]
    for k, w in weights(a).items():
        assert np.array_equal(w, weights(b)[k])


# ---- the events ---------------------------------------------------------------------------
def test_event_stream_counts_steps_and_epochs_and_events_are_frozen():
    trainer = Trainer(mlp_net(epochs=3))
    events = run_all(trainer)
    steps, epochs = of(events, StepEvent), of(events, EpochEvent)
    assert [s.step for s in steps] == list(range(1, 31))       # 320 examples / 32 = 10 per epoch
    assert [s.epoch for s in steps[:11]] == [1] * 10 + [2]
    assert [(e.epoch, e.step) for e in epochs] == [(1, 10), (2, 20), (3, 30)]
    assert isinstance(events[-1], FinishedEvent) and events[-1].epochs == 3
    first = epochs[0]
    assert set(first.metrics) == {"train_accuracy", "val_accuracy"}
    assert list(first.grad_norms) == ["h1", "out"]              # layers with params, by depth
    assert all(v > 0 for v in first.grad_norms.values())
    assert set(first.weight_stats["h1"]) == {"mean", "std", "min", "max", "norm"}
    assert all(s.examples_per_sec > 0 and s.lr == 0.03 for s in steps)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.epoch = 5
    assert len(trainer.history) == 3 and trainer.history[-1]["val_loss"] == epochs[-1].val_loss


def test_training_section_problems_raise_the_engines_errors():
    with pytest.raises(GraphErrors):
        Trainer(mlp_net(loss="mse"))                 # validation: mse on a classification set
    net = mlp_net()
    net.training["optimizer"] = {"name": "adam", "lr": -1}
    with pytest.raises(GraphErrors, match="lr"):
        Trainer(net)


def test_a_dataset_that_does_not_fit_the_model_is_refused_by_name():
    from engine.data import load_dataset
    sine = load_dataset({"name": "sine", "params": {}, "validation_split": 0.2}, 0)
    with pytest.raises(TrainingError, match="Input 'in' has shape \\[2\\].*'sine' gives \\[1\\]"):
        Trainer(mlp_net(), dataset=sine)


def test_a_loss_that_does_not_fit_the_task_of_a_given_dataset_is_refused():
    from engine.data import Dataset
    x = np.zeros((10, 2), np.float32)
    table = Dataset(name="table", task="regression", feature_shape=(2,), target_dim=1,
                    x_train=x, y_train=np.zeros((10, 1), np.float32), x_val=x[:0],
                    y_val=np.zeros((0, 1), np.float32))
    with pytest.raises(TrainingError, match="loss 'bce' is for classification but dataset "
                                            "'table' is a regression set: use mse, mae or rmse"):
        Trainer(mlp_net(), dataset=table)


# ---- divergence ---------------------------------------------------------------------------
def test_a_huge_learning_rate_diverges_and_keeps_the_last_good_weights():
    trainer = Trainer(sine_net(epochs=50, optimizer={"name": "sgd", "lr": 50.0}))
    events = run_all(trainer)
    diverged = of(events, DivergedEvent)
    assert len(diverged) == 1
    assert f"step {diverged[0].step}" in diverged[0].message
    assert "learning rate 50 is probably too high: try about 5" in diverged[0].message
    finished = events[-1]
    assert finished.reason == "diverged"
    assert all(np.isfinite(w).all() for w in weights(trainer).values())
    good_epochs = of(events, EpochEvent)
    assert finished.epochs == len(good_epochs)


XOR_EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "xor_mlp.nw.json"


@pytest.mark.parametrize("seed", range(10))
def test_a_finite_but_exploded_loss_is_a_divergence_too(seed):
    """lr 1e6 on xor: the loss stays finite (1e5-1e7 at chance accuracy) but has exploded;
    every seed used to end 'completed'."""
    net = Network.load(XOR_EXAMPLE)
    net.training["optimizer"]["lr"] = 1e6
    trainer = Trainer(net, seed=seed)
    events = run_all(trainer)
    diverged = of(events, DivergedEvent)
    assert len(diverged) == 1 and events[-1].reason == "diverged"
    assert "the loss exploded to" in diverged[0].message
    assert "learning rate 1e+06 is probably too high" in diverged[0].message
    assert events[-1].epochs == len(of(events, EpochEvent))           # last good weights
    assert trainer.step == (0 if not of(events, EpochEvent) else of(events, EpochEvent)[-1].step)


def test_one_outlier_batch_does_not_end_a_run():
    from engine.training.trainer import EXPLODE_STEPS, ExplosionWatch
    watch = ExplosionWatch()
    losses_seen = [0.7] + [5000.0] * (EXPLODE_STEPS - 1) + [0.6] + [5000.0] * (EXPLODE_STEPS - 1)
    assert not any(watch.exploded(v) for v in losses_seen)      # a good step breaks a streak
    assert watch.exploded(5000.0)                                 # the EXPLODE_STEPS-th in a row


# ---- control from another thread ------------------------------------------------------------
class Consumer:
    """Runs trainer.run() on a thread, like the GUI worker, and lets the test wait on it."""

    def __init__(self, trainer, signal_after_steps=3):
        self.trainer, self.events = trainer, []
        self.enough_steps = threading.Event()
        self.signal_after = signal_after_steps
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        for event in self.trainer.run():
            self.events.append(event)
            if isinstance(event, StepEvent) and event.step >= self.signal_after:
                self.enough_steps.set()

    def steps(self):
        return [e.step for e in of(self.events, StepEvent)]


def test_pause_step_once_resume_and_stop_from_another_thread():
    trainer = Trainer(mlp_net(epochs=100000))
    consumer = Consumer(trainer, signal_after_steps=5)
    assert consumer.enough_steps.wait(WAIT)
    trainer.pause()
    assert trainer.wait_until_paused(WAIT)
    paused_at = trainer.step
    assert consumer.steps()[-1] == paused_at           # every step taken was reported
    trainer.step_once()
    assert trainer.wait_until_paused(WAIT) and trainer.step == paused_at + 1
    consumer.enough_steps.clear()
    consumer.signal_after = paused_at + 20
    trainer.resume()
    assert consumer.enough_steps.wait(WAIT)
    trainer.stop()
    consumer.thread.join(WAIT)
    assert not consumer.thread.is_alive()
    finished = consumer.events[-1]
    assert finished.reason == "stopped" and finished.step == trainer.step == consumer.steps()[-1]
    assert all(np.isfinite(w).all() for w in weights(trainer).values())


def test_stop_while_paused_ends_the_run_and_the_pause():
    trainer = Trainer(mlp_net(epochs=100))
    trainer.pause()
    consumer = Consumer(trainer)
    assert trainer.wait_until_paused(WAIT)
    trainer.stop()
    consumer.thread.join(WAIT)
    assert consumer.events == [consumer.events[-1]] and consumer.events[-1].reason == "stopped"
    assert trainer.step == 0
    again = Consumer(trainer)                 # Continue: the stop ended the pause too
    again.thread.join(WAIT)
    assert not again.thread.is_alive() and again.events[-1].reason == "completed"


def test_step_once_lets_exactly_one_batch_through():
    trainer = Trainer(mlp_net(epochs=10))
    trainer.step_once()                  # pauses and grants one step
    trainer.step_once()
    gen = trainer.run()
    assert [next(gen).step, next(gen).step] == [1, 2]
    trainer.stop()
    assert next(gen).reason == "stopped"
    # a later run() continues where the stopped one ended
    trainer.resume()
    assert next(trainer.run()).step == 3


def test_set_lr_takes_effect_at_the_next_step():
    trainer = Trainer(mlp_net(epochs=10))
    gen = trainer.run()
    assert next(gen).lr == 0.03
    trainer.set_lr(0.5)
    assert next(gen).lr == 0.5 and trainer.optimizer.lr == 0.5
    with pytest.raises(ValueError, match="positive"):
        trainer.set_lr(-1)


def test_set_lr_with_a_scheduler_sets_its_base_rate():
    trainer = Trainer(mlp_net(epochs=10, scheduler={"name": "step", "step_size": 1,
                                                    "gamma": 0.5}))
    gen = trainer.run()
    for event in gen:
        if isinstance(event, EpochEvent) and event.epoch == 2:
            break
    assert event.lr == pytest.approx(0.03 * 0.5) and event.next_lr == pytest.approx(0.03 * 0.25)
    assert [r["lr"] for r in trainer.history] == pytest.approx([0.03, 0.015])
    trainer.set_lr(1.0)
    assert next(gen).lr == pytest.approx(0.25)          # the schedule's factor is kept


# ---- probes -------------------------------------------------------------------------------
def test_probes_give_boundary_confusion_activations_and_layer_arrays():
    trainer = Trainer(mlp_net(epochs=2))
    trainer.set_probes(ProbeRequest({"nodes": ("h1", "a1"), "grid": 20, "confusion": None},
                                    sample=3, every_ms=0))
    probes = of(run_all(trainer), ProbeEvent)
    assert len(probes) == 20                              # every_ms=0: after every step
    grid, confusion, p = (probes[-1].get(k) for k in ("grid", "confusion", "nodes"))
    assert grid.probs.shape == (20, 20, 2) and grid.xs.shape == (20,)
    assert np.allclose(grid.probs.sum(axis=2), 1.0, atol=1e-5)
    assert grid.points.shape == (320, 2)
    assert confusion.shape == (2, 2) and confusion.sum() == 80
    assert p.activations["h1"].shape == (8,) and p.activations["a1"].shape == (8,)
    assert p.sample == 3 and p.sample_input.shape == (2,) and p.sample_label in (0, 1)
    assert set(p.weights) == {"h1"} and p.weights["h1"]["weight"].shape == (8, 2)
    assert p.grads["h1"]["weight"].shape == (8, 2)
    # copies: the model's arrays move on, the event's do not
    assert p.weights["h1"]["weight"] is not trainer.model.by_id["h1"].layer.weights["weight"]
    first = probes[0].get("nodes")
    assert not np.array_equal(first.weights["h1"]["weight"], p.weights["h1"]["weight"])


def test_probes_are_throttled_and_change_nothing_in_the_run():
    plain = Trainer(mlp_net(epochs=2, dropout=True))
    probed = Trainer(mlp_net(epochs=2, dropout=True))
    probed.set_probes(ProbeRequest({"nodes": ("drop",), "grid": 60, "confusion": None},
                                   every_ms=0, every_steps=5))
    probes = of(run_all(probed), ProbeEvent)
    run_all(plain)
    # first at once, then every 5 steps, and a last one so the views end on the final weights
    assert [p.step for p in probes] == [1, 6, 11, 16, 20]
    for k, w in weights(plain).items():
        assert np.array_equal(w, weights(probed)[k])


def test_a_paused_trainer_answers_a_new_probe_request_at_once():
    trainer = Trainer(sine_net(epochs=3))
    trainer.pause()
    gen = trainer.run()
    threading.Timer(0.0, trainer.set_probes, [ProbeRequest({"grid": 30})]).start()
    probe = next(gen)                                    # blocks until the request arrives
    assert isinstance(probe, ProbeEvent) and probe.step == 0
    curve = probe.get("grid")                            # a 1-D input: the fitted curve
    assert curve.xs.shape == (30,)
    assert curve.ys.shape == (30, 1) and curve.points_x.shape == (160,)
    trainer.step_once()                                  # a single step shows at once
    step, probe = next(gen), next(gen)
    assert isinstance(step, StepEvent) and isinstance(probe, ProbeEvent) and probe.step == 1
    trainer.stop()
    assert next(gen).reason == "stopped"


def test_bad_probe_requests_name_the_problem():
    trainer = Trainer(mlp_net())
    with pytest.raises(ValueError, match="no node 'nope'"):
        trainer.set_probes(ProbeRequest({"nodes": ("nope",)}))
    with pytest.raises(ValueError, match="sample must be between 0 and 79"):
        trainer.set_probes(ProbeRequest({"nodes": ("h1",)}, sample=80))


def test_final_metrics_after_a_stop_use_the_weights_held_now():
    trainer = Trainer(mlp_net(epochs=5))
    gen = trainer.run()
    for _ in range(15):
        next(gen)
    trainer.stop()
    finished = next(gen)
    assert finished.reason == "stopped" and finished.epochs == 1 and finished.step == 14
    assert math.isfinite(finished.metrics["val_loss"])
    assert 0 <= finished.metrics["train_accuracy"] <= 1


def test_without_a_validation_split_val_values_are_none_and_probes_use_the_train_set():
    net = mlp_net(epochs=2, batch_size=1000, dataset={
        "name": "xor", "params": {"samples": 400, "noise": 0.1}, "validation_split": 0})
    trainer = Trainer(net)
    trainer.set_probes(ProbeRequest({"confusion": None}))
    events = run_all(trainer)
    epoch = of(events, EpochEvent)[-1]
    assert epoch.step == 2 and epoch.val_loss is None and epoch.metrics["val_accuracy"] is None
    assert events[-1].metrics["val_loss"] is None
    assert of(events, ProbeEvent)[-1].get("confusion").sum() == 400
