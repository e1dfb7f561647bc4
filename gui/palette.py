"""The layer palette: every registered layer type, grouped by category, filterable.

Generated from engine.nn.layers.LAYERS, so a new layer type appears here without touching this file.
Items drag onto the canvas with the MIME type MIME_LAYER (payload: the type name); a
double-click asks the window to add the layer at the centre of the view.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from engine.nn.layers import LAYERS
from gui.i18n import engine_text, translate

MIME_LAYER = "application/x-netwright-layer"
TYPE_ROLE = Qt.ItemDataRole.UserRole
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
# engine.nn.registry.CATEGORIES, as the window names them
CATEGORY_NAMES = (QT_TRANSLATE_NOOP("Palette", "Input"), QT_TRANSLATE_NOOP("Palette", "Core"),
                  QT_TRANSLATE_NOOP("Palette", "Activation"),
                  QT_TRANSLATE_NOOP("Palette", "Convolution"),
                  QT_TRANSLATE_NOOP("Palette", "Pooling"),
                  QT_TRANSLATE_NOOP("Palette", "Normalization"),
                  QT_TRANSLATE_NOOP("Palette", "Merge"))


def category_name(category: str) -> str:
    """A layer category in the window's language."""
    return translate("Palette", category)


class _LayerTree(QTreeWidget):
    """A tree whose leaf items drag out as layer type names."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setAnimated(True)

    def mimeTypes(self) -> list[str]:
        return [MIME_LAYER]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        names = [i.data(0, TYPE_ROLE) for i in items if i.data(0, TYPE_ROLE)]
        if names:
            data.setData(MIME_LAYER, names[0].encode("utf-8"))
            data.setText(names[0])
        return data


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


class Palette(QWidget):
    """Filter box over a tree of layer types; emits ``addRequested(type_name)`` on
    double-click or Enter."""

    addRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("palette")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("Palette", "Filter layers…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(
            translate("Palette", "Type part of a layer name or of its description"))
        self.tree = _LayerTree(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        self._populate()
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree.itemActivated.connect(self._on_activated)

    def _populate(self) -> None:
        from gui.canvas.style import CATEGORY_COLOURS
        for category, specs in LAYERS.by_category().items():
            swatch = _swatch(CATEGORY_COLOURS.get(category, QColor("#8896a6")))
            group = QTreeWidgetItem(self.tree, [category_name(category)])
            group.setData(0, CATEGORY_ROLE, category)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for spec in specs:
                item = QTreeWidgetItem(group, [spec.type])
                item.setData(0, TYPE_ROLE, spec.type)
                item.setIcon(0, swatch)         # the colour of its card on the canvas
                item.setToolTip(0, engine_text(spec.help))
                item.setStatusTip(0, engine_text(spec.help))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
            group.setExpanded(True)

    # ---- queries (also used by tests) -----------------------------------------------------
    def groups(self) -> dict[str, list[str]]:
        """Category -> layer type names, as listed (hidden items included)."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out[group.data(0, CATEGORY_ROLE)] = [group.child(j).data(0, TYPE_ROLE)
                                  for j in range(group.childCount())]
        return out

    def visible_types(self) -> list[str]:
        return [item.data(0, TYPE_ROLE) for item in self._leaves() if not item.isHidden()]

    def item_for(self, type_name: str) -> QTreeWidgetItem:
        for item in self._leaves():
            if item.data(0, TYPE_ROLE) == type_name:
                return item
        raise KeyError(type_name)

    def _leaves(self):
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                yield group.child(j)

    # ---- behaviour ------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show the layers whose name or help contains ``text`` (case-insensitive); hide
        categories left empty."""
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hit = (not needle or needle in item.text(0).lower()
                       or needle in item.toolTip(0).lower()
                       or needle in group.text(0).lower())
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
            group.setExpanded(True)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.addRequested.emit(type_name)
