"""A learner's progress, remembered between sessions in the settings ("lessons/..." keys):
the steps done (a step stays done once its check held), the lesson shown and its step,
and whether the lessons were offered on first start."""
from __future__ import annotations

from PySide6.QtCore import QSettings

DONE = "lessons/done"              # ["13:0", "13:1", ...]: concept:step index
CURRENT = "lessons/current"        # the concept shown
STEP = "lessons/step"              # its step index
OFFERED = "lessons/offered"        # True once the first start opened the dock


def _settings() -> QSettings:
    # QSettings(): the app's organisation and name (Netwright), in the format the tests
    # point at a temporary folder; QSettings("Netwright", "Netwright") always reads ~/.config
    return QSettings()


def _as_list(value) -> list[str]:
    if isinstance(value, str):             # QSettings gives a bare string for a 1-item list
        return [value] if value else []
    return [str(v) for v in value or []]


def _as_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class Progress:
    """Read once, written at every change (a crash loses nothing)."""

    def __init__(self):
        s = _settings()
        self._done = set(_as_list(s.value(DONE, [])))
        self.current = _as_int(s.value(CURRENT, 0), 0)      # 0: none chosen yet
        self.step = max(0, _as_int(s.value(STEP, 0), 0))

    def is_done(self, concept: int, step: int) -> bool:
        return f"{concept}:{step}" in self._done

    def done_steps(self, concept: int) -> int:
        return sum(1 for key in self._done if key.split(":")[0] == str(concept))

    def mark_done(self, concept: int, step: int) -> bool:
        """True if the step was not done before."""
        key = f"{concept}:{step}"
        if key in self._done:
            return False
        self._done.add(key)
        _settings().setValue(DONE, sorted(self._done))
        return True

    def set_position(self, concept: int, step: int) -> None:
        self.current, self.step = concept, step
        s = _settings()
        s.setValue(CURRENT, concept)
        s.setValue(STEP, step)

    def reset(self) -> None:
        self._done.clear()
        s = _settings()
        s.remove(DONE)
        s.setValue(STEP, 0)
        self.step = 0


def first_start() -> bool:
    """True the first time it is asked on this machine (the flag is set then)."""
    s = _settings()
    if s.value(OFFERED, False) in (True, "true"):
        return False
    s.setValue(OFFERED, True)
    return True
