"""The palette: generated from the registry, grouped, filterable, draggable."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine.nn.layers import LAYERS
from gui.palette import MIME_LAYER, Palette


def test_lists_every_registered_type_grouped_by_category(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    expected = {cat: [s.type for s in specs] for cat, specs in LAYERS.by_category().items()}
    assert palette.groups() == expected
    assert sorted(palette.visible_types()) == sorted(s.type for s in LAYERS.in_order())


def test_tooltip_is_the_layer_help(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    for spec in LAYERS.in_order():
        assert palette.item_for(spec.type).toolTip(0) == spec.help


def test_filter_by_name_or_help_hides_the_rest_and_empty_categories(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    palette.show()
    qtbot.keyClicks(palette.filter_edit, "relu")
    expected = {s.type for s in LAYERS.in_order()
                if "relu" in s.type.lower() or "relu" in s.help.lower()}
    assert {"ReLU", "LeakyReLU"} <= set(palette.visible_types()) == expected
    groups = {palette.tree.topLevelItem(i).text(0): palette.tree.topLevelItem(i)
              for i in range(palette.tree.topLevelItemCount())}
    assert groups["Core"].isHidden() and not groups["Activation"].isHidden()
    palette.filter_edit.clear()
    assert len(palette.visible_types()) == len(LAYERS.in_order())
    palette.filter_edit.setText("zzz-no-such-layer")
    assert palette.visible_types() == []


def test_drag_payload_is_the_type_name(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    data = palette.tree.mimeData([palette.item_for("Conv2D")])
    assert data.hasFormat(MIME_LAYER)
    assert bytes(data.data(MIME_LAYER)).decode("utf-8") == "Conv2D"
    assert palette.item_for("Dense").flags() & Qt.ItemFlag.ItemIsDragEnabled


def test_double_click_adds_the_layer_at_the_view_centre(main_window, qtbot):
    window = main_window
    window.show()
    qtbot.waitExposed(window)
    palette = window.layer_palette
    item = palette.item_for("Dropout")
    rect = palette.tree.visualItemRect(item)
    before = len(window.document.network.nodes)
    with qtbot.waitSignal(window.document.nodeAdded):
        QTest.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
        QTest.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, rect.center())
    nodes = window.document.network.nodes
    assert len(nodes) == before + 1 and nodes[-1]["type"] == "Dropout"
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    ui = nodes[-1]["ui"]
    assert abs(ui["x"] - centre.x()) < 300 and abs(ui["y"] - centre.y()) < 300
    window.document.undo_stack.undo()
    assert len(window.document.network.nodes) == before


def test_palette_drag_data_drops_onto_the_canvas(main_window, qtbot):
    """The palette's own drag payload, dropped on the window's canvas, adds that layer."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    w = main_window
    w.show()
    qtbot.waitExposed(w)
    mime = w.layer_palette.tree.mimeData([w.layer_palette.item_for("BatchNorm")])
    viewport = w.view.viewport()
    at = QPoint(viewport.width() // 2, viewport.height() - 40)
    copy, left, nomod = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(viewport, cls(at, copy, mime, left, nomod))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(at), copy, mime, left, nomod))
    assert w.document.network.nodes[-1]["type"] == "BatchNorm"
    assert w.document.undo_stack.count() == 1
