"""Download a known file once, verified, so a partial or corrupt file never looks valid."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from engine.errors import DataError
from engine.files import atomic_write

TIMEOUT_S = 30


@dataclass(frozen=True)
class RemoteFile:
    name: str          # file name, the same on every mirror
    size: int          # bytes
    md5: str           # published checksum


def fetch_url(url: str, out: BinaryIO) -> None:
    """Write the bytes at ``url`` into the open file ``out``, with a progress bar on stderr."""
    import urllib.request       # here, not at the top: it costs the GUI's start-up ~35 ms

    from tqdm import tqdm

    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        total = int(response.headers.get("Content-Length") or 0) or None
        with tqdm(total=total, unit="B", unit_scale=True, desc=Path(url).name,
                  leave=False) as bar:
            while chunk := response.read(1 << 16):
                out.write(chunk)
                bar.update(len(chunk))


def md5_of(f: BinaryIO) -> str:
    """The md5 of an open file's bytes, read from its start."""
    f.seek(0)
    digest = hashlib.md5(usedforsecurity=False)
    while block := f.read(1 << 20):
        digest.update(block)
    return digest.hexdigest()


Progress = Callable[[int, int], bool]   # (bytes so far, bytes expected) -> go on?


class DownloadCancelled(DataError):
    """The user cancelled a download; nothing was kept."""


class _CountingWriter:
    """Passes writes to ``out`` and reports each to ``progress``: any fetcher that writes
    chunks (the real one, or a test's fake) shows progress and can be cancelled."""

    def __init__(self, out: BinaryIO, total: int, progress: Progress):
        self._out, self._total, self._progress, self._done = out, total, progress, 0

    def write(self, chunk: bytes) -> int:
        if not self._progress(self._done, self._total):
            raise DownloadCancelled("download cancelled")
        written = self._out.write(chunk)
        self._done += len(chunk)
        if not self._progress(self._done, self._total):
            raise DownloadCancelled("download cancelled")
        return written


class _WrongBytes(Exception):
    """A mirror served a file of the wrong size or checksum."""


def _fetch_checked(url: str, remote: RemoteFile, out: BinaryIO,
                   progress: Progress | None = None) -> None:
    target = out if progress is None else _CountingWriter(out, remote.size, progress)
    fetch_url(url, target)          # looked up at call time: tests swap in a fake
    out.flush()
    if out.tell() != remote.size or md5_of(out) != remote.md5:
        raise _WrongBytes


def download_verified(remote: RemoteFile, mirrors: tuple[str, ...], folder: Path,
                      progress: Progress | None = None) -> Path:
    """Fetch ``remote`` from the first mirror that gives the right bytes into ``folder``.
    The file appears (atomic_write) only once its size and md5 match. ``progress(done,
    total)`` hears of each chunk; returning False cancels (DownloadCancelled, no file kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / remote.name
    problems = []
    for base in mirrors:
        url = base + remote.name
        try:
            return atomic_write(final, lambda out: _fetch_checked(url, remote, out, progress))
        except _WrongBytes:
            problems.append(f"{url}: wrong size or checksum")
        except (OSError, ValueError) as e:     # urllib's URLError is an OSError
            problems.append(f"{url}: {e}")
    raise DataError(f"could not download {remote.name} ({'; '.join(problems)})")
