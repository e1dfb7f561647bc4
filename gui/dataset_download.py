"""Long data work off the GUI thread: MNIST's one-time download with a progress dialog that
can be cancelled, and the loading of a big dataset, while the window keeps painting."""
from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

from engine.data import mnist
from engine.data.download import DownloadCancelled
from engine.errors import DataError
from gui.i18n import translate

SHOW_AFTER_MS = 400        # quick work (a cached set) never flashes a dialog


class _Bridge(QObject):
    """Made on the GUI thread: signals emitted by the worker are queued to it."""
    progressed = Signal(int, int)
    finished = Signal()


def run_in_background(parent, label: str, work, *, cancellable: bool = False,
                      show_after_ms: int = SHOW_AFTER_MS):
    """``work(report)`` on a worker thread; returns its result or raises what it raised.
    ``report(done, total)`` moves the bar and returns False once Cancel was pressed. The GUI
    thread runs a local event loop meanwhile: the window paints, the modal dialog keeps
    edits out until the work is done."""
    bridge, loop, cancelled = _Bridge(), QEventLoop(), threading.Event()
    outcome = {}
    dialog = _progress_dialog(parent, label, cancellable)
    dialog.canceled.connect(cancelled.set)
    bridge.progressed.connect(lambda done, total: _show_progress(dialog, done, total))
    bridge.finished.connect(loop.quit)

    def report(done: int, total: int) -> bool:
        bridge.progressed.emit(int(done), int(total))
        return not cancelled.is_set()

    def run():
        try:
            outcome["result"] = work(report)
        except BaseException as e:      # noqa: BLE001 -- handed to the GUI thread to raise
            outcome["error"] = e
        bridge.finished.emit()
    threading.Thread(target=run, name="netwright-data", daemon=True).start()
    QTimer.singleShot(show_after_ms, lambda: "error" in outcome or "result" in outcome
                      or dialog.show())
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def _progress_dialog(parent, label: str, cancellable: bool) -> QProgressDialog:
    dialog = QProgressDialog(label, translate("DatasetDownload", "Cancel") if cancellable
                             else None, 0, 0, parent)
    dialog.setWindowTitle("Netwright")
    dialog.setProperty("what", label.split(" (")[0])
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.hide()                        # QProgressDialog shows itself: only after the delay
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    if total <= 0:
        return
    dialog.setMaximum(1000)
    dialog.setValue(min(1000, int(1000 * done / total)))
    what = dialog.property("what") or translate("DatasetDownload", "Downloading")
    dialog.setLabelText(translate("DatasetDownload", "{what}: {done:.1f} of {total:.1f} MB")
                        .format(what=what, done=done / 1e6, total=total / 1e6))


def section_needs_download(section) -> int:
    """Bytes a dataset section still has to download (0 for all but MNIST-like sets)."""
    if not isinstance(section, dict) or section.get("name") not in mnist.SOURCES:
        return 0
    params = section.get("params") if isinstance(section.get("params"), dict) else {}
    return mnist.missing_download(section["name"], params)


def download_dataset(parent, section) -> None:
    """Download a MNIST-like dataset's files into the cache, with a progress dialog.
    Raises DataError saying what to do when offline, or that the download was cancelled."""
    name = section["name"]
    params = {"folder": "", "download": True, **(section.get("params") or {})}
    label = translate("DatasetDownload", "Downloading {name} once into Netwright's cache "
                                         "({folder})").format(name=name,
                                                              folder=mnist.cache_root() / name)
    try:
        run_in_background(parent, label, lambda report: mnist.locate_files(name, params, report),
                          cancellable=True, show_after_ms=0)
    except DownloadCancelled:
        raise DataError(translate("DatasetDownload", "download of {name} cancelled: nothing "
                                                     "was kept. Press Train to download it "
                                                     "again.").format(name=repr(name))) from None
    except DataError as e:
        raise DataError(translate("DatasetDownload", "{error} (Browse... next to 'folder' in "
                                                     "the dataset's inspector chooses it.)")
                        .format(error=e)) from None
