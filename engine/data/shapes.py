"""Procedurally drawn grey images of simple shapes, made offline in any size.

Every shape is a boolean test on rotated, size-normalised coordinates (u, v) of a pixel grid,
evaluated for a whole chunk of images at once (no per-pixel Python loop).
"""
from __future__ import annotations

import numpy as np

from engine.data.dataset import DatasetInfo, register_dataset, samples_param
from engine.data.toy import balanced_labels
from engine.schema import Param

_SQRT3 = np.sqrt(3.0)


def _circle(u, v):
    return u * u + v * v <= 1.0


def _square(u, v):
    return np.maximum(np.abs(u), np.abs(v)) <= 0.75


def _triangle(u, v):
    # equilateral, vertices on the unit circle: inside = on the inner side of all three edges
    return (v >= -0.5) & (_SQRT3 * u + v <= 1.0) & (-_SQRT3 * u + v <= 1.0)


def _cross(u, v):
    au, av = np.abs(u), np.abs(v)
    return ((au <= 0.28) & (av <= 1.0)) | ((av <= 0.28) & (au <= 1.0))


def _ring(u, v):
    r2 = u * u + v * v
    return (r2 <= 1.0) & (r2 >= 0.36)


def _stripes(u, v):
    inside = np.maximum(np.abs(u), np.abs(v)) <= 0.9
    return inside & (np.floor((u + 0.9) / 0.36).astype(np.int64) % 2 == 0)


SHAPES = {"circle": _circle, "square": _square, "triangle": _triangle, "cross": _cross,
          "ring": _ring, "stripes": _stripes}
SHAPE_NAMES = tuple(SHAPES)
_CHUNK = 256          # images drawn at once: bounds memory at large sizes


def _describe(params: dict) -> DatasetInfo:
    size = params["size"]
    return DatasetInfo(name="shapes", task="classification", feature_shape=(1, size, size),
                       n_classes=params["classes"],
                       class_names=SHAPE_NAMES[: params["classes"]])


@register_dataset(
    "shapes", "Grey images of simple shapes (circle, square, triangle, cross, ring, stripes) "
    "at random positions, sizes and angles; 'classes' takes the first few of that list.",
    [samples_param(1000, maximum=50_000),
     Param("size", "int", 28, "Width and height of each image in pixels.", min=8, max=64),
     Param("classes", "int", 4, "How many shape kinds to use, taken in the order circle, "
           "square, triangle, cross, ring, stripes.", min=2, max=len(SHAPES)),
     Param("noise", "float", 0.1, "Standard deviation of the random pixel noise (pixels are "
           "0 to 1).", min=0.0, max=1.0)],
    "classification", "images", _describe)
def load_shapes(params: dict, rng: np.random.Generator):
    n, size, k = params["samples"], params["size"], params["classes"]
    y = balanced_labels(n, k)
    radius = rng.uniform(0.2, 0.38, size=n) * size
    centre = rng.uniform(radius[:, None], size - radius[:, None], size=(n, 2))
    angle = rng.uniform(0.0, 2 * np.pi, size=n)
    brightness = rng.uniform(0.6, 1.0, size=n).astype(np.float32)
    images = np.empty((n, 1, size, size), dtype=np.float32)
    for start in range(0, n, _CHUNK):
        part = slice(start, min(start + _CHUNK, n))
        mask = _draw(y[part], centre[part], radius[part], angle[part], size)
        images[part, 0] = mask * brightness[part, None, None]
    images += params["noise"] * rng.standard_normal(images.shape, dtype=np.float32)
    np.clip(images, 0.0, 1.0, out=images)
    return images, y


def _draw(y, centre, radius, angle, size) -> np.ndarray:
    """Boolean masks (n, size, size) of each image's shape."""
    grid = np.arange(size, dtype=np.float32) + 0.5          # pixel centres
    dx = grid[None, None, :] - centre[:, 0, None, None]
    dy = grid[None, :, None] - centre[:, 1, None, None]
    cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
    r = radius[:, None, None]
    u = ((dx * cos + dy * sin) / r).astype(np.float32)
    v = ((dy * cos - dx * sin) / r).astype(np.float32)
    mask = np.zeros(u.shape, dtype=bool)
    for label, draw in enumerate(SHAPES.values()):
        chosen = y == label
        if chosen.any():
            mask[chosen] = draw(u[chosen], -v[chosen])   # -v: image rows grow downwards
    return mask
