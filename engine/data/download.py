"""Download a known file once, verified, so a partial or corrupt file never looks valid."""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from engine.errors import DataError

TIMEOUT_S = 30


@dataclass(frozen=True)
class RemoteFile:
    name: str          # file name, the same on every mirror
    size: int          # bytes
    md5: str           # published checksum


def fetch_url(url: str, dest: Path) -> None:
    """Write the bytes at ``url`` into ``dest``, with a progress bar on stderr."""
    import urllib.request       # here, not at the top: it costs the GUI's start-up ~35 ms

    from tqdm import tqdm

    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        total = int(response.headers.get("Content-Length") or 0) or None
        with open(dest, "wb") as out, tqdm(total=total, unit="B", unit_scale=True,
                                           desc=Path(url).name, leave=False) as bar:
            while chunk := response.read(1 << 16):
                out.write(chunk)
                bar.update(len(chunk))


def is_valid(path: Path, remote: RemoteFile, check_md5: bool = True) -> bool:
    if not path.is_file() or path.stat().st_size != remote.size:
        return False
    return not check_md5 or md5_of(path) == remote.md5


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def download_verified(remote: RemoteFile, mirrors: tuple[str, ...], folder: Path) -> Path:
    """Fetch ``remote`` from the first mirror that gives the right bytes into ``folder``.
    Bytes land in a temporary file renamed only once size and md5 match."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / remote.name
    problems = []
    for base in mirrors:
        url = base + remote.name
        fd, tmp_name = tempfile.mkstemp(prefix=remote.name + ".", suffix=".part", dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            fetch_url(url, tmp)        # looked up at call time: tests swap in a fake
            if not is_valid(tmp, remote):
                problems.append(f"{url}: wrong size or checksum")
                continue
            os.replace(tmp, final)
            return final
        except (OSError, ValueError) as e:     # urllib's URLError is an OSError
            problems.append(f"{url}: {e}")
        finally:
            tmp.unlink(missing_ok=True)
    raise DataError(f"could not download {remote.name} ({'; '.join(problems)})")
