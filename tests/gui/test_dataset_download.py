"""Issue 16, item 5: MNIST in the window. Train with the files not cached downloads them once
with a progress dialog that can be cancelled (nothing kept), offline says what to do, and the
dataset loads off the GUI thread. No network: a fake downloader writes chunks."""
from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from engine.data import download as dl
from engine.data import mnist
from engine.data.idx import write_idx
from engine.graph.network import Network
from tests.engine.test_data_mnist import fake_source

EXAMPLE = "resources/examples/digits_mlp.nw.json"


def mnist_network(params: dict) -> Network:
    doc = json.loads(open(EXAMPLE).read())
    doc["nodes"][0]["params"]["shape"] = [1, 28, 28]
    doc["training"]["dataset"] = {"name": "mnist", "params": {"samples": 20, **params},
                                  "validation_split": 0.2}
    doc["training"]["epochs"] = 1
    return Network.from_dict(doc)


class GatedServer:
    """Writes each file in chunks; after the first chunk waits for ``release`` (set by the
    test), so the test sees the dialog mid-download. Runs on the worker thread."""

    def __init__(self, origin):
        self.origin, self.release, self.threads = origin, threading.Event(), set()

    def __call__(self, url, out):
        self.threads.add(threading.get_ident())
        data = (self.origin / url.rsplit("/", 1)[1]).read_bytes()
        for i in range(0, len(data), 256):
            out.write(data[i:i + 256])
            assert self.release.wait(10), "the test never released the download"


@pytest.fixture
def server(tmp_path, monkeypatch):
    origin, source = fake_source(tmp_path)
    monkeypatch.setattr(mnist, "cache_root", lambda: tmp_path / "cache")
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    fake = GatedServer(origin)
    monkeypatch.setattr(dl, "fetch_url", fake)
    return fake


def progress_dialog(window):
    shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if shown else None


def banner(window) -> str:
    return window.training.dashboard.banner.label.text()


def test_train_downloads_once_with_progress_then_trains(main_window, qtbot, server, tmp_path):
    w = main_window
    w.show()
    w.document.replace(mnist_network({}), None)
    seen = {}

    def watch():       # runs inside Train's local event loop: the window is not blocked
        dialog = progress_dialog(w)
        if not seen and dialog is not None and dialog.value() > 0:
            seen["label"], seen["value"] = dialog.labelText(), dialog.value()
            server.release.set()
    timer = QTimer(w)
    timer.timeout.connect(watch)
    timer.start(10)
    assert w.training.train(), banner(w)
    timer.stop()
    assert "Downloading mnist" in seen["label"] and " MB" in seen["label"]
    assert 0 < seen["value"] < 1000
    assert threading.main_thread().ident not in server.threads
    cached = sorted(p.name for p in (tmp_path / "cache" / "mnist").iterdir())
    assert cached == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
    assert mnist.missing_download("mnist", {}) == 0
    qtbot.waitUntil(lambda: progress_dialog(w) is None)


def test_cancel_leaves_nothing_and_says_so(main_window, qtbot, server, tmp_path):
    w = main_window
    w.show()
    w.document.replace(mnist_network({}), None)

    def cancel_when_shown():
        dialog = progress_dialog(w)
        if dialog is not None and dialog.value() > 0:
            button = dialog.findChild(QPushButton)
            assert button.text() == "Cancel"
            button.click()            # as the user does (the canceled signal)
            server.release.set()
    timer = QTimer(w)
    timer.timeout.connect(cancel_when_shown)
    timer.start(10)
    assert not w.training.train()
    timer.stop()
    assert "cancelled" in banner(w) and "nothing was kept" in banner(w)
    assert not list((tmp_path / "cache" / "mnist").iterdir())      # no partial, no temporary
    assert w.training.trainer is None or w.training.state != "running"


def test_offline_says_where_to_put_the_files(main_window, server, tmp_path, monkeypatch):
    w = main_window
    w.document.replace(mnist_network({}), None)

    def offline(url, out):
        raise OSError("Network is unreachable")
    monkeypatch.setattr(dl, "fetch_url", offline)
    assert not w.training.train()
    text = banner(w)
    for words in ("unreachable", str(tmp_path / "cache" / "mnist"), "train-images-idx3-ubyte.gz",
                  "train-labels-idx1-ubyte.gz", "Browse...", "'folder'", "fake://mirror1/"):
        assert words in text, words


def test_a_60000_image_set_loads_off_the_gui_thread(main_window, tmp_path, monkeypatch):
    w = main_window
    rng = np.random.default_rng(0)
    write_idx(tmp_path / "train-images-idx3-ubyte",
              rng.integers(0, 256, size=(60_000, 28, 28), dtype=np.uint8))
    write_idx(tmp_path / "train-labels-idx1-ubyte", (np.arange(60_000) % 10).astype(np.uint8))
    threads = []
    real = mnist.load_images_and_labels

    def recorded(name, params):
        threads.append(threading.get_ident())
        return real(name, params)
    monkeypatch.setattr(mnist, "load_images_and_labels", recorded)
    w.document.replace(mnist_network({"folder": str(tmp_path), "samples": 60_000}), None)
    threads.clear()          # the analysis may not read it; only Train's load counts
    assert w.training.train()
    assert threads and threading.main_thread().ident not in threads
    assert w.training.info.n_samples == 12_000             # the whole set, 20 % held out


def test_the_analysis_never_downloads_and_says_train_will(main_window, qtbot, server,
                                                          monkeypatch):
    w = main_window

    def no_network(url, out):
        raise AssertionError(f"an edit tried the network: {url}")
    monkeypatch.setattr(dl, "fetch_url", no_network)
    w.document.replace(mnist_network({}), None)
    qtbot.waitUntil(lambda: "not downloaded yet" in w.status.currentMessage())
    assert "press Train to download" in w.status.currentMessage()
    assert " MB" in w.status.currentMessage()
    assert not w.document.errors            # information, not a problem that blocks Train


def test_choosing_mnist_in_the_dataset_combo_downloads_it(main_window, qtbot, server, tmp_path):
    w = main_window
    w.show()
    w.document.replace(mnist_network({}), None)
    qtbot.wait(50)   # a negative check: a download the open wrongly started would show now
    assert not server.threads and progress_dialog(w) is None    # opening a file: no download
    w.document.replace(Network.from_dict({**mnist_network({}).to_dict(), "training": {
        **mnist_network({}).training, "dataset": {"name": "digits", "params": {}}}}), None)
    seen = {}

    def watch():       # a timer: it fires inside the download's local event loop
        dialog = progress_dialog(w)
        if not seen and dialog is not None and dialog.value() > 0:
            seen["label"] = dialog.labelText()
            server.release.set()
    timer = QTimer(w)
    timer.timeout.connect(watch)
    timer.start(10)
    w.inspector.training_page.dataset.combo.setCurrentText("mnist")
    qtbot.waitUntil(lambda: "label" in seen)
    qtbot.waitUntil(lambda: progress_dialog(w) is None)
    cached = sorted(p.name for p in (tmp_path / "cache" / "mnist").iterdir())
    assert cached == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
    assert w.document.network.training["dataset"]["name"] == "mnist"
