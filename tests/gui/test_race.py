"""The optimizer race in the window: the dialog makes 2-4 racers from the document, the race
window overlays their curves labelled by what differs and draws every path on one plane, and
Pause, Resume and Stop act on every racer's training process, which ends joined."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from engine.data import load_dataset, share
from engine.training.process import TrainingProcess
from engine.training.race import racer_network
from gui.race.dialog import RaceDialog
from gui.race.launch import start_race
from gui.race.session import ENDED, PAUSED, RUNNING
from gui.race.window import RaceWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
WAIT_MS = 60_000


def xor_doc(epochs: int = 3) -> dict:
    doc = json.loads((EXAMPLES / "xor_mlp.nw.json").read_text())
    doc["training"]["epochs"] = epochs
    return doc


@pytest.fixture
def race_window(qtbot):
    window = RaceWindow()
    qtbot.addWidget(window)
    yield window
    window.close()


def start(window, networks):
    dataset = share(load_dataset(networks[0]["training"]["dataset"], 0))
    window.start(networks, 0, dataset)
    window.show()


def wait_ended(qtbot, window):
    qtbot.waitUntil(lambda: window.session.state == ENDED, timeout=WAIT_MS)


def test_dialog_races_the_ticked_rows_and_says_what_is_wrong(qtbot):
    dialog = RaceDialog(xor_doc())
    qtbot.addWidget(dialog)
    assert [r.raced.isChecked() for r in dialog.rows] == [True, True, True, False]
    assert not dialog.rows[2].momentum.isEnabled()              # the document's adam
    dialog.rows[1].raced.setChecked(False)
    dialog.rows[2].raced.setChecked(False)
    dialog.accept()
    assert "Tick 2 to 4 rows" in dialog.error.text() and not dialog.networks
    dialog.rows[3].raced.setChecked(True)
    dialog.rows[3].activation.setCurrentText("ReLU")
    dialog.accept()
    assert dialog.result() == RaceDialog.DialogCode.Accepted
    names = [n["training"]["optimizer"]["name"] for n in dialog.networks]
    assert names == ["sgd", "rmsprop"]
    assert [n["type"] for n in dialog.networks[1]["nodes"]][2] == "ReLU"


def test_race_menu_on_a_network_without_training_says_so(main_window, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append(text)))
    actions = [a for a in main_window.menus["training"].actions()
               if a.text() == "Race &optimizers..."]
    assert len(actions) == 1
    assert start_race(main_window) is None
    assert "no training section" in told[0]


def test_two_identical_racers_draw_identical_curves(qtbot, race_window):
    start(race_window, [xor_doc(), xor_doc()])
    wait_ended(qtbot, race_window)
    race_window._draw()
    first, second = (c.getData() for c in race_window.loss.curves)
    assert len(first[1]) == 30
    np.testing.assert_array_equal(first[1], second[1])
    np.testing.assert_array_equal(first[0], np.arange(1, 31) / 10)     # by epoch
    assert "same settings (racer 1)" in race_window.loss.key.plain_text


def test_curves_and_paths_are_labelled_by_what_differs_on_one_plane(qtbot, race_window):
    doc = xor_doc(epochs=6)
    nets = [racer_network(doc, c) for c in ({"optimizer": "sgd", "lr": 0.5},
                                            {"optimizer": "sgd", "lr": 0.5, "momentum": 0.9},
                                            {"optimizer": "adam", "lr": 0.03, "batch_size": 16})]
    start(race_window, nets)
    wait_ended(qtbot, race_window)
    qtbot.waitUntil(lambda: race_window.plane_view.image.image is not None, timeout=WAIT_MS)
    race_window._dirty = True
    race_window._draw()
    key = race_window.loss.key.plain_text
    for label in ("optimizer sgd, lr 0.5, momentum 0, batch size 32",
                  "optimizer sgd, lr 0.5, momentum 0.9, batch size 32",
                  "optimizer adam, lr 0.03, batch size 16"):
        assert label in key
        assert label in race_window.plane_view.key.plain_text
    assert "cut into batches of other sizes" in race_window.note.text()
    xs = [c.getData()[0] for c in race_window.loss.curves]
    assert xs[0][-1] == xs[2][-1] == 6.0                  # 60 and 120 steps: both 6 epochs
    lines = [line.getData() for line in race_window.plane_view.lines]
    assert all(len(x) > 10 for x, _ in lines)
    for x, y in lines:                                    # every path from the same start
        assert (x[0], y[0]) == pytest.approx((0.0, 0.0), abs=1e-4)


def test_pause_resume_and_stop_act_on_every_racer_and_join_them(qtbot, race_window):
    doc = xor_doc(epochs=100_000)
    start(race_window, [racer_network(doc, {"optimizer": o, "lr": 0.05})
                        for o in ("sgd", "adam", "rmsprop")])
    processes = list(race_window.session.processes)
    qtbot.waitUntil(lambda: all(p.step > 0 for p in processes), timeout=WAIT_MS)
    race_window.pause_button.click()
    assert race_window.session.state == PAUSED and race_window.pause_button.text() == "Resume"
    # a paused racer has sent its weights: model_step catches up with the steps it sent
    qtbot.waitUntil(lambda: all(p.model_step == p.step > 0 for p in processes),
                    timeout=WAIT_MS)
    paused_at = [p.step for p in processes]
    race_window.pause_button.click()
    assert race_window.session.state == RUNNING
    qtbot.waitUntil(lambda: all(p.step > s for p, s in zip(processes, paused_at)),
                    timeout=WAIT_MS)
    race_window.stop_button.click()
    wait_ended(qtbot, race_window)
    assert all(p.trainer.history is not None for p in processes)
    race_window.close()
    assert race_window.session.processes == []
    assert all(p._process.exitcode is not None and not p._process.is_alive()
               for p in processes)


def test_closing_a_running_race_ends_every_child(qtbot, race_window):
    start(race_window, [xor_doc(epochs=100_000), xor_doc(epochs=100_000)])
    processes = list(race_window.session.processes)
    qtbot.waitUntil(lambda: all(p.step > 0 for p in processes), timeout=WAIT_MS)
    race_window.close()
    assert all(not p._process.is_alive() for p in processes)


def test_the_window_never_blocks_on_a_racer(qtbot, race_window, monkeypatch):
    """Messages are read when a notifier says they wait (never with a blocking wait), and
    the PCA plane and its surface are computed in a worker process, ended when the window
    closes."""
    def blocking(*args, **kwargs):
        raise AssertionError("the window waited for a training process")
    monkeypatch.setattr(TrainingProcess, "messages", blocking)
    start(race_window, [racer_network(xor_doc(), {"optimizer": o})
                        for o in ("sgd", "adam")])
    assert all(n.isEnabled() for n in race_window.session._notifiers)
    wait_ended(qtbot, race_window)
    qtbot.waitUntil(lambda: race_window.plane is not None, timeout=WAIT_MS)
    assert race_window.plane_pid not in (None, os.getpid())
    workers = list(race_window._pool._processes.values())
    race_window.close()
    assert workers and not any(w.is_alive() for w in workers)


def test_a_diverging_racer_is_named_and_the_others_finish(qtbot, race_window):
    doc = json.loads((EXAMPLES / "sine_regression.nw.json").read_text())
    doc["training"].update(epochs=5, loss="mse")
    start(race_window, [racer_network(doc, {"optimizer": "sgd", "lr": 1.0}),
                        racer_network(doc, {"optimizer": "adam", "lr": 0.01})])
    wait_ended(qtbot, race_window)
    text = race_window.status.text()
    assert "The race is over (2 racers)." in text
    assert "Racer 1 (optimizer sgd, lr 1, momentum 0) diverged" in text
    race_window._draw()
    assert len(race_window.loss.curves[1].getData()[0]) == 5 * 8       # 240 examples / 32
    assert race_window.accuracy.plot.getPlotItem().getAxis("left").labelText == "RMSE"


def test_the_menu_races_the_documents_variations(qtbot, main_window, monkeypatch):
    from engine.graph.network import Network
    main_window.document.replace(Network.from_dict(xor_doc()))
    monkeypatch.setattr(RaceDialog, "exec", lambda self: (self.accept(), self.result())[1])
    race = start_race(main_window)
    assert race is main_window.race_window and race.isVisible()
    assert len(race.session.processes) == 3
    wait_ended(qtbot, race)
    assert "optimizer adam, lr 0.03" in race.loss.key.plain_text
    race.close()
