"""Live previews on the canvas: each node card shows its output for the chosen sample under
it (the card's ``set_preview``; what it draws, and on which scale, is gui.canvas.preview).
On 2-D data a layer of up to 16 units shows instead what each unit has learned (its output
over the input plane, the "units" probe), and a layer whose units are mostly dead or
saturated gets a badge (the "health" probe, every second or so)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.canvas.preview import preview_of
from gui.i18n import translate

# What the cards ask for besides every node's output (see run_setup.probe_request).
CARD_PROBES = {"units": 24, "health": {"every_ms": 1000.0}}
BADGE_TIPS = {
    "dead": QT_TRANSLATE_NOOP(
        "NodePreviews",
        "{share} of this ReLU layer's units were never above 0 on {n} validation "
        "samples: they pass no gradient and stop learning (a bad weight scale, "
        "a large learning rate or a negative bias?)",
    ),
    "saturated": QT_TRANSLATE_NOOP(
        "NodePreviews",
        "{share} of this layer's outputs sit where its slope f'(z) is below "
        "0.1 of its maximum (Sigmoid |z| > 3.6, Tanh |z| > 1.8) on {n} "
        "validation samples: little gradient passes back (weights too "
        "large?)",
    ),
}
# the engine's badge ("dead 73%") in the window's language
BADGE_WORDS = {
    "dead": QT_TRANSLATE_NOOP("NodePreviews", "dead {share}"),
    "saturated": QT_TRANSLATE_NOOP("NodePreviews", "saturated {share}"),
}


class NodePreviews:
    def __init__(self, view):
        self.view = view
        self.enabled = True
        self.mapped: set = set()      # nodes showing their units' maps, not the sample

    def _items(self) -> dict:
        scene = self.view.scene() if self.view is not None else None
        return getattr(scene, "node_items", {}) or {}

    def show(self, activations: dict) -> None:
        if not self.enabled:
            return
        for nid, item in self._items().items():
            a = activations.get(nid)
            if a is not None and nid not in self.mapped and hasattr(item, "set_preview"):
                item.set_preview(a)

    def show_units(self, units) -> None:
        """Each mapped node's units over the plane (an engine UnitsProbe; None: none)."""
        if not self.enabled or units is None:
            return
        items = self._items()
        self.mapped = {nid for nid in units.maps if nid in items}
        for nid in self.mapped:
            # the maps' row 0 is the plane's bottom; a card's image row 0 is its top
            items[nid].set_preview(preview_of(units.maps[nid][:, ::-1], over_plane=True))

    def show_health(self, health) -> None:
        """Badges on the cards of mostly dead or saturated layers (an engine HealthProbe)."""
        if not self.enabled or health is None:
            return
        items = self._items()
        for layer in health.layers:
            preview = getattr(items.get(layer.id), "preview_item", None)
            if preview is not None:
                preview.set_badge(badge_text(layer.badge), _badge_tip(layer, health.samples))

    def clear(self) -> None:
        self.mapped = set()
        for item in self._items().values():
            if hasattr(item, "set_preview") and getattr(item, "has_preview", lambda: True)():
                item.set_preview(None)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if not on:
            self.clear()


def _badge_tip(layer, samples: int) -> str:
    if layer.badge is None:
        return ""
    word = layer.badge.split()[0]
    share = layer.dead if word == "dead" else layer.saturated
    return translate("NodePreviews", BADGE_TIPS[word]).format(share=f"{share:.0%}", n=samples)


def badge_text(badge: str | None) -> str | None:
    """The engine's badge ("dead 73%", "saturated 88%") in the window's language."""
    if badge is None:
        return None
    word, _, share = badge.partition(" ")
    if word not in BADGE_WORDS:
        return badge
    return translate("NodePreviews", BADGE_WORDS[word]).format(share=share)
