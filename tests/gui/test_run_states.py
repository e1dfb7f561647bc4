"""The run's states without a window: the one transition table, the actions it enables, and
a RunSession driving a real training process on a bare event loop."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine.graph.network import Network
from engine.training.trainer import Trainer
from gui.training.states import (ACTIVE, FINISHED, IDLE, PAUSED, RUNNING, STOPPED, STOPPING,
                                 TRANSITIONS, RunState, enable_actions, next_state)
from tests.gui.waits import PATIENCE_MS

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
USER_EVENTS = ("train", "pause", "step", "stop", "reset")


@pytest.mark.parametrize("path, end", [
    (["train", "pause", "train", "stop", "stopped", "train"], RUNNING),   # continue a stopped run
    (["step", "paused", "step", "paused", "train"], RUNNING),
    (["train", "paused"], PAUSED),                       # --train-steps: it paused itself
    (["train", "ended"], FINISHED),
    (["train", "stop", "failed", "reset"], IDLE),
])
def test_a_sequence_of_events_ends_in_the_expected_state(path, end):
    state = IDLE
    for event in path:
        state = next_state(state, event)
        assert state is not None, f"{event} refused"
    assert state == end


def test_nothing_but_the_process_can_leave_stopping_and_a_run_ends_only_when_active():
    assert {e for (s, e) in TRANSITIONS if s == STOPPING} == {"stopped", "ended", "failed"}
    for event in ("stopped", "ended", "failed"):
        assert {s for (s, e) in TRANSITIONS if e == event} == set(ACTIVE)
    assert next_state(IDLE, "pause") is None and next_state(RUNNING, "reset") is None


class _Action:
    def __init__(self):
        self.enabled, self.text = None, ""

    def setEnabled(self, on):
        self.enabled = on

    def setText(self, text):
        self.text = text


@pytest.mark.parametrize("state", list(RunState))
def test_the_actions_allowed_are_the_transitions_of_the_table(state):
    actions = {name: _Action() for name in USER_EVENTS}
    enable_actions(actions, state)
    for name in ("train", "pause", "step", "stop"):
        assert actions[name].enabled == (next_state(state, name) is not None), name
    assert actions["train"].text == {PAUSED: "&Resume", STOPPED: "&Continue"}.get(state, "&Train")


# ---- a session on a real training process ----------------------------------------------------
@pytest.fixture
def session(qtbot):
    from gui.training.session import RunSession
    net = Network.load(EXAMPLES / "xor_mlp.nw.json")
    net.set_training({**net.training, "epochs": 100_000})
    s = RunSession()
    s.adopt(Trainer(net))
    yield s
    s.drop()


def test_the_session_pauses_where_asked_answers_stop_and_continues(qtbot, session):
    states = []
    session.stateChanged.connect(states.append)
    chunks = []
    session.chunkArrived.connect(chunks.append)
    with qtbot.waitSignal(session.pausedAt, timeout=PATIENCE_MS) as paused:
        assert session.train(pause_after=25)
    assert paused.args == [25] and session.state == PAUSED
    assert chunks[-1].last_step == 25 and session.trainer.step == 25     # weights taken over
    with qtbot.waitSignal(session.ended, timeout=PATIENCE_MS) as ended:
        session.stop()
    assert ended.args[0].reason == "stopped" and session.state == STOPPED
    with qtbot.waitSignal(session.pausedAt, timeout=PATIENCE_MS):
        session.train(pause_after=5)                     # Continue: the same run goes on
    assert session.trainer.step == 30
    assert states == [RUNNING, PAUSED, STOPPING, STOPPED, RUNNING, PAUSED]


def test_the_session_refuses_what_its_state_does_not_allow(qtbot, session):
    session.pause()                                      # idle: nothing to pause
    session.stop()
    assert session.state == IDLE
    with qtbot.waitSignal(session.pausedAt, timeout=PATIENCE_MS) as paused:
        assert session.step()
    assert paused.args == [1] and session.state == PAUSED
    assert session.train() and session.state == RUNNING       # Resume
