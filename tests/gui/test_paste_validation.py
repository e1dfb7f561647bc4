"""Paste checks what it pastes exactly as a file being opened is checked, and says why it
refuses (issue 13, item 11): a pasted edge with port "zero" saved a file that could not be
reopened; params that were not an object raised and the paste silently did nothing."""
import json

import pytest
from PySide6.QtGui import QGuiApplication

from engine.graph.network import Network
from gui.canvas.view import CanvasView
from gui.document import Document
from tests.gui.conftest import xor_network


def fragment(**changes) -> dict:
    nodes = [{"id": "d", "type": "Dense", "params": {"units": 3}, "ui": {"x": 10, "y": 20}},
             {"id": "r", "type": "ReLU", "params": {}, "ui": {"x": 200, "y": 20}}]
    edges = [{"from": "d", "to": "r"}]
    out = {"nodes": nodes, "edges": edges}
    for where, value in changes.items():
        if where == "edge":
            edges[0].update(value)
        else:
            nodes[0].update({where: value})
    return out




HOSTILE = {
    "port zero": (json.dumps(fragment(edge={"port": "zero"})), "port must be a whole number"),
    "params a list": (json.dumps(fragment(params=[1, 2])), "params must be an object"),
    "ui a string": (json.dumps(fragment(ui="left")), "ui must be an object"),
    "nested 1000 deep": (json.dumps(fragment()).replace('"units": 3', '"units": '
                                                         + "[" * 1000 + "]" * 1000),
                         "nested"),
    "ui 1e400": (json.dumps(fragment()).replace('"x": 10', '"x": 1e400'),
                 "ui.x must be a number"),
    "5,000 digits": (json.dumps(fragment()).replace('"units": 3', '"units": ' + "9" * 5000),
                     "5,000 digits"),
    "not JSON": ("hello, world", "not valid JSON"),
    "another format": (json.dumps({"format": "keras-model", **fragment()}),
                       "not a Netwright network"),
    "a JSON list": (json.dumps([fragment()]), "JSON object"),
    "no nodes": (json.dumps({"nodes": [], "edges": []}), "no nodes"),
    "an unknown field": (json.dumps({**fragment(), "layers": []}), "unknown field 'layers'"),
    "a key twice": ('{"nodes": [], "nodes": []}', "twice"),
    "an unknown type": (json.dumps(fragment(type="Dense9")), "Dense9"),
}


@pytest.fixture
def view(qtbot):
    doc = Document(xor_network())
    widget = CanvasView(doc)
    widget.resize(900, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.messages = []
    widget.statusMessage.connect(widget.messages.append)
    return widget


def paste_text(view, qtbot, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    action = view.canvas_actions["paste"]
    qtbot.waitUntil(action.isEnabled)       # text on the clipboard: Paste is offered
    action.trigger()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_clipboard_text_is_refused_with_the_reason_and_changes_nothing(
        view, qtbot, name):
    text, reason = HOSTILE[name]
    doc = view.document
    before, steps = doc.to_dict(), doc.undo_stack.count()
    paste_text(view, qtbot, text)
    assert doc.to_dict() == before and doc.undo_stack.count() == steps
    assert view.messages and view.messages[-1].startswith("Cannot paste: ")
    assert reason in view.messages[-1]
    assert "\n" not in view.messages[-1]                  # one status-bar line


def test_a_valid_paste_still_works_and_is_one_undo_step(view, qtbot):
    doc = view.document
    before = doc.to_dict()
    paste_text(view, qtbot, json.dumps(fragment(edge={"port": 0})))
    assert doc.has_node("d") and doc.has_node("r") and doc.has_edge("d", "r")
    assert not any(m.startswith("Cannot paste") for m in view.messages)
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    doc.undo_stack.redo()
    assert doc.has_edge("d", "r")


def test_a_pasted_network_saves_a_file_that_opens_again(view, qtbot, tmp_path):
    doc = view.document
    paste_text(view, qtbot, json.dumps(fragment(edge={"port": 0})))
    path = tmp_path / "pasted.nw.json"
    Network.from_dict(doc.to_dict()).save(path)
    assert Network.load(path).node("d")["params"] == {"units": 3}


def test_a_whole_network_files_text_pastes_its_nodes(view, qtbot):
    doc = view.document
    text = json.dumps({**xor_network().to_dict(), "training": xor_network().training})
    paste_text(view, qtbot, text)
    assert len(doc.network.nodes) == 10 and doc.has_edge("h2", "a2")


def test_values_a_file_may_hold_paste_as_a_file_opens_shown_invalid(view, qtbot):
    doc = view.document
    paste_text(view, qtbot, json.dumps(fragment(params={"units": "four"})))
    assert doc.node("d")["params"] == {"units": "four"}
    assert any("whole number" in m for m in doc.analysis.messages["d"])
