"""Small synthetic sets a learner can see whole: 2-D classification and 1-D regression.

2-D sets are drawn in units where the pattern spans about [-1, 1] and then standardised with
train statistics; ``noise`` is the std of Gaussian jitter in those units. ``sine`` keeps its
natural units (x in [-3, 3]) so a fitted curve can be plotted against sin(x).
"""
from __future__ import annotations

import numpy as np

from engine.data.dataset import DatasetInfo, register_dataset, samples_param
from engine.schema import Param

XY = ("x1", "x2")


CLASS_NOISE = ("Standard deviation of the random jitter added to every point: more noise, "
               "more overlap between classes.")


def noise_param(default: float, maximum: float = 2.0, help: str = CLASS_NOISE) -> Param:
    return Param("noise", "float", default, help, min=0.0, max=maximum)


def classes_param(default: int, maximum: int) -> Param:
    return Param("classes", "int", default, "Number of classes.", min=2, max=maximum)


def balanced_labels(n: int, k: int) -> np.ndarray:
    """n labels, k classes, as equal as possible, in class order."""
    counts = np.full(k, n // k)
    counts[: n % k] += 1
    return np.repeat(np.arange(k), counts)


def _jitter(points: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    return points + noise * rng.standard_normal(points.shape)


def _fixed_info(name: str, class_names: tuple[str, ...]):
    def describe(params: dict) -> DatasetInfo:
        return DatasetInfo(name=name, task="classification", feature_shape=(2,),
                           n_classes=len(class_names), class_names=class_names,
                           feature_names=XY, standardized=True)
    return describe


def _counted_info(name: str, word: str):
    def describe(params: dict) -> DatasetInfo:
        k = params["classes"]
        return DatasetInfo(name=name, task="classification", feature_shape=(2,), n_classes=k,
                           class_names=tuple(f"{word} {i + 1}" for i in range(k)),
                           feature_names=XY, standardized=True)
    return describe


@register_dataset("xor", "Four clusters in the corners of a square: the class is 1 when x1 "
                  "and x2 have different signs, so no single straight line separates them.",
                  [samples_param(400), noise_param(0.1)], "classification", "2-D toy",
                  _fixed_info("xor", ("same sign", "different sign")))
def load_xor(params: dict, rng: np.random.Generator):
    n = params["samples"]
    u = rng.uniform(-1.0, 1.0, size=(n, 2))
    u = np.sign(u) * (0.1 + 0.9 * np.abs(u))     # a small gap along the axes keeps it crisp
    y = (u[:, 0] > 0) != (u[:, 1] > 0)
    return _jitter(u, params["noise"], rng), y


@register_dataset("circles", "A ring of one class around a disc of the other: a boundary "
                  "must curve all the way round.",
                  [samples_param(400), noise_param(0.1)], "classification", "2-D toy",
                  _fixed_info("circles", ("outer", "inner")))
def load_circles(params: dict, rng: np.random.Generator):
    y = balanced_labels(params["samples"], 2)
    angle = rng.uniform(0.0, 2 * np.pi, size=len(y))
    radius = np.where(y == 0, 1.0, 0.5)
    points = radius[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return _jitter(points, params["noise"], rng), y


@register_dataset("moons", "Two interleaving half circles: almost separable, but only by a "
                  "curved boundary.",
                  [samples_param(400), noise_param(0.1)], "classification", "2-D toy",
                  _fixed_info("moons", ("upper", "lower")))
def load_moons(params: dict, rng: np.random.Generator):
    y = balanced_labels(params["samples"], 2)
    t = rng.uniform(0.0, np.pi, size=len(y))
    upper = np.stack([np.cos(t), np.sin(t)], axis=1)
    lower = np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)], axis=1)
    points = np.where((y == 0)[:, None], upper, lower)
    return _jitter(points, params["noise"], rng), y


@register_dataset("spiral", "Interleaved spiral arms, one per class (2 by default): a hard "
                  "set that needs several hidden units to untangle.",
                  [samples_param(400), noise_param(0.05), classes_param(2, 6)],
                  "classification", "2-D toy", _counted_info("spiral", "arm"))
def load_spiral(params: dict, rng: np.random.Generator):
    k = params["classes"]
    y = balanced_labels(params["samples"], k)
    t = rng.uniform(0.05, 1.0, size=len(y))           # distance along the arm
    angle = 2 * np.pi * y / k + 3.0 * np.pi * t       # each arm makes 1.5 turns
    points = t[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return _jitter(points, params["noise"], rng), y


@register_dataset("gaussian", "Round blobs of points, one per class, around centres on a "
                  "circle: more noise makes the blobs overlap.",
                  [samples_param(400), noise_param(0.4, 3.0), classes_param(3, 8)],
                  "classification", "2-D toy", _counted_info("gaussian", "blob"))
def load_gaussian(params: dict, rng: np.random.Generator):
    k = params["classes"]
    y = balanced_labels(params["samples"], k)
    angle = 2 * np.pi * np.arange(k) / k + np.pi / 2
    centres = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return _jitter(centres[y], params["noise"], rng), y


def _describe_sine(params: dict) -> DatasetInfo:
    return DatasetInfo(name="sine", task="regression", feature_shape=(1,), target_dim=1,
                       feature_names=("x",), standardized=False)


OUTLIER_SIDES = ("both", "up", "down")


@register_dataset("sine", "Points on y = sin(x) for x in [-3, 3] with noise; 'outliers' "
                  "throws a fraction of them far off the curve (compare MSE and MAE).",
                  [samples_param(200),
                   noise_param(0.1, help="Standard deviation of the random error added to "
                               "every y: the scatter around the curve."),
                   Param("outliers", "float", 0.0, "Fraction of points moved far off the "
                         "curve (2 to 4 units up or down).", min=0.0, max=0.5),
                   Param("outlier_side", "choice", "both", "Where the outliers go: both "
                         "(up or down at random, so their pulls partly cancel), or all up, or "
                         "all down (a one-sided pull, which MSE follows and MAE resists).",
                         choices=OUTLIER_SIDES)],
                  "regression", "regression", _describe_sine)
def load_sine(params: dict, rng: np.random.Generator):
    n = params["samples"]
    x = rng.uniform(-3.0, 3.0, size=(n, 1))
    y = sine_truth(x) + params["noise"] * rng.standard_normal((n, 1))
    n_out = int(round(params["outliers"] * n))
    moved = rng.choice(n, size=n_out, replace=False)
    # The same draws for every side, so "both" gives the points it always gave.
    sign = rng.choice([-1.0, 1.0], size=n_out)
    if params["outlier_side"] != "both":
        sign = np.abs(sign) * (1.0 if params["outlier_side"] == "up" else -1.0)
    y[moved, 0] += sign * rng.uniform(2.0, 4.0, size=n_out)
    return x, y


def sine_truth(x: np.ndarray) -> np.ndarray:
    """The sine set's y without noise or outliers: the curve a good fit follows."""
    return np.sin(x)


# The noise-free function behind a 1-D regression set, by dataset name (the fitted-curve
# view draws it next to the fit).
NOISE_FREE = {"sine": sine_truth}
