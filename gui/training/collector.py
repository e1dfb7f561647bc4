"""While a run trains, Python's cyclic garbage collector runs on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate, and it frees every
unreachable object, the GUI's Qt wrappers included. A QObject destroyed on the training
thread takes one of Qt's connection locks and then waits for the GIL, while the GUI thread,
holding the GIL, destroys another QObject and waits for that lock: both threads hang for
good (seen in the test suite). So during a run automatic collection is off, and a timer on
the GUI thread collects instead.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_EVERY_MS = 1000
FULL_EVERY = 30                  # ticks between full (oldest generation) collections


class GuiThreadCollector(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(COLLECT_EVERY_MS)
        self.timer.timeout.connect(self.collect)
        self._ticks = 0
        self._restore = False

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if self.active:
            return
        self._restore = gc.isenabled()
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        """The run is over (its thread no longer runs Python): automatic collection again."""
        if not self.active:
            return
        self.timer.stop()
        if self._restore:
            gc.enable()

    def collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 1)
