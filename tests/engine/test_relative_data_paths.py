"""A dataset's file and folder params start from the network file's folder (issue 16 item 1):
the image-folder example and a network sent with its CSV load from any current folder."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from engine.cli.main import run_command
from engine.data import load_dataset
from engine.data.paths import resolve_path, stored_path
from engine.errors import DataError
from engine.graph.analysis import analyse
from engine.graph.network import Network
from engine.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "image_folder_cnn.nw.json"


def write_csv(path: Path, rows: int = 40) -> None:
    rng = np.random.default_rng(0)
    lines = ["a,b,label"] + [f"{x:.3f},{y:.3f},{int(x > y)}"
                             for x, y in rng.uniform(-1, 1, (rows, 2))]
    path.write_text("\n".join(lines) + "\n")


def csv_network(folder: Path, data_path: str) -> Path:
    """A network file in ``folder`` training a small MLP on the CSV ``data_path``."""
    net = {"format": "netwright-network", "version": 1, "name": "mine",
           "nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                     {"id": "d", "type": "Dense", "params": {"units": 2}},
                     {"id": "p", "type": "Softmax", "params": {}}],
           "edges": [{"from": "in", "to": "d"}, {"from": "d", "to": "p"}],
           "training": {"dataset": {"name": "csv", "params": {"path": data_path}},
                        "loss": "cross_entropy", "optimizer": {"name": "adam", "lr": 0.01},
                        "batch_size": 8, "epochs": 2, "seed": 0}}
    path = folder / "mine.nw.json"
    path.write_text(json.dumps(net))
    return path


@pytest.fixture
def sent_folder(tmp_path, monkeypatch):
    """A folder holding a network and its data (data/table.csv), and a current folder
    elsewhere, as when Netwright starts from the desktop entry."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    write_csv(project / "data" / "table.csv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return csv_network(project, "data/table.csv")


def test_resolve_path_rules(tmp_path):
    assert resolve_path("data/t.csv", tmp_path) == str(tmp_path / "data" / "t.csv")
    assert resolve_path(str(tmp_path / "t.csv"), "/elsewhere") == str(tmp_path / "t.csv")
    assert resolve_path("t.csv", None) == "t.csv"          # never saved: the current folder
    assert resolve_path("", tmp_path) == ""                 # nothing chosen stays so


def test_stored_path_is_relative_once_saved(tmp_path):
    assert stored_path(tmp_path / "data" / "t.csv", tmp_path) == "data/t.csv"
    assert stored_path(tmp_path / "t.csv", tmp_path / "sub") == "../t.csv"
    assert stored_path(tmp_path / "t.csv", None) == str(tmp_path / "t.csv")


def test_load_dataset_resolves_against_base(sent_folder):
    section = {"name": "csv", "params": {"path": "data/table.csv"}}
    with pytest.raises(DataError, match="file not found"):
        load_dataset(section, 0)                     # no base: the current folder, as before
    ds = load_dataset(section, 0, base=sent_folder.parent)
    assert len(ds.x_train) + len(ds.x_val) == 40


def test_network_remembers_its_folder_not_in_the_file(sent_folder, tmp_path):
    net = Network.load(sent_folder)
    assert net.folder == sent_folder.parent
    assert net.copy().folder == sent_folder.parent
    assert "folder" not in json.dumps(net.to_dict())
    assert Network().folder is None
    assert analyse(net).problems == []


def test_check_train_and_trainer_from_another_folder(sent_folder, tmp_path, capsys):
    assert run_command(["check", str(sent_folder)]) == 0
    assert run_command(["train", str(sent_folder), "--epochs", "1",
                        "--out", str(tmp_path / "run")]) == 0
    capsys.readouterr()
    trainer = Trainer(Network.load(sent_folder))
    assert trainer.dataset.n_classes == 2


def test_export_from_another_folder(sent_folder, tmp_path, capsys):
    pytest.importorskip("torch")
    out = tmp_path / "export"
    assert run_command(["export", str(sent_folder), "--to", "pytorch", "--out", str(out)]) == 0
    with np.load(out / "data.npz") as f:
        assert len(f["x_train"]) + len(f["x_val"]) == 40


def test_absolute_path_is_used_as_it_is(tmp_path, monkeypatch):
    write_csv(tmp_path / "abs.csv")
    project = tmp_path / "p"
    project.mkdir()
    monkeypatch.chdir(project)
    net = Network.load(csv_network(project, str(tmp_path / "abs.csv")))
    assert analyse(net).problems == []


def test_missing_relative_file_is_named_with_its_full_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    path = csv_network(tmp_path / "p", "gone.csv")
    assert run_command(["check", str(path)]) == 2
    assert str(tmp_path / "p" / "gone.csv") in capsys.readouterr().err


def test_image_folder_example_checks_and_loads_from_another_folder(tmp_path, monkeypatch,
                                                                   capsys):
    pytest.importorskip("PIL")
    monkeypatch.chdir(tmp_path)
    assert run_command(["check", str(EXAMPLE)]) == 0
    assert run_command(["train", str(EXAMPLE), "--epochs", "1", "--out", "run"]) == 0
    capsys.readouterr()
    trainer = Trainer(Network.load(EXAMPLE))
    assert trainer.dataset.class_names == ("circle", "cross", "square", "triangle")


def test_mnist_folder_is_a_path_param_too(tmp_path):
    from engine.data import dataset_info
    section = {"name": "mnist", "params": {"folder": "idx", "download": False}}
    with pytest.raises(DataError, match=str(tmp_path / "idx")):
        load_dataset(section, 0, base=tmp_path)
    dataset_info(section, base=tmp_path)                 # metadata needs no files


def test_rebased_section_keeps_each_relative_path_pointing_at_the_same_file(tmp_path,
                                                                           monkeypatch):
    from engine.data.paths import rebased_section
    section = {"name": "csv", "params": {"path": "data/t.csv", "target": "y"}}
    moved = rebased_section(section, tmp_path / "a", tmp_path / "b")
    assert moved["params"] == {"path": "../a/data/t.csv", "target": "y"}
    assert rebased_section(section, tmp_path / "a", tmp_path / "a") is section
    absolute = {"name": "csv", "params": {"path": str(tmp_path / "t.csv")}}
    assert rebased_section(absolute, tmp_path / "a", tmp_path / "b") is absolute
    monkeypatch.chdir(tmp_path)                  # never saved: it started from here
    assert rebased_section(section, None, tmp_path / "b")["params"]["path"] == "../data/t.csv"
    assert rebased_section({"name": "nope"}, None, tmp_path) == {"name": "nope"}
