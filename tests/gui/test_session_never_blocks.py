"""The window never blocks on the training process's pipe. A process sending a probe bigger
than the socket's buffers while the window sent controls by the thousand deadlocked both (the
suite hung in test_training_controller.py); a process frozen in the middle of a message froze
the window's read. A watchdog kills the process if the window is stuck, so a regression fails
here instead of hanging the suite."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading

import pytest

import gui.training.session as session_module
from engine.training.messages import ProbeRequest
from gui.training.session import RunSession
from gui.training.states import PAUSED, STOPPED
from tests.engine.test_channel_no_deadlock import BIG_BYTES, CONTROLS, BigProbeTrainer, xor
from tests.gui.waits import PATIENCE_MS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP freezes a process")

STUCK_S = 30          # the window stuck this long in one call: kill the process to free it


@pytest.fixture
def session(qtbot):
    s = RunSession()
    yield s
    s.drop()
    assert not multiprocessing.active_children()


class Watchdog:
    """Kills ``pid`` if the block takes STUCK_S: a blocked send or read then returns."""

    def __init__(self, pid: int):
        self.pid, self.fired = pid, False
        self._timer = threading.Timer(STUCK_S, self._kill)

    def _kill(self):
        self.fired = True
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()


def paused_run(qtbot, session) -> RunSession:
    session.adopt(BigProbeTrainer(xor()))
    assert session.train(pause_after=0)
    qtbot.waitUntil(lambda: session.state == PAUSED, timeout=PATIENCE_MS)
    return session


def test_controls_by_the_thousand_during_a_huge_probe_reach_the_process(qtbot, session):
    paused_run(qtbot, session)
    probes = []
    session.probeArrived.connect(probes.append)
    lrs = [0.001 + i * 1e-6 for i in range(CONTROLS)]
    with Watchdog(session.process.child_pid) as dog:     # the GUI thread, no event loop
        session.set_probes(ProbeRequest(kinds={"confusion": None}))
        for lr in lrs:
            session.set_lr(lr)
    assert not dog.fired, "the window blocked writing to the training process"
    qtbot.waitUntil(lambda: bool(probes), timeout=PATIENCE_MS)
    assert probes[-1].get("big").nbytes == BIG_BYTES
    steps = []
    session.pausedAt.connect(steps.append)
    assert session.step()             # after every control waiting: the last rate is used
    qtbot.waitUntil(lambda: bool(steps), timeout=PATIENCE_MS)
    assert session.process.lr == pytest.approx(lrs[-1])


def test_controls_the_pipe_had_no_room_for_go_out_when_it_has(qtbot, session):
    paused_run(qtbot, session)
    pid = session.process.child_pid
    os.kill(pid, signal.SIGSTOP)     # it reads nothing: its end of the pipe fills up
    try:
        lrs = [0.001 + i * 1e-6 for i in range(CONTROLS)]
        with Watchdog(pid) as dog:
            for lr in lrs:
                session.set_lr(lr)
        assert not dog.fired, "the window blocked writing to a frozen process"
        assert session.process.wants_write
    finally:
        os.kill(pid, signal.SIGCONT)
    # the paused process reads and sends nothing back: the pipe's room alone sends the rest
    qtbot.waitUntil(lambda: not session.process.wants_write, timeout=PATIENCE_MS)
    steps = []
    session.pausedAt.connect(steps.append)
    assert session.step()
    qtbot.waitUntil(lambda: bool(steps), timeout=PATIENCE_MS)
    assert session.process.lr == pytest.approx(lrs[-1])


def test_a_process_frozen_mid_message_leaves_the_window_free_and_stop_ends_it(
        qtbot, session, monkeypatch):
    monkeypatch.setattr(session_module, "STOP_TIMEOUT_S", 0.5)
    paused_run(qtbot, session)
    session.set_probes(ProbeRequest(kinds={"confusion": None}))
    assert session.process.wait(PATIENCE_MS / 1000)      # the probe's first bytes are here
    pid = session.process.child_pid
    os.kill(pid, signal.SIGSTOP)
    try:
        with Watchdog(pid) as dog:
            for i in range(CONTROLS):
                session.read()
                session.set_lr(0.01 + i * 1e-6)
        assert not dog.fired, "the window blocked on a process frozen mid-message"
        forced = []
        session.forcedStop.connect(forced.append)
        session.stop()
        qtbot.waitUntil(lambda: session.state == STOPPED, timeout=PATIENCE_MS)
        assert forced and not multiprocessing.active_children()
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
