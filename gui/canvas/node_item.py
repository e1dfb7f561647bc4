"""A node on the canvas: a card coloured by category with its type, id, key params,
output shape and parameter count; input ports left, one output port right."""
from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from engine.nn.registry import LayerSpec
from gui.canvas import style
from gui.canvas.port_item import PortItem
from gui.canvas.preview import preview_of
from gui.canvas.preview_item import GAP as PREVIEW_GAP
from gui.canvas.preview_item import PreviewItem
from gui.canvas.summary import format_count, format_shape, param_summary, params_text
from gui.i18n import engine_text, translate
from gui.param_shapes import param_shape_lines


SIMPLE_BELOW = 0.55    # device pixels per card unit under which the card is simplified


class NodeItem(QGraphicsItem):
    def __init__(self, document, node_id: str, sources: list[str] | None = None):
        """``sources``: the ids wired into the node in port order, when the caller knows
        them (the scene does, for a whole network at once); else read from the document."""
        super().__init__()
        self.document = document
        self.node_id = node_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        # painted once into a pixmap, re-painted only on update(): cheap drags and pans
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setScale(style.CARD_SCALE)
        self.height = style.CARD_MIN_HEIGHT
        self.out_port: PortItem | None = None
        self.in_ports: list[PortItem] = []
        self._texts: tuple = ()
        self._key: tuple = ()
        self.preview_item: PreviewItem | None = None
        self._hover = False
        self.refresh(sources)

    # ---- reading the document ------------------------------------------------------------
    @property
    def spec(self) -> LayerSpec | None:
        return self.document.spec(self.node_id)

    def refresh(self, sources: list[str] | None = None) -> None:
        """Re-read everything (params, shapes, errors, ports, position) from the document."""
        self.refresh_position()
        self.refresh_ports(sources)
        self.refresh_analysis(force=True)

    def refresh_position(self) -> None:
        ui = self.document.node(self.node_id)["ui"]
        self.setPos(ui["x"], ui["y"])

    def refresh_analysis(self, force: bool = False) -> bool:
        """Update the texts from the document's analysis; True when anything changed."""
        key = self._facts_key()
        if key == self._key and not force:      # the usual case on an edit elsewhere
            return False
        self._key = key
        texts = self._read_texts()
        if texts == self._texts and not force:
            return False
        self._texts = texts
        self.setToolTip(self._tooltip())
        self.update()
        return True

    def _facts_key(self) -> tuple:
        """Everything the card's texts are made from, cheap to compare: a big network's
        edit asks every card whether it changed."""
        node = self.document.node(self.node_id)
        facts = self.document.analysis.node(self.node_id)
        known = (facts.shape, facts.weight_shapes) if facts else None
        params = params_text(node.get("params")) or object()     # None: always changed
        return (node["type"], params, known,
                tuple(self.document.analysis.messages.get(self.node_id, ())))

    def _read_texts(self) -> tuple:
        doc, nid, spec = self.document, self.node_id, self.spec
        node = doc.node(nid)
        summary = param_summary(spec, node.get("params") or {}) if spec else ""
        facts = doc.analysis.node(nid)
        shape = facts.shape if facts else None
        count = facts.param_count if facts else None
        errors = tuple(doc.analysis.messages.get(nid, ()))
        arrays = tuple(param_shape_lines(doc, nid))
        return (node["type"], summary, shape, count, errors, arrays)

    def _tooltip(self) -> str:
        type_name, summary, shape, count, errors, arrays = self._texts
        spec = self.spec
        head = f"<b>{html.escape(type_name)}</b> '{html.escape(self.node_id)}'"
        if errors:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in errors)
            held = f"<br>{html.escape(summary)}" if summary else ""
            problem = html.escape(translate("Canvas", "Problem:"))
            return (f"{head}{held}<br><span style='color:#c62828'>{problem}</span>"
                    f"<ul>{items}</ul>")
        lines = [head]
        if spec:
            lines.append(html.escape(engine_text(spec.help)))
        if shape is not None:
            lines.append(translate("Canvas", "output {shape}").format(shape=format_shape(shape))
                         + (f", {format_count(count)}" if count else ""))
        lines.extend(html.escape(line) for line in arrays)
        return "<br>".join(lines)

    @property
    def has_error(self) -> bool:
        return bool(self._texts and self._texts[4])

    @property
    def output_shape(self):
        return self._texts[2] if self._texts else None

    # ---- ports ---------------------------------------------------------------------------
    def refresh_ports(self, sources: list[str] | None = None) -> None:
        """One input port per connected input (in port order) plus a free one while the
        layer takes more; none for Input. Rebuilt only when the inputs changed."""
        spec = self.spec
        if sources is None:
            sources = [e["from"] for e in self.document.input_edges(self.node_id)]
        max_in = spec.max_inputs if spec else 1
        slots: list[str | None] = list(sources)
        if max_in is None or len(slots) < max_in:
            slots.append(None)
        current = [p.edge_src for p in self.in_ports]
        if current == slots and self.out_port is not None:
            return
        self.prepareGeometryChange()
        for port in self.in_ports:
            port.setParentItem(None)
            if port.scene():
                port.scene().removeItem(port)
        self.in_ports = [PortItem(self, "in", k, src) for k, src in enumerate(slots)]
        self.height = max(style.CARD_MIN_HEIGHT,
                          style.HEADER_HEIGHT + len(slots) * style.SLOT_SPACING + 6)
        if self.out_port is None:
            self.out_port = PortItem(self, "out")
        self._place_ports()
        if self.preview_item is not None:
            self.preview_item.setPos(0, self.height + PREVIEW_GAP)

    def _place_ports(self) -> None:
        body_top, body = style.HEADER_HEIGHT, self.height - style.HEADER_HEIGHT
        n = len(self.in_ports)
        for k, port in enumerate(self.in_ports):
            port.setPos(0.0, body_top + body * (k + 1) / (n + 1))
        self.out_port.setPos(style.CARD_WIDTH, body_top + body / 2)

    def in_port_for(self, src: str) -> PortItem | None:
        return next((p for p in self.in_ports if p.edge_src == src), None)

    def free_in_port(self) -> PortItem | None:
        return next((p for p in self.in_ports if p.edge_src is None), None)

    # ---- preview (the dashboard shows a sample's output under the card) ---------------------
    def set_preview(self, activation) -> None:
        """Show this node's output for one sample (any array, see gui.canvas.preview) under
        the card; None, or nothing drawable, removes it."""
        preview = None if activation is None else preview_of(activation)
        if preview is None:
            if self.preview_item is not None:
                self.preview_item.setParentItem(None)
                if self.preview_item.scene() is not None:
                    self.preview_item.scene().removeItem(self.preview_item)
                self.preview_item = None
            return
        if self.preview_item is None:
            self.preview_item = PreviewItem(self)
            self.preview_item.setPos(0, self.height + PREVIEW_GAP)
        self.preview_item.show_preview(preview)

    def has_preview(self) -> bool:
        return self.preview_item is not None

    def outline_rect(self) -> QRectF:
        """The card and its preview, in scene coordinates (what Fit to View must show)."""
        rect = self.sceneBoundingRect()
        if self.preview_item is not None:
            rect = rect.united(self.preview_item.sceneBoundingRect())
        return rect

    # ---- painting -----------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, style.CARD_WIDTH + 4, self.height + 4)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), style.CORNER, style.CORNER)
        return path

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, style.CARD_WIDTH, self.height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        type_name, summary, shape, count, errors, _ = self._texts
        spec = self.spec
        colour = style.ERROR_COLOUR if errors else style.CATEGORY_COLOURS.get(
            spec.category if spec else "", style.UNKNOWN_COLOUR)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < SIMPLE_BELOW:
            self._paint_simple(painter, colour, type_name, shape)
        else:
            self._paint_card(painter, colour, bool(errors))
            self._paint_header(painter, type_name)
            self._paint_body(painter, summary, shape, count, errors)

    def _paint_simple(self, painter: QPainter, colour, type_name: str, shape) -> None:
        """Zoomed far out: a solid card with its type and shape in big letters."""
        rect = self.card_rect()
        selected = self.isSelected()
        painter.setPen(QPen(style.SELECTED_BORDER, 6) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(rect, style.CORNER, style.CORNER)
        painter.setPen(QPen(Qt.GlobalColor.white))
        top = (rect.height() - style.CARD_MIN_HEIGHT) / 2      # same letters on tall cards
        half = style.CARD_MIN_HEIGHT / 2
        for text, box, bold in ((type_name, QRectF(6, top + 2, rect.width() - 12, half), True),
                                (format_shape(shape),
                                 QRectF(6, top + half - 2, rect.width() - 12, half), False)):
            painter.setFont(_font_to_fit(text, box, bold))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_card(self, painter: QPainter, colour, error: bool) -> None:
        rect = self.card_rect()
        border = style.SELECTED_BORDER if self.isSelected() else (
            style.ERROR_COLOUR if error else
            style.HOVER_BORDER if self._hover else style.CARD_BORDER)
        painter.setPen(QPen(border, 2.5 if self.isSelected() or error else 1.2))
        painter.setBrush(QBrush(style.ERROR_FILL if error else style.CARD_FILL))
        painter.drawRoundedRect(rect, style.CORNER, style.CORNER)
        header = QPainterPath()
        header.addRoundedRect(QRectF(0, 0, rect.width(), style.HEADER_HEIGHT + style.CORNER),
                              style.CORNER, style.CORNER)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, rect.width(), style.HEADER_HEIGHT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPath(header.intersected(clip))

    def _paint_header(self, painter: QPainter, type_name: str) -> None:
        pad = 8.0
        rect = QRectF(pad, 0, style.CARD_WIDTH - 2 * pad, style.HEADER_HEIGHT)
        painter.setPen(QPen(Qt.GlobalColor.white))
        bold = style.font(9.0, bold=True)
        painter.setFont(bold)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         type_name)
        used = QFontMetrics(bold).horizontalAdvance(type_name) + 10
        small = style.font(8.0)
        painter.setFont(small)
        id_text = QFontMetrics(small).elidedText(self.node_id, Qt.TextElideMode.ElideMiddle,
                                                  int(rect.width() - used))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         id_text)

    def _paint_body(self, painter: QPainter, summary: str, shape, count, errors) -> None:
        """Line 1: the params, as the file holds them even when they are wrong; line 2: the
        output shape and parameter count, or the first problem (the tooltip lists all)."""
        pad, width = 10.0, style.CARD_WIDTH - 20.0
        top = style.HEADER_HEIGHT + 4
        line1 = QRectF(pad, top, width, style.LINE_HEIGHT)
        line2 = QRectF(pad, top + style.LINE_HEIGHT, width, style.LINE_HEIGHT)
        normal = style.font(8.5)
        painter.setFont(normal)
        metrics = QFontMetrics(normal)
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setPen(QPen(style.TEXT if errors else style.MUTED_TEXT))
        painter.drawText(line1, left, metrics.elidedText(
            summary or translate("Canvas", "no parameters"), Qt.TextElideMode.ElideRight,
            int(width)))
        if errors:
            painter.setPen(QPen(style.ERROR_COLOUR))
            painter.drawText(line2, left, metrics.elidedText(
                "⚠ " + errors[0], Qt.TextElideMode.ElideRight, int(width)))
            return
        bold = style.font(8.5, bold=True)
        shape_text = "→ " + format_shape(shape)
        painter.setPen(QPen(style.TEXT))
        painter.setFont(bold)
        painter.drawText(line2, left, shape_text)
        room = width - QFontMetrics(bold).horizontalAdvance(shape_text) - 8
        count_text = _fitting_count(count, metrics, room) if count else None
        if count_text:
            painter.setFont(normal)
            painter.setPen(QPen(style.MUTED_TEXT))
            painter.drawText(line2, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             count_text)

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    # ---- mouse: selection is Qt's; moving goes through the scene (one MoveNodes per drag)
    def mousePressEvent(self, event) -> None:
        _shift_as_ctrl(event)
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().begin_node_drag(event.scenePos())

    def mouseMoveEvent(self, event) -> None:
        self.scene().move_node_drag(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        _shift_as_ctrl(event)
        moved = self.scene().end_node_drag()
        if not moved:                      # a click: let Qt update the selection
            super().mouseReleaseEvent(event)


def _font_to_fit(text: str, box: QRectF, bold: bool):
    """The largest font (up to the box height) in which ``text`` fits the box width."""
    size = box.height() * 0.62
    font = style.font(size, bold)
    width = QFontMetricsF(font).horizontalAdvance(text)
    if width > box.width():
        font = style.font(max(size * box.width() / width, 1.0), bold)
    return font


def _fitting_count(count: int, metrics: QFontMetrics, room: float) -> str | None:
    """'1,168 params', else '1.17k', else nothing (the tooltip still has it)."""
    options = [format_count(count)] + ([format_count(count, short=True)] if count >= 1000 else [])
    for text in options:
        if metrics.horizontalAdvance(text) <= room:
            return text
    return None


def _shift_as_ctrl(event) -> None:
    """Shift-click adds to the selection like Ctrl-click (both are common conventions)."""
    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        event.setModifiers(event.modifiers() | Qt.KeyboardModifier.ControlModifier)

