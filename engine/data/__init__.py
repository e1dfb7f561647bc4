"""Datasets: synthetic 2-D and 1-D sets, real sets bundled with scikit-learn, drawn shapes,
MNIST-style IDX files, CSV tables, image folders and typed formulas, plus mini-batching.

    ds = load_dataset({"name": "xor", "params": {"samples": 400}, "validation_split": 0.2}, seed=0)
    ds = share(ds)      # its arrays in shared memory: a training process gets them without a copy
"""
from engine.data.batching import iterate_batches
from engine.data.dataset import DATASETS, Dataset, DatasetInfo, DatasetSpec, register_dataset
from engine.data.loading import dataset_info, load_dataset
from engine.data.shared import SharedDataset, share

# Importing the modules registers their datasets, in the order a picker lists them.
from engine.data import toy, function, real, shapes, mnist  # noqa: E402,F401  isort: skip
from engine.data import csv_table, image_folder  # noqa: E402,F401  isort: skip

__all__ = ["load_dataset", "dataset_info", "DATASETS", "Dataset", "DatasetInfo", "DatasetSpec",
           "iterate_batches", "register_dataset", "share", "SharedDataset"]
