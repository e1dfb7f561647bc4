"""What each hidden unit has learned (2-D datasets): the "units" probe kind gives, for every
node with a vector output of at most MAX_UNITS units, each unit's output over the input
plane (TensorFlow Playground's neuron thumbnails). Options: points along the plane's side.

One eval-mode forward of the grid through the live model, as the decision boundary's: eval
mode draws no random numbers and changes no BatchNorm statistics, and the gradients of the
last step are left as they are (no backward), so a run trains the same with it on or off.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.training.plane import plane_grid

MAX_UNITS = 16       # more units make thumbnails too small to read (and a big message)
MIN_RES, MAX_RES = 4, 200
DEFAULT_RES = 32


@dataclass(frozen=True)
class UnitsProbe:
    step: int
    xs: np.ndarray                 # (nx,) plane coordinates of the columns
    ys: np.ndarray                 # (ny,) of the rows
    x_range: tuple
    y_range: tuple
    maps: dict                     # node id -> (units, ny, nx) float32, in graph order
    types: dict                    # node id -> layer type ("Dense", "Tanh", ...)
    points: np.ndarray             # the training points (first 200), to draw over a map
    labels: np.ndarray


def mapped_nodes(model) -> list:
    """The nodes whose units get a map: vector outputs of 1..MAX_UNITS units, not the Input."""
    out = []
    for node in model.nodes:
        shape = tuple(getattr(node.layer, "out_shape", ()) or ())
        if node.id != model.input_id and len(shape) == 1 and 1 <= shape[0] <= MAX_UNITS:
            out.append(node)
    return out


def unit_maps(model, x_all: np.ndarray, res: int, step: int = 0) -> UnitsProbe | None:
    """Every mapped node's units over the plane of ``x_all`` ((n, 2) points); None when
    the model's input is not 2-D or no node has few enough units."""
    if tuple(model.input_shape) != (2,) or not mapped_nodes(model):
        return None
    xs, ys, x_range, y_range = plane_grid(x_all, res)
    gx, gy = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):            # NaN/inf are drawn as they are
        model.forward(np.stack([gx.ravel(), gy.ravel()], axis=1), training=False)
    maps, types = {}, {}
    for node in mapped_nodes(model):
        a = np.asarray(model.outputs[node.id], dtype=np.float32)
        maps[node.id] = np.ascontiguousarray(a.T.reshape(a.shape[1], len(ys), len(xs)))
        types[node.id] = type(node.layer).__name__
    return UnitsProbe(step=step, xs=xs, ys=ys, x_range=x_range, y_range=y_range, maps=maps,
                      types=types, points=np.empty((0, 2), np.float32),
                      labels=np.empty(0, np.int64))


# ---- the probe kind (registered in engine/training/probes.py) -----------------------------------
def units_res(options) -> int:
    return int(options if options is not None else DEFAULT_RES)


def check_units(prober, options, req) -> None:
    try:
        res = units_res(options)
    except (TypeError, ValueError):
        raise ValueError(f"probe: the units' resolution must be a whole number, "
                         f"got {options!r}") from None
    if not MIN_RES <= res <= MAX_RES:
        raise ValueError(f"probe: the units' resolution must be between {MIN_RES} and "
                         f"{MAX_RES}, got {res}")


def merge_units(a, b) -> int:
    return max(units_res(a), units_res(b))


def units_probe(prober, options, at) -> UnitsProbe | None:
    if tuple(prober.ds.feature_shape) != (2,):
        return None
    result = unit_maps(prober.model, prober.all_x(), units_res(options), step=at.step)
    if result is None:
        return None
    ds = prober.ds
    keep = slice(0, 200)
    labels = np.asarray(ds.y_train[keep])
    return UnitsProbe(**{**result.__dict__, "points": np.array(ds.x_train[keep]),
                         "labels": labels.reshape(len(labels), -1)[:, 0].copy()})
