"""`main.py shapes-folder DIR` writes the shapes as an image folder that image_folder reads;
`main.py check` names a bad formula or a missing image folder with exit 2."""
import json
from pathlib import Path

import numpy as np
import pytest

from engine.cli.main import run_command
from engine.data import image_folder, load_dataset

pytest.importorskip("PIL")
ROOT = Path(__file__).resolve().parents[2]
SINE = ROOT / "resources" / "examples" / "sine_regression.nw.json"


def test_shapes_folder_writes_a_png_per_image_in_a_subfolder_per_class(tmp_path, capsys,
                                                                        monkeypatch):
    monkeypatch.setattr(image_folder, "cache_dir", lambda: tmp_path / "cache")
    out = tmp_path / "shapes"
    assert run_command(["shapes-folder", str(out), "--samples", "40", "--size", "16"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["circle", "cross", "square", "triangle"]
    assert len(list(out.glob("*/*.png"))) == 40
    assert "wrote 40 PNG images" in capsys.readouterr().out
    ds = load_dataset({"name": "image_folder",
                       "params": {"path": str(out), "size": 16, "channels": 1}})
    assert ds.class_names == ("circle", "cross", "square", "triangle")
    assert ds.n_train + ds.n_val == 40 and np.bincount(ds.y_train).min() >= 8


def test_shapes_folder_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me")
    assert run_command(["shapes-folder", str(tmp_path)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_shapes_folder_refuses_a_size_the_shapes_cannot_take(tmp_path, capsys):
    assert run_command(["shapes-folder", str(tmp_path / "x"), "--size", "500"]) == 2
    err = capsys.readouterr().err
    assert "size must be at least 8 and at most 64" in err and "Traceback" not in err


def network_with_dataset(tmp_path, dataset: dict) -> str:
    net = json.loads(SINE.read_text())
    net["training"]["dataset"] = dataset
    path = tmp_path / "net.nw.json"
    path.write_text(json.dumps(net))
    return str(path)


@pytest.mark.parametrize("dataset, words", [
    ({"name": "function", "params": {"expression": "__import__('os').system('ls')"}},
     ["'__import__'", "character 1"]),
    ({"name": "function", "params": {"expression": "log(x)", "low": -1, "high": 1}},
     ["not a finite number at x = -1"]),
    ({"name": "image_folder", "params": {"path": "/nonexistent/pets"}},
     ["folder not found: /nonexistent/pets"]),
])
def test_check_names_a_bad_dataset_with_exit_2(tmp_path, capsys, dataset, words):
    assert run_command(["check", network_with_dataset(tmp_path, dataset)]) == 2
    err = capsys.readouterr().err
    assert all(w in err for w in words), err


def test_check_accepts_a_good_formula(tmp_path, capsys):
    good = {"name": "function", "params": {"expression": "sin(3*x) + 0.3*x"}}
    assert run_command(["check", network_with_dataset(tmp_path, good)]) == 0
