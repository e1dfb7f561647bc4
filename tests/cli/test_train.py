"""`main.py train`: trains headless, prints the final JSON last, writes --out files, stops
cleanly on Ctrl+C, and refuses bad input with "error:" lines and exit 2."""
import csv
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli.main import run_command
from tests.engine.test_training import sine_net

ROOT = Path(__file__).resolve().parents[2]
XOR = ROOT / "resources" / "examples" / "xor_mlp.nw.json"


def main_py(*args, **kw):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, **kw)


def test_train_xor_prints_json_last_and_writes_the_out_folder(tmp_path):
    out = tmp_path / "run"
    done = main_py("train", XOR, "--epochs", 4, "--seed", 1, "--out", out)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"epochs", "train_loss", "val_loss", "val_accuracy", "seconds"} <= set(result)
    assert result["epochs"] == 4 and result["reason"] == "completed"
    assert "epoch" in done.stderr                                    # the progress bar
    assert json.loads((out / "metrics.json").read_text()) == result
    with open(out / "history.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["epoch"] for r in rows] == ["1", "2", "3", "4"]
    assert float(rows[-1]["val_accuracy"]) == result["val_accuracy"]
    import numpy as np
    with np.load(out / "weights.npz") as w:
        assert w["h1.weight"].shape == (4, 2)


def test_ctrl_c_stops_cleanly_and_still_writes_results(tmp_path):
    out = tmp_path / "run"
    proc = subprocess.Popen([sys.executable, "main.py", "train", str(XOR), "--epochs", "100000",
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    seen = b""
    while b"rate=" not in seen:                  # training has started: a step was reported
        chunk = proc.stderr.read1(4096)
        assert chunk, seen.decode(errors="replace")
        seen += chunk
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode(errors="replace")
    assert b"Traceback" not in seen + stderr
    result = json.loads(stdout.decode().strip().splitlines()[-1])
    assert result["reason"] == "stopped" and result["epochs"] < 100000
    assert (out / "weights.npz").exists() and (out / "metrics.json").exists()


def test_a_missing_file_exits_2_with_an_error_line_and_no_traceback(tmp_path):
    done = main_py("train", tmp_path / "nope.nw.json")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_broken_file_and_bad_arguments_exit_2(tmp_path, capsys):
    broken = tmp_path / "broken.nw.json"
    broken.write_text('{"format": "netwright-network", "version": 1, "nodes": [')
    assert run_command(["train", str(broken)]) == 2
    assert run_command(["train", str(XOR), "--epochs", "zero"]) == 2
    assert run_command(["train", str(XOR), "--seed", "-3"]) == 2
    err = capsys.readouterr().err
    assert err.count("error: ") >= 3 and "Traceback" not in err


def test_an_out_path_that_is_a_file_is_refused(tmp_path, capsys):
    taken = tmp_path / "taken"
    taken.write_text("x")
    assert run_command(["train", str(XOR), "--epochs", "1", "--out", str(taken)]) == 2
    assert "cannot create the output folder" in capsys.readouterr().err


def test_regression_reports_val_rmse(tmp_path, capsys):
    path = tmp_path / "sine.nw.json"
    sine_net(epochs=3).save(path)
    assert run_command(["train", str(path)]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["val_rmse"] > 0 and "val_accuracy" not in result


def test_a_diverging_run_exits_1_and_says_why(tmp_path, capsys):
    path = tmp_path / "hot.nw.json"
    sine_net(epochs=50, optimizer={"name": "sgd", "lr": 50.0}).save(path)
    assert run_command(["train", str(path)]) == 1
    captured = capsys.readouterr()
    assert "diverged at step" in captured.err
    assert json.loads(captured.out.strip().splitlines()[-1])["reason"] == "diverged"


@pytest.mark.parametrize("flag", ["--epochs", "--seed"])
def test_flags_need_a_value(flag, capsys):
    assert run_command(["train", str(XOR), flag]) == 2
    assert "error: " in capsys.readouterr().err


def test_train_says_which_default_training_a_file_without_one_uses(tmp_path, capsys):
    graph = json.loads(XOR.read_text())
    del graph["training"]
    path = tmp_path / "graph.nw.json"
    path.write_text(json.dumps(graph))
    assert run_command(["train", str(path), "--epochs", "2"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("note: the file has no training section, so training uses the "
                          "defaults: dataset xor, loss bce, adam (lr 0.03)")
    assert json.loads(out.splitlines()[-1])["epochs"] == 2


def test_train_names_the_defaults_before_the_problems_they_cause(tmp_path, capsys):
    from tests.cli.test_check import IMAGE_GRAPH
    path = tmp_path / "graph.nw.json"
    path.write_text(json.dumps(IMAGE_GRAPH))
    assert run_command(["train", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == "" and lines[0].startswith("note: the file has no training section")
    assert lines[1] == ("error: node 'in': the Input 'in' has shape [3, 32, 32] but dataset "
                        "'xor' gives [2]: set the Input's shape to [2]")


def _no_space_on_fsync(monkeypatch):
    """A full disk: every atomic write fails when its bytes are flushed (a fake writer)."""
    import engine.files

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(engine.files.os, "fsync", full)


def test_a_full_disk_after_training_still_prints_the_result_and_names_what_failed(
        tmp_path, monkeypatch, capsys):
    out = tmp_path / "run"
    _no_space_on_fsync(monkeypatch)
    assert run_command(["train", str(XOR), "--epochs", "2", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    result = json.loads(captured.out.strip().splitlines()[-1])
    assert result["reason"] == "completed" and result["epochs"] == 2
    for name in ("weights.npz", "history.csv", "metrics.json"):
        assert f"error: could not write {str(out / name)!r}: No space left on device" in captured.err
    assert "Traceback" not in captured.err and "internal problem" not in captured.err
    assert list(out.iterdir()) == []                    # no temporary file left behind


def test_a_read_only_out_folder_is_refused_before_training(tmp_path, monkeypatch, capsys):
    import tempfile
    out = tmp_path / "ro"
    out.mkdir()
    real = tempfile.mkstemp

    def read_only(*args, dir=None, **kw):    # root ignores chmod: fake the read-only folder
        if Path(dir) == out:
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kw)
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert run_command(["train", str(XOR), "--epochs", "100000", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert f"error: cannot write to the output folder {str(out)!r}: Permission denied" in captured.err
    assert captured.out == ""                           # refused at once, no run


def test_temporaries_a_killed_run_left_in_out_are_removed(tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    stale = out / ".weights.npz.abc123.tmp"
    stale.write_bytes(b"half")
    mine = out / "notes.tmp"
    mine.write_text("keep")
    assert run_command(["train", str(XOR), "--epochs", "1", "--out", str(out)]) == 0
    assert not stale.exists() and mine.exists()
