"""What a node card shows under it while training: the node's output for one sample
(as TensorFlow Playground's neurons do), on one symmetric colour scale per node.

Blue is below zero, white zero, red above. The scale is the node's largest |value|, at
least 1 (a sigmoid's 0.7 reads as 0.7 of a bar, and bounded units compare across layers),
rounded up to 1, 1.5, 2, 3, 5 or 7 x 10^k, so it moves in steps rather than with every
probe; the caption says what full colour means. A few units become signed bars around a
zero line; more units a grid of coloured cells; an image output ([C, H, W]) a small grid of
its first maps, all maps of a node on the same scale. No Qt here: the card's PreviewItem
paints a Preview.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gui.i18n import translate

MAX_BARS = 32          # more units than this: bars thinner than a pixel at Fit to View
MAX_MAPS = 8
MAX_UNIT_MAPS = 16     # gui.training: a hidden unit's output over the input plane, per unit
NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0)
SMALLEST_SCALE = 1.0   # a sigmoid's 0.007 is a sliver, not a full bar scaled to +-0.007
NEGATIVE = np.array((33, 102, 172), dtype=np.float32)     # the dashboard's weight colours
ZERO = np.array((247, 247, 247), dtype=np.float32)
POSITIVE = np.array((178, 24, 43), dtype=np.float32)
NOT_FINITE = np.array((120, 120, 120), dtype=np.float32)   # NaN / inf: grey, not "zero"


@dataclass(frozen=True)
class Preview:
    kind: str              # "bars" (n,), "cells" (n,) or "maps" (k, h, w)
    values: np.ndarray     # the output divided by ``scale``: -1..1 (NaN where not finite)
    scale: float           # full bar / full colour means +-scale
    total: int             # units or maps of the node (values may show fewer maps)
    low: float             # the finite output's smallest and largest value
    high: float
    not_finite: int        # how many values are NaN or infinite
    over_plane: bool = False   # maps of each unit over the input plane, not a sample's

    @property
    def count_text(self) -> str:
        if self.over_plane:
            return self._units()
        if self.kind == "maps":
            shown = len(self.values)
            if shown < self.total:
                return translate("Canvas", "{shown} of {total} maps").format(shown=shown,
                                                                             total=self.total)
            return (translate("Canvas", "1 map") if self.total == 1 else
                    translate("Canvas", "{n} maps").format(n=self.total))
        return self._units()

    def _units(self) -> str:
        return (translate("Canvas", "1 unit") if self.total == 1 else
                translate("Canvas", "{n} units").format(n=self.total))

    @property
    def scale_text(self) -> str:
        return f"±{self.scale:g}"


def nice_scale(largest: float) -> float:
    """The smallest 1, 1.5, 2, 3, 5 or 7 x 10^k at or above ``largest`` (1 for nothing to
    show): at most 1.5 times the largest value, so the strongest colour stays strong."""
    if not math.isfinite(largest) or largest <= 0:
        return 1.0
    decade = 10.0 ** math.floor(math.log10(largest))
    for step in NICE_STEPS:
        if largest <= step * decade * (1 + 1e-9):
            return float(f"{step * decade:.6g}")
    return 10.0 * decade


def preview_of(activation, over_plane: bool = False) -> Preview | None:
    """The preview of one node's output for one sample; None when there is nothing to
    draw. Any array is accepted: [C, H, W] and [H, W] are maps, anything else a vector.
    A Preview is passed through; ``over_plane``: [units, H, W] are each unit's output over
    the input plane (row 0 at the top), up to MAX_UNIT_MAPS."""
    if isinstance(activation, Preview):
        return activation
    try:
        a = np.asarray(activation, dtype=np.float32)
    except (TypeError, ValueError):
        return None
    if a.size == 0:
        return None
    if a.ndim == 3:
        kind, total, shown = "maps", a.shape[0], a[:MAX_UNIT_MAPS if over_plane else MAX_MAPS]
    elif a.ndim == 2:
        kind, total, shown = "maps", 1, a[None]
    else:
        a = a.ravel()
        kind, total, shown = ("bars" if a.size <= MAX_BARS else "cells"), a.size, a
    finite = np.isfinite(a)
    values = a[finite]
    largest = float(np.abs(values).max()) if values.size else 0.0
    scale = nice_scale(max(largest, SMALLEST_SCALE))
    normalised = np.where(np.isfinite(shown), np.clip(shown / scale, -1, 1), np.nan)
    return Preview(kind, normalised.astype(np.float32), scale, int(total),
                   float(values.min()) if values.size else 0.0,
                   float(values.max()) if values.size else 0.0, int((~finite).sum()),
                   over_plane and a.ndim == 3)


def diverging_rgb(values: np.ndarray) -> np.ndarray:
    """-1..1 (NaN allowed) -> uint8 RGB: blue, white at 0, red; grey where NaN."""
    v = np.asarray(values, dtype=np.float32)
    missing = np.isnan(v)
    v = np.clip(np.where(missing, 0.0, v), -1, 1)[..., None]
    rgb = ZERO + (np.where(v < 0, NEGATIVE, POSITIVE) - ZERO) * np.abs(v)
    rgb[missing] = NOT_FINITE
    return np.rint(rgb).astype(np.uint8)


def grid_shape(count: int, cell_aspect: float, width: float, height: float,
               gap: float) -> tuple[int, int, float]:
    """(rows, columns, cell width) that fit ``count`` cells of width/height ``cell_aspect``
    into a width x height box with the largest cells."""
    best = (1, count, 0.0)
    for columns in range(1, count + 1):
        rows = -(-count // columns)
        cell_w = min((width - gap * (columns - 1)) / columns,
                     (height - gap * (rows - 1)) / rows * cell_aspect)
        if cell_w > best[2]:
            best = (rows, columns, cell_w)
    return best
