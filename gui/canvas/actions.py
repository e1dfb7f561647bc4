"""The canvas's QActions (delete, copy, cut, paste, duplicate, select all, fit, auto layout,
zoom), so the window can put them in its Edit / View menus and toolbar. Their shortcuts
work while the canvas has the focus (so Delete in a spin box never deletes a node)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from gui.canvas.clipboard import offers_paste

Key = QKeySequence.StandardKey

# name: (text, status tip, shortcuts (standard keys or strings), view method); the
# QKeySequences are built later: creating them before the QApplication crashes Qt

ACTION_TABLE = {
    "delete": ("&Delete", "Delete the selected nodes and wires",
               [Key.Delete, "Backspace"], "delete_selection"),
    "copy": ("&Copy", "Copy the selected nodes and the wires between them",
             [Key.Copy], "copy_selection"),
    "cut": ("Cu&t", "Cut the selected nodes", [Key.Cut], "cut_selection"),
    "paste": ("&Paste", "Paste nodes from the clipboard", [Key.Paste], "paste"),
    "duplicate": ("D&uplicate", "Duplicate the selected nodes",
                  ["Ctrl+D"], "duplicate_selection"),
    "select_all": ("Select &All", "Select every node", [Key.SelectAll],
                   "select_all"),
    "fit": ("&Fit to View", "Show the whole network",
            ["F", "Ctrl+0"], "fit_to_view"),
    # no shortcut: the window's own Auto layout action carries Ctrl+L
    "auto_layout": ("&Auto Layout", "Arrange the nodes left to right by depth (undoable)",
                    [], "auto_layout"),
    "zoom_in": ("Zoom &In", "Zoom in", [Key.ZoomIn, "Ctrl+="],
                "zoom_in"),
    "zoom_out": ("Zoom &Out", "Zoom out", [Key.ZoomOut], "zoom_out"),
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
            action = QAction(text, view)
            action.setObjectName(f"canvas_{name}")
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
