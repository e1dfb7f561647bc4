"""A CSV file or an image folder dropped on the main window becomes the dataset.

The whole dataset section changes in one undoable command: a CSV file opens the import
dialog (gui.csv_import), whose OK sets dataset ``csv`` with the choices made; a folder is
dataset ``image_folder`` (size 28, channels guessed from its first image, else 1); the path is stored relative to the network file once
saved. Anything else is refused, saying why, in the status bar. The canvas takes layer drops
from the palette first (it ignores files, which then reach the window).
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from engine.data.image_folder import EXTENSIONS
from engine.data.paths import stored_path
from gui.i18n import translate

CSV_SUFFIXES = (".csv", ".tsv")
IMAGE_SIZE = 28
MESSAGE_MS = 8000


class Refused(Exception):
    """Why a drop does not set the dataset, in words for the status bar."""


def dropped_path(urls) -> Path:
    """The one local file or folder dropped (QUrl list); Refused otherwise."""
    if len(urls) != 1:
        raise Refused(translate("DataDrop", "Drop one CSV file or one image folder at a time "
                                            "({n} items were dropped)").format(n=len(urls)))
    if not urls[0].isLocalFile():
        raise Refused(translate("DataDrop", "Only a file on this computer can be dropped, not "
                                            "{url}").format(url=urls[0].toString()[:80]))
    return Path(urls[0].toLocalFile())


def dataset_for(path: Path, base) -> tuple[dict, str]:
    """(the dataset's name and params, what the status bar says) for a dropped path."""
    stored = stored_path(path, base)
    if path.is_dir():
        channels = guess_channels(path)
        return ({"name": "image_folder",
                 "params": {"path": stored, "size": IMAGE_SIZE, "channels": channels}},
                (translate("DataDrop", "Data: the image folder {path} ({size} x {size}, grey)")
                 if channels == 1 else
                 translate("DataDrop", "Data: the image folder {path} ({size} x {size}, "
                                       "colour)")).format(path=stored, size=IMAGE_SIZE))
    if path.suffix.lower() in CSV_SUFFIXES and path.is_file():
        return ({"name": "csv", "params": {"path": stored, "target": "", "task": "auto"}},
                translate("DataDrop", "Data: the table {path} (target: its last "
                                      "column)").format(path=stored))
    if not path.exists():
        raise Refused(translate("DataDrop", "Not set as the data: {path} does not exist")
                      .format(path=path))
    if path.name.endswith(".nw.json"):
        raise Refused(translate("DataDrop", "{name} is a network, not data: open it with "
                                            "File > Open").format(name=path.name))
    raise Refused(translate("DataDrop", "Not set as the data: {name} is neither a CSV file "
                                        "nor a folder of images (one subfolder per class)")
                  .format(name=path.name))


def guess_channels(folder: Path) -> int:
    """3 if the first image found in a class folder is in colour, else 1 (also when none
    can be read: the dataset's checks then say what is wrong with the folder)."""
    image = _first_image(folder)
    if image is None:
        return 1
    try:
        from PIL import Image
        with Image.open(image) as im:          # reads the header only
            return 1 if im.mode in ("1", "L", "LA", "I", "I;16", "F") else 3
    except Exception:                          # noqa: BLE001 -- not readable: the default
        return 1


def _first_image(folder: Path) -> Path | None:
    try:
        for sub in sorted(os.scandir(folder), key=lambda e: e.name):
            if sub.is_dir() and not sub.name.startswith("."):
                for entry in sorted(os.scandir(sub.path), key=lambda e: e.name):
                    if entry.name.lower().endswith(EXTENSIONS):
                        return Path(entry.path)
    except OSError:
        return None
    return None


class DataDrop(QObject):
    """Installed on the main window: takes dropped files there."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and event.mimeData().hasUrls():
            event.setAccepted(self.drop(event.mimeData().urls()))
            return True
        return False

    def drop(self, urls) -> bool:
        """Set the dataset from the dropped ``urls``; False (and the reason shown) if not."""
        try:
            if self.window.document.locked:
                raise Refused(translate("DataDrop", "Stop training before changing the data"))
            path = dropped_path(urls)
            if path.suffix.lower() in CSV_SUFFIXES and path.is_file():
                from gui.csv_import import open_csv_import
                return open_csv_import(self.window, path) is not None
            section, message = dataset_for(path, self.window.document.network.folder)
        except Refused as e:
            self.window.status.showMessage(str(e), MESSAGE_MS)
            return False
        self.set_dataset(section, translate("DataDrop", "Use the dropped {name} data").format(
            name=section["name"]))
        self.window.status.showMessage(
            translate("DataDrop", "{message} (Undo puts the previous data back)").format(
                message=message), MESSAGE_MS)
        return True

    def import_csv(self) -> None:
        """File > Import CSV...: choose a table, then the import dialog."""
        if self.window.document.locked:
            self.window.status.showMessage(
                translate("DataDrop", "Stop training before changing the data"), MESSAGE_MS)
            return
        from gui.csv_import import choose_and_import
        choose_and_import(self.window)

    def set_dataset(self, section: dict, text: str) -> None:
        """Replace the whole dataset section (keeping the validation split): one undo step
        named ``text``."""
        from gui.commands import SetTraining
        doc = self.window.document
        training = copy.deepcopy(doc.network.training)
        old = training.get("dataset") if isinstance(training.get("dataset"), dict) else {}
        if "validation_split" in old:
            section["validation_split"] = old["validation_split"]
        training["dataset"] = section
        command = SetTraining(doc, training)
        command.setText(text)
        doc.undo_stack.push(command)
