"""Replacing the network (File > New, Open, an example) while cards are selected: scene.clear()
deletes the cards one at a time and says the selection changed after each, and raising the
selected cards then touched cards already deleted: "Internal C++ object (NodeItem) already
deleted"."""
from __future__ import annotations

from gui.canvas.scene import CanvasScene
from gui.document import Document
from tests.gui.conftest import xor_network


def test_replacing_the_network_with_cards_selected_touches_no_deleted_card(qtbot):
    doc = Document(xor_network())
    scene = CanvasScene(doc)
    scene.select_nodes(["h1", "a1"])                   # Select All does the same
    doc.replace(xor_network())        # New / Open: networkReplaced rebuilds the scene
    assert not scene.selectedItems() and not scene._raised   # the old cards are gone
    scene.node_items["a1"].setSelected(True)      # a selection change after it: no error
    assert scene.node_items["a1"].zValue() == 1
    assert scene.node_items["h1"].zValue() == 0
