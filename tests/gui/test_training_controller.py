"""The training controls on the real window: start, pause, resume, step, stop, reset, live
learning rate, divergence, errors, locking, closing. Driven through the window's QActions;
waits on conditions (qtbot.waitUntil), never on fixed sleeps."""
from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from engine.graph.network import Network
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
    assert not w.training.thread.isRunning()
    assert threading.active_count() <= threads_before
    assert w.training.trainer is None and not multiprocessing.active_children()


def loss_points(w) -> int:
    return len(w.training.dashboard.loss.curves["train"])


def trigger(w, name: str) -> None:
    action = w.training_actions[name]
    assert action.isEnabled(), f"{name} should be enabled in state {w.training.state}"
    action.trigger()


def pause_and_settle(qtbot, w) -> None:
    """Pause, wait until the trainer really waits, and deliver the batches in flight."""
    trigger(w, "pause")
    assert w.training.trainer.wait_until_paused(10)
    qtbot.waitUntil(lambda: w.training.dashboard.loss.curves["train"].series.x[-1:].size
                    and round(w.training.dashboard.loss.curves["train"].series.x[-1]
                              * w.training.info.n_batches) == w.training.trainer.step)


def test_start_pause_resume_stop_feed_the_views(qtbot, window):
    c, d = window.training, window.training.dashboard
    d.show_page("Data")                      # the boundary view is visible: probes asked
    trigger(window, "train")
    assert c.state == "running" and window.document.locked
    qtbot.waitUntil(lambda: loss_points(window) > 50, timeout=PATIENCE_MS)
    qtbot.waitUntil(lambda: d.boundary.image.image is not None, timeout=PATIENCE_MS)
    assert d.boundary.image.image.shape[:2] == (60, 60)
    assert not d.boundary.is_empty
    pause_and_settle(qtbot, window)
    assert c.state == "paused" and window.status.training_label.text().startswith("Paused")
    assert not window.training_actions["pause"].isEnabled()
    paused_at = loss_points(window)
    trigger(window, "train")                 # resume
    qtbot.waitUntil(lambda: loss_points(window) > paused_at + 20, timeout=PATIENCE_MS)
    # one gradient-norm curve per layer with weights, in depth order
    assert list(d.grad_norms.curves) == ["h1", "out"]
    assert all(len(curve) > 0 for curve in d.grad_norms.curves.values())
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
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 1, timeout=PATIENCE_MS)
    assert c.trainer.wait_until_paused(10)
    assert c.trainer.step == 1 and c.state == "paused"
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 2, timeout=PATIENCE_MS)
    assert c.trainer.wait_until_paused(10)
    QApplication.processEvents()
    assert c.trainer.step == 2 and loss_points(window) == 2


def test_reset_draws_new_weights_and_keeps_the_old_run_faded(qtbot, window):
    c, d = window.training, window.training.dashboard
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 1, timeout=PATIENCE_MS)
    first = {k: v.copy() for k, v in c.trainer.model.state_dict().items()}
    trigger(window, "reset")                 # stops the run first
    qtbot.waitUntil(lambda: c.state == "idle", timeout=PATIENCE_MS)
    assert c.trainer is None and c.seed_offset == 1
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 1 and c.run_id == 2, timeout=PATIENCE_MS)
    assert c.info.seed == 1
    assert len(d.loss.curves.old) == 1       # run 1, faded
    c.trainer.wait_until_paused(10)
    assert any(not np.allclose(first[k], v) for k, v in c.trainer.model.state_dict().items())
    d.clear_button.click()
    assert d.loss.curves.old == []


def test_a_diverging_learning_rate_shows_the_message_and_stops(qtbot):
    w = make_window(qtbot, diverging_network())
    try:
        trigger(w, "train")
        qtbot.waitUntil(lambda: w.training.state == "finished", timeout=PATIENCE_MS)
        assert "diverged" in w.training.dashboard.banner.text.lower()
        assert w.training.last_finish.reason == "diverged"
        assert "Diverged" in w.status.training_label.text()
        assert not w.document.locked
    finally:
        w.document.undo_stack.setClean()
        w.training.shutdown()


def test_learning_rate_change_reaches_the_trainer(qtbot, window):
    c, d = window.training, window.training.dashboard
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 1, timeout=PATIENCE_MS)
    d.lr_editor.spin.setValue(0.005)         # the user types a new rate
    trigger(window, "step")
    qtbot.waitUntil(lambda: loss_points(window) == 2, timeout=PATIENCE_MS)
    assert d.lr_view.curves["live"].series.y[-1] == pytest.approx(0.005)
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
    steps_before = c.trainer.step
    trigger(window, "train")                 # a new run on the edited network
    qtbot.waitUntil(lambda: c.run_id == 2, timeout=PATIENCE_MS)
    assert c.trainer.step < steps_before or c.trainer.model.by_id["h1"].layer.weights[
        "weight"].shape == (6, 2)


def test_an_error_in_the_training_process_becomes_a_message(qtbot, window, monkeypatch):
    from gui.training import run_setup
    from tests.trainers import BrokenStepTrainer
    monkeypatch.setattr(run_setup, "Trainer", BrokenStepTrainer)
    trigger(window, "train")
    qtbot.waitUntil(lambda: window.training.state == "finished", timeout=PATIENCE_MS)
    assert "boom in the training step" in window.training.dashboard.banner.text
    assert window.training.thread.isRunning()      # the thread survives for the next run
    monkeypatch.undo()
    trigger(window, "train")                        # and the next run trains
    qtbot.waitUntil(lambda: loss_points(window) > 0, timeout=PATIENCE_MS)


def test_a_training_process_that_dies_becomes_a_message(qtbot, window):
    import os
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


def test_closing_while_training_stops_the_thread_and_the_process(qtbot):
    threads_before = threading.active_count()
    w = make_window(qtbot, xor_network())
    trigger(w, "train")
    qtbot.waitUntil(lambda: loss_points(w) > 0, timeout=PATIENCE_MS)
    w.document.undo_stack.setClean()
    assert w.close()
    assert not w.training.thread.isRunning()
    assert threading.active_count() <= threads_before
    assert w.training.trainer is None and not multiprocessing.active_children()


def test_train_steps_then_pauses_after_n_steps(qtbot, window):
    done = []
    window.training.dashboard.show_page("Layer")
    window.train_steps_then(30, lambda: done.append(window.training.trainer.step))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)
    assert done == [30] and window.training.state == "paused"


def test_the_worker_emits_at_most_about_30_batches_a_second(qtbot, window):
    import time
    from gui.training.worker import EMIT_HZ
    batches = []
    window.training.worker.batchReady.connect(batches.append)
    t0 = time.perf_counter()
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 400, timeout=PATIENCE_MS)
    pause_and_settle(qtbot, window)
    elapsed = time.perf_counter() - t0
    # throttled, not lossy: every step reached the loss curve (the curve is the measure: a
    # batch flushed at the pause may reach this list's callable by another connection path)
    qtbot.waitUntil(lambda: loss_points(window) == window.training.trainer.step, timeout=PATIENCE_MS)
    assert len(batches) <= EMIT_HZ * elapsed + 3


def test_side_by_side_feeds_every_view_and_the_node_previews(qtbot, window):
    c, d = window.training, window.training.dashboard
    window.view.scene().select_nodes(["h1"])
    d.side_check.click()
    assert d.splitter.isVisible() and d.boundary.isVisible() and d.loss.isVisible()
    trigger(window, "train")
    qtbot.waitUntil(lambda: not (d.boundary.is_empty or d.confusion.is_empty
                                 or d.histograms.is_empty or d.feature_maps.is_empty),
                    timeout=PATIENCE_MS)
    assert d.confusion.matrix.sum() == 80                     # the validation set
    items = window.view.scene().node_items
    assert all(item.has_preview() for item in items.values())
    c.preview_action.trigger()                                # View > Live previews off
    assert not any(item.has_preview() for item in items.values())
    assert c.worker.probes.nodes == ("h1",)                   # only what a view shows


class _Cyclic:
    """Garbage only the cyclic collector frees; records the thread that freed it."""
    freed_on: list = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cyclic.freed_on.append(threading.current_thread().name)


def test_garbage_is_collected_on_the_gui_thread_while_training(qtbot, window):
    """A collection on the training thread freed the GUI's Qt objects there: Qt's
    connection lock and the GIL, taken in opposite orders by the two threads, hung the
    test suite for good. During a run only the GUI thread collects."""
    import gc
    _Cyclic.freed_on = []
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 0, timeout=PATIENCE_MS)
    for _ in range(50):
        _Cyclic()
    # the GUI thread now mostly waits: the training thread allocates, so before the fix
    # it was the one to run the next collection
    qtbot.waitUntil(lambda: len(_Cyclic.freed_on) == 50, timeout=PATIENCE_MS)
    assert set(_Cyclic.freed_on) == {threading.main_thread().name}
    assert not gc.isenabled() and window.training.collector.active
    trigger(window, "stop")
    qtbot.waitUntil(lambda: window.training.state == "stopped", timeout=PATIENCE_MS)
    assert gc.isenabled() and not window.training.collector.active
