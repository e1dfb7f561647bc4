"""Issue 13, item 2: restored work survives a second crash. Restore used to delete the
recovery file, and the restored window wrote a new one only at its next edit or autosave: a
crash in between lost the work."""
import json

from PySide6.QtWidgets import QMessageBox

from gui.files import recovery_path
from tests.gui.conftest import quiet_close
from tests.gui.test_files import DEAD_PID, answer, crash, edit

Btn = QMessageBox.StandardButton


def restored_window(qtbot, monkeypatch):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=quiet_close)
    window.files.autosave_enabled = False        # no autosave: only what Restore keeps
    answer(monkeypatch, "question", Btn.Yes)
    assert window.files.offer_recovery()
    return window


def test_restored_work_survives_a_second_crash_until_saved(main_window, qtbot, monkeypatch,
                                                           tmp_path):
    w = main_window
    edit(w, 13)
    w.files.autosave()
    expected = w.document.to_dict()
    crash(recovery_path())

    first = restored_window(qtbot, monkeypatch)
    assert first.document.to_dict() == expected
    # the second crash, right after Restore (no clean close, no autosave): still recoverable
    assert recovery_path().exists()
    assert json.loads(recovery_path().read_text())["network"] == expected
    crash(recovery_path())
    second = restored_window(qtbot, monkeypatch)
    assert second.document.to_dict() == expected

    # saved: the recovery file has done its work
    assert second.files.save_to(str(tmp_path / "saved.nw.json"))
    assert not recovery_path().exists()
    assert not recovery_path(DEAD_PID).exists()


def test_an_autosave_after_restore_replaces_the_kept_file(main_window, qtbot, monkeypatch):
    w = main_window
    edit(w, 13)
    w.files.autosave()
    crash(recovery_path())
    restored = restored_window(qtbot, monkeypatch)
    restored.files.autosave_enabled = True
    edit(restored, 21)
    restored.files.autosave()
    kept = json.loads(recovery_path().read_text())["network"]
    assert kept == restored.document.to_dict()
    assert kept["nodes"][1]["params"]["units"] == 21
