"""The canvas's QActions (delete, copy, cut, paste, duplicate, select all, fit, auto layout,
zoom), so the window can put them in its Edit / View menus and toolbar. Their shortcuts
work while the canvas has the focus (so Delete in a spin box never deletes a node)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from gui.canvas.clipboard import offers_paste
from gui.i18n import translate

Key = QKeySequence.StandardKey

# name: (text, status tip, shortcuts (standard keys or strings), view method); the
# QKeySequences are built later: creating them before the QApplication crashes Qt

ACTION_TABLE = {
    "delete": (QT_TRANSLATE_NOOP("Canvas", "&Delete"),
               QT_TRANSLATE_NOOP("Canvas", "Delete the selected nodes and wires"),
               [Key.Delete, "Backspace"], "delete_selection"),
    "copy": (QT_TRANSLATE_NOOP("Canvas", "&Copy"),
             QT_TRANSLATE_NOOP("Canvas", "Copy the selected nodes and the wires between them"),
             [Key.Copy], "copy_selection"),
    "cut": (QT_TRANSLATE_NOOP("Canvas", "Cu&t"),
            QT_TRANSLATE_NOOP("Canvas", "Cut the selected nodes"), [Key.Cut], "cut_selection"),
    "paste": (QT_TRANSLATE_NOOP("Canvas", "&Paste"),
              QT_TRANSLATE_NOOP("Canvas", "Paste nodes from the clipboard"), [Key.Paste],
              "paste"),
    "duplicate": (QT_TRANSLATE_NOOP("Canvas", "D&uplicate"),
                  QT_TRANSLATE_NOOP("Canvas", "Duplicate the selected nodes"),
                  ["Ctrl+D"], "duplicate_selection"),
    "select_all": (QT_TRANSLATE_NOOP("Canvas", "Select &All"),
                   QT_TRANSLATE_NOOP("Canvas", "Select every node"), [Key.SelectAll],
                   "select_all"),
    "fit": (QT_TRANSLATE_NOOP("Canvas", "&Fit to View"),
            QT_TRANSLATE_NOOP("Canvas", "Show the whole network"),
            ["F", "Ctrl+0"], "fit_to_view"),
    # no shortcut: the window's own Auto layout action carries Ctrl+L
    "auto_layout": (QT_TRANSLATE_NOOP("Canvas", "&Auto Layout"),
                    QT_TRANSLATE_NOOP("Canvas",
                                      "Arrange the nodes left to right by depth (undoable)"),
                    [], "auto_layout"),
    "zoom_in": (QT_TRANSLATE_NOOP("Canvas", "Zoom &In"), QT_TRANSLATE_NOOP("Canvas", "Zoom in"),
                [Key.ZoomIn, "Ctrl+="], "zoom_in"),
    "zoom_out": (QT_TRANSLATE_NOOP("Canvas", "Zoom &Out"),
                 QT_TRANSLATE_NOOP("Canvas", "Zoom out"), [Key.ZoomOut], "zoom_out"),
}
NEEDS_NODES = ("copy", "cut", "duplicate")
EDITS = ("delete", "cut", "paste", "duplicate", "auto_layout")


class CanvasActions(QObject):
    """``actions[name]`` for each name of ACTION_TABLE; enabled states follow the
    selection, the clipboard and the document's lock."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.actions: dict[str, QAction] = {}
        for name, (text, tip, keys, method) in ACTION_TABLE.items():
            action = QAction(translate("Canvas", text), view)
            action.setObjectName(f"canvas_{name}")
            tip = translate("Canvas", tip)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(view, method))
            view.addAction(action)
            self.actions[name] = action
        QGuiApplication.clipboard().dataChanged.connect(self.update_enabled)
        self.update_enabled()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def update_enabled(self) -> None:
        scene, doc = self.view.scene(), self.view.document
        nodes = bool(scene.selected_node_ids())
        anything = nodes or bool(scene.selected_edges())
        unlocked = not doc.locked
        state = {name: True for name in ACTION_TABLE}
        state["delete"] = anything
        for name in NEEDS_NODES:
            state[name] = nodes
        state["paste"] = offers_paste(QGuiApplication.clipboard().mimeData())
        state["select_all"] = bool(doc.network.nodes)
        state["auto_layout"] = bool(doc.network.nodes)
        for name in EDITS:
            state[name] = state[name] and unlocked
        for name, enabled in state.items():
            self.actions[name].setEnabled(enabled)
