"""The Backprop page (gui/training/views/sample_pass.py): one sample stepped forward and
backward. What it draws is the engine's own numbers (model.loss_and_grads on that sample),
Prev/Next walk the steps, Check gradients marks every parameter without blocking, and in
the window the page asks for its probe only while it is shown and follows the canvas."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.graph.network import Network
from gui.training.run_setup import run_info
from gui.training.views.sample_pass import SamplePassView
from gui.training.views.sample_pass_parts import number_text
from tests.gui.waits import PATIENCE_MS
from tests.probing import probe_after

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(scope="module")
def xor_run():
    """A trainer stopped after 60 steps and the sample_pass probe of its weights then."""
    return probe_after("xor_mlp", 60, {"sample_pass": None})


@pytest.fixture
def view(qtbot, xor_run):
    trainer, probe = xor_run
    v = SamplePassView()
    qtbot.addWidget(v)
    v.resize(1400, 330)
    v.start_run(run_info(trainer, 1))
    v.show()
    qtbot.waitExposed(v)
    v.show_probe(probe)
    QApplication.processEvents()
    return v


def labels(view) -> list[str]:
    return [view.step_list.item(i).text() for i in range(view.step_list.count())]


def go_to(qtbot, view, label: str) -> None:
    """Click Next until the step list is at ``label``."""
    view.step_list.setCurrentRow(0)
    while labels(view)[view.step_list.currentRow()] != label:
        assert view.next_button.isEnabled(), f"no step {label!r} in {labels(view)}"
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)


def test_the_steps_go_forward_through_every_node_then_the_loss_then_backward(view):
    assert labels(view) == [
        "Forward 1/5 · in (Input)", "Forward 2/5 · h1 (Dense)", "Forward 3/5 · a1 (Tanh)",
        "Forward 4/5 · out (Dense)", "Forward 5/5 · p (Sigmoid)", "Loss",
        "Backward 1/3 · out (Dense)", "Backward 2/3 · a1 (Tanh)", "Backward 3/3 · h1 (Dense)"]
    assert view.step_list.currentRow() == 0 and not view.prev_button.isEnabled()


def test_what_it_draws_equals_loss_and_grads_on_that_sample(qtbot, view, xor_run):
    trainer, probe = xor_run
    result = probe.get("sample_pass")
    ds = trainer.dataset
    x = ds.x_val[result.sample:result.sample + 1]
    y = np.asarray(ds.y_val[result.sample:result.sample + 1], np.float32).reshape(1, 1)
    reference = copy.deepcopy(trainer.model)             # the weights the probe saw
    loss = reference.loss_and_grads(x, y, trainer.loss_fn)
    grads = reference.grads()

    go_to(qtbot, view, "Loss")
    assert f"loss bce = {loss:.4g}" in view.words.text()

    go_to(qtbot, view, "Backward 3/3 · h1 (Dense)")
    dw_panel = view.panels[1]
    np.testing.assert_array_equal(dw_panel.image.image, grads["h1.weight"])
    np.testing.assert_array_equal(dw_panel.column.image.ravel(), grads["h1.bias"])
    shown = [item.toPlainText() for item in dw_panel.cells[:dw_panel.used_cells]]
    weight = grads["h1.weight"]
    assert shown[:weight.size] == [number_text(float(v)) for v in weight.ravel()]
    assert dw_panel.numbers_shown == weight.size + weight.shape[0]     # 8 weights, 4 biases
    assert "dL/dW [4, 2]" in view.captions[1].text()
    assert view.heading.text().startswith("Backward 3/3 · h1 (Dense) · sample 0")

    go_to(qtbot, view, "Backward 2/3 · a1 (Tanh)")
    h1_out = reference.outputs["h1"][0]
    np.testing.assert_allclose(view.panels[1].bars.values, 1 - np.tanh(h1_out) ** 2,
                               rtol=1e-5)                           # f'(z) of tanh
    assert "local factor f′(z)" in view.captions[1].text()


def test_prev_and_next_stop_at_the_ends(qtbot, view):
    for _ in range(20):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.step_list.currentRow() == len(view.steps) - 1
    assert not view.next_button.isEnabled() and view.prev_button.isEnabled()
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert labels(view)[view.step_list.currentRow()] == "Backward 2/3 · a1 (Tanh)"


def test_a_new_probe_keeps_the_step_the_learner_is_at(qtbot, view, xor_run):
    go_to(qtbot, view, "Backward 2/3 · a1 (Tanh)")
    view.show_probe(xor_run[1])
    assert labels(view)[view.step_list.currentRow()] == "Backward 2/3 · a1 (Tanh)"


def test_check_gradients_marks_every_parameter(qtbot, view, xor_run):
    trainer, _probe = xor_run
    view.model_source = lambda: trainer.model
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None, timeout=PATIENCE_MS)
    table = view.check_table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
            for r in range(table.rowCount())}
    assert set(rows) == {"h1.weight", "h1.bias", "out.weight", "out.bias"}
    assert all(cells[-1] == "✓ pass" for cells in rows.values())
    assert rows["h1.weight"][0] == "8 of 8"
    assert labels(view)[-1] == "Gradient check: ✓ passed"
    assert view.heading.text().startswith("Gradient check: passed")
    assert view.check_button.isEnabled()


def test_check_gradients_without_a_run_says_so(qtbot, view):
    view.model_source = lambda: None
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    assert "press Train or Step first" in view.words.text()


# ---- in the window -----------------------------------------------------------------------------
@pytest.fixture
def window(qtbot):
    from gui.document import Document
    from gui.main_window import MainWindow
    w = MainWindow(Document(Network.load(EXAMPLES / "xor_mlp.nw.json")))
    w.files.autosave_enabled = False
    w.files.interactive = False
    w.files.maybe_save = lambda: True
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def test_in_the_window_it_shows_the_paused_run_and_follows_the_canvas(qtbot, window):
    d = window.training.dashboard
    view = d.view(SamplePassView)
    d.show_page("Backprop")
    window.training.train(pause_after=5)
    qtbot.waitUntil(lambda: view.result is not None and view.result.step == 5,
                    timeout=PATIENCE_MS)
    binding = window.training.binding
    assert "sample_pass" in d.needs(binding.info, None)
    # the numbers are those of the weights the run paused at (the parent's copy of them)
    trainer = window.training.session.trainer
    qtbot.waitUntil(lambda: trainer.step == 5, timeout=PATIENCE_MS)
    for key, value in trainer.model.state_dict().items():
        np.testing.assert_array_equal(view.result.state[key], value, err_msg=key)
    # a step picked in the list selects its node on the canvas ...
    scene = window.view.scene()
    view.step_list.setCurrentRow(labels(view).index("Backward 2/3 · a1 (Tanh)"))
    assert scene.selected_node_ids() == ["a1"]
    # ... and a node selected on the canvas moves the step, in the same direction
    scene.select_nodes(["h1"])
    assert labels(view)[view.step_list.currentRow()] == "Backward 3/3 · h1 (Dense)"
    # hidden: it asks for nothing (costs the run nothing)
    d.show_page("Curves")
    assert "sample_pass" not in d.needs(binding.info, None)
