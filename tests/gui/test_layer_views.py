"""The Layer page tells the truth (issue 12): whole-number ticks for units, a weight matrix
that keeps its colour bar and stays inside its axes, biases shown with the weights, a
Softmax view drawn from the engine's numbers, frozen layers that say they get no gradient,
and no shape shown for a node whose shape is unknown. Views are driven as the dashboard
drives them (follow_node, start_run, show_probe) with probes of real Trainers."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from engine.graph.network import Network
from engine.nn.layers.activations import Softmax
from gui.document import Document
from gui.training.run_setup import node_info, run_info
from gui.training.views.feature_maps import FeatureMapsView
from gui.training.views.filters import FiltersView
from gui.training.views.histograms import HistogramView
from gui.training.views.layer_parts import UnitAxis, unit_step
from gui.training.views.softmax import SoftmaxView
from gui.training.views.weights import WeightsView

from tests.gui.test_training_views import EXAMPLES, a_node, first_probe


def shown(qtbot, widget, width: int, height: int):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def ticks(axis) -> list[float]:
    """The tick values the axis draws now, every level."""
    low, high = axis.range
    length = axis.width() if axis.orientation in ("top", "bottom") else axis.height()
    return [v for _spacing, values in axis.tickValues(low, high, length) for v in values]


def scene_rect(item):
    return item.mapRectToScene(item.boundingRect())


# ---- whole-number unit axes ----------------------------------------------------------------------
@pytest.mark.parametrize("count, room, step", [(4, 10, 1), (10, 3, 5), (64, 8, 10),
                                               (1000, 7, 200), (1, 1, 1), (3, 0, 5)])
def test_unit_step_is_one_two_or_five_times_a_power_of_ten(count, room, step):
    assert unit_step(count, room) == step


def test_unit_axis_ticks_whole_units_only_and_as_many_as_fit(qtbot):
    axis = UnitAxis("bottom")
    axis.set_units(4)
    values = [v for _s, vs in axis.tickValues(-0.5, 3.5, 300) for v in vs]
    assert values == [0, 1, 2, 3]
    axis.set_units(64)
    values = [v for _s, vs in axis.tickValues(-0.5, 63.5, 120) for v in vs]
    assert all(v == int(v) for v in values) and len(values) <= 120 // axis.label_px()
    axis.set_units(3, names=("setosa", "versicolor", "virginica"))
    assert axis.tickStrings([0.0, 2.0], 1, 1) == ["setosa", "virginica"]


def test_feature_map_bars_tick_whole_units_without_a_scale_prefix(qtbot):
    view = shown(qtbot, FeatureMapsView(), 700, 260)
    view.follow_node(a_node("p", "Sigmoid"))
    _, probe = first_probe("xor_mlp", {"nodes": ("p",)})
    view.show_probe(probe)
    QApplication.processEvents()
    sample_axis = view.sample_panel.view.getAxis("bottom")
    assert ticks(sample_axis) == [0, 1]                   # 2 input features, not 0.5, 1.5
    out_axis = view.maps_panel.view.getAxis("bottom")
    assert ticks(out_axis) == [0]                         # one unit, not -400 ... 400 x 0.001
    for panel in (view.sample_panel, view.maps_panel):
        for name in ("left", "bottom"):
            assert not panel.view.getAxis(name).autoSIPrefix    # no "value (x1e-06)"
    assert view.maps_title.text() == "p output: 1 value"
    low, high = view.maps_panel.view.viewRange()[1]
    assert low <= 0 < float(probe.get("nodes").activations["p"][0]) < high   # a bar from 0
    assert view.maps_panel.unit_bars.values_written    # few bars: each says its value


# ---- the weight matrix ---------------------------------------------------------------------------
@pytest.mark.parametrize("size, title", [((234, 150), "short"),
                                         ((240, 220), "h1.weight (16 × 4) and .bias (16) · "
                                                      "initial · frozen: not trained")])
def test_weight_colour_bar_keeps_its_labels_and_the_matrix_stays_in_its_axes(qtbot, size,
                                                                             title):
    view = shown(qtbot, WeightsView(), *size)
    view.follow_node(a_node("h1", "Dense", weight_shapes={"weight": (16, 4), "bias": (16,)}))
    rng = np.random.default_rng(0)
    arrays = {"weight": rng.normal(size=(16, 4)).astype(np.float32),
              "bias": rng.normal(size=16).astype(np.float32)}
    view.show_model_weight((arrays, 0))
    view.title.setText(title)
    QApplication.processEvents()
    panel = view.panel
    visible = panel.mapToScene(panel.viewport().rect()).boundingRect()
    for item in (panel.bar, panel.bar.axis):            # the colour bar and its labels
        assert item.isVisible()
        seen = scene_rect(item)                          # on screen, left to right
        assert visible.left() <= seen.left() and seen.right() <= visible.right(), item
    box = scene_rect(panel.plot.getViewBox())
    for image in (panel.image, panel.column_image):
        assert box.adjusted(-1, -1, 1, 1).contains(scene_rect(image))   # no spill
    left_axis = panel.plot.getAxis("left")                # its own area (ticks reach inside)
    assert left_axis.parentItem().mapRectToScene(left_axis.geometry()).right() <= box.left() + 1
    assert box.right() <= scene_rect(panel.bar).left() + 1     # the bar beside, not over it
    rows = ticks(panel.plot.getAxis("left"))
    assert rows and all(v == int(v) and 0 <= v < 16 for v in rows)


def test_weights_view_shows_the_bias_beside_the_matrix_on_one_scale(qtbot):
    view = shown(qtbot, WeightsView(), 360, 260)
    view.follow_node(a_node("h1", "Dense", weight_shapes={"weight": (4, 2), "bias": (4,)}))
    _, probe = first_probe("xor_mlp", {"nodes": ("h1",)})
    view.show_probe(probe)
    arrays = probe.get("nodes").weights["h1"]
    np.testing.assert_array_equal(view.image, arrays["weight"])
    np.testing.assert_array_equal(view.bias_column, arrays["bias"].reshape(4, 1))
    assert "h1.weight (4 × 2) and .bias (4)" in view.title.text()
    axis = view.panel.plot.getAxis("bottom")
    assert "b" in axis.extra.values() and "b: bias" in axis.labelText
    low, high = view.panel.bar.levels()
    biggest = max(np.abs(arrays["weight"]).max(), np.abs(arrays["bias"]).max())
    assert high == pytest.approx(biggest) and low == pytest.approx(-biggest)


def test_histograms_stack_weights_and_biases_on_shared_bins(qtbot):
    view = shown(qtbot, HistogramView(), 500, 240)
    view.follow_node(a_node("h1", "Dense", weight_shapes={"weight": (4, 2), "bias": (4,)}))
    _, probe = first_probe("xor_mlp", {"nodes": ("h1",)})
    view.show_probe(probe)
    counts = view.weights_hist.counts
    assert list(counts) == ["weight", "bias"]
    assert counts["weight"].sum() == 8 and counts["bias"].sum() == 4
    weight_bar, bias_bar = view.weights_hist.bars[:2]
    np.testing.assert_array_equal(bias_bar.opts["y0"], weight_bar.opts["height"])   # stacked
    assert "bias" in view.weights_title.text() and "weight" in view.weights_title.text()


# ---- Softmax -------------------------------------------------------------------------------------
def engine_softmax(z: np.ndarray) -> np.ndarray:
    layer = Softmax("p", {}, [z.shape])
    return layer.forward([z[None].astype(np.float64)], False)[0]


def test_softmax_view_draws_the_engines_probabilities_and_their_jacobian(qtbot):
    view = shown(qtbot, SoftmaxView(), 700, 280)
    assert view.follow_node(a_node("a1", "Tanh")) is False
    assert view.follow_node(a_node("p", "Softmax"))
    trainer, probe = first_probe("iris", {"nodes": ("out", "p")}, sample=2)
    view.start_run(run_info(trainer, 1))
    assert view.needs(None, None) == {"nodes": ("p",)}
    view.show_probe(probe)
    assert not view.is_empty
    s = probe.get("nodes").activations["p"]
    np.testing.assert_array_equal(view.bars.bars.opts["height"], s)   # the engine's numbers
    assert view.sum == pytest.approx(1.0, abs=1e-6) and "sum = 1.000" in view.bars_title.text()
    assert view.bars.axis.names == tuple(trainer.dataset.class_names)
    # the slope drawn is the engine softmax's own derivative (central differences)
    z = probe.get("nodes").activations["out"].astype(np.float64)
    np.testing.assert_allclose(engine_softmax(z), s, atol=1e-6)
    h = 1e-5
    numeric = np.stack([(engine_softmax(z + h * e) - engine_softmax(z - h * e)) / (2 * h)
                        for e in np.eye(len(z))], axis=1)       # column j: d s / d z_j
    np.testing.assert_allclose(view.jacobian.image.image, numeric, atol=1e-5)
    np.testing.assert_allclose(view.jacobian.image.image.sum(axis=1), 0, atol=1e-6)


def test_selecting_a_softmax_shows_its_view_and_not_the_curve_view(qtbot):
    from gui.training.dashboard import Dashboard
    from gui.training.views.activation_curve import ActivationView
    d = shown(qtbot, Dashboard(), 1400, 300)
    d.show_page("Layer")
    doc = Document(Network.load(EXAMPLES / "iris.nw.json"))
    d.follow_node(node_info(doc, "p"))
    assert d.view(SoftmaxView).isVisible() and not d.view(ActivationView).isVisible()
    d.follow_node(node_info(doc, "a1"))
    assert not d.view(SoftmaxView).isVisible() and d.view(ActivationView).isVisible()


# ---- frozen layers -------------------------------------------------------------------------------
def test_a_frozen_conv_says_it_gets_no_gradient_instead_of_blank_panels(qtbot):
    doc = Document(Network.load(EXAMPLES / "conv_sobel.nw.json"))
    conv = node_info(doc, "sobel")
    assert conv.config.get("trainable") is False
    _, probe = first_probe("conv_sobel", {"nodes": ("sobel",)})
    filters = shown(qtbot, FiltersView(), 500, 240)
    assert filters.follow_node(conv)
    filters.show_probe(probe)
    assert filters.grads_side.frozen and filters.grads_side.note.isVisible()
    assert "Frozen: no gradient" in filters.grads_side.note.text()
    assert not filters.grads.isVisible()
    histograms = shown(qtbot, HistogramView(), 500, 240)
    assert histograms.follow_node(conv)
    histograms.show_probe(probe)
    assert histograms.grads_side.frozen
    assert "Frozen: no gradient" in histograms.grads_side.note.text()
    assert histograms.grads_hist.counts == {}         # no spike of zeros drawn
    trainable = node_info(Document(Network.load(EXAMPLES / "digits_cnn.nw.json")), "c1")
    filters.follow_node(trainable)
    assert not filters.grads_side.frozen
    assert filters.grads_side.currentWidget() is filters.grads.box


# ---- unknown shapes ------------------------------------------------------------------------------
def dense_after_conv() -> Document:
    """Input [1, 8, 8] -> Conv2D 8 filters -> Dense 8 units, no Flatten: a Dense whose input
    is an image, so its weight shape is unknown (asking the layer class anyway gives (8, 8))."""
    return Document(Network.from_dict({"nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [1, 8, 8]}},
        {"id": "c", "type": "Conv2D", "params": {"filters": 8, "kernel_size": 3}},
        {"id": "d", "type": "Dense", "params": {"units": 8}}],
        "edges": [{"from": "in", "to": "c"}, {"from": "c", "to": "d"}]}))


def test_a_dense_after_a_conv_without_flatten_shows_no_weight_shape(qtbot):
    doc = dense_after_conv()
    node = node_info(doc, "d")
    assert node.weight_shapes == {} and node.weight_ndim is None
    assert "insert a Flatten" in node.unknown_because
    for cls in (WeightsView, HistogramView, FiltersView, FeatureMapsView):
        view = shown(qtbot, cls(), 400, 200)
        view.follow_node(node)
        assert view.is_empty and "(8, 8)" not in view.empty_text and "8 × 8" not in view.empty_text
        if cls is not FiltersView:
            assert "The shape of 'd' is unknown" in view.empty_text, cls
            assert "has no weights" not in view.empty_text
        assert view.needs(None, node) == {}               # nothing to ask a run for
    assert node_info(doc, "c").unknown_because is None


def test_the_inspector_and_the_card_show_no_weight_shape_for_it(qtbot):
    from gui.main_window import MainWindow
    from gui.param_shapes import param_shape_lines
    doc = dense_after_conv()
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.files.autosave_enabled = False
    window.view.scene().select_nodes(["d"])
    page = window.inspector.node_page
    qtbot.waitUntil(lambda: page.node_id == "d")
    assert param_shape_lines(doc, "d") == []
    assert page.arrays_label.isHidden() and "unknown" in page.params_label.text()
    tooltip = window.view.scene().node_items["d"].toolTip()
    assert "weight" not in tooltip and "(8, 8)" not in tooltip
    doc.undo_stack.setClean()
    window.training.shutdown()
