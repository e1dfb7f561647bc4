"""Every edit of the document is one of these QUndoCommands, pushed on document.undo_stack.

Each command records what it needs to put the network back exactly (to_dict equal after
undo, and again after redo). Commands change the network only through Document methods,
so every view hears about it through the document's signals.
"""
from __future__ import annotations

import copy
import time

from PySide6.QtGui import QUndoCommand

from engine.nn.layers import LAYERS
from gui.document import Document
from gui.i18n import translate

# ids for QUndoCommand.mergeWith (commands of one id may merge)
SET_PARAM_ID, MOVE_NODES_ID, SET_TRAINING_ID = 1001, 1002, 1003
MERGE_SECONDS = 2.0     # consecutive edits of one field further apart are separate undo steps


def coord(v: float) -> int | float:
    """A position as the file should show it: 290, not 290.0."""
    v = float(v)
    return int(v) if v.is_integer() else round(v, 2)


class AddNode(QUndoCommand):
    def __init__(self, doc: Document, type_name: str, x: float = 0.0, y: float = 0.0,
                 params: dict | None = None, node_id: str | None = None,
                 parent: QUndoCommand | None = None):
        super().__init__(parent)
        LAYERS[type_name]       # KeyError naming the known types for a bad name
        self.doc = doc
        self.type_name = type_name
        self.params = dict(params or {})
        self.x, self.y = coord(x), coord(y)
        self.node_id = node_id or doc.network.new_id(type_name)
        self.setText(translate("Commands", "Add {type} '{id}'").format(type=type_name,
                                                                      id=self.node_id))

    def redo(self) -> None:
        self.doc.add_node(self.type_name, copy.deepcopy(self.params), self.x, self.y,
                          node_id=self.node_id)

    def undo(self) -> None:
        self.doc.remove_node(self.node_id)


class RemoveItems(QUndoCommand):
    """Delete nodes (with their wires) and wires; undo puts each back at its index."""

    def __init__(self, doc: Document, node_ids=(), edges=(), parent=None):
        super().__init__(parent)
        self.doc = doc
        self.node_ids = [n for n in node_ids if doc.has_node(n)]
        gone = set(self.node_ids)
        self.edges = [(s, d) for s, d in edges
                      if doc.has_edge(s, d) and s not in gone and d not in gone]
        self._removed_edges: list[tuple[int, dict]] = []
        self._removed_nodes: list[tuple[int, dict, list]] = []
        self.setText(_remove_text(len(self.node_ids), len(self.edges)))

    def is_empty(self) -> bool:
        return not self.node_ids and not self.edges

    def redo(self) -> None:
        with self.doc.batch():
            self._removed_edges = [self.doc.remove_edge(s, d) for s, d in self.edges]
            self._removed_nodes = [self.doc.remove_node(n) for n in self.node_ids]

    def undo(self) -> None:
        with self.doc.batch():
            for index, node, edges in reversed(self._removed_nodes):
                self.doc.restore_node(index, node, edges)
            for index, edge in reversed(self._removed_edges):
                self.doc.add_edge(edge["from"], edge["to"], edge.get("port"), index=index)


def _remove_text(n_nodes: int, n_edges: int) -> str:
    nodes = (translate("Commands", "1 node") if n_nodes == 1
             else translate("Commands", "{n} nodes").format(n=n_nodes))
    wires = (translate("Commands", "1 wire") if n_edges == 1
             else translate("Commands", "{n} wires").format(n=n_edges))
    if n_nodes and n_edges:
        return translate("Commands", "Delete {nodes} and {wires}").format(nodes=nodes,
                                                                         wires=wires)
    if n_nodes or n_edges:
        return translate("Commands", "Delete {items}").format(items=nodes if n_nodes else wires)
    return translate("Commands", "Delete nothing")


class SetParam(QUndoCommand):
    """Set one param of one node (None = back to the default). The value is validated
    here, so an invalid value raises ValueError before anything is pushed. Consecutive
    edits of the same param merge (a spin-box drag is one undo step)."""

    def __init__(self, doc: Document, node_id: str, name: str, value, parent=None):
        super().__init__(parent)
        spec = doc.spec(node_id)
        if value is not None and spec is not None:
            value = spec.param(name).validate(value)
        self.doc, self.node_id, self.name = doc, node_id, name
        params = doc.node(node_id)["params"]
        self.old = copy.deepcopy(params.get(name))
        self.new = copy.deepcopy(value)
        self.stamp = time.monotonic()
        self.setText(translate("Commands", "Set {name} of '{id}'").format(name=name, id=node_id))

    def id(self) -> int:
        return SET_PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetParam) and (other.node_id, other.name) ==
                (self.node_id, self.name) and other.stamp - self.stamp < MERGE_SECONDS):
            return False
        self.new, self.stamp = other.new, other.stamp
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.doc.set_param(self.node_id, self.name, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.doc.set_param(self.node_id, self.name, copy.deepcopy(self.old))


class MoveNodes(QUndoCommand):
    """Move nodes to new positions ({id: (x, y)}). Commands with the same ``drag_id``
    (one mouse drag) and the same nodes merge into one undo step."""

    def __init__(self, doc: Document, positions: dict, drag_id: int | None = None,
                 text: str | None = None, parent=None):
        super().__init__(parent)
        self.doc, self.drag_id = doc, drag_id
        self.new = {n: (coord(x), coord(y)) for n, (x, y) in positions.items()}
        self.old = {n: copy.deepcopy(doc.node(n).get("ui")) for n in self.new}
        count = len(self.new)
        self.setText(text or (translate("Commands", "Move 1 node") if count == 1 else
                              translate("Commands", "Move {n} nodes").format(n=count)))

    def id(self) -> int:
        return MOVE_NODES_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, MoveNodes) and self.drag_id is not None
                and other.drag_id == self.drag_id and other.new.keys() == self.new.keys()):
            return False
        self.new = other.new
        self.setObsolete(all(_at(self.old[n], xy) for n, xy in self.new.items()))
        return True

    def redo(self) -> None:
        for nid, (x, y) in self.new.items():
            self.doc.move_node(nid, x, y)

    def undo(self) -> None:
        for nid, ui in self.old.items():
            if isinstance(ui, dict) and "x" in ui and "y" in ui:
                self.doc.move_node(nid, ui["x"], ui["y"])
                self.doc.node(nid)["ui"] = copy.deepcopy(ui)   # exact (other ui keys)


def _at(ui, xy) -> bool:
    return isinstance(ui, dict) and (ui.get("x"), ui.get("y")) == xy


class AutoLayout(MoveNodes):
    """Every node to a left-to-right layout by topological depth, as one undo step."""

    def __init__(self, doc: Document, parent=None):
        from gui.canvas.layout import layered_positions
        super().__init__(doc, layered_positions(doc.network),
                         text=translate("Commands", "Auto layout"), parent=parent)


class AddEdge(QUndoCommand):
    """Wire src -> dst. Raises ValueError (with the reason) for a wire that is refused."""

    def __init__(self, doc: Document, src: str, dst: str, port: int | None = None,
                 check: bool = True, parent=None):
        super().__init__(parent)
        problem = doc.connection_problem(src, dst) if check else None
        if problem:
            raise ValueError(problem)
        self.doc, self.src, self.dst = doc, src, dst
        self.port = port if port is not None or not check else doc.free_port(dst)
        self.setText(translate("Commands", "Wire '{src}' -> '{dst}'").format(src=src, dst=dst))

    def redo(self) -> None:
        self.doc.add_edge(self.src, self.dst, self.port)

    def undo(self) -> None:
        self.doc.remove_edge(self.src, self.dst)


class RemoveEdge(QUndoCommand):
    def __init__(self, doc: Document, src: str, dst: str, parent=None):
        super().__init__(parent)
        if not doc.has_edge(src, dst):
            raise ValueError(f"there is no wire '{src}' -> '{dst}'")
        self.doc, self.src, self.dst = doc, src, dst
        self._removed: tuple[int, dict] | None = None
        self.setText(translate("Commands", "Delete wire '{src}' -> '{dst}'").format(src=src,
                                                                                   dst=dst))

    def redo(self) -> None:
        self._removed = self.doc.remove_edge(self.src, self.dst)

    def undo(self) -> None:
        index, edge = self._removed
        self.doc.add_edge(edge["from"], edge["to"], edge.get("port"), index=index)


class SetTraining(QUndoCommand):
    """Replace the training section. With ``field`` (e.g. "optimizer.lr"), consecutive
    edits of that same field merge into one undo step. ``SetTraining.field`` builds one
    from a dotted path and a value."""

    def __init__(self, doc: Document, training: dict, field: str | None = None,
                 parent=None):
        super().__init__(parent)
        self.doc, self.field = doc, field
        self.old = copy.deepcopy(doc.network.training) if doc.network.has_training else None
        self.new = copy.deepcopy(training)
        self.stamp = time.monotonic()
        self.setText(translate("Commands", "Set {field}").format(field=field) if field
                     else translate("Commands", "Change training settings"))

    @classmethod
    def for_field(cls, doc: Document, path: str, value) -> "SetTraining":
        """e.g. SetTraining.for_field(doc, "optimizer.lr", 0.01); a value of None
        removes the key (back to its default)."""
        return cls(doc, with_field(doc.network.training, path, value), field=path)

    def id(self) -> int:
        return SET_TRAINING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetTraining) and self.field is not None
                and other.field == self.field and other.stamp - self.stamp < MERGE_SECONDS):
            return False
        self.new, self.stamp = other.new, other.stamp
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.doc.set_training(self.new)

    def undo(self) -> None:
        self.doc.set_training(self.old)


def with_field(training: dict, path: str, value) -> dict:
    """A copy of ``training`` with the dotted ``path`` set to ``value`` (None deletes)."""
    out = copy.deepcopy(training)
    *parents, last = path.split(".")
    target = out
    for key in parents:
        if not isinstance(target.get(key), dict):
            target[key] = {}
        target = target[key]
    if value is None:
        target.pop(last, None)
    else:
        target[last] = copy.deepcopy(value)
    return out


class Paste(QUndoCommand):
    """Add a fragment {"nodes": [...], "edges": [...]} with fresh ids, shifted by
    ``offset``; one undo step. ``new_ids`` lists the added nodes (to select them)."""

    def __init__(self, doc: Document, fragment: dict, offset=(40.0, 40.0),
                 text: str = "", parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setText(text or translate("Commands", "Paste"))
        taken = set(doc.network.node_ids())
        rename: dict[str, str] = {}
        # sub-commands kept in Python (not Qt children: PySide's ownership of QUndoCommand
        # children is unreliable and crashed at garbage collection)
        self._steps: list[QUndoCommand] = []
        for node in fragment.get("nodes", []):
            new_id = _fresh_id(node["id"], taken)
            taken.add(new_id)
            rename[node["id"]] = new_id
            ui = node.get("ui") or {}
            self._steps.append(AddNode(
                doc, node["type"], ui.get("x", 0.0) + offset[0], ui.get("y", 0.0) + offset[1],
                params=node.get("params"), node_id=new_id))
        for edge in fragment.get("edges", []):
            if edge["from"] in rename and edge["to"] in rename:
                self._steps.append(AddEdge(doc, rename[edge["from"]], rename[edge["to"]],
                                           edge.get("port"), check=False))
        self.new_ids = list(rename.values())

    def redo(self) -> None:
        with self.doc.batch():
            for step in self._steps:
                step.redo()

    def undo(self) -> None:
        with self.doc.batch():
            for step in reversed(self._steps):
                step.undo()


def _fresh_id(wanted: str, taken: set[str]) -> str:
    """'dense1' -> 'dense2' (the next free number on the same stem)."""
    if wanted not in taken:
        return wanted
    stem = wanted.rstrip("0123456789") or "node"
    i = 1
    while f"{stem}{i}" in taken:
        i += 1
    return f"{stem}{i}"
