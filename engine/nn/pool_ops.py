"""Stateless kernels of MaxPool2D and AvgPool2D: the k*k window taps as strided views of
the (N, C, H, W) batch, and max / average pooling forward and backward over them."""
from __future__ import annotations

import numpy as np


def pool_taps(x: np.ndarray, k: int, stride: int, out_hw: tuple[int, int]):
    """Yield (tap index, (N, C, Ho, Wo) strided view) for each of the k*k window taps,
    in row-major window order (the order PyTorch scans for the first max)."""
    ho, wo = out_hw
    for i in range(k):
        for j in range(k):
            yield i * k + j, x[:, :, i:i + stride * (ho - 1) + 1:stride,
                                j:j + stride * (wo - 1) + 1:stride]


def max_pool_forward(x: np.ndarray, k: int, stride: int,
                     out_hw: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """(max over each window, index of the first max in the window). Strictly greater
    wins, so ties keep the first, as in PyTorch (a NaN propagates to the output).
    Plain ufuncs only: masked assignment (copyto where=, putmask) is several times
    slower on these strided views."""
    taps = pool_taps(x, k, stride, out_hw)
    _, first = next(taps)
    best = first.copy()
    index_type = np.uint8 if k * k <= 256 else np.int32
    arg = np.zeros(best.shape, index_type)
    better = np.empty(best.shape, index_type)
    for t, view in taps:
        np.greater(view, best, out=better)
        np.maximum(best, view, out=best)
        # Taps come in increasing order, so a winner's index exceeds every earlier one.
        np.multiply(better, index_type(t), out=better)
        np.maximum(arg, better, out=arg)
    return best, arg


def max_pool_backward(grad: np.ndarray, arg: np.ndarray, x_shape: tuple[int, ...], k: int,
                      stride: int) -> np.ndarray:
    """Send each output's gradient to the one input its stored argmax names."""
    dx = np.zeros(x_shape, grad.dtype)
    out_hw = grad.shape[2:]
    hit = np.empty(grad.shape, bool)
    overlapping = stride < k
    share = np.empty_like(grad) if overlapping else None
    for t, dst in pool_taps(dx, k, stride, out_hw):
        np.equal(arg, t, out=hit)
        if overlapping:                      # windows share inputs: accumulate
            # (a product, not np.where: its data-dependent select is ~50x slower here)
            np.multiply(grad, hit, out=share)
            dst += share
        else:                                # each input in one window at most
            np.multiply(grad, hit, out=dst)
    return dx


def avg_pool_forward(x: np.ndarray, k: int, stride: int, out_hw: tuple[int, int]):
    n, c = x.shape[:2]
    ho, wo = out_hw
    if stride == k:                          # non-overlapping: a reshape, no copy
        blocks = x[:, :, :ho * k, :wo * k].reshape(n, c, ho, k, wo, k)
        out = blocks.sum(axis=(3, 5))
    else:
        taps = pool_taps(x, k, stride, out_hw)
        out = next(taps)[1].copy()
        for _, view in taps:
            out += view
    out *= out.dtype.type(1.0 / (k * k))
    return out


def avg_pool_backward(grad: np.ndarray, x_shape: tuple[int, ...], k: int,
                      stride: int) -> np.ndarray:
    share = grad * grad.dtype.type(1.0 / (k * k))
    dx = np.zeros(x_shape, grad.dtype)
    for _, dst in pool_taps(dx, k, stride, grad.shape[2:]):
        if stride < k:
            dst += share
        else:
            dst[...] = share
    return dx
