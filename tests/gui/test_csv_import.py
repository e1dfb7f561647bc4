"""The CSV import dialog (issue 16 item 2): what it detects in a small file, its errors
naming row and column, and OK setting the whole dataset section in one undo step."""
from __future__ import annotations

import pytest

from engine.graph.network import Network
from tests.gui.conftest import _unexpected_dialog
from tests.gui.test_data_browse_and_drop import EXAMPLE, dataset, drop_on, make_window
from tests.gui.waits import PATIENCE_MS

TABLE = ("size;colour;weight;kind\n1.0;red;10;a\n2.0;blue;20;b\n1.5;red;;a\n"
         "2.5;green;25;b\n1.2;blue;11;a\n2.2;red;22;b\n")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A saved window; a message box fails the test instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox
    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, _unexpected_dialog(name))
    w = make_window(qtbot, Network.load(EXAMPLE), str(tmp_path / "n.nw.json"))
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def opened_dialog(qtbot, w):
    from gui.csv_import import CsvImportDialog
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(CsvImportDialog)),
                    timeout=PATIENCE_MS)
    return next(d for d in w.findChildren(CsvImportDialog) if d.isVisible())


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value) if combo.findData(value) >= 0
                          else combo.findText(value))


def test_a_dropped_csv_opens_the_dialog_with_what_it_detected(qtbot, window, tmp_path):
    (tmp_path / "t.csv").write_text(TABLE)
    before = dataset(window)
    assert drop_on(window.view.viewport(), [tmp_path / "t.csv"]) == (True, True)
    d = opened_dialog(qtbot, window)
    assert dataset(window) == before                         # nothing set before OK
    assert d.delimiter.currentData() == ";" and d.header.isChecked()
    assert d.target.currentText() == "kind"                  # the last column
    headers = [d.model.horizontalHeaderItem(i).text() for i in range(d.model.columnCount())]
    assert headers == ["size\n(number)", "colour\n(text)", "weight\n(number)", "kind\n(text)"]
    assert d.model.rowCount() == 6 and d.model.item(2, 2).text() == ""
    # rows numbered as in a spreadsheet, as the errors number them (the header is row 1)
    assert d.model.verticalHeaderItem(2).text() == "4"
    assert "one-hot" in d.kinds.text() and "colour" in d.kinds.text()
    d.target.setCurrentText("colour")
    assert "colour" not in d.kinds.text() and "kind" in d.kinds.text()
    d.header.setChecked(False)                               # the first row becomes data
    assert d.model.rowCount() == 7 and d.target.currentText() == "column 4"
    d.header.setChecked(True)
    choose(d.delimiter, ",")                                 # one column only
    assert d.model.columnCount() == 1
    d.reject()


def test_ok_reports_a_bad_cell_then_sets_the_section_in_one_undo_step(qtbot, window,
                                                                       tmp_path):
    (tmp_path / "t.csv").write_text(TABLE)
    from gui.csv_import import open_csv_import
    before, steps = dataset(window), window.document.undo_stack.count()
    d = open_csv_import(window, tmp_path / "t.csv")
    d.buttons.button(d.buttons.StandardButton.Ok).click()    # missing cells: refuse
    qtbot.waitUntil(lambda: "row 4, column 'weight'" in d.error.text(), timeout=PATIENCE_MS)
    assert d.isVisible() and dataset(window) == before
    choose(d.missing, "mean")
    choose(d.task, "classification")
    d.buttons.button(d.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=PATIENCE_MS)
    assert dataset(window) == {"name": "csv", "validation_split": 0.2, "params": {
        "path": "t.csv", "target": "kind", "task": "classification", "delimiter": ";",
        "header": True, "missing": "mean"}}
    assert window.document.undo_stack.count() == steps + 1
    assert "5 features" in window.status.currentMessage()
    window.document.undo_stack.undo()
    assert dataset(window) == before


def test_an_unreadable_file_is_refused_in_the_status_bar(window, tmp_path):
    from gui.csv_import import open_csv_import
    (tmp_path / "empty.csv").write_text("")
    assert open_csv_import(window, tmp_path / "empty.csv") is None
    assert "empty.csv is empty" in window.status.currentMessage()
    assert open_csv_import(window, tmp_path / "gone.csv") is None
    assert "gone.csv" in window.status.currentMessage()


def test_file_menu_import_csv_chooses_a_file_then_opens_the_dialog(qtbot, window, tmp_path,
                                                                     monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    (tmp_path / "t.csv").write_text(TABLE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: (str(tmp_path / "t.csv"), ""))
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Import &CSV…")
    action.trigger()
    assert opened_dialog(qtbot, window).path == tmp_path / "t.csv"
