"""A drop whose layer payload is not UTF-8 (another program's drag with Netwright's MIME
type) once raised UnicodeDecodeError out of the scene's dropEvent; it is refused as an
unknown layer type is, saying so in the status bar, and adds nothing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gui.canvas.scene import MIME_LAYER
from gui.canvas.view import CanvasView
from gui.document import Document
from tests.gui.conftest import xor_network


def drop_payload(view, payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(MIME_LAYER, payload)
    at, copy = QPoint(200, 200), Qt.DropAction.CopyAction
    left, no_key = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(at, copy, mime, left, no_key),
                  QDragMoveEvent(at, copy, mime, left, no_key),
                  QDropEvent(QPointF(at), copy, mime, left, no_key)):
        QApplication.sendEvent(view.viewport(), event)


@pytest.mark.parametrize("payload", [b"\xff\xfeD", b"Dense\xc3"])
def test_a_payload_that_is_not_utf8_is_refused_with_the_unknown_type_message(qtbot, payload):
    doc = Document(xor_network())
    view = CanvasView(doc)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    said = []
    view.scene().statusMessage.connect(said.append)
    drop_payload(view, b"NoSuchLayer")             # the message a refused drop gives
    drop_payload(view, payload)
    assert len(said) == 2 and said[0].startswith("unknown layer type")
    assert said[1].startswith("unknown layer type")
    assert len(doc.network.nodes) == 5
