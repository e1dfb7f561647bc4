"""Choosing data in the window (issue 16 item 1): paths relative to the network file, the
inspector's Browse... button and files dropped on the window. Each edit is one undo step."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from engine.graph.network import Network
from tests.gui.waits import PATIENCE_MS

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "image_folder_cnn.nw.json"


def make_window(qtbot, network: Network | None = None, path: str | None = None):
    from gui.document import Document
    from gui.main_window import MainWindow
    w = MainWindow(Document())
    w.files.autosave_enabled = False
    w.files.interactive = False
    w.files.maybe_save = lambda: True
    qtbot.addWidget(w)
    if network is not None:
        w.document.replace(network, path)
    w.resize(1280, 800)
    return w


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    """A message box fails the test at once instead of waiting for a click for ever."""
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.conftest import _unexpected_dialog
    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, _unexpected_dialog(name))


@pytest.fixture
def close_after(qtbot):
    windows = []
    yield windows
    for w in windows:
        w.document.undo_stack.setClean()
        w.training.shutdown()
    assert not multiprocessing.active_children()


def test_window_trains_the_image_folder_example_from_another_folder(qtbot, tmp_path,
                                                                    monkeypatch, close_after):
    pytest.importorskip("PIL")
    monkeypatch.chdir(tmp_path)
    w = make_window(qtbot)
    close_after.append(w)
    assert w.files.load_path(str(EXAMPLE), remember=False)
    assert w.document.analysis.problems == []
    with qtbot.waitSignal(w.training.session.pausedAt, timeout=PATIENCE_MS):
        w.training.step()
    assert w.training.info.class_names == ("circle", "cross", "square", "triangle")


def test_save_as_elsewhere_keeps_the_data_paths_pointing_at_the_data(qtbot, tmp_path,
                                                                     close_after):
    """Save As into another folder re-writes a relative data path from there (one undo
    step), so the network still finds its data; it was left as written and then named a
    file that does not exist."""
    import json
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
    (tmp_path / "a" / "t.csv").write_text("x,y\n1,0\n2,1\n3,0\n4,1\n")
    net = Network.load(EXAMPLE)
    net.set_training({**net.training, "dataset": {"name": "csv", "params": {"path": "t.csv"}}})
    w = make_window(qtbot, net, str(tmp_path / "a" / "n.nw.json"))
    close_after.append(w)
    assert w.files.save_to(str(tmp_path / "b" / "n.nw.json"))
    saved = json.loads((tmp_path / "b" / "n.nw.json").read_text())
    assert saved["training"]["dataset"]["params"]["path"] == "../a/t.csv"
    assert not any("t.csv" in p.message for p in w.document.analysis.problems)
    assert w.document.undo_stack.undoText() == "Keep the data paths from the new folder"


def test_a_failed_save_elsewhere_leaves_the_data_paths_as_they_were(qtbot, tmp_path,
                                                                     close_after):
    (tmp_path / "a").mkdir()
    net = Network.load(EXAMPLE)
    net.set_training({**net.training, "dataset": {"name": "csv", "params": {"path": "t.csv"}}})
    w = make_window(qtbot, net, str(tmp_path / "a" / "n.nw.json"))
    close_after.append(w)
    w.files.show_errors = lambda *a, **k: None
    assert not w.files.save_to(str(tmp_path / "missing" / "n.nw.json"))
    assert w.document.network.training["dataset"]["params"]["path"] == "t.csv"


# ---- Browse... ------------------------------------------------------------------------------
def csv_net(path: str = "") -> Network:
    net = Network.load(EXAMPLE)
    net.set_training({**net.training, "dataset": {"name": "csv", "params": {"path": path}}})
    return net


def path_editor(qtbot, w):
    from gui.param_widgets import PathEditor

    def found():
        return [e for e in w.findChildren(PathEditor) if e.param.name == "path"]
    qtbot.waitUntil(lambda: len(found()) == 1, timeout=PATIENCE_MS)
    return found()[0]


def accept_csv_import(qtbot, w) -> None:
    """OK in the CSV import dialog a chosen or dropped table opens (gui.csv_import)."""
    from gui.csv_import import CsvImportDialog
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(CsvImportDialog)),
                    timeout=PATIENCE_MS)
    dialog = next(d for d in w.findChildren(CsvImportDialog) if d.isVisible())
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=PATIENCE_MS)


def dataset(w) -> dict:
    return w.document.network.training["dataset"]


def test_browse_stores_a_csv_relative_to_the_saved_network(qtbot, tmp_path, monkeypatch,
                                                           close_after):
    from PySide6.QtWidgets import QFileDialog
    (tmp_path / "data").mkdir()
    chosen = tmp_path / "data" / "t.csv"
    chosen.write_text("x,y\n1,0\n2,1\n3,0\n4,1\n")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: asked.append(a) or (str(chosen), ""))
    w = make_window(qtbot, csv_net(), str(tmp_path / "n.nw.json"))
    close_after.append(w)
    editor = path_editor(qtbot, w)
    assert editor.browse.text() == "Browse..."
    editor.browse.click()
    assert "*.csv" in asked[0][3]                       # the dialog offers CSV files
    accept_csv_import(qtbot, w)
    assert dataset(w)["params"]["path"] == "data/t.csv"
    assert editor.line.text() == "data/t.csv"
    w.document.undo_stack.undo()
    assert dataset(w)["params"]["path"] == ""


def test_browse_stores_an_absolute_path_before_the_first_save(qtbot, tmp_path, monkeypatch,
                                                               close_after):
    from PySide6.QtWidgets import QFileDialog
    chosen = tmp_path / "t.csv"
    chosen.write_text("x,y\n1,0\n2,1\n3,0\n4,1\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(chosen), ""))
    w = make_window(qtbot, Network.from_dict(csv_net().to_dict()))     # never saved
    close_after.append(w)
    path_editor(qtbot, w).browse.click()
    accept_csv_import(qtbot, w)
    assert dataset(w)["params"]["path"] == str(chosen)


def test_browse_a_folder_for_image_folder_and_cancel(qtbot, tmp_path, monkeypatch,
                                                     close_after):
    from PySide6.QtWidgets import QFileDialog
    answers = [str(tmp_path / "photos"), ""]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: answers.pop(0))
    w = make_window(qtbot, Network.load(EXAMPLE), str(tmp_path / "n.nw.json"))
    close_after.append(w)
    editor = path_editor(qtbot, w)
    editor.browse.click()
    assert dataset(w)["params"] == {"path": "photos", "size": 16, "channels": 1}
    steps = w.document.undo_stack.count()
    editor.browse.click()                                   # cancelled: nothing changes
    assert dataset(w)["params"]["path"] == "photos"
    assert w.document.undo_stack.count() == steps
    w.document.undo_stack.undo()
    assert dataset(w)["params"]["path"] == "../data/shapes_small"


# ---- drops on the window --------------------------------------------------------------------
def drop_on(widget, urls) -> tuple[bool, bool]:
    """A drag of ``urls`` entering ``widget`` and dropped there, as Qt delivers it (an
    ignored drag goes up to the parents that accept drops). (enter accepted, drop accepted)"""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    data = QMimeData()
    data.setUrls([u if isinstance(u, QUrl) else QUrl.fromLocalFile(str(u)) for u in urls])
    pos = widget.rect().center()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def image_folder(root: Path, mode: str = "L") -> Path:
    from PIL import Image
    for name in ("cats", "dogs"):
        (root / name).mkdir(parents=True)
        Image.new(mode, (8, 8)).save(root / name / "a.png")
    return root


@pytest.fixture
def saved_window(qtbot, tmp_path, close_after):
    w = make_window(qtbot, Network.load(EXAMPLE), str(tmp_path / "n.nw.json"))
    close_after.append(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def status_text(w) -> str:
    return w.status.currentMessage()


def test_drop_a_csv_on_the_canvas_sets_the_dataset_in_one_undo_step(qtbot, saved_window,
                                                                    tmp_path):
    w = saved_window
    (tmp_path / "t.csv").write_text("a,b,label\n1,2,x\n3,4,y\n")
    before, steps = copy_of(dataset(w)), w.document.undo_stack.count()
    assert drop_on(w.view.viewport(), [tmp_path / "t.csv"]) == (True, True)
    accept_csv_import(qtbot, w)
    assert dataset(w) == {"name": "csv", "params": {"path": "t.csv", "target": "label",
                                                    "task": "auto", "delimiter": ",",
                                                    "header": True, "missing": "refuse"},
                          "validation_split": 0.2}
    assert "t.csv" in status_text(w) and "classification" in status_text(w)
    assert w.document.undo_stack.count() == steps + 1
    w.document.undo_stack.undo()
    assert dataset(w) == before


def test_drop_an_image_folder_guesses_its_channels(saved_window, tmp_path):
    pytest.importorskip("PIL")
    w = saved_window
    drop_on(w, [image_folder(tmp_path / "grey")])
    assert dataset(w)["params"] == {"path": "grey", "size": 28, "channels": 1}
    drop_on(w.inspector, [image_folder(tmp_path / "colour", "RGB")])
    assert dataset(w)["name"] == "image_folder"
    assert dataset(w)["params"] == {"path": "colour", "size": 28, "channels": 3}
    assert "colour" in status_text(w)
    w.document.undo_stack.undo()
    assert dataset(w)["params"]["path"] == "grey"


@pytest.mark.parametrize("what, says", [
    ("notes.txt", "neither a CSV file nor a folder"),
    ("two", "one CSV file or one image folder at a time"),
    ("web", "Only a file on this computer"),
    ("gone.csv", "does not exist"),
    ("other.nw.json", "File > Open"),
])
def test_drop_of_something_else_is_refused_saying_why(saved_window, tmp_path, what, says):
    from PySide6.QtCore import QUrl
    w = saved_window
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "other.nw.json").write_text("{}")
    urls = {"two": [tmp_path / "notes.txt", tmp_path / "other.nw.json"],
            "web": [QUrl("https://example.com/t.csv")]}.get(what, [tmp_path / what])
    before, steps = copy_of(dataset(w)), w.document.undo_stack.count()
    assert drop_on(w.view.viewport(), urls) == (True, False)
    assert says in status_text(w)
    assert dataset(w) == before and w.document.undo_stack.count() == steps


def test_drop_while_locked_is_refused(saved_window, tmp_path):
    w = saved_window
    (tmp_path / "t.csv").write_text("a,b\n1,2\n3,4\n")
    w.document.set_locked(True)
    try:
        drop_on(w, [tmp_path / "t.csv"])
    finally:
        w.document.set_locked(False)
    assert "Stop training" in status_text(w)
    assert dataset(w)["name"] == "image_folder"


def test_palette_layer_drop_on_the_canvas_still_adds_a_layer(saved_window):
    from PySide6.QtCore import QMimeData, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from gui.canvas.scene import MIME_LAYER
    w = saved_window
    data = QMimeData()
    data.setData(MIME_LAYER, b"Dense")
    viewport = w.view.viewport()
    pos = viewport.rect().center()
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, Qt.DropAction.CopyAction, data,
                                                     Qt.MouseButton.LeftButton,
                                                     Qt.KeyboardModifier.NoModifier))
    count = len(w.document.network.nodes)
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, data,
                                                Qt.MouseButton.LeftButton,
                                                Qt.KeyboardModifier.NoModifier))
    assert len(w.document.network.nodes) == count + 1


def copy_of(d: dict) -> dict:
    import copy
    return copy.deepcopy(d)


def test_race_finds_a_relative_csv_from_another_folder(qtbot, tmp_path, monkeypatch,
                                                       close_after):
    from gui.race.dialog import RaceDialog
    from gui.race.launch import start_race
    from tests.engine.test_relative_data_paths import csv_network, write_csv
    (tmp_path / "project").mkdir()
    write_csv(tmp_path / "project" / "t.csv")
    path = csv_network(tmp_path / "project", "t.csv")
    monkeypatch.chdir(tmp_path)
    w = make_window(qtbot, Network.load(path), str(path))
    close_after.append(w)
    monkeypatch.setattr(RaceDialog, "exec", lambda self: (self.accept(), self.result())[1])
    race = start_race(w)
    assert race is not None and len(race.session.processes) == 3
    assert w.document.network.training["dataset"]["params"]["path"] == "t.csv"   # untouched
    race.close()
