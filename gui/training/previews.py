"""Live previews on the canvas: each node card shows its output for the chosen sample under
it (the card's ``set_preview``; what it draws, and on which scale, is gui.canvas.preview)."""
from __future__ import annotations


class NodePreviews:
    def __init__(self, view):
        self.view = view
        self.enabled = True

    def _items(self) -> dict:
        scene = self.view.scene() if self.view is not None else None
        return getattr(scene, "node_items", {}) or {}

    def show(self, activations: dict) -> None:
        if not self.enabled:
            return
        for nid, item in self._items().items():
            a = activations.get(nid)
            if a is not None and hasattr(item, "set_preview"):
                item.set_preview(a)

    def clear(self) -> None:
        for item in self._items().values():
            if hasattr(item, "set_preview") and getattr(item, "has_preview", lambda: True)():
                item.set_preview(None)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if not on:
            self.clear()
