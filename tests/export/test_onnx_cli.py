"""`main.py export FILE --to onnx --out M.onnx [--weights W.npz]`: exit 0 and a model that
onnxruntime runs as the engine does; exit 2 with one `error:` line for a node that cannot be
expressed (named), bad weights, a folder that is not there, or no onnx package."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine import Network, compile_network
from engine.cli.main import run_command
from engine.nn.layers import Layer
from engine.nn.layers.core import Dense
from tests.export.runners import TOLERANCE, batch, max_diff

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
XOR = EXAMPLES / "xor_mlp.nw.json"


def onnx_output(path: Path, x: np.ndarray) -> np.ndarray:
    ort = pytest.importorskip("onnxruntime")
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["input"]
    assert session.get_inputs()[0].shape[0] == "batch"          # any batch size
    assert [o.name for o in session.get_outputs()] == ["output"]
    return session.run(["output"], {"input": x})[0]


def test_export_onnx_from_the_command_line(tmp_path):
    pytest.importorskip("onnx")
    out = tmp_path / "xor.onnx"
    done = subprocess.run([sys.executable, "main.py", "export", str(XOR), "--to", "onnx",
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "opset 17" in done.stdout
    net = Network.load(XOR)
    model = compile_network(net, seed=int(net.training["seed"]))     # the seeded weights
    x = batch(model, 7)
    assert max_diff(onnx_output(out, x), model.forward(x)) <= TOLERANCE


def test_export_onnx_carries_the_weights_given(tmp_path, capsys):
    pytest.importorskip("onnx")
    path = EXAMPLES / "digits_cnn.nw.json"
    model = compile_network(Network.load(path), seed=5)           # not the file's seed
    model.save_weights(tmp_path / "weights.npz")
    out = tmp_path / "cnn.onnx"
    assert run_command(["export", str(path), "--to", "onnx", "--out", str(out),
                        "--weights", str(tmp_path / "weights.npz")]) == 0
    x = batch(model, 3)
    assert max_diff(onnx_output(out, x), model.forward(x)) <= TOLERANCE


def error_lines(capsys) -> list[str]:
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(line.startswith("error: ") for line in err), err
    assert "Traceback" not in "\n".join(err)
    return err


def test_a_node_that_cannot_be_expressed_is_named(tmp_path, capsys, monkeypatch):
    pytest.importorskip("onnx")
    monkeypatch.setattr(Dense, "onnx_nodes", Layer.onnx_nodes)      # as a new layer type
    out = tmp_path / "m.onnx"
    assert run_command(["export", str(XOR), "--to", "onnx", "--out", str(out)]) == 2
    assert error_lines(capsys) == [
        "error: node 'h1': a Dense layer cannot be exported to ONNX yet"]
    assert not out.exists()


@pytest.mark.parametrize("content", [b"", b"not a zip at all", None])
def test_bad_weights_are_refused(tmp_path, capsys, content):
    pytest.importorskip("onnx")
    weights = tmp_path / "weights.npz"
    if content is not None:
        weights.write_bytes(content)
    out = tmp_path / "m.onnx"
    assert run_command(["export", str(XOR), "--to", "onnx", "--out", str(out),
                        "--weights", str(weights)]) == 2
    assert "weights.npz" in error_lines(capsys)[0]
    assert not out.exists()


def test_weights_of_another_network_are_refused(tmp_path, capsys):
    compile_network(Network.load(EXAMPLES / "iris.nw.json"), seed=0).save_weights(
        tmp_path / "iris.npz")
    assert run_command(["export", str(XOR), "--to", "onnx", "--out", str(tmp_path / "m.onnx"),
                        "--weights", str(tmp_path / "iris.npz")]) == 2
    assert "iris.npz" in error_lines(capsys)[0]


def test_an_out_folder_that_is_not_there_is_refused(tmp_path, capsys):
    pytest.importorskip("onnx")
    out = tmp_path / "missing" / "m.onnx"
    assert run_command(["export", str(XOR), "--to", "onnx", "--out", str(out)]) == 2
    assert error_lines(capsys) == [f"error: cannot write in the folder "
                                   f"{str(out.parent)!r}: No such file or directory"]


def test_without_the_onnx_package_the_export_says_how_to_get_it(tmp_path, capsys,
                                                                  monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)               # import onnx fails
    out = tmp_path / "m.onnx"
    assert run_command(["export", str(XOR), "--to", "onnx", "--out", str(out)]) == 2
    assert error_lines(capsys) == ["error: exporting to ONNX needs the onnx package, which "
                                   "is not installed: pip install onnx"]
    assert not out.exists()


def test_commands_other_than_export_do_not_import_onnx():
    # The parser lists the export targets for every command: that must not load onnx.
    code = ("import sys; from engine.cli.main import run_command; "
            f"run_command(['check', {str(XOR)!r}]); "
            "print(sorted(m for m in ('onnx', 'onnxruntime') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_the_onnx_export_needs_no_torch(tmp_path):
    pytest.importorskip("onnx")
    out = tmp_path / "m.onnx"
    code = ("import sys; sys.modules['torch'] = None; "        # import torch fails
            "from engine.cli.main import run_command; "
            f"sys.exit(run_command(['export', {str(XOR)!r}, '--to', 'onnx', '--out', "
            f"{str(out)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
