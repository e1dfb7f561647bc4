"""The Data page's views tell the truth and can be read: the decision boundary's lines,
points and colours (also for a model that is nowhere sure), the fitted curve against the
true one, the confusion matrix's mistakes, the loss surface's frame, and titles that fit.
Views are driven as the dashboard drives them, with probes from real Trainers."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QFont, QFontMetrics

from engine.graph.network import Network
from engine.training.messages import ProbeEvent, ProbeRequest
from engine.training.trainer import Trainer
from gui.training.run_setup import run_info
from gui.training.views.boundary import BoundaryView
from gui.training.views.boundary_map import (boundary_rgb, class_boundaries, image_rect,
                                             zero_segments)
from gui.training.views.confusion import ConfusionView, cell_colours
from gui.training.views.loss_surface import LossSurfaceView
from tests.probing import probe_after

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def shown(qtbot, view, width=460, height=260):
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def draw(qtbot, view, trainer, probe):
    view.start_run(run_info(trainer, 1))
    view.show_probe(probe)
    qtbot.wait(1)                       # let the layout settle (one pass of the event loop)
    view.settle()
    return view


def brush_of(scatter, i: int = 0):
    """The fill colour of a scatter's point ``i`` (its own brush, or the scatter's)."""
    own = scatter.data["brush"][i]
    return (own if own is not None else scatter.opts["brush"]).color()


def segment_length(segments: np.ndarray) -> float:
    pairs = segments.reshape(-1, 2, 2)
    return float(np.sum(np.linalg.norm(pairs[:, 1] - pairs[:, 0], axis=1)))


# ---- the decision boundary -----------------------------------------------------------------
@pytest.fixture(scope="module")
def spiral():
    return probe_after("spiral", 2000, {"grid": {"res": 80, "aspect": 2.0}})


def test_spiral_boundary_is_drawn_as_a_line_that_winds(qtbot, spiral):
    trainer, probe = spiral
    view = draw(qtbot, shown(qtbot, BoundaryView()), trainer, probe)
    x, _y = view.lines.getData()
    g = probe.get("grid")
    segments = class_boundaries(g.probs, g.xs, g.ys)
    assert len(x) == len(segments) > 0 and view.lines.isVisible()
    # A straight line across the map is at most its diagonal long; the spiral's is longer.
    diagonal = np.hypot(g.x_range[1] - g.x_range[0], g.y_range[1] - g.y_range[0])
    assert segment_length(segments) > 2 * diagonal


def test_points_are_small_see_through_split_train_validation_and_can_be_hidden(qtbot, spiral):
    trainer, probe = spiral
    view = draw(qtbot, shown(qtbot, BoundaryView()), trainer, probe)
    g = probe.get("grid")
    assert len(view.points.data) == len(g.points) == len(trainer.dataset.x_train)
    assert len(view.val_points.data) == len(g.val_points) == len(trainer.dataset.x_val)
    assert max(view.points.data["size"]) <= 6
    assert brush_of(view.points).alpha() < 200             # the map shows through
    val_pen = view.val_points.data["pen"][0].color()
    assert brush_of(view.val_points).alpha() < 100 and val_pen.alpha() == 255   # hollow
    assert "train" in view.footer.text and "validation" in view.footer.text
    view.points_check.setChecked(False)
    assert not view.points.isVisible() and not view.val_points.isVisible()
    view.points_check.setChecked(True)
    assert view.points.isVisible() and view.val_points.isVisible()


def test_the_map_takes_the_plots_shape_and_fills_it(qtbot, spiral):
    trainer, _probe = spiral
    view = shown(qtbot, BoundaryView(), 700, 300)
    view.start_run(run_info(trainer, 1))
    view.show_probe(_probe)                      # shows the plot, which then has its size
    qtbot.wait(1)
    box = view.plot.getPlotItem().getViewBox()
    asked = view.needs(run_info(trainer, 1), None)
    assert asked["grid"]["aspect"] == pytest.approx(box.width() / box.height(), rel=0.1)
    trainer.set_probes(ProbeRequest(asked, every_ms=0))
    run = trainer.run()
    probe = next(e for e in run if isinstance(e, ProbeEvent))
    run.close()
    draw(qtbot, view, trainer, probe)
    g = probe.get("grid")
    (x0, x1), (y0, y1) = box.viewRange()
    left, bottom, width, height = image_rect(g.xs, g.ys)
    for seen, drawn, size in ((x0, left, width), (x1, left + width, width),
                              (y0, bottom, height), (y1, bottom + height, height)):
        assert seen == pytest.approx(drawn, abs=0.08 * size)     # no blank margins
    with qtbot.waitSignal(view.needsChanged, timeout=5000):    # a square plot: a square map
        view.resize(330, 330)
    assert view.needs(run_info(trainer, 1), None)["grid"]["aspect"] < asked["grid"]["aspect"]


def test_a_perceptron_on_xor_shows_its_straight_line_and_says_it_is_unsure(qtbot):
    trainer, probe = probe_after("xor_perceptron", 300, {"grid": {"res": 60,
                                                                    "aspect": 1.0}})
    view = draw(qtbot, shown(qtbot, BoundaryView()), trainer, probe)
    g = probe.get("grid")
    assert g.probs.max() < 0.75                          # nowhere sure: the old map was grey
    rgb = view.image.image.reshape(-1, 3).astype(float)
    assert np.ptp(rgb, axis=0).max() > 60                # ... this one leans blue and red
    x, y = view.lines.getData()
    assert len(x) > 10
    slope, intercept = np.polyfit(x, y, 1)             # one straight line
    assert np.abs(y - (slope * x + intercept)).max() < 0.05
    assert "Nowhere sure" in view.footer.text and "stretched" in view.footer.text


def test_colours_stretch_only_for_an_unsure_model():
    sure = np.zeros((4, 4, 2))
    sure[..., 0], sure[..., 1] = 0.95, 0.05
    _rgb, stretch = boundary_rgb(sure)
    assert stretch == 1.0
    unsure = np.zeros((4, 4, 2))
    unsure[:, :2, 0], unsure[:, 2:, 0] = 0.45, 0.55
    unsure[..., 1] = 1 - unsure[..., 0]
    rgb, stretch = boundary_rgb(unsure)
    assert stretch == pytest.approx(10.0)
    assert rgb[0, 0, 0] > rgb[0, 0, 2] and rgb[0, 3, 2] > rgb[0, 3, 0]   # red | blue


def test_three_classes_get_the_lines_between_their_regions():
    """Three classes, each sure within its 120 degree sector: the lines lie on the rays
    between the sectors."""
    xs = ys = np.linspace(-2, 2, 81)
    gx, gy = np.meshgrid(xs, ys)
    angle = np.arctan2(gy, gx)
    centres = np.array([90, 210, 330]) * np.pi / 180
    logits = 4 * np.cos(angle[..., None] - centres)
    probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    points = class_boundaries(probs, xs, ys)
    far = np.hypot(points[:, 0], points[:, 1]) > 0.3
    degrees = np.degrees(np.arctan2(points[far, 1], points[far, 0])) % 360
    rays = np.array([30, 150, 270])
    assert np.abs(degrees[:, None] - rays).min(axis=1).max() < 3
    assert {int(r) for r in rays[np.abs(degrees[:, None] - rays).argmin(axis=1)]} == {30, 150,
                                                                                        270}


def test_zero_segments_trace_a_circle_and_split_saddles():
    xs = ys = np.linspace(-2, 2, 60)
    gx, gy = np.meshgrid(xs, ys)
    circle = zero_segments(np.hypot(gx, gy) - 1, xs, ys)
    assert np.allclose(np.hypot(circle[:, 0], circle[:, 1]), 1, atol=2e-3)
    assert segment_length(circle) == pytest.approx(2 * np.pi, rel=0.01)
    saddle = zero_segments(gx * gy + 0.01, xs, ys)       # two hyperbola branches
    assert np.abs(saddle[:, 0] * saddle[:, 1] + 0.01).max() < 0.02


# ---- the fitted curve ----------------------------------------------------------------------
def test_the_mse_fit_is_drawn_against_the_true_sine_with_its_distance(qtbot):
    trainer, probe = probe_after("sine_regression", 1200, {"grid": 101}, loss="mse")
    view = draw(qtbot, shown(qtbot, BoundaryView()), trainer, probe)
    c = probe.get("grid")
    x, y = view.true_curve.getData()
    np.testing.assert_allclose(y, np.sin(x), atol=1e-6)
    _, fit = view.fit_curves[0].getData()
    assert view.true_curve.opts["pen"].style() != view.fit_curves[0].opts["pen"].style()
    assert np.mean(fit - y) > 0.2                         # lifted towards the outliers
    assert "off the true curve by 0.3" in view.footer.text
    assert len(view.val_points.data) == len(trainer.dataset.x_val)
    (_x0, _x1), (y0, y1) = view.plot.getPlotItem().getViewBox().viewRange()
    assert y1 >= float(np.max(c.points_y)) and y0 <= float(np.min(c.points_y))  # outliers in view
    assert "true curve" in view.footer.text and view.mode == "curve"


# ---- titles --------------------------------------------------------------------------------
def title_fits(view, plot_item, plot_widget) -> bool:
    """The plot stays inside its widget and its title inside the plot area."""
    font = QFont()
    font.setPointSize(10)
    text = plot_item.titleLabel.item.toPlainText()
    room = plot_item.getViewBox().width()
    return (plot_item.width() <= plot_widget.width() + 1
            and QFontMetrics(font).horizontalAdvance(text) <= room)


def test_titles_fit_narrow_plots(qtbot, spiral):
    trainer, probe = spiral
    boundary = draw(qtbot, shown(qtbot, BoundaryView(), 300, 240), trainer, probe)
    assert title_fits(boundary, boundary.plot.getPlotItem(), boundary.plot)
    iris, matrix = probe_after("iris", 50, {"confusion": None})
    confusion = draw(qtbot, shown(qtbot, ConfusionView(), 250, 240), iris, matrix)
    assert title_fits(confusion, confusion.plot.getPlotItem(), confusion.plot)
    assert "ccuracy" in confusion.plot.getPlotItem().titleLabel.text


# ---- the confusion matrix ------------------------------------------------------------------
def test_a_single_mistake_stands_out_and_zeros_recede():
    rgb, tint = cell_colours(np.array([[36, 0], [1, 35]]))
    assert tint[1, 0] >= 0.18 and tint[0, 1] == 0
    assert tuple(rgb[0, 1]) == (255, 255, 255)            # no mistake: white
    assert rgb[1, 0, 0] > rgb[1, 0, 2] + 30                # a mistake: clearly red
    assert rgb[0, 0, 2] > rgb[0, 0, 0] + 100               # right: blue


def test_confusion_names_fit_their_columns(qtbot):
    trainer, probe = probe_after("iris", 50, {"confusion": None})
    view = draw(qtbot, shown(qtbot, ConfusionView(), 250, 240), trainer, probe)
    ticks = view.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    column = view.plot.getPlotItem().getViewBox().width() / 3
    metrics = QFontMetrics(QFont())
    assert all(metrics.horizontalAdvance(name) <= column for _, name in ticks)
    zero = [t for t, v in zip(view.texts, view.matrix.ravel()) if v == 0]
    assert zero and all(t.color.name() == "#b0b7c0" for t in zero)


# ---- the loss surface ----------------------------------------------------------------------
def test_surface_axes_name_the_principal_directions_and_show_start_and_now(qtbot):
    trainer, probe = probe_after("spiral", 1500, {"surface": {"res": 11, "aspect": 2.0}})
    view = draw(qtbot, shown(qtbot, LossSurfaceView(), 600, 300), trainer, probe)
    s = probe.get("surface")
    assert s.directions == "pca"
    bottom = view.plot.getAxis("bottom").labelText
    assert bottom.startswith("PC 1 (") and f"{100 * s.shares[0]:.0f} %" in bottom
    assert view.plot.getAxis("left").labelText.startswith("PC 2 (")
    rect = view.image.mapRectToParent(view.image.boundingRect())
    for marker in (view.start, view.current):
        assert rect.contains(marker.data["x"][0], marker.data["y"][0])
    assert view.start.zValue() > view.path_line.zValue()
    assert "start (step 0)" in view.footer.text and f"now (step {probe.step:,})" in \
        view.footer.text


def test_the_random_directions_toggle_asks_for_them(qtbot):
    view = shown(qtbot, LossSurfaceView())
    trainer = Trainer(Network.load(EXAMPLES / "xor_mlp.nw.json"))
    view.start_run(run_info(trainer, 1))
    assert view.needs(None, None)["surface"]["directions"] == "pca"
    with qtbot.waitSignal(view.needsChanged, timeout=1000):
        view.random_check.setChecked(True)
    assert view.needs(None, None)["surface"]["directions"] == "random"


def test_a_new_grid_at_the_same_step_is_drawn(qtbot):
    """Paused, a plot of another shape (or the other directions) gets a new grid at the
    step it shows already: the view drew grids only when the step changed."""
    import dataclasses
    trainer, probe = probe_after("xor_mlp", 300, {"surface": {"res": 11}})
    view = draw(qtbot, shown(qtbot, LossSurfaceView()), trainer, probe)
    s = probe.get("surface")
    wide = dataclasses.replace(s, losses=s.losses[:5], betas=s.betas[3:8])
    before = view.image.image.shape
    view.show_probe(dataclasses.replace(probe, results={"surface": wide}))
    assert view.image.image.shape != before and view.image.image.shape[0] < before[0]


def test_small_cells_keep_the_mistakes_counts_and_drop_the_zeros(qtbot):
    trainer, probe = probe_after("digits_mlp", 100, {"confusion": None})
    view = draw(qtbot, shown(qtbot, ConfusionView(), 460, 220), trainer, probe)
    box = view.plot.getPlotItem().getViewBox()
    assert 11 <= box.height() / 10 < 15                 # rows too low for 100 numbers
    counts = view.matrix.ravel()
    assert counts.min() == 0
    assert all(t.isVisible() == (c != 0) for t, c in zip(view.texts, counts))
    assert "(none: 0)" in view.footer.text
    view.resize(300, 150)                               # no room: colours only, said so
    qtbot.waitUntil(lambda: not any(t.isVisible() for t in view.texts), timeout=5000)
    assert "no room here for the counts" in view.footer.text
