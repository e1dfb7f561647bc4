"""Spreading the views' redraws over time.

Painting a pyqtgraph plot costs several milliseconds of the GUI thread. Redrawing every
view at once would stall the event loop for the sum of all paints, and on a 2-core machine
the window would take CPU from the training process. So views only say "I have new data";
one visible view is drawn per tick (the one waiting longest), which bounds the stall to one
paint. The tick adapts so that the GUI thread uses about CPU_BUDGET of a core (measured
with time.thread_time): with many views on screen each one is redrawn less often, and
training keeps its pace.

Two exceptions keep a new run from looking dead: a view that has not been drawn since the
run started is drawn at the next pass of the event loop, before the others, and the tick
does not lengthen while one waits.
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
        self._pending: dict = {}           # view -> {what: draw callable}, oldest view first
        self._drawn: set = set()           # views drawn since the run started
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.min_tick = self.tick = tick_ms
        self._window_start = (time.perf_counter(), time.thread_time())
        self._soon = False                 # a tick for a first draw is on its way

    def new_run(self) -> None:
        """Every view's next draw is a first draw again (it goes first)."""
        self._drawn.clear()
        self.tick = self.min_tick
        self.timer.setInterval(self.tick)

    def mark(self, view, draw, what: str = "data") -> None:
        """``view`` has new data; ``draw()`` shows it (called later, once). A view marked for
        several things (steps and a probe) draws each at its turn; a second mark of the
        same thing before the turn replaces the first."""
        self._pending.setdefault(view, {})[what] = draw
        self._start_ticking()
        if view not in self._drawn and not self._soon:
            self._soon = True                  # a new run's first picture: now, not in a tick
            QTimer.singleShot(0, self, self._first_draw)

    def _first_draw(self) -> None:
        self._soon = False
        if self._first_draw_waiting():
            self._tick()

    def kick(self) -> None:
        """Visibility changed: views that were hidden may now be drawn."""
        if self._pending:
            self._start_ticking()

    def _start_ticking(self) -> None:
        """Start the timer if it stopped (nothing to draw: paused, hidden). The CPU budget
        is measured from now: a window that spans the idle time would look nearly idle
        and shorten the tick, so every resume began with the GUI over its budget."""
        if not self.timer.isActive():
            self._window_start = (time.perf_counter(), time.thread_time())
            self.timer.start()

    def _adapt(self) -> None:
        """Lengthen the tick while the GUI thread is busier than the budget (unless a view
        waits for its first draw), shorten it when it is well below."""
        wall0, cpu0 = self._window_start
        wall, cpu = time.perf_counter(), time.thread_time()
        if wall - wall0 < WINDOW_S:
            return
        duty = (cpu - cpu0) / (wall - wall0)
        if duty > CPU_BUDGET and not self._first_draw_waiting():
            self.tick = min(MAX_TICK_MS, int(self.tick * 1.4) + 1)
        elif duty < 0.6 * CPU_BUDGET:
            self.tick = max(self.min_tick, int(self.tick / 1.4))
        self.timer.setInterval(self.tick)
        self._window_start = (wall, cpu)

    def _first_draw_waiting(self) -> bool:
        return any(v not in self._drawn and v.isVisible() for v in self._pending)

    def _tick(self) -> None:
        self._adapt()
        visible = [v for v in self._pending if v.isVisible()]
        if not visible:
            self.timer.stop()              # only hidden views wait: kick() restarts
            return
        view = next((v for v in visible if v not in self._drawn), visible[0])
        self._draw(view)

    def _draw(self, view) -> None:
        for draw in self._pending.pop(view).values():
            draw()
        self._drawn.add(view)
        settle = getattr(view, "settle", None)
        if settle is not None:
            settle()

    def flush(self) -> None:
        """Draw every visible view that waits (paused, stopped, screenshots)."""
        for view in [v for v in self._pending if v.isVisible()]:
            self._draw(view)

    def is_pending(self, view) -> bool:
        return view in self._pending
