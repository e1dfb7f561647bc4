"""Document signals and undo commands: every command's undo/redo restores to_dict exactly."""
from __future__ import annotations

import pytest

from engine.graph.network import Network
from gui.commands import (AddEdge, AddNode, AutoLayout, MoveNodes, Paste, RemoveEdge,
                          RemoveItems, SetParam, SetTraining, with_field)
from gui.document import Document


def mlp() -> Network:
    """Input[2] -> Dense 4 -> Dropout -> Dense 1 (core layers only)."""
    return Network.from_dict({
        "name": "mlp",
        "nodes": [
            {"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}},
            {"id": "h1", "type": "Dense", "params": {"units": 4}, "ui": {"x": 230, "y": 0}},
            {"id": "d1", "type": "Dropout", "params": {}, "ui": {"x": 460, "y": 0}},
            {"id": "out", "type": "Dense", "params": {"units": 1}, "ui": {"x": 690, "y": 0}},
        ],
        "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "d1"},
                  {"from": "d1", "to": "out"}],
    })


@pytest.fixture
def doc(qtbot):
    return Document(mlp())


def test_shapes_and_param_counts_follow_the_network(doc):
    assert doc.shapes == {"in": (2,), "h1": (4,), "d1": (4,), "out": (1,)}
    assert doc.param_counts["h1"] == 2 * 4 + 4
    assert doc.total_params() == 12 + 5
    assert doc.errors == {}


def test_set_param_updates_shapes_and_emits(qtbot, doc):
    with qtbot.waitSignals([doc.nodeChanged, doc.analysisChanged]):
        doc.undo_stack.push(SetParam(doc, "h1", "units", 7))
    assert doc.shapes["h1"] == (7,) and doc.shapes["d1"] == (7,)
    assert doc.is_modified


def test_invalid_param_is_refused_before_push(doc):
    with pytest.raises(ValueError, match="units must be at least 1"):
        SetParam(doc, "h1", "units", 0)
    assert doc.undo_stack.count() == 0


def test_node_with_a_problem_gets_an_error_and_downstream_no_shape(doc):
    doc.undo_stack.push(SetParam(doc, "in", "shape", [1, 4, 4]))   # Dense after an image
    assert "Flatten" in " ".join(doc.errors["h1"])
    assert "h1" not in doc.shapes and "out" not in doc.shapes
    assert "out" not in doc.errors          # only the node at fault is red
    doc.undo_stack.undo()
    assert doc.errors == {}


def test_unconnected_node_is_reported(doc):
    doc.undo_stack.push(AddNode(doc, "Dense", 10, 10))
    assert doc.errors.get("dense1")


def command_cases():
    """(name, function doc -> command) for every kind of command."""
    return {
        "add_node": lambda d: AddNode(d, "Dense", 50, 60, params={"units": 3}),
        "remove_nodes": lambda d: RemoveItems(d, ["h1", "d1"]),
        "remove_edges": lambda d: RemoveItems(d, [], [("h1", "d1"), ("in", "h1")]),
        "remove_mixed": lambda d: RemoveItems(d, ["out"], [("in", "h1")]),
        "set_param": lambda d: SetParam(d, "h1", "units", 16),
        "reset_param": lambda d: SetParam(d, "h1", "units", None),
        "move": lambda d: MoveNodes(d, {"h1": (5, 6), "out": (7, 8)}),
        "add_edge": lambda d: AddEdge(d, "in", "d1") if False else _add_edge_case(d),
        "remove_edge": lambda d: RemoveEdge(d, "h1", "d1"),
        "training": lambda d: SetTraining.for_field(d, "optimizer.lr", 0.5),
        "paste": lambda d: Paste(d, {"nodes": [d.node("h1"), d.node("d1")],
                                     "edges": [{"from": "h1", "to": "d1"}]}),
        "auto_layout": _auto_layout_case,
    }


def _auto_layout_case(d):
    d.network.move_node("h1", 3, 77)        # out of its column first
    d.replace(d.network)
    return AutoLayout(d)


def _add_edge_case(d):
    d.network.remove_edge("d1", "out")      # free the port first (not part of the command)
    d.replace(d.network)
    return AddEdge(d, "h1", "out")


@pytest.mark.parametrize("kind", list(command_cases()))
def test_undo_redo_restore_the_document_exactly(qtbot, doc, kind):
    command = command_cases()[kind](doc)
    before = doc.to_dict()
    doc.undo_stack.push(command)
    after = doc.to_dict()
    assert after != before
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    doc.undo_stack.redo()
    assert doc.to_dict() == after
    doc.undo_stack.undo()
    assert doc.to_dict() == before


def test_consecutive_param_edits_merge_into_one_step(doc):
    for units in (5, 6, 7, 8):
        doc.undo_stack.push(SetParam(doc, "h1", "units", units))
    doc.undo_stack.push(SetParam(doc, "out", "units", 2))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.node("h1")["params"]["units"] == 4


def test_moves_merge_only_within_one_drag(doc):
    for step in range(1, 5):
        doc.undo_stack.push(MoveNodes(doc, {"h1": (step, step)}, drag_id=1))
    doc.undo_stack.push(MoveNodes(doc, {"h1": (50, 50)}, drag_id=2))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.node("h1")["ui"] == {"x": 4.0, "y": 4.0}
    doc.undo_stack.undo()
    assert doc.node("h1")["ui"] == {"x": 230, "y": 0}


def test_training_edits_merge_per_field(doc):
    doc.undo_stack.push(SetTraining.for_field(doc, "optimizer.lr", 0.1))
    doc.undo_stack.push(SetTraining.for_field(doc, "optimizer.lr", 0.2))
    doc.undo_stack.push(SetTraining.for_field(doc, "batch_size", 8))
    assert doc.undo_stack.count() == 2
    assert doc.network.training["optimizer"]["lr"] == 0.2
    assert with_field({"a": {"b": 1}}, "a.b", None) == {"a": {}}


@pytest.mark.parametrize("src,dst,reason", [
    ("h1", "h1", "itself"),
    ("out", "h1", "cycle"),
    ("in", "d1", "has them already"),
    ("h1", "d1", "already wired"),
    ("h1", "in", "nothing can feed it"),
])
def test_invalid_wires_are_refused_with_a_reason(doc, src, dst, reason):
    assert reason in doc.connection_problem(src, dst)
    with pytest.raises(ValueError, match=reason):
        AddEdge(doc, src, dst)


def test_paste_gives_fresh_ids_and_internal_edges(doc):
    frag = {"nodes": [doc.node("h1"), doc.node("d1")], "edges": [{"from": "h1", "to": "d1"}]}
    cmd = Paste(doc, frag, offset=(40, 40))
    doc.undo_stack.push(cmd)
    assert cmd.new_ids == ["h2", "d2"]
    assert doc.has_edge("h2", "d2")
    assert doc.node("h2")["ui"] == {"x": 270.0, "y": 40.0}
    assert doc.node("h2")["params"] == {"units": 4}


def test_replace_clears_history_and_emits(qtbot, doc):
    doc.undo_stack.push(SetParam(doc, "h1", "units", 9))
    with qtbot.waitSignals([doc.networkReplaced, doc.pathChanged]):
        doc.replace(mlp(), path="/tmp/x.nw.json")
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    assert doc.path == "/tmp/x.nw.json"


def test_modified_flag_follows_the_clean_state(qtbot, doc):
    with qtbot.waitSignal(doc.modifiedChanged, check_params_cb=lambda m: m):
        doc.undo_stack.push(SetParam(doc, "h1", "units", 9))
    doc.mark_saved("/tmp/y.nw.json")
    assert not doc.is_modified
    doc.undo_stack.undo()
    assert doc.is_modified


def test_missing_positions_get_a_layout():
    net = mlp()
    for n in net.nodes:
        del n["ui"]
    doc = Document(net)
    xs = [doc.node(n)["ui"]["x"] for n in ("in", "h1", "d1", "out")]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_remove_node_emits_edge_removals_first(qtbot, doc):
    seen = []
    doc.edgeRemoved.connect(lambda s, d: seen.append(("edge", s, d)))
    doc.nodeRemoved.connect(lambda n: seen.append(("node", n)))
    doc.undo_stack.push(RemoveItems(doc, ["d1"]))
    assert seen == [("edge", "h1", "d1"), ("edge", "d1", "out"), ("node", "d1")]


def test_a_failing_analysis_is_reported_not_raised(doc, monkeypatch):
    def broken(net):
        raise RuntimeError("boom")
    monkeypatch.setattr("gui.document.analyse", broken)
    doc.undo_stack.push(SetParam(doc, "h1", "units", 5))      # the edit itself still works
    assert doc.node("h1")["params"]["units"] == 5
    assert "could not be analysed" in doc.errors[None][0] and doc.shapes == {}
