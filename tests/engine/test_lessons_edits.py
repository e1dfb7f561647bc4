"""apply_edits: each edit kind on a network's dict, the input never changed, and a clear
EditError for an edit that does not fit."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from engine.graph.analysis import analyse
from engine.graph.network import Network
from engine.lessons.edits import EditError, apply_edits

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
DEEP = json.loads((EXAMPLES / "circles_deep_sigmoid.nw.json").read_text())


def edges(d: dict) -> set:
    return {(e["from"], e["to"]) for e in d["edges"]}


def test_edits_return_a_new_dict_and_leave_the_input_alone():
    before = copy.deepcopy(DEEP)
    out = apply_edits(DEEP, [{"do": "set_param", "node": "h1", "param": "units", "value": 16}])
    assert DEEP == before
    assert Network.from_dict(out).node("h1")["params"]["units"] == 16


def test_replace_node_keeps_id_and_wires():
    out = apply_edits(DEEP, [{"do": "replace_node", "node": f"a{i}", "type": "ReLU"}
                             for i in range(1, 6)])
    types = {n["id"]: n["type"] for n in out["nodes"]}
    assert [types[f"a{i}"] for i in range(1, 6)] == ["ReLU"] * 5
    assert edges(out) == edges(DEEP)
    assert not analyse(Network.from_dict(out)).problems


def test_bypass_node_wires_its_input_to_its_outputs():
    out = apply_edits(DEEP, [{"do": "bypass_node", "node": "a1"}])
    assert "a1" not in {n["id"] for n in out["nodes"]}
    assert ("h1", "h2") in edges(out) and not any("a1" in e for e in edges(out))
    assert not analyse(Network.from_dict(out)).problems


def test_insert_after_puts_the_new_node_between():
    out = apply_edits(DEEP, [{"do": "insert_after", "node": "h1", "new": "bn1",
                              "type": "BatchNorm"}])
    assert ("h1", "bn1") in edges(out) and ("bn1", "a1") in edges(out)
    assert ("h1", "a1") not in edges(out)
    assert [n["id"] for n in out["nodes"]][:3] == ["in", "h1", "bn1"]
    assert not analyse(Network.from_dict(out)).problems


def test_set_training_dotted_fields():
    out = apply_edits(DEEP, [
        {"do": "set_training", "field": "optimizer", "value": {"name": "sgd", "lr": 0.1}},
        {"do": "set_training", "field": "optimizer.momentum", "value": 0.9},
        {"do": "set_training", "field": "dataset.params.noise", "value": 0.2},
        {"do": "set_training", "field": "regularization.l2", "value": 0.001},
        {"do": "set_training", "field": "epochs", "value": 3}])
    t = out["training"]
    assert t["optimizer"] == {"name": "sgd", "lr": 0.1, "momentum": 0.9}
    assert t["dataset"]["params"]["noise"] == 0.2 and t["regularization"]["l2"] == 0.001
    assert t["epochs"] == 3


@pytest.mark.parametrize("edit, says", [
    ({"do": "set_param", "node": "h9", "param": "units", "value": 3},
     "edits[0] (set_param 'h9'): the network has no node 'h9'"),
    ({"do": "set_param", "node": "h1", "param": "unit", "value": 3},
     "edits[0] (set_param 'h1'): a Dense has no parameter 'unit'"),
    ({"do": "set_param", "node": "h1", "param": "units", "value": -3},
     "edits[0] (set_param 'h1'): units:"),
    ({"do": "replace_node", "node": "a1", "type": "LeakyReLU", "params": {"slope": 2}},
     "edits[0] (replace_node 'a1'): LeakyReLU: unknown parameter 'slope'"),
    ({"do": "bypass_node", "node": "in"},
     "edits[0] (bypass_node 'in'): it has 0 inputs"),
    ({"do": "insert_after", "node": "h1", "new": "h2", "type": "ReLU"},
     "edits[0] (insert_after 'h1'): the network already has a node 'h2'"),
    ({"do": "set_training", "field": "optimizer.lr", "value": -1},
     "edits[0] (set_training optimizer.lr): the training section then has a problem"),
    ({"do": "set_training", "field": "optimizer.lr.x", "value": 1},
     "edits[0] (set_training optimizer.lr.x): training.optimizer.lr is a value, not a section"),
])
def test_an_edit_that_does_not_fit_says_which_and_why(edit, says):
    with pytest.raises(EditError) as e:
        apply_edits(DEEP, [edit])
    assert str(e.value).startswith(says)
