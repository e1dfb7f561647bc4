"""Regularization in the window (issue 14, item 7): the training page's two fields make
undoable edits of training.regularization and refuse a negative value; the Loss view draws
the penalty as its own labelled curve when it is on (the engine's numbers, step by step)
and says nothing of it when it is off."""
import numpy as np

from engine.graph.network import Network
from engine.training.messages import StepEvent
from engine.training.trainer import Trainer
from gui.training.views.loss import LossView
from tests.gui.conftest import xor_network
from tests.gui.test_training_views import a_chunk, a_run
from tests.gui.waits import PATIENCE_MS

STEPS = 12


def with_penalty(chunk, penalties):
    from dataclasses import replace
    return replace(chunk, penalties=np.asarray(penalties, dtype=np.float64))


def key_text(view: LossView) -> str:
    return view.key.text()


def test_the_loss_view_draws_the_penalty_only_when_there_is_one(qtbot):
    view = LossView()
    qtbot.addWidget(view)
    view.start_run(a_run(n_batches=10))
    view.add_steps(a_chunk(steps=(1, 2), losses=(0.9, 0.8)))
    view.redraw()
    assert len(view.curves["penalty"]) == 0 and "penalty" not in key_text(view)
    view.add_steps(with_penalty(a_chunk(steps=(3, 4), losses=(0.7, 0.6)), (0.25, 0.24)))
    view.redraw()
    x, y = view.curves["penalty"].item.getData()
    np.testing.assert_allclose(x, [0.3, 0.4])
    np.testing.assert_allclose(y, [0.25, 0.24])
    assert "weight&nbsp;penalty" in key_text(view)
    assert view.curves["train"].series.y.tolist() == [0.9, 0.8, 0.7, 0.6]   # data loss only
    view.start_run(a_run(n_batches=10))        # the next run has none: its key says none
    assert "penalty" not in key_text(view).split("faded")[0]


def regularized_xor(l2: float) -> Network:
    import copy

    from engine.graph.network import DEFAULT_TRAINING
    net = xor_network()
    net.set_training({**copy.deepcopy(DEFAULT_TRAINING), "regularization": {"l1": 0.0, "l2": l2}})
    return net


def test_a_regularized_run_shows_the_engine_s_penalty_of_every_step(qtbot, main_window):
    net = regularized_xor(0.01)
    steps = (e for e in Trainer(net.copy()).run() if isinstance(e, StepEvent))
    expected = [e.penalty for e, _ in zip(steps, range(STEPS))]
    main_window.document.replace(net)
    main_window.show()
    qtbot.waitExposed(main_window)
    c = main_window.training
    assert c.train(pause_after=STEPS)
    qtbot.waitUntil(lambda: c.state == "paused", timeout=PATIENCE_MS)
    view = c.dashboard.view(LossView)
    qtbot.waitUntil(lambda: len(view.curves["penalty"]) == STEPS, timeout=PATIENCE_MS)
    np.testing.assert_allclose(view.curves["penalty"].series.y, expected, rtol=1e-12)
    assert min(expected) > 0 and "weight&nbsp;penalty" in key_text(view)


def test_the_training_page_edits_the_regularization(qtbot, xor_document):
    from gui.training_inspector import TrainingInspector
    page = TrainingInspector(xor_document)
    qtbot.addWidget(page)
    form = page.regularization_form
    assert set(form.editors) == {"l1", "l2"}
    form.edited.emit("l2", 0.001)                   # what the editor emits on a valid value
    assert xor_document.network.training["regularization"]["l2"] == 0.001
    xor_document.undo_stack.undo()
    assert xor_document.network.training.get("regularization", {}).get("l2", 0.0) == 0.0
    xor_document.undo_stack.redo()
    form.resetRequested.emit("l2")
    assert "l2" not in xor_document.network.training["regularization"]


def test_a_stored_negative_penalty_is_shown_red_with_the_reason(qtbot, xor_document):
    from gui.commands import SetTraining
    from gui.training_inspector import TrainingInspector
    page = TrainingInspector(xor_document)
    qtbot.addWidget(page)
    bad = {**xor_document.network.training, "regularization": {"l1": -1, "l2": 0.0}}
    xor_document.undo_stack.push(SetTraining(xor_document, bad))
    label = page.regularization_form.error_labels["l1"]
    assert "at least 0" in label.text() and not label.isHidden()
    assert any("regularization.l1 must be at least 0" in m
               for m in xor_document.analysis.messages.get(None, []))
