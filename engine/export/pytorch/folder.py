"""Writing the project folder whole or not at all.

The files are written into a fresh temporary folder next to the target, then moved into
place by renames: a failure while writing (a full disk, an interrupt) leaves no half
project. The target must be new, empty, or an earlier export (it holds MARKER): an earlier
export's files are replaced, anything else in it (trained.pt, the user's own files) is kept.
A folder that holds other things is refused, never overwritten.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from engine.errors import ExportError

MARKER = ".netwright-export.json"


def check_target(out: Path) -> None:
    """ExportError unless ``out`` may receive the project."""
    if not (out.exists() or out.is_symlink()):
        return
    if not out.is_dir():
        raise ExportError(None, f"{str(out)!r} is a file, not a folder: choose a new folder "
                                f"for the project")
    try:
        names = sorted(p.name for p in out.iterdir())
    except OSError as e:
        raise ExportError(None, f"cannot read the folder {str(out)!r}: "
                                f"{e.strerror or e}") from None
    if names and MARKER not in names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise ExportError(None, f"the folder {str(out)!r} is not empty ({shown}) and is not an "
                                f"earlier export: choose a new or empty folder")


def write_folder(out: Path, files: dict[str, bytes], kind: str) -> None:
    """Write ``files`` (name -> bytes) into the folder ``out`` (see the module's rules)."""
    out = Path(out)
    check_target(out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise ExportError(None, f"cannot make the folder {str(out)!r}: "
                                f"{e.strerror or e}") from None
    try:
        marker = {"format": "netwright-export", "kind": kind, "files": sorted(files)}
        for name, data in {**files, MARKER: json.dumps(marker).encode()}.items():
            _write_synced(tmp / name, data)
        _move_into_place(tmp, out, [*files, MARKER])
    except BaseException:                      # KeyboardInterrupt too: no temporary left
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, 0o644)                      # mkdtemp's folder is private; files are not


def _move_into_place(tmp: Path, out: Path, names: list[str]) -> None:
    if not out.exists():
        os.chmod(tmp, 0o755)
        os.rename(tmp, out)                    # one rename: the whole folder appears at once
        return
    for name in names:                         # an earlier export (or an empty folder)
        os.replace(tmp / name, out / name)
    tmp.rmdir()
