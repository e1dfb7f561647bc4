"""The states of a run, the one table of their transitions, what the status bar says in each
and which actions each allows. No widgets here: the table is tested on its own.

idle (no run yet, or weights just reset) -> running <-> paused -> stopping -> stopped
(Train continues the same run) or finished (completed / diverged / failed: Train starts a
new run).
"""
from __future__ import annotations

from enum import StrEnum

from gui.i18n import translate


class RunState(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"
    STOPPED = "stopped"
    FINISHED = "finished"


IDLE, RUNNING, PAUSED, STOPPING, STOPPED, FINISHED = RunState
ACTIVE = (RUNNING, PAUSED, STOPPING)        # a run exists: the document is locked

# What the user asks (train, pause, step, stop, reset) and what the training process says
# (paused: it reached the step it was asked to pause at; stopped, ended, failed), per state.
# A pair that is not in the table is refused: the state stays as it is.
_ENDINGS = {"stopped": STOPPED, "ended": FINISHED, "failed": FINISHED}
TRANSITIONS: dict[tuple[RunState, str], RunState] = {
    **{(s, "train"): RUNNING for s in (IDLE, PAUSED, STOPPED, FINISHED)},
    **{(s, "step"): PAUSED for s in (IDLE, RUNNING, PAUSED, STOPPED, FINISHED)},
    **{(s, "reset"): IDLE for s in (IDLE, STOPPED, FINISHED)},
    (RUNNING, "pause"): PAUSED,
    **{(s, "paused"): PAUSED for s in (RUNNING, PAUSED)},
    **{(s, "stop"): STOPPING for s in (RUNNING, PAUSED)},
    **{(s, event): end for s in ACTIVE for event, end in _ENDINGS.items()},
}


def next_state(state: RunState, event: str) -> RunState | None:
    """The state ``event`` leads to from ``state``; None if it is not allowed there."""
    return TRANSITIONS.get((state, event))


def state_text(state: RunState, step: int | None, last_finish) -> str:
    """The status bar's training field."""
    if state == FINISHED and last_finish is not None:
        if last_finish.reason == "completed":
            return translate("TrainingStates", "Finished ({n} epochs)").format(n=last_finish.epochs)
        if last_finish.reason == "diverged":
            return translate("TrainingStates", "Diverged: lower the learning rate")
        return translate("TrainingStates", "Finished")
    if state == PAUSED and step is not None:
        return translate("TrainingStates", "Paused at step {step}").format(step=step)
    if state == STOPPED and step is not None:
        return translate("TrainingStates", "Stopped at step {step}").format(step=step)
    return {
        IDLE: translate("TrainingStates", "Not training"),
        RUNNING: translate("TrainingStates", "Training…"),
        PAUSED: translate("TrainingStates", "Paused"),
        STOPPING: translate("TrainingStates", "Stopping…"),
        STOPPED: translate("TrainingStates", "Stopped"),
        FINISHED: translate("TrainingStates", "Finished"),
    }[state]


def enable_actions(actions: dict, state: RunState, can_continue: bool = True) -> None:
    """Enable and name the Train / Pause / Step / Stop / Reset actions for ``state``
    (``can_continue`` False: a stopped run whose process was ended, Train starts anew)."""
    allowed = {event for (s, event) in TRANSITIONS if s == state}
    actions["train"].setEnabled("train" in allowed)
    if state == PAUSED:
        name = translate("TrainingStates", "&Resume")
    elif state == STOPPED and can_continue:
        name = translate("TrainingStates", "&Continue")
    else:
        name = translate("TrainingStates", "&Train")
    actions["train"].setText(name)
    actions["pause"].setEnabled("pause" in allowed)
    actions["step"].setEnabled("step" in allowed)
    actions["stop"].setEnabled("stop" in allowed)
    actions["reset"].setEnabled(state != STOPPING)   # an active run is stopped first
