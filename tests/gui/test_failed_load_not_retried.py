"""Issue 13, item 7 (the window's part): a CSV that fails to load was read again on every
edit (the window analyses the network on each one, and the analysis asks the dataset for
its shape): a 55 MiB file with a bad cell in its last row froze every edit 7.4 s. A failure
is remembered per dataset section and file version (size and modification time): the file
is read again only when the section or the file changes, or when the user presses Train."""
from __future__ import annotations

import os

import pytest

import engine.data.csv_table as csv_table
from engine.graph.network import Network
from gui.commands import SetParam, SetTraining
from tests.gui.conftest import xor_network

GOOD = "a,b,label\n" + "".join(f"{i % 3},{i % 5},{i % 2}\n" for i in range(40))
BAD = GOOD + "1,oops,0\n"


@pytest.fixture
def reads(monkeypatch):
    """The paths the CSV dataset reads, in order."""
    seen = []
    real = csv_table._read_table

    def counted(path, *options):
        seen.append(path)
        return real(path, *options)
    monkeypatch.setattr(csv_table, "_read_table", counted)
    return seen


def csv_network(path) -> Network:
    net = xor_network()
    net.set_training({"dataset": {"name": "csv", "params": {"path": str(path)}},
                      "loss": "bce", "optimizer": {"name": "adam", "lr": 0.01},
                      "batch_size": 8, "epochs": 1, "seed": 0})
    return net


def write(path, text: str, mtime_ns: int) -> None:
    path.write_text(text)
    os.utime(path, ns=(mtime_ns, mtime_ns))      # a new version even within one clock tick


def edit(window, units: int) -> None:
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", units))


def data_problem(window) -> str:
    return " ".join(window.document.errors.get(None, []))


def test_a_failed_load_is_read_again_only_when_something_changes(main_window, tmp_path,
                                                                 reads, monkeypatch):
    w = main_window
    path = tmp_path / "table.csv"
    write(path, BAD, 1_000_000_000_000_000_000)
    w.document.replace(csv_network(path), None)
    assert len(reads) == 1 and "row 42, column 'b'" in data_problem(w)

    for units in range(5, 10):                   # edits: the failure is remembered
        edit(w, units)
        assert "row 42, column 'b'" in data_problem(w)
    assert len(reads) == 1

    write(path, GOOD, 1_000_000_000_000_000_001)   # the file changed: read again, and fine
    edit(w, 11)
    assert len(reads) == 2 and "csv" not in data_problem(w)
    edit(w, 12)
    assert len(reads) == 2                       # a good table is kept as before

    write(path, BAD, 1_000_000_000_000_000_002)
    edit(w, 13)
    assert len(reads) == 3 and "row 42" in data_problem(w)
    section = {**w.document.network.training["dataset"], "params": {"path": str(path),
                                                                    "target": "a"}}
    w.document.undo_stack.push(SetTraining.for_field(w.document, "dataset", section))
    assert len(reads) == 4                       # another section: read again

    # Train asks to try again: one read, and the problem is said where training is
    w.training_actions["train"].trigger()
    assert len(reads) == 5
    assert "row 42, column 'b'" in w.training.dashboard.banner.label.text()
    assert w.training.trainer is None
    edit(w, 14)
    assert len(reads) == 5
