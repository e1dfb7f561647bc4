"""Mouse gestures on the canvas that end in undo commands: moving nodes and drawing wires."""
from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QToolTip

from gui import commands
from gui.canvas import style
from gui.canvas.edge_item import wire_path
from gui.canvas.node_item import NodeItem
from gui.canvas.port_item import INVALID, NORMAL, VALID, PortItem
from gui.i18n import translate

_drag_ids = itertools.count(1)


class NodeDrag:
    """Moves the selected nodes with the mouse. Every mouse move pushes a MoveNodes with
    this drag's id, so the whole drag merges into one undo step and the document always
    holds the positions (the items follow its nodeMoved signal)."""

    def __init__(self, scene, press: QPointF):
        self.scene, self.press = scene, QPointF(press)
        self.doc = scene.document
        self.start = {nid: (self.doc.node(nid)["ui"]["x"], self.doc.node(nid)["ui"]["y"])
                      for nid in scene.selected_node_ids()}
        self.drag_id = next(_drag_ids)
        self.moved = False

    def move(self, pos: QPointF) -> None:
        delta = pos - self.press
        if not self.moved and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if self.doc.locked or not self.start:
            return
        self.moved = True
        positions = {nid: (round(x + delta.x()), round(y + delta.y()))
                     for nid, (x, y) in self.start.items()}
        self.doc.undo_stack.push(commands.MoveNodes(self.doc, positions, self.drag_id))


class WireDrag:
    """Draws a wire from a port; on release over a valid port (or card) pushes AddEdge.
    While dragging, every port says whether it would accept the wire. Started on a taken
    input port, it picks that wire up: dropped on another input it is re-plugged there
    (one undo step), dropped anywhere else it stays where it was."""

    def __init__(self, scene, origin: PortItem, pos: QPointF):
        self.scene, self.doc = scene, scene.document
        self.detached: tuple[str, str] | None = None
        if origin.kind == "in" and origin.edge_src is not None:
            self.detached = (origin.edge_src, origin.node_id)
            origin = scene.node_items[origin.edge_src].out_port
            scene.edge_items[self.detached].hide()
        self.origin = origin
        self.line = QGraphicsPathItem()
        pen = QPen(style.WIRE_SELECTED, 2.0)
        pen.setCosmetic(True)
        self.line.setPen(pen)
        self.line.setZValue(3)
        scene.addItem(self.line)
        self._marked: set[NodeItem] = set()
        self._mark_targets()
        self.move(pos)

    def _endpoints(self, target: PortItem) -> tuple[str, str]:
        """(src, dst) of the wire to ``target``, whichever end the drag started from."""
        if self.origin.kind == "out":
            return self.origin.node_id, target.node_id
        return target.node_id, self.origin.node_id

    def problem(self, target: PortItem | None) -> str | None:
        if target is None:
            return translate("Canvas", "drop the wire on a port")
        if target.kind == self.origin.kind:
            return (translate("Canvas", "an output must go to an input port (left side of a "
                                        "card)") if target.kind == "out" else
                    translate("Canvas", "an input must come from an output port (right side "
                                        "of a card)"))
        src, dst = self._endpoints(target)
        if (src, dst) == self.detached:
            return None                   # put back where it was
        return self.doc.connection_problem(src, dst)

    def _mark_targets(self) -> None:
        """Say on every port in sight whether it would take the wire (asking costs a walk
        of the graph: thousands of cards out of sight would stall the drag's start); cards
        that come into sight are marked as the wire moves."""
        for item in self._cards_in_sight():
            if item in self._marked:
                continue
            self._marked.add(item)
            for port in [item.out_port, *item.in_ports]:
                if port is self.origin or _redirected(port) is not port:
                    continue              # a taken port of a merge node: its free one counts
                port.set_state(VALID if self.problem(port) is None else INVALID)

    def _cards_in_sight(self) -> list[NodeItem]:
        views = self.scene.views()
        if not views:
            return list(self.scene.node_items.values())
        view = views[0]
        sight = view.mapToScene(view.viewport().rect()).boundingRect()
        return [i for i in self.scene.items(sight) if isinstance(i, NodeItem)]

    def target_at(self, pos: QPointF) -> PortItem | None:
        """The port under ``pos``; over a card, the port of that card the wire would use."""
        for item in self.scene.items(pos):
            if isinstance(item, PortItem) and item is not self.origin:
                return _redirected(item)
            if isinstance(item, NodeItem) and item is not self.origin.node_item:
                if self.origin.kind == "in":
                    return item.out_port
                return item.free_in_port() or (item.in_ports[0] if item.in_ports else None)
        return None

    def move(self, pos: QPointF) -> None:
        self._mark_targets()              # the view may have been zoomed or scrolled
        start = self.origin.scenePos()
        path = wire_path(start, pos) if self.origin.kind == "out" else wire_path(pos, start)
        self.line.setPath(path)
        target = self.target_at(pos)
        if target is not None:
            reason = self.problem(target)
            src, dst = self._endpoints(target)
            message = reason or translate("Canvas", "release to wire {src} → {dst}").format(
                src=repr(src), dst=repr(dst))
            self.scene.statusMessage.emit(message)
            self._show_tip(pos, reason)

    def _show_tip(self, pos: QPointF, reason: str | None) -> None:
        views = self.scene.views()
        if reason and views:
            view = views[0]
            QToolTip.showText(view.viewport().mapToGlobal(view.mapFromScene(pos)),
                              translate("Canvas", "Refused: {reason}").format(reason=reason),
                              view)
        else:
            QToolTip.hideText()

    def finish(self, pos: QPointF) -> str | None:
        """Push the wire if the drop is valid; returns the reason when it is refused."""
        target = self.target_at(pos)
        if target is None:                 # released on empty canvas: just cancel
            self.scene.statusMessage.emit("")
            self.cancel()
            return "no target"
        reason = self.problem(target)
        if reason is None and self.doc.locked:
            reason = translate("Canvas", "stop training before editing the network")
        if reason is None:
            self._connect(*self._endpoints(target))
        self.scene.statusMessage.emit(translate("Canvas", "Wire refused: {reason}").format(
            reason=reason) if reason else "")
        self.cancel()
        return reason

    def _connect(self, src: str, dst: str) -> None:
        stack = self.doc.undo_stack
        if self.detached is None:
            stack.push(commands.AddEdge(self.doc, src, dst))
        elif (src, dst) != self.detached:
            stack.beginMacro(translate("Canvas", "Reconnect '{src}' to '{dst}'").format(
                src=src, dst=dst))
            stack.push(commands.RemoveEdge(self.doc, *self.detached))
            stack.push(commands.AddEdge(self.doc, src, dst))
            stack.endMacro()

    def cancel(self) -> None:
        QToolTip.hideText()
        self.scene.removeItem(self.line)
        edge = self.scene.edge_items.get(self.detached) if self.detached else None
        if edge is not None:
            edge.show()
        for item in self._marked:
            if item.scene() is self.scene:
                for port in [item.out_port, *item.in_ports]:
                    port.set_state(NORMAL)


def _redirected(port: PortItem) -> PortItem:
    """A wire dropped on a taken input port of a merge node goes to its free port."""
    if port.kind == "in" and port.edge_src is not None:
        return port.node_item.free_in_port() or port
    return port
