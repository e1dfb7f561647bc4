"""Issue 13, item 12: Stop had no timeout. With the training process frozen (SIGSTOP here),
the window stayed "stopping" with every training action disabled. Now Stop ends the process
after STOP_TIMEOUT_S, says so, and the training actions work again."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys

import pytest

import gui.training.session as session_module
from gui.training.states import PAUSED, RUNNING, STOPPED, STOPPING
from tests.gui.test_training_controller import make_window, xor_network
from tests.gui.waits import PATIENCE_MS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP freezes a process")

TIMEOUT_S = 0.5


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(session_module, "STOP_TIMEOUT_S", TIMEOUT_S)
    w = make_window(qtbot, xor_network())
    w.training.set_previews(False)      # no probes: a frozen child is never mid-way in one
    frozen = []
    yield w, frozen
    for pid in frozen:                  # a failed test must not leave a stopped process
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    w.document.undo_stack.setClean()
    w.training.shutdown()
    assert not multiprocessing.active_children()


def freeze(w, frozen) -> int:
    pid = w.training.trainer.child_pid
    frozen.append(pid)
    os.kill(pid, signal.SIGSTOP)
    return pid


def actions(w) -> dict:
    return {k: (a.isEnabled(), a.text()) for k, a in w.training_actions.items()}


def assert_ended_and_usable(qtbot, w, expected_words: str) -> None:
    qtbot.waitUntil(lambda: w.training.state == STOPPED, timeout=PATIENCE_MS)
    assert not multiprocessing.active_children()            # the frozen child is gone
    message = (f"The training process did not stop within {TIMEOUT_S:g} s and was ended; "
               f"{expected_words}. Train starts a new run.")
    assert w.status.currentMessage() == message
    assert w.training.dashboard.banner.text == message
    assert not w.document.locked
    state = actions(w)
    assert state["train"] == (True, "&Train") and state["step"][0] and state["reset"][0]
    assert not state["stop"][0]


def test_stop_ends_a_frozen_paused_process_and_keeps_its_last_weights(window, qtbot):
    w, frozen = window
    assert w.training.train(pause_after=25)
    qtbot.waitUntil(lambda: w.training.state == PAUSED and w.training.trainer.model_step == 25,
                    timeout=PATIENCE_MS)
    weights = w.training.session.trainer.model.by_id["h1"].layer.weights["weight"].copy()
    freeze(w, frozen)
    w.training_actions["stop"].trigger()
    assert w.training.state == STOPPING and not actions(w)["stop"][0]
    assert_ended_and_usable(qtbot, w, "the weights of step 25, the last it sent, are kept")
    kept = w.training.session.trainer.model.by_id["h1"].layer.weights["weight"]
    assert (kept == weights).all()

    # Train works again: a new run in a new process, which stops normally
    w.training_actions["train"].trigger()
    qtbot.waitUntil(lambda: w.training.state == RUNNING and w.training.trainer.step > 0,
                    timeout=PATIENCE_MS)
    assert w.training.run_id == 2 and w.training.trainer.child_pid not in frozen
    w.training_actions["stop"].trigger()
    qtbot.waitUntil(lambda: w.training.state == STOPPED, timeout=PATIENCE_MS)
    assert actions(w)["train"] == (True, "&Continue")


def test_stop_ends_a_process_frozen_while_running(window, qtbot):
    w, frozen = window
    w.training_actions["train"].trigger()
    qtbot.waitUntil(lambda: w.training.trainer.step > 0, timeout=PATIENCE_MS)
    freeze(w, frozen)
    w.training_actions["stop"].trigger()
    assert_ended_and_usable(qtbot, w, "it had sent no weights, so the run keeps its starting "
                                      "weights")


def test_a_stop_answered_in_time_is_not_cut_short(window, qtbot, monkeypatch):
    monkeypatch.setattr(session_module, "STOP_TIMEOUT_S", 30.0)   # whatever the load here
    w, _ = window
    w.training_actions["train"].trigger()
    qtbot.waitUntil(lambda: w.training.trainer.step > 0, timeout=PATIENCE_MS)
    w.training_actions["stop"].trigger()
    qtbot.waitUntil(lambda: w.training.state == STOPPED, timeout=PATIENCE_MS)
    assert not w.training.session._stop_timer.isActive()
    assert w.training.session.can_continue
    assert actions(w)["train"] == (True, "&Continue")
