"""File > Export: the PyTorch project and the ONNX model written from the window, with the
current run's weights when there is a run (a running one is paused first), and the dialog
saying which weights."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from engine.graph.compiler import compile_network
from engine.graph.network import Network
from gui.export_actions import ExportDialog
from tests.gui.conftest import xor_network
from tests.gui.waits import PATIENCE_MS

torch = pytest.importorskip("torch")


class Answers:
    """Stands in for the user: the export dialog is answered with ``path`` (its weights
    line kept), the message boxes are recorded."""

    def __init__(self, monkeypatch, path):
        self.path, self.weights, self.infos, self.warnings = path, [], [], []
        monkeypatch.setattr(ExportDialog, "exec", lambda dialog: self._answer(dialog))
        monkeypatch.setattr(QMessageBox, "information",
                            staticmethod(lambda *a, **k: self.infos.append(a[2])))
        monkeypatch.setattr(QMessageBox, "warning",
                            staticmethod(lambda *a, **k: self.warnings.append(a[2])))

    def _answer(self, dialog):
        self.weights.append(dialog.weights_label.text())
        dialog.path_edit.setText(str(self.path))
        return QDialog.DialogCode.Accepted


def weights_pt(folder) -> dict:
    return {k: v.numpy() for k, v in torch.load(folder / "weights.pt",
                                                weights_only=True).items()}


def assert_same_weights(got: dict, want: dict) -> None:
    assert got.keys() == want.keys()
    for key in want:
        np.testing.assert_array_equal(got[key], want[key], err_msg=key)


def test_the_file_menu_has_export_after_save_as(main_window):
    texts = [a.text() for a in main_window.menus["file"].actions()]
    assert texts.index("&Export") == texts.index("Save &As…") + 1
    assert [a.text() for a in main_window.export_actions.menu.actions()] == [
        "PyTorch project…", "ONNX model…"]


def test_without_a_run_the_seeded_initial_weights_are_exported(main_window, tmp_path,
                                                               monkeypatch):
    answers = Answers(monkeypatch, tmp_path / "project")
    main_window.export_actions.actions["pytorch"].trigger()
    assert "seeded initial weights (seed 0): no run has trained it yet" in answers.weights[0]
    assert_same_weights(weights_pt(tmp_path / "project"),
                        compile_network(main_window.document.network, seed=0).state_dict())
    assert (tmp_path / "project" / "train.py").is_file() and not answers.warnings
    assert "seeded initial weights" in answers.infos[0]


def test_the_paused_runs_weights_are_exported_and_named(qtbot, main_window, tmp_path,
                                                         monkeypatch):
    c = main_window.training
    assert c.train(pause_after=30)
    qtbot.waitUntil(lambda: c.state == "paused" and c.session.process.model_step == 30,
                    timeout=PATIENCE_MS)
    answers = Answers(monkeypatch, tmp_path / "project")
    main_window.export_actions.actions["pytorch"].trigger()
    assert "the current run's weights at step 30" in answers.weights[0]
    run_weights = c.session.trainer.model.state_dict()
    assert_same_weights(weights_pt(tmp_path / "project"), run_weights)
    initial = compile_network(main_window.document.network, seed=0).state_dict()
    assert not np.array_equal(run_weights["h1.weight"], initial["h1.weight"])
    assert "step 30" in (tmp_path / "project" / "README.md").read_text()


def test_a_running_run_is_paused_and_its_weights_at_that_step_exported(qtbot, main_window,
                                                                      tmp_path, monkeypatch):
    net = xor_network().to_dict()
    net["training"] = {**Network.from_dict(net).training, "epochs": 100_000}
    main_window.document.replace(Network.from_dict(net))
    c = main_window.training
    assert c.train()
    qtbot.waitUntil(lambda: c.session.process.step > 0, timeout=PATIENCE_MS)
    answers = Answers(monkeypatch, tmp_path / "project")
    main_window.export_actions.actions["pytorch"].trigger()
    qtbot.waitUntil(lambda: bool(answers.infos or answers.warnings), timeout=PATIENCE_MS)
    assert c.state == "paused" and not answers.warnings
    step = c.session.process.model_step
    assert step > 0 and f"weights at step {step:,}" in answers.weights[0]
    assert_same_weights(weights_pt(tmp_path / "project"), c.session.trainer.model.state_dict())


def test_a_problem_is_a_message_not_a_traceback(main_window, tmp_path, monkeypatch):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "thesis.tex").write_text("mine")
    answers = Answers(monkeypatch, taken)
    main_window.export_actions.actions["pytorch"].trigger()
    assert len(answers.warnings) == 1 and "is not empty (thesis.tex)" in answers.warnings[0]
    assert [p.name for p in taken.iterdir()] == ["thesis.tex"] and not answers.infos


def test_the_onnx_model_is_written_with_the_runs_weights(qtbot, main_window, tmp_path,
                                                         monkeypatch):
    onnx = pytest.importorskip("onnx")
    c = main_window.training
    assert c.train(pause_after=10)
    qtbot.waitUntil(lambda: c.state == "paused" and c.session.process.model_step == 10,
                    timeout=PATIENCE_MS)
    answers = Answers(monkeypatch, tmp_path / "xor.onnx")
    main_window.export_actions.actions["onnx"].trigger()
    assert not answers.warnings and "weights at step 10" in answers.weights[0]
    model = onnx.load(str(tmp_path / "xor.onnx"))
    stored = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    h1 = c.session.trainer.model.state_dict()["h1.weight"]
    assert any(a.shape == h1.shape and np.allclose(a, h1) or
               a.shape == h1.T.shape and np.allclose(a, h1.T) for a in stored.values())
