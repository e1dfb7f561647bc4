"""What the Data views put around a plot and fit to it: a footer line under it with a
legend (which never covers the data, as a legend inside the plot would) and small toggles,
a title that fits the plot's width, and the plot's shape (for maps drawn to fill it).

    footer = Footer()
    footer.set_legend([(swatch("#1f77b4", "●"), "train"), (swatch("#1f77b4", "○"), "validation")])
    points = footer.add_toggle("points", True, "Show the data points")
    fit_title(plot_item, ["Decision boundary: colour = class", "Decision boundary"])
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QSizePolicy,
                               QVBoxLayout, QWidget)

TITLE_PT = 10
FOOTER_PT = 8
ASPECT_STEPS = 4             # a plot's aspect is reported in steps of 2^(1/4) (19 %)


class WrappingLabel(QLabel):
    """A word-wrapped label as tall as its text at its width: a layout does not ask a
    wrapping label for the height its width needs (the text overprinted the plot's axis
    when narrow, or left empty lines when wide)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        # Measured on a document of its own: QLabel.heightForWidth never goes below the
        # minimum height set here, so the label could grow but never shrink back.
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        document.setHtml(self.text())
        document.setTextWidth(max(self.contentsRect().width(), 1))
        needed = int(np.ceil(document.size().height()))
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.setMaximumHeight(needed)


class Footer(QWidget):
    """A legend (rich text that wraps between its entries) and toggles at the right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(6, 0, 6, 2)
        self.row.setSpacing(10)
        self.label = WrappingLabel(self)
        self.label.setStyleSheet(f"color: #4b5563; font-size: {FOOTER_PT}pt;")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row.addWidget(self.label, 1)
        self.toggles: list[QCheckBox] = []

    def add_toggle(self, text: str, checked: bool, tooltip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(checked)
        box.setToolTip(tooltip)
        box.setStyleSheet(f"font-size: {FOOTER_PT}pt;")
        self.row.addWidget(box)
        self.toggles.append(box)
        return box

    def set_legend(self, entries: list[tuple[str, str]], note: str = "") -> None:
        """entries: (symbol html, words); ``note``: a last, plain sentence."""
        parts = [f"{symbol}&nbsp;{words.replace(' ', '&nbsp;')}" for symbol, words in entries]
        text = "&nbsp;&nbsp; ".join(parts) + (f"<br>{note}" if note else "")
        if text != self.label.text():
            self.label.setText(text)
            self.label.fit_height()

    @property
    def text(self) -> str:
        """What the footer says, as plain text (one space where it has &nbsp;)."""
        html = self.label.text()
        return QTextDocumentFragment.fromHtml(html).toPlainText().replace("\xa0", " ")


def swatch(colour, symbol: str = "■") -> str:
    """A coloured symbol for a legend entry; ``colour``: '#rrggbb' or an (r, g, b) tuple."""
    if not isinstance(colour, str):
        colour = "#%02x%02x%02x" % tuple(int(c) for c in colour[:3])
    return f"<span style='color:{colour}; font-size:{FOOTER_PT + 2}pt'>{symbol}</span>"


def fit_title(item, titles: list[str]) -> str:
    """Show the first of ``titles`` (longest first) that fits the plot's width; the last
    one whatever its length. Call it again when the plot is resized."""
    font = QFont()
    font.setPointSize(TITLE_PT)
    metrics = QFontMetrics(font)
    width = item.getViewBox().width()      # the title's cell is as wide as the plot area
    room = width - 12 if width > 0 else float("inf")
    chosen = next((t for t in titles if metrics.horizontalAdvance(t) <= room), titles[-1])
    item.setTitle(f"<span style='font-size:{TITLE_PT}pt'>{chosen}</span>")
    # pyqtgraph makes the title's width the plot's minimum: a long title widened the plot
    # past its widget (cutting the right side off), and the title measured that width.
    item.titleLabel.setMinimumWidth(0)
    return chosen


def with_footer(top: QWidget, footer: QWidget) -> QWidget:
    """``top`` (a plot) taking the room, ``footer`` under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(top, 1)
    layout.addWidget(footer)
    return box


def plot_aspect(view_box, default: float, low: float, high: float) -> float:
    """The view box's width / height in steps of 2^(1/ASPECT_STEPS) (so a small resize
    asks for nothing new), within [low, high]; ``default`` while it has no size yet."""
    size = view_box.size()
    if size.width() < 20 or size.height() < 20:
        return default
    steps = round(np.log2(size.width() / size.height()) * ASPECT_STEPS)
    return float(np.clip(2.0 ** (steps / ASPECT_STEPS), low, high))
