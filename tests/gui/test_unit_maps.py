"""The hidden units' maps (gui/training/views/unit_maps.py) draw the engine's "units" probe:
one map per unit of the selected node, each the node's output over the plane, on one shared
scale (centred on 0, 0..1 for a Sigmoid); nodes without maps and other inputs say why."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from gui.training.views.unit_maps import RES, UnitMapsView, map_levels
from tests.gui.test_training_views import a_node, a_run, first_probe


def shown(qtbot, width: int = 460, height: int = 300) -> UnitMapsView:
    view = UnitMapsView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view


def test_each_unit_of_the_selected_node_is_its_map_on_one_scale(qtbot):
    view = shown(qtbot)
    view.start_run(a_run())
    assert view.follow_node(a_node("a1", "Tanh"))
    assert view.needs(a_run(), None) == {"units": RES}
    trainer, probe = first_probe("xor_mlp", view.needs(a_run(), None))
    view.show_probe(probe)
    assert not view.is_empty
    maps = probe.get("units").maps["a1"]
    assert maps.shape == (4, RES, RES)
    shown_images = [im for im in view.images if im.isVisible()]
    assert len(shown_images) == 4
    levels = {tuple(im.levels) for im in shown_images}
    assert len(levels) == 1                          # one shared scale
    low, high = levels.pop()
    assert low == -high and high >= np.abs(maps).max()
    for k, image in enumerate(shown_images):
        np.testing.assert_array_equal(image.image, maps[k])
        assert view.labels[k].toPlainText() == str(k)
    # the map's corner is the model's output at that corner of the plane
    units = probe.get("units")
    trainer.model.forward(np.array([[units.xs[0], units.ys[-1]]], np.float32), training=False)
    np.testing.assert_allclose(maps[:, -1, 0], trainer.model.outputs["a1"][0], rtol=1e-5)
    assert "'a1' (Tanh)" in view.title.text()


def test_a_sigmoid_is_drawn_from_0_to_1(qtbot):
    view = shown(qtbot)
    view.start_run(a_run())
    view.follow_node(a_node("p", "Sigmoid"))
    _, probe = first_probe("xor_mlp", {"units": RES})
    view.show_probe(probe)
    assert tuple(view.images[0].levels) == (0.0, 1.0)
    assert tuple(view.colour_bar.levels()) == (0.0, 1.0)
    assert map_levels("Dense", np.array([0.2, -3.4])) == (-5.0, 5.0)


def test_a_wide_layer_says_it_has_no_maps_and_other_inputs_ask_for_none(qtbot):
    view = shown(qtbot)
    view.start_run(a_run())
    view.follow_node(a_node("h1", "Dense"))
    _, probe = first_probe("spiral", {"units": RES})          # h1 has 32 units
    view.show_probe(probe)
    assert view.is_empty and "up to 16 units" in view.empty_text
    assert not view.follow_node(a_node("h1", "Dense"))        # the dashboard hides it now
    view.start_run(a_run(input_shape=(1, 8, 8)))
    assert not view.follow_node(a_node("c1", "Conv2D"))
    assert view.needs(a_run(input_shape=(1, 8, 8)), None) == {}


@pytest.mark.parametrize("page, wanted", [("Layer", True), ("Curves", False)])
def test_the_dashboard_asks_for_the_maps_only_while_they_show(qtbot, page, wanted):
    from gui.training.dashboard import Dashboard
    d = Dashboard()
    qtbot.addWidget(d)
    d.resize(1400, 320)
    d.show()
    qtbot.waitExposed(d)
    run = a_run(layer_ids=["h1", "out"])
    d.start_run(run)
    d.follow_node(a_node("h1", "Dense"))
    d.show_page(page)
    view = d.view(UnitMapsView)
    qtbot.waitUntil(lambda: view.isVisible() == wanted)
    assert ("units" in d.needs(run, None)) == wanted


# ---- the cards ------------------------------------------------------------------------------------
def card_view(qtbot):
    from tests.gui.test_node_previews import make_view
    from tests.gui.conftest import xor_network
    return make_view(qtbot, xor_network())


def test_cards_show_their_units_maps_with_x1_up_and_keep_them(qtbot):
    from gui.training.previews import NodePreviews
    view = card_view(qtbot)
    previews = NodePreviews(view)
    _, probe = first_probe("xor_mlp", {"units": 24, "nodes": ("h1", "a1")})
    units = probe.get("units")
    previews.show_units(units)
    item = view.scene().node_items["a1"].preview_item
    p = item.preview
    assert p.over_plane and p.kind == "maps" and p.count_text == "4 units"
    maps = units.maps["a1"]
    # the card's top-left pixel is the plane's top-left: x0 smallest, x1 largest (last row)
    np.testing.assert_allclose(p.values[:, 0, 0] * p.scale, maps[:, -1, 0], rtol=1e-5)
    assert "over the input plane" in item.toolTip()
    previews.show(probe.get("nodes").activations)     # a sample's output does not replace it
    assert view.scene().node_items["a1"].preview_item.preview.over_plane
    previews.clear()
    assert not previews.mapped


def test_a_mostly_saturated_layer_gets_a_badge_with_a_tooltip(qtbot):
    from engine.training.health_probe import HealthProbe, LayerHealth
    from gui.training.previews import NodePreviews
    view = card_view(qtbot)
    previews = NodePreviews(view)
    item = view.scene().node_items["a1"]
    item.set_preview(np.array([0.9, -0.9, 1.0, -1.0]))
    layer = dict(id="a1", type="Tanh", depth=1, kind="saturating", units=4, dead=None,
                 z_limit=1.82, act_mean=0.0, act_std=0.9, grad_mean=0.0, grad_std=0.1,
                 grad_rms=0.1, is_output=False)
    previews.show_health(HealthProbe(step=3, samples=80, loss=0.1, layers=(
        LayerHealth(saturated=0.88, **layer),)))
    assert item.preview_item.badge == "saturated 88%"
    assert "88% of this layer's outputs" in item.preview_item.toolTip()
    view.centerOn(item.preview_item)
    from tests.gui.test_node_previews import pixel_at
    badge = pixel_at(view, item, 0.97, 0.1)
    assert badge.red() > 110 and badge.green() < 80, badge.name()
    previews.show_health(HealthProbe(step=4, samples=80, loss=0.1, layers=(
        LayerHealth(saturated=0.3, **layer),)))
    assert item.preview_item.badge is None


def test_the_cards_ask_for_maps_and_badges_only_with_previews_on():
    from gui.training.run_setup import probe_request
    run = a_run(layer_ids=["h1"])
    on = probe_request(run, {}, previews=True, sample=0)
    assert on.kinds["units"] == 24 and on.kinds["health"] == {"every_ms": 1000.0}
    assert probe_request(run, {}, previews=False, sample=0) is None
    with_view = probe_request(run, {"health": None, "units": RES}, previews=True, sample=0)
    assert with_view.kinds["health"] is None and with_view.kinds["units"] == RES
