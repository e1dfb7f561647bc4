"""The Curves page tells the truth: x ranges that end near the data and are the same on every
plot, epochs or steps on the x axis, a single step drawn, the learning rates used within the
y range, colours readable on white, keys that never cover the data, faded runs labelled with
what differs, a clean page for a new document, and a progress line that agrees with the
status bar. Views are driven as the dashboard drives them; the window tests train in a
training process and wait on conditions."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from tests.gui.test_training_views import a_chunk, a_run, epoch_event
from tests.gui.waits import PATIENCE_MS


HEADROOM = 1.06              # buffers.HEADROOM: the range ends this far past the data


def x_range(view) -> tuple[float, float]:
    return tuple(view.plot.getPlotItem().getViewBox().viewRange()[0])


def settings(**changes) -> dict:
    base = {"optimizer": "adam", "lr": "0.01", "batch size": "32", "seed": "0",
            "a1": "Tanh", "wiring": "in>h1:None"}
    return {**base, **changes}


# ---- one view at a time -------------------------------------------------------------------
def test_the_x_range_ends_near_the_data(qtbot):
    """It ran 50 % past the data (the range grew in 50 % jumps)."""
    from gui.training.views.loss import LossView
    view = LossView()
    qtbot.addWidget(view)
    view.start_run(a_run(n_batches=10))
    for first in range(1, 400, 7):
        steps = np.arange(first, first + 7)
        view.add_steps(a_chunk(steps=steps, losses=np.full(7, 0.5)))
        view.redraw()
        lo, hi = x_range(view)
        end = steps[-1] / 10
        assert lo == 0 and end <= hi <= end * HEADROOM ** 2 + 1e-9


def test_one_step_is_drawn_as_a_point(qtbot):
    """A line through one point draws nothing: the first step showed an empty plot."""
    from gui.training.views.grad_norms import GradNormView
    from gui.training.views.loss import LossView
    from gui.training.views.lr import LearningRateView
    chunk = a_chunk(steps=(1,), losses=(0.7,), norms={"h1": 0.1, "out": 0.2})
    for cls in (LossView, LearningRateView, GradNormView):
        view = cls()
        qtbot.addWidget(view)
        view.start_run(a_run(n_batches=10, layer_ids=["h1", "out"]))
        view.add_steps(chunk)
        view.redraw()
        curves = (view.curves.current if hasattr(view.curves, "current") else view.curves)
        for curve in curves.values():
            if len(curve):
                assert curve.item.opts["symbol"] is not None, cls.__name__
                x, _ = curve.item.getData()
                lo, hi = x_range(view)
                assert len(x) == 1 and lo < x[0] < hi, cls.__name__
    many = LossView()                        # a long curve is a line: markers only slow it
    qtbot.addWidget(many)
    many.start_run(a_run(n_batches=10))
    many.add_steps(a_chunk(steps=np.arange(1, 201), losses=np.ones(200)))
    many.redraw()
    assert many.curves["train"].item.opts["symbol"] is None


def test_the_accuracy_panel_says_when_it_appears(qtbot):
    """Paused at step 1 it said "press Train"."""
    from gui.training.views.metric import MetricView
    view = MetricView()
    qtbot.addWidget(view)
    view.start_run(a_run(n_batches=15))
    view.add_steps(a_chunk(steps=(1,), losses=(0.7,)))
    view.redraw()
    assert view.is_empty
    assert view.empty_text == "Accuracy appears when the first epoch ends (step 1 of 15)"
    view.start_run(a_run(n_batches=15, task="regression"))
    view.add_steps(a_chunk(steps=(1, 2), losses=(0.7, 0.6)))
    view.redraw()
    assert view.empty_text == "RMSE appears when the first epoch ends (step 2 of 15)"
    view.add_steps(a_chunk(steps=(15,), losses=(0.5,), epochs=[epoch_event(
        epoch=1, step=15, metrics={"train_rmse": 0.5, "val_rmse": 0.6})]))
    view.redraw()
    assert not view.is_empty


def test_the_learning_rate_range_holds_the_rates_used(qtbot):
    """A rate changed to 0.1 while training ran off the top of a plot fitted to the plan."""
    from gui.training.views.lr import LearningRateView
    view = LearningRateView()
    qtbot.addWidget(view)
    view.set_plan([0.01] * 10)
    view.start_run(a_run(n_batches=10))
    view.add_steps(a_chunk(steps=(1, 2), losses=(1, 1), lr=0.1))
    view.redraw()
    bottom, top = view.plot.getPlotItem().getViewBox().viewRange()[1]
    assert bottom == 0 and top >= 0.1


def test_depth_colours_are_readable_on_white():
    """The output layer's curve was viridis' pale yellow (contrast 1.3:1 on white)."""
    from gui.training.views.grad_norms import depth_colours

    def luminance(c) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    for n in (1, 2, 3, 6, 10):
        colours = depth_colours(n)
        assert len({c.name() for c in colours}) == n
        assert all(1.05 / (luminance(c) + 0.05) >= 2.2 for c in colours), n
        assert n == 1 or luminance(colours[0]) < luminance(colours[-1])   # dark: input


def test_gradient_norms_plot_every_sample_of_a_chunk(qtbot):
    """Only the last step's norms of each chunk were drawn: 5-12 points per run."""
    from engine.training.messages import StepChunk
    from gui.training.views.grad_norms import GradNormView
    view = GradNormView()
    qtbot.addWidget(view)
    view.start_run(a_run(n_batches=10, layer_ids=["h1", "out"]))
    steps = np.arange(1, 41)
    sampled = steps[::4]
    view.add_steps(StepChunk(steps=steps, epochs=(steps - 1) // 10 + 1, losses=np.ones(40),
                             lrs=np.full(40, 0.01), examples_per_sec=1.0,
                             grad_norms={"h1": 0.5, "out": 1.0}, norm_steps=sampled,
                             norm_series={"h1": np.full(10, 0.5), "out": np.zeros(10)}))
    view.redraw()
    x, y = view.curves["h1"].item.getData()
    np.testing.assert_allclose(x, sampled / 10)
    assert (view.curves["out"].series.y > 0).all()            # 0 is drawable on log


def test_keys_sit_under_the_plots_not_on_the_data(qtbot):
    """Legends inside the plots covered the loss on a log axis and the newest norms."""
    from gui.training.dashboard import Dashboard
    from gui.training.views.curves import CurvesView
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1400, 320)
    d.show()
    d.start_run(a_run(layer_ids=["h1", "out"], n_batches=3))
    d.add_chunk(a_chunk(norms={"h1": 0.1, "out": 0.2}, n_batches=3, epochs=[epoch_event(
        epoch=1, step=3, train_loss=0.6, metrics={"train_accuracy": 0.5})]))
    d.redraw_visible()
    views = [v for v in d.views if isinstance(v, CurvesView)]
    assert len(views) == 4
    for view in views:
        assert view.plot.getPlotItem().legend is None
        assert view.key.isVisible() and view.key.plain_text
        assert view.key.geometry().top() >= view.plot.geometry().bottom()


def min_size(widget):
    """What a page's layout gives a view at least (as gui/training/view_grid.min_size)."""
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def test_what_a_view_needs_does_not_change_between_runs(qtbot):
    """The page lays its views out by what they need: a view that needed more once its key
    named a faded run changed the columns between runs (and cut the gradient-norm plot)."""
    from gui.training.dashboard import Dashboard
    from gui.training.views.curves import CurvesView
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1400, 320)
    d.show()
    views = [v for v in d.views if isinstance(v, CurvesView)]
    before = [min_size(v) for v in views]
    layers = ["h1", "h2", "h3", "h4", "h5", "out"]
    for run_id, lr in enumerate(("0.01", "0.1", "0.3"), start=1):
        d.start_run(a_run(run_id=run_id, layer_ids=layers, settings=settings(
            lr=lr, a1=f"LeakyReLU(negative_slope={lr})", seed=str(run_id))))
        d.add_chunk(a_chunk(norms=dict.fromkeys(layers, 0.1)))
        d.redraw_visible()
    assert "run 2: lr 0.1, seed 2, a1 LeakyReLU(negative_slope=0.1)" in views[0].key.plain_text
    assert [min_size(v) for v in views] == before


# ---- the page ------------------------------------------------------------------------------
def test_the_four_plots_share_one_x_range(qtbot):
    from gui.training.dashboard import Dashboard
    from gui.training.views.curves import CurvesView
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1400, 320)
    d.show()
    views = [v for v in d.views if isinstance(v, CurvesView)]
    d.view(type(views[2])).set_plan([0.01] * 150)                 # the learning rate's plan
    assert {x_range(v) for v in views} == {(0.0, 150.0)}         # no data yet: the plan
    d.start_run(a_run(n_batches=10, layer_ids=["h1"]))
    d.add_chunk(a_chunk(steps=np.arange(1, 31), losses=np.ones(30), norms={"h1": 0.1},
                        epochs=[epoch_event(epoch=k, step=10 * k, train_loss=1.0,
                                            metrics={"train_accuracy": 0.5})
                                for k in (1, 2, 3)]))
    d.redraw_visible()
    ranges = {x_range(v) for v in views}
    assert len(ranges) == 1
    lo, hi = ranges.pop()
    assert lo == 0 and 3.0 <= hi <= 3.0 * HEADROOM


def test_steps_or_epochs_on_the_x_axis_of_every_run(qtbot):
    """Batch size 1 against the whole set: per epoch the batch-1 run was squashed into a
    sliver at the left. In steps each run's x is its own step count."""
    from gui.training.dashboard import Dashboard
    from gui.training.views.loss import LossView
    d = Dashboard()
    qtbot.addWidget(d)
    loss = d.view(LossView)
    d.start_run(a_run(run_id=1, n_batches=100, settings=settings(**{"batch size": "1"})))
    d.add_chunk(a_chunk(steps=np.arange(1, 201), losses=np.ones(200), n_batches=100))
    d.start_run(a_run(run_id=2, n_batches=1, settings=settings()))
    d.add_chunk(a_chunk(steps=(1, 2), losses=(1, 1), n_batches=1))
    d.redraw_visible()
    old = loss.curves.old[0].curves[0]
    assert old.item.getData()[0][-1] == pytest.approx(2.0)          # epochs
    d.x_combo.setCurrentIndex(d.x_combo.findData("step"))
    assert loss.x_unit == "step"
    assert loss.plot.getPlotItem().getAxis("bottom").labelText.startswith("step")
    assert old.item.getData()[0][-1] == pytest.approx(200.0)        # its own steps
    assert loss.curves["train"].item.getData()[0].tolist() == pytest.approx([1.0, 2.0])
    assert x_range(loss)[1] >= 200
    d.set_x_unit("epoch")
    assert x_range(loss)[1] < 3 and d.x_combo.currentData() == "epoch"


def test_steps_before_any_run_say_what_they_wait_for(qtbot):
    """In steps, before a run, the accuracy panel said "(step 0 of 1)" and the learning-rate
    plot showed empty axes: the plan is per epoch, and an epoch's steps are not known yet."""
    from gui.training.dashboard import Dashboard
    from gui.training.views.lr import LearningRateView
    from gui.training.views.metric import MetricView
    d = Dashboard()
    qtbot.addWidget(d)
    lr, metric = d.view(LearningRateView), d.view(MetricView)
    lr.set_plan([0.01] * 100)
    idle = metric.empty_text
    d.set_x_unit("step")
    assert lr.is_empty and "drawn in steps once a run" in lr.empty_text
    assert metric.empty_text == idle
    d.set_x_unit("epoch")
    assert not lr.is_empty
    d.set_x_unit("step")
    d.start_run(a_run(n_batches=10))
    assert not lr.is_empty and lr.plan.getData()[0][-1] == pytest.approx(1000.0)


def test_faded_runs_are_labelled_with_what_differs(qtbot):
    from gui.training.run_setup import run_settings
    from gui.training.views.loss import LossView
    from gui.training.views.runs import run_label
    from tests.gui.test_training_controller import xor_network
    net = xor_network().to_dict()
    other = xor_network().to_dict()
    other["training"]["batch_size"] = 1
    next(n for n in other["nodes"] if n["id"] == "a1")["type"] = "Sigmoid"
    first = a_run(run_id=1, settings=run_settings(net, seed=0))
    second = a_run(run_id=2, settings=run_settings(other, seed=3))
    assert run_label(first, second) == "run 1: batch size 32, seed 0, a1 Tanh"
    assert run_label(first, a_run(run_id=3, settings=run_settings(net, 0))) == (
        "run 1: same settings")
    view = LossView()
    qtbot.addWidget(view)
    view.start_run(first)
    view.add_steps(a_chunk())
    view.start_run(second)
    assert "faded: run 1: batch size 32, seed 0, a1 Tanh" in view.key.plain_text
    faded = view.curves.old[0].curves[0]
    assert faded.item.curve.toolTip() == "Faded: run 1: batch size 32, seed 0, a1 Tanh"


def test_the_accuracy_of_a_regression_run_has_its_own_range(qtbot):
    from gui.training.views.metric import MetricView
    view = MetricView()
    qtbot.addWidget(view)
    view.start_run(a_run(task="regression"))
    view.add_steps(a_chunk(epochs=[epoch_event(epoch=e, step=10 * e,
                                               metrics={"train_rmse": r, "val_rmse": r})
                                   for e, r in ((1, 3.0), (2, 2.0))]))
    view.redraw()
    bottom, top = view.plot.getPlotItem().getViewBox().viewRange()[1]
    assert bottom < 2.0 and 3.0 < top < 4.0


# ---- on the window --------------------------------------------------------------------------
@pytest.fixture
def window(qtbot):
    from tests.gui.test_training_controller import make_window, xor_network
    w = make_window(qtbot, xor_network(epochs=3))
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def curves_views(w):
    from gui.training.views.curves import CurvesView
    return [v for v in w.training.dashboard.views if isinstance(v, CurvesView)]


def test_a_finished_run_says_so_and_names_its_last_step(qtbot, window):
    """The progress froze at an earlier step while the status bar said "Finished"."""
    c = window.training
    with qtbot.waitSignal(c.session.ended, timeout=PATIENCE_MS):
        window.training_actions["train"].trigger()
    qtbot.waitUntil(lambda: "finished" in c.dashboard.progress.text(), timeout=PATIENCE_MS)
    assert window.status.training_label.text() == "Finished (3 epochs)"
    assert "finished at step 30 · epoch 3.0 of 3" in c.dashboard.progress.text()


def test_a_new_learning_rate_after_the_end_is_the_next_runs(qtbot, window):
    """It was sent to the finished run and silently lost."""
    c, d = window.training, window.training.dashboard
    with qtbot.waitSignal(c.session.ended, timeout=PATIENCE_MS):
        window.training_actions["train"].trigger()
    d.lr_editor.spin.setValue(0.004)         # the user types a new rate
    assert window.document.network.training["optimizer"]["lr"] == pytest.approx(0.004)
    assert "next run" in window.status.currentMessage()
    with qtbot.waitSignal(c.session.pausedAt, timeout=PATIENCE_MS):
        window.training_actions["step"].trigger()
    assert c.trainer.lr == pytest.approx(0.004) and c.run_id == 2
    window.document.undo_stack.undo()        # an edit like any other
    assert window.document.network.training["optimizer"]["lr"] == pytest.approx(0.03)


def test_a_new_document_starts_a_clean_curves_page(qtbot, window):
    """The last network's curves and progress stayed on screen with the new one."""
    from gui.training.views.loss import LossView
    from gui.training.views.lr import LearningRateView
    c = window.training
    with qtbot.waitSignal(c.session.pausedAt, timeout=PATIENCE_MS):
        window.training_actions["step"].trigger()
    c.reset_weights()                        # a second run of the same network: overlaid
    qtbot.waitUntil(lambda: c.state == "idle", timeout=PATIENCE_MS)
    with qtbot.waitSignal(c.session.pausedAt, timeout=PATIENCE_MS):
        window.training_actions["step"].trigger()
    d = c.dashboard
    assert d.view(LossView).curves.old and d.view(LearningRateView).curves.old
    window.files.new()
    qtbot.waitUntil(lambda: c.state == "idle", timeout=PATIENCE_MS)
    assert c.dashboard.progress.text() == "Press Train (F5) to start"
    for view in curves_views(window):
        curves = view.curves.all_curves() if hasattr(view.curves, "all_curves") else \
            list(view.curves.values())
        assert not any(len(curve) for curve in curves), type(view).__name__
        assert view.is_empty or type(view).__name__ == "LearningRateView"
        assert "faded" not in view.key.plain_text
