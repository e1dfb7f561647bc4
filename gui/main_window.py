"""The main window: palette (left), canvas (centre), inspector (right), Training (bottom).

Hooks for the training dashboard (window.training, gui/training/controller.py):
  window.training_dock / window.set_training_widget(widget)   the "Training" dock's content
  window.training_actions["train" | "pause" | "step" | "stop" | "reset"]   toolbar + menu
  window.set_training_state(text)                              the status bar's training field
  window.menus["view"], window.status, window.view             for its own actions and messages
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from gui import actions as act
from gui.document import Document
from gui.files import FileController, example_files
from gui.i18n import translate
from gui.inspector import Inspector
from gui.language_menu import add_language_menu
from gui.palette import Palette
from gui.race import start_race
from gui.status_bar import StatusBar

PLACEHOLDER = QT_TRANSLATE_NOOP("MainWindow",
                                "Press Train to start; loss curves and views appear here")
MIN_CANVAS_HEIGHT = 320      # the network and its live previews stay readable above the dock
STATE_VERSION = 1


def settings() -> QSettings:
    """The app's settings (as gui.i18n): the tests point them at a temporary folder."""
    return QSettings()


class MainWindow(QMainWindow):
    def __init__(self, document: Document | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self._restored_state: QByteArray | None = None
        self.document = document or Document()
        self.files = FileController(self, self.document)
        self.setWindowIcon(act.icon("netwright"))
        self.resize(1360, 860)
        self.view = self._make_canvas()
        self.setCentralWidget(self.view)
        self.layer_palette = Palette(self)      # not .palette: QWidget.palette()
        self.inspector = Inspector(self.document, self)
        self.palette_dock = self._dock(translate("MainWindow", "Layers"), "palette_dock",
                                       self.layer_palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock(translate("MainWindow", "Inspector"), "inspector_dock",
                                         self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self.training_placeholder = QLabel(translate("MainWindow", PLACEHOLDER), self)
        self.training_placeholder.setObjectName("training_placeholder")
        self.training_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_placeholder.setMinimumHeight(150)
        self.training_dock = self._dock(translate("MainWindow", "Training"), "training_dock",
                                        self.training_placeholder,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.palette_dock, self.inspector_dock], [200, 380],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.training_dock], [190], Qt.Orientation.Vertical)
        self.status = StatusBar(self.document, self)
        self.setStatusBar(self.status)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._update_title()
        from gui.training.controller import TrainingController
        self.training = TrainingController(self)      # the dashboard (gui/training)
        from gui.export_actions import ExportActions
        self.export_actions = ExportActions(self)      # File > Export (engine/export)
        from gui.data_drop import DataDrop
        self.data_drop = DataDrop(self)                # a CSV or image folder dropped: the data
        from gui.lessons.controller import LessonsController
        self.lessons = LessonsController(self)         # Help > Lessons (gui/lessons)

    # ---- construction --------------------------------------------------------------------
    def _make_canvas(self):
        from gui.canvas.view import CanvasView
        return CanvasView(self.document, self)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)          # saveState needs names
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        self.file_actions = act.file_actions(self)
        self.edit_actions = act.edit_actions(self)
        self.training_actions = act.training_actions(self)
        self.help_actions = act.help_actions(self)
        self.canvas_actions = self.view.actions_by_name()
        self.auto_layout_action = act.make_action(
            self, translate("MainWindow", "&Auto layout"),
            translate("MainWindow", "Arrange the nodes left to right by depth (undoable)"),
            self.auto_layout, "Ctrl+L", "layout")
        self.fit_action = self.canvas_actions["fit"]
        self.fit_action.setIcon(act.icon("fit"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for key in ("new", "open"):
            file_menu.addAction(self.file_actions[key])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = file_menu.addMenu(translate("MainWindow", "&Examples"))
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
        file_menu.addAction(translate("MainWindow", "Import &CSV…"),
                            lambda: self.data_drop.import_csv())
        file_menu.addSeparator()
        file_menu.addAction(self.file_actions["save"])
        file_menu.addAction(self.file_actions["save_as"])
        file_menu.addSeparator()
        file_menu.addAction(self.file_actions["quit"])
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addAction(self.edit_actions["undo"])
        edit_menu.addAction(self.edit_actions["redo"])
        edit_menu.addSeparator()
        for key in ("cut", "copy", "paste", "duplicate", "delete", "select_all"):
            if key in self.canvas_actions:
                edit_menu.addAction(self.canvas_actions[key])
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for key in ("zoom_in", "zoom_out"):
            if key in self.canvas_actions:
                view_menu.addAction(self.canvas_actions[key])
        view_menu.addAction(self.fit_action)
        view_menu.addAction(self.auto_layout_action)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.inspector_dock, self.training_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        add_language_menu(view_menu, lambda text: self.status.showMessage(text, 10000))
        training_menu = bar.addMenu(translate("MainWindow", "&Training"))
        for action in self.training_actions.values():
            training_menu.addAction(action)
        training_menu.addAction(translate("MainWindow", "Race &optimizers..."),
                                lambda: start_race(self))
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.concepts_menu = help_menu.addMenu(
            translate("MainWindow", "&Concepts and examples"))
        self.concepts_menu.aboutToShow.connect(      # the 21 concepts, each its lesson
            lambda: self.lessons.fill_concepts_menu(self.concepts_menu))
        help_menu.addAction(self.help_actions["about"])
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu,
                      "training": training_menu, "help": help_menu}

    def _build_toolbar(self) -> None:
        bar = QToolBar(translate("MainWindow", "Main"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in ("new", "open", "save"):
            bar.addAction(self.file_actions[key])
        bar.addSeparator()
        bar.addAction(self.edit_actions["undo"])
        bar.addAction(self.edit_actions["redo"])
        bar.addSeparator()
        bar.addAction(self.fit_action)
        bar.addAction(self.auto_layout_action)
        bar.addSeparator()
        for action in self.training_actions.values():
            bar.addAction(action)
        for action in bar.actions():
            act.plain_toolbar_text(action)
        # the well-known file and undo buttons as icons only (tooltips name them), so the
        # toolbar fits a 1024-pixel window
        for action in (*(self.file_actions[k] for k in ("new", "open", "save")),
                       self.edit_actions["undo"], self.edit_actions["redo"]):
            bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _connect(self) -> None:
        doc = self.document
        doc.modifiedChanged.connect(self._update_title)
        doc.pathChanged.connect(self._update_title)
        doc.networkReplaced.connect(self._update_title)
        doc.networkReplaced.connect(self._fit_soon)
        self.files.statusMessage.connect(lambda m: self.status.showMessage(m, 5000))
        self.view.statusMessage.connect(lambda m: self.status.showMessage(m, 5000))
        self.layer_palette.addRequested.connect(self.add_layer_at_centre)
        self.view.selectionChanged.connect(self.inspector.set_selection)
        self.inspector.nodeRenamed.connect(self._select_node)

    # ---- title, settings -------------------------------------------------------------------
    def _update_title(self, *_args) -> None:
        path = self.document.path
        untitled = translate("MainWindow", "Untitled")
        name = Path(path).name if path else (self.document.network.name or untitled)
        self.setWindowTitle(f"{name}[*] — Netwright")
        self.setWindowModified(self.document.is_modified)

    def restore_settings(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, STATE_VERSION)
            self._restored_state = state

    def save_settings(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(STATE_VERSION))
        s.sync()

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.files.discard_recovery()
        self.training.shutdown()          # end the training process
        event.accept()

    # ---- commands ----------------------------------------------------------------------------
    def new_file(self) -> None:
        self.files.new()

    def open_file(self) -> None:
        self.files.open()

    def add_layer_at_centre(self, type_name: str) -> str | None:
        """Palette double-click: the layer at the centre of the view (one AddNode)."""
        return self.view.add_layer_at_centre(type_name)

    def auto_layout(self) -> None:
        self.view.auto_layout()

    def _select_node(self, node_id: str) -> None:
        self.view.scene().select_nodes([node_id])

    def _fit_soon(self) -> None:
        QTimer.singleShot(0, self, self._fit)      # not after the window is gone

    def _fit(self) -> None:
        self.view.fit_to_view()

    def show_about(self) -> None:
        QMessageBox.about(
            self, translate("MainWindow", "About Netwright"),
            translate("MainWindow", "<h3>Netwright</h3><p>Build neural networks by hand on a "
                                    "canvas and watch them learn.</p><p>Drag layers from the "
                                    "palette, wire output ports to input ports, pick the data "
                                    "and the optimizer in the inspector, and press Train.</p>"))

    # ---- menus filled on demand ----------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.files.recent_files()
        for i, path in enumerate(files, 1):
            action = menu.addAction(f"&{i} {Path(path).name}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.files.open_recent(p))
        if not files:
            menu.addAction(translate("MainWindow", "No recent files")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(translate("MainWindow", "Clear list"),
                       self.files.clear_recent).setEnabled(bool(files))

    def _fill_examples_menu(self) -> None:
        self._fill_examples(self.examples_menu)

    def _fill_examples(self, menu: QMenu) -> None:
        menu.clear()
        menu.setToolTipsVisible(True)
        examples = example_files()
        for path, name, description in examples:
            action = menu.addAction(name)
            action.setStatusTip(description or str(path.name))
            action.setToolTip(description or str(path.name))
            action.triggered.connect(lambda _=False, p=path: self.files.load_example(p))
        if not examples:
            menu.addAction(translate("MainWindow", "No examples found")).setEnabled(False)

    # ---- hooks for the training dashboard --------------------------------------------------------
    def set_training_widget(self, widget) -> None:
        """Put the dashboard in the bottom "Training" dock (replacing the placeholder)."""
        self.training_dock.setWidget(widget)
        if self._restored_state is not None:
            # the new widget comes with its own preferred height: the user's layout wins
            QTimer.singleShot(0, self, self._reapply_state)

    def _reapply_state(self) -> None:
        state, self._restored_state = self._restored_state, None
        if state is not None:
            self.restoreState(state, STATE_VERSION)

    def training_dock_height(self, content_height: int) -> int:
        """The Training dock's height for content ``content_height`` high (its title bar
        added), leaving the canvas at least MIN_CANVAS_HEIGHT: side by side once squeezed
        the canvas to 230 pixels."""
        dock = self.training_dock
        title = dock.height() - dock.widget().height() if dock.isVisible() else 0
        room = self.view.height() + dock.height() - MIN_CANVAS_HEIGHT
        return max(min(content_height + title, room), 0)

    def set_training_state(self, text: str) -> None:
        self.status.set_training_state(text)
