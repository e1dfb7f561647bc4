"""The live preview under a node card (a child of the card, so a new probe repaints the
preview, not the card): bars, cells or maps from gui.canvas.preview, as wide as the card,
with a caption naming the colour scale and what is shown."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from gui.canvas import style
from gui.canvas.preview import (NEGATIVE, POSITIVE, ZERO, Preview, diverging_rgb,
                                grid_shape)
from gui.i18n import translate

GAP = 6.0              # between the card and its preview
CELL_GAP = 2.0
CAPTION_HEIGHT = 13.0
BADGE_FILL = QColor(150, 30, 40, 225)     # dark red: readable over blue, white and red
CAPTION_BELOW = 0.7    # device pixels per card unit under which the caption would be a smudge


def _colour(rgb) -> QColor:
    return QColor(*(int(c) for c in rgb))


class PreviewItem(QGraphicsItem):
    def __init__(self, card: QGraphicsItem):
        super().__init__(card)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)   # clicks reach the canvas
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.preview: Preview | None = None
        self._images: list[QImage] = []
        self.badge: str | None = None          # "dead 73%": most of the layer's units are
        self._badge_tip = ""

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self._images = ([_rgb_image(m) for m in diverging_rgb(preview.values)]
                        if preview.kind == "maps" else [])    # one colouring for all maps
        self._tip()
        self.update()

    def set_badge(self, text: str | None, tooltip: str = "") -> None:
        """A small label at the preview's top right (None: none), explained in the tooltip."""
        if (text, tooltip) != (self.badge, self._badge_tip):
            self.badge, self._badge_tip = text, tooltip if text else ""
            self._tip()
            self.update()

    def _tip(self) -> None:
        tip = _tooltip(self.preview) if self.preview is not None else ""
        self.setToolTip("<br>".join(t for t in (f"<b>{self.badge}</b>: {self._badge_tip}"
                                                if self.badge else "", tip) if t))

    # ---- geometry --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, style.CARD_WIDTH + 2, style.PREVIEW_HEIGHT + CAPTION_HEIGHT + 2)

    def box(self) -> QRectF:
        """Where the picture goes: the card's width, PREVIEW_HEIGHT high."""
        return QRectF(0, 0, style.CARD_WIDTH, style.PREVIEW_HEIGHT)

    def cell_rects(self) -> list[QRectF]:
        """One rectangle per cell or map, centred in the box."""
        p = self.preview
        if p is None or p.kind == "bars":
            return []
        count = len(p.values)
        aspect = p.values.shape[2] / p.values.shape[1] if p.kind == "maps" else 1.0
        box = self.box()
        rows, columns, cell_w = grid_shape(count, aspect, box.width(), box.height(), CELL_GAP)
        cell_h = cell_w / aspect
        used_w = columns * cell_w + (columns - 1) * CELL_GAP
        used_h = rows * cell_h + (rows - 1) * CELL_GAP
        left, top = (box.width() - used_w) / 2, (box.height() - used_h) / 2
        return [QRectF(left + (k % columns) * (cell_w + CELL_GAP),
                       top + (k // columns) * (cell_h + CELL_GAP), cell_w, cell_h)
                for k in range(count)]

    # ---- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None) -> None:
        p = self.preview
        if p is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp pixels
        if p.kind == "bars":
            self._paint_bars(painter, p.values)
        elif p.kind == "cells":
            self._paint_cells(painter, p.values)
        else:
            self._paint_maps(painter)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= CAPTION_BELOW:             # smaller text is a smudge: the tooltip has it
            self._paint_caption(painter, p)
        if self.badge:
            self._paint_badge(painter, self.badge)

    def _paint_badge(self, painter: QPainter, text: str) -> None:
        painter.setFont(style.font(7.0))
        width = painter.fontMetrics().horizontalAdvance(text) + 6
        rect = QRectF(style.CARD_WIDTH - width - 1, 1, width, 11)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(BADGE_FILL))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QPen(QColor("#ffffff")))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_bars(self, painter: QPainter, values: np.ndarray) -> None:
        box = self.box()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(style.CARD_FILL))
        painter.drawRect(box)
        half, middle = box.height() / 2, box.center().y()
        slot = box.width() / len(values)
        gap = min(1.0, slot * 0.2)
        for k, v in enumerate(values):
            x = box.left() + k * slot + gap / 2
            if np.isnan(v):                      # not a number: a grey full-height mark
                painter.setBrush(QBrush(_colour(diverging_rgb(np.nan))))
                painter.drawRect(QRectF(x, box.top(), slot - gap, box.height()))
            elif v != 0:
                painter.setBrush(QBrush(_colour(POSITIVE if v > 0 else NEGATIVE)))
                painter.drawRect(QRectF(x, middle, slot - gap, -v * half).normalized())
        painter.setPen(QPen(style.MUTED_TEXT, 0))
        painter.drawLine(QLineF(box.left(), middle, box.right(), middle))
        self._frame(painter, box)

    def _paint_cells(self, painter: QPainter, values: np.ndarray) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for rect, rgb in zip(self.cell_rects(), diverging_rgb(values)):
            painter.setBrush(QBrush(_colour(rgb)))
            painter.drawRect(rect)
        rects = self.cell_rects()
        self._frame(painter, rects[0].united(rects[-1]).adjusted(-1, -1, 1, 1))

    def _paint_maps(self, painter: QPainter) -> None:
        for rect, image in zip(self.cell_rects(), self._images):
            painter.drawImage(rect, image)
            self._frame(painter, rect)

    @staticmethod
    def _frame(painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QPen(style.CARD_BORDER, 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    def _paint_caption(self, painter: QPainter, p: Preview) -> None:
        """A colour key (blue - white - red) with the scale, and what is shown."""
        row = QRectF(0, style.PREVIEW_HEIGHT + 1, style.CARD_WIDTH, CAPTION_HEIGHT - 1)
        key = QRectF(row.left(), row.center().y() - 3, 26, 6)
        gradient = QLinearGradient(key.topLeft(), key.topRight())
        for at, rgb in ((0.0, NEGATIVE), (0.5, ZERO), (1.0, POSITIVE)):
            gradient.setColorAt(at, _colour(rgb))
        painter.setPen(QPen(style.CARD_BORDER, 0))
        painter.setBrush(QBrush(gradient))
        painter.drawRect(key)
        painter.setFont(style.font(7.0))
        painter.setPen(QPen(style.MUTED_TEXT))
        text = row.adjusted(key.width() + 4, 0, 0, 0)
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text, middle | Qt.AlignmentFlag.AlignLeft, p.scale_text)
        painter.drawText(text, middle | Qt.AlignmentFlag.AlignRight, p.count_text)


def _rgb_image(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _tooltip(p: Preview) -> str:
    if p.over_plane:
        return translate("Canvas", "What each of the {count} has learned: its output over the "
                                   "input plane (x₀ across, x₁ up), values from {low:.3g} to "
                                   "{high:.3g}; full colour means {scale} (red above zero, blue "
                                   "below, white zero).").format(
            count=p.count_text, low=p.low, high=p.high, scale=p.scale_text)
    shown = {"bars": translate("Canvas", "one bar per unit"),
             "cells": translate("Canvas", "one cell per unit, row by row"),
             "maps": translate("Canvas", "one square per map")}[p.kind]
    scale = (translate("Canvas", "Values from {low:.3g} to {high:.3g}; full colour and a full "
                                 "bar mean {scale} (red above zero, blue below, white zero).")
             if p.kind == "bars" else
             translate("Canvas", "Values from {low:.3g} to {high:.3g}; full colour means {scale} "
                                 "(red above zero, blue below, white zero)."))
    lines = [translate("Canvas", "This node's output for the chosen sample: {count}, {shown}.")
             .format(count=p.count_text, shown=shown),
             scale.format(low=p.low, high=p.high, scale=p.scale_text)]
    if p.not_finite:
        lines.append(translate("Canvas", "{n} values are not numbers (grey): the run "
                                         "diverged?").format(n=p.not_finite))
    return "<br>".join(lines)
