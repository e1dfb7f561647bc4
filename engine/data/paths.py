"""Where a dataset's file and folder params point (Param kinds "file" and "folder").

A relative path starts from the folder of the network file (DESIGN.md), so a folder holding
a network and its data can be moved or sent; a network never saved has no folder and its
relative paths start from the current folder. The one place this rule is written.
"""
from __future__ import annotations

import os
from pathlib import Path

from engine.schema import Param

PATH_KINDS = ("file", "folder")


def resolve_path(text: str, base: str | Path | None) -> str:
    """``text`` (a param's value) as the path it means; "" (nothing chosen) stays ""."""
    if not text:
        return text
    path = Path(text).expanduser()
    if path.is_absolute() or base is None:
        return str(path)
    return str(Path(base) / path)


def resolve_paths(params: tuple[Param, ...], values: dict, base: str | Path | None) -> dict:
    """``values`` (complete and valid) with every file and folder param resolved."""
    kinds = {p.name: p.kind for p in params}
    return {name: resolve_path(v, base) if kinds.get(name) in PATH_KINDS else v
            for name, v in values.items()}


def stored_path(chosen: str | Path, base: str | Path | None) -> str:
    """How a path the user chose is written in the file: relative to ``base`` (the network
    file's folder) when the network has been saved, absolute otherwise (or when the two are
    on different drives, which no relative path joins)."""
    chosen = os.path.abspath(os.path.expanduser(str(chosen)))
    if base is None:
        return chosen
    try:
        return Path(os.path.relpath(chosen, os.path.abspath(str(base)))).as_posix()
    except ValueError:                    # Windows: another drive
        return chosen



def with_absolute_paths(section, base: str | Path | None):
    """A copy of the dataset ``section`` whose relative file and folder params start from
    ``base``, for a network that travels without its folder (a race's racers). A section
    that is not valid comes back as it is: its own checks say what is wrong."""
    from engine.data.dataset import DATASETS
    try:
        spec = DATASETS[section["name"]]
        params = dict(section.get("params") or {})
        kinds = {p.name: p.kind for p in spec.params}
        params = {k: resolve_path(v, base) if kinds.get(k) in PATH_KINDS and isinstance(
            v, str) else v for k, v in params.items()}
    except (TypeError, KeyError, AttributeError, ValueError):
        return section
    return {**section, "params": params}


def rebased_section(section, old_base: str | Path | None, new_base: str | Path | None):
    """The dataset ``section`` for a network saved from ``old_base`` into ``new_base`` (Save
    As into another folder): each relative file or folder param re-written so that it still
    points where it did. The same object when nothing changes or the section is not valid."""
    if _same_folder(old_base, new_base):
        return section
    from engine.data.dataset import DATASETS
    try:
        kinds = {p.name: p.kind for p in DATASETS[section["name"]].params}
        params = dict(section.get("params") or {})
    except (TypeError, KeyError, AttributeError, ValueError):
        return section
    moved = {k: stored_path(resolve_path(v, old_base), new_base) for k, v in params.items()
             if kinds.get(k) in PATH_KINDS and isinstance(v, str) and v
             and not Path(v).expanduser().is_absolute()}
    return {**section, "params": {**params, **moved}} if moved else section


def _same_folder(a, b) -> bool:
    return os.path.abspath(str(a or os.curdir)) == os.path.abspath(str(b or os.curdir))
