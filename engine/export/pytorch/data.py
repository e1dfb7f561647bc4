"""data.npz: the training section's dataset exactly as the engine trains on it.

The arrays come from engine.data's loader with the file's seed, as the Trainer loads them
(the window's runs too: a weight reset changes the weights' seed, never the data's), so the
split and the standardisation are the engine's own, not a copy of its rules.
"""
from __future__ import annotations

import io

import numpy as np

from engine.data import load_dataset
from engine.data.dataset import Dataset

ARRAYS = ("x_train", "y_train", "x_val", "y_val")
STATISTICS = ("feature_mean", "feature_std", "target_mean", "target_std")


def training_dataset(training: dict, base=None) -> Dataset:
    """The dataset a run of this training section trains on (DataError if it cannot load);
    ``base``: the network file's folder, where relative data paths start."""
    return load_dataset(training["dataset"], int(training.get("seed", 0)), base=base)


def dataset_arrays(ds: Dataset) -> dict[str, np.ndarray]:
    """What data.npz holds: the four split arrays, the standardisation statistics the
    engine used (to scale new inputs alike), the task and the class names."""
    arrays = {name: np.asarray(getattr(ds, name)) for name in ARRAYS}
    for name in STATISTICS:
        value = getattr(ds, name)
        if value is not None:
            arrays[name] = np.asarray(value)
    arrays["task"] = np.array(ds.task)
    arrays["class_names"] = np.array(list(ds.class_names or ()), dtype=str)
    return arrays


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """The arrays as one compressed .npz (plain arrays only: np.load needs no pickle)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()
