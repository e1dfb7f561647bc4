"""engine.files.atomic_write, the one way Netwright writes a file: the target is the old file
or the whole new one, never a part; a failure leaves no temporary file behind."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from engine.files import FolderNotWritable, atomic_write, atomic_write_text

ROOT = Path(__file__).resolve().parents[2]


def test_writes_the_whole_file_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "a.json"
    assert atomic_write(path, lambda f: f.write(b"new")) == path
    assert path.read_bytes() == b"new"
    atomic_write_text(path, "über\r\n")                 # as given: no newline translation
    assert path.read_bytes() == "über\r\n".encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_writer_that_fails_halfway_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "weights.npz"
    path.write_bytes(b"old and whole")

    def half_then_fail(f):
        f.write(b"half of the new")
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, half_then_fail)
    assert path.read_bytes() == b"old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["weights.npz"]


def test_a_failed_rename_or_an_interrupt_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.txt"
    path.write_text("old")

    def interrupted(f):
        f.write(b"partial")
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, interrupted)

    def refused(*args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_mid_write_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "net.nw.json"
    path.write_text("old and whole")
    code = f"""
import os, signal
from engine.files import atomic_write
def write(f):
    f.write(b"the first half of a new file")
    f.flush()
    os.kill(os.getpid(), signal.SIGKILL)
atomic_write({str(path)!r}, write)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert path.read_text() == "old and whole"        # the temporary may stay; never the target


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "shared.nw.json"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write_text(path, "new")
    assert path.stat().st_mode & 0o777 == 0o640
    fresh = atomic_write_text(tmp_path / "fresh.txt", "x")
    assert fresh.stat().st_mode & 0o777 == 0o644       # not mkstemp's private 0o600


def test_a_missing_folder_is_a_folder_problem(tmp_path):
    with pytest.raises(FolderNotWritable) as e:
        atomic_write_text(tmp_path / "nope" / "x.txt", "x")
    assert isinstance(e.value, OSError) and str(tmp_path / "nope") in str(e.value)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="a read-only folder binds neither Windows nor root")
def test_a_read_only_folder_is_a_folder_problem_and_the_file_is_untouched(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "x.txt").write_text("old")
    folder.chmod(0o555)
    try:
        with pytest.raises(FolderNotWritable):
            atomic_write_text(folder / "x.txt", "new")
        assert (folder / "x.txt").read_text() == "old"
    finally:
        folder.chmod(0o755)
