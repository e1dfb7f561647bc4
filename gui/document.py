"""The document: a Qt wrapper of engine.graph.network.Network that emits a signal on every change.

Views (canvas, inspector, status bar) never change the network themselves: they push
QUndoCommands (gui/commands.py) on ``undo_stack``; the commands call the edit methods below,
which change the Network, emit signals, and make one new analysis (engine.graph.analysis:
shapes, weight shapes and counts, problems, the output node) that every view reads.
"""
from __future__ import annotations

import contextlib
import logging
import math
from typing import Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.graph.analysis import Analysis, analyse
from engine.graph.network import Network, folder_of
from engine.nn.layers import LAYERS
from engine.nn.registry import LayerSpec

log = logging.getLogger(__name__)


class Document(QObject):
    nodeAdded = Signal(str)
    nodeRemoved = Signal(str)
    nodeChanged = Signal(str)            # params changed
    nodeMoved = Signal(str)
    edgeAdded = Signal(str, str)
    edgeRemoved = Signal(str, str)
    trainingChanged = Signal()
    analysisChanged = Signal()           # ``analysis`` was made again
    networkReplaced = Signal()           # new / open: views rebuild everything
    modifiedChanged = Signal(bool)
    pathChanged = Signal(str)            # "" when the document has no file
    lockedChanged = Signal(bool)         # edits refused while locked (e.g. while training)

    analysis: Analysis                   # made once per change (_analyse); views read it

    def __init__(self, network: Network | None = None, path: str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.network: Network = network if network is not None else Network()
        self.undo_stack = QUndoStack(self)
        self.path: str | None = path
        self._locked = False
        self._batch_depth = 0
        self._dirty_analysis = False
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        _ensure_positions(self.network)
        self._analyse()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # ---- state -------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool) -> None:
        """While locked (training), views refuse edits; the commands still work (undo)."""
        if locked != self._locked:
            self._locked = locked
            self.lockedChanged.emit(locked)

    def set_path(self, path: str | None) -> None:
        self.path = path
        self.pathChanged.emit(path or "")

    def mark_saved(self, path: str | None = None) -> None:
        """After a successful save: remember the path and make this state the clean one."""
        if path is not None and path != self.path:
            self.set_path(path)
            # relative data paths now start from this file's folder: check them again
            self.network.folder = folder_of(path)
            self._changed()
        self.undo_stack.setClean()

    def to_dict(self) -> dict:
        return self.network.to_dict()

    def replace(self, network: Network, path: str | None = None) -> None:
        """New / Open: take ``network`` as the whole document; the undo history is cleared."""
        self.undo_stack.clear()
        self.network = network
        if path:                           # an example opened untitled keeps its own folder
            network.folder = folder_of(path)
        _ensure_positions(network)
        self.undo_stack.setClean()
        self._analyse()
        self.set_path(path)
        self.networkReplaced.emit()
        self.analysisChanged.emit()
        self.modifiedChanged.emit(False)

    # ---- queries used by views ---------------------------------------------------------
    def node(self, node_id: str) -> dict:
        return self.network.node(node_id)

    def spec(self, node_id: str) -> LayerSpec | None:
        type_name = self.network.node(node_id)["type"]
        return LAYERS[type_name] if (type_name in LAYERS) else None

    def has_node(self, node_id: str) -> bool:
        return self.network.has_node(node_id)       # an index, not a walk (big networks)

    def has_edge(self, src: str, dst: str) -> bool:
        return any(e["from"] == src and e["to"] == dst for e in self.network.edges)

    def input_edges(self, node_id: str) -> list[dict]:
        """Edges into ``node_id`` in port order (the order the layer receives its inputs)."""
        return self.network.input_edges(node_id)

    # The analysis, as the views read it (each a dict made once per analysis).
    @property
    def shapes(self) -> dict[str, tuple]:
        """Output shape of every node that has one."""
        return self.analysis.known_shapes

    @property
    def errors(self) -> dict[str | None, list[str]]:
        """Problem messages by node id (None: the network as a whole)."""
        return self.analysis.messages

    @property
    def param_counts(self) -> dict[str, int]:
        return self.analysis.param_counts

    def total_params(self) -> int:
        return self.analysis.total_params()

    def problem_count(self) -> int:
        return sum(len(v) for v in self.errors.values())

    def first_problem(self) -> str | None:
        for node_id, messages in self.errors.items():
            if messages:
                return f"{node_id}: {messages[0]}" if node_id else messages[0]
        return None

    def connection_problem(self, src: str, dst: str) -> str | None:
        """Why a wire src -> dst would be refused, or None when it is allowed."""
        if src == dst:
            return "a node cannot feed itself"
        if not (self.has_node(src) and self.has_node(dst)):
            return "both ends must be nodes of this network"
        if self.has_edge(src, dst):
            return f"'{src}' is already wired to '{dst}'"
        spec = self.spec(dst)
        if spec is not None and spec.max_inputs == 0:
            return f"'{dst}' is an {spec.type}: nothing can feed it"
        if self._reaches(dst, src):
            return f"a wire '{src}' -> '{dst}' would close a cycle"
        if spec is not None and spec.max_inputs is not None:
            if len(self.input_edges(dst)) >= spec.max_inputs:
                return (f"'{dst}' takes {spec.inputs_text()} input(s) and has them already: "
                        f"delete its wire first")
        return None

    def free_port(self, dst: str) -> int | None:
        """The port number a new wire into ``dst`` takes: None for single-input layers,
        one past the highest used port for merge layers."""
        spec = self.spec(dst)
        if spec is None or spec.max_inputs == 1:
            return None
        ports = [e.get("port", i) for i, e in enumerate(self.input_edges(dst))]
        return max(ports) + 1 if ports else 0

    def _reaches(self, start: str, goal: str) -> bool:
        """True when ``goal`` is downstream of (or equal to) ``start``."""
        consumers: dict[str, list[str]] = {}    # once, not a walk over the edges per node
        for e in self.network.edges:
            consumers.setdefault(e["from"], []).append(e["to"])
        seen, todo = set(), [start]
        while todo:
            nid = todo.pop()
            if nid == goal:
                return True
            if nid not in seen:
                seen.add(nid)
                todo.extend(consumers.get(nid, ()))
        return False

    # ---- edits (called by commands only) -----------------------------------------------
    def add_node(self, type_name: str, params: dict | None = None, x: float = 0.0,
                 y: float = 0.0, node_id: str | None = None, index: int | None = None) -> str:
        node_id = self.network.add_node(type_name, params, x, y, node_id=node_id, index=index)
        self.nodeAdded.emit(node_id)
        self._changed()
        return node_id

    def remove_node(self, node_id: str) -> tuple[int, dict, list[tuple[int, dict]]]:
        index, node, edges = self.network.remove_node(node_id)
        for _, e in edges:
            self.edgeRemoved.emit(e["from"], e["to"])
        self.nodeRemoved.emit(node_id)
        self._changed()
        return index, node, edges

    def restore_node(self, index: int, node: dict, edges: list[tuple[int, dict]]) -> None:
        self.network.restore_node(index, node, edges)
        self.nodeAdded.emit(node["id"])
        for _, e in edges:
            self.edgeAdded.emit(e["from"], e["to"])
        self._changed()

    def set_param(self, node_id: str, name: str, value) -> None:
        """``value`` None removes the param (back to the registry default)."""
        self.network.set_param(node_id, name, value)
        self.nodeChanged.emit(node_id)
        self._changed()

    def move_node(self, node_id: str, x: float, y: float) -> None:
        # positions do not change shapes: no analysis
        self.network.move_node(node_id, x, y)
        self.nodeMoved.emit(node_id)

    def add_edge(self, src: str, dst: str, port: int | None = None,
                 index: int | None = None) -> dict:
        edge = self.network.add_edge(src, dst, port, index=index)
        self.edgeAdded.emit(src, dst)
        self._changed()
        return edge

    def remove_edge(self, src: str, dst: str) -> tuple[int, dict]:
        index, edge = self.network.remove_edge(src, dst)
        self.edgeRemoved.emit(src, dst)
        self._changed()
        return index, edge

    def set_training(self, training: dict) -> None:
        self.network.set_training(training)
        self.trainingChanged.emit()
        self._changed()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Run several edits with one analysis at the end (paste, delete of many items)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty_analysis:
                self._dirty_analysis = False
                self._analyse()
                self.analysisChanged.emit()

    # ---- analysis ------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._batch_depth:
            self._dirty_analysis = True
            return
        self._analyse()
        self.analysisChanged.emit()

    def _analyse(self) -> None:
        try:
            self.analysis = analyse(self.network)
        except Exception as e:      # a bug in the analysis must not break every edit
            log.exception("analysis of the network failed")
            self.analysis = Analysis.failed(
                f"the network could not be analysed ({type(e).__name__}: {e})")


def _ensure_positions(net: Network) -> None:
    """Give every node a canvas position (a file may omit "ui"): a left-to-right layout."""
    missing = [n for n in net.nodes
               if not isinstance(n.get("ui"), dict) or not _is_num(n["ui"].get("x"))
               or not _is_num(n["ui"].get("y"))]
    if not missing:
        return
    from gui.canvas.layout import layered_positions
    positions = layered_positions(net)
    for node in missing:
        x, y = positions[node["id"]]
        node["ui"] = {**(node.get("ui") if isinstance(node.get("ui"), dict) else {}),
                      "x": x, "y": y}


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
