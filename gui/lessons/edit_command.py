"""A lesson's "Do it for me": the document set to the network the step's edits make, as ONE
undoable command.

gui/commands.py has no command that sets a whole network (opening a file clears the undo
history instead), so this one does it through the Document's own edit methods, which every
view already follows. It changes as little as it can: only the training section, or only
some params, or, when nodes or wires change, the graph as a whole (removed and put back
exactly, node and edge order included), so undo gives back to_dict() equal to before.
"""
from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from gui.i18n import translate


class SetNetwork(QUndoCommand):
    """The document's nodes, edges and training become those of ``new`` (a network dict);
    undo puts back what was there."""

    def __init__(self, doc, new: dict, text: str | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.old = _graph_part(doc.to_dict())
        self.new = _graph_part(new)
        self.setText(text or translate("LessonsDock", "Lesson step"))

    def is_empty(self) -> bool:
        return self.old == self.new

    @property
    def changes_graph(self) -> bool:
        """Nodes or wires change (not only params or the training section)."""
        return not _only_params_differ(self.old, self.new)

    def redo(self) -> None:
        _apply(self.doc, self.old, self.new)

    def undo(self) -> None:
        _apply(self.doc, self.new, self.old)


def _graph_part(d: dict) -> dict:
    return {"nodes": copy.deepcopy(d.get("nodes", [])), "edges": copy.deepcopy(d.get("edges", [])),
            "training": copy.deepcopy(d.get("training"))}


def _apply(doc, current: dict, target: dict) -> None:
    with doc.batch():
        if current["nodes"] != target["nodes"] or current["edges"] != target["edges"]:
            if not _only_params_differ(current, target):
                _replace_graph(doc, target)
            else:
                _set_params(doc, current, target)
        if current["training"] != target["training"]:
            doc.set_training(copy.deepcopy(target["training"]))


def _only_params_differ(current: dict, target: dict) -> bool:
    """Same edges, same nodes in the same order, alike but for their params."""
    if current["edges"] != target["edges"] or len(current["nodes"]) != len(target["nodes"]):
        return False
    return all(_without_params(a) == _without_params(b)
               for a, b in zip(current["nodes"], target["nodes"]))


def _without_params(node: dict) -> dict:
    return {k: v for k, v in node.items() if k != "params"}


def _set_params(doc, current: dict, target: dict) -> None:
    for old, new in zip(current["nodes"], target["nodes"]):
        before, after = old.get("params") or {}, new.get("params") or {}
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                doc.set_param(new["id"], name, copy.deepcopy(after.get(name)))


def _replace_graph(doc, target: dict) -> None:
    """Every wire and node out, then the target's in, in its order."""
    network = doc.network
    for edge in list(network.edges):
        doc.remove_edge(edge["from"], edge["to"])
    for node_id in reversed(network.node_ids()):
        doc.remove_node(node_id)
    for index, node in enumerate(target["nodes"]):
        doc.restore_node(index, copy.deepcopy(node), [])
    for edge in target["edges"]:
        doc.add_edge(edge["from"], edge["to"], edge.get("port"))


def laid_out(new: dict, old_ids) -> dict:
    """``new`` with every card placed left to right by depth (View > Auto layout) when its
    nodes are not ``old_ids``: an inserted node sat on top of its neighbours."""
    if {n["id"] for n in new.get("nodes", [])} == set(old_ids):
        return new
    from engine.graph.network import Network
    from gui.canvas.layout import layered_positions
    from gui.commands import coord
    positions = layered_positions(Network.from_dict(new))
    out = copy.deepcopy(new)
    for node in out["nodes"]:
        x, y = positions[node["id"]]
        node["ui"] = {**(node.get("ui") or {}), "x": coord(x), "y": coord(y)}
    return out
