"""The canvas scene: one NodeItem per node and one EdgeItem per edge, kept in step with
the document's signals (only the items concerned are touched; a full rebuild only when
the whole network is replaced). Drops from the palette and gestures push undo commands."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from gui import commands
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem
from gui.canvas.interaction import NodeDrag, WireDrag
from gui.canvas.node_item import NodeItem
from gui.palette import MIME_LAYER       # the palette's drag payload: a registry type name
SCENE_MARGIN = 1500.0


class CanvasScene(QGraphicsScene):
    statusMessage = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[tuple[str, str], EdgeItem] = {}
        self._node_drag: NodeDrag | None = None
        self._wire_drag: WireDrag | None = None
        self.setBackgroundBrush(style.BACKGROUND)
        doc = document
        doc.nodeAdded.connect(self._on_node_added)
        doc.nodeRemoved.connect(self._on_node_removed)
        doc.nodeChanged.connect(self._on_node_changed)
        doc.nodeMoved.connect(self._on_node_moved)
        doc.edgeAdded.connect(self._on_edge_added)
        doc.edgeRemoved.connect(self._on_edge_removed)
        doc.analysisChanged.connect(self._on_analysis)
        doc.networkReplaced.connect(self.rebuild)
        self.rebuild()

    # ---- following the document ------------------------------------------------------
    def rebuild(self) -> None:
        self._cancel_gestures()
        self.clear()
        self.node_items.clear()
        self.edge_items.clear()
        for nid in self.document.network.node_ids():
            self._on_node_added(nid)
        for e in self.document.network.edges:
            self._on_edge_added(e["from"], e["to"])
        self._update_scene_rect()

    def _on_node_added(self, nid: str) -> None:
        if nid in self.node_items:
            return
        item = NodeItem(self.document, nid)
        self.node_items[nid] = item
        self.addItem(item)
        self._update_scene_rect()

    def _on_node_removed(self, nid: str) -> None:
        item = self.node_items.pop(nid, None)
        if item is not None:
            self.removeItem(item)

    def _on_node_changed(self, nid: str) -> None:
        item = self.node_items.get(nid)
        if item is not None:
            item.refresh_analysis()

    def _on_node_moved(self, nid: str) -> None:
        item = self.node_items.get(nid)
        if item is None:
            return
        item.refresh_position()
        for (src, dst), edge in self.edge_items.items():
            if nid in (src, dst):
                edge.refresh_path()
        self._update_scene_rect()

    def _on_edge_added(self, src: str, dst: str) -> None:
        a, b = self.node_items.get(src), self.node_items.get(dst)
        if a is None or b is None or (src, dst) in self.edge_items:
            return
        b.refresh_ports()
        edge = EdgeItem(a, b)
        self.edge_items[(src, dst)] = edge
        self.addItem(edge)
        self._reroute_into(dst)

    def _on_edge_removed(self, src: str, dst: str) -> None:
        edge = self.edge_items.pop((src, dst), None)
        if edge is not None:
            self.removeItem(edge)
        item = self.node_items.get(dst)
        if item is not None and self.document.has_node(dst):   # not when dst goes too
            item.refresh_ports()
            self._reroute_into(dst)

    def _reroute_into(self, dst: str) -> None:
        """The input ports of ``dst`` may have moved (merge nodes grow a port per input)."""
        for (_, d), edge in self.edge_items.items():
            if d == dst:
                edge.refresh_path()

    def _on_analysis(self) -> None:
        changed = {nid for nid, item in self.node_items.items() if item.refresh_analysis()}
        for (src, _), edge in self.edge_items.items():
            if src in changed:
                edge.refresh_label()

    def _update_scene_rect(self) -> None:
        bounds = self.itemsBoundingRect() if self.node_items else QRectF(0, 0, 1, 1)
        m = SCENE_MARGIN
        wanted = bounds.adjusted(-m, -m, m, m).united(self.sceneRect())
        if wanted != self.sceneRect():       # setting it repaints the whole view
            self.setSceneRect(wanted)

    # ---- selection -------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        """Selected nodes, in the document's order."""
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [nid for nid in self.document.network.node_ids() if nid in chosen]

    def selected_edges(self) -> list[tuple[str, str]]:
        return [i.key for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, node_ids) -> None:
        wanted = set(node_ids)
        self.clearSelection()
        for nid, item in self.node_items.items():
            item.setSelected(nid in wanted)

    # ---- gestures (called by the items) ------------------------------------------------
    def begin_node_drag(self, pos: QPointF) -> None:
        self._node_drag = NodeDrag(self, pos)

    def move_node_drag(self, pos: QPointF) -> None:
        if self._node_drag is not None:
            self._node_drag.move(pos)

    def end_node_drag(self) -> bool:
        drag, self._node_drag = self._node_drag, None
        return bool(drag and drag.moved)

    def begin_wire(self, port, pos: QPointF) -> None:
        self._cancel_gestures()
        if self.document.locked:
            self.statusMessage.emit("Stop training before editing the network")
            return
        self._wire_drag = WireDrag(self, port, pos)

    def move_wire(self, pos: QPointF) -> None:
        if self._wire_drag is not None:
            self._wire_drag.move(pos)

    def end_wire(self, pos: QPointF) -> str | None:
        drag, self._wire_drag = self._wire_drag, None
        return drag.finish(pos) if drag is not None else None

    def _cancel_gestures(self) -> None:
        if self._wire_drag is not None:
            self._wire_drag.cancel()
        self._wire_drag = self._node_drag = None

    # ---- drops from the palette --------------------------------------------------------
    def add_layer_at(self, type_name: str, pos: QPointF) -> str | None:
        """Push AddNode with the card centred on ``pos``; returns the new id."""
        if self.document.locked:
            self.statusMessage.emit("Stop training before editing the network")
            return None
        x = round(pos.x() - style.CARD_WIDTH * style.CARD_SCALE / 2)
        y = round(pos.y() - style.CARD_MIN_HEIGHT * style.CARD_SCALE / 2)
        command = commands.AddNode(self.document, type_name, x, y)
        self.document.undo_stack.push(command)
        self.select_nodes([command.node_id])
        return command.node_id

    def dragEnterEvent(self, event) -> None:
        event.setAccepted(event.mimeData().hasFormat(MIME_LAYER))

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_LAYER):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        data = event.mimeData()
        if not data.hasFormat(MIME_LAYER):
            event.ignore()
            return
        type_name = bytes(data.data(MIME_LAYER)).decode("utf-8")
        try:
            self.add_layer_at(type_name, event.scenePos())
        except KeyError as e:
            self.statusMessage.emit(str(e).strip("'\""))
            event.ignore()
            return
        event.acceptProposedAction()
