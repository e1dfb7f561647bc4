"""Sizes, colours and fonts of the canvas, in one place."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont

# Cards are drawn in "card units" below and scaled by CARD_SCALE into the scene, whose
# units are those of the file's "ui" positions (examples space nodes ~170 apart); the
# view's natural zoom (1 / CARD_SCALE) shows a card at its designed size.
CARD_SCALE = 0.8
CARD_WIDTH = 150.0
HEADER_HEIGHT = 24.0
LINE_HEIGHT = 17.0
CARD_MIN_HEIGHT = HEADER_HEIGHT + 2 * LINE_HEIGHT + 10.0
SLOT_SPACING = 20.0          # between the input ports of a merge node
PORT_RADIUS = 6.0
CORNER = 7.0
PREVIEW_HEIGHT = 60.0         # the live preview under a card (gui/canvas/preview_item.py)

# keyed by engine.nn.registry.CATEGORIES
CATEGORY_COLOURS = {
    "Input": QColor("#2a9d8f"),
    "Core": QColor("#3a6ea5"),
    "Activation": QColor("#d9822b"),
    "Convolution": QColor("#7b4fa0"),
    "Pooling": QColor("#4f8a3c"),
    "Normalization": QColor("#a88400"),
    "Merge": QColor("#8a5a44"),
}
UNKNOWN_COLOUR = QColor("#777777")
ERROR_COLOUR = QColor("#c62828")
ERROR_FILL = QColor("#fdecea")
CARD_FILL = QColor("#ffffff")
CARD_BORDER = QColor("#9aa3ad")
SELECTED_BORDER = QColor("#1e88e5")
HOVER_BORDER = QColor("#5c6b7a")
TEXT = QColor("#222222")
MUTED_TEXT = QColor("#6b7280")
WIRE = QColor("#5f6b78")
WIRE_SELECTED = QColor("#1e88e5")
WIRE_LABEL_FILL = QColor(255, 255, 255, 230)
VALID_TARGET = QColor("#2e7d32")
INVALID_TARGET = QColor("#c7ccd1")
GRID_DOT = QColor("#d5d9de")
BACKGROUND = QColor("#f7f8fa")


def font(point_size: float = 9.0, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    # unhinted: text measures the same at every zoom, so labels and elisions fit
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f
