"""Big networks open and edit in time that grows with their size, not its square (issue 13,
item 3: 2,000 nodes took 25 s to open, 10,000 never opened). The tests count work rather
than time it, so a loaded machine cannot fail them: Python calls while opening (Qt calls
the cards' boundingRect from C++ too, so a scan of every card per card added shows), the
scene-wide look-ups per card, and what one edit rebuilds. benchmarks/open_big_graph.py
times it."""
from __future__ import annotations

import sys

import pytest

from benchmarks.open_big_graph import big_network
from gui import commands
from gui.canvas.edge_item import EdgeItem
from gui.canvas.node_item import NodeItem
from gui.canvas.scene import CanvasScene


@pytest.fixture
def canvas(qtbot):
    from gui.canvas.view import CanvasView
    from gui.document import Document
    view = CanvasView(Document())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def calls_to_open(view, n: int, positions: bool = True) -> int:
    """Python function calls (and calls into C) made while opening an n-node network;
    without ``positions``, the window lays the nodes out (gui.canvas.layout)."""
    net = big_network(n)
    if not positions:
        for node in net.nodes:
            del node["ui"]
    count = 0

    def counter(frame, event, arg):
        nonlocal count
        count += 1
    sys.setprofile(counter)
    try:
        view.document.replace(net)
    finally:
        sys.setprofile(None)
    return count


def test_opening_costs_grow_linearly_with_the_nodes(canvas):
    calls_to_open(canvas, 50)                    # imports and caches out of the way
    small, big = calls_to_open(canvas, 100), calls_to_open(canvas, 800)
    assert len(canvas.scene().node_items) == 800
    # linear: 8 x the nodes, 8.0 x the calls (it was 12.1 x at these sizes, and growing)
    assert big / small < 9.0, (small, big)


def test_a_file_without_positions_is_laid_out_in_linear_time(canvas):
    calls_to_open(canvas, 50, positions=False)
    small = calls_to_open(canvas, 100, positions=False)
    big = calls_to_open(canvas, 800, positions=False)
    assert big / small < 9.0, (small, big)         # 17 x before (each node looked up its inputs)


def test_opening_asks_the_scene_for_its_items_once(canvas, monkeypatch):
    asked = {"items": 0, "itemsBoundingRect": 0}
    for name in asked:
        original = getattr(CanvasScene, name)

        def counted(self, *args, _name=name, _original=original):
            asked[_name] += 1
            return _original(self, *args)
        monkeypatch.setattr(CanvasScene, name, counted)
    canvas.document.replace(big_network(300))
    # a wire's label asks where the cards are when it is painted, not when it is made
    assert asked == {"items": 0, "itemsBoundingRect": 1}
    canvas.centerOn(canvas.scene().node_items["d101"])       # at the natural zoom
    canvas.grab()
    assert 0 < asked["items"] < len(canvas.scene().edge_items) / 4      # the wires in sight


def test_one_param_edit_rebuilds_no_card(canvas, monkeypatch):
    canvas.document.replace(big_network(600))
    made, read = [], []
    for cls, log in ((NodeItem, made), (EdgeItem, made)):
        init = cls.__init__
        monkeypatch.setattr(cls, "__init__", lambda self, *a, _i=init, _l=log, **k: (
            _l.append(self), _i(self, *a, **k))[1])
    read_texts = NodeItem._read_texts
    monkeypatch.setattr(NodeItem, "_read_texts", lambda self: (
        read.append(self.node_id), read_texts(self))[1])
    doc = canvas.document
    doc.undo_stack.push(commands.SetParam(doc, "d303", "units", 9))
    assert made == []
    # the edited Dense, the ReLU after it (its shape) and the Dense after that (its count)
    assert sorted(read) == ["d303", "d305", "r304"]
    label = canvas.scene().edge_items[("d303", "r304")]
    assert label.label == "[9]"


def test_select_all_and_delete_say_the_selection_changed_once(canvas, qtbot):
    canvas.document.replace(big_network(300))
    said = []
    canvas.selectionChanged.connect(said.append)
    canvas.select_all()
    assert len(said) == 1 and len(said[0]) == 300
    canvas.delete_selection()
    assert len(said) == 2 and said[1] == []
    assert not canvas.scene().node_items and not canvas.scene().edge_items
    canvas.document.undo_stack.undo()
    assert len(canvas.scene().node_items) == 300


def test_a_wire_drag_checks_only_the_ports_in_sight(canvas, monkeypatch):
    from gui.document import Document
    canvas.document.replace(big_network(600))
    scene = canvas.scene()
    canvas.centerOn(scene.node_items["d303"])                # at the natural zoom
    asked = []
    check = Document.connection_problem
    monkeypatch.setattr(Document, "connection_problem",
                        lambda self, src, dst: (asked.append(dst), check(self, src, dst))[1])
    origin = scene.node_items["d303"].out_port
    scene.begin_wire(origin, origin.scenePos())
    assert 0 < len(asked) < 60                  # the cards in sight, not 600
    far = scene.node_items["d501"]                           # out of sight: checked on drop
    reason = scene.end_wire(far.scenePos() + far.boundingRect().center())
    assert reason == "'d501' takes exactly 1 input(s) and has them already: delete its wire first"
    assert not canvas.document.has_edge("d303", "d501")
