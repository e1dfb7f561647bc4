"""The GUI monkey's guards (tests/gui/monkey.py): what fails a run (uncaught exceptions, Qt
warnings), dialogs that answer themselves, and waiting on a condition."""
from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

PATIENCE_S = 60.0           # ends a hung wait only (see tests/gui/waits.py)

# Qt messages that are not a problem, each with why. Anything else at warning level or
# above fails the run.
HARMLESS_QT_MESSAGES = {
    "This plugin does not support propagateSizeHints()":
        "the offscreen platform has no window manager to tell about size hints",
    "This plugin does not support raise()":
        "the offscreen platform has no window stack",
    "This plugin does not support grabbing the keyboard":
        "the offscreen platform (a combo box popup grabs it on a real desktop)",
}


class Guard:
    """Collects uncaught exceptions (sys.excepthook: PySide hands exceptions raised in slots
    and virtual methods to it) and Qt messages of warning level or above."""

    def __init__(self):
        self.problems: list[str] = []
        self._old_hook = self._old_handler = None

    def install(self) -> None:
        self._old_hook, sys.excepthook = sys.excepthook, self._hook
        self._old_handler = qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self._old_hook
        qInstallMessageHandler(self._old_handler)

    def _hook(self, kind, value, tb) -> None:
        self.problems.append("".join(traceback.format_exception(kind, value, tb)))

    def _qt_message(self, mode, context, message) -> None:
        if self._old_handler is not None:
            self._old_handler(mode, context, message)       # pytest-qt keeps its log
        elif mode == QtMsgType.QtFatalMsg:
            print(f"Qt fatal: {message}", file=sys.stderr, flush=True)    # Qt aborts next
        if mode == QtMsgType.QtDebugMsg or mode == QtMsgType.QtInfoMsg:
            return
        if any(m in message for m in HARMLESS_QT_MESSAGES):
            return
        self.problems.append(f"Qt {mode.name}: {message}")

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems


class Dialogs:
    """QMessageBox and QFileDialog static functions answered at once (a modal dialog would
    block the run). Answers come from ``rng()`` (the current action's Random)."""

    def __init__(self, rng, save_folder: Path, open_paths: list[Path]):
        self.rng, self.save_folder, self.open_paths = rng, save_folder, open_paths
        self.shown: list[str] = []
        self._saved: list[tuple[type, str, object]] = []

    def install(self) -> None:
        B = QMessageBox.StandardButton
        self._patch(QMessageBox, "warning", self._answer("warning", (B.Discard, B.Cancel, B.Save)))
        self._patch(QMessageBox, "question", self._answer("question", (B.Yes, B.No)))
        self._patch(QMessageBox, "critical", self._answer("critical", (B.Ok,)))
        self._patch(QMessageBox, "information", self._answer("information", (B.Ok,)))
        self._patch(QMessageBox, "about", self._answer("about", (None,)))
        self._patch(QFileDialog, "getOpenFileName", self._open_name)
        self._patch(QFileDialog, "getSaveFileName", self._save_name)

    def uninstall(self) -> None:
        for owner, name, old in reversed(self._saved):
            setattr(owner, name, old)
        self._saved.clear()

    def _patch(self, owner, name, function) -> None:
        self._saved.append((owner, name, owner.__dict__.get(name, getattr(owner, name))))
        setattr(owner, name, staticmethod(function))

    def _answer(self, kind, choices):
        def answer(_parent=None, title="", text="", *_args, **_kwargs):
            choice = self.rng().choice(choices)
            self.shown.append(f"{kind}: {title} -> {getattr(choice, 'name', choice)}")
            return choice
        return answer

    def _open_name(self, *_args, **_kwargs):
        path = self.rng().choice([*self.open_paths, ""])        # "": the user cancels
        self.shown.append(f"open: {Path(path).name if path else 'cancelled'}")
        return str(path), ""

    def _save_name(self, *_args, **_kwargs):
        rng = self.rng()
        name = rng.choice(["saved.nw.json", "plain", "", "no_such_dir/x.nw.json", "."])
        self.shown.append(f"save as: {name or 'cancelled'}")
        return (str(self.save_folder / name) if name else ""), ""


def wait_until(condition, what: str, timeout_s: float = PATIENCE_S) -> None:
    """Process events until ``condition()`` holds (checked every few ms, as qtbot does)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            what = what() if callable(what) else what
            raise TimeoutError(f"waited {timeout_s:.0f} s for {what}")
        QTest.qWait(5)


def type_text(widget, text: str) -> None:
    """Key presses for ``text``, then Enter. QTest types printable ASCII only (it aborts on
    others): other characters arrive as key events that carry just their text, as an input
    method delivers them."""
    for char in text:
        if " " <= char <= "~":
            QTest.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         char))
    QTest.keyClick(widget, Qt.Key.Key_Return)


class MonkeyFailure(AssertionError):
    pass
