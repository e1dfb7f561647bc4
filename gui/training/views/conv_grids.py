"""Small grids painted cell by cell for the convolution-by-hand view: the numbers of one
window (patch, kernel, products) with their values printed in the cells, and the colours
and cell painting the map mosaic (conv_maps) shares.

Painted with QPainter rather than plotted: a few hundred cells, no axes, exact cell
geometry for clicks and outlines, and no plot to lay out on every probe."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from gui.training.views.base import diverging_colormap

PATCH_COLOUR = QColor("#f28e00")       # the window read: orange on grey and viridis alike
NEXT_COLOUR = QColor("#0b66c3")        # the next pixel's window (stride)
PAD_FILL = QColor("#e6e9ee")
HATCH = QColor("#9aa3ae")             # over the colour of 0: padding
GRID_LINE = QColor("#c3cad3")
TEXT = QColor("#1f2a36")


def cell_text(v: float) -> str:
    """A value short enough for a cell: 2 decimals below 10, fewer above."""
    if not np.isfinite(v):
        return str(v)
    a = abs(v)
    text = f"{v:.2f}" if a < 10 else f"{v:.1f}" if a < 100 else f"{v:.0f}"
    return "0.00" if text == "-0.00" else text


def colours(values: np.ndarray, cmap: pg.ColorMap, low: float, high: float) -> np.ndarray:
    """RGBA bytes of ``values`` scaled from low..high on ``cmap``."""
    span = (high - low) or 1.0
    scaled = np.clip((np.nan_to_num(values) - low) / span, 0.0, 1.0)
    return cmap.map(scaled.ravel(), mode="byte").reshape(*np.shape(values), 4)


def ink_for(rgba) -> QColor:
    """Dark text on light cells, white on dark ones."""
    r, g, b = (int(c) for c in rgba[:3])
    return TEXT if 0.299 * r + 0.587 * g + 0.114 * b > 140 else QColor("white")


def symmetric(*arrays) -> tuple[float, float]:
    m = max((float(np.abs(np.nan_to_num(a)).max(initial=0.0)) for a in arrays), default=0.0)
    return (-m, m) if m > 0 else (-1.0, 1.0)


def value_range(a: np.ndarray) -> tuple[float, float]:
    finite = np.asarray(a)[np.isfinite(a)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    return (low, high) if high > low else (low, low + 1.0)


def paint_block(p: QPainter, x0: float, y0: float, cell: float, values: np.ndarray,
                rgba: np.ndarray, pad_mask: np.ndarray | None, text: bool) -> None:
    """A (h, w) block of cells at (x0, y0), drawn as one scaled image (a cell per pixel:
    a rectangle per cell cost 10 ms a probe); ``pad_mask`` True: a padding cell, hatched
    over the colour ``rgba`` gives it (that of 0), reading 0."""
    h, w = values.shape
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
    p.drawImage(QRectF(x0, y0, w * cell, h * cell), image)
    if pad_mask is not None and pad_mask.any():
        hatch = QBrush(HATCH, Qt.BrushStyle.BDiagPattern)
        for r, c in zip(*np.nonzero(pad_mask)):
            p.fillRect(QRectF(x0 + c * cell, y0 + r * cell, cell, cell), hatch)
    if cell >= 6:
        p.setPen(QPen(GRID_LINE, 1))
        for r in range(h + 1):
            p.drawLine(QPointF(x0, y0 + r * cell), QPointF(x0 + w * cell, y0 + r * cell))
        for c in range(w + 1):
            p.drawLine(QPointF(x0 + c * cell, y0), QPointF(x0 + c * cell, y0 + h * cell))
    if not text:
        return
    for r in range(h):
        for c in range(w):
            pad = pad_mask is not None and pad_mask[r, c]
            p.setPen(ink_for(rgba[r, c]))
            p.drawText(QRectF(x0 + c * cell, y0 + r * cell, cell, cell),
                       Qt.AlignmentFlag.AlignCenter, "0" if pad else cell_text(values[r, c]))


def paint_cell(p: QPainter, rect: QRectF, rgba, padding: bool) -> None:
    """One cell's colour; a padding cell is hatched over its colour (that of 0)."""
    colour = QColor(*(int(v) for v in rgba)) if rgba is not None else PAD_FILL
    p.fillRect(rect, colour)
    if padding:
        p.fillRect(rect, QBrush(HATCH, Qt.BrushStyle.BDiagPattern))


def zero_colour(cmap: pg.ColorMap, levels: tuple) -> np.ndarray:
    """The colour 0 has on ``cmap`` scaled to ``levels`` (clipped to its ends)."""
    return colours(np.zeros(1), cmap, *levels)[0]


def small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(7.5)
    return font


@dataclass
class Grid:
    """One small grid of a row of the working: ``values`` (k, k) on ``cmap`` from
    ``levels``; ``pad``: its padding cells; ``mark``: a cell outlined (the maximum)."""
    values: np.ndarray
    cmap: pg.ColorMap
    levels: tuple
    pad: np.ndarray | None = None
    mark: tuple | None = None


class WorkPanel(QWidget):
    """The working of one output pixel: rows of items, each a Grid or a piece of text
    (an operator, a label, a sum), flowed into as many columns as the width takes."""

    ROW_GAP, ITEM_GAP = 10, 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[list] = []
        self.setFont(small_font())
        self._cell: tuple[int, int] | None = None     # (for width, cell px)

    def resizeEvent(self, event) -> None:
        self._cell = None
        super().resizeEvent(event)

    def set_rows(self, rows: list[list]) -> None:
        self.rows = rows
        self._cell = None
        self.updateGeometry()
        self.update()

    # ---- sizes ---------------------------------------------------------------------------
    def cell_px(self) -> int:
        """Roomy cells when the rows fit the width so; else as narrow as a value allows."""
        if self._cell is None or self._cell[0] != self.width():
            self._cell = (self.width(), self._fitting_cell())
        return self._cell[1]

    def _fitting_cell(self) -> int:
        fm = QFontMetrics(self.font())
        widest = max(fm.horizontalAdvance("-0.00"), fm.horizontalAdvance("-10.0"))
        if not self.rows:
            return widest + 6
        grids = max(sum(i.values.shape[1] for i in r if isinstance(i, Grid)) for r in self.rows)
        room = self.width() - 8 - max(self.row_size(r, 0).width() for r in self.rows)
        return int(min(widest + 6, max(widest + 2, room // max(grids, 1))))

    def item_size(self, item, cell: int | None = None) -> QSize:
        fm = QFontMetrics(self.font())
        if isinstance(item, Grid):
            k = self.cell_px() if cell is None else cell
            h, w = item.values.shape
            return QSize(w * k, h * max(16, fm.height() + 4))
        return QSize(fm.horizontalAdvance(item) + 2, fm.height())

    def row_size(self, row, cell: int | None = None) -> QSize:
        sizes = [self.item_size(item, cell) for item in row]
        return QSize(sum(s.width() for s in sizes) + self.ITEM_GAP * (len(sizes) - 1),
                     max((s.height() for s in sizes), default=0))

    def _flow(self, width: int) -> tuple[int, int, int]:
        """(columns, column width, row height) of the rows in ``width``."""
        if not self.rows:
            return 1, 0, 0
        sizes = [self.row_size(r) for r in self.rows]
        col_w = max(s.width() for s in sizes) + 8
        row_h = max(s.height() for s in sizes) + self.ROW_GAP
        return max(1, min(len(self.rows), width // max(col_w, 1))), col_w, row_h

    def rows_height(self, width: int) -> int:
        """The height the rows take at ``width`` (not Qt's heightForWidth: a view whose
        height follows its width threw the dashboard's grid of views out of its page)."""
        cols, _, row_h = self._flow(width)
        return -(-len(self.rows) // cols) * row_h

    def sizeHint(self) -> QSize:
        cols, col_w, row_h = self._flow(max(self.width(), 1))
        return QSize(col_w, -(-len(self.rows) // cols) * row_h)

    def minimumSizeHint(self) -> QSize:
        _, col_w, row_h = self._flow(1)
        return QSize(min(col_w, 200), min(row_h, 80))

    # ---- paint ---------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        cols, col_w, row_h = self._flow(self.width())
        left = max(0, (self.width() - cols * col_w) // 2)
        for n, row in enumerate(self.rows):
            r, c = divmod(n, cols)
            self._paint_row(p, row, left + c * col_w, r * row_h, row_h - self.ROW_GAP)
        p.end()

    def _paint_row(self, p: QPainter, row, x: float, y: float, height: int) -> None:
        for item in row:
            size = self.item_size(item)
            top = y + (height - size.height()) / 2
            if isinstance(item, Grid):
                self._paint_grid(p, item, x, top)
            else:
                p.setPen(TEXT)
                p.drawText(QRectF(x, top, size.width(), size.height()),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, item)
            x += size.width() + self.ITEM_GAP

    def _paint_grid(self, p: QPainter, grid: Grid, x: float, y: float) -> None:
        cw = self.cell_px()           # cells wider than tall: they hold numbers
        ch = self.item_size(grid).height() / grid.values.shape[0]
        rgba = colours(grid.values, grid.cmap, *grid.levels)
        _paint_rect_cells(p, x, y, cw, ch, grid, rgba)


def _paint_rect_cells(p: QPainter, x: float, y: float, cw: float, ch: float, grid: Grid,
                      rgba: np.ndarray) -> None:
    h, w = grid.values.shape
    zero = zero_colour(grid.cmap, grid.levels)
    for r in range(h):
        for c in range(w):
            pad = grid.pad is not None and grid.pad[r, c]
            rect = QRectF(x + c * cw, y + r * ch, cw, ch)
            cell_rgba = zero if pad else rgba[r, c]
            paint_cell(p, rect, cell_rgba, pad)
            p.setPen(QPen(GRID_LINE, 1))
            p.drawRect(rect)
            p.setPen(ink_for(cell_rgba))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                       "0" if pad else cell_text(float(grid.values[r, c])))
    if grid.mark is not None:
        r, c = grid.mark
        p.setPen(QPen(PATCH_COLOUR, 2.5))
        p.drawRect(QRectF(x + c * cw + 1, y + r * ch + 1, cw - 2, ch - 2))


GREY = pg.colormap.get("CET-L1")
VIRIDIS = pg.colormap.get("viridis")
DIVERGING = diverging_colormap()
