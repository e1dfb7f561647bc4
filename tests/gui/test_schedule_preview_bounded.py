"""Schedule previews cost a few hundred points whatever the epoch count, and a rate that
overflows (or is no number) is said, not drawn (issue 13, item 1)."""
import math

import pytest

from engine.optim.schedulers import MAX_PREVIEW_POINTS, sample_lrs
from gui.commands import SetTraining
from gui.document import Document
from gui.inspector import Inspector
from tests.gui.conftest import xor_network

BILLIONS = 2_000_000_000


@pytest.fixture
def page(qtbot):
    doc = Document(xor_network())
    inspector = Inspector(doc)
    qtbot.addWidget(inspector)
    inspector.resize(360, 700)
    inspector.show()
    inspector.set_selection([])
    inspector.training_page.schedule_plot.ensure_built()
    yield inspector.training_page          # (a generator: the inspector lives till the end)


def set_field(doc, path, value):
    doc.undo_stack.push(SetTraining.for_field(doc, path, value))


def test_2e9_epochs_typed_in_the_run_box_preview_in_a_few_hundred_points(page):
    page.scheduler.combo.setCurrentText("step")
    page.run_form.editors["epochs"].spin.setValue(BILLIONS)     # the box's own maximum
    assert page.document.network.training["epochs"] == BILLIONS
    plot = page.schedule_plot
    xs, ys = plot.curve.getData()
    assert 2 <= len(xs) <= MAX_PREVIEW_POINTS and xs[-1] == BILLIONS - 1
    assert plot.message.isHidden()


def test_a_step_schedule_over_many_epochs_draws_its_cuts(page):
    doc = page.document
    set_field(doc, "scheduler", {"name": "step", "step_size": 100_000, "gamma": 0.5})
    set_field(doc, "epochs", 300_000)
    xs, ys = page.schedule_plot.curve.getData()
    rate = dict(zip(xs.tolist(), ys.tolist()))
    lr = doc.network.training["optimizer"]["lr"]
    assert rate[99_999] == lr and rate[100_000] == lr / 2 and rate[299_999] == lr / 4


def test_an_overflowing_schedule_says_where_and_draws_no_curve(page):
    doc = page.document
    set_field(doc, "scheduler", {"name": "exponential", "gamma": 2.0})
    set_field(doc, "epochs", 1100)                    # 0.03 * 2 ** 1100 is no float
    plot = page.schedule_plot
    first = sample_lrs({"name": "exponential", "gamma": 2.0},
                       doc.network.training["optimizer"]["lr"], 1100).overflow_epoch
    assert not plot.message.isHidden()
    assert f"overflows at epoch {first:,}" in plot.message.text()
    assert len(plot.curve.getData()[0] or ()) == 0
    doc.undo_stack.undo()                             # 200 epochs: fine again
    assert plot.message.isHidden() and len(plot.curve.getData()[0]) == 200


@pytest.mark.parametrize("lr", [math.inf, math.nan, "abc", [0.1]])
def test_a_rate_that_is_no_number_is_said_not_drawn(qtbot, lr):
    network = xor_network()
    network.training["optimizer"]["lr"] = lr          # as a hostile file holds it
    inspector = Inspector(Document(network))
    qtbot.addWidget(inspector)
    inspector.set_selection([])
    plot = inspector.training_page.schedule_plot
    plot.ensure_built()
    assert inspector.current_page() is inspector.training_page
    assert not plot.message.isHidden() and "No preview" in plot.message.text()
    assert len(plot.curve.getData()[0] or ()) == 0


def test_the_live_rate_view_draws_a_bounded_plan_and_says_where_it_overflows(qtbot):
    from gui.training.views.lr import LearningRateView
    from tests.gui.test_training_views import a_chunk, a_run
    view = LearningRateView()
    qtbot.addWidget(view)
    view.set_plan(sample_lrs({"name": "cosine", "t_max": 50}, 0.1, BILLIONS))
    xs, ys = view.plan.getData()
    assert len(xs) <= MAX_PREVIEW_POINTS + 1 and xs[-1] == BILLIONS
    plan = sample_lrs({"name": "exponential", "gamma": 2.0}, 0.03, BILLIONS)
    view.set_plan(plan)
    assert len(view.plan.getData()[0] or ()) == 0
    assert view.is_empty and f"overflows at epoch {plan.overflow_epoch:,}" in view.empty_text
    assert f"overflows at epoch {plan.overflow_epoch:,}" in view.key.plain_text
    view.set_plan([0.1] * 10_000_000)                  # a plain list: sampled too
    assert len(view.plan.getData()[0]) <= MAX_PREVIEW_POINTS + 1
    view.start_run(a_run(n_batches=2))
    view.add_steps(a_chunk(steps=(1, 2), losses=(1, 1), lr=math.inf, n_batches=2))
    view.redraw()
    assert len(view.curves["live"]) == 0
    assert "the rate of step 1 was inf" in view.key.plain_text


def test_the_window_plans_2e9_epochs_in_a_few_hundred_points(main_window):
    from gui.training.views.lr import LearningRateView
    doc = main_window.document
    set_field(doc, "epochs", BILLIONS)
    view = main_window.training.dashboard.view(LearningRateView)
    assert len(view.plan.getData()[0]) <= MAX_PREVIEW_POINTS + 1
    assert view.plan_end() is not None and view.plan_end() >= BILLIONS
