"""The csv dataset's import options: delimiter, header row, missing cells, one-hot text
features, and the choices surviving a save and `main.py train`."""
import json

import numpy as np
import pytest

from engine.cli.main import run_command
from engine.data import dataset_info, load_dataset
from engine.data.csv_sniff import sniff
from engine.errors import DataError
from engine.graph.network import Network
from engine.training.trainer import Trainer

TABLE = """size,colour,weight,kind
1.0,red,10,a
2.0,blue,20,b
1.5,red,,a
2.5,green,25,b
1.2,blue,11,a
2.2,red,22,b
"""


def write(tmp_path, text, name="t.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def info(path, **params):
    return dataset_info({"name": "csv", "params": {"path": path, **params}})


def test_text_features_become_one_hot_columns(tmp_path):
    path = write(tmp_path, TABLE)
    got = info(path, missing="drop")
    assert got.feature_names == ("size", "colour=blue", "colour=green", "colour=red",
                                 "weight")
    ds = load_dataset({"name": "csv", "params": {"path": path, "missing": "drop"},
                       "validation_split": 0.0}, seed=0)
    raw = ds.x_train * ds.feature_std + ds.feature_mean
    onehot = raw[:, 1:4]
    np.testing.assert_allclose(onehot.sum(axis=1), 1, atol=1e-5)
    assert len(raw) == 5                                     # the row with a hole dropped


def test_missing_cells_refused_by_default_naming_row_and_column(tmp_path):
    with pytest.raises(DataError, match=r"row 4, column 'weight'.*empty"):
        info(write(tmp_path, TABLE))


def test_missing_cells_filled_with_the_column_mean(tmp_path):
    path = write(tmp_path, TABLE)
    ds = load_dataset({"name": "csv", "params": {"path": path, "missing": "mean"},
                       "validation_split": 0.0}, seed=0)
    raw = ds.x_train * ds.feature_std + ds.feature_mean
    weights = sorted(np.round(raw[:, -1], 3).tolist())
    assert len(weights) == 6 and pytest.approx(17.6, abs=1e-3) in weights  # mean of 5


def test_an_empty_target_is_never_filled(tmp_path):
    path = write(tmp_path, TABLE.replace("1.2,blue,11,a", "1.2,blue,11,"))
    with pytest.raises(DataError, match=r"row 6, column 'kind'.*target cell is empty"):
        info(path, missing="mean")
    assert info(path, missing="drop").n_classes == 2


def test_an_identifier_column_is_refused_not_one_hot(tmp_path):
    rows = "\n".join(f"id{i},{i % 2}" for i in range(150))
    with pytest.raises(DataError, match=r"column 'name': 150 different texts"):
        info(write(tmp_path, "name,y\n" + rows + "\n"))


@pytest.mark.parametrize("name,char", [("tab", "\t"), (";", ";"), ("|", "|")])
def test_delimiter_detected_and_chosen(tmp_path, name, char):
    path = write(tmp_path, TABLE.replace(",", char))
    assert sniff(open(path).read())["delimiter"] == name
    assert info(path, delimiter=name, missing="drop").n_classes == 2
    assert info(path, missing="drop").n_classes == 2                   # auto


def test_a_wrong_delimiter_says_which_row(tmp_path):
    with pytest.raises(DataError, match="column"):
        info(write(tmp_path, TABLE), delimiter=";")


def test_header_detection_and_a_file_without_header(tmp_path):
    body = TABLE.split("\n", 1)[1]
    assert sniff(TABLE)["header"] is True
    found = sniff(body)
    assert found["header"] is False and found["columns"][0] == "column 1"
    assert found["kinds"] == ["number", "text", "number", "text"]
    got = info(write(tmp_path, body), header=False, missing="drop")
    assert got.feature_names[0] == "column 1" and got.class_names == ("a", "b")


def test_options_survive_save_and_train(tmp_path, capsys):
    data = tmp_path / "t.tsv"
    data.write_text(TABLE.split("\n", 1)[1].replace(",", "\t"))
    params = {"path": str(data), "target": "", "task": "classification",
              "delimiter": "tab", "header": False, "missing": "mean"}
    net = {"format": "netwright-network", "version": 1, "name": "opts",
           "nodes": [{"id": "in", "type": "Input", "params": {"shape": [5]}},
                     {"id": "d", "type": "Dense", "params": {"units": 2}},
                     {"id": "p", "type": "Softmax", "params": {}}],
           "edges": [{"from": "in", "to": "d"}, {"from": "d", "to": "p"}],
           "training": {"dataset": {"name": "csv", "params": params},
                        "loss": "cross_entropy", "optimizer": {"name": "adam", "lr": 0.01},
                        "batch_size": 2, "epochs": 1, "seed": 0}}
    path = tmp_path / "opts.nw.json"
    path.write_text(json.dumps(net))
    saved = tmp_path / "again.nw.json"
    Network.load(path).save(saved)
    assert json.loads(saved.read_text())["training"]["dataset"]["params"] == params
    assert run_command(["train", str(saved), "--epochs", "1",
                        "--out", str(tmp_path / "run")]) == 0
    capsys.readouterr()
    ds = Trainer(Network.load(saved)).dataset
    assert ds.feature_shape == (5,) and ds.class_names == ("a", "b")
