"""The training controls on the real window: start, pause, resume, step, stop, reset, live
learning rate, divergence, errors, locking, closing. Driven through the window's QActions;
the run trains in a child process whose messages the window reads on its GUI thread.
Waits on conditions (qtbot.waitUntil, qtbot.waitSignal), never on fixed sleeps."""
from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from engine.graph.network import Network
from gui.training.views.boundary import BoundaryView
from gui.training.views.confusion import ConfusionView
from gui.training.views.feature_maps import FeatureMapsView
from gui.training.views.grad_norms import GradNormView
from gui.training.views.histograms import HistogramView
from gui.training.views.loss import LossView
from gui.training.views.lr import LearningRateView
from tests.gui.waits import PATIENCE_MS

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
LONG = 100_000          # epochs (a million steps): no run completes on its own in a test


def xor_network(epochs: int = LONG, **optimizer) -> Network:
    net = Network.load(EXAMPLES / "xor_mlp.nw.json")
    training = dict(net.training)
    training["epochs"] = epochs
    training["optimizer"] = {**training["optimizer"], **optimizer}
    net.set_training(training)
    return net


def diverging_network() -> Network:
    """A ReLU regression MLP with SGD at lr 50: the loss overflows within a few steps."""
    return Network.from_dict({
        "name": "diverges",
        "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1]}},
                  {"id": "h", "type": "Dense", "params": {"units": 16}},
                  {"id": "r", "type": "ReLU", "params": {}},
                  {"id": "out", "type": "Dense", "params": {"units": 1}}],
        "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "r"},
                  {"from": "r", "to": "out"}],
        "training": {"dataset": {"name": "sine", "params": {"samples": 200},
                                 "validation_split": 0.2},
                     "loss": "mse", "optimizer": {"name": "sgd", "lr": 50.0},
                     "batch_size": 32, "epochs": 50, "seed": 0}})


def make_window(qtbot, network: Network):
    from gui.document import Document
    from gui.main_window import MainWindow
    w = MainWindow(Document(network))
    w.files.autosave_enabled = False
    w.files.interactive = False
    w.files.maybe_save = lambda: True    # pytest-qt closes the window before our teardown
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot):
    threads_before = threading.active_count()
    w = make_window(qtbot, xor_network())
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()
    assert threading.active_count() <= threads_before
    assert w.training.trainer is None and not multiprocessing.active_children()


def loss_points(w) -> int:
    return len(w.training.dashboard.view(LossView).curves["train"])


def last_loss_step(w) -> int:
    """The step of the newest point on the loss curve (0: none)."""
    x = w.training.dashboard.view(LossView).curves["train"].series.x
    return round(x[-1] * w.training.info.n_batches) if len(x) else 0


def trigger(w, name: str) -> None:
    action = w.training_actions[name]
    assert action.isEnabled(), f"{name} should be enabled in state {w.training.state}"
    action.trigger()


def settle_after(qtbot, w, name: str) -> int:
    """Trigger Pause or Step and wait until the training process says it waits (its Paused
    message reached the window); returns that step. The process sends every step, and the
    probe of that step, before Paused: the views have them, and the window's Trainer holds
    the weights of that step."""
    c = w.training
    with qtbot.waitSignal(c.session.pausedAt, timeout=PATIENCE_MS) as paused:
        trigger(w, name)
    step = paused.args[0]
    assert c.state == "paused"
    assert c.trainer.step == c.trainer.model_step == c.session.trainer.step == step
    assert last_loss_step(w) == step and loss_points(w) == step
    return step


def pause_and_settle(qtbot, w) -> int:
    return settle_after(qtbot, w, "pause")


def step_and_settle(qtbot, w) -> int:
    return settle_after(qtbot, w, "step")


def sent_probe_requests(monkeypatch) -> list:
    """Every probe request the window sends a training process, in order."""
    from engine.training.process import TrainingProcess
    sent, real = [], TrainingProcess.set_probes

    def spy(self, request):
        real(self, request)
        sent.append(request)
    monkeypatch.setattr(TrainingProcess, "set_probes", spy)
    return sent


def test_start_pause_resume_stop_feed_the_views(qtbot, window):
    c, d = window.training, window.training.dashboard
    boundary = d.view(BoundaryView)
    d.show_page("Data")                      # the boundary view is visible: probes asked
    trigger(window, "train")
    assert c.state == "running" and window.document.locked
    qtbot.waitUntil(lambda: loss_points(window) > 50, timeout=PATIENCE_MS)
    qtbot.waitUntil(lambda: boundary.image.image is not None, timeout=PATIENCE_MS)
    assert min(boundary.image.image.shape[:2]) == 80    # the map's shorter side
    assert not boundary.is_empty
    step = pause_and_settle(qtbot, window)
    assert c.state == "paused"
    assert window.status.training_label.text() == f"Paused at step {step}"
    assert not window.training_actions["pause"].isEnabled()
    paused_at = loss_points(window)
    trigger(window, "train")                 # resume
    qtbot.waitUntil(lambda: loss_points(window) > paused_at + 20, timeout=PATIENCE_MS)
    # one gradient-norm curve per layer with weights, in depth order
    grad_norms = d.view(GradNormView)
    assert list(grad_norms.curves) == ["h1", "out"]
    assert all(len(curve) > 0 for curve in grad_norms.curves.values())
    trigger(window, "stop")
    qtbot.waitUntil(lambda: c.state == "stopped", timeout=PATIENCE_MS)
    assert not window.document.locked
    assert window.training_actions["train"].text() == "&Continue"
    steps = c.trainer.step
    trigger(window, "train")                 # continue the same run
    qtbot.waitUntil(lambda: c.trainer.step > steps + 10, timeout=PATIENCE_MS)
    assert c.run_id == 1


def test_continue_after_stopping_a_paused_run_trains(qtbot, window):
    c = window.training
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 10, timeout=PATIENCE_MS)
    pause_and_settle(qtbot, window)
    trigger(window, "stop")
    qtbot.waitUntil(lambda: c.state == "stopped", timeout=PATIENCE_MS)
    steps = c.trainer.step
    trigger(window, "train")                 # Continue: running again, not stuck in the pause
    assert c.state == "running"
    qtbot.waitUntil(lambda: c.trainer.step > steps + 10, timeout=PATIENCE_MS)


def test_step_trains_exactly_one_batch(qtbot, window):
    c = window.training
    assert step_and_settle(qtbot, window) == 1
    assert c.trainer.step == 1 and c.state == "paused" and loss_points(window) == 1
    assert window.status.training_label.text() == "Paused at step 1"
    assert step_and_settle(qtbot, window) == 2
    assert window.status.training_label.text() == "Paused at step 2"
    QApplication.processEvents()
    assert c.trainer.step == 2 and loss_points(window) == 2


def test_reset_draws_new_weights_and_keeps_the_old_run_faded(qtbot, window):
    c, d = window.training, window.training.dashboard
    loss = d.view(LossView)
    step_and_settle(qtbot, window)
    first = {k: v.copy() for k, v in c.session.trainer.model.state_dict().items()}
    trigger(window, "reset")                 # stops the run first
    qtbot.waitUntil(lambda: c.state == "idle", timeout=PATIENCE_MS)
    assert c.trainer is None and c.seed_offset == 1
    assert step_and_settle(qtbot, window) == 1
    assert c.run_id == 2 and c.info.seed == 1
    assert len(loss.curves.old) == 1         # run 1, faded
    assert any(not np.allclose(first[k], v)
               for k, v in c.session.trainer.model.state_dict().items())
    d.clear_button.click()
    assert loss.curves.old == []


def test_a_diverging_learning_rate_shows_the_message_and_stops(qtbot):
    w = make_window(qtbot, diverging_network())
    try:
        trigger(w, "train")
        qtbot.waitUntil(lambda: w.training.state == "finished", timeout=PATIENCE_MS)
        assert "diverged" in w.training.dashboard.banner.text.lower()
        assert w.training.session.last_finish.reason == "diverged"
        assert "Diverged" in w.status.training_label.text()
        assert not w.document.locked
    finally:
        w.document.undo_stack.setClean()
        w.training.shutdown()


def test_learning_rate_change_reaches_the_trainer(qtbot, window):
    c, d = window.training, window.training.dashboard
    step_and_settle(qtbot, window)
    d.lr_editor.spin.setValue(0.005)         # the user types a new rate
    step_and_settle(qtbot, window)
    assert d.view(LearningRateView).curves["live"].series.y[-1] == pytest.approx(0.005)
    assert c.trainer.lr == pytest.approx(0.005)


def test_editing_while_training_is_refused_or_stops_the_run(qtbot, window):
    c = window.training
    before = window.document.to_dict()
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 0, timeout=PATIENCE_MS)
    window.view.scene().select_nodes(["a1"])
    window.view.delete_selection()           # refused: the document is locked
    assert window.document.to_dict() == before
    assert "Stop training" in window.status.currentMessage()
    # an edit that gets through anyway (an undo command pushed) stops the run
    from gui.commands import SetParam
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", 6))
    qtbot.waitUntil(lambda: c.state == "stopped", timeout=PATIENCE_MS)
    assert "network changed" in c.dashboard.banner.text
    stopped = c.trainer
    trigger(window, "train")                 # a new run on the edited network
    qtbot.waitUntil(lambda: c.run_id == 2, timeout=PATIENCE_MS)
    assert c.trainer is not stopped
    assert c.session.trainer.model.by_id["h1"].layer.weights["weight"].shape == (6, 2)


def test_an_error_in_the_training_process_becomes_a_message(qtbot, window, monkeypatch):
    from gui.training import run_setup
    from tests.trainers import BrokenStepTrainer
    monkeypatch.setattr(run_setup, "Trainer", BrokenStepTrainer)
    trigger(window, "train")
    qtbot.waitUntil(lambda: window.training.state == "finished", timeout=PATIENCE_MS)
    assert "boom in the training step" in window.training.dashboard.banner.text
    assert not window.document.locked
    monkeypatch.undo()
    trigger(window, "train")                        # and the next run trains
    qtbot.waitUntil(lambda: loss_points(window) > 0, timeout=PATIENCE_MS)


def test_a_training_process_that_dies_becomes_a_message(qtbot, window):
    import signal
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 0, timeout=PATIENCE_MS)
    os.kill(window.training.trainer.child_pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.training.state == "finished", timeout=PATIENCE_MS)
    assert "training process ended unexpectedly" in window.training.dashboard.banner.text
    assert not window.document.locked


def test_a_network_that_cannot_train_says_why(qtbot):
    net = xor_network()
    net.set_training({**net.training, "loss": "mse"})     # regression loss, class data
    w = make_window(qtbot, net)
    try:
        assert w.training.train() is False
        assert "Cannot train" in w.training.dashboard.banner.text
        assert w.training.state == "idle" and not w.document.locked
    finally:
        w.training.shutdown()


def test_closing_while_training_ends_the_process_and_leaves_no_thread(qtbot):
    threads_before = threading.active_count()
    w = make_window(qtbot, xor_network())
    trigger(w, "train")
    qtbot.waitUntil(lambda: loss_points(w) > 0, timeout=PATIENCE_MS)
    w.document.undo_stack.setClean()
    assert w.close()
    assert threading.active_count() <= threads_before
    assert w.training.trainer is None and not multiprocessing.active_children()


def test_train_steps_then_pauses_after_n_steps(qtbot, window):
    from gui.app import train_steps_then
    done = []
    window.training.dashboard.show_page("Layer")
    train_steps_then(window, 30, lambda: done.append(window.training.trainer.step))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)
    assert done == [30] and window.training.state == "paused"


def test_the_window_receives_at_most_about_30_step_chunks_a_second(qtbot, window):
    import time
    from engine.training.process import CHUNK_HZ
    c = window.training
    chunks, probes = [], []
    c.session.chunkArrived.connect(chunks.append)
    c.session.probeArrived.connect(probes.append)
    t0 = time.perf_counter()
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 400 and time.perf_counter() - t0 >= 1.0,
                    timeout=PATIENCE_MS)
    pause_and_settle(qtbot, window)
    elapsed = time.perf_counter() - t0
    # at most CHUNK_HZ a second, plus the chunk sent before each probe and the one at the pause
    assert len(chunks) <= CHUNK_HZ * elapsed + len(probes) + 3
    # throttled, not lossy: every step came once, in order, and reached the loss curve
    steps = np.concatenate([chunk.steps for chunk in chunks])
    assert steps.tolist() == list(range(1, c.trainer.step + 1))
    assert loss_points(window) == c.trainer.step > len(chunks)


def test_while_a_run_trains_the_window_has_no_training_thread(qtbot, window):
    """The run trains in a child process whose pipe the GUI thread reads: the window's
    process runs no training or relay thread (the old QThread 'netwright-training' took the
    interpreter lock from the GUI hundreds of times a second), so nothing of the window
    (its Qt objects, its garbage) is ever touched off the GUI thread."""
    from PySide6.QtCore import QThread
    before = set(threading.enumerate())
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 50, timeout=PATIENCE_MS)
    assert window.training.state == "running"
    assert set(threading.enumerate()) <= before              # no Python thread started
    assert not window.findChildren(QThread)
    tasks = Path("/proc/self/task")
    if tasks.is_dir():                                       # Linux: every OS thread's name
        names = [(t / "comm").read_text().strip() for t in tasks.iterdir()]
        assert not [n for n in names if n.startswith("netwright")], names
    assert window.training.trainer.child_pid not in (None, os.getpid())


def test_side_by_side_feeds_every_view_and_the_node_previews(qtbot, window, monkeypatch):
    c, d = window.training, window.training.dashboard
    requests = sent_probe_requests(monkeypatch)
    probes = []
    c.session.probeArrived.connect(probes.append)
    window.view.scene().select_nodes(["h1"])
    d.side_check.click()
    boundary, confusion = d.view(BoundaryView), d.view(ConfusionView)
    histograms, feature_maps = d.view(HistogramView), d.view(FeatureMapsView)
    assert d.splitter.isVisible() and boundary.isVisible() and d.view(LossView).isVisible()
    trigger(window, "train")
    qtbot.waitUntil(lambda: not (boundary.is_empty or confusion.is_empty
                                 or histograms.is_empty or feature_maps.is_empty),
                    timeout=PATIENCE_MS)
    assert confusion.matrix.sum() == 80                       # the validation set
    items = window.view.scene().node_items
    assert all(item.has_preview() for item in items.values())
    c.preview_action.trigger()                                # View > Live previews off
    assert not any(item.has_preview() for item in items.values())
    assert requests[-1].options("nodes") == ("h1",)           # only what a view shows
    seen = len(probes)

    def only_h1_probed() -> bool:
        nodes = probes[-1].get("nodes") if len(probes) > seen else None
        return nodes is not None and set(nodes.activations) == {"h1"}
    qtbot.waitUntil(only_h1_probed, timeout=PATIENCE_MS)
    assert not any(item.has_preview() for item in items.values())   # and they stay off


def test_editing_the_network_after_a_run_clears_the_cards_previews(qtbot, window):
    """The previews showed the stopped run's outputs under cards whose shape had changed."""
    from gui.commands import SetParam
    c = window.training
    assert c.train(pause_after=5)
    items = window.view.scene().node_items
    qtbot.waitUntil(lambda: c.state == "paused" and items["h1"].has_preview(),
                    timeout=PATIENCE_MS)
    with qtbot.waitSignal(c.session.ended, timeout=PATIENCE_MS):
        trigger(window, "stop")
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", 6))
    assert not any(item.has_preview() for item in items.values())

