"""Writing a file so that it is either the old file or the whole new one, never half of one.

Every file Netwright writes (networks, weights, checkpoints, training results, the GUI's
recovery file, downloaded datasets) goes through ``atomic_write``: the bytes go to a
temporary file in the target's folder (a rename is only atomic within one file system),
are flushed to the disk, and the temporary file is then renamed over the target. A crash,
a kill or a full disk at any moment leaves the old file whole; a failure removes the
temporary file.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import zipfile
import zlib
from glob import escape as glob_escape
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from engine.errors import WeightsFileError

# What NumPy's and zipfile's readers raise on a damaged file (seen on truncated, random,
# empty and hand-made files): each becomes a WeightsFileError naming the file.
_DAMAGED_FILE_ERRORS = (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error,
                        MemoryError, TypeError, KeyError, IndexError, RecursionError,
                        NotImplementedError, OverflowError)


MiB = 1 << 20
# The largest network file read (documented limit). A 20,000-node file is about 2 MiB, so
# this is far above any real network and far below what would strain memory.
NETWORK_FILE_MAX_BYTES = 64 * MiB


class NotRegularFile(OSError):
    """A path names a folder, a FIFO, a device (/dev/zero) or a socket, not a file: reading
    it could block forever or never end."""


class FileTooLarge(OSError):
    """A file is larger than the documented limit for what it should hold."""


def read_capped(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused (NotRegularFile, FileTooLarge, both
    OSErrors whose ``strerror`` says why) before reading if it is not a regular file or
    holds more than ``limit`` bytes. Opened non-blocking, so a FIFO is refused instead of
    waiting for a writer forever; at most ``limit`` + 1 bytes are read, so a file that grows
    while it is read cannot exhaust memory either."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):     # Linux opens a folder read-only without complaint
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(0, "not a regular file (a folder, device or pipe)", str(path))
        if st.st_size > limit:
            raise FileTooLarge(0, _too_large(st.st_size, limit), str(path))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(0, _too_large(len(data), limit), str(path))
    return data


def check_readable_size(path: str | os.PathLike, limit: int) -> None:
    """``read_capped``'s refusals from ``os.stat`` alone (no open, no read): a cheap check
    to run before a cached load."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(0, "not a regular file (a folder, device or pipe)", str(path))
    if st.st_size > limit:
        raise FileTooLarge(0, _too_large(st.st_size, limit), str(path))


def _too_large(size: int, limit: int) -> str:
    return (f"too large: {size / MiB:,.1f} MiB, more than the limit of {limit / MiB:,.0f} "
            f"MiB")


class FolderNotWritable(OSError):
    """The temporary file could not be made: the folder is missing, read-only or full.
    Nothing was written and the target is unchanged."""


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(f)`` with a new temporary file open for binary reading and writing,
    then put it in the place of ``path``. Anything ``write`` raises (an OSError, or a
    check that the bytes are right) leaves ``path`` as it was. The new file keeps the
    permissions of the file it replaces (0o644 for a new one). Returns ``path``."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise FolderNotWritable(e.errno, e.strerror, str(path.parent)) from e
    try:
        with os.fdopen(fd, "w+b") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))   # mkstemp makes it private; keep the usual mode
        os.replace(tmp, path)
    except BaseException:                # KeyboardInterrupt too: no temporary left behind
        _remove_quietly(tmp)
        raise
    _sync_folder(path.parent)
    return path


def check_folder_writable(folder: str | os.PathLike) -> None:
    """FolderNotWritable unless a file can be made in ``folder`` now: checked by making (and
    removing) one, as ``os.access`` says yes to root on a read-only mount."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".netwright-probe.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise FolderNotWritable(e.errno, e.strerror, str(folder)) from e
    os.close(fd)
    _remove_quietly(probe)


def remove_stale_temporaries(path: str | os.PathLike) -> list[Path]:
    """Remove the temporary files an ``atomic_write`` of ``path`` killed mid-way left behind
    (a kill skips its own clean-up). Only for a path one program writes at a time."""
    path = Path(path)
    removed = []
    for tmp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        if tmp.is_file() and not tmp.is_symlink():
            _remove_quietly(str(tmp))
            removed.append(tmp)
    return removed


def read_npz(path: str | os.PathLike, what: str) -> dict[str, np.ndarray]:
    """Every array of the .npz at ``path`` (numbers only, no pickles), or WeightsFileError
    saying "``what`` 'path': <what is wrong>" for a missing, special or damaged file."""
    where = f"{what} {str(path)!r}"
    path = Path(path)
    if not path.exists():
        raise WeightsFileError(f"{where}: no such file")
    if not path.is_file():                     # a folder, a FIFO (would block), /dev/zero
        raise WeightsFileError(f"{where}: not a regular file")
    try:
        data = np.load(path, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):     # a .npy array, or pickle refused
            raise WeightsFileError(f"{where}: not an .npz of named arrays")
        with data:
            return {k: data[k] for k in data.files}
    except WeightsFileError:
        raise
    except _DAMAGED_FILE_ERRORS as e:
        raise WeightsFileError(f"{where}: not a readable .npz file "
                               f"({_short_reason(e)})") from None


def _short_reason(e: BaseException) -> str:
    if "pickle" in str(e):          # np.load's guess for unknown bytes: not a hint to follow
        return "it does not start like a zip archive"
    text = str(e).splitlines()[0][:120] if str(e) else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """``atomic_write`` of one string (written as it is: no newline translation)."""
    data = text.encode(encoding)
    return atomic_write(path, lambda f: f.write(data))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened so on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _remove_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
