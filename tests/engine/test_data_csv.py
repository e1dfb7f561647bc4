"""CSV datasets: a user's own table."""
import numpy as np
import pytest

from engine.data import dataset_info, load_dataset
from engine.errors import DataError

GOOD = """height,weight,species
1.0,10,cat
2.0,20,dog
1.5,12,cat
2.5,25,dog
1.2,11,cat
2.2,22,dog
1.1,9,cat
2.4,24,dog
"""


def write(tmp_path, text, name="t.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_a_good_file_with_a_text_target_becomes_classes(tmp_path):
    sec = {"name": "csv", "params": {"path": write(tmp_path, GOOD), "target": "species"},
           "validation_split": 0.25}
    ds = load_dataset(sec, seed=0)
    assert ds.task == "classification" and ds.class_names == ("cat", "dog")
    assert ds.feature_names == ("height", "weight") and ds.feature_shape == (2,)
    assert ds.x_train.shape == (6, 2) and ds.x_val.shape == (2, 2)
    assert sorted(ds.y_val.tolist()) == [0, 1]                      # stratified
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-5)
    raw = ds.x_train * ds.feature_std + ds.feature_mean
    dogs = raw[ds.y_train == 1]
    assert dogs[:, 0].min() >= 2.0                                  # rows kept whole
    info = dataset_info(sec)
    assert (info.task, info.n_classes, info.feature_names) == ("classification", 2,
                                                               ds.feature_names)


def test_semicolon_separated_files_are_read_too(tmp_path):
    path = write(tmp_path, GOOD.replace(",", ";"))
    ds = load_dataset({"name": "csv", "params": {"path": path}}, seed=0)
    assert ds.feature_names == ("height", "weight") and ds.class_names == ("cat", "dog")


def test_numeric_target_auto_and_forced_tasks(tmp_path):
    rows = "\n".join(f"{i},{i * 0.5},{i * 1.7 + 0.3}" for i in range(20))
    path = write(tmp_path, "a,b,y\n" + rows + "\n")
    reg = load_dataset({"name": "csv", "params": {"path": path}}, seed=0)   # last column
    assert reg.task == "regression" and reg.target_dim == 1
    assert reg.y_train.dtype == np.float32 and reg.y_train.shape == (16, 1)
    few = load_dataset({"name": "csv", "params": {"path": path, "target": "a",
                                                  "task": "classification"}}, seed=0)
    assert few.n_classes == 20 and few.class_names[:3] == ("0", "1", "2")
    labels = "\n".join(f"{i * 0.1},{i % 3}" for i in range(12))
    auto = dataset_info({"name": "csv", "params": {"path": write(tmp_path, "x,k\n" + labels,
                                                                 "k.csv")}})
    assert auto.task == "classification" and auto.n_classes == 3


@pytest.mark.parametrize("cell, words", [("abc", ["row 4", "'weight'", "'abc'"]),
                                         ("", ["row 4", "'weight'", "empty"])])
def test_a_bad_cell_names_its_spreadsheet_row_and_column(tmp_path, cell, words):
    lines = GOOD.splitlines()
    lines[3] = f"1.5,{cell},cat"              # row 4 counting the header as row 1
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(DataError) as err:
        load_dataset({"name": "csv", "params": {"path": path, "target": "species"}})
    assert all(w in str(err.value) for w in words), str(err.value)


def test_a_missing_target_column_lists_the_columns(tmp_path):
    path = write(tmp_path, GOOD)
    with pytest.raises(DataError) as err:
        dataset_info({"name": "csv", "params": {"path": path, "target": "colour"}})
    assert "'colour'" in str(err.value) and "height, weight, species" in str(err.value)


@pytest.mark.parametrize("text, words", [
    (None, ["not found"]),
    ("", ["empty"]),
    ("a,b\n1,2\n", ["at least 2 data rows"]),
    ("a,b\n1,2\n3\n", ["row 3", "1 cells"]),
])
def test_unusable_files_give_clear_errors(tmp_path, text, words):
    path = str(tmp_path / "missing.csv") if text is None else write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_dataset({"name": "csv", "params": {"path": path}})
    assert all(w in str(err.value) for w in words), str(err.value)


def test_no_path_chosen_says_so():
    with pytest.raises(DataError, match="path"):
        dataset_info({"name": "csv"})


def test_an_edited_file_is_read_again(tmp_path):
    path = write(tmp_path, GOOD)
    assert dataset_info({"name": "csv", "params": {"path": path}}).n_classes == 2
    write(tmp_path, GOOD + "1.3,13,bird\n1.4,14,bird\n")
    assert dataset_info({"name": "csv", "params": {"path": path}}).n_classes == 3
