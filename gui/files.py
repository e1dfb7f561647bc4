"""Open, save, recent files, examples and crash recovery for the main window.

Every way a network enters the window goes through ``FileController.load_path``: a file
that cannot be read opens nothing, shows all its problems in one dialog and leaves the
current document as it was. Saving uses the engine's atomic ``Network.save``.
"""
from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from engine.errors import GraphError, NetworkFileError
from engine.files import atomic_write_text
from engine.graph.network import Network, folder_of
from gui.i18n import translate

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
EXAMPLES_DIR = RESOURCES / "examples"
DEFAULT_EXAMPLE = EXAMPLES_DIR / "xor_mlp.nw.json"
FILE_FILTER = QT_TRANSLATE_NOOP("Files", "Netwright networks (*.nw.json);;JSON files (*.json);;"
                                         "All files (*)")
MAX_RECENT = 8
AUTOSAVE_MS = 30_000          # a steady autosave while the document is modified ...
QUIET_MS = 3_000              # ... and one shortly after the user stops editing

# Used when the examples folder is missing (a bare checkout): the XOR MLP of DESIGN.md.
BUILTIN_XOR = {
    "format": "netwright-network", "version": 1, "name": "XOR",
    "description": "A 2-4-1 MLP that solves XOR.",
    "nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}},
        {"id": "h1", "type": "Dense", "params": {"units": 4}, "ui": {"x": 200, "y": 0}},
        {"id": "a1", "type": "Tanh", "params": {}, "ui": {"x": 400, "y": 0}},
        {"id": "out", "type": "Dense", "params": {"units": 1}, "ui": {"x": 600, "y": 0}},
        {"id": "p", "type": "Sigmoid", "params": {}, "ui": {"x": 800, "y": 0}},
    ],
    "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "a1"},
              {"from": "a1", "to": "out"}, {"from": "out", "to": "p"}],
    "training": {
        "dataset": {"name": "xor", "params": {"samples": 400, "noise": 0.1},
                    "validation_split": 0.2},
        "loss": "bce", "optimizer": {"name": "adam", "lr": 0.03},
        "scheduler": {"name": "none"}, "batch_size": 32, "epochs": 200, "seed": 0,
    },
}


def file_filter() -> str:
    return translate("Files", FILE_FILTER)


def cannot_open(path) -> str:
    """The title of the dialog that lists why ``path`` did not open."""
    return translate("Files", "Cannot open {name}").format(name=Path(path).name)


def data_dir() -> Path:
    """$NETWRIGHT_DATA_DIR (tests) or the user data folder."""
    folder = os.environ.get("NETWRIGHT_DATA_DIR")
    if not folder:
        import platformdirs
        folder = platformdirs.user_data_dir("Netwright", "Netwright")
    return Path(folder)


def recovery_path(pid: int | None = None) -> Path:
    """Where this process autosaves: one file per process, so two windows open at once
    never take each other's work for a crash."""
    return data_dir() / f"recovery-{os.getpid() if pid is None else pid}.nw.json"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True              # it exists (another user's) or we cannot tell: leave it
    return True


def orphaned_recoveries() -> list[Path]:
    """Recovery files of processes that are gone (crashed), newest first."""
    found = []
    for path in data_dir().glob("recovery-*.nw.json"):
        pid = path.name[len("recovery-"):-len(".nw.json")]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def error_messages(exc: Exception) -> list[str]:
    """Every problem an engine error carries, one message each."""
    return [str(e) for e in getattr(exc, "errors", None) or [exc]]


def read_network(path: str | os.PathLike) -> Network:
    """Load a network file; raises NetworkFileError / GraphError(s) / ValueError."""
    return Network.load(path)


def is_read_only(path: str | os.PathLike) -> bool:
    """True for an existing file that may not be written: saving renames a new file over
    the old one, which only needs the folder to be writable, so a read-only file was
    replaced without a word. Its mode decides too, since root may write anything."""
    try:
        st = os.stat(path)
    except OSError:
        return False                 # no such file: the folder decides
    return stat.S_ISREG(st.st_mode) and (not st.st_mode & 0o222
                                         or not os.access(path, os.W_OK))


def write_network(network: Network, path: str | os.PathLike) -> None:
    network.save(path)          # atomic (engine.files.atomic_write)


def example_files() -> list[tuple[Path, str, str]]:
    """(path, name, description) of every bundled example, sorted by file name."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.nw.json")):
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            out.append((path, str(d.get("name") or path.stem), str(d.get("description", ""))))
        except (OSError, ValueError):
            continue
    return out


class FileController(QObject):
    """File actions of one window and its document."""

    recentChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, window: QWidget, document, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.document = document
        self.autosave_enabled = True
        self.interactive = True        # False (screenshots): errors go to stderr, no dialogs
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._quiet_timer = QTimer(self, interval=QUIET_MS, singleShot=True)
        self._quiet_timer.timeout.connect(self.autosave)
        # bound methods, not lambdas: Qt drops the connection when this object goes
        document.undo_stack.indexChanged.connect(self._on_edit)

    # ---- reading ---------------------------------------------------------------------------
    def load_path(self, path: str | os.PathLike, remember: bool = True) -> bool:
        """Open ``path`` into the document; on any problem show them all and change nothing."""
        try:
            network = read_network(path)
        except (NetworkFileError, GraphError, ValueError, OSError) as e:
            self.show_errors(cannot_open(path), error_messages(e))
            return False
        self.document.replace(network, str(path))
        if remember:
            self.add_recent(str(path))
        self.statusMessage.emit(translate("Files", "Opened {path}").format(path=path))
        return True

    def load_example(self, path: str | os.PathLike) -> bool:
        """Open an example as an untitled copy, so Save asks where instead of overwriting it."""
        if not self.maybe_save():
            return False
        try:
            network = read_network(path)
        except (NetworkFileError, GraphError, ValueError, OSError) as e:
            self.show_errors(cannot_open(path), error_messages(e))
            return False
        self.document.replace(network, None)
        self.statusMessage.emit(translate("Files", "Opened the example {name}").format(
            name=repr(network.name)))
        return True

    def load_default(self) -> None:
        """The XOR example (or its built-in copy when the file is missing)."""
        if DEFAULT_EXAMPLE.exists():
            try:
                self.document.replace(read_network(DEFAULT_EXAMPLE), None)
                return
            except (NetworkFileError, GraphError, ValueError, OSError):
                pass
        self.document.replace(Network.from_dict(BUILTIN_XOR), None)

    # ---- user actions ----------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.replace(Network(), None)
        return True

    def open(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, translate("Files", "Open network"),
                                              self._start_dir(), file_filter())
        return bool(path) and self.load_path(path)

    def open_recent(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        if not Path(path).exists():
            self.remove_recent(path)
            self.show_errors(translate("Files", "File not found"), [translate(
                "Files", "{path} no longer exists; it was removed from the recent files."
            ).format(path=path)])
            return False
        return self.load_path(path)

    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or str(Path(self._start_dir()) / self._file_stem())
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("Files", "Save network as"), suggested, file_filter())
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".nw.json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        if is_read_only(path):
            return self._refuse_read_only(path)
        rebased = self._keep_data_paths(path)
        try:
            write_network(self.document.network, path)
        except (OSError, ValueError, NetworkFileError) as e:
            if rebased:
                self.document.undo_stack.undo()
            self.show_errors(translate("Files", "Cannot save"), [f"{path}: {e}"])
            return False
        self.document.mark_saved(str(path))
        self.add_recent(str(path))
        self.discard_recovery()
        self.statusMessage.emit(translate("Files", "Saved {path}").format(path=path))
        return True

    def _keep_data_paths(self, path: str) -> bool:
        """Saving into another folder: the dataset's relative paths are re-written from
        there (one undo step), so they still find the data. True if they changed."""
        from engine.data.paths import rebased_section
        from gui.commands import SetTraining
        net = self.document.network
        section = net.training.get("dataset") if net.has_training else None
        moved = rebased_section(section, net.folder, folder_of(path))
        if moved is section:
            return False
        command = SetTraining(self.document, {**net.training, "dataset": moved})
        command.setText(translate("Files", "Keep the data paths from the new folder"))
        self.document.undo_stack.push(command)
        return True

    def _refuse_read_only(self, path: str) -> bool:
        """A read-only file is not replaced: say so and offer Save As (True once saved)."""
        text = translate("Files", "{path} is read-only, so it was not changed.\n\nSave the "
                                  "network under another name with Save As, or make the file "
                                  "writable and save again.").format(path=path)
        if not self.interactive:
            print(f"error: {path} is read-only: not saved", file=sys.stderr)
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Files", "Read-only file"), text,
                          QMessageBox.StandardButton.Cancel, self.window)
        save_as = box.addButton(translate("Files", "Save As…"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        return box.clickedButton() is save_as and self.save_as()

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True to go on."""
        if not self.document.is_modified:
            return True
        untitled = translate("Files", "Untitled")
        name = Path(self.document.path).name if self.document.path else untitled
        answer = QMessageBox.warning(
            self.window, translate("Files", "Unsaved changes"),
            translate("Files", "Save the changes to {name} before closing it?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def show_errors(self, title: str, messages: list[str]) -> None:
        if not self.interactive:
            for m in messages:
                print(f"error: {m}", file=sys.stderr)
            return
        text = "\n".join(f"• {m}" for m in messages)
        QMessageBox.critical(self.window, title, f"{title}:\n\n{text}")

    # ---- recent files ----------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = QSettings().value("recentFiles", [])
        if isinstance(value, str):      # QSettings gives a bare string for a 1-item list
            value = [value]
        return [str(v) for v in value or []]

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue("recentFiles", files[:MAX_RECENT])
        self.recentChanged.emit()

    def remove_recent(self, path: str) -> None:
        QSettings().setValue("recentFiles", [p for p in self.recent_files() if p != path])
        self.recentChanged.emit()

    def clear_recent(self) -> None:
        QSettings().setValue("recentFiles", [])
        self.recentChanged.emit()

    # ---- autosave and recovery ---------------------------------------------------------------
    def _on_edit(self, _index: int) -> None:
        self._quiet_timer.start()

    def autosave(self) -> None:
        """Write the document (and the path it came from) to the recovery file if modified."""
        if not self.autosave_enabled:
            return
        if not self.document.is_modified:     # back to the saved state: nothing to recover
            self.discard_recovery()
            return
        target = recovery_path()
        payload = {"path": self.document.path, "network": self.document.to_dict()}
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(target, json.dumps(payload))
        except OSError as e:
            self.statusMessage.emit(translate("Files", "Autosave failed: {error}").format(
                error=e))

    def discard_recovery(self, path: Path | None = None) -> None:
        try:
            (path or recovery_path()).unlink(missing_ok=True)
        except OSError:
            pass

    def offer_recovery(self) -> bool:
        """At start-up: if a crashed run left a recovery file, offer to restore it (the
        newest; older ones are stale and removed)."""
        orphans = orphaned_recoveries()
        if not orphans:
            return False
        target, stale = orphans[0], orphans[1:]
        for path in stale:
            self.discard_recovery(path)
        try:
            payload = json.loads(target.read_text(encoding="utf-8"))
            network = Network.from_dict(payload["network"])
        except (OSError, ValueError, KeyError, TypeError, NetworkFileError, GraphError):
            self.discard_recovery(target)   # unreadable: nothing worth offering
            return False
        answer = QMessageBox.question(
            self.window, translate("Files", "Restore unsaved work?"),
            translate("Files", "Netwright did not close properly last time. Restore the unsaved "
                               "network {name}?").format(name=repr(network.name)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            self.discard_recovery(target)
            return False
        self._adopt_recovery(target)
        self.document.replace(network, payload.get("path"))
        self.document.undo_stack.resetClean()      # restored work is unsaved work
        self.statusMessage.emit(translate("Files", "Restored the unsaved network"))
        return True

    def _adopt_recovery(self, orphan: Path) -> None:
        """The crashed process's recovery file becomes this process's, in one rename: the
        restored work stays recoverable until it is saved or autosaved again (deleting it
        lost the work to a second crash before the next autosave)."""
        try:
            os.replace(orphan, recovery_path())
        except OSError as e:        # left where it is: offered again at the next start-up
            self.statusMessage.emit(translate(
                "Files", "The recovery file could not be kept: {error}").format(error=e))

    # ---- helpers ---------------------------------------------------------------------------
    def _start_dir(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _file_stem(self) -> str:
        name = "".join(c if c.isalnum() or c in "-_" else "_"
                       for c in self.document.network.name.lower()) or "network"
        return f"{name}.nw.json"
