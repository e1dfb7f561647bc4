"""Concept 2, "a layer is a matrix product": the inspector and the node tooltip give each
trainable array's shape (Dense weight (out, in)), and the Layer tab's Weights view draws the
matrix, live while training. Waits on signals and conditions, never on sleeps."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine.graph.network import Network
from engine.training.trainer import Trainer
from gui.commands import SetParam
from gui.document import Document
from gui.app import train_steps_then
from gui.training.run_setup import model_weight, node_info
from gui.training.views.weights import WeightsView

from tests.gui.waits import PATIENCE_MS
from tests.gui.test_training_controller import make_window

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def load(example: str) -> Network:
    return Network.load(EXAMPLES / f"{example}.nw.json")


def set_units(qtbot, doc, node_id: str, units: int) -> None:
    with qtbot.waitSignal(doc.analysisChanged, timeout=2000):
        doc.undo_stack.push(SetParam(doc, node_id, "units", units))


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot, load("xor_mlp"))
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def test_inspector_and_tooltip_give_the_weight_shape_and_follow_undoable_edits(qtbot, window):
    doc, page = window.document, window.inspector.node_page
    window.view.scene().select_nodes(["h1"])
    qtbot.waitUntil(lambda: page.node_id == "h1")
    text = page.arrays_label.text()
    assert "weight (4, 2) — out × in: one row per unit, one column per input" in text
    assert "bias (4,)" in text
    card = window.view.scene().node_items["h1"]
    assert "weight (4, 2)" in card.toolTip()

    set_units(qtbot, doc, "h1", 6)
    assert "weight (6, 2)" in page.arrays_label.text()
    assert "weight (6, 2)" in card.toolTip()
    assert "weight (1, 6)" in window.view.scene().node_items["out"].toolTip()   # next layer
    with qtbot.waitSignal(doc.analysisChanged, timeout=2000):
        doc.undo_stack.undo()
    assert "weight (4, 2)" in page.arrays_label.text()

    window.view.scene().select_nodes(["a1"])          # an activation has no arrays
    qtbot.waitUntil(lambda: page.node_id == "a1")
    assert page.arrays_label.isHidden()


def test_conv_weight_is_described_as_filters(qtbot):
    from gui.param_shapes import param_shape_lines
    doc = Document(load("digits_cnn"))
    conv = next(n["id"] for n in doc.network.nodes if n["type"] == "Conv2D")
    weight = param_shape_lines(doc, conv)[0]
    assert weight.startswith("weight (") and "filters × in-channels × kh × kw" in weight


def test_weights_view_draws_the_matrix_after_training_and_says_what_to_select(qtbot, window):
    d = window.training.dashboard
    weights = d.view(WeightsView)
    d.show_page("Layer")
    window.view.scene().select_nodes(["h1"])
    assert weights.isVisible() and weights.is_empty
    assert "press Train" in weights.empty_text
    done = []
    train_steps_then(window, 40, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)
    d.redraw_visible()
    assert not weights.is_empty
    assert weights.image.shape == (4, 2)              # rows = units, columns = inputs
    title = weights.title.text()
    assert "h1.weight (4 × 2) and .bias (4)" in title
    # the window's Trainer took over the training process's weights at the pause (step 40)
    assert window.training.trainer.model_step == 40
    trained = window.training.session.trainer.model.by_id["h1"].layer.weights["weight"]
    np.testing.assert_allclose(weights.image, trained, rtol=1e-6)
    low, high = weights.panel.bar.levels()
    assert low == pytest.approx(-high) and high > 0   # centred on 0

    window.view.scene().select_nodes(["a1"])          # not a Dense: hidden, says why
    assert weights.is_empty and not weights.isVisible()
    assert "'a1' has no weights: select a Dense node" in weights.empty_text
    window.view.scene().select_nodes([])
    assert weights.is_empty and "Select a Dense node" in weights.empty_text


def test_initial_weights_come_from_the_compiled_model_until_the_network_changes(qtbot):
    doc = Document(load("xor_mlp"))
    trainer = Trainer(Network.from_dict(doc.to_dict()))
    found = model_weight(trainer, doc, "h1")
    assert found is not None and found[0]["weight"].shape == (4, 2) and found[1] == 0
    assert found[0]["bias"].shape == (4,)
    view = WeightsView()
    qtbot.addWidget(view)
    assert view.follow_node(node_info(doc, "h1"))
    view.show_model_weight(found)
    assert not view.is_empty and "initial" in view.title.text()
    np.testing.assert_array_equal(view.image, trainer.model.by_id["h1"].layer.weights["weight"])

    set_units(qtbot, doc, "h1", 5)                    # the model is now an older network
    assert model_weight(trainer, doc, "h1") is None
    assert model_weight(None, doc, "h1") is None
    assert model_weight(trainer, doc, "a1") is None
    conv = Document(load("digits_cnn"))
    assert view.follow_node(node_info(conv, "c1")) is False
    assert view.is_empty and "not a matrix" in view.empty_text
