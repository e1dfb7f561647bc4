"""A coloured frame drawn over a widget for a moment, then faded out: a lesson's "Show me"
leads the learner's eye to the view it talks about."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

COLOUR = QColor("#f59e0b")        # amber: stands out on the white plots and the blue curves
WIDTH = 4
HOLD_MS = 1200                    # fully drawn this long, then ...
FADE_MS = 1300                    # ... fades out over this long


class Highlight(QWidget):
    """The frame over ``target`` (a child of it, so it moves and resizes with it); it
    ignores the mouse and deletes itself once faded."""

    def __init__(self, target: QWidget):
        super().__init__(target)
        self.setObjectName("lesson_highlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.opacity = 1.0
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(HOLD_MS + FADE_MS)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(self._at)
        self.animation.finished.connect(self.deleteLater)
        self.raise_()
        self.show()
        self.animation.start()

    @property
    def running(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def _at(self, t: float) -> None:
        total = HOLD_MS + FADE_MS
        self.opacity = min(1.0, max(0.0, (total - t * total) / FADE_MS))
        self.update()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(COLOUR)
        colour.setAlphaF(self.opacity)
        painter.setPen(QPen(colour, WIDTH))
        half = WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 6, 6)


def highlight(target: QWidget) -> Highlight:
    """Frame ``target`` now (a frame already there is replaced)."""
    for old in target.findChildren(Highlight, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.animation.stop()
        old.deleteLater()
    return Highlight(target)
