"""The training states, what the status bar says in each, and which actions they allow.

idle (no run yet, or weights just reset) -> running <-> paused -> stopping -> stopped
(Train continues the same run) or finished (completed / diverged / failed: Train starts a
new run)."""
from __future__ import annotations

IDLE, RUNNING, PAUSED, STOPPING, STOPPED, FINISHED = (
    "idle", "running", "paused", "stopping", "stopped", "finished")
ACTIVE = (RUNNING, PAUSED, STOPPING)        # a run exists: the document is locked


def state_text(state: str, step: int | None, last_finish) -> str:
    """The status bar's training field."""
    at = f" at step {step}" if step is not None else ""
    if state == FINISHED and last_finish is not None:
        return {"completed": f"Finished ({last_finish.epochs} epochs)",
                "diverged": "Diverged: lower the learning rate"}.get(last_finish.reason,
                                                                     "Finished")
    return {IDLE: "Not training", RUNNING: "Training…", PAUSED: f"Paused{at}",
            STOPPING: "Stopping…", STOPPED: f"Stopped{at}", FINISHED: "Finished"}[state]


def enable_actions(actions: dict, state: str) -> None:
    """Enable and name the Train / Pause / Step / Stop / Reset actions for ``state``."""
    actions["train"].setEnabled(state not in (RUNNING, STOPPING))
    actions["train"].setText({PAUSED: "&Resume", STOPPED: "&Continue"}.get(state, "&Train"))
    actions["pause"].setEnabled(state == RUNNING)
    actions["step"].setEnabled(state != STOPPING)
    actions["stop"].setEnabled(state in (RUNNING, PAUSED))
    actions["reset"].setEnabled(state != STOPPING)
