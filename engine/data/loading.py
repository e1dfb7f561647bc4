"""load_dataset / dataset_info: read the file's ``training.dataset`` section, validate it,
build the arrays, split them (stratified for classes) and standardise with train statistics.
``base``: the network file's folder, where relative data paths start (engine.data.paths)."""
from __future__ import annotations

import dataclasses

import numpy as np

from engine.data.dataset import DATASETS, Dataset, DatasetInfo, DatasetSpec
from engine.data.paths import resolve_paths
from engine.errors import DataError
from engine.schema import complete_params

SECTION_KEYS = ("name", "params", "validation_split")
DEFAULT_VALIDATION_SPLIT = 0.2


def dataset_info(section: dict, base=None) -> DatasetInfo:
    """The dataset's metadata without building its arrays. Raises DataError."""
    spec, params, _ = _read_section(section, base)
    return spec.describe(params)


def load_dataset(section: dict, seed: int = 0, base=None) -> Dataset:
    """Build, split and scale the dataset the section names; deterministic for a seed."""
    spec, params, split = _read_section(section, base)
    info = spec.describe(params)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DataError(f"dataset {spec.name!r}: the seed must be a whole number >= 0, "
                        f"got {seed!r}")
    rng = np.random.default_rng(seed)
    x, y = spec.load(params, rng)
    x = np.ascontiguousarray(x, dtype=np.float32)
    y = _as_targets(y, info)
    train_idx, val_idx = split_indices(y, split, rng, stratify=info.task == "classification")
    arrays = {"x_train": x[train_idx], "y_train": y[train_idx],
              "x_val": x[val_idx], "y_val": y[val_idx]}
    if info.standardized:
        arrays.update(_standardize(arrays, "x", "feature"))
    if info.target_standardized:
        arrays.update(_standardize(arrays, "y", "target"))
    return Dataset(**dataclasses.asdict(info), **arrays)


def _read_section(section, base) -> tuple[DatasetSpec, dict, float]:
    if not isinstance(section, dict):
        raise DataError(f"the dataset section must be an object such as "
                        f'{{"name": "xor", "params": {{}}}}, got {section!r}')
    unknown = sorted(set(section) - set(SECTION_KEYS))
    if unknown:
        raise DataError(f"dataset section: unknown key {unknown[0]!r} "
                        f"(allowed: {', '.join(SECTION_KEYS)})")
    name = section.get("name")
    if name not in DATASETS:
        raise DataError(DATASETS.unknown(name))
    spec = DATASETS[name]
    given = section.get("params") or {}
    if not isinstance(given, dict):
        raise DataError(f"dataset {name!r}: params must be an object, got {given!r}")
    try:
        params = complete_params(spec.params, given)
    except ValueError as e:
        raise DataError(f"dataset {name!r}: {e}") from None
    return spec, resolve_paths(spec.params, params, base), _validation_split(name, section)


def _validation_split(name: str, section: dict) -> float:
    v = section.get("validation_split", DEFAULT_VALIDATION_SPLIT)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v < 1:
        raise DataError(f"dataset {name!r}: validation_split must be a number at least 0 "
                        f"and below 1, got {v!r}")
    return float(v)


def _as_targets(y: np.ndarray, info: DatasetInfo) -> np.ndarray:
    if info.task == "classification":
        return np.ascontiguousarray(y, dtype=np.int64).reshape(-1)
    y = np.asarray(y, dtype=np.float32)
    return np.ascontiguousarray(y.reshape(len(y), -1))


def split_indices(y: np.ndarray, fraction: float, rng: np.random.Generator,
                  stratify: bool) -> tuple[np.ndarray, np.ndarray]:
    """(train, val) index arrays, each in random order. ``round(N * fraction)`` examples go to
    validation (leaving at least one for training); with ``stratify`` each class keeps its
    share, so a rare class is not missing from either side by chance."""
    n = len(y)
    n_val = min(int(round(n * fraction)), n - 1)
    order = rng.permutation(n)
    if not stratify or n_val == 0:
        return order[n_val:], order[:n_val]
    classes, counts = np.unique(y, return_counts=True)
    per_class = _largest_remainder(counts * (n_val / n), n_val)
    # Walk the shuffled order class by class: the first per_class[c] of class c go to val.
    ranked = order[np.argsort(y[order], kind="stable")]
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank_in_class = np.arange(n) - np.repeat(starts, counts)
    to_val = rank_in_class < np.repeat(per_class, counts)
    val, train = ranked[to_val], ranked[~to_val]
    return train[rng.permutation(len(train))], val[rng.permutation(len(val))]


def _largest_remainder(shares: np.ndarray, total: int) -> np.ndarray:
    """Whole numbers close to ``shares`` that add up to ``total``."""
    base = np.floor(shares).astype(np.int64)
    missing = total - int(base.sum())
    if missing > 0:
        base[np.argsort(-(shares - base), kind="stable")[:missing]] += 1
    return base


def _standardize(arrays: dict, key: str, stat: str) -> dict:
    """Scale train and val with the mean and std of the TRAIN split only (no peeking)."""
    train = arrays[f"{key}_train"]
    mean = train.mean(axis=0, dtype=np.float64).astype(np.float32)
    std = train.std(axis=0, dtype=np.float64).astype(np.float32)
    std[~(std > 1e-12)] = 1.0          # a constant column stays constant instead of NaN
    scaled = {f"{key}_{part}": ((arrays[f"{key}_{part}"] - mean) / std).astype(np.float32)
              for part in ("train", "val")}
    return {**scaled, f"{stat}_mean": mean, f"{stat}_std": std}

