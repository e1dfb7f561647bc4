"""Files: save/reopen, bad files, unsaved-changes prompts, recent files, examples,
autosave and crash recovery."""
import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.commands import SetParam
from gui.files import EXAMPLES_DIR, example_files, recovery_path

from tests.gui.conftest import quiet_close

Btn = QMessageBox.StandardButton


def edit(window, units=7):
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", units))


def answer(monkeypatch, name, button, calls=None):
    """Make QMessageBox.<name> return ``button`` (and record its texts in ``calls``)."""
    def fake(*args, **kwargs):
        if calls is not None:
            calls.append(args[1:3])
        return button
    monkeypatch.setattr(QMessageBox, name, staticmethod(fake))


def test_save_then_reopen_is_equal(main_window, tmp_path):
    w = main_window
    edit(w)
    path = tmp_path / "mine.nw.json"
    assert w.files.save_to(str(path))
    saved = w.document.to_dict()
    assert not w.document.is_modified and w.document.path == str(path)
    w.document.replace(type(w.document.network)())          # something else entirely
    assert w.files.load_path(str(path))
    assert w.document.to_dict() == saved
    assert w.files.recent_files()[0] == str(path.resolve())


def test_save_asks_for_a_name_when_untitled(main_window, tmp_path, monkeypatch):
    w = main_window
    target = tmp_path / "picked"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    assert w.file_actions["save"].isEnabled()
    w.file_actions["save"].trigger()
    assert w.document.path == str(target) + ".nw.json"
    assert json.loads(open(w.document.path).read())["nodes"][1]["id"] == "h1"


@pytest.mark.parametrize("content", [b"", b"{not json", b"\x89PNG\x00\x01",
                                     b'{"format": "netwright-network", "version": 99}',
                                     b'{"format": "netwright-network", "version": 1, '
                                     b'"nodes": [{"type": "Dense"}], "edges": []}'])
def test_bad_file_changes_nothing_and_shows_why(main_window, tmp_path, monkeypatch, content):
    w = main_window
    edit(w)
    before, index = w.document.to_dict(), w.document.undo_stack.index()
    bad = tmp_path / "bad.nw.json"
    bad.write_bytes(content)
    shown = []
    answer(monkeypatch, "critical", Btn.Ok, shown)
    assert not w.files.load_path(str(bad))
    assert w.document.to_dict() == before
    assert w.document.undo_stack.index() == index and w.document.is_modified
    assert len(shown) == 1 and "bad.nw.json" in shown[0][0]
    assert len(shown[0][1].splitlines()) >= 3          # title, blank, at least one problem


def test_readable_file_with_graph_problems_opens_and_shows_them(main_window, tmp_path):
    """Problems inside a well-formed file are fixable on the canvas: it opens, and the
    status bar counts them (a file that cannot be read at all opens nothing, above)."""
    w = main_window
    d = w.document.to_dict()
    d["nodes"][1]["type"] = "Dnse"                      # unknown type
    d["nodes"][3]["params"] = {"units": -1}             # out of range
    path = tmp_path / "two.nw.json"
    path.write_text(json.dumps(d))
    assert w.files.load_path(str(path))
    assert w.document.problem_count() >= 2
    text = w.status.problems_label.text() + w.status.problems_label.toolTip()
    assert "problems" in text and "Dnse" in text and "units" in text


@pytest.mark.parametrize("choice, expect_new", [(Btn.Cancel, False), (Btn.Discard, True)])
def test_new_with_unsaved_changes_asks(main_window, monkeypatch, choice, expect_new):
    w = main_window
    edit(w)
    calls = []
    answer(monkeypatch, "warning", choice, calls)
    w.file_actions["new"].trigger()
    assert len(calls) == 1 and "Save the changes" in calls[0][1]
    assert (w.document.network.nodes == []) is expect_new


def test_save_answer_saves_before_opening(main_window, tmp_path, monkeypatch):
    w = main_window
    path = tmp_path / "first.nw.json"
    w.files.save_to(str(path))
    edit(w, 9)
    answer(monkeypatch, "warning", Btn.Save)
    assert w.files.new()
    assert json.loads(path.read_text())["nodes"][1]["params"]["units"] == 9


def test_close_with_unsaved_changes_can_be_cancelled(main_window, monkeypatch):
    w = main_window
    w.show()
    edit(w)
    answer(monkeypatch, "warning", Btn.Cancel)
    assert not w.close()
    assert w.isVisible()


def test_title_shows_file_name_and_modified_mark(main_window, tmp_path):
    w = main_window
    w.files.save_to(str(tmp_path / "net.nw.json"))
    assert w.windowTitle().startswith("net.nw.json[*]")
    assert not w.isWindowModified()
    edit(w)
    assert w.isWindowModified()
    w.document.undo_stack.undo()
    assert not w.isWindowModified()


def test_recent_files_menu_opens_and_forgets_missing_files(main_window, tmp_path,
                                                           monkeypatch):
    w = main_window
    a, b = tmp_path / "a.nw.json", tmp_path / "b.nw.json"
    w.files.save_to(str(a))
    edit(w)
    w.files.save_to(str(b))
    assert w.files.recent_files()[:2] == [str(b.resolve()), str(a.resolve())]
    w.recent_menu.aboutToShow.emit()
    entries = [x for x in w.recent_menu.actions() if x.statusTip().endswith(".nw.json")]
    assert [x.statusTip() for x in entries] == [str(b.resolve()), str(a.resolve())]
    entries[1].trigger()
    assert w.document.path == str(a.resolve())
    assert w.document.node("h1")["params"]["units"] == 4
    a.unlink()
    answer(monkeypatch, "critical", Btn.Ok)
    assert not w.files.open_recent(str(a.resolve()))
    assert str(a.resolve()) not in w.files.recent_files()


def test_examples_menu_lists_the_examples_with_descriptions(main_window):
    w = main_window
    w.examples_menu.aboutToShow.emit()
    actions = [a for a in w.examples_menu.actions() if a.isEnabled()]
    examples = example_files()
    assert len(actions) == len(list(EXAMPLES_DIR.glob("*.nw.json"))) == len(examples)
    for action, (path, name, description) in zip(actions, examples):
        assert action.text() == name
        assert action.toolTip() == (description or path.name)
    actions[0].trigger()
    assert w.document.path is None                     # an example opens as a copy
    assert w.document.network.name == examples[0][1]


DEAD_PID = 2**22 + 12345          # above Linux's pid_max default: never a live process


def crash(path):
    """What a crash leaves: this process's recovery file, owned by a process now gone."""
    return path.rename(recovery_path(DEAD_PID))


def test_autosave_and_recovery_after_a_crash(main_window, qtbot, monkeypatch):
    from gui.main_window import MainWindow
    w = main_window
    edit(w, 11)
    w.files.autosave()
    assert recovery_path().exists()
    expected = w.document.to_dict()
    assert not w.files.offer_recovery()          # our own live file is no crash
    left = crash(recovery_path())
    other = MainWindow()                         # the next start-up finds it
    qtbot.addWidget(other, before_close_func=quiet_close)
    asked = []
    answer(monkeypatch, "question", Btn.Yes, asked)
    assert other.files.offer_recovery()
    assert len(asked) == 1
    assert other.document.to_dict() == expected
    assert other.document.is_modified and other.isWindowModified()
    assert not left.exists()


def test_recovery_declined_is_discarded(main_window, monkeypatch):
    w = main_window
    edit(w)
    w.files.autosave()
    left = crash(recovery_path())
    before = w.document.to_dict()
    answer(monkeypatch, "question", Btn.No)
    assert not w.files.offer_recovery()
    assert not left.exists() and w.document.to_dict() == before


def test_no_autosave_when_unmodified_and_saving_removes_it(main_window, tmp_path):
    w = main_window
    w.files.autosave()
    assert not recovery_path().exists()
    edit(w)
    w.files.autosave()
    assert recovery_path().exists()
    w.files.save_to(str(tmp_path / "x.nw.json"))
    assert not recovery_path().exists()
    edit(w, 5)
    w.files.autosave()
    w.document.undo_stack.undo()                 # back to the saved state
    w.files.autosave()
    assert not recovery_path().exists()


def test_autosave_runs_after_a_quiet_period(main_window, qtbot, monkeypatch):
    w = main_window
    w.files._quiet_timer.setInterval(50)
    edit(w)
    qtbot.waitUntil(lambda: recovery_path().exists(), timeout=3000)
