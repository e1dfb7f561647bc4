"""A mosaic of maps for the convolution-by-hand view: the input maps, with their zero
padding drawn around them and windows outlined, or the output maps, where a click picks
the pixel to explain."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from gui.training.views.conv_grids import (PATCH_COLOUR, TEXT, colours, paint_block,
                                           small_font, value_range, zero_colour)

MAX_MAPS = 16


@dataclass
class Outline:
    """A rectangle of cells on one map of a mosaic, in the map's own coordinates (rows and
    columns; negative inside the padding)."""
    channel: int
    top: int
    left: int
    height: int
    width: int
    colour: QColor = field(default_factory=lambda: QColor(PATCH_COLOUR))
    dashed: bool = False


class MapMosaic(QWidget):
    """Up to 16 maps (C, H, W) side by side, each with a zero-padding border drawn around
    it, windows outlined on them; a click on a map's pixel emits (map, row, column)."""
    clicked = Signal(int, int, int)

    def __init__(self, cmap: pg.ColorMap, clickable: bool = False, parent=None):
        super().__init__(parent)
        self.cmap, self.clickable = cmap, clickable
        self.maps = np.zeros((0, 1, 1), np.float32)
        self.pads = ((0, 0), (0, 0))
        self.outlines: list[Outline] = []
        self.levels = (0.0, 1.0)
        self.chosen_map: int | None = None
        self.setMinimumSize(140, 110)
        if clickable:
            self.setCursor(Qt.CursorShape.CrossCursor)

    def set_maps(self, maps: np.ndarray, pads=((0, 0), (0, 0)), outlines=(),
                 chosen_map: int | None = None) -> None:
        self.maps = np.asarray(maps, dtype=np.float32)[:MAX_MAPS]
        self.pads, self.outlines, self.chosen_map = pads, list(outlines), chosen_map
        self.levels = value_range(self.maps)
        self.update()

    # ---- geometry ------------------------------------------------------------------------
    def _tile(self) -> tuple[int, int]:
        (t, b), (l, r) = self.pads
        return self.maps.shape[1] + t + b, self.maps.shape[2] + l + r

    def _columns(self) -> int:
        return max(1, math.ceil(math.sqrt(len(self.maps))))

    def layout_px(self) -> tuple[float, float, float, int]:
        """(cell px, x, y of the mosaic's corner, px between tiles)."""
        n = max(len(self.maps), 1)
        cols, th, tw = self._columns(), *self._tile()
        rows = -(-n // cols)
        gap = 6 if n > 1 else 0
        cell = min((self.width() - 4 - gap * (cols - 1)) / (cols * tw),
                   (self.height() - 4 - gap * (rows - 1)) / (rows * th))
        cell = max(1.0, math.floor(cell))
        width = cols * tw * cell + gap * (cols - 1)
        height = rows * th * cell + gap * (rows - 1)
        return cell, (self.width() - width) / 2, (self.height() - height) / 2, gap

    def tile_origin(self, k: int) -> tuple[float, float]:
        """Where map k's pixel (0, 0) is drawn (inside its padding border)."""
        cell, x, y, gap = self.layout_px()
        th, tw = self._tile()
        row, col = divmod(k, self._columns())
        return (x + col * (tw * cell + gap) + self.pads[1][0] * cell,
                y + row * (th * cell + gap) + self.pads[0][0] * cell)

    def pixel_at(self, px: float, py: float) -> tuple[int, int, int] | None:
        """(map, row, column) under a widget position, or None (padding, gaps, outside)."""
        cell = self.layout_px()[0]
        h, w = self.maps.shape[1:]
        for k in range(len(self.maps)):
            ox, oy = self.tile_origin(k)
            i, j = math.floor((py - oy) / cell), math.floor((px - ox) / cell)
            if 0 <= i < h and 0 <= j < w:
                return k, i, j
        return None

    def cell_centre(self, k: int, i: int, j: int) -> QPointF:
        cell = self.layout_px()[0]
        ox, oy = self.tile_origin(k)
        return QPointF(ox + (j + 0.5) * cell, oy + (i + 0.5) * cell)

    # ---- events --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        hit = self.pixel_at(event.position().x(), event.position().y()) if self.clickable else None
        if hit is not None:
            self.clicked.emit(*hit)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not len(self.maps):
            p.end()
            return
        cell = self.layout_px()[0]
        (t, b), (l, r) = self.pads
        h, w = self.maps.shape[1:]
        rgba = colours(self.maps, self.cmap, *self.levels)
        pad_mask = np.ones((h + t + b, w + l + r), bool)
        pad_mask[t:t + h, l:l + w] = False
        padded = bool(t or b or l or r)
        p.setFont(small_font())
        for k in range(len(self.maps)):
            ox, oy = self.tile_origin(k)
            full = np.zeros(pad_mask.shape, np.float32)
            full[t:t + h, l:l + w] = self.maps[k]
            full_rgba = np.empty((*pad_mask.shape, 4), np.uint8)
            full_rgba[...] = zero_colour(self.cmap, self.levels)
            full_rgba[t:t + h, l:l + w] = rgba[k]
            paint_block(p, ox - l * cell, oy - t * cell, cell, full, full_rgba,
                        pad_mask if padded else None, text=cell >= 26)
            if padded:                             # where the real image ends
                p.setPen(QPen(QColor("#6b7280"), 1, Qt.PenStyle.DashLine))
                p.drawRect(QRectF(ox, oy, w * cell, h * cell))
            if k == self.chosen_map and len(self.maps) > 1:
                p.setPen(QPen(TEXT, 2))
                p.drawRect(QRectF(ox - 2, oy - 2, w * cell + 4, h * cell + 4))
        for o in self.outlines:
            self._outline(p, o, cell)
        p.end()

    def _outline(self, p: QPainter, o: Outline, cell: float) -> None:
        if o.channel >= len(self.maps):
            return
        ox, oy = self.tile_origin(o.channel)
        style = Qt.PenStyle.DashLine if o.dashed else Qt.PenStyle.SolidLine
        width = 3 if cell >= 8 else 2
        rect = QRectF(ox + o.left * cell, oy + o.top * cell, o.width * cell, o.height * cell)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("white"), width + 2))     # a halo: seen on black and on yellow
        p.drawRect(rect)
        p.setPen(QPen(o.colour, width, style))
        p.drawRect(rect)
