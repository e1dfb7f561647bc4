"""Live previews on the canvas: each node card shows its output for the chosen sample,
as TensorFlow Playground's neurons do (node item ``set_preview``).

Images ([C, H, W]) go to the card as they are. A vector becomes signed bars around a
zero line, scaled to at least 1: a lone unit (a sigmoid's output, 0.7) then reads as a
bar 0.7 high, not as a full block, and tanh/sigmoid units compare across layers."""
from __future__ import annotations

import numpy as np

BAR_HEIGHT = 25                 # odd: a middle row for the zero line
BAR_WIDTH = 6                   # pixels per unit
MAX_UNITS = 64


def vector_bars(values: np.ndarray) -> np.ndarray:
    """(units,) -> (BAR_HEIGHT, units*BAR_WIDTH) image: 0 = bar, 1 = background,
    0.5 = the zero line and the gaps between units."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float32).ravel()[:MAX_UNITS])
    half = BAR_HEIGHT // 2
    scale = max(float(np.abs(v).max()) if v.size else 0.0, 1.0)
    size = np.rint(np.abs(v) / scale * half).astype(int)           # bar length per unit
    rows = np.arange(BAR_HEIGHT)[:, None]                          # 0 = top
    up = (v > 0)[None, :] & (rows < half) & (rows >= half - size[None, :])
    down = (v < 0)[None, :] & (rows > half) & (rows <= half + size[None, :])
    img = np.where(up | down, 0.0, 1.0).astype(np.float32)
    img[half, :] = 0.5
    img = np.repeat(img, BAR_WIDTH, axis=1)
    img[:, BAR_WIDTH - 1::BAR_WIDTH] = np.maximum(img[:, BAR_WIDTH - 1::BAR_WIDTH], 0.999)
    img[0, 0], img[-1, -1] = 0.0, 1.0        # pin the card's min..max scaling to 0..1
    return img


def preview_image(activation: np.ndarray) -> np.ndarray:
    a = np.asarray(activation)
    return vector_bars(a) if a.ndim <= 1 else a


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
                item.set_preview(preview_image(a))

    def clear(self) -> None:
        for item in self._items().values():
            if hasattr(item, "set_preview") and getattr(item, "has_preview", lambda: True)():
                item.set_preview(None)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if not on:
            self.clear()
