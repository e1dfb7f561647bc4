"""The canvas scene: one NodeItem per node and one EdgeItem per edge, kept in step with
the document's signals (only the items concerned are touched; a full rebuild only when
the whole network is replaced). Drops from the palette and gestures push undo commands."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGraphicsScene

from gui import commands
from gui.canvas import style
from gui.canvas.edge_item import EdgeItem
from gui.canvas.interaction import NodeDrag, WireDrag
from gui.canvas.node_item import NodeItem
from gui.palette import MIME_LAYER       # the palette's drag payload: a registry type name
SCENE_MARGIN = 1500.0
BUSY_CURSOR_FROM = 3000        # nodes: about a second to build their cards


class CanvasScene(QGraphicsScene):
    statusMessage = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[tuple[str, str], EdgeItem] = {}
        self._wires_at: dict[str, set[tuple[str, str]]] = {}   # node id -> its wires' keys
        self._analysis_shown = None      # the analysis the cards show
        self._raised: set[NodeItem] = set()
        self._clearing = False           # rebuild() is deleting every card
        self._selection_left = False     # selected items were removed: say so (_on_analysis)
        # the selected cards are drawn above the others; kept here rather than in an
        # itemChange of every card, which Qt calls a dozen times per card made
        self.selectionChanged.connect(self._raise_selected)
        self._node_drag: NodeDrag | None = None
        self._wire_drag: WireDrag | None = None
        self.setBackgroundBrush(style.BACKGROUND)
        doc = document
        doc.nodeAdded.connect(self._on_node_added)
        doc.nodeRemoved.connect(self._on_node_removed)
        # a param edit (nodeChanged) is drawn from the analysisChanged that always follows
        doc.nodeMoved.connect(self._on_node_moved)
        doc.edgeAdded.connect(self._on_edge_added)
        doc.edgeRemoved.connect(self._on_edge_removed)
        doc.analysisChanged.connect(self._on_analysis)
        doc.networkReplaced.connect(self.rebuild)
        self.rebuild()

    # ---- following the document ------------------------------------------------------
    def rebuild(self) -> None:
        """Every card and wire made again, with look-ups made once for the whole network
        (a card or wire at a time, opening a 2,000-node file took 25 s). A network of
        thousands of nodes takes a second or more: the cursor says the window is busy."""
        busy = len(self.document.network.nodes) >= BUSY_CURSOR_FROM
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._build()
        finally:
            if busy:
                QGuiApplication.restoreOverrideCursor()

    def _build(self) -> None:
        self._cancel_gestures()
        # clear() deletes the cards one by one, saying the selection changed after each:
        # raising cards then would touch those already deleted
        self._clearing = True
        try:
            self.clear()
        finally:
            self._clearing = False
        self._raised = set()
        self.node_items.clear()
        self.edge_items.clear()
        self._wires_at.clear()
        net = self.document.network
        inputs = net.edges_into()
        for nid in net.node_ids():
            if nid not in self.node_items:
                self._add_node_item(nid, [e["from"] for e in inputs.get(nid, ())])
        bounds = self.itemsBoundingRect() if self.node_items else QRectF(0, 0, 1, 1)
        m = SCENE_MARGIN                     # a new network: the old one's room goes
        self.setSceneRect(bounds.adjusted(-m, -m, m, m))
        for e in net.edges:
            self._add_edge_item(e["from"], e["to"], route=False)
        for edge in self.edge_items.values():
            edge.refresh_path()
        self._analysis_shown = self.document.analysis

    def _add_node_item(self, nid: str, sources: list[str] | None = None) -> NodeItem:
        item = NodeItem(self.document, nid, sources)
        self.node_items[nid] = item
        self.addItem(item)
        return item

    def _on_node_added(self, nid: str) -> None:
        if nid not in self.node_items:
            self._update_scene_rect(self._add_node_item(nid).outline_rect())

    def _on_node_removed(self, nid: str) -> None:
        item = self.node_items.pop(nid, None)
        if item is not None:
            self._raised.discard(item)
            self._remove_quietly(item)

    def _on_node_moved(self, nid: str) -> None:
        item = self.node_items.get(nid)
        if item is None:
            return
        item.refresh_position()
        for key in self._wires_at.get(nid, ()):
            self.edge_items[key].refresh_path()
        self._update_scene_rect(item.outline_rect())

    def _on_edge_added(self, src: str, dst: str) -> None:
        b = self.node_items.get(dst)
        if b is not None and src in self.node_items and (src, dst) not in self.edge_items:
            b.refresh_ports()
            self._add_edge_item(src, dst)
            self._reroute_into(dst)

    def _add_edge_item(self, src: str, dst: str, route: bool = True) -> None:
        a, b = self.node_items.get(src), self.node_items.get(dst)
        if a is None or b is None or (src, dst) in self.edge_items:
            return
        edge = EdgeItem(a, b, route)
        self.edge_items[(src, dst)] = edge
        self.addItem(edge)
        for end in (src, dst):
            self._wires_at.setdefault(end, set()).add((src, dst))

    def _on_edge_removed(self, src: str, dst: str) -> None:
        edge = self.edge_items.pop((src, dst), None)
        if edge is not None:
            self._remove_quietly(edge)
            for end in (src, dst):
                self._wires_at.get(end, set()).discard((src, dst))
        item = self.node_items.get(dst)
        if item is not None and self.document.network.has_node(dst):   # not when dst goes too
            item.refresh_ports()
            self._reroute_into(dst)

    def _remove_quietly(self, item) -> None:
        """Remove ``item``. Qt says the selection changed for every selected item removed
        (deleting 2,000 selected cards made the view and the inspector follow 2,000
        selections); it is said once, when the edit is over (``_on_analysis``)."""
        if not item.isSelected():
            self.removeItem(item)
            return
        blocked = self.blockSignals(True)
        try:
            self.removeItem(item)
        finally:
            self.blockSignals(blocked)
        self._selection_left = True

    def _reroute_into(self, dst: str) -> None:
        """The input ports of ``dst`` may have moved (merge nodes grow a port per input)."""
        for key in self._wires_at.get(dst, ()):
            if key[1] == dst:
                self.edge_items[key].refresh_path()

    def _on_analysis(self) -> None:
        if self._selection_left:              # every edit ends with a new analysis
            self._selection_left = False
            self.selectionChanged.emit()
        if self.document.analysis is self._analysis_shown:
            return                   # the analysis rebuild() read (Open sends both signals)
        self._analysis_shown = self.document.analysis
        changed = {nid for nid, item in self.node_items.items() if item.refresh_analysis()}
        for nid in changed:
            for key in self._wires_at.get(nid, ()):
                if key[0] == nid:
                    self.edge_items[key].refresh_label()

    def _update_scene_rect(self, grown: QRectF) -> None:
        """Grow the scene to hold ``grown`` (scene coordinates) with a margin; it never
        shrinks, so the view does not jump while nodes are deleted or dragged."""
        m = SCENE_MARGIN
        wanted = grown.adjusted(-m, -m, m, m).united(self.sceneRect())
        if wanted != self.sceneRect():       # setting it repaints the whole view
            self.setSceneRect(wanted)

    # ---- selection -------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        """Selected nodes, in the document's order."""
        net = self.document.network
        at = {i.node_id: net.index_of(i.node_id) for i in self.selectedItems()
              if isinstance(i, NodeItem)}
        return sorted((nid for nid, k in at.items() if k is not None), key=at.__getitem__)

    def selected_edges(self) -> list[tuple[str, str]]:
        return [i.key for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def _raise_selected(self) -> None:
        if self._clearing:
            return
        selected = {i for i in self.selectedItems() if isinstance(i, NodeItem)}
        for item in self._raised - selected:
            item.setZValue(0)
        for item in selected - self._raised:
            item.setZValue(1)
        self._raised = selected

    def select_nodes(self, node_ids) -> None:
        """Select exactly these nodes, saying so once (Qt says it for every item: Select
        All on 2,000 cards told the view and the inspector 2,000 times)."""
        wanted = set(node_ids)
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for nid in wanted:
                item = self.node_items.get(nid)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

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
        # another program's bytes may not be UTF-8: refused below as any unknown name is
        type_name = bytes(data.data(MIME_LAYER)).decode("utf-8", errors="replace")
        try:
            self.add_layer_at(type_name, event.scenePos())
        except KeyError as e:
            self.statusMessage.emit(str(e).strip("'\""))
            event.ignore()
            return
        event.acceptProposedAction()
