"""Issue 13, item 14: saving replaced a read-only file without a word (the atomic save renames
a new file over it, which only the folder's permission stops). It is refused, with Save As
offered; a save that fails half-way leaves the old file as it was."""
import errno
import os

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.test_files import edit


@pytest.fixture
def read_only_file(main_window, tmp_path):
    path = tmp_path / "locked.nw.json"
    assert main_window.files.save_to(str(path))
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def choose(monkeypatch, button_text):
    """The read-only dialog: record its text and press the button named ``button_text``."""
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_a_read_only_file_is_not_replaced(main_window, read_only_file, monkeypatch):
    w = main_window
    before = read_only_file.read_bytes()
    edit(w, 9)
    shown = choose(monkeypatch, "Cancel")
    assert not w.files.save()
    assert len(shown) == 1 and "read-only, so it was not changed" in shown[0]
    assert read_only_file.read_bytes() == before
    assert read_only_file.stat().st_mode & 0o777 == 0o444
    assert w.document.is_modified                      # the edit is still unsaved work


def test_save_as_from_the_read_only_message_saves_elsewhere(main_window, read_only_file,
                                                            monkeypatch, tmp_path):
    w = main_window
    before = read_only_file.read_bytes()
    edit(w, 9)
    choose(monkeypatch, "Save As…")
    other = tmp_path / "copy.nw.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(other), "")))
    assert w.files.save()
    assert read_only_file.read_bytes() == before
    assert w.document.path == str(other) and not w.document.is_modified
    assert '"units": 9' in other.read_text()


def test_closing_with_unsaved_work_on_a_read_only_file_is_cancelled(main_window,
                                                                   read_only_file,
                                                                   monkeypatch):
    w = main_window
    edit(w, 9)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    choose(monkeypatch, "Cancel")
    assert not w.files.maybe_save()          # Save refused, so nothing is thrown away
    assert w.document.is_modified


def test_a_save_that_fails_leaves_the_old_file_whole(main_window, tmp_path, monkeypatch):
    w = main_window
    path = tmp_path / "net.nw.json"
    assert w.files.save_to(str(path))
    before = path.read_bytes()
    edit(w, 9)
    errors = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, title, text: errors.append(text)))

    def full_disk(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", full_disk)
    assert not w.files.save()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["net.nw.json"]
    assert len(errors) == 1 and "No space left" in errors[0]
    assert w.document.is_modified
