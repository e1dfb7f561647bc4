"""Unbounded reads (issue 13, item 7): a network file or a CSV that is /dev/zero, a FIFO or
larger than the documented limit is refused at once with a clear message, never read whole,
never waited on."""
import os
import threading

import numpy as np
import pytest

from engine.data import csv_table
from engine.errors import DataError, NetworkFileError
from engine.files import NETWORK_FILE_MAX_BYTES
from engine.graph import network_file


def _within(seconds, fn):
    """fn()'s exception, failing (not hanging) if it takes longer than ``seconds``."""
    box = {}

    def run():
        try:
            fn()
        except Exception as e:           # the refusal under test
            box["error"] = e
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading after {seconds} s"
    return box.get("error")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    yield path
    try:                                 # release a reader the code under test left blocked
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def _sparse(path, size):
    with open(path, "wb") as f:          # no disk used: a hole of ``size`` bytes
        f.truncate(size)
    return path


def _csv(path):
    params = {"path": str(path), "target": "", "task": "auto"}
    return lambda: csv_table.load_csv(params, np.random.default_rng(0))


def test_a_network_file_that_is_dev_zero_or_a_fifo_is_refused_at_once(fifo):
    for path in ("/dev/zero", fifo):
        error = _within(10, lambda: network_file.read(path))
        assert isinstance(error, NetworkFileError), error
        assert "not a regular file" in str(error) and str(path) in str(error)


def test_a_network_file_over_the_limit_is_refused_unread(tmp_path):
    big = _sparse(tmp_path / "big.nw.json", NETWORK_FILE_MAX_BYTES + 1)
    error = _within(10, lambda: network_file.read(big))
    assert isinstance(error, NetworkFileError)
    assert "too large" in str(error) and "MiB" in str(error) and "big.nw.json" in str(error)


def test_a_csv_that_is_dev_zero_or_a_fifo_is_refused_at_once(fifo):
    for path in ("/dev/zero", fifo):
        error = _within(10, _csv(path))
        assert isinstance(error, DataError), error
        assert "not a regular file" in str(error) and str(path) in str(error)


def test_a_csv_over_the_limit_is_refused_unread(tmp_path):
    big = _sparse(tmp_path / "big.csv", csv_table.CSV_MAX_BYTES + 1)
    error = _within(10, _csv(big))
    assert isinstance(error, DataError)
    assert "too large" in str(error) and "big.csv" in str(error)


def test_a_csv_within_the_limit_still_loads(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("a,b,y\n1,2,0\n3,4,1\n5,6,0\n")
    x, y = _csv(path)()
    assert x.shape == (3, 2)
