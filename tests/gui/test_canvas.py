"""The canvas driven like a user: palette drops, port drags, keys, wheel, menus' actions."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.canvas.port_item import INVALID, VALID
from gui.canvas.scene import MIME_LAYER
from gui.canvas.view import MAX_ZOOM, PASTE_OFFSET, CanvasView
from gui.commands import SetParam
from gui.document import Document
from tests.gui.conftest import xor_network

LEFT = Qt.MouseButton.LeftButton
NOMOD = Qt.KeyboardModifier.NoModifier


# ---- helpers that act as the user ----------------------------------------------------------
@pytest.fixture
def make_view(qtbot):
    def make(network=None):
        doc = Document(network)
        view = CanvasView(doc)
        view.resize(1400, 700)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)     # shortcuts work while the canvas has focus
        return view, doc
    return make


def drop(view, type_name: str, at: QPoint) -> None:
    """What the palette does: a drag with the layer MIME type, dropped at ``at``."""
    mime = QMimeData()
    mime.setData(MIME_LAYER, type_name.encode("utf-8"))
    action = Qt.DropAction.CopyAction
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), cls(at, action, mime, LEFT, NOMOD))
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(at), action, mime, LEFT, NOMOD))


def vp(view, scene_point) -> QPoint:
    return view.mapFromScene(scene_point)


def mouse_drag(view, start: QPoint, end: QPoint, modifier=NOMOD, button=LEFT,
               during=None) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, button, modifier, start)
    for k in range(1, 6):          # several moves, as a real drag
        QTest.mouseMove(viewport, start + (end - start) * (k / 5))
    if during is not None:
        during()
    QTest.mouseRelease(viewport, button, modifier, end)


def wire(view, src: str, dst: str, slot: int = -1, during=None) -> None:
    scene = view.scene()
    out = scene.node_items[src].out_port
    target = scene.node_items[dst].in_ports[slot]
    mouse_drag(view, vp(view, out.scenePos()), vp(view, target.scenePos()), during=during)


def click(view, node_id: str, modifier=NOMOD) -> None:
    item = view.scene().node_items[node_id]
    centre = item.mapToScene(item.card_rect().center())
    QTest.mouseClick(view.viewport(), LEFT, modifier, vp(view, centre))


def labels(view) -> dict:
    return {key: edge.label for key, edge in view.scene().edge_items.items()}


def build_xor(view, doc) -> dict[str, str]:
    """Drop the five layers left to right and wire them; returns type -> id."""
    ids = []
    for k, type_name in enumerate(["Input", "Dense", "Tanh", "Dense", "Sigmoid"]):
        drop(view, type_name, QPoint(130 + 270 * k, 350))
        ids.append(view.scene().selected_node_ids()[0])
    units = {ids[1]: 4, ids[3]: 1}
    for nid, n in units.items():
        doc.undo_stack.push(SetParam(doc, nid, "units", n))
    for a, b in zip(ids, ids[1:]):
        wire(view, a, b)
    return ids


# ---- building ------------------------------------------------------------------------------
def test_build_xor_from_an_empty_canvas(make_view):
    view, doc = make_view()
    ids = build_xor(view, doc)
    assert ids == ["input1", "dense1", "tanh1", "dense2", "sigmoid1"]
    assert [(e["from"], e["to"]) for e in doc.network.edges] == list(zip(ids, ids[1:]))
    assert labels(view) == {("input1", "dense1"): "[2]", ("dense1", "tanh1"): "[4]",
                            ("tanh1", "dense2"): "[4]", ("dense2", "sigmoid1"): "[1]"}
    assert doc.errors.get("dense1") is None and doc.shapes["sigmoid1"] == (1,)
    item = view.scene().node_items["dense1"]
    assert not item.has_error and "units 4" in item._texts[1]


def test_a_drop_lands_under_the_cursor(make_view):
    view, doc = make_view()
    drop(view, "Dense", QPoint(500, 300))
    item = view.scene().node_items["dense1"]
    centre = vp(view, item.mapToScene(item.card_rect().center()))
    assert (centre - QPoint(500, 300)).manhattanLength() <= 2
    assert view.scene().selected_node_ids() == ["dense1"]


def test_wire_labels_follow_param_edits(make_view):
    view, doc = make_view(xor_network())
    doc.undo_stack.push(SetParam(doc, "h1", "units", 16))
    assert labels(view)[("h1", "a1")] == "[16]" and labels(view)[("a1", "out")] == "[16]"
    assert "units 16" in view.scene().node_items["h1"]._texts[1]
    doc.undo_stack.undo()
    assert labels(view)[("a1", "out")] == "[4]"


# ---- refused wires -------------------------------------------------------------------------
def test_wire_into_a_taken_port_is_refused_and_targets_are_marked(make_view):
    view, doc = make_view(xor_network())
    before = doc.to_dict()
    states = {}

    def look():
        scene = view.scene()
        states["a1"] = scene.node_items["a1"].in_ports[0].state      # taken by h1
        states["other_out"] = scene.node_items["h1"].out_port.state
    wire(view, "in", "a1", during=look)
    assert doc.to_dict() == before
    assert states == {"a1": INVALID, "other_out": INVALID}
    assert all(p.state == "normal" for p in view.scene().node_items["a1"].in_ports)


def test_wire_to_itself_and_cycles_are_refused(make_view, qtbot):
    net = xor_network()
    net.add_node("Add", x=200, y=250, node_id="add")
    net.remove_edge("in", "h1")
    net.add_edge("in", "add", 0)
    net.add_edge("add", "h1")
    view, doc = make_view(net)
    before = doc.to_dict()
    messages = []
    view.statusMessage.connect(messages.append)
    wire(view, "h1", "h1")
    assert "itself" in messages[-1]
    seen = {}
    wire(view, "a1", "add", slot=-1,          # the free port of the merge node
         during=lambda: seen.update(state=view.scene().node_items["add"].in_ports[-1].state))
    assert "cycle" in messages[-1] and seen["state"] == INVALID
    assert doc.to_dict() == before


def test_merge_nodes_grow_a_port_per_input(make_view):
    net = xor_network()
    net.add_node("Add", x=460, y=250, node_id="add")
    view, doc = make_view(net)
    add = view.scene().node_items["add"]
    assert len(add.in_ports) == 1
    wire(view, "h1", "add")
    wire(view, "a1", "add", slot=0)          # dropped on the taken port: goes to the free one
    assert [p.edge_src for p in add.in_ports] == ["h1", "a1", None]
    assert doc.input_edges("add")[1]["port"] == 1
    assert labels(view)[("a1", "add")] == "[4]" and doc.shapes["add"] == (4,)


def test_valid_targets_highlight_while_dragging(make_view):
    net = xor_network()
    net.add_node("Dense", x=460, y=250, node_id="free")
    view, doc = make_view(net)
    seen = {}
    wire(view, "a1", "free",
         during=lambda: seen.update(state=view.scene().node_items["free"].in_ports[0].state))
    assert seen["state"] == VALID and doc.has_edge("a1", "free")


def test_reverse_drag_from_an_input_port(make_view):
    net = xor_network()
    net.add_node("Dense", x=460, y=250, node_id="free")
    view, doc = make_view(net)
    scene = view.scene()
    start = vp(view, scene.node_items["free"].in_ports[0].scenePos())
    end = vp(view, scene.node_items["a1"].out_port.scenePos())
    mouse_drag(view, start, end)
    assert doc.has_edge("a1", "free")


# ---- select, move, delete, clipboard -------------------------------------------------------
def test_click_ctrl_click_and_shift_click_select(make_view, qtbot):
    view, doc = make_view(xor_network())
    with qtbot.waitSignal(view.selectionChanged, check_params_cb=lambda ids: ids == ["h1"]):
        click(view, "h1")
    click(view, "out", Qt.KeyboardModifier.ControlModifier)
    click(view, "p", Qt.KeyboardModifier.ShiftModifier)
    assert view.scene().selected_node_ids() == ["h1", "out", "p"]
    click(view, "a1")
    assert view.scene().selected_node_ids() == ["a1"]


def test_rubber_band_selects_the_nodes_it_touches(make_view, qtbot):
    view, doc = make_view(xor_network())
    h1, a1 = view.scene().node_items["h1"], view.scene().node_items["a1"]
    start = vp(view, h1.scenePos() + QPointF(20, -40))
    end = vp(view, a1.scenePos() + QPointF(40, 40))
    with qtbot.waitSignal(view.selectionChanged):
        mouse_drag(view, start, end)
    assert view.scene().selected_node_ids() == ["h1", "a1"]


def test_dragging_selected_nodes_is_one_undo_step(make_view):
    view, doc = make_view(xor_network())
    click(view, "h1")
    click(view, "a1", Qt.KeyboardModifier.ControlModifier)
    before = doc.to_dict()
    item = view.scene().node_items["h1"]
    start = vp(view, item.mapToScene(item.card_rect().center()))
    mouse_drag(view, start, start + QPoint(96, 144))
    dx, dy = round(96 / view.zoom), round(144 / view.zoom)       # pixels -> scene units
    assert doc.node("h1")["ui"] == {"x": 230.0 + dx, "y": 0.0 + dy}
    assert doc.node("a1")["ui"] == {"x": 460.0 + dx, "y": 0.0 + dy}
    assert item.pos() == QPointF(230 + dx, dy)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before and item.pos() == QPointF(230, 0)


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_key_removes_selection_and_undo_restores(make_view, key):
    view, doc = make_view(xor_network())
    before = doc.to_dict()
    click(view, "a1")
    QTest.keyClick(view, key)
    assert not doc.has_node("a1") and "a1" not in view.scene().node_items
    assert ("h1", "a1") not in view.scene().edge_items
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    assert set(view.scene().edge_items) == {(e["from"], e["to"]) for e in doc.network.edges}


def test_clicked_wire_can_be_deleted(make_view):
    view, doc = make_view(xor_network())
    edge = view.scene().edge_items[("h1", "a1")]
    QTest.mouseClick(view.viewport(), LEFT, NOMOD, vp(view, edge.path().pointAtPercent(0.3)))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not doc.has_edge("h1", "a1") and doc.has_node("h1")
    assert labels(view)[("a1", "out")] == "?"            # its shape is now unknown
    assert not view.scene().edge_items[("a1", "out")].known


def test_copy_paste_and_duplicate(make_view):
    view, doc = make_view(xor_network())
    click(view, "h1")
    click(view, "a1", Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert view.scene().selected_node_ids() == ["h2", "a2"]
    assert doc.has_edge("h2", "a2") and doc.node("h2")["params"] == {"units": 4}
    assert doc.node("h2")["ui"] == {"x": 230.0 + PASTE_OFFSET, "y": PASTE_OFFSET}
    QTest.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.scene().selected_node_ids() == ["h3", "a3"]
    assert doc.node("h3")["ui"] == {"x": 230.0 + 2 * PASTE_OFFSET, "y": 2 * PASTE_OFFSET}
    QTest.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert not doc.has_node("h3")
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc.has_node("h3") and doc.has_edge("h3", "a3")


def test_select_all_then_delete_is_one_undo_step(make_view):
    view, doc = make_view(xor_network())
    view.setFocus()
    before = doc.to_dict()
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert doc.network.nodes == [] and not view.scene().items()
    doc.undo_stack.undo()
    assert doc.to_dict() == before


# ---- each gesture's undo / redo restores document and canvas --------------------------------
GESTURES = {
    "drop": lambda view: drop(view, "Dense", QPoint(300, 500)),
    "wire": lambda view: wire(view, "p", "free"),
    "move": lambda view: (click(view, "out"), mouse_drag(
        view, vp(view, view.scene().node_items["out"].scenePos() + QPointF(60, 40)),
        vp(view, view.scene().node_items["out"].scenePos() + QPointF(100, 140)))),
    "delete": lambda view: (click(view, "h1"), QTest.keyClick(view, Qt.Key.Key_Delete)),
    "paste": lambda view: (click(view, "h1"), view.canvas_actions["copy"].trigger(),
                           view.canvas_actions["paste"].trigger()),
    "duplicate": lambda view: (click(view, "a1"), view.canvas_actions["duplicate"].trigger()),
    "auto_layout": lambda view: view.canvas_actions["auto_layout"].trigger(),
}


@pytest.mark.parametrize("gesture", list(GESTURES))
def test_undo_and_redo_of_each_gesture(make_view, gesture):
    net = xor_network()
    net.add_node("Dense", x=700, y=300, node_id="free")
    view, doc = make_view(net)
    before = doc.to_dict()
    GESTURES[gesture](view)
    after = doc.to_dict()
    assert after != before and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before and _scene_matches(view, doc)
    doc.undo_stack.redo()
    assert doc.to_dict() == after and _scene_matches(view, doc)


def _scene_matches(view, doc) -> bool:
    scene = view.scene()
    nodes_ok = all(scene.node_items[n["id"]].pos() == QPointF(n["ui"]["x"], n["ui"]["y"])
                   for n in doc.network.nodes) and len(scene.node_items) == len(doc.network.nodes)
    edges_ok = set(scene.edge_items) == {(e["from"], e["to"]) for e in doc.network.edges}
    return nodes_ok and edges_ok


# ---- auto layout, zoom, pan, fit -----------------------------------------------------------
def test_auto_layout_orders_columns_by_depth(make_view):
    net = xor_network()
    for k, n in enumerate(net.nodes):                  # scramble
        n["ui"] = {"x": (k * 577) % 900, "y": (k * 311) % 500}
    view, doc = make_view(net)
    view.canvas_actions["auto_layout"].trigger()
    xs = [doc.node(n)["ui"]["x"] for n in ("in", "h1", "a1", "out", "p")]
    assert xs == sorted(xs) and len(set(xs)) == 5
    assert len({doc.node(n)["ui"]["y"] for n in ("in", "h1", "a1", "out", "p")}) == 1
    assert doc.undo_stack.count() == 1


def test_wheel_zooms_around_the_cursor_and_is_clamped(make_view):
    view, doc = make_view(xor_network())
    cursor = QPointF(400, 300)
    fixed = view.mapToScene(cursor.toPoint())
    start = view.zoom
    wheel(view, cursor, 240)
    assert view.zoom == pytest.approx(start * 1.0015 ** 240, rel=1e-3)
    assert (view.mapToScene(cursor.toPoint()) - fixed).manhattanLength() < 3 / view.zoom
    for _ in range(30):
        wheel(view, cursor, 480)
    assert view.zoom == pytest.approx(MAX_ZOOM)


def wheel(view, pos: QPointF, delta: int) -> None:
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, NOMOD, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_fit_shows_every_node(make_view):
    net = xor_network()
    net.node("p")["ui"] = {"x": 3000, "y": 1500}
    view, doc = make_view(net)
    QTest.keyClick(view, Qt.Key.Key_F)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in view.scene().node_items.values():
        assert visible.contains(item.sceneBoundingRect())
    view.zoom_by(10)
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < 1.0


def test_middle_drag_pans(make_view):
    view, doc = make_view(xor_network())
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    mouse_drag(view, QPoint(600, 400), QPoint(500, 300), button=Qt.MouseButton.MiddleButton)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (
        h + 100, v + 100)
    assert doc.undo_stack.count() == 0


def test_space_drag_pans_instead_of_moving(make_view):
    view, doc = make_view(xor_network())
    item = view.scene().node_items["h1"]
    start = vp(view, item.mapToScene(item.card_rect().center()))
    h = view.horizontalScrollBar().value()
    QTest.keyPress(view, Qt.Key.Key_Space)
    mouse_drag(view, start, start + QPoint(-80, 0))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert view.horizontalScrollBar().value() == h + 80
    assert doc.undo_stack.count() == 0 and doc.node("h1")["ui"]["x"] == 230


def test_zoom_actions_step_and_keep_the_centre(make_view):
    view, doc = make_view(xor_network())
    centre = view.mapToScene(view.viewport().rect().center())
    z = view.zoom
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(z * 1.25)
    view.canvas_actions["zoom_out"].trigger()
    view.canvas_actions["zoom_out"].trigger()
    assert view.zoom == pytest.approx(z / 1.25)
    after = view.mapToScene(view.viewport().rect().center())
    assert (after - centre).manhattanLength() < 4


def test_an_unknown_layer_dropped_is_refused_with_a_message(make_view):
    view, doc = make_view()
    messages = []
    view.statusMessage.connect(messages.append)
    drop(view, "Dnese", QPoint(300, 300))
    assert doc.network.nodes == [] and "unknown layer type" in messages[-1]


# ---- problems, previews, lock ----------------------------------------------------------------
def test_a_node_with_a_problem_is_red_with_the_message(make_view):
    view, doc = make_view(xor_network())
    doc.undo_stack.push(SetParam(doc, "in", "shape", [1, 4, 4]))
    h1 = view.scene().node_items["h1"]
    assert h1.has_error and "Flatten" in h1.toolTip()
    assert not view.scene().node_items["out"].has_error      # only the node at fault
    assert not view.scene().edge_items[("h1", "a1")].known   # dashed: shape unknown
    assert view.scene().edge_items[("in", "h1")].label == "[1, 4, 4]"
    doc.undo_stack.undo()
    assert not h1.has_error and h1.toolTip().count("Fully connected") == 1


def test_locked_document_refuses_canvas_edits(make_view):
    view, doc = make_view(xor_network())
    doc.set_locked(True)
    before = doc.to_dict()
    drop(view, "Dense", QPoint(300, 500))
    click(view, "h1")
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert doc.to_dict() == before
    assert not view.canvas_actions["delete"].isEnabled()


def test_replacing_the_network_rebuilds_the_canvas(make_view):
    view, doc = make_view()
    assert not view.scene().node_items
    doc.replace(xor_network())
    assert set(view.scene().node_items) == {"in", "h1", "a1", "out", "p"}
    assert len(view.scene().edge_items) == 4


def test_screenshot_renders(make_view, tmp_path):
    view, doc = make_view(xor_network())
    view.fit_to_view()
    path = tmp_path / "canvas.png"
    assert view.grab().save(str(path)) and path.stat().st_size > 5000


def test_a_50_node_graph_edits_smoothly(make_view, qtbot):
    """Analysis and redraw on every edit: a param change that alters every shape
    downstream, and a drag step, each stay far below a frame budget (generous bounds for
    a loaded 2-core machine; measured ~8 ms and ~3 ms)."""
    import time

    from gui.canvas.layout import layered_positions
    from gui.commands import MoveNodes
    from engine.graph.network import Network
    net = Network()
    prev = net.add_node("Input", {"shape": [8]}, node_id="in")
    for k in range(49):
        nid = net.add_node("Dense" if k % 2 == 0 else "ReLU", {"units": 8} if k % 2 == 0 else {})
        net.add_edge(prev, nid)
        prev = nid
    for nid, (x, y) in layered_positions(net).items():     # ten columns, five rows
        net.move_node(nid, x % 2800, y + 150 * (x // 2800))
    view, doc = make_view(net)
    start = time.perf_counter()
    for units in range(9, 19):
        doc.undo_stack.push(SetParam(doc, "dense1", "units", units))
        QApplication.processEvents()
    per_edit = (time.perf_counter() - start) / 10
    start = time.perf_counter()
    for step in range(20):
        doc.undo_stack.push(MoveNodes(doc, {"dense3": (step * 5, step)}, drag_id=99))
        QApplication.processEvents()
    per_move = (time.perf_counter() - start) / 20
    assert labels(view)[("relu24", "dense25")] == "[8]"
    assert labels(view)[("in", "dense1")] == "[8]" and doc.shapes["dense1"] == (18,)
    assert per_edit < 0.15 and per_move < 0.05, (per_edit, per_move)


def test_right_click_menu_selects_the_node_and_offers_the_edits(make_view):
    view, doc = make_view(xor_network())
    item = view.scene().node_items["out"]
    menu = view.context_menu(vp(view, item.mapToScene(item.card_rect().center())))
    assert view.scene().selected_node_ids() == ["out"]
    enabled = {a.text().replace("&", ""): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled["Delete"] and enabled["Duplicate"] and enabled["Auto Layout"]
    next(a for a in menu.actions() if a.text() == "&Delete").trigger()
    assert not doc.has_node("out")


def test_dragging_a_wire_off_a_taken_input_replugs_it(make_view):
    net = xor_network()
    net.add_node("Dense", x=460, y=250, node_id="free")
    view, doc = make_view(net)
    before = doc.to_dict()
    scene = view.scene()
    start = vp(view, scene.node_items["a1"].in_ports[0].scenePos())     # carries h1 -> a1
    mouse_drag(view, start, vp(view, scene.node_items["free"].in_ports[0].scenePos()))
    assert doc.has_edge("h1", "free") and not doc.has_edge("h1", "a1")
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before and scene.edge_items[("h1", "a1")].isVisible()
    mouse_drag(view, start, start + QPoint(0, 200))       # dropped on nothing: unchanged
    assert doc.to_dict() == before and scene.edge_items[("h1", "a1")].isVisible()
