"""What a dataset is: its metadata (DatasetInfo), its arrays (Dataset) and its spec.

A dataset type is a loader function decorated with ``@register_dataset``; DATASETS is the one
list of them, read by load_dataset, dataset_info, the GUI's dataset picker and the tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.registry import Registry
from engine.schema import Param, ParamSchema

TASKS = ("classification", "regression")
CATEGORIES = ("2-D toy", "regression", "real", "images", "files")


@dataclass(frozen=True, kw_only=True)
class DatasetInfo:
    """Everything known about a dataset without its arrays (cheap: used on every edit)."""

    name: str
    task: str                              # "classification" | "regression"
    feature_shape: tuple[int, ...]         # one example, no batch axis; images are (C, H, W)
    n_classes: int | None = None           # classification only
    target_dim: int | None = None          # regression only: number of targets per example
    class_names: tuple[str, ...] = ()
    feature_names: tuple[str, ...] = ()
    standardized: bool = False             # features standardised with train-split statistics
    target_standardized: bool = False      # regression target standardised likewise

    @property
    def is_image(self) -> bool:
        return len(self.feature_shape) == 3


@dataclass(frozen=True, kw_only=True, eq=False)     # eq on arrays is ambiguous
class Dataset(DatasetInfo):
    """A loaded dataset: x float32 (N, *feature_shape); y int64 (N,) class indices or
    float32 (N, target_dim). The statistics used for standardising are kept so new inputs
    (a decision-boundary grid, a user's point) can be scaled the same way."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    feature_mean: np.ndarray | None = None
    feature_std: np.ndarray | None = None
    target_mean: np.ndarray | None = None
    target_std: np.ndarray | None = None

    @property
    def n_train(self) -> int:
        return len(self.x_train)

    @property
    def n_val(self) -> int:
        return len(self.x_val)


# A loader returns the whole dataset (x, y) before the split; ``describe`` gives its metadata
# from the params alone. Both receive params already completed and validated.
Loader = Callable[[dict, np.random.Generator], tuple[np.ndarray, np.ndarray]]
Describer = Callable[[dict], DatasetInfo]


@dataclass(frozen=True)
class DatasetSpec(ParamSchema):
    name: str
    help: str                    # one sentence for a learner
    params: tuple[Param, ...]
    task: str                    # "classification", "regression", or "auto" (csv: from the file)
    category: str
    load: Loader
    describe: Describer


DATASETS = Registry("dataset")


def register_dataset(name: str, help: str, params: list[Param] | tuple, task: str,
                     category: str, describe: Describer):
    """Decorator for a loader function: adds the dataset ``name`` to DATASETS."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown dataset category {category!r}")
    if task not in TASKS + ("auto",):
        raise ValueError(f"unknown task {task!r}")

    def decorate(load: Loader) -> Loader:
        DATASETS.add(name, DatasetSpec(name, help, tuple(params), task, category, load, describe))
        return load

    return decorate


def samples_param(default: int, minimum: int = 10, maximum: int = 100_000) -> Param:
    return Param("samples", "int", default, "How many examples to make (before the "
                 "validation split).", min=minimum, max=maximum)
