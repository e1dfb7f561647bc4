"""A port: the small circle a wire starts or ends on. Dragging from it draws a new wire."""
from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from gui.canvas import style
from gui.i18n import translate

NORMAL, VALID, INVALID = "normal", "valid", "invalid"


class PortItem(QGraphicsEllipseItem):
    """``kind`` is "in" or "out"; an input port has a ``slot`` (its place on the card, in
    port order) and ``edge_src`` (the node wired into it, or None when it is free)."""

    def __init__(self, node_item: QGraphicsItem, kind: str, slot: int = 0,
                 edge_src: str | None = None):
        r = style.PORT_RADIUS
        super().__init__(QRectF(-r, -r, 2 * r, 2 * r), node_item)
        self.node_item = node_item
        self.kind = kind
        self.slot = slot
        self.edge_src = edge_src
        self.state = NORMAL
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        self.setToolTip(translate("Canvas", "Drag to an input port to wire this output")
                        if kind == "out" else
                        translate("Canvas", "Drag to an output port to wire this input"))
        self._hover = False
        self._restyle()

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def is_free(self) -> bool:
        return self.kind == "out" or self.edge_src is None

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self._restyle()

    def _restyle(self) -> None:
        colour = {VALID: style.VALID_TARGET, INVALID: style.INVALID_TARGET}.get(
            self.state, style.WIRE)
        filled = self.edge_src is not None or self.kind == "out" or self.state == VALID
        self.setPen(_pen(colour))
        self.setBrush(_brush(colour if filled else style.CARD_FILL))
        scale = 1.35 if self._hover or self.state == VALID else 1.0
        if scale != self.scale():
            self.setScale(scale)

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self._restyle()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self._restyle()
        super().hoverLeaveEvent(event)

    # a wire drag: the scene's WireDrag does the work
    def mousePressEvent(self, event) -> None:
        self.scene().begin_wire(self, event.scenePos())
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        self.scene().move_wire(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        self.scene().end_wire(event.scenePos())


# a big network has tens of thousands of ports: one pen and brush per colour, shared
def _pen(colour: QColor) -> QPen:
    return _shared_pen(colour.rgba())


def _brush(colour: QColor) -> QBrush:
    return _shared_brush(colour.rgba())


@functools.cache
def _shared_pen(rgba: int) -> QPen:
    return QPen(QColor.fromRgba(rgba), 2.0)


@functools.cache
def _shared_brush(rgba: int) -> QBrush:
    return QBrush(QColor.fromRgba(rgba))
