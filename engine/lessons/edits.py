"""The edits a lesson step asks for, as pure functions on a network's dict form:
``apply_edits(network_dict, edits) -> new dict`` (the input is never changed). The headless
runner applies them before training; the Lessons dock computes the new document with them
and pushes it as one undoable command. Each edit names a node or a setting that must exist;
EditError says which edit and what is wrong."""
from __future__ import annotations

import copy

from engine.graph.network import Network
from engine.graph.analysis import analyse
from engine.lessons.fields import Fields, LessonError
from engine.lessons.parts import Edit, parse_edit
from engine.nn.layers import LAYERS

INSERT_OFFSET = 85.0          # where an inserted node's card goes: right of the node it follows


class EditError(LessonError):
    """An edit that does not fit the network: "edits[0] (replace_node 'a9'): no node 'a9'"."""


def apply_edits(network_dict: dict, edits) -> dict:
    """``network_dict`` after ``edits`` (Edit objects, or their JSON dicts), in order."""
    d = Network.from_dict(network_dict).to_dict()     # a checked, deep copy
    for i, edit in enumerate(edits):
        if isinstance(edit, dict):
            edit = parse_edit(Fields("edit", f"edits[{i}]", edit))
        try:
            d = APPLY[edit.do](d, edit)
        except EditError as e:
            raise EditError(f"edits[{i}] ({_name(edit)}): {e}") from None
    return d


def _name(edit: Edit) -> str:
    return f"set_training {edit.field}" if edit.do == "set_training" else \
        f"{edit.do} {edit.node!r}"


def _set_param(d: dict, edit: Edit) -> dict:
    node = _node(d, edit.node)
    spec = LAYERS.get(node["type"])
    try:
        value = spec.param(edit.param).validate(edit.value) if spec else edit.value
    except KeyError:
        known = ", ".join(p.name for p in spec.params) or "none"
        raise EditError(f"a {node['type']} has no parameter {edit.param!r} (its "
                        f"parameters: {known})") from None
    except ValueError as e:
        raise EditError(f"{edit.param}: {e}") from None
    node.setdefault("params", {})[edit.param] = value
    return d


def _set_training(d: dict, edit: Edit) -> dict:
    before = _training_problems(d)
    training = d.setdefault("training", copy.deepcopy(Network.from_dict(d).training))
    *parents, last = edit.field.split(".")
    section = training
    for i, key in enumerate(parents):
        if not isinstance(section.get(key, {}), dict):
            raise EditError(f"training.{'.'.join(parents[:i + 1])} is a value, not a "
                            f"section with settings")
        section = section.setdefault(key, {})
    section[last] = copy.deepcopy(edit.value)
    new = [p for p in _training_problems(d) if p not in before]
    if new:
        raise EditError(f"the training section then has a problem: {new[0]}")
    return d


def _training_problems(d: dict) -> list[str]:
    """The training section's problems as text (those the edit did not make are left alone:
    a dataset path relative to a folder this dict does not know, say)."""
    try:
        analysis = analyse(Network.from_dict(d), training=True)
    except Exception as e:     # noqa: BLE001 -- a setting so wrong the analysis fails
        return [f"{type(e).__name__}: {e}"]
    return [p.message for p in analysis.training_problems or []]


def _replace_node(d: dict, edit: Edit) -> dict:
    node = _node(d, edit.node)
    node["type"] = edit.type
    node["params"] = _checked_params(edit)
    return d


def _bypass_node(d: dict, edit: Edit) -> dict:
    _node(d, edit.node)
    into = [e for e in d["edges"] if e["to"] == edit.node]
    if len(into) != 1:
        raise EditError(f"it has {len(into)} inputs; only a node with exactly one can be "
                        f"bypassed")
    source = into[0]["from"]
    edges = []
    for e in d["edges"]:
        if e["from"] == edit.node:
            edges.append({**e, "from": source})
        elif e["to"] != edit.node:
            edges.append(e)
    d["edges"] = edges
    d["nodes"] = [n for n in d["nodes"] if n["id"] != edit.node]
    return d


def _insert_after(d: dict, edit: Edit) -> dict:
    node = _node(d, edit.node)
    if any(n["id"] == edit.new for n in d["nodes"]):
        raise EditError(f"the network already has a node {edit.new!r}")
    ui = node.get("ui") or {}
    new = {"id": edit.new, "type": edit.type, "params": _checked_params(edit),
           "ui": {"x": ui.get("x", 0.0) + INSERT_OFFSET, "y": ui.get("y", 0.0)}}
    d["nodes"].insert(d["nodes"].index(node) + 1, new)
    d["edges"] = [{**e, "from": edit.new} if e["from"] == edit.node else e
                  for e in d["edges"]] + [{"from": edit.node, "to": edit.new}]
    return d


def _node(d: dict, node_id: str) -> dict:
    for node in d["nodes"]:
        if node["id"] == node_id:
            return node
    raise EditError(f"the network has no node {node_id!r}")


def _checked_params(edit: Edit) -> dict:
    """The edit's params as given (the file keeps what it was given), each validated."""
    spec = LAYERS[edit.type]
    try:
        spec.complete(edit.params)
    except ValueError as e:
        raise EditError(f"{edit.type}: {e}") from None
    return copy.deepcopy(dict(edit.params or {}))


APPLY = {"set_param": _set_param, "set_training": _set_training,
         "replace_node": _replace_node, "bypass_node": _bypass_node,
         "insert_after": _insert_after}
