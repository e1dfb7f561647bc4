"""A GUI monkey: a seeded random sequence of what a hostile or clumsy user does, on a real
MainWindow (offscreen), failing at the first uncaught exception or unexpected Qt warning.

Used by tests/gui/test_monkey.py (a short run in the suite) and tests/gui/run_monkey.py (the
long run). Everything goes through the widgets or the code path they call: the palette's own
MIME data dragged and dropped on the canvas's viewport (drag enter, move, drop events), wires,
selections and card moves with mouse events, text typed into the inspector's editors, the
window's QActions. Dialogs answer themselves (monkey_guards.Dialogs). A run is never left
running between actions (train ends with Stop, step waits for its pause), so what an action
meets does not depend on the training process's speed. Each action draws from its own Random(seed, index),
so a run is a function of its seed, and a failure names the seed, the action index and the
log's tail: ``python tests/gui/run_monkey.py --seed S --actions N`` replays it.
"""
from __future__ import annotations

import random
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QLineEdit,
                               QWidget)

from gui.training.states import ACTIVE, RUNNING, STOPPING
from tests.gui.monkey_guards import Dialogs, Guard, MonkeyFailure, type_text, wait_until
from tests.gui.monkey_inputs import HOSTILE_CLIPBOARD, INVALID_TEXTS, hostile_files

__all__ = ["KNOWN_BUGS", "Monkey", "MonkeyFailure", "WEIGHTS", "close_window", "make_window",
           "refuse_download"]

# Actions that find bugs not fixed yet, kept out of a run unless asked for
# (run_monkey.py --risk FLAG), each flag naming its bug. A flag is an action kind of
# WEIGHTS, or a variant the actions check with ``self.risks(flag)``.
KNOWN_BUGS: dict[str, str] = {}      # none known now


# ---- the monkey --------------------------------------------------------------------------
WEIGHTS = {
    "drop_layer": 12, "wire": 12, "select": 8, "drag_card": 3, "delete": 5, "undo": 8,
    "redo": 5, "copy_cut_duplicate": 3, "paste_hostile": 5, "type_node_param": 10,
    "type_training_param": 6, "rename": 3, "open_hostile": 4, "open_example": 1,
    "new_file": 1, "save": 2, "train": 2, "step": 2, "stop": 2, "reset": 2,
    "switch_tab": 3, "side_by_side": 2, "view": 2, "dashboard_controls": 2,
}
NO_DOWNLOAD = "the monkey runs offline: MNIST files are not downloaded"


class Monkey:
    """Drives ``window`` with actions drawn from ``seed``; ``run(count)`` raises
    MonkeyFailure at the first problem (uncaught exception, Qt warning, hung wait)."""

    def __init__(self, window, seed: int, folder: Path, known_bugs=()):
        self.window, self.seed, self.folder = window, seed, Path(folder)
        self.known_bugs = set(known_bugs)       # the flags of KNOWN_BUGS this run risks
        self.kinds = list(WEIGHTS)
        self.left_out = 0
        self.log: list[str] = []
        self.index = -1
        self.before_action = lambda: None       # the long run's watchdog
        self._rng = random.Random(seed)
        self.files = hostile_files(self.folder / "hostile")
        (self.folder / "saves").mkdir(parents=True, exist_ok=True)
        self.guard = Guard()
        self.dialogs = Dialogs(lambda: self._rng, self.folder / "saves", self.files)
        self.counts = {"chunk": 0, "paused": 0, "ended": 0}
        session = window.training.session
        session.chunkArrived.connect(lambda _c: self._count("chunk"))
        session.pausedAt.connect(lambda _s: self._count("paused"))
        session.ended.connect(lambda _f: self._count("ended"))

    def _count(self, what: str) -> None:
        self.counts[what] += 1

    # ---- running -------------------------------------------------------------------------
    def run(self, count: int) -> dict:
        """``count`` actions; returns how often each kind ran. Raises MonkeyFailure."""
        ran = dict.fromkeys(self.kinds, 0)
        self.seconds = dict.fromkeys(self.kinds, 0.0)
        self.guard.install()
        self.dialogs.install()
        try:
            for i in range(count):
                self.index = i
                self._rng = random.Random(self.seed * 1_000_003 + i)
                kind = self._rng.choices(self.kinds, [WEIGHTS[k] for k in self.kinds])[0]
                if kind in KNOWN_BUGS and not self.risks(kind):
                    self.log.append(f"{i}: {kind} left out (known bug)")
                    self.left_out += 1
                    continue        # drawn all the same: the flags do not change the run
                start = time.perf_counter()
                self.before_action()
                self._do(kind)
                ran[kind] += 1
                self.seconds[kind] += time.perf_counter() - start
        finally:
            self.dialogs.uninstall()
            self.guard.uninstall()
        return ran

    def _do(self, kind: str) -> None:
        try:
            detail = getattr(self, kind)(self._rng) or ""
            self.log.append(f"{self.index}: {kind} {detail}".rstrip())
            QApplication.processEvents()
            self._settle()
        except Exception:               # noqa: BLE001 -- reported with the replay recipe
            self.log.append(f"{self.index}: {kind} (raised)")
            self.guard.problems.append(traceback.format_exc())
        problems = self.guard.take()
        if problems:
            raise MonkeyFailure(self.report(kind, problems))

    def report(self, kind: str, problems: list[str]) -> str:
        tail = "\n".join(self.log[-25:])
        dialogs = "\n".join(self.dialogs.shown[-5:])
        risks = "".join(f" --risk {flag}" for flag in sorted(self.known_bugs))
        return (f"GUI monkey failed: seed {self.seed}, action {self.index} ({kind}).\n"
                f"Replay: python tests/gui/run_monkey.py --seed {self.seed} "
                f"--actions {self.index + 1}{risks}\n\n" + "\n\n".join(problems)
                + f"\n\nLast actions:\n{tail}\n\nLast dialogs:\n{dialogs}")

    def _settle(self) -> None:
        """A run is never left running between actions: what the next action meets does
        not depend on how fast the training process is."""
        wait_until(lambda: self.state not in (RUNNING, STOPPING),
                   lambda: f"the run to settle (it is {self.state})")

    # ---- helpers -------------------------------------------------------------------------
    def risks(self, flag: str) -> bool:
        """Whether this run does what KNOWN_BUGS[flag] says breaks."""
        return flag in self.known_bugs

    @property
    def state(self):
        return self.window.training.state

    @property
    def scene(self):
        return self.window.view.scene()

    def _node_ids(self) -> list[str]:
        return list(self.window.document.network.node_ids())

    def _trigger(self, action) -> bool:
        """Trigger ``action`` as a click would; whether it was enabled (a user cannot
        trigger a disabled one)."""
        enabled = action.isEnabled()
        if enabled:
            action.trigger()
        return enabled

    def _view_point(self, scene_point: QPointF) -> QPoint:
        return self.window.view.mapFromScene(scene_point)

    def _show_item(self, item) -> None:
        self.window.view.ensureVisible(item, 20, 20)

    # ---- the canvas ----------------------------------------------------------------------
    def drop_layer(self, rng):
        """The palette's own MIME data (or a foreign payload) dragged onto the canvas's
        viewport and dropped (QGraphicsView hands it to the scene's dropEvent)."""
        palette = self.window.layer_palette
        types = [t for group in palette.groups().values() for t in group]
        if rng.random() < 0.9:
            name = rng.choice(types)
            mime = palette.tree.mimeData([palette.item_for(name)])
        else:
            payload = rng.choice([b"NoSuchLayer", b"", b"dense", b"Dense\n", b"\xff\xfeD"])
            name = payload
            mime = QMimeData()
            mime.setData("application/x-netwright-layer", payload)
        viewport = self.window.view.viewport()
        rect = viewport.rect()
        pos = QPointF(rng.randrange(rect.width()), rng.randrange(rect.height()))
        copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
        no_key = Qt.KeyboardModifier.NoModifier
        for event in (QDragEnterEvent(pos.toPoint(), copy, mime, left, no_key),
                      QDragMoveEvent(pos.toPoint(), copy, mime, left, no_key),
                      QDropEvent(pos, copy, mime, left, no_key)):
            QApplication.sendEvent(viewport, event)
        return repr(name)

    def _ports(self, node_id: str):
        item = self.scene.node_items.get(node_id)
        if item is None:
            return []
        return [p for p in [item.out_port, *item.in_ports] if p is not None]

    def wire(self, rng):
        """Press on a port, move, release on another port (or a card, or nowhere)."""
        ids = self._node_ids()
        if len(ids) < 2:
            return "too few nodes"
        src, dst = rng.choice(ids), rng.choice(ids)
        starts, ends = self._ports(src), self._ports(dst)
        if not starts or not ends:
            return "no ports"
        start, end = rng.choice(starts), rng.choice(ends)
        self._show_item(start)
        viewport = self.window.view.viewport()
        a = self._view_point(start.scenePos())
        b = self._view_point(end.scenePos()) if rng.random() < 0.85 else QPoint(5, 5)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
        QTest.mouseMove(viewport, (a + b) / 2)
        QTest.mouseMove(viewport, b)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
        return f"{src}.{start.kind} -> {dst}.{end.kind}"

    def select(self, rng):
        ids = self._node_ids()
        viewport = self.window.view.viewport()
        if not ids or rng.random() < 0.15:
            self.window.canvas_actions["select_all"].trigger() if rng.random() < 0.5 else \
                QTest.mouseClick(viewport, Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, QPoint(3, 3))
            return "all or none"
        nid = rng.choice(ids)
        item = self.scene.node_items[nid]
        self._show_item(item)
        modifier = rng.choice([Qt.KeyboardModifier.NoModifier] * 3
                              + [Qt.KeyboardModifier.ControlModifier])
        point = self._view_point(item.mapToScene(item.boundingRect().center()))
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, point)
        return f"{nid} {modifier.name}"

    def drag_card(self, rng):
        ids = self._node_ids()
        if not ids:
            return "no nodes"
        nid = rng.choice(ids)
        item = self.scene.node_items[nid]
        self._show_item(item)
        viewport = self.window.view.viewport()
        a = self._view_point(item.mapToScene(item.boundingRect().center()))
        b = a + QPoint(rng.randint(-150, 150), rng.randint(-150, 150))
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
        QTest.mouseMove(viewport, (a + b) / 2)
        QTest.mouseMove(viewport, b)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
        return nid

    def delete(self, rng):
        return f"enabled={self._trigger(self.window.canvas_actions['delete'])}"

    def undo(self, rng):
        return f"enabled={self._trigger(self.window.edit_actions['undo'])}"

    def redo(self, rng):
        return f"enabled={self._trigger(self.window.edit_actions['redo'])}"

    def copy_cut_duplicate(self, rng):
        name = rng.choice(["copy", "cut", "duplicate", "paste"])
        return f"{name} enabled={self._trigger(self.window.canvas_actions[name])}"

    def paste_hostile(self, rng):
        text = rng.choice(HOSTILE_CLIPBOARD)
        QGuiApplication.clipboard().setText(text)
        enabled = self._trigger(self.window.canvas_actions["paste"])
        return f"{text[:60]!r} enabled={enabled}"

    def view(self, rng):
        name = rng.choice(["zoom_in", "zoom_out", "fit", "auto_layout"])
        if name == "auto_layout":
            self._trigger(self.window.auto_layout_action)
        else:
            self._trigger(self.window.canvas_actions[name])
        return name

    # ---- the inspector: values typed into its editors ------------------------------------
    def _type_into(self, rng, editors) -> str:
        """One editor of ``editors``: text typed into a spin box or line edit and Enter,
        another item of a combo box, or a check box clicked."""
        if not editors:
            return "no editors"
        editor = rng.choice(editors)
        widget = rng.choice([w for w in editor.findChildren(QWidget) if isinstance(
            w, (QAbstractSpinBox, QLineEdit, QComboBox, QCheckBox))
            and not isinstance(w.parent(), QAbstractSpinBox)])       # a spin box's own edit
        name = editor.param.name
        if isinstance(widget, QComboBox):
            index = rng.randrange(widget.count())
            widget.setCurrentIndex(index)
            return f"{name} choose {widget.itemText(index)!r}"
        if isinstance(widget, QCheckBox):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
            return f"{name} click"
        if not widget.isEnabled():
            return f"{name} disabled"
        text = rng.choice(INVALID_TEXTS)
        line = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
        line.selectAll()
        type_text(widget, text)
        return f"{name} type {text!r}"

    def type_node_param(self, rng):
        ids = self._node_ids()
        if not ids:
            return "no nodes"
        nid = rng.choice(ids)
        self.scene.select_nodes([nid])
        form = self.window.inspector.node_page.form
        editors = list(form.editors.values()) if form is not None else []
        return f"{nid}: {self._type_into(rng, editors)}"

    def type_training_param(self, rng):
        self.scene.select_nodes([])
        page = self.window.inspector.training_page
        if rng.random() < 0.2:
            section = rng.choice([page.dataset, page.loss, page.optimizer, page.scheduler])
            names = [n for n in _combo_names(section.combo) if n not in ("mnist", "fashion_mnist")]
            name = rng.choice(names)
            section.combo.setCurrentText(name)
            return f"{section.title()} choose {name!r}"
        forms = [page.run_form, page.split_form] + [
            s.form for s in (page.dataset, page.optimizer, page.scheduler) if s.form]
        return self._type_into(rng, [e for f in forms for e in f.editors.values()])

    def rename(self, rng):
        ids = self._node_ids()
        if not ids:
            return "no nodes"
        nid = rng.choice(ids)
        self.scene.select_nodes([nid])
        new = rng.choice(["", " ", rng.choice(ids), "x" * 300, "a b", "\x1b[31m", "ok_name",
                          "日本", "in"])
        edit = self.window.inspector.node_page.id_edit
        edit.selectAll()
        type_text(edit, new)
        return f"{nid} -> {new!r}"

    # ---- files ---------------------------------------------------------------------------
    def open_hostile(self, rng):
        self._trigger(self.window.file_actions["open"])
        return self.dialogs.shown[-1] if self.dialogs.shown else ""

    def open_example(self, rng):
        self.window._fill_examples_menu()
        actions = [a for a in self.window.examples_menu.actions() if a.isEnabled()]
        action = rng.choice(actions)
        action.trigger()
        return action.text()

    def new_file(self, rng):
        self._trigger(self.window.file_actions["new"])

    def save(self, rng):
        key = rng.choice(["save", "save_as"])
        self._trigger(self.window.file_actions[key])
        return f"{key} {self.dialogs.shown[-1] if self.dialogs.shown else ''}"

    # ---- training: the run is left paused, stopped or finished, never running --------------
    def _trainable(self, rng) -> str:
        """Random graphs seldom train: half the time, a network with problems is first
        swapped for an example (through File > Examples) so that runs really start."""
        doc = self.window.document
        if self.state in ACTIVE or doc.problem_count() == 0 or rng.random() < 0.5:
            return ""
        return f"after opening {self.open_example(rng)}: "

    def train(self, rng):
        """Train (or Resume / Continue) until the first chunk, perhaps Pause, then Stop."""
        actions = self.window.training_actions
        opened = self._trainable(rng)
        before = dict(self.counts)
        if not self._trigger(actions["train"]):
            return opened + "disabled"
        wait_until(lambda: self.state not in ACTIVE or self.counts["chunk"] > before["chunk"]
                   or self.counts["ended"] > before["ended"], "the first chunk")
        if rng.random() < 0.4 and self._trigger(actions["pause"]):
            wait_until(lambda: self.state != RUNNING, "the pause")
        self._trigger(actions["stop"])
        wait_until(lambda: self.state not in ACTIVE, "the stop")
        return f"{opened}{self.state} at step {self._step()}"

    def _step(self):
        process = self.window.training.session.process
        return process.step if process is not None else None

    def step(self, rng):
        opened = self._trainable(rng)
        before = dict(self.counts)
        if not self._trigger(self.window.training_actions["step"]):
            return opened + "disabled"
        wait_until(lambda: self.state not in ACTIVE or self.counts["paused"] > before["paused"]
                   or self.counts["ended"] > before["ended"], "the step's answer")
        return f"{opened}{self.state} at step {self._step()}"

    def stop(self, rng):
        enabled = self._trigger(self.window.training_actions["stop"])
        wait_until(lambda: self.state not in ACTIVE, "the stop")
        return f"enabled={enabled}"

    def reset(self, rng):
        enabled = self._trigger(self.window.training_actions["reset"])
        wait_until(lambda: self.state not in ACTIVE, "the stop before the reset")
        return f"enabled={enabled}"

    # ---- the dashboard -------------------------------------------------------------------
    def switch_tab(self, rng):
        tabs = self.window.training.dashboard.tabs
        if tabs.count():
            tabs.tabBar().setCurrentIndex(rng.randrange(tabs.count()))
        return tabs.tabText(tabs.currentIndex())

    def side_by_side(self, rng):
        check = self.window.training.dashboard.side_check
        QTest.mouseClick(check, Qt.MouseButton.LeftButton)
        return f"on={check.isChecked()}"

    def dashboard_controls(self, rng):
        d = self.window.training.dashboard
        choice = rng.choice(["lr", "sample", "log", "x", "clear"])
        if choice == "lr":
            return "lr " + self._type_into(rng, [d.lr_editor])
        if choice == "sample":
            d.sample_spin.setValue(rng.randint(-5, 500))
        elif choice == "log":
            QTest.mouseClick(d.log_check, Qt.MouseButton.LeftButton)
        elif choice == "x":
            d.x_combo.setCurrentIndex(rng.randrange(d.x_combo.count()))
        else:
            QTest.mouseClick(d.clear_button, Qt.MouseButton.LeftButton)
        return choice


def _combo_names(combo) -> list[str]:
    from gui.training_inspector import combo_names
    return combo_names(combo)


def refuse_download(remote, *_args, **_kwargs):
    """Stands for engine.data.download.download_verified: downloads fail at once, as they
    do offline (a run must not touch the network)."""
    from engine.errors import DataError
    raise DataError(f"could not download {getattr(remote, 'name', remote)} ({NO_DOWNLOAD})")


def make_window():
    """A shown MainWindow on the XOR example (set NETWRIGHT_DATA_DIR and replace
    download_verified by refuse_download first)."""
    from gui.main_window import MainWindow
    window = MainWindow()
    window.files.load_default()
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.training._dashboard is not None, "the dashboard")
    return window


def close_window(window) -> None:
    window.document.undo_stack.setClean()
    window.training.shutdown()
    window.close()
