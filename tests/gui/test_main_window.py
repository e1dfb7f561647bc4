"""The main window: docks, menus, toolbar, status bar, selection -> inspector, and the
remembered layout."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from gui.commands import RemoveItems, SetParam
from gui.main_window import MainWindow

from tests.gui.conftest import quiet_close


def menu_titles(window):
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_window_has_docks_menus_and_toolbar(main_window, qtbot):
    w = main_window
    w.show()
    qtbot.waitExposed(w)
    docks = {d.objectName(): d for d in w.findChildren(QDockWidget)}
    assert {"palette_dock", "inspector_dock", "training_dock"} <= set(docks)
    assert w.dockWidgetArea(docks["palette_dock"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert w.dockWidgetArea(docks["inspector_dock"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert w.dockWidgetArea(docks["training_dock"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert menu_titles(w) == ["File", "Edit", "View", "Training", "Help"]
    toolbar = [a.text().replace("&", "") for a in w.toolbar.actions() if a.text()]
    for name in ("New", "Open", "Save", "Undo", "Redo", "Auto layout", "Train", "Pause",
                 "Step", "Stop", "Reset weights"):
        assert any(t.startswith(name) for t in toolbar), name
    assert w.windowTitle().startswith("XOR")


def test_edit_menu_has_undo_redo_with_standard_shortcuts(main_window):
    w = main_window
    edit_menu = w.menus["edit"]
    undo, redo = w.edit_actions["undo"], w.edit_actions["redo"]
    assert undo in edit_menu.actions() and redo in edit_menu.actions()
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert not undo.isEnabled()
    w.document.undo_stack.push(SetParam(w.document, "h1", "units", 5))
    assert undo.isEnabled()
    undo.trigger()
    assert w.document.node("h1")["params"]["units"] == 4
    for key in ("copy", "paste", "delete"):
        assert w.canvas_actions[key] in edit_menu.actions()


def test_status_bar_counts_parameters_and_problems(main_window):
    w = main_window
    status = w.status
    assert status.params_label.text() == "17 parameters"
    assert "valid" in status.problems_label.text()
    doc = w.document
    doc.undo_stack.push(RemoveItems(doc, edges=[("h1", "a1")]))
    assert "problem" in status.problems_label.text()
    assert status.problems_label.property("state") == "bad"
    doc.undo_stack.undo()
    assert "valid" in status.problems_label.text()
    doc.undo_stack.push(SetParam(doc, "h1", "units", 10))
    assert status.params_label.text() == f"{10 * 2 + 10 + 10 + 1:,} parameters"
    w.set_training_state("Paused at step 3")
    assert status.training_label.text() == "Paused at step 3"


def test_canvas_selection_drives_the_inspector(main_window, qtbot):
    w = main_window
    scene = w.view.scene()
    scene.select_nodes(["h1"])
    assert w.inspector.current_page() is w.inspector.node_page
    assert w.inspector.node_page.node_id == "h1"
    scene.select_nodes(["h1", "out"])
    assert w.inspector.current_page() is w.inspector.summary_page
    scene.select_nodes([])
    assert w.inspector.current_page() is w.inspector.training_page


def test_auto_layout_is_one_undo_step(main_window):
    w = main_window
    doc = w.document
    doc.undo_stack.push(SetParam(doc, "h1", "units", 5))
    doc.undo_stack.clear()                     # start from a clean history
    before = doc.to_dict()
    w.auto_layout_action.trigger()
    assert doc.undo_stack.count() == 1
    assert doc.to_dict() != before             # the nodes moved
    doc.undo_stack.undo()
    assert doc.to_dict() == before


def test_about_dialog(main_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(a[1])))
    main_window.help_actions["about"].trigger()
    assert shown == ["About Netwright"]


def test_layout_and_geometry_are_remembered(main_window, qtbot):
    w = main_window
    w.show()
    qtbot.waitExposed(w)
    w.resize(720, 530)        # inside the offscreen screen (restore clamps to it)
    w.palette_dock.hide()
    w.save_settings()
    again = MainWindow()
    qtbot.addWidget(again, before_close_func=quiet_close)
    again.restore_settings()
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (720, 530)
    assert again.palette_dock.isHidden()
    assert not again.inspector_dock.isHidden()


def test_training_dock_is_replaceable(main_window):
    from PySide6.QtWidgets import QLabel
    w = main_window
    label = QLabel("dashboard")
    w.set_training_widget(label)
    assert w.training_dock.widget() is label


def test_remembered_dock_sizes_survive_the_dashboard(main_window, qtbot):
    w = main_window
    w.show()
    qtbot.waitExposed(w)
    w.resize(780, 590)
    w.training.dashboard
    qtbot.wait(50)
    w.resizeDocks([w.training_dock], [w.training_dock.height() - 40], Qt.Orientation.Vertical)
    qtbot.wait(50)
    height = w.training_dock.height()
    w.save_settings()
    again = MainWindow()
    qtbot.addWidget(again, before_close_func=quiet_close)
    again.restore_settings()
    again.show()
    qtbot.waitExposed(again)
    again.training.dashboard                     # the dashboard replaces the placeholder
    qtbot.wait(100)                              # ... and asks for its own height
    qtbot.waitUntil(lambda: abs(again.training_dock.height() - height) <= 2, timeout=3000)


def test_status_messages_are_shown(main_window, tmp_path):
    w = main_window
    w.files.save_to(str(tmp_path / "s.nw.json"))
    assert w.status.currentMessage().startswith("Saved")


def test_rename_in_the_inspector_keeps_the_node_selected(main_window):
    w = main_window
    scene = w.view.scene()
    scene.select_nodes(["h1"])
    page = w.inspector.node_page
    page.id_edit.setText("hidden")
    page.id_edit.editingFinished.emit()
    assert scene.selected_node_ids() == ["hidden"]
    assert w.inspector.node_page.node_id == "hidden"
    w.edit_actions["undo"].trigger()
    assert w.document.has_node("h1")
