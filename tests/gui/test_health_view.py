"""The network health view (gui/training/views/health.py) draws the engine's numbers: one
bar per activation node in graph order at its saturated or dead share, the activation std
and gradient RMS by depth, the badges named; the dashboard asks for the probe only while
the view is visible."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from gui.training.views.health import NO_ACTIVATIONS, HealthView
from tests.gui.test_training_views import a_run, first_probe


def shown(qtbot, widget, width: int = 460, height: int = 260):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def bottom_ticks(plot) -> list[str]:
    axis = plot.getPlotItem().getAxis("bottom")
    return [name for _pos, name in axis._tickLevels[0]]


@pytest.mark.parametrize("example", ["circles_deep_sigmoid", "circles_deep_relu"])
def test_the_view_draws_the_probes_numbers_layer_by_layer(qtbot, example):
    view = shown(qtbot, HealthView(), 800, 300)
    view.start_run(a_run())
    assert view.needs(a_run(), None) == {"health": None}
    _, probe = first_probe(example, {"health": None})
    health = probe.get("health")
    view.show_probe(probe)
    assert not view.is_empty
    assert bottom_ticks(view.share_plot) == ["a1", "a2", "a3", "a4", "a5", "p"]
    heights = view.bars.opts["height"]
    for h, height in zip(health.layers, heights):
        share = h.saturated if h.saturated is not None else h.dead
        assert height == pytest.approx(share)
    texts = [t.toPlainText() for t in view.share_text]
    assert texts == [f"{(h.saturated if h.saturated is not None else h.dead):.0%}"
                     for h in health.layers]
    x, y = view.act_curve.getData()                 # log10 on the log axis
    np.testing.assert_allclose(10 ** y, [h.act_std for h in health.layers], rtol=1e-5)
    gx, gy = view.grad_curve.getData()
    assert list(gx) == [0, 1, 2, 3, 4]              # the output Sigmoid gets none (fused)
    np.testing.assert_allclose(10 ** gy, [h.grad_rms for h in health.layers[:5]], rtol=1e-5)
    assert "p is the output" in view.footer.text
    view.resize(440, 300)                  # narrow: the labels would overprint each other
    qtbot.waitUntil(lambda: not view.share_text)


def test_badges_are_named_under_the_plots(qtbot):
    from engine.training.health_probe import HealthProbe, LayerHealth
    layer = dict(type="ReLU", kind="gated", units=8, saturated=None, z_limit=None,
                 act_mean=0.1, act_std=0.2, grad_mean=0.0, grad_std=0.1, grad_rms=0.1,
                 is_output=False)
    probe = HealthProbe(step=7, samples=64, loss=0.5, layers=(
        LayerHealth(id="r1", depth=1, dead=0.75, **layer),
        LayerHealth(id="r2", depth=2, dead=0.25, **layer)))
    view = shown(qtbot, HealthView())
    view.draw(probe)
    assert "r1: dead 75%" in view.footer.text and "r2" not in view.footer.text


def test_a_network_without_activations_says_so(qtbot):
    from engine.training.health_probe import HealthProbe
    view = shown(qtbot, HealthView())
    view.start_run(a_run())

    class Event:
        results = {"health": HealthProbe(step=1, samples=0, loss=float("nan"), layers=())}

        def get(self, kind):
            return self.results.get(kind)
    view.show_probe(Event())
    assert view.is_empty and view.empty_text == NO_ACTIVATIONS


def test_the_dashboard_asks_for_health_only_while_the_view_shows(qtbot):
    from gui.training.dashboard import Dashboard
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1400, 320)
    d.show()
    qtbot.waitExposed(d)
    run = a_run(layer_ids=["h1", "out"])
    d.start_run(run)
    d.show_page("Backprop")
    qtbot.waitUntil(lambda: d.view(HealthView).isVisible())
    assert "health" in d.needs(run, None)
    d.show_page("Data")
    qtbot.waitUntil(lambda: not d.view(HealthView).isVisible())
    assert "health" not in d.needs(run, None)
