"""No attribute of ours hides a Qt method.

Qt calls some of its methods through Python: QWidget.grab() asks devicePixelRatio(), which
calls the virtual metric(); PySide looks ``metric`` up on the Python object, and when a
class had set ``self.metric = SomeView()`` the process died (a segfault, no traceback).
An attribute that hides a non-virtual method (``window.palette`` was the layer palette)
breaks every caller of that method instead. Two nets: the source of every Qt class in gui/
(what its methods assign to ``self``, its class attributes and properties), and the
objects of a window that has trained (attributes set from outside a class, as
``page.views``)."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from tests.gui.waits import PATIENCE_MS

GUI = Path(__file__).resolve().parents[2] / "gui"


def qt_methods(cls: type) -> dict[str, str]:
    """{name: Qt class} of the methods ``cls`` inherits from PySide6 (signals and nested
    enums excluded: an instance holds its bound signals under their own names)."""
    found: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if base.__module__.startswith("PySide6"):
            for name, value in vars(base).items():
                if callable(value) and not isinstance(value, (Signal, type)):
                    found[name] = base.__name__
    return found


def assigned_names(node: ast.ClassDef) -> set[str]:
    """What a class body defines as data: ``self.x = ...`` in its methods, class-level
    assignments and properties (methods that override Qt's are meant to)."""
    names = set()
    for item in ast.walk(node):
        targets = (item.targets if isinstance(item, ast.Assign) else
                   [item.target] if isinstance(item, (ast.AnnAssign, ast.AugAssign)) else [])
        for target in targets:
            for part in ast.walk(target):
                if (isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
                        and part.value.id == "self"):
                    names.add(part.attr)
    for item in node.body:
        if isinstance(item, ast.Assign):
            names.update(t.id for t in item.targets if isinstance(t, ast.Name))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            names.add(item.target.id)
        elif isinstance(item, ast.FunctionDef) and any(
                isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list):
            names.add(item.name)
    return names


def qt_classes_in(path: Path):
    """(class, its ast node) for each Qt class defined at the top of a gui module."""
    module_name = ".".join(path.relative_to(GUI.parent).with_suffix("").parts)
    module = importlib.import_module(module_name)
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
        if isinstance(cls, type) and issubclass(cls, shiboken6.Object):
            yield cls, node


def shadowing(cls: type, names) -> list[str]:
    methods = qt_methods(cls)
    return [f"{cls.__module__}.{cls.__qualname__}.{name} hides {methods[name]}.{name}()"
            for name in sorted(names) if name in methods]


def test_no_qt_class_in_gui_defines_an_attribute_named_like_a_qt_method(qapp):
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for cls, node in qt_classes_in(path):
            found += shadowing(cls, assigned_names(node))
    assert not found, "\n".join(found)


def test_the_check_finds_the_attribute_that_crashed_grab():
    source = ("class Dashboard(QWidget):\n"
              "    def __init__(self):\n"
              "        self.metric = None\n"
              "        self.views = []\n")
    node = ast.parse(source).body[0]

    class Dashboard(QWidget):
        pass
    assert shadowing(Dashboard, assigned_names(node)) == [
        f"{__name__}.{Dashboard.__qualname__}.metric hides QWidget.metric()"]


def object_attributes(window) -> list[str]:
    """Attributes on the window's objects (QObjects and canvas items) that hide a Qt
    method of their class, wherever they were set."""
    objects = [window, *window.findChildren(QObject), *window.view.scene().items()]
    found = []
    for obj in objects:
        data = {name for name, value in getattr(obj, "__dict__", {}).items()
                if not isinstance(value, SignalInstance)}
        found += shadowing(type(obj), data)
    return sorted(set(found))


@pytest.fixture
def trained_window(qtbot, main_window):
    """The main window, side by side, after a few steps of training (every view drawn)."""
    from gui.app import train_steps_then
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.training.dashboard.set_side_by_side(True)
    main_window.view.scene().select_nodes(["h1"])
    done = []
    train_steps_then(main_window, 5, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)
    return main_window


def test_no_object_of_a_trained_window_hides_a_qt_method(trained_window):
    assert object_attributes(trained_window) == []


def test_every_dashboard_widget_and_view_can_be_grabbed(trained_window):
    """grab() and the DPI queries go through QWidget.metric(): a widget whose metric was
    hidden killed the process here."""
    dashboard = trained_window.training.dashboard
    for on in (True, False):
        dashboard.set_side_by_side(on)
        for widget in [dashboard, *dashboard.views, *dashboard.findChildren(QWidget)]:
            assert widget.logicalDpiX() > 0 and widget.devicePixelRatioF() > 0
            assert not widget.grab().isNull() or widget.size().isEmpty()
