"""A wire: a bezier curve from an output port to an input port, labelled with the shape
of the tensor it carries; dashed when that shape is unknown (a problem upstream)."""
from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from gui.canvas import style
from gui.canvas.summary import format_shape

LABEL_FONT_SIZE = 8.0 * style.CARD_SCALE
HIDE_LABEL_BELOW = 0.6     # device pixels per scene unit
LABEL_POSITIONS = (0.5, 0.35, 0.65, 0.2, 0.8)     # along the wire, first that hides no card


def wire_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A horizontal S-curve; its handles grow with the distance so backward wires loop."""
    dx = max(abs(end.x() - start.x()) * 0.5, 40.0)
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
    return path


class EdgeItem(QGraphicsPathItem):
    def __init__(self, src_item, dst_item, route: bool = True):
        """``route`` False leaves the path empty until ``refresh_path``: the scene routes a
        whole network's wires once every card is in (placing a label asks where the cards
        are, and the scene answers that slowly while items are still being added)."""
        super().__init__()
        self.src_item, self.dst_item = src_item, dst_item
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1)
        self.label = ""
        self.known = True
        self._label_size = (0.0, 0.0)
        self._label_rect: QRectF | None = None      # placed when first needed: label_rect()
        self._bounds = QRectF()
        self._read_label()
        if route:
            self.refresh_path()

    @property
    def key(self) -> tuple[str, str]:
        return self.src_item.node_id, self.dst_item.node_id

    def refresh(self) -> None:
        """Re-route between the current port positions and re-read the carried shape."""
        self.refresh_label()
        self.refresh_path()

    def refresh_path(self) -> None:
        start = self.src_item.out_port.scenePos()
        port = self.dst_item.in_port_for(self.src_item.node_id) or self.dst_item.free_in_port()
        end = port.scenePos() if port is not None else self.dst_item.scenePos()
        self.prepareGeometryChange()
        self.setPath(wire_path(start, end))
        self._label_rect = None
        self._update_bounds()

    def refresh_label(self) -> bool:
        """Re-read the carried shape; True when the label changed."""
        if not self._read_label():
            return False
        self.prepareGeometryChange()
        self._label_rect = None
        self._update_bounds()
        self.update()
        return True

    def _read_label(self) -> bool:
        shape = self.src_item.output_shape
        label, known = (format_shape(shape), True) if shape is not None else ("?", False)
        if (label, known) == (self.label, self.known):
            return False
        self.label, self.known = label, known
        metrics = _label_metrics()
        self._label_size = (metrics.horizontalAdvance(label) + 5, metrics.height() + 1)
        self.setToolTip(f"'{self.key[0]}' → '{self.key[1]}' carries {label}" if known else
                        f"'{self.key[0]}' → '{self.key[1]}': shape unknown because of a "
                        f"problem upstream")
        return True

    def label_rect(self) -> QRectF:
        """Where the label is drawn. Placed when first painted or hit, not when the wire
        is made or relabelled: asking the scene where the cards are costs a millisecond a
        wire, too much for the thousands of wires of a big file, most of them off screen."""
        if self._label_rect is None:
            self._label_rect = self._place_label()
        return self._label_rect

    def _place_label(self) -> QRectF:
        """Above the middle of the wire, or further along it where that would hide a card."""
        w, h = self._label_size
        cards = self._card_rects()
        best, best_cover = QRectF(), None
        for t in LABEL_POSITIONS:
            at = self.path().pointAtPercent(t)
            rect = QRectF(at.x() - w / 2, at.y() - h - 4, w, h)
            cover = sum(_area(rect.intersected(c)) for c in cards)
            if best_cover is None or cover < best_cover:
                best, best_cover = rect, cover
            if cover == 0:
                break
        return best

    def _card_rects(self) -> list[QRectF]:
        scene = self.scene() or self.src_item.scene()
        if scene is None:
            return []
        bounds = self.path().boundingRect().adjusted(-80, -40, 80, 40)
        return [item.mapRectToScene(item.card_rect())
                for item in scene.items(bounds, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
                if hasattr(item, "card_rect")]

    def _update_bounds(self) -> None:
        """The wire and every place its label may take (known before it is placed)."""
        w, h = self._label_size
        self._bounds = self.path().boundingRect().adjusted(-max(w / 2, 4), -(h + 4) - 4,
                                                           max(w / 2, 4), 4)

    def boundingRect(self) -> QRectF:
        return self._bounds          # not QGraphicsPathItem's: it asks shape(), the label

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(7)
        outline = stroker.createStroke(self.path())
        outline.addRect(self.label_rect())
        return outline

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = style.WIRE_SELECTED if self.isSelected() else style.WIRE
        pen = QPen(colour, 2.6 if self.isSelected() else 1.8)
        pen.setCosmetic(True)              # the same width in pixels at every zoom
        if not self.known:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < HIDE_LABEL_BELOW:         # unreadably small: the tooltip still tells
            return
        rect = self.label_rect()
        painter.setPen(QPen(colour, 0.6))
        painter.setBrush(QBrush(style.WIRE_LABEL_FILL))
        painter.drawRoundedRect(rect, 2.5, 2.5)
        painter.setFont(style.font(LABEL_FONT_SIZE))
        painter.setPen(QPen(style.TEXT if self.known else style.MUTED_TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)


@functools.cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(style.font(LABEL_FONT_SIZE))


def _area(rect: QRectF) -> float:
    return max(rect.width(), 0.0) * max(rect.height(), 0.0)
