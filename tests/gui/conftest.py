"""Shared GUI fixtures. QSettings always point at a temporary folder, so no test reads or
writes the real user's settings."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from engine.graph.network import Network


@pytest.fixture(autouse=True)
def tmp_qsettings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


def xor_network() -> Network:
    """Input[2] -> Dense 4 -> Tanh -> Dense 1 -> Sigmoid, as the example file."""
    return Network.from_dict({
        "name": "XOR",
        "nodes": [
            {"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}},
            {"id": "h1", "type": "Dense", "params": {"units": 4}, "ui": {"x": 230, "y": 0}},
            {"id": "a1", "type": "Tanh", "params": {}, "ui": {"x": 460, "y": 0}},
            {"id": "out", "type": "Dense", "params": {"units": 1}, "ui": {"x": 690, "y": 0}},
            {"id": "p", "type": "Sigmoid", "params": {}, "ui": {"x": 920, "y": 0}},
        ],
        "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "a1"},
                  {"from": "a1", "to": "out"}, {"from": "out", "to": "p"}],
    })


@pytest.fixture
def document(qtbot):
    from gui.document import Document
    return Document()


@pytest.fixture
def xor_document(qtbot):
    from gui.document import Document
    return Document(xor_network())


@pytest.fixture
def main_window(qtbot, tmp_path, monkeypatch):
    """The main window on the XOR network; autosave goes to a temporary folder and every
    dialog fails the test unless the test answers it (monkeypatch QMessageBox)."""
    from PySide6.QtWidgets import QMessageBox

    from gui.main_window import MainWindow

    monkeypatch.setenv("NETWRIGHT_DATA_DIR", str(tmp_path / "data"))
    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, _unexpected_dialog(name))
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=quiet_close)
    window.document.replace(xor_network())
    window.resize(1280, 800)
    return window


def quiet_close(window) -> None:
    """Before pytest-qt closes a main window: nothing to save, training thread stopped."""
    window.document.undo_stack.setClean()
    window.training.shutdown()


def _unexpected_dialog(name):
    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected QMessageBox.{name}: {args[1:3]}")
    return staticmethod(fail)
