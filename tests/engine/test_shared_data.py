"""engine.data.shared: datasets reach a child process through one shared memory file."""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import gc
import hashlib
import multiprocessing
import os
import pickle
import subprocess
import sys
import tempfile
import textwrap
from multiprocessing.context import set_spawning_popen
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import numpy as np
import pytest

from engine.data import Dataset, SharedDataset, load_dataset, share
from engine.data import shared as shared_module

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no fd passing on Windows")
LINUX = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
ROOT = Path(__file__).resolve().parents[2]
KINDS = {"toy": {"name": "xor", "params": {"samples": 400}},
         "images": {"name": "digits"},
         "regression": {"name": "diabetes"},        # standardized: statistics arrays too
         "function": {"name": "sine"}}
CONTEXTS = [m for m in ("forkserver", "spawn") if m in multiprocessing.get_all_start_methods()]


def arrays(ds: Dataset) -> dict[str, np.ndarray]:
    return {f.name: getattr(ds, f.name) for f in dataclasses.fields(Dataset)
            if isinstance(getattr(ds, f.name), np.ndarray)}


def digests(ds: Dataset) -> dict[str, tuple]:
    return {k: (a.dtype.str, a.shape, hashlib.sha256(a.tobytes()).hexdigest())
            for k, a in arrays(ds).items()}


def in_one_map(ds: SharedDataset) -> bool:
    whole = np.frombuffer(ds.memory.map, np.uint8)
    return all(np.shares_memory(a, whole) and not a.flags.owndata for a in arrays(ds).values())


def report(ds) -> dict:
    """What the child sees: the arrays' bytes, where they live, whether it may write them."""
    return {"type": type(ds).__name__, "name": ds.name, "feature_shape": ds.feature_shape,
            "digests": digests(ds), "in_one_map": in_one_map(ds),
            "writeable": [k for k, a in arrays(ds).items() if a.flags.writeable]}


def child(conn, datasets) -> None:
    conn.send([report(ds) for ds in datasets])


def round_trip(method: str, datasets: list) -> list[dict]:
    ctx = multiprocessing.get_context(method)
    mine, theirs = ctx.Pipe()
    process = ctx.Process(target=child, args=(theirs, datasets))
    process.start()
    theirs.close()
    try:
        return mine.recv()
    finally:
        mine.close()
        process.join(10)
        process.close()


def open_fds() -> list[str]:
    return sorted(os.listdir("/proc/self/fd"))


class _StartingPopen:
    """Stands for multiprocessing's Popen while a Process is pickled: collects the fds that
    go with the child (which here is this process: it gets a duplicate)."""

    def __init__(self):
        self.fds = []

    def duplicate_for_child(self, fd):
        self.fds.append(fd)
        return fd

    def DupFd(self, fd):        # noqa: N802 -- multiprocessing's name
        return _Duplicate(fd)


@dataclasses.dataclass
class _Duplicate:
    fd: int

    def detach(self) -> int:
        return os.dup(self.fd)


@contextlib.contextmanager
def starting_a_process():
    popen = _StartingPopen()
    set_spawning_popen(popen)
    try:
        yield popen
    finally:
        set_spawning_popen(None)


@pytest.fixture(scope="module")
def plain():
    return {kind: load_dataset(section, seed=0) for kind, section in KINDS.items()}


@pytest.mark.parametrize("method", CONTEXTS)
def test_every_kind_of_dataset_reaches_a_child_shared_and_read_only(method, plain):
    shared = [share(ds) for ds in plain.values()]
    for got, ds in zip(round_trip(method, shared), plain.values()):
        assert got["type"] == "SharedDataset" and got["in_one_map"]
        assert (got["name"], got["feature_shape"]) == (ds.name, ds.feature_shape)
        assert got["digests"] == digests(ds)
        assert got["writeable"] == []


def test_the_parents_arrays_are_views_of_the_map_not_the_originals(plain):
    for ds in plain.values():
        shared = share(ds)
        assert isinstance(shared, SharedDataset) and in_one_map(shared)
        assert digests(shared) == digests(ds)
        assert not any(a.flags.writeable for a in arrays(shared).values())
        assert not any(np.shares_memory(a, arrays(ds)[k]) for k, a in arrays(shared).items())
        assert [f for f in ("name", "task", "n_classes", "class_names", "standardized")
                if getattr(shared, f) != getattr(ds, f)] == []


def test_without_memfd_an_unlinked_temporary_file_does_the_same(plain, monkeypatch):
    monkeypatch.setattr(shared_module, "_MEMFD", False)           # as on macOS
    before = set(Path(tempfile.gettempdir()).iterdir())
    shared = share(plain["images"])
    assert set(Path(tempfile.gettempdir()).iterdir()) == before
    [got] = round_trip(CONTEXTS[-1], [shared])
    assert got["digests"] == digests(plain["images"]) and got["writeable"] == []


def test_sharing_is_idempotent(plain):
    shared = share(plain["toy"])
    assert share(shared) is shared


def test_an_mnist_sized_set_pickles_to_a_few_bytes_and_one_fd_for_a_child():
    x = np.zeros((60_000, 784), np.float32)
    ds = share(Dataset(name="big", task="classification", feature_shape=(784,), n_classes=10,
                       x_train=x, y_train=np.zeros(60_000, np.int64),
                       x_val=x[:10_000], y_val=np.zeros(10_000, np.int64)))
    del x
    with starting_a_process() as popen:
        size = len(ForkingPickler.dumps(ds))
    assert size < 10_000
    assert popen.fds == [ds.memory.fd]


def test_an_array_put_in_after_sharing_goes_to_the_child_as_a_copy(plain):
    ds = dataclasses.replace(share(plain["toy"]), x_val=np.ones((3, 2), np.float32))
    with starting_a_process():
        back = pickle.loads(ForkingPickler.dumps(ds))
    assert digests(back) == digests(ds)
    assert back.x_val.flags.writeable and not back.x_train.flags.writeable


def test_a_plain_pickle_or_deepcopy_gives_an_ordinary_dataset_with_copies(plain):
    shared = share(plain["images"])
    for other in (pickle.loads(pickle.dumps(shared)), copy.deepcopy(shared)):
        assert type(other) is Dataset
        assert digests(other) == digests(shared)
        assert other.x_train.flags.writeable


@LINUX
def test_nothing_stays_open_or_mapped_once_the_dataset_is_gone(plain):
    round_trip(CONTEXTS[0], [share(plain["toy"])])        # starts the fork server, if any
    before = open_fds()
    shared = share(plain["images"])
    assert len(open_fds()) == len(before) + 2              # our fd and the map's own
    round_trip(CONTEXTS[0], [shared])
    del shared
    gc.collect()
    assert open_fds() == before
    assert "netwright-dataset" not in Path("/proc/self/maps").read_text()


@LINUX
def test_a_killed_child_leaves_no_file_and_no_warning(tmp_path):
    script = textwrap.dedent("""
        import multiprocessing, os, signal, sys
        from engine.data import load_dataset
        from engine.data.shared import share

        def child(conn, ds):
            conn.send(float(ds.x_train.sum()))
            conn.recv()

        if __name__ == "__main__":
            ds = share(load_dataset({"name": "digits"}, seed=0))
            ctx = multiprocessing.get_context("forkserver")
            mine, theirs = ctx.Pipe()
            p = ctx.Process(target=child, args=(theirs, ds))
            p.start()
            mine.recv()
            os.kill(p.pid, signal.SIGKILL)
            p.join()
            print(p.exitcode)
    """)
    (tmp_path / "run.py").write_text(script)
    temp = tmp_path / "tmp"        # the script's own temporary folder: other programs on the
    temp.mkdir()                   # machine make theirs in the shared one meanwhile
    shm = Path("/dev/shm")
    before = set(shm.iterdir())
    done = subprocess.run([sys.executable, str(tmp_path / "run.py")], cwd=ROOT, timeout=60,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)})
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "-9", "")
    assert list(temp.iterdir()) == []
    # multiprocessing's shared memory and semaphores: psm_*, sem.mp-*
    assert [p.name for p in set(shm.iterdir()) - before
            if p.name.startswith(("psm_", "sem.mp-", "netwright"))] == []
