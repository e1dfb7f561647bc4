"""Real datasets bundled with scikit-learn (read from its package, never the network).

Their metadata is written here so dataset_info stays cheap (importing sklearn.datasets
takes a second); tests check it against scikit-learn's own.
"""
from __future__ import annotations

import numpy as np

from engine.data.dataset import DatasetInfo, register_dataset
from engine.schema import Param

_CANCER_BASES = ("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                 "concavity", "concave points", "symmetry", "fractal dimension")

# name -> (sklearn loader, task, feature_names, class_names)
TABLES = {
    "iris": ("load_iris", "classification",
             ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
             ("setosa", "versicolor", "virginica")),
    "wine": ("load_wine", "classification",
             ("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
              "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
              "od280/od315_of_diluted_wines", "proline"),
             ("class_0", "class_1", "class_2")),
    "breast_cancer": ("load_breast_cancer", "classification",
                      tuple(f"mean {b}" for b in _CANCER_BASES)
                      + tuple(f"{b} error" for b in _CANCER_BASES)
                      + tuple(f"worst {b}" for b in _CANCER_BASES),
                      ("malignant", "benign")),
    "diabetes": ("load_diabetes", "regression",
                 ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), ()),
}

HELP = {
    "iris": "150 iris flowers, 4 measurements each, 3 species: the classic first real set.",
    "wine": "178 wines from 3 cultivars described by 13 chemical measurements.",
    "breast_cancer": "569 tumours described by 30 cell measurements: malignant or benign.",
    "diabetes": "442 patients, 10 measurements; predict disease progression one year "
                "later (a number).",
}

SCALE_TARGET = Param("scale_target", "bool", True,
                     "Standardise the target with training statistics (values near 0 are "
                     "easier to learn); untick to keep its natural units (about 25 to 346).")


def _sklearn(loader_name: str, **kwargs):
    import sklearn.datasets   # imported only when the arrays are needed: it is slow to import
    return getattr(sklearn.datasets, loader_name)(**kwargs)


def _register_table(name: str) -> None:
    loader_name, task, features, classes = TABLES[name]
    regression = task == "regression"

    def describe(params: dict) -> DatasetInfo:
        return DatasetInfo(
            name=name, task=task, feature_shape=(len(features),),
            n_classes=None if regression else len(classes),
            target_dim=1 if regression else None, class_names=classes,
            feature_names=features, standardized=True,
            target_standardized=regression and params["scale_target"])

    def load(params: dict, rng: np.random.Generator):
        # diabetes: raw units, since we standardise with train statistics ourselves
        bunch = _sklearn(loader_name, **({"scaled": False} if regression else {}))
        return bunch.data, bunch.target

    register_dataset(name, HELP[name], [SCALE_TARGET] if regression else [], task, "real",
                     describe)(load)


for _name in TABLES:
    _register_table(_name)

DIGIT_NAMES = tuple(str(d) for d in range(10))


def _describe_digits(params: dict) -> DatasetInfo:
    return DatasetInfo(name="digits", task="classification", feature_shape=(1, 8, 8),
                       n_classes=10, class_names=DIGIT_NAMES)


@register_dataset("digits", "1797 handwritten digits as tiny 8x8 grey images ([1, 8, 8], "
                  "pixels in [0, 1]): small enough to train a CNN in seconds.",
                  [], "classification", "images", _describe_digits)
def load_digits(params: dict, rng: np.random.Generator):
    bunch = _sklearn("load_digits")
    return bunch.images[:, None, :, :] / 16.0, bunch.target   # pixel values are 0..16
