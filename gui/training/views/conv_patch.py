"""The arithmetic behind one output pixel of a Conv2D, MaxPool2D or AvgPool2D, done by hand
on one sample's input maps (no Qt: tested against the engine's forward output).

Positions follow the engine (PyTorch's rules): output pixel (i, j) reads the window whose
top-left corner is (i * stride - pad_top, j * stride - pad_left) of the input; a window cell
outside the input is padding and reads 0. Pooling has no padding.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.nn import ops
from gui.i18n import translate

POOL_KINDS = {"MaxPool2D": "max", "AvgPool2D": "mean"}
KINDS = ("Conv2D", *POOL_KINDS)


@dataclass(frozen=True)
class Geometry:
    """How a layer slides its window over its input: what the view needs to draw it."""
    kind: str                   # "Conv2D" | "MaxPool2D" | "AvgPool2D"
    k: int                      # window (kernel) side
    stride: int
    pads: tuple                 # ((top, bottom), (left, right)) zero padding

    def corner(self, i: int, j: int) -> tuple[int, int]:
        """The input position of the window's top-left cell for output pixel (i, j)."""
        return i * self.stride - self.pads[0][0], j * self.stride - self.pads[1][0]

    def out_size(self, h: int, w: int) -> tuple[int, int]:
        (top, bottom), (left, right) = self.pads
        return (ops.window_count(h, self.k, self.stride, top + bottom),
                ops.window_count(w, self.k, self.stride, left + right))


def geometry(kind: str, config: dict) -> Geometry:
    """The window of a complete layer config (see LayerSpec.complete)."""
    if kind == "Conv2D":
        pad = ops.same_or_int_padding(config["padding"], config["kernel_size"])
        return Geometry(kind, int(config["kernel_size"]), int(config["stride"]), (pad, pad))
    if kind in POOL_KINDS:
        return Geometry(kind, int(config["pool_size"]), int(config["stride"]), ((0, 0), (0, 0)))
    raise ValueError(f"{kind} has no sliding window (expected one of {', '.join(KINDS)})")


def window(x: np.ndarray, top: int, left: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(x[:, top:top+k, left:left+k] with zeros where it leaves the input, the (k, k) mask of
    the cells inside the input). ``x`` is (C, H, W)."""
    c, h, w = x.shape
    patch = np.zeros((c, k, k), dtype=x.dtype)
    rows = np.arange(top, top + k)
    cols = np.arange(left, left + k)
    inside = ((rows >= 0) & (rows < h))[:, None] & ((cols >= 0) & (cols < w))[None, :]
    r0, r1 = max(top, 0), min(top + k, h)
    c0, c1 = max(left, 0), min(left + k, w)
    if r1 > r0 and c1 > c0:
        patch[:, r0 - top:r1 - top, c0 - left:c1 - left] = x[:, r0:r1, c0:c1]
    return patch, inside


@dataclass(frozen=True)
class ConvWork:
    """Output channel ``channel`` at (i, j): Σ over channels and cells of patch × kernel,
    plus the bias."""
    channel: int
    corner: tuple[int, int]
    patch: np.ndarray           # (C, k, k): the input under the kernel, padding as 0
    inside: np.ndarray          # (k, k) bool: False where the cell is padding
    kernel: np.ndarray          # (C, k, k): the filter's weights
    products: np.ndarray        # (C, k, k): patch × kernel
    channel_sums: np.ndarray    # (C,)
    bias: float
    value: float                # Σ products + bias: the layer's output there

    @property
    def total(self) -> float:
        return float(self.channel_sums.sum())


def conv_work(x: np.ndarray, weight: np.ndarray, bias, geo: Geometry,
              channel: int, i: int, j: int) -> ConvWork:
    """``x``: (C, H, W) input maps; ``weight``: (F, C, k, k); ``bias``: (F,) or None."""
    top, left = geo.corner(i, j)
    patch, inside = window(np.asarray(x), top, left, geo.k)
    kernel = np.asarray(weight[channel])
    # float64: the sum shown is the exact sum of the products shown
    products = patch.astype(np.float64) * kernel.astype(np.float64)
    sums = products.reshape(len(products), -1).sum(axis=1)
    b = float(bias[channel]) if bias is not None else 0.0
    return ConvWork(channel, (top, left), patch, inside, kernel, products, sums, b,
                    float(sums.sum() + b))


@dataclass(frozen=True)
class PoolWork:
    """Channel ``channel`` at (i, j): the max or the mean of one window of that channel."""
    kind: str                   # "max" | "mean"
    channel: int
    corner: tuple[int, int]
    patch: np.ndarray           # (k, k)
    value: float
    chosen: tuple[int, int] | None    # the maximum's cell in the window (max pooling)


def pool_work(x: np.ndarray, geo: Geometry, channel: int, i: int, j: int) -> PoolWork:
    top, left = geo.corner(i, j)
    patch = np.asarray(x)[channel, top:top + geo.k, left:left + geo.k]
    kind = POOL_KINDS[geo.kind]
    if kind == "max":
        r, c = np.unravel_index(int(np.argmax(patch)), patch.shape)
        return PoolWork(kind, channel, (top, left), patch, float(patch[r, c]), (int(r), int(c)))
    return PoolWork(kind, channel, (top, left), patch, float(patch.astype(np.float64).mean()),
                    None)


def mismatch(geo: Geometry, x_shape: tuple, out_shape: tuple, weight=None) -> str | None:
    """Why the arrays of a probe do not fit the layer's settings (the network was edited
    after the run started), or None when they fit."""
    if len(x_shape) != 3 or len(out_shape) != 3:
        return translate(
            "ConvPatch", "its input or output is not an image [channels, height, width]"
        )
    if weight is not None and (np.ndim(weight) != 4 or weight.shape[1] != x_shape[0]
                               or weight.shape[2] != geo.k or weight.shape[0] != out_shape[0]):
        return translate("ConvPatch", "its filters do not match its settings")
    if tuple(out_shape[1:]) != geo.out_size(*x_shape[1:]):
        return translate("ConvPatch", "its output size does not match its settings")
    if geo.kind in POOL_KINDS and out_shape[0] != x_shape[0]:
        return translate("ConvPatch", "its channels do not match its input's")
    return None
