"""The redraw scheduler: a new run's views appear promptly, one paint per tick after that,
and ticks keep coming while queued batches keep Qt's event loop busy."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from gui.training.scheduler import RedrawScheduler


@pytest.fixture
def views(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    made = [QWidget(parent) for _ in range(3)]
    parent.show()
    yield made
    parent.close()


def test_a_view_not_yet_drawn_in_this_run_goes_before_older_ones(views):
    s, drawn = RedrawScheduler(), []
    a, b, c = views
    s.mark(a, lambda: drawn.append("a"))
    s._tick()
    s.mark(a, lambda: drawn.append("a"))       # waiting longest, but drawn before
    s.mark(b, lambda: drawn.append("b"))
    s._tick()
    s._tick()
    assert drawn == ["a", "b", "a"]
    s.new_run()                                # a new run: every view is new again,
    s.mark(a, lambda: drawn.append("a"))       # so the oldest goes first
    s.mark(c, lambda: drawn.append("c"))
    s._tick()
    assert drawn[-1] == "a"


def test_the_tick_does_not_lengthen_while_a_view_waits_for_its_first_draw(views, monkeypatch):
    s = RedrawScheduler()
    s.mark(views[0], lambda: None)
    s._window_start = (time.perf_counter() - 1.0, time.thread_time() - 1.0)   # 100 % busy
    s._adapt()
    assert s.tick == s.min_tick
    s._tick()                                  # drawn: from now on the budget applies
    s.mark(views[0], lambda: None)
    s._window_start = (time.perf_counter() - 1.0, time.thread_time() - 1.0)
    s._adapt()
    assert s.tick > s.min_tick


def test_time_spent_idle_does_not_shorten_the_tick(views):
    """While paused nothing is drawn and the timer stops. The GUI thread's duty was
    measured over a window that included that idle time, so every resume shortened the
    tick and the GUI spent two to three times its budget (11-21 % of a core)."""
    s = RedrawScheduler()
    s.mark(views[0], lambda: None)
    s._tick()                                  # drawn: the budget applies from now
    s.tick = 300
    s._tick()                                  # nothing waits: the timer stops (paused)
    assert not s.timer.isActive()
    s._window_start = (time.perf_counter() - 5.0, time.thread_time())   # 5 s idle
    s.mark(views[0], lambda: None)             # resumed: a batch
    wall0, cpu0 = s._window_start
    s._window_start = (wall0 - 1.0, cpu0 - 0.15)     # then 1 s at 15 % of a core
    s._adapt()
    assert s.tick > 300


def test_poll_draws_when_a_tick_is_due_without_the_timer(views):
    """Qt's glib loop runs a timer at idle priority once it has fired: a steady stream of
    queued batches held the views blank for seconds. poll() (called per batch) draws."""
    s, drawn = RedrawScheduler(), []
    s.mark(views[0], lambda: drawn.append(0))
    s.poll()                                   # no event loop in between: no timer tick
    assert drawn == [0]
    s.mark(views[1], lambda: drawn.append(1))
    s.poll()                                   # a tick ago: not due yet
    assert drawn == [0]
    s._last_tick -= s.tick / 1000.0
    s.poll()
    assert drawn == [0, 1]


def test_the_built_dashboard_leaves_no_polish_requests_for_a_run_to_wait_on(main_window):
    """~1,000 posted PolishRequests (pyqtgraph's hidden plot menus) were handled one by one
    while the first run held the GIL: the views stayed blank for seconds after Train."""
    class Count(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.PolishRequest:
                Count.n += 1
            return False
    counter = Count()
    QCoreApplication.processEvents()          # the window's own start-up polish: not counted
    main_window.training.dashboard
    QCoreApplication.instance().installEventFilter(counter)
    try:
        QCoreApplication.processEvents()
    finally:
        QCoreApplication.instance().removeEventFilter(counter)
    assert Count.n < 50


def paints_of(widget, qtbot, action) -> int:
    """How many times ``widget``'s plots are painted from ``action()`` until the event
    loop has nothing left to do."""
    import pyqtgraph as pg
    viewports = {plot.viewport() for plot in widget.findChildren(pg.GraphicsView)}

    class Count(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj in viewports:
                Count.n += 1
            return False
    counter = Count()
    QCoreApplication.instance().installEventFilter(counter)
    try:
        action()
        for _ in range(5):                  # paints that cause layouts that cause paints
            qtbot.wait(30)
    finally:
        QCoreApplication.instance().removeEventFilter(counter)
    return Count.n


def test_a_redraw_costs_one_paint(qtbot):
    """Paints are the dearest part of a live view and they hold the GIL the trainer needs.
    A redraw cost two to five: pyqtgraph moved the items and narrowed the axis for
    shorter labels while painting, and each change asked for another paint."""
    from gui.training.views.loss import LossView
    from tests.gui.test_training_views import a_batch
    view = LossView()
    qtbot.addWidget(view)
    view.resize(420, 260)
    view.show()
    qtbot.waitExposed(view)
    view.start_run(n_batches=10)
    s = RedrawScheduler()
    view.add(a_batch(steps=(1, 2, 3), losses=(9000.0, 7000.0, 5000.0)))   # long labels
    s.mark(view, view.redraw)
    assert paints_of(view, qtbot, s.flush) >= 1
    steps = tuple(range(4, 400))
    view.add(a_batch(steps=steps, losses=tuple(0.5 + 0.1 * np.sin(np.arange(len(steps))))))
    s.mark(view, view.redraw)
    assert paints_of(view, qtbot, s.flush) == 1
