"""The window's QActions, with icons, standard shortcuts and status tips."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QIcon, QKeySequence

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
Std = QKeySequence.StandardKey


def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def make_action(parent, text: str, tip: str, slot=None, shortcut=None, icon_name: str = "",
                enabled: bool = True) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(f"{text.replace('&', '')} — {tip}" if tip else text.replace("&", ""))
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    action.setEnabled(enabled)
    return action


def file_actions(window) -> dict[str, QAction]:
    f = window.files
    return {
        "new": make_action(window, "&New", "Start an empty network", window.new_file, Std.New,
                           "new"),
        "open": make_action(window, "&Open…", "Open a network file", window.open_file,
                            Std.Open, "open"),
        "save": make_action(window, "&Save", "Save the network", f.save, Std.Save, "save"),
        "save_as": make_action(window, "Save &As…", "Save the network to another file",
                               f.save_as, Std.SaveAs),
        "quit": make_action(window, "&Quit", "Close Netwright", window.close,
                            Std.Quit if QKeySequence.keyBindings(Std.Quit) else "Ctrl+Q"),
    }


def edit_actions(window) -> dict[str, QAction]:
    stack = window.document.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(Std.Undo)
    undo.setIcon(icon("undo"))
    undo.setStatusTip("Undo the last edit")
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(Std.Redo)
    redo.setIcon(icon("redo"))
    redo.setStatusTip("Redo the edit just undone")
    return {"undo": undo, "redo": redo}


def training_actions(window) -> dict[str, QAction]:
    """Disabled until the training dashboard connects them (window.training_actions)."""
    return {
        "train": make_action(window, "&Train", "Start training the network", None, "F5",
                             "train", enabled=False),
        "pause": make_action(window, "&Pause", "Pause training", None, "F6", "pause",
                             enabled=False),
        "step": make_action(window, "S&tep", "Train one batch and stop", None, "F10", "step",
                            enabled=False),
        "stop": make_action(window, "St&op", "Stop training", None, "Shift+F5", "stop",
                            enabled=False),
        "reset": make_action(window, "&Reset weights", "Draw new initial weights (next seed)",
                             None, None, "reset", enabled=False),
    }


def help_actions(window) -> dict[str, QAction]:
    return {
        "about": make_action(window, "&About Netwright", "What Netwright is",
                             window.show_about, None, "about"),
    }
