"""The window's end of the training pipe never blocks: a child sending a probe bigger than the
socket's buffers while the window sends controls by the thousand (a slider dragged, views
changed) deadlocked both, each blocked in its own send (the suite hung in
tests/gui/test_training_controller.py). The window now queues what the pipe cannot take, keeps
only the latest learning rate and probe request of those waiting, and reads without blocking;
a child frozen in the middle of a message leaves the window free."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from engine.graph.network import Network
from engine.training.messages import Paused, ProbeEvent, ProbeRequest
from engine.training.process import TrainingProcess
from engine.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
BIG_BYTES = 10_000_000       # far more than a socket's buffers (~200 KB each way)
CONTROLS = 10_000
WAIT_S = 60                  # generous: the machine may be loaded; a deadlock never ends


class BigProbeTrainer(Trainer):
    """Every probe carries BIG_BYTES more (importable by the child by name)."""

    def _probe(self, req, fresh=False):
        event = super()._probe(req, fresh)
        return ProbeEvent(event.step, event.epoch,
                          {**event.results, "big": np.ones(BIG_BYTES // 8)})


def xor() -> Network:
    return Network.load(EXAMPLES / "xor_mlp.nw.json")


def until(proc: TrainingProcess, wanted) -> list:
    """Messages up to the first one ``wanted(message)`` is true of, within WAIT_S."""
    got, deadline = [], time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if proc.wait(deadline - time.monotonic()):
            for message in proc.receive():
                got.append(message)
                if wanted(message):
                    return got
    raise AssertionError(f"not within {WAIT_S} s; got {[type(m).__name__ for m in got]}")


def paused(proc):
    return lambda m: isinstance(m, Paused) and proc.is_current(m)


def in_thread(work) -> threading.Thread:
    """``work`` in a thread, so that a deadlock fails the test instead of hanging it."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(WAIT_S)
    return thread


def test_a_flood_of_controls_during_a_huge_probe_neither_blocks_nor_deadlocks(process):
    proc = process(BigProbeTrainer(xor()))
    proc.pause_at(0)
    proc.run()
    until(proc, paused(proc))
    lrs = [0.001 + i * 1e-6 for i in range(CONTROLS)]

    def flood():                     # the child answers the probe at once (it is paused)
        proc.set_probes(ProbeRequest(kinds={"confusion": None}))
        for lr in lrs:
            proc.set_lr(lr)
    assert not in_thread(flood).is_alive(), "the window blocked writing to the pipe"
    probe = [m for m in until(proc, lambda m: isinstance(m, ProbeEvent))][-1]
    assert probe.get("big").nbytes == BIG_BYTES and probe.get("big").all()
    proc.step_once()                 # after every control: the child took the last rate
    until(proc, paused(proc))
    assert proc.lr == pytest.approx(lrs[-1])
    assert proc.trainer.lr == pytest.approx(lrs[-1])


def test_the_window_never_blocks_on_a_child_frozen_mid_message(process):
    proc = process(BigProbeTrainer(xor()))
    proc.pause_at(0)
    proc.run()
    until(proc, paused(proc))
    proc.set_probes(ProbeRequest(kinds={"confusion": None}))
    assert proc.wait(WAIT_S)         # the probe's first bytes are here: freeze the child
    os.kill(proc.child_pid, signal.SIGSTOP)
    try:
        def window():                # what the window does: read what is there, send more
            for lr in [0.01 + i * 1e-6 for i in range(CONTROLS)]:
                proc.receive()
                proc.set_lr(lr)
        assert not in_thread(window).is_alive(), "the window blocked on a frozen child"
    finally:
        os.kill(proc.child_pid, signal.SIGCONT)
    until(proc, lambda m: isinstance(m, ProbeEvent))    # and the message arrives whole
