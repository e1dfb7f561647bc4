"""The window's QActions, with icons, standard shortcuts and status tips."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QIcon, QKeySequence

from gui.i18n import translate

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
Std = QKeySequence.StandardKey
KOREAN_MNEMONIC = re.compile(r"\(&\w\)")     # "학습(&T)": Korean writes the key after the word


def plain_text(text: str) -> str:
    """A menu text as a button or tooltip shows it: '&Train' -> 'Train', '학습(&T)' -> '학습'."""
    return KOREAN_MNEMONIC.sub("", text).replace("&", "").strip()


def plain_toolbar_text(action: QAction) -> None:
    """Keep ``action``'s toolbar label without the mnemonic, also when its text changes later
    (Train becomes Resume): Qt strips only the '&', which left '학습(T)' on the button."""
    def sync() -> None:
        try:
            plain = plain_text(action.text())
            if action.iconText() != plain:
                action.setIconText(plain)
        except RuntimeError:       # 'changed' while the window is destroyed: nothing to show
            pass
    action.changed.connect(sync)
    sync()


def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def make_action(parent, text: str, tip: str, slot=None, shortcut=None, icon_name: str = "",
                enabled: bool = True) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(f"{plain_text(text)} — {tip}" if tip else plain_text(text))
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
        "new": make_action(window, translate("Actions", "&New"),
                           translate("Actions", "Start an empty network"), window.new_file,
                           Std.New, "new"),
        "open": make_action(window, translate("Actions", "&Open…"),
                            translate("Actions", "Open a network file"), window.open_file,
                            Std.Open, "open"),
        "save": make_action(window, translate("Actions", "&Save"),
                            translate("Actions", "Save the network"), f.save, Std.Save, "save"),
        "save_as": make_action(window, translate("Actions", "Save &As…"),
                               translate("Actions", "Save the network to another file"),
                               f.save_as, Std.SaveAs),
        "quit": make_action(window, translate("Actions", "&Quit"),
                            translate("Actions", "Close Netwright"), window.close,
                            Std.Quit if QKeySequence.keyBindings(Std.Quit) else "Ctrl+Q"),
    }


def edit_actions(window) -> dict[str, QAction]:
    stack = window.document.undo_stack
    undo = stack.createUndoAction(window, translate("Actions", "&Undo"))
    undo.setShortcuts(Std.Undo)
    undo.setIcon(icon("undo"))
    undo.setStatusTip(translate("Actions", "Undo the last edit"))
    redo = stack.createRedoAction(window, translate("Actions", "&Redo"))
    redo.setShortcuts(Std.Redo)
    redo.setIcon(icon("redo"))
    redo.setStatusTip(translate("Actions", "Redo the edit just undone"))
    return {"undo": undo, "redo": redo}


def training_actions(window) -> dict[str, QAction]:
    """Disabled until the training dashboard connects them (window.training_actions)."""
    def off(text, tip, shortcut, icon_name):
        return make_action(window, text, tip, None, shortcut, icon_name, enabled=False)
    return {
        "train": off(translate("Actions", "&Train"),
                     translate("Actions", "Start training the network"), "F5", "train"),
        "pause": off(translate("Actions", "&Pause"), translate("Actions", "Pause training"),
                     "F6", "pause"),
        "step": off(translate("Actions", "S&tep"),
                    translate("Actions", "Train one batch and stop"), "F10", "step"),
        "stop": off(translate("Actions", "St&op"), translate("Actions", "Stop training"),
                    "Shift+F5", "stop"),
        "reset": off(translate("Actions", "&Reset weights"),
                     translate("Actions", "Draw new initial weights (next seed)"), None,
                     "reset"),
    }


def help_actions(window) -> dict[str, QAction]:
    return {
        "about": make_action(window, translate("Actions", "&About Netwright"),
                             translate("Actions", "What Netwright is"), window.show_about,
                             None, "about"),
    }
