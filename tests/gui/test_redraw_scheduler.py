"""The redraw scheduler: a new run's views appear promptly, one paint per tick after that,
within the GUI's CPU budget."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from gui.training.scheduler import RedrawScheduler
from tests.gui.waits import PATIENCE_MS


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


def test_a_new_runs_first_picture_comes_at_once_later_ones_wait_for_the_tick(views, qtbot):
    """Train to the first chart point: a view's first draw of a run waited for a tick
    (60 ms); it now comes at the next pass of the event loop."""
    s, drawn = RedrawScheduler(tick_ms=10_000), []
    s.mark(views[0], lambda: drawn.append(0))
    qtbot.waitUntil(lambda: drawn == [0], timeout=2_000)      # far before the 10 s tick
    s.mark(views[0], lambda: drawn.append(0))
    QCoreApplication.processEvents()                          # the next passes of the loop
    QCoreApplication.processEvents()
    assert drawn == [0]                                       # drawn before: waits its tick


QUIET_ROUNDS = 5          # rounds of event processing in a row without a paint: done
MAX_ROUNDS = 500


def paints_of(widget, qtbot, action) -> int:
    """How many times ``widget``'s plots are painted from ``action()`` until the event
    loop has nothing left to do. A paint that moves items or resizes an axis posts the
    next paint: events are processed until several rounds in a row bring no paint."""
    import pyqtgraph as pg
    viewports = {plot.viewport() for plot in widget.findChildren(pg.GraphicsView)}

    class Count(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj in viewports:
                Count.n += 1
            return False
    counter = Count()
    app = QCoreApplication.instance()
    app.installEventFilter(counter)
    try:
        action()
        qtbot.waitUntil(lambda: Count.n >= 1, timeout=PATIENCE_MS)
        quiet = rounds = 0
        while quiet < QUIET_ROUNDS:     # paints that cause layouts that cause paints
            before = Count.n
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
            quiet = quiet + 1 if Count.n == before else 0
            rounds += 1
            assert rounds < MAX_ROUNDS, f"still painting after {rounds} rounds"
    finally:
        app.removeEventFilter(counter)
    return Count.n


def test_a_redraw_costs_one_paint(qtbot):
    """Paints are the dearest part of a live view and they spend the GUI's CPU budget (the
    training process has the other core). A redraw cost two to five: pyqtgraph moved the
    items and narrowed the axis for shorter labels while painting, and each change asked
    for another paint. Driven as a run drives the dashboard: a chunk of steps in, then the
    scheduler draws every view that took them."""
    from gui.training.dashboard import Dashboard
    from gui.training.views.grad_norms import GradNormView
    from gui.training.views.loss import LossView
    from gui.training.views.lr import LearningRateView
    from gui.training.views.metric import MetricView
    from tests.gui.test_training_views import a_chunk, a_run, epoch_event
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1200, 330)
    d.show()
    qtbot.waitExposed(d)
    d.start_run(a_run(n_batches=10, layer_ids=["h1", "out"]))

    def chunk(first: int, last: int, scale: float):
        """Steps first..last, ending an epoch, with losses and norms of about ``scale``."""
        steps = tuple(range(first, last + 1))
        losses = scale * (0.5 + 0.1 * np.sin(np.arange(len(steps))))
        end = epoch_event(epoch=last // 10, step=last, train_loss=0.5 * scale,
                          val_loss=0.6 * scale,
                          metrics={"train_accuracy": 0.6, "val_accuracy": 0.7})
        return a_chunk(steps=steps, losses=tuple(losses), epochs=[end],
                       norms={"h1": 0.3 * scale, "out": 0.05 * scale})

    loss = d.view(LossView)
    d.add_chunk(chunk(1, 10, 10_000.0))                        # long tick labels
    assert paints_of(loss, qtbot, d.redraw_visible) >= 1
    d.add_chunk(chunk(11, 400, 1.0))                           # shorter ones
    assert paints_of(loss, qtbot, d.redraw_visible) == 1
    last = 400
    for view in (loss, d.view(LearningRateView), d.view(GradNormView), d.view(MetricView)):
        d.add_chunk(chunk(last + 1, last + 200, 1.1))
        last += 200
        assert d.scheduler.is_pending(view)
        assert paints_of(view, qtbot, d.redraw_visible) == 1, type(view).__name__
