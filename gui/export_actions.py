"""File > Export > PyTorch project... / ONNX model...: the network carried out of Netwright
(engine/export), with the current run's weights when there is a run of this network, else
the seeded initial weights its next run would start from. The dialog says which.

The window's copy of a run's weights is the one its training process sends at every pause
and at the end (TrainingProcess.model_step): a running run is paused first, so the export
holds the weights of the step the status bar shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox,
                               QPushButton, QVBoxLayout)

from gui.i18n import translate
from engine.graph.network import run_key
from gui.training.states import PAUSED, RUNNING, STOPPING


@dataclass(frozen=True)
class Target:
    name: str            # the engine's exporter (main.py export --to NAME)
    title: str           # the menu's and the dialog's words (English: translate to show)
    folder: bool         # a folder (a project) or one file
    suffix: str          # the suggested name's ending
    what: str            # a sentence on what is written (English: translate to show)

    def shown_title(self) -> str:
        return translate("Export", self.title)

    def shown_what(self) -> str:
        return translate("Export", self.what)


TARGETS = (
    Target("pytorch", QT_TRANSLATE_NOOP("Export", "PyTorch project"), True, "_pytorch",
           QT_TRANSLATE_NOOP("Export", "A folder with model.py, weights.pt, data.npz, train.py "
                                       "(one process or torchrun) and README.md; it needs only "
                                       "torch and numpy.")),
    Target("onnx", QT_TRANSLATE_NOOP("Export", "ONNX model"), False, ".onnx",
           QT_TRANSLATE_NOOP("Export", "One .onnx file (opset 17): input 'input' with any "
                                       "batch size, output 'output'.")),
)


# which weights are exported: in English in the project's README, translated in the window
NOTE_RUN = QT_TRANSLATE_NOOP("Export", "the current run's weights at step {step:,} ({epochs} of "
                                       "{total} epochs done)")
NOTE_RUN_START = QT_TRANSLATE_NOOP("Export", "the current run's initial weights (step 0)")
NOTE_SEEDED = QT_TRANSLATE_NOOP("Export", "the seeded initial weights (seed {seed}): {why}")
WHY_UNTRAINED = QT_TRANSLATE_NOOP("Export", "no run has trained it yet")
WHY_CHANGED = QT_TRANSLATE_NOOP("Export", "the network changed after the last run")


@dataclass
class Source:
    """What is exported: the network, a compiled model holding the weights, the run's data
    (None: loaded from the training section) and the words that say which weights (in
    English for the README, and as the window shows them)."""
    network: object
    model: object
    dataset: object
    note: str
    shown_note: str = ""


class ExportActions(QObject):
    """Adds File > Export to ``window`` (after Save As) and runs the exports."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = QMenu(translate("Export", "&Export"), window)
        self.menu.setToolTipsVisible(True)
        self.actions = {}
        for target in TARGETS:
            action = self.menu.addAction(f"{target.shown_title()}…")
            action.setStatusTip(translate("Export", "Export the network as a {title}: {what}")
                                .format(title=target.shown_title(), what=target.shown_what()))
            action.setToolTip(target.shown_what())
            action.triggered.connect(lambda _=False, t=target: self.export(t))
            self.actions[target.name] = action
        self._insert_menu(window)
        self._waiting = None

    def _insert_menu(self, window) -> None:
        file_menu = getattr(window, "menus", {}).get("file")
        if file_menu is None:
            return
        items = file_menu.actions()
        quit_action = window.file_actions.get("quit")
        at = items.index(quit_action) if quit_action in items else len(items)
        before = items[at - 1] if at > 0 and items[at - 1].isSeparator() else quit_action
        file_menu.insertMenu(before, self.menu)

    # ---- the flow ------------------------------------------------------------------------
    def export(self, target: Target) -> None:
        """Pause a running run first (its weights reach the window at the pause), then ask
        where, then write."""
        controller = self.window.training
        process = controller.session.process
        stale = process is not None and process.model_step != process.step
        if controller.state == RUNNING or controller.state == STOPPING or (
                controller.state == PAUSED and stale):
            self._after_pause(lambda: self._ask_and_write(target))
            if controller.state == RUNNING:
                controller.pause()
            return
        self._ask_and_write(target)

    def _after_pause(self, callback) -> None:
        session = self.window.training.session
        if self._waiting is not None:
            return                              # already waiting: one dialog at a time

        def go(*_args):
            session.pausedAt.disconnect(go)
            session.ended.disconnect(go)
            self._waiting = None
            callback()
        self._waiting = go
        session.pausedAt.connect(go)
        session.ended.connect(go)

    def _ask_and_write(self, target: Target) -> None:
        try:
            source = self.source()
        except Exception as e:    # noqa: BLE001 -- bad input of any kind: say why, never crash
            self._problem(target, e)
            return
        dialog = ExportDialog(self.window, target, source.shown_note, self._suggested(target))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.write(target, source, dialog.path())

    def write(self, target: Target, source: Source, out: str) -> bool:
        """Export now (a wait cursor meanwhile); a problem is shown in a message box."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            line = run_exporter(target, source, out)
        except Exception as e:    # noqa: BLE001 -- bad input of any kind: say why, never crash
            QApplication.restoreOverrideCursor()
            self._problem(target, e)
            return False
        QApplication.restoreOverrideCursor()
        self.window.status.showMessage(f"{line} ({source.shown_note})", 10000)
        QMessageBox.information(self.window, translate("Export", "{title} exported").format(
            title=target.shown_title()), translate("Export", "{line}\n\nWeights: {note}.").format(
                line=line, note=source.shown_note))
        return True

    def _problem(self, target: Target, e: Exception) -> None:
        from gui.files import error_messages
        text = "\n".join(error_messages(e)) or type(e).__name__
        QMessageBox.warning(self.window, translate("Export", "Cannot export the {title}").format(
            title=target.shown_title()), text)

    # ---- what is exported ------------------------------------------------------------------
    def source(self) -> Source:
        """The run's weights if the window holds a run of this very network, else the seeded
        initial weights (of the seed the next run starts from)."""
        controller, document = self.window.training, self.window.document
        trainer = controller.session.trainer
        network = document.network
        if trainer is not None and run_key(trainer.network.to_dict()) == run_key(
                document.to_dict()):
            step = controller.session.process.model_step
            return Source(network, trainer.model, trainer.dataset, *run_note(trainer, step))
        from engine.graph.compiler import compile_network
        seed = int((network.training or {}).get("seed", 0) or 0) + controller.seed_offset
        why = WHY_UNTRAINED if trainer is None else WHY_CHANGED
        return Source(network, compile_network(network, seed=seed), None,
                      NOTE_SEEDED.format(seed=seed, why=why),
                      translate("Export", NOTE_SEEDED).format(seed=seed,
                                                              why=translate("Export", why)))

    def _suggested(self, target: Target) -> str:
        path = self.window.document.path
        folder = Path(path).parent if path else Path.home()
        stem = Path(path).name.split(".")[0] if path else (
            "".join(c for c in self.window.document.network.name if c.isalnum()) or "network")
        return str(folder / f"{stem}{target.suffix}")


def run_note(trainer, step: int) -> tuple[str, str]:
    """Which weights a run holds: (English, as the window shows it)."""
    if not step:
        return NOTE_RUN_START, translate("Export", NOTE_RUN_START)
    fields = {"step": step, "epochs": trainer.epoch, "total": trainer.epochs}
    return NOTE_RUN.format(**fields), translate("Export", NOTE_RUN).format(**fields)


def run_exporter(target: Target, source: Source, out: str) -> str:
    """The engine's exporter for ``target``; the PyTorch project also gets the run's data
    and the note on its weights for its README."""
    if target.name == "pytorch":
        from engine.export.pytorch import export_project
        return export_project(source.network, source.model, Path(out), source.note,
                              dataset=source.dataset)
    import importlib
    from engine.export import EXPORTERS
    importlib.import_module("engine.export.targets")     # fills EXPORTERS
    return EXPORTERS[target.name](source.network, source.model, Path(out))


class ExportDialog(QDialog):
    """Where to write, with the weights that will be written said above it."""

    def __init__(self, parent, target: Target, note: str, suggested: str):
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(translate("Export", "Export {title}").format(
            title=target.shown_title()))
        layout = QVBoxLayout(self)
        what = QLabel(target.shown_what(), self)
        what.setWordWrap(True)
        self.weights_label = QLabel(translate("Export", "<b>Weights:</b> {note}.").format(
            note=_escaped(note)), self)
        self.weights_label.setWordWrap(True)
        self.weights_label.setObjectName("export_weights")
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Export", "Folder:") if target.folder
                             else translate("Export", "File:"), self))
        self.path_edit = QLineEdit(suggested, self)
        self.path_edit.setMinimumWidth(420)
        row.addWidget(self.path_edit, 1)
        browse = QPushButton(translate("Export", "Browse…"), self)
        browse.clicked.connect(self.browse)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(translate("Export", "Export"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        for widget in (what, self.weights_label):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def path(self) -> str:
        return self.path_edit.text().strip()

    def browse(self) -> None:
        if self.target.folder:
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("Export", "New folder for the project"), self.path(),
                translate("Export", "Folder (*)"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("Export", "ONNX model"), self.path(),
                translate("Export", "ONNX model (*.onnx)"))
        if chosen:
            self.path_edit.setText(chosen)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
