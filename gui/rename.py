"""Renaming a node: one undoable command that rewrites the wires to and from it.

Built only from Document edits (remove the node, put it back under its new id with its
wires rewritten, at the same index), so every view hears about it through the usual
signals and undo restores the file exactly.
"""
from __future__ import annotations

import copy
import re

from PySide6.QtGui import QUndoCommand

from gui.i18n import translate

ID_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def id_problem(document, old: str, new: str) -> str | None:
    """Why ``new`` cannot be the id of node ``old``, or None when it can."""
    if new == old:
        return None
    if not new:
        return translate("Rename", "an id cannot be empty")
    if not ID_PATTERN.fullmatch(new):
        return translate("Rename", "an id starts with a letter or _ and holds only letters, "
                                   "digits, _ and -: {id} does not").format(id=repr(new))
    if document.has_node(new):
        return translate("Rename", "another node is already called {id}").format(id=repr(new))
    return None


def _renamed(edge: dict, old: str, new: str) -> dict:
    edge = copy.deepcopy(edge)
    for end in ("from", "to"):
        if edge[end] == old:
            edge[end] = new
    return edge


class RenameNode(QUndoCommand):
    """Give node ``old`` the id ``new``; raises ValueError with the reason if it cannot."""

    def __init__(self, document, old: str, new: str, parent=None):
        super().__init__(parent)
        problem = id_problem(document, old, new)
        if problem:
            raise ValueError(problem)
        self.doc, self.old, self.new = document, old, new
        self.setText(translate("Commands", "Rename '{old}' to '{new}'").format(old=old, new=new))

    def _swap(self, src: str, dst: str) -> None:
        with self.doc.batch():
            index, node, edges = self.doc.remove_node(src)
            node = {**node, "id": dst}
            self.doc.restore_node(index, node, [(i, _renamed(e, src, dst)) for i, e in edges])

    def redo(self) -> None:
        self._swap(self.old, self.new)

    def undo(self) -> None:
        self._swap(self.new, self.old)
