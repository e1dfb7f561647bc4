"""Spreading the views' redraws over time.

Painting a pyqtgraph plot costs several milliseconds of the GUI thread, and while the GUI
thread runs Python the training thread waits for the GIL. Redrawing every view at once
would stall the event loop for the sum of all paints and take a large share of the
trainer's time. So views only say "I have new data"; one visible view is drawn per tick
(the one waiting longest), which bounds the stall to one paint. The tick adapts so that
the GUI thread uses about CPU_BUDGET of a core (measured with time.thread_time): with
many views on screen each one is redrawn less often, and training keeps its pace.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

TICK_MS, MAX_TICK_MS = 60, 600
CPU_BUDGET = 0.06                # share of one core the GUI thread aims to stay under
WINDOW_S = 0.5                   # how often the tick is re-tuned


class RedrawScheduler(QObject):
    def __init__(self, parent=None, tick_ms: int = TICK_MS):
        super().__init__(parent)
        self._pending: dict = {}           # view -> draw callable, oldest first
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.min_tick = self.tick = tick_ms
        self._window_start = (time.perf_counter(), time.thread_time())

    def mark(self, view, draw) -> None:
        """``view`` has new data; ``draw()`` shows it (called later, once)."""
        if view not in self._pending:
            self._pending[view] = draw
        if not self.timer.isActive():
            self.timer.start()

    def kick(self) -> None:
        """Visibility changed: views that were hidden may now be drawn."""
        if self._pending and not self.timer.isActive():
            self.timer.start()

    def _adapt(self) -> None:
        """Lengthen the tick while the GUI thread is busier than the budget, shorten it
        when it is well below."""
        wall0, cpu0 = self._window_start
        wall, cpu = time.perf_counter(), time.thread_time()
        if wall - wall0 < WINDOW_S:
            return
        duty = (cpu - cpu0) / (wall - wall0)
        if duty > CPU_BUDGET:
            self.tick = min(MAX_TICK_MS, int(self.tick * 1.4) + 1)
        elif duty < 0.6 * CPU_BUDGET:
            self.tick = max(self.min_tick, int(self.tick / 1.4))
        self.timer.setInterval(self.tick)
        self._window_start = (wall, cpu)

    def _tick(self) -> None:
        self._adapt()
        for view, draw in self._pending.items():
            if view.isVisible():
                del self._pending[view]
                draw()
                return
        self.timer.stop()                  # only hidden views wait: kick() restarts

    def flush(self) -> None:
        """Draw every visible view that waits (paused, stopped, screenshots)."""
        for view, draw in list(self._pending.items()):
            if view.isVisible():
                del self._pending[view]
                draw()

    def is_pending(self, view) -> bool:
        return view in self._pending
