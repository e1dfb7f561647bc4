"""Datasets shared with the training process without a copy.

    dataset = share(load_dataset(section, seed))     # the arrays now live in one memory file
    ctx.Process(target=..., args=(..., dataset))     # the child maps the same pages

``share`` writes a dataset's arrays once into an anonymous memory file (``memfd_create`` on
Linux, an unlinked temporary file elsewhere on POSIX) and returns a SharedDataset whose arrays
are read-only views of one map of it. When multiprocessing pickles it to start a child
(forkserver or spawn) or sends it down a Pipe, only the metadata, the arrays' places and a
file descriptor travel (under 1 kB whatever the size); the child maps the same pages read-only.
A plain ``pickle`` or ``copy.deepcopy`` cannot carry a descriptor: it gives an ordinary
Dataset with copies of the arrays.

The file has no name, so nothing can be left behind (no /dev/shm entry, no temporary file, no
resource tracker): the kernel frees it when the last descriptor and map of it close, also when
a process is killed. (multiprocessing.shared_memory is named, its resource tracker unlinks or
warns about segments a child attached to, and it lives in /dev/shm, 64 MB in a default Docker
container; a memfd is limited by memory alone.)

Windows cannot pass a descriptor: there ``share`` returns the dataset as it is and the child
gets a pickled copy.
"""
from __future__ import annotations

import dataclasses
import mmap
import os
import sys
import tempfile
import weakref
from multiprocessing.reduction import DupFd, ForkingPickler

import numpy as np

from engine.data.dataset import Dataset

ALIGN = 64                          # each array starts on a cache line (SIMD-friendly loads)
CAN_SHARE = sys.platform != "win32"
_MEMFD = hasattr(os, "memfd_create")    # Linux


class _MemoryFile:
    """An anonymous file holding a dataset's bytes, and one read-only map of all of it."""

    def __init__(self, fd: int):
        self.size = os.fstat(fd).st_size
        self.map = mmap.mmap(fd, self.size, access=mmap.ACCESS_READ)   # holds its own dup
        self.address = np.frombuffer(self.map, np.uint8).ctypes.data
        self.fd = fd                            # kept open: pickling hands it to a child
        weakref.finalize(self, os.close, fd)

    def view(self, offset: int, dtype: str, shape: tuple) -> np.ndarray:
        return np.ndarray(shape, dtype, buffer=self.map, offset=offset)

    def offset_of(self, a: np.ndarray) -> int | None:
        """Where ``a`` lies in the map, or None if it is not a contiguous piece of it."""
        start = a.__array_interface__["data"][0] - self.address
        inside = a.flags.c_contiguous and 0 <= start and start + a.nbytes <= self.size
        return start if inside else None


@dataclasses.dataclass(frozen=True, kw_only=True, eq=False)
class SharedDataset(Dataset):
    """A Dataset whose arrays are read-only views of one anonymous memory file."""

    memory: _MemoryFile = dataclasses.field(repr=False)

    def __reduce__(self):
        # pickle / deepcopy (not multiprocessing): a file descriptor cannot go into a byte
        # stream, so the arrays go as copies in an ordinary Dataset.
        return _plain_dataset, (_fields(self),)


def share(dataset: Dataset) -> Dataset:
    """The dataset with its arrays in shared memory (the same dataset if it already is, or on
    Windows). The arrays are copied once; drop the original so that only the shared ones stay."""
    if isinstance(dataset, SharedDataset) or not CAN_SHARE:
        return dataset
    fields = _fields(dataset)
    arrays = {name: a for name, a in fields.items() if isinstance(a, np.ndarray)}
    fd = _anonymous_file()
    try:
        places = _write(fd, arrays)
        if _MEMFD:
            _seal(fd)
        memory = _MemoryFile(fd)
    except BaseException:
        os.close(fd)
        raise
    return _rebuild(memory, fields, places)


def _anonymous_file() -> int:
    if _MEMFD:
        return os.memfd_create("netwright-dataset", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    with tempfile.TemporaryFile() as f:         # unlinked at once on POSIX
        return os.dup(f.fileno())


def _write(fd: int, arrays: dict[str, np.ndarray]) -> dict[str, tuple]:
    """Write each array at an aligned offset with file writes (no writable map is ever made,
    so the file can be sealed); return {name: (offset, dtype, shape)}."""
    places, end = {}, 0
    with open(fd, "wb", closefd=False) as f:
        for name, a in arrays.items():
            f.seek(end)
            a.tofile(f)
            places[name] = (end, a.dtype.str, a.shape)
            end += -(-a.nbytes // ALIGN) * ALIGN
        f.truncate(max(end, 1))                 # mmap refuses an empty file
    return places


def _seal(fd: int) -> None:
    """No process may write, grow or shrink the file any more: the data cannot change under a
    training run, and a shrunk file cannot crash another process's map (SIGBUS)."""
    import fcntl
    fcntl.fcntl(fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_WRITE | fcntl.F_SEAL_GROW
                | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_SEAL)


def _fields(dataset: Dataset) -> dict:
    return {f.name: getattr(dataset, f.name) for f in dataclasses.fields(Dataset)}


def _rebuild(memory: _MemoryFile, fields: dict, places: dict) -> SharedDataset:
    views = {name: memory.view(*place) for name, place in places.items()}
    return SharedDataset(**{**fields, **views}, memory=memory)


def _plain_dataset(fields: dict) -> Dataset:
    return Dataset(**fields)


# ---- multiprocessing: the descriptor and the arrays' places, never the bytes -------------------
def _reduce_for_child(dataset: SharedDataset):
    memory = dataset.memory
    fields, places = {}, {}
    for name, value in _fields(dataset).items():
        offset = memory.offset_of(value) if isinstance(value, np.ndarray) else None
        if offset is None:                      # metadata, or an array put in after sharing
            fields[name] = value
        else:
            places[name] = (offset, value.dtype.str, value.shape)
    # DupFd: while a Process starts, the fd goes with it (forkserver, spawn); later, through
    # multiprocessing's resource sharer (a Pipe to a running child). As heap.Arena does.
    return _rebuild_in_child, (DupFd(memory.fd), fields, places)


def _rebuild_in_child(dup_fd, fields: dict, places: dict) -> SharedDataset:
    return _rebuild(_MemoryFile(dup_fd.detach()), fields, places)


if CAN_SHARE:
    ForkingPickler.register(SharedDataset, _reduce_for_child)
