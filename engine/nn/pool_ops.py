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


# Max pooling runs a block of whole (H, W) planes at a time, each block's input about
# 512 KB: its per-tap passes then stay in the core's cache instead of streaming the whole
# batch from memory once per pass (the MNIST CNN's 13 MB p1: 20-30% faster in the step).
BLOCK_BYTES = 1 << 19


def plane_blocks(planes: int, plane_bytes: int):
    """Slices of ``planes`` (H, W) planes, each about BLOCK_BYTES of input (one empty
    slice for no planes: the kernels then return empty arrays, as before blocking)."""
    step = max(1, BLOCK_BYTES // max(plane_bytes, 1))
    return ([slice(start, min(start + step, planes)) for start in range(0, planes, step)]
            or [slice(0, 0)])


def max_pool_forward(x: np.ndarray, k: int, stride: int,
                     out_hw: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """(max over each window, index of the first max in the window). Strictly greater
    wins, so ties keep the first, as in PyTorch (a NaN propagates to the output)."""
    n, c, h, w = x.shape
    planes = x.reshape(n * c, h, w)
    out = np.empty((n * c, *out_hw), x.dtype)
    arg = np.empty(out.shape, np.uint8 if k * k <= 256 else np.int32)
    blocks = plane_blocks(n * c, h * w * x.itemsize)
    shape = (blocks[0].stop, *out_hw)                      # one block's scratch, reused
    scratch = np.empty(shape, x.dtype), np.empty(shape, bool), np.empty(shape, arg.dtype)
    for block in blocks:
        size = block.stop - block.start
        _max_pool_block(planes[block], k, stride, out[block], arg[block],
                        *(a[:size] for a in scratch))
    return out.reshape(n, c, *out_hw), arg.reshape(n, c, *out_hw)


def _max_pool_block(x: np.ndarray, k: int, stride: int, out: np.ndarray, arg: np.ndarray,
                    spare: np.ndarray, better: np.ndarray, index: np.ndarray) -> None:
    """One block of (H, W) planes into ``out`` and ``arg``. The running max alternates
    between ``out`` and ``spare``, so a tap wins where the new max exceeds the previous
    one: the same as tap > max (NaN never wins, and a NaN max stays), read from two
    contiguous arrays instead of the strided tap. Plain ufuncs only: masked assignment
    (copyto where=, putmask) is several times slower here, even on the contiguous index."""
    taps = pool_taps(x[:, None], k, stride, out.shape[1:])   # (planes, 1, H, W) views
    # k*k - 1 updates: start where the last one lands in ``out``.
    best, new = (out, spare) if (k * k - 1) % 2 == 0 else (spare, out)
    np.copyto(best, next(taps)[1][:, 0])
    if k == 1:                               # one tap: no updates
        arg.fill(0)
    bits = better.view(np.uint8)
    for t, view in taps:
        np.maximum(best, view[:, 0], out=new)
        np.greater(new, best, out=better)
        if t == 1:                           # the first update: index 1 where it won, else 0
            np.copyto(arg, bits)
        else:
            # Taps come in increasing order, so a winner's index exceeds every earlier one.
            np.multiply(bits, index.dtype.type(t), out=index)
            np.maximum(arg, index, out=arg)
        best, new = new, best


def max_pool_backward(grad: np.ndarray, arg: np.ndarray, x_shape: tuple[int, ...], k: int,
                      stride: int) -> np.ndarray:
    """Send each output's gradient to the one input its stored argmax names."""
    n, c, h, w = x_shape
    ho, wo = grad.shape[2:]
    # Windows that tile the input exactly write every input once: no zeros needed.
    tiled = stride == k and (h, w) == (ho * k, wo * k)
    dx = (np.empty if tiled else np.zeros)((n * c, h, w), grad.dtype)
    grads, args = grad.reshape(n * c, ho, wo), arg.reshape(n * c, ho, wo)
    blocks = plane_blocks(n * c, h * w * grad.itemsize)
    hit = np.empty((blocks[0].stop, ho, wo), bool)              # one block's, reused
    share = np.empty(hit.shape, grad.dtype) if stride < k else None
    for block in blocks:
        size = block.stop - block.start
        _max_unpool_block(grads[block], args[block], k, stride, dx[block], hit[:size],
                          None if share is None else share[:size])
    return dx.reshape(x_shape)


def _max_unpool_block(grad, arg, k, stride, dx, hit, share) -> None:
    """One block of planes: each tap's inputs get the gradient where the index names it."""
    for t, dst in pool_taps(dx[:, None], k, stride, grad.shape[1:]):
        dst = dst[:, 0]
        np.equal(arg, t, out=hit)
        if share is not None:                # windows share inputs: accumulate
            # (a product, not np.where: its data-dependent select is ~50x slower here)
            np.multiply(grad, hit, out=share)
            dst += share
        else:                                # each input in one window at most
            np.multiply(grad, hit, out=dst)


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
