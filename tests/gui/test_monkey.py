"""The GUI monkey in the suite: a seeded run of random user actions on a real window must
raise nothing and make Qt warn of nothing (tests/gui/monkey.py says what it does; the long
run is tests/gui/run_monkey.py). The action kinds of monkey.KNOWN_BUGS are left out, each
naming the bug it finds, until that bug is fixed."""
from __future__ import annotations

import pytest

from tests.gui import monkey, monkey_guards

SEED = 20261130
ACTIONS = 250        # about 20 s alone on 2 cores, 25-45 s with eight engineers running theirs


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from engine.data import download
    monkeypatch.setenv("NETWRIGHT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(download, "download_verified", monkey.refuse_download)
    window = monkey.make_window()
    qtbot.addWidget(window, before_close_func=monkey.close_window)
    return window


def test_every_known_bug_flag_says_where_the_bug_is():
    for flag, bug in monkey.KNOWN_BUGS.items():
        assert "gui/" in bug or "issue" in bug, flag


def test_random_user_actions_raise_nothing_and_qt_warns_of_nothing(window, tmp_path):
    runner = monkey.Monkey(window, SEED, tmp_path)
    ran = runner.run(ACTIONS)        # raises MonkeyFailure naming the seed and the action
    assert sum(ran.values()) + runner.left_out == ACTIONS
    tried = {kind for kind, n in ran.items() if n}
    assert {"drop_layer", "wire", "type_node_param", "open_hostile", "train"} <= tried


def test_the_guard_catches_an_exception_in_a_slot_and_a_qt_warning(qtbot):
    from PySide6.QtCore import QObject, QTimer, Signal, qWarning

    class Emitter(QObject):
        fired = Signal()

    def broken_slot():
        raise ValueError("broken slot")
    guard = monkey_guards.Guard()
    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    guard.install()
    try:
        emitter.fired.emit()
        qWarning("something is wrong")
        qWarning(next(iter(monkey_guards.HARMLESS_QT_MESSAGES)))
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(guard.problems) >= 3)
    finally:
        guard.uninstall()
    problems = guard.take()
    assert len(problems) == 3
    assert "ValueError: broken slot" in problems[0] and "ValueError" in problems[2]
    assert problems[1] == "Qt QtWarningMsg: something is wrong"
