"""Corrupt weight and checkpoint files: every way a file can be broken ends in one documented
error (WeightsFileError, a TrainingError and a ValueError) naming the file, never EOFError,
BadZipFile, MemoryError, KeyError... (issue 13, item 14)."""
import io
import json
import zipfile

import numpy as np
import pytest

from engine.errors import TrainingError, WeightsFileError
from engine.graph.compiler import compile_network
from engine.training.checkpoint import read_checkpoint
from engine.training.trainer import Trainer
from tests.engine.test_training import mlp_net


def _good_checkpoint(tmp_path):
    trainer = Trainer(mlp_net(epochs=1))
    trainer.save_checkpoint(tmp_path / "good.npz")
    return (tmp_path / "good.npz").read_bytes()


def _npz(**arrays) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _meta(state) -> bytes:
    meta = {"format": "netwright-checkpoint", "version": 1, "state": state}
    return _npz(__meta__=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))


def _huge_header_npy() -> bytes:
    """A valid .npy header declaring 10^15 floats over a few bytes of data."""
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000000,), }"
    header += " " * (118 - len(header)) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + b"\0" * 8


def _zip(name, data) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, data)
    return buf.getvalue()


def corrupt_files(tmp_path):
    good = _good_checkpoint(tmp_path)
    rng = np.random.default_rng(0)
    return {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "truncated-header": good[:30],
        "random-bytes": rng.bytes(4096),
        "random-after-zip-magic": b"PK\x03\x04" + rng.bytes(4096),
        "wrong-arrays": _npz(w=np.zeros(3)),
        "object-array": _zip("w.npy", _npy_object()),
        "huge-declared-array": _zip("w.npy", _huge_header_npy()),
        "meta-not-json": _npz(__meta__=np.frombuffer(b"{nope", dtype=np.uint8)),
        "meta-deep": _npz(__meta__=np.frombuffer(
            (b'{"format": "netwright-checkpoint", "version": 1, "state": '
             + b"[" * 100000 + b"]" * 100000 + b"}"), dtype=np.uint8)),
        "meta-missing-array": _meta({"__array__": "a99"}),
        "meta-bad-dict": _meta({"__dict__": [1, 2]}),
        "meta-bad-scalar": _meta({"__scalar__": 5}),
        "meta-version-text": _npz(__meta__=np.frombuffer(
            b'{"format": "netwright-checkpoint", "version": "x", "state": {}}', dtype=np.uint8)),
        "meta-not-object": _npz(__meta__=np.frombuffer(b"[1, 2]", dtype=np.uint8)),
        "state-without-keys": _meta({"__dict__": [["seed", 0]]}),
    }


def _npy_object() -> bytes:
    header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
    header += " " * (118 - len(header)) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + b"\0" * 8


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, data in corrupt_files(tmp_path).items():
        paths[name] = tmp_path / f"{name}.npz"
        paths[name].write_bytes(data)
    paths["missing"] = tmp_path / "missing.npz"
    paths["a-folder"] = tmp_path
    return paths


def test_the_error_is_one_documented_class():
    assert issubclass(WeightsFileError, TrainingError) and issubclass(WeightsFileError, ValueError)


def test_every_corrupt_checkpoint_raises_weights_file_error_naming_the_file(files):
    for name, path in files.items():
        with pytest.raises(WeightsFileError) as caught:
            Trainer.from_checkpoint(path, mlp_net(epochs=1))
        assert str(path) in str(caught.value), name
        with pytest.raises(WeightsFileError):
            Trainer(mlp_net(epochs=1)).load_checkpoint(path)


def test_every_corrupt_weights_file_raises_weights_file_error_naming_the_file(files):
    model = compile_network(mlp_net(epochs=1))
    for name, path in files.items():
        with pytest.raises(WeightsFileError) as caught:
            model.load_weights(path)
        assert str(path) in str(caught.value), name


def test_read_checkpoint_of_a_corrupt_file_raises_weights_file_error(files):
    for name, path in files.items():
        if name == "state-without-keys":
            continue                       # a readable checkpoint, just an incomplete state
        with pytest.raises(WeightsFileError):
            read_checkpoint(path)
