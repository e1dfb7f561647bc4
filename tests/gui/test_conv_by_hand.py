"""Convolution and pooling by hand (gui/training/views/conv_by_hand.py): the value the view
shows for a clicked output pixel is the engine's output there, on the probe's sample, by
the probe and by model.forward; the window, the kernel, the products, the max or the mean
and the activation after it are the ones the engine used."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.graph.network import Network
from gui.document import Document
from gui.training.run_setup import node_info
from gui.training.views.conv_by_hand import ConvByHandView
from gui.training.views.conv_working import num
from gui.training.views.conv_grids import Grid
from tests.gui.test_training_views import EXAMPLES, a_run
from tests.gui.waits import PATIENCE_MS


def shown_view(qtbot, width: int = 705, height: int = 420) -> ConvByHandView:
    view = ConvByHandView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def example(name: str, **edits) -> tuple[Document, dict]:
    """An example's document, with node params replaced: edits = {node_id: {param: v}}."""
    data = Network.load(EXAMPLES / f"{name}.nw.json").to_dict()
    for node in data["nodes"]:
        node["params"] = {**(node.get("params") or {}), **edits.get(node["id"], {})}
    return Document(Network.from_dict(data)), data


def probe_for(view, data: dict, sample: int = 2):
    """Train one step of ``data`` and probe what the view asks for: (trainer, probe)."""
    from engine.training.messages import ProbeEvent, ProbeRequest
    from engine.training.trainer import Trainer
    trainer = Trainer(Network.from_dict(data))
    ids = [n.id for n in trainer.model.nodes]
    kinds = view.needs(a_run(node_ids=ids), None)
    trainer.set_probes(ProbeRequest(kinds, sample=sample))
    for event in trainer.run():
        if isinstance(event, ProbeEvent):
            trainer.stop()
            return trainer, event
    raise AssertionError("no probe came")


def forward_output(trainer, sample: int, node_id: str) -> np.ndarray:
    """``node_id``'s output for validation example ``sample``, by model.forward."""
    model = trainer.model
    model.forward(trainer.dataset.x_val[sample:sample + 1], training=False)
    return model.outputs[node_id][0]


def click(view, k: int, i: int, j: int) -> None:
    from pytestqt.qtbot import QtBot
    centre = view.output_maps.cell_centre(k, i, j).toPoint()
    QtBot.mouseClick(view.output_maps, Qt.MouseButton.LeftButton, pos=centre)


def test_a_clicked_conv_pixel_shows_the_engines_value_and_the_relu_after_it(qtbot):
    doc, data = example("digits_cnn")
    view = shown_view(qtbot)
    assert view.follow_node(node_info(doc, "c1"))
    assert view.needs(a_run(node_ids=["in", "c1", "r1"]), None) == {"nodes": ("c1", "in", "r1")}
    trainer, probe = probe_for(view, data)
    view.show_probe(probe)
    assert not view.is_empty
    engine = forward_output(trainer, 2, "c1")
    assert np.allclose(engine, probe.get("nodes").activations["c1"], atol=1e-6)
    for k, i, j in [(0, 4, 4), (3, 0, 0), (7, 7, 5), (5, 2, 7)]:   # corners read padding
        click(view, k, i, j)
        assert view.pixel == (k, i, j)
        work = view.shown
        assert work.value == pytest.approx(float(engine[k, i, j]), abs=1e-5)
        relu = max(float(engine[k, i, j]), 0.0)
        assert f"= {num(work.value)} → ReLU → {num(relu)}" in view.formula.text()
        assert f"map {k}, row {i}, column {j}" in view.title.text()
        weights = probe.get("nodes").weights["c1"]
        assert np.array_equal(work.kernel, weights["weight"][k])
        assert work.bias == pytest.approx(float(weights["bias"][k]))
    assert not view.shown.inside[:, 2].any()     # pixel (2, 7): its window's last column pads


def test_the_grids_show_patch_kernel_and_products_with_padding_as_zeros(qtbot):
    doc, data = example("digits_cnn")
    view = shown_view(qtbot)
    view.follow_node(node_info(doc, "c1"))
    _, probe = probe_for(view, data)
    view.show_probe(probe)
    click(view, 1, 0, 0)                               # the top-left pixel: a padded window
    (row,) = view.work.rows
    patch, kernel, products = [item for item in row if isinstance(item, Grid)]
    assert patch.pad[0].all() and patch.pad[:, 0].all() and not patch.pad[1:, 1:].any()
    assert not patch.values[patch.pad].any()           # padding reads 0
    assert np.allclose(products.values, patch.values * kernel.values)
    assert f"Σ {num(view.shown.total)}" in row
    assert "hatched cells: zero padding" in view.work_header.text()
    assert view.input_maps.outlines[0].top == -1       # the window starts in the padding
    nxt = view.input_maps.outlines[1]
    assert nxt.dashed and nxt.left == 0                # the next pixel's: one stride on
    assert view.output_maps.outlines[0].top == 0 and view.output_maps.chosen_map == 1


def test_several_input_channels_get_a_row_each_and_the_total(qtbot):
    doc, data = example("digits_cnn")
    view = shown_view(qtbot)
    view.follow_node(node_info(doc, "c2"))
    trainer, probe = probe_for(view, data, sample=5)
    view.show_probe(probe)
    engine = forward_output(trainer, 5, "c2")
    c, i, j = view.pixel
    assert view.shown.value == pytest.approx(float(engine[c, i, j]), abs=1e-5)
    rows = view.work.rows
    assert len(rows) == 8 + 1 and rows[3][0] == "ch 3"
    assert f"= {num(view.shown.total)}" in rows[-1][0]
    assert "over 8 channels" in view.formula.text()
    assert len(view.input_maps.maps) == 8


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
def test_pooling_shows_the_window_and_its_max_or_mean(qtbot, kind):
    doc, data = example("digits_cnn")
    for node in data["nodes"]:
        if node["id"] == "pool1":
            node["type"] = kind
    doc = Document(Network.from_dict(data))
    view = shown_view(qtbot)
    assert view.follow_node(node_info(doc, "pool1"))
    assert view.needs(None, None) == {"nodes": ("pool1", "r1")}
    trainer, probe = probe_for(view, data)
    view.show_probe(probe)
    engine = forward_output(trainer, 2, "pool1")
    for k, i, j in [(0, 0, 0), (6, 3, 1)]:
        click(view, k, i, j)
        work = view.shown
        assert work.value == pytest.approx(float(engine[k, i, j]), abs=1e-6)
        (grid,) = [item for item in view.work.rows[0] if isinstance(item, Grid)]
        if kind == "MaxPool2D":
            assert grid.values[grid.mark] == work.value == grid.values.max()
            assert f"max of the 2 × 2 window = {num(work.value)}" in view.formula.text()
        else:
            assert f"/ 4 = {num(work.value)}" in view.formula.text()
        assert "no activation follows" in view.formula.text()
        (shown,) = view.input_maps.maps                       # the map it pools, alone
        assert np.array_equal(shown, probe.get("nodes").activations["r1"][k])
        assert f"map {k} of 8" in view.input_title.text()


def test_a_frozen_sobel_conv_without_bias(qtbot):
    doc, data = example("conv_sobel")
    view = shown_view(qtbot)
    view.follow_node(node_info(doc, "sobel"))
    trainer, probe = probe_for(view, data)
    view.show_probe(probe)
    c, i, j = view.pixel
    assert view.shown.value == pytest.approx(float(forward_output(trainer, 2, "sobel")[c, i, j]),
                                             abs=1e-5)
    assert "(no bias)" in view.formula.text() and "+ bias" not in view.formula.text()


def test_a_kernel_larger_than_5_shows_the_sums_only(qtbot):
    doc, data = example("digits_cnn", c1={"kernel_size": 7})
    view = shown_view(qtbot)
    view.follow_node(node_info(doc, "c1"))
    trainer, probe = probe_for(view, data)
    view.show_probe(probe)
    assert not any(isinstance(item, Grid) for row in view.work.rows for item in row)
    assert "too large to write out" in view.work_header.text()
    c, i, j = view.pixel
    assert view.shown.value == pytest.approx(float(forward_output(trainer, 2, "c1")[c, i, j]),
                                             abs=1e-5)


def test_other_nodes_and_edited_layers_get_a_message_not_a_false_picture(qtbot):
    doc, data = example("digits_cnn")
    view = shown_view(qtbot)
    assert view.follow_node(None) and "Select a Conv2D" in view.empty_text
    assert view.minimumHeight() <= 150            # a message takes no more room than others'
    assert view.follow_node(node_info(doc, "out")) is False and view.needs(None, None) == {}
    view.follow_node(node_info(doc, "c1"))
    _, probe = probe_for(view, data)
    edited, _ = example("digits_cnn", c1={"kernel_size": 5})    # edited after the run began
    view.follow_node(node_info(edited, "c1"))
    view.show_probe(probe)
    assert view.is_empty and "changed since this run started" in view.empty_text
    view.follow_node(node_info(doc, "c1"))
    view.show_probe(probe)
    assert not view.is_empty and view.minimumHeight() >= 420     # maps, working, formula


@pytest.fixture
def window(qtbot):
    from gui.main_window import MainWindow
    w = MainWindow(Document(Network.load(EXAMPLES / "digits_cnn.nw.json")))
    w.files.autosave_enabled = w.files.interactive = False
    w.files.maybe_save = lambda: True
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def test_in_the_window_it_follows_training_and_hidden_it_asks_for_nothing(qtbot, window):
    c = window.training
    view = c.dashboard.view(ConvByHandView)
    assert view in c.dashboard.pages["Layer"].views
    c.set_selection(["c1"])                               # what the canvas calls
    c.dashboard.show_page("Layer")
    qtbot.waitUntil(view.isVisible, timeout=PATIENCE_MS)
    assert c.train(pause_after=30)
    qtbot.waitUntil(lambda: c.state == "paused" and view.last is not None
                    and view.last[1] == 30, timeout=PATIENCE_MS)
    assert set(c.dashboard.needs(c.info, None)["nodes"]) >= {"c1", "in", "r1"}
    nodes, step = view.last                                 # the paused step's numbers
    k, i, j = view.pixel
    assert view.shown.value == pytest.approx(float(nodes.activations["c1"][k, i, j]), abs=1e-5)
    assert "step 30" in view.title.text()
    click(view, 6, 1, 2)
    assert view.shown.value == pytest.approx(float(nodes.activations["c1"][6, 1, 2]), abs=1e-5)
    c.dashboard.show_page("Curves")
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=PATIENCE_MS)
    assert "in" not in c.dashboard.needs(c.info, None).get("nodes", ())   # hidden: no probe
