"""Checkpoint files: one ``.npz`` holding a nested state (dicts, lists, numbers, strings,
NumPy arrays and scalars) written atomically.

Arrays become npz entries; everything else goes into one JSON document (``__meta__``)
where each array is replaced by a reference. NumPy scalars keep their dtype, dict keys keep
their type (int or str), so an optimizer's or a random generator's state comes back exactly.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from engine.errors import TrainingError, WeightsFileError
from engine.files import atomic_write, read_npz

FORMAT = "netwright-checkpoint"
VERSION = 1


def write_checkpoint(path: str | Path, state: dict) -> Path:
    """Write ``state`` to ``path`` (atomically: never a half-written file)."""
    path = Path(path)
    arrays: dict[str, np.ndarray] = {}
    meta = {"format": FORMAT, "version": VERSION, "state": _pack(state, arrays)}
    arrays["__meta__"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    try:
        return atomic_write(path, lambda f: np.savez(f, **arrays))
    except OSError as e:
        raise TrainingError(f"cannot write checkpoint {str(path)!r}: {e.strerror or e}") from None


def read_checkpoint(path: str | Path) -> dict:
    """The state written by write_checkpoint. WeightsFileError (a TrainingError) naming the
    file if it is missing, damaged, not a Netwright checkpoint or from a newer version."""
    where = f"checkpoint {str(path)!r}"
    arrays = read_npz(path, "checkpoint")
    try:
        meta = json.loads(arrays.pop("__meta__").tobytes().decode("utf-8"))
    except (KeyError, ValueError, RecursionError):       # RecursionError: absurdly deep JSON
        raise WeightsFileError(f"{where}: not a Netwright checkpoint") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise WeightsFileError(f"{where}: not a Netwright checkpoint")
    version = meta.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise WeightsFileError(f"{where}: its version {version!r} is not a whole number")
    if version > VERSION:
        raise WeightsFileError(f"{where}: written by a newer Netwright (version "
                               f"{version}); this one reads version {VERSION}")
    try:
        return _unpack(meta.get("state"), arrays)
    except (KeyError, TypeError, ValueError, IndexError, RecursionError):
        raise WeightsFileError(f"{where}: its content is damaged (a reference to a "
                               f"missing array or a malformed entry)") from None


def copy_state(obj):
    """A deep copy of a nested state (arrays copied, containers rebuilt)."""
    if isinstance(obj, np.ndarray):
        return obj.copy()
    if isinstance(obj, dict):
        return {k: copy_state(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(copy_state(v) for v in obj)
    return obj


def layer_rng_states(model) -> dict:
    """node_id -> the state of the layer's random generator (Dropout masks and the like)."""
    return {n.id: n.layer.rng.bit_generator.state for n in model.nodes
            if isinstance(getattr(n.layer, "rng", None), np.random.Generator)}


def set_layer_rng_states(model, states: dict) -> None:
    for node_id, state in states.items():
        model.by_id[node_id].layer.rng.bit_generator.state = state


def _pack(obj, arrays: dict):
    if isinstance(obj, np.ndarray):
        key = f"a{len(arrays)}"
        arrays[key] = obj
        return {"__array__": key}
    if isinstance(obj, np.generic):
        key = f"a{len(arrays)}"
        arrays[key] = np.asarray(obj)
        return {"__scalar__": key}
    if isinstance(obj, dict):
        return {"__dict__": [[k, _pack(v, arrays)] for k, v in obj.items()]}
    if isinstance(obj, (list, tuple)):
        tag = "__list__" if isinstance(obj, list) else "__tuple__"
        return {tag: [_pack(v, arrays) for v in obj]}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    raise TypeError(f"cannot store a {type(obj).__name__} in a checkpoint")


def _unpack(obj, arrays: dict):
    if not isinstance(obj, dict):
        return obj
    if "__array__" in obj:
        return arrays[obj["__array__"]]
    if "__scalar__" in obj:
        return arrays[obj["__scalar__"]][()]
    if "__dict__" in obj:
        return {k: _unpack(v, arrays) for k, v in obj["__dict__"]}
    if "__list__" in obj:
        return [_unpack(v, arrays) for v in obj["__list__"]]
    return tuple(_unpack(v, arrays) for v in obj["__tuple__"])
