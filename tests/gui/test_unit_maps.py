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
