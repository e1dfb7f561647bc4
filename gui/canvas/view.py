"""The canvas view: zoom (wheel, around the cursor, clamped), pan (middle-drag, space+drag,
scroll bars), rubber-band selection, fit to view, and the canvas actions' slots."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QMenu

from gui import commands
from gui.canvas import style
from gui.canvas.actions import CanvasActions
from gui.canvas.clipboard import PasteRefused, fragment_of, put_on_clipboard, read_fragment
from gui.canvas.scene import CanvasScene
from gui.i18n import translate

NATURAL_ZOOM = 1.0 / style.CARD_SCALE           # cards at their designed size
MIN_ZOOM, MAX_ZOOM, FIT_MAX_ZOOM = 0.15, 4.0, 1.25 * NATURAL_ZOOM
ZOOM_STEP = 1.25
PASTE_OFFSET = 25.0
EMPTY_HINT = QT_TRANSLATE_NOOP("Canvas", "Drag a layer from the palette onto the canvas to start")


class CanvasView(QGraphicsView):
    selectionChanged = Signal(list)      # selected node ids
    statusMessage = Signal(str)
    zoomChanged = Signal(float)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setScene(CanvasScene(document, self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # the dot grid is drawn once per zoom/scroll, not under every live preview update
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space_held = False
        self._paste_count = 0
        self.scale(NATURAL_ZOOM, NATURAL_ZOOM)
        self.canvas_actions = CanvasActions(self)
        self.scene().selectionChanged.connect(self._on_selection)
        self.scene().statusMessage.connect(self.statusMessage)
        # analysisChanged ends every edit (once for a batch: not once per node deleted)
        for signal in (document.lockedChanged, document.networkReplaced,
                       document.analysisChanged):
            signal.connect(self.canvas_actions.update_enabled)
        document.networkReplaced.connect(self.viewport().update)

    def actions_by_name(self) -> dict:
        return dict(self.canvas_actions.actions)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def _on_selection(self) -> None:
        self.canvas_actions.update_enabled()
        self.selectionChanged.emit(self.scene().selected_node_ids())

    def _refuse_if_locked(self) -> bool:
        if self.document.locked:
            self.statusMessage.emit(
                translate("Canvas", "Stop training before editing the network"))
        return self.document.locked

    # ---- edit actions -----------------------------------------------------------------
    def delete_selection(self) -> None:
        scene = self.scene()
        command = commands.RemoveItems(self.document, scene.selected_node_ids(),
                                       scene.selected_edges())
        if not command.is_empty() and not self._refuse_if_locked():
            self.document.undo_stack.push(command)

    def copy_selection(self) -> bool:
        ids = self.scene().selected_node_ids()
        if not ids:
            return False
        put_on_clipboard(fragment_of(self.document.network, ids))
        self._paste_count = 0
        return True

    def cut_selection(self) -> None:
        if self._refuse_if_locked() or not self.copy_selection():
            return
        command = commands.RemoveItems(self.document, self.scene().selected_node_ids())
        command.setText(translate("Canvas", "Cut"))
        self.document.undo_stack.push(command)

    def paste(self) -> None:
        if self._refuse_if_locked():
            return
        try:           # checked as a file being opened is; refused: say why
            fragment = read_fragment(QGuiApplication.clipboard().mimeData())
        except PasteRefused as e:
            self.statusMessage.emit(translate("Canvas", "Cannot paste: {reason}").format(reason=e))
            return
        self._paste_count += 1
        self._push_paste(fragment, PASTE_OFFSET * self._paste_count,
                         translate("Canvas", "Paste"))

    def duplicate_selection(self) -> None:
        ids = self.scene().selected_node_ids()
        if ids and not self._refuse_if_locked():
            self._push_paste(fragment_of(self.document.network, ids), PASTE_OFFSET,
                             translate("Canvas", "Duplicate"))

    def _push_paste(self, fragment: dict, offset: float, text: str) -> None:
        try:
            command = commands.Paste(self.document, fragment, (offset, offset), text=text)
        except (KeyError, ValueError) as e:
            self.statusMessage.emit(translate("Canvas", "Cannot paste: {reason}").format(
                reason=str(e).strip(chr(34) + chr(39))))
            return
        self.document.undo_stack.push(command)
        self.scene().select_nodes(command.new_ids)

    def select_all(self) -> None:
        self.scene().select_nodes(self.document.network.node_ids())

    def auto_layout(self) -> None:
        if self.document.network.nodes and not self._refuse_if_locked():
            self.document.undo_stack.push(commands.AutoLayout(self.document))
            self.fit_to_view()

    def add_layer_at_centre(self, type_name: str) -> str | None:
        centre = self.mapToScene(self.viewport().rect().center())
        return self.scene().add_layer_at(type_name, centre)

    # ---- zoom and fit -----------------------------------------------------------------
    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale by ``factor`` (clamped to MIN_ZOOM..MAX_ZOOM) keeping the scene point
        under ``anchor`` (viewport coordinates; default the centre) where it is."""
        anchor = QPointF(self.viewport().rect().center()) if anchor is None else anchor
        factor = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM) / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        fixed = self.mapToScene(anchor.toPoint())
        self.scale(factor, factor)
        self._keep_under(fixed, anchor)
        self.zoomChanged.emit(self.zoom)

    def _keep_under(self, scene_point: QPointF, view_point: QPointF) -> None:
        shift = QPointF(self.mapFromScene(scene_point)) - view_point
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(shift.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(shift.y()))

    def fit_to_view(self) -> None:
        items = self.scene().node_items.values()
        if not items:
            return
        bounds = QRectF()
        for item in items:
            bounds = bounds.united(item.outline_rect())
        bounds.adjust(-40, -40, 40, 40)
        self.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        zoom = self.zoom
        clamped = min(max(zoom, MIN_ZOOM), FIT_MAX_ZOOM)
        if clamped != zoom:
            self.scale(clamped / zoom, clamped / zoom)
            self.centerOn(bounds.center())
        self.zoomChanged.emit(self.zoom)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y()
        if steps:
            self.zoom_by(1.0015 ** steps, event.position())
        event.accept()

    # ---- panning: middle-drag, or space + left-drag --------------------------------------
    def mousePressEvent(self, event) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space_held and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space_held
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ---- context menu -------------------------------------------------------------------
    CONTEXT_ACTIONS = ("cut", "copy", "paste", "duplicate", "delete", None, "select_all",
                       "auto_layout", "fit")

    def context_menu(self, view_pos: QPoint) -> QMenu:
        """The right-click menu; a right-click on an unselected item selects it first."""
        item = self.itemAt(view_pos)
        while item is not None and item.parentItem() is not None:
            item = item.parentItem()           # a port: its node
        if item is not None and not item.isSelected():
            self.scene().clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        for name in self.CONTEXT_ACTIONS:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.canvas_actions[name])
        return menu

    def contextMenuEvent(self, event) -> None:
        self.context_menu(event.pos()).exec(event.globalPos())

    # ---- background: a dot grid, and a hint while the canvas is empty --------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.BACKGROUND)
        spacing = 16.0 if self.zoom >= 0.8 else 64.0
        painter.setPen(QPen(style.GRID_DOT, 1.6 / max(self.zoom, 0.01)))
        left = int(rect.left() // spacing) * spacing
        top = int(rect.top() // spacing) * spacing
        xs = [left + i * spacing for i in range(int(rect.width() // spacing) + 2)]
        ys = [top + j * spacing for j in range(int(rect.height() // spacing) + 2)]
        painter.drawPoints([QPointF(x, y) for x in xs for y in ys])

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.scene().node_items:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QPen(style.MUTED_TEXT))
        painter.setFont(style.font(12.0))
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                         translate("Canvas", EMPTY_HINT))
        painter.restore()
