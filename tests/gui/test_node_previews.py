"""The live previews under the node cards: one symmetric colour scale per node, several
maps for image outputs, as wide as the card (neighbours never overlap), readable at Fit to
View, and any array is drawn or refused without an exception."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from engine.graph.network import Network
from gui.canvas import style
from gui.canvas.preview import (MAX_BARS, MAX_MAPS, NEGATIVE, POSITIVE, ZERO, diverging_rgb,
                                nice_scale, preview_of)
from gui.canvas.view import CanvasView
from gui.commands import AutoLayout
from gui.document import Document
from tests.gui.conftest import xor_network

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


# ---- what a preview shows --------------------------------------------------------------------
def test_the_scale_is_symmetric_and_moves_in_steps():
    assert [nice_scale(v) for v in (0.8, 1.0, 1.2, 2.5, 4.2, 6.0, 0.031, 800)] == [
        1.0, 1.0, 1.5, 3.0, 5.0, 7.0, 0.05, 1000.0]
    assert nice_scale(0.0) == nice_scale(float("nan")) == 1.0
    p = preview_of(np.array([0.6, -1.2, 0.0]))
    assert p.kind == "bars" and p.scale == 1.5 and p.scale_text == "±1.5"
    np.testing.assert_allclose(p.values, [0.4, -0.8, 0.0])       # a bar per unit, +-1 = full


def test_a_small_output_is_a_small_bar_not_a_full_one():
    """A sigmoid's 0.007 was drawn as a full red bar on a scale of +-0.007."""
    p = preview_of(np.array([0.007]))
    assert p.scale == 1.0 and p.values[0] == pytest.approx(0.007)


def test_one_scale_for_every_map_of_a_node_and_at_most_a_few_maps():
    maps = np.zeros((16, 4, 4), dtype=np.float32)
    maps[0] += 0.5
    maps[12, 0, 0] = -3.0                          # a map not shown still sets the scale
    p = preview_of(maps)
    assert p.kind == "maps" and p.values.shape == (MAX_MAPS, 4, 4)
    assert p.scale == 3.0 and p.count_text == "8 of 16 maps"
    np.testing.assert_allclose(p.values[0], 0.5 / 3.0)


def test_long_vectors_become_cells_and_colours_diverge_around_white():
    assert preview_of(np.ones(MAX_BARS)).kind == "bars"
    assert preview_of(np.ones(MAX_BARS + 1)).kind == "cells"
    rgb = diverging_rgb(np.array([-1.0, 0.0, 1.0, np.nan]))
    assert [tuple(c) for c in rgb[:3]] == [tuple(NEGATIVE.astype(int)), tuple(ZERO.astype(int)),
                                           tuple(POSITIVE.astype(int))]
    assert len(set(rgb[3])) == 1 and tuple(rgb[3]) != tuple(ZERO.astype(int))   # NaN: grey


@pytest.mark.parametrize("bad", [np.array([]), np.zeros((2, 0, 3)), "text", None,
                                 np.full(5, np.nan), np.array([np.inf, -1.0]),
                                 np.zeros((2, 3, 4, 5)), np.float32(2.0)])
def test_any_array_is_drawn_or_refused_without_an_exception(qtbot, bad):
    view = make_view(qtbot, xor_network())
    item = view.scene().node_items["h1"]
    item.set_preview(bad)
    view.grab()
    p = preview_of(bad) if bad is not None else None
    assert item.has_preview() == (p is not None)
    if p is not None:
        assert np.all(np.isnan(p.values) | (np.abs(p.values) <= 1))


# ---- on the canvas ---------------------------------------------------------------------------
def make_view(qtbot, network: Network, size=(1400, 700)) -> CanvasView:
    view = CanvasView(Document(network))
    view.resize(*size)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def fake_outputs(document) -> dict:
    """An output of the right shape for every node, with both signs."""
    rng = np.random.default_rng(0)
    return {nid: rng.normal(size=document.analysis.node(nid).shape).astype(np.float32)
            for nid in document.network.node_ids()}


def show_all(view) -> None:
    outputs = fake_outputs(view.document)
    for nid, item in view.scene().node_items.items():
        item.set_preview(outputs[nid])


def branching_network() -> Network:
    """Two Dense 32 branches into a Concat: auto layout stacks them in one column."""
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [2]}},
             {"id": "a", "type": "Dense", "params": {"units": 32}},
             {"id": "b", "type": "Dense", "params": {"units": 32}},
             {"id": "c", "type": "Dense", "params": {"units": 32}},
             {"id": "cat", "type": "Concat", "params": {}}]
    edges = [{"from": "in", "to": t} for t in ("a", "b", "c")] + [
        {"from": s, "to": "cat", "port": k} for k, s in enumerate("abc")]
    return Network.from_dict({"name": "branches", "nodes": nodes, "edges": edges})


@pytest.mark.parametrize("network", [lambda: Network.load(EXAMPLES / "spiral.nw.json"),
                                     branching_network])
def test_previews_stay_under_their_own_card(qtbot, network):
    view = make_view(qtbot, network())
    view.document.undo_stack.push(AutoLayout(view.document))
    show_all(view)
    items = view.scene().node_items
    cards = {nid: item.sceneBoundingRect() for nid, item in items.items()}
    previews = {nid: item.preview_item.sceneBoundingRect() for nid, item in items.items()}
    for nid, rect in previews.items():
        card = cards[nid]
        assert card.left() - 1 <= rect.left() and rect.right() <= card.right() + 1, nid
        others = [o for o in items if o != nid]
        assert not [o for o in others if rect.intersects(cards[o])], nid
        assert not [o for o in others if rect.intersects(previews[o])], nid


def test_an_image_node_shows_several_maps_side_by_side_inside_the_box(qtbot):
    view = make_view(qtbot, Network.load(EXAMPLES / "digits_cnn.nw.json"))
    show_all(view)
    preview = view.scene().node_items["c1"].preview_item      # [8, 8, 8]
    rects = preview.cell_rects()
    assert len(rects) == 8 and min(r.width() for r in rects) >= 20
    assert all(preview.box().contains(r) for r in rects)
    assert not [(a, b) for a in rects for b in rects if a is not b and a.intersects(b)]


def on_screen(view, item) -> QRectF:
    """The preview's picture (not its caption) in viewport pixels."""
    box = item.preview_item.mapRectToScene(item.preview_item.box())
    return view.mapFromScene(box).boundingRect().toRectF()


def test_every_preview_reads_at_fit_to_view(qtbot):
    """Fit to View of a 10-node CNN: the Flatten's 64 units were a bar about 4 pixels high."""
    view = make_view(qtbot, Network.load(EXAMPLES / "digits_cnn.nw.json"), size=(850, 470))
    show_all(view)
    view.fit_to_view()
    viewport = QRectF(view.viewport().rect())
    for nid, item in view.scene().node_items.items():
        rect = on_screen(view, item)
        assert rect.height() >= 20 and viewport.contains(rect), (nid, rect)


def pixel_at(view, item, x: float, y: float) -> QColor:
    """The colour on screen at (x, y) of a preview's box, in parts of its width/height."""
    rect = on_screen(view, item)
    image = view.viewport().grab().toImage()
    return image.pixelColor(int(rect.left() + x * rect.width()),
                            int(rect.top() + y * rect.height()))


def test_positive_reads_red_and_negative_blue_zoomed_in_and_out(qtbot):
    """The simplified cards of a zoomed-out canvas still draw the previews."""
    from gui.canvas.node_item import SIMPLE_BELOW
    view = make_view(qtbot, xor_network())
    item = view.scene().node_items["h1"]
    item.set_preview(np.array([1.0, 1.0, -1.0, -1.0]))
    for zoom in (1.0 / style.CARD_SCALE, SIMPLE_BELOW * 0.8 / style.CARD_SCALE):
        view.resetTransform()
        view.scale(zoom, zoom)
        view.centerOn(item.preview_item)
        red, blue = pixel_at(view, item, 0.1, 0.3), pixel_at(view, item, 0.9, 0.7)
        assert red.red() > 150 > red.blue(), (zoom, red.name())
        assert blue.blue() > 150 > blue.red(), (zoom, blue.name())


def test_previews_go_with_none_and_fit_to_view_makes_room_for_them(qtbot):
    view = make_view(qtbot, xor_network())
    item = view.scene().node_items["h1"]
    card = item.outline_rect()
    item.set_preview(np.zeros((8, 8), dtype=np.float32))
    assert item.has_preview() and item.outline_rect().height() > card.height()
    item.set_preview(None)
    assert not item.has_preview() and item.outline_rect() == card
    assert item.preview_item is None and len(view.scene().items()) == len(
        [i for i in view.scene().items() if i.topLevelItem() in
         (*view.scene().node_items.values(), *view.scene().edge_items.values())])
