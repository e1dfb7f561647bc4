"""Each dashboard view: its empty state says what to do, and real data from a Trainer
(a probe, a chunk of steps) shows up in its plot items. The views are driven as the
dashboard drives them (views/base.LiveView: start_run, add_steps, show_probe, follow_node).
Plus the live-curve buffers and the node preview image."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine.graph.network import Network
from engine.nn.layers import LAYERS
from engine.training.messages import ProbeEvent, ProbeRequest, StepChunk
from engine.training.trainer import Trainer
from gui.training.run_setup import NodeInfo, RunInfo, run_info

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def first_probe(example: str, kinds: dict, **request) -> tuple[Trainer, ProbeEvent]:
    """Train one step of an example and return the probe taken right after it."""
    trainer = Trainer(Network.load(EXAMPLES / f"{example}.nw.json"))
    trainer.keep_weight_path()                 # as the window's training process does
    trainer.set_probes(ProbeRequest(kinds, **request))
    for event in trainer.run():
        if isinstance(event, ProbeEvent):
            trainer.stop()
            return trainer, event
    raise AssertionError("no probe came")


def a_run(n_batches: int = 10, task: str = "classification", layer_ids=(),
          input_shape=(2,), class_names=(), **kw) -> RunInfo:
    """A RunInfo as the controller makes for a new run; the fields not given are neutral."""
    values = dict(run_id=1, seed=0, n_batches=n_batches, epochs=10, task=task,
                  layer_ids=list(layer_ids), frozen_ids=[], node_ids=list(layer_ids),
                  n_samples=80,
                  input_shape=tuple(input_shape), class_names=tuple(class_names),
                  optimizer="adam", lr=0.01)
    return RunInfo(**{**values, **kw})


def a_node(node_id: str, layer_type: str | None = None, config: dict | None = None,
           weight_shapes: dict | None = None) -> NodeInfo:
    """The NodeInfo of a node selected on the canvas."""
    return NodeInfo(id=node_id, spec=LAYERS[layer_type] if layer_type else None,
                    config=config or {}, weight_shapes=weight_shapes or {})


def epoch_event(**kw):
    """An EpochEvent with the given fields; the others neutral (robust to new fields)."""
    from dataclasses import fields
    from engine.training.messages import EpochEvent
    neutral = {"metrics": {}, "grad_norms": {}, "weight_stats": {}, "val_loss": None}
    values = {f.name: kw.get(f.name, neutral.get(f.name, 0.1)) for f in fields(EpochEvent)}
    return EpochEvent(**values)


def a_chunk(steps=(1, 2, 3), losses=(0.9, 0.7, 0.6), lr=0.01, epochs=(), norms=None,
            n_batches=10) -> StepChunk:
    """A StepChunk as the training process sends it; ``epochs``: the EpochEvents that ended
    among these steps; ``norms``: {layer: norm}, sampled at the last step."""
    steps = np.asarray(steps, dtype=np.int64)
    norms = norms or {}
    return StepChunk(steps=steps, epochs=(steps - 1) // n_batches + 1,
                     losses=np.asarray(losses, dtype=np.float64),
                     lrs=np.full(len(steps), lr, dtype=np.float64), examples_per_sec=1000.0,
                     grad_norms=norms, epoch_ends=tuple(epochs),
                     norm_steps=steps[-1:] if norms else steps[:0],
                     norm_series={k: np.array([v], dtype=np.float64) for k, v in norms.items()})


# ---- buffers ----------------------------------------------------------------------------
def test_growing_series_doubles_and_keeps_every_point():
    from gui.training.buffers import GrowingSeries
    s = GrowingSeries(capacity=4)
    for i in range(10):
        s.append(i, i * i)
    s.append(np.arange(10, 20), np.arange(10, 20) ** 2)
    assert len(s) == 20 and s.capacity == 32
    np.testing.assert_array_equal(s.y, np.arange(20) ** 2)
    with pytest.raises(ValueError, match="same length"):
        s.append([1, 2], [1])


# ---- curves -------------------------------------------------------------------------------
def test_loss_view_empty_then_train_and_validation_curves(qtbot):
    from gui.training.views.loss import LossView
    view = LossView()
    qtbot.addWidget(view)
    assert view.is_empty and "press Train" in view.empty_text
    view.start_run(a_run(n_batches=10))
    epoch = epoch_event(epoch=1, step=10, train_loss=0.5, val_loss=0.55)
    view.add_steps(a_chunk(steps=(9, 10), losses=(0.6, 0.5), epochs=[epoch]))
    view.redraw()
    assert not view.is_empty
    x, y = view.curves["train"].item.getData()
    np.testing.assert_allclose(x, [0.9, 1.0])
    assert view.curves["val"].series.y.tolist() == [0.55]
    view.set_log(True)
    assert view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    view.start_run(a_run(n_batches=10))      # a new run: the old curves stay, faded
    assert len(view.curves.old) == 1 and len(view.curves["train"]) == 0
    view.clear_old_runs()
    assert view.curves.old == []


def test_metric_view_shows_accuracy_in_percent(qtbot):
    from gui.training.views.metric import MetricView
    view = MetricView()
    qtbot.addWidget(view)
    assert view.is_empty
    view.start_run(a_run(task="classification"))
    view.add_steps(a_chunk(epochs=[epoch_event(
        epoch=1, step=3, train_loss=0.5, val_loss=0.5,
        metrics={"train_accuracy": 0.5, "val_accuracy": 0.75})]))
    assert not view.is_empty and view.curves["val"].series.y.tolist() == [75.0]
    view.start_run(a_run(task="regression"))
    assert "RMSE" in view.plot.getPlotItem().getAxis("left").labelText


def test_lr_view_draws_the_plan_before_training_and_the_rates_used(qtbot):
    from engine.optim.schedulers import preview_lrs
    from gui.training.views.lr import LearningRateView
    view = LearningRateView()
    qtbot.addWidget(view)
    assert view.is_empty
    plan = preview_lrs({"name": "step", "step_size": 2, "gamma": 0.5}, 0.1, 4)
    view.set_plan(plan)
    assert not view.is_empty
    assert view.plan.getData()[1].tolist() == pytest.approx([0.1, 0.1, 0.05, 0.05, 0.05])
    view.start_run(a_run(n_batches=2))
    view.add_steps(a_chunk(steps=(1, 2), losses=(1, 1), lr=0.1, n_batches=2))
    assert view.curves["live"].series.x.tolist() == [0.25, 0.75]    # each step's middle


def test_grad_norm_view_has_one_curve_per_layer_coloured_by_depth(qtbot):
    from gui.training.views.grad_norms import GradNormView
    view = GradNormView()
    qtbot.addWidget(view)
    view.start_run(a_run(n_batches=10, layer_ids=["h1", "h2", "out"]))
    assert view.is_empty
    view.add_steps(a_chunk(norms={"h1": 1e-6, "h2": 0.01, "out": 0.0}))
    assert not view.is_empty
    data = {nid: curve.series.y for nid, curve in view.curves.items()}
    assert data["h1"].tolist() == [1e-6] and data["out"][0] > 0     # 0 is drawable on log
    colours = {nid: c.item.opts["pen"].color().name() for nid, c in view.curves.items()}
    assert len(set(colours.values())) == 3
    assert view.key.plain_text.split()[:6] == ["━━", "h1", "━━", "h2", "━━", "out"]



def left_axis_labels(plot) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of every label the plot's left axis draws, top to bottom."""
    from PySide6.QtGui import QImage, QPainter
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = plot.getPlotItem().getAxis("left").generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((r.top(), r.bottom(), text) for r, _, text in texts)


def test_a_frozen_layer_gets_no_gradient_curve_and_the_key_says_why():
    """conv_sobel's frozen filters have no gradient: drawn at the log axis's floor, a flat
    line 10 decades down read as the worst vanishing gradient of the network."""
    from gui.training.views.grad_norms import key_note, trained_and_frozen
    run = a_run(layer_ids=["sobel", "h", "out"], frozen_ids=["sobel"])
    assert trained_and_frozen(run) == (["h", "out"], ["sobel"])
    assert "frozen, no gradient: sobel" in key_note(2, ["sobel"])


def test_grad_norm_log_axis_labels_never_overprint(qtbot):
    """Norms spanning two decades on a small plot: pyqtgraph labelled every 2..9 x 10^k
    and the labels ran into each other ("0.7" over "0.6" over "0.5")."""
    from gui.training.views.grad_norms import GradNormView
    view = GradNormView()
    qtbot.addWidget(view)
    view.resize(340, 230)
    view.show()
    view.start_run(a_run(n_batches=15, layer_ids=["h1", "h2", "out"]))
    for k, step in enumerate(range(1, 300, 15)):
        wobble = 0.5 + 0.5 * np.sin(k)
        view.add_steps(a_chunk(steps=(step,), losses=(0.1,), n_batches=15,
                               norms={"h1": 0.3 + 0.4 * wobble, "h2": 0.05 + 0.3 * wobble,
                                      "out": 0.009 + 0.1 * wobble}))
    view.redraw()
    qtbot.waitUntil(lambda: len(left_axis_labels(view.plot)) >= 3)
    labels = left_axis_labels(view.plot)
    assert all(below[0] >= above[1] for above, below in zip(labels, labels[1:])), labels
    assert {"0.01", "0.1"} <= {text for _, _, text in labels}

# ---- layer views ---------------------------------------------------------------------------
def test_histograms_follow_the_selected_layer(qtbot):
    from gui.training.views.histograms import HistogramView
    view = HistogramView()
    qtbot.addWidget(view)
    assert view.is_empty and "Select a layer" in view.empty_text
    assert view.follow_node(a_node("a1", "Tanh")) is False
    assert "no weights" in view.empty_text and view.needs(a_run(), None) == {}
    assert view.follow_node(a_node("h1", "Dense", {"units": 4},
                                   {"weight": (4, 2), "bias": (4,)}))
    assert view.needs(a_run(), None) == {"nodes": ("h1",)}
    _, probe = first_probe("xor_mlp", {"nodes": ("h1",)})
    view.show_probe(probe)
    assert not view.is_empty
    counts = view.weights_hist.counts                          # stacked: weight, then bias
    assert counts["weight"].sum() == probe.get("nodes").weights["h1"]["weight"].size == 8
    assert counts["bias"].sum() == 4
    assert view.grads_hist.counts["weight"].sum() == 8


def test_filters_view_shows_every_conv_filter_and_its_gradient(qtbot):
    from gui.training.views.filters import FiltersView, filter_mosaic
    view = FiltersView()
    qtbot.addWidget(view)
    assert "Conv2D" in view.empty_text
    assert view.follow_node(a_node("out", "Dense", weight_shapes={"weight": (10, 32)})) is False
    assert "not a convolution" in view.empty_text
    assert view.follow_node(a_node("c1", "Conv2D", weight_shapes={"weight": (8, 1, 3, 3)}))
    _, probe = first_probe("digits_cnn", {"nodes": ("c1",)})
    view.show_probe(probe)
    assert not view.is_empty
    weight = probe.get("nodes").weights["c1"]["weight"]        # (8, 1, 3, 3)
    shown = view.weights.image.image
    np.testing.assert_array_equal(shown, filter_mosaic(weight))
    assert shown[:3, :3].tolist() == weight[0, 0].tolist()    # filter 0 top left
    assert np.count_nonzero(np.isfinite(shown)) == weight.size
    assert view.grads.image.image.shape == shown.shape


def test_feature_maps_show_the_sample_and_the_nodes_output(qtbot):
    from gui.training.views.feature_maps import FeatureMapsView
    view = FeatureMapsView()
    qtbot.addWidget(view)
    assert "Select a node" in view.empty_text
    view.follow_node(a_node("r1", "ReLU"))
    _, probe = first_probe("digits_cnn", {"nodes": ("r1",)}, sample=3)
    view.show_probe(probe)
    assert not view.is_empty
    assert view.sample_panel.image.image.shape == (8, 8)      # the 8x8 digit itself
    assert "Sample 3" in view.sample_title.text()
    assert view.maps_panel.image.image.shape == (26, 26)      # 8 maps of 8x8 in a 3x3 grid
    view.follow_node(a_node("h1", "Dense", weight_shapes={"weight": (4, 2)}))
    _, probe = first_probe("xor_mlp", {"nodes": ("h1",)})
    view.show_probe(probe)
    assert len(view.maps_panel.bars.opts["height"]) == 4      # one bar per unit


def test_activation_view_plots_f_and_its_slope(qtbot):
    from gui.training.views.activation_curve import ActivationView
    view = ActivationView()
    qtbot.addWidget(view)
    assert view.is_empty and "activation" in view.empty_text
    assert view.follow_node(a_node("h1", "Dense")) is False
    assert view.follow_node(a_node("s", "Sigmoid"))
    x, f = view.f_curve.getData()
    _, df = view.df_curve.getData()
    assert f[np.argmin(abs(x))] == pytest.approx(0.5, abs=0.01)
    assert df.max() == pytest.approx(0.25, abs=1e-3)          # sigmoid' <= 1/4
    assert view.follow_node(a_node("l", "LeakyReLU", {"negative_slope": 0.2}))
    _, df = view.df_curve.getData()
    assert df.min() == pytest.approx(0.2)


# ---- data views -------------------------------------------------------------------------------
def test_boundary_view_draws_the_probability_map_and_the_points(qtbot):
    from gui.training.views.boundary import BoundaryView
    view = BoundaryView()
    qtbot.addWidget(view)
    assert view.is_empty and "press Train" in view.empty_text
    trainer, probe = first_probe("xor_mlp", {"grid": 20})
    view.start_run(run_info(trainer, 1))
    assert view.needs(run_info(trainer, 1), None) == {"grid": {"res": 80, "aspect": 1.0}}
    view.show_probe(probe)
    assert not view.is_empty and view.mode == "grid"
    assert view.image.image.shape == (20, 20, 3)
    assert len(view.points.data) == len(probe.get("grid").points)
    image_run = a_run(input_shape=(1, 8, 8))     # a run it cannot show: says why, asks nothing
    view.start_run(image_run)
    assert view.is_empty and "[1, 8, 8]" in view.empty_text
    assert view.needs(image_run, None) == {}


def test_boundary_view_draws_a_fitted_curve_for_1d_regression(qtbot):
    from gui.training.views.boundary import BoundaryView
    view = BoundaryView()
    qtbot.addWidget(view)
    trainer, probe = first_probe("sine_regression", {"grid": 50})
    view.start_run(run_info(trainer, 1))
    view.show_probe(probe)
    assert view.mode == "curve"
    x, y = view.fit_curves[0].getData()
    assert len(x) == 50 and np.isfinite(y).all()


def test_confusion_view_counts_the_validation_set_with_class_names(qtbot):
    from gui.training.views.confusion import ConfusionView
    view = ConfusionView()
    qtbot.addWidget(view)
    assert view.is_empty
    trainer, probe = first_probe("iris", {"confusion": None})
    view.start_run(run_info(trainer, 1))
    view.show_probe(probe)
    assert not view.is_empty
    assert view.matrix.sum() == len(trainer.dataset.x_val)
    ticks = [name for _, name in view.plot.getPlotItem().getAxis("bottom")._tickLevels[0]]
    assert ticks == list(trainer.dataset.class_names)
    assert [t.toPlainText() for t in view.texts] == [str(v) for v in view.matrix.ravel()]

