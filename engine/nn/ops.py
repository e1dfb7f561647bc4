"""Stateless kernels of convolution: padding arithmetic, im2col / col2im, and the input
gradient as a convolution of the gradient. Buffers kept across steps come from a
Workspace (engine.nn.workspace). Pooling's kernels are in engine.nn.pool_ops.

Layout choice: columns are (C*kh*kw, N*Ho*Wg), so a convolution is one GEMM
``W (F, C*kh*kw) @ cols`` for all the images given (Conv2D gives a chunk of the batch at a
time), and the im2col copy reads and writes whole rows of the image (long inner loops)
instead of 3-element kernel rows. At stride 1 the output grid is as wide as the padded
image (Wg = padded W, see Grid), which turns every kernel tap into one contiguous run for
both im2col and col2im.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from engine.nn.workspace import Workspace  # noqa: F401  (ops.Workspace for layers)

Pads = tuple[tuple[int, int], tuple[int, int]]   # ((top, bottom), (left, right))


# ---- padding and output-size arithmetic -----------------------------------------------
def same_or_int_padding(padding: str | int, kernel: int) -> tuple[int, int]:
    """(before, after) along one axis. "same" pads k-1 in total, (k-1)//2 before and the
    rest after, as PyTorch's padding="same" (asymmetric for even kernels)."""
    if padding == "valid":
        return 0, 0
    if padding == "same":
        return (kernel - 1) // 2, kernel - 1 - (kernel - 1) // 2
    return int(padding), int(padding)


def window_count(size: int, kernel: int, stride: int, pad_total: int = 0) -> int:
    """Number of window positions along one axis: floor((size - k + pad) / s) + 1."""
    return (size - kernel + pad_total) // stride + 1


# ---- convolution ------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    """Where im2col put the output positions: ``ho`` rows of ``wg`` columns per image, of
    which the first ``wo`` are real. The stride-1 path computes on the padded width
    (wg = padded W) so that every kernel tap is one contiguous run of memory; the extra
    kw-1 columns per row are junk the caller crops (and feeds zero gradient)."""
    ho: int
    wo: int
    wg: int


def pad_images(x: np.ndarray, pads: Pads, ws: Workspace, spare_rows: int = 0) -> np.ndarray:
    """x (N, C, H, W) with zero borders (plus ``spare_rows`` zero rows at the bottom), in a
    reused buffer whose borders stay zero because only the inside is ever rewritten."""
    (top, bottom), (left, right) = pads
    if not (top or bottom or left or right or spare_rows):
        return x
    n, c, h, w = x.shape
    shape = (n, c, h + top + bottom + spare_rows, w + left + right)
    xp = ws.get("padded", shape, zero=True, dtype=x.dtype)
    xp[:, :, top:top + h, left:left + w] = x
    return xp


def conv_grid(h: int, w: int, kh: int, stride: int, pads: Pads) -> Grid:
    """The Grid im2col lays a (H, W) image's output positions on (square kernel kh)."""
    (top, bottom), (left, right) = pads
    ho = window_count(h, kh, stride, top + bottom)
    wo = window_count(w, kh, stride, left + right)
    return Grid(ho, wo, w + left + right if stride == 1 else wo)


def im2col(x: np.ndarray, kh: int, kw: int, stride: int, pads: Pads,
           ws: Workspace, fill: bool = True) -> tuple[np.ndarray, Grid]:
    """Columns (C*kh*kw, N*Ho*Wg) of x (N, C, H, W) and their Grid. Row (c, i, j) holds
    the input pixel under kernel tap (i, j) of channel c for every output position.
    ``fill=False`` returns the workspace's columns as the last call with x left them."""
    if stride == 1:
        return _im2col_runs(x, kh, kw, pads, ws, fill)
    n, c, h, w = x.shape
    ho = window_count(h, kh, stride, sum(pads[0]))
    wo = window_count(w, kw, stride, sum(pads[1]))
    cols = ws.get("cols", (c, kh, kw, n, ho, wo), dtype=x.dtype)
    if fill:
        xp = pad_images(x, pads, ws)
        windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
        np.copyto(cols, windows.transpose(1, 4, 5, 0, 2, 3))
    return cols.reshape(c * kh * kw, n * ho * wo), Grid(ho, wo, wo)


def _im2col_runs(x, kh, kw, pads, ws, fill=True) -> tuple[np.ndarray, Grid]:
    """Stride 1: in the flattened padded image, tap (i, j) of every output position is
    the run of ho*wp values starting at i*wp + j. One spare zero row keeps the last
    tap's run (which overshoots by kw-1) inside the buffer."""
    n, c, h, w = x.shape
    (top, bottom), (left, right) = pads
    wp = w + left + right
    ho, wo = h + top + bottom - kh + 1, wp - kw + 1
    run = ho * wp
    cols = ws.get("cols", (c, kh, kw, n, run), dtype=x.dtype)
    if fill:
        flat = pad_images(x, pads, ws, spare_rows=1).reshape(n, c, -1)
        s_n, s_c, s_1 = flat.strides
        runs = as_strided(flat, shape=(c, kh, kw, n, run),
                          strides=(s_c, wp * s_1, s_1, s_n, s_1), writeable=False)
        np.copyto(cols, runs)
    return cols.reshape(c * kh * kw, n * run), Grid(ho, wo, wp)


def transposed_pads(k: int, stride: int, pads: Pads) -> Pads | None:
    """The padding that makes a stride-1 convolution's input gradient a convolution of
    the output gradient with the flipped filters (k-1-p on each side), or None where that
    does not hold (stride > 1, or a padding wider than k-1)."""
    back = tuple((k - 1 - a, k - 1 - b) for a, b in pads)
    if stride != 1 or min(min(side) for side in back) < 0:
        return None
    return back


def conv_transpose_stride1(grad: np.ndarray, weight: np.ndarray, back: Pads,
                           dx: np.ndarray, ws: Workspace) -> None:
    """dx (N, C, H, W) = the input gradient of a stride-1 convolution with ``weight``
    (F, C, k, k) whose output gradient is grad (N, F, Ho, Wo): the gradient convolved,
    padded by ``back`` (transposed_pads), with the filters flipped and channels swapped.
    Measured against col2im (MNIST CNN's second conv, 1 thread): 38 -> 30 ms, as its
    im2col and GEMM stay in cache where col2im's nine adds were memory bound."""
    f, c, k, _ = weight.shape
    flipped = ws.get("flipped", (c, f, k, k), dtype=weight.dtype)
    np.copyto(flipped, weight[:, :, ::-1, ::-1].transpose(1, 0, 2, 3))
    cols, grid = _im2col_runs(grad, k, k, back, ws)
    y = ws.get("gemm_out", (c, cols.shape[1]), dtype=grad.dtype)
    np.matmul(flipped.reshape(c, -1), cols, out=y)
    np.copyto(dx, y.reshape(c, len(grad), grid.ho, grid.wg)[..., :grid.wo]
              .transpose(1, 0, 2, 3))


def _tap_range(tap: int, pad_before: int, stride: int, n_out: int, size: int):
    """For kernel tap ``tap``: (output slice, input slice) of the positions that land
    inside the unpadded input (the rest fall on padding and carry no gradient)."""
    first = max(0, -((tap - pad_before) // stride))            # ceil((pad - tap) / s)
    last = min(n_out - 1, (size - 1 - tap + pad_before) // stride)
    if last < first:
        return None
    start = first * stride + tap - pad_before
    return slice(first, last + 1), slice(start, start + (last - first) * stride + 1, stride)


def col2im(dcols: np.ndarray, dx: np.ndarray, kh: int, kw: int, stride: int,
           pads: Pads, grid: Grid, ws: Workspace) -> None:
    """Adjoint of im2col: sum every column entry back onto the input pixel it came from,
    into dx (N, C, H, W). Loops over the kh*kw kernel taps only; each tap is one add over
    the whole batch."""
    if stride == 1:
        _col2im_runs(dcols, dx, kh, kw, pads, grid, ws)
        return
    n, c, h, w = dx.shape
    d = dcols.reshape(c, kh, kw, n, grid.ho, grid.wo)
    dx.fill(0)
    dx_cn = dx.transpose(1, 0, 2, 3)                 # (C, N, H, W) view, matches d's order
    (top, _), (left, _) = pads
    for i in range(kh):
        rows = _tap_range(i, top, stride, grid.ho, h)
        if rows is None:
            continue
        for j in range(kw):
            cols = _tap_range(j, left, stride, grid.wo, w)
            if cols is None:
                continue
            dst = dx_cn[:, :, rows[1], cols[1]]
            np.add(dst, d[:, i, j, :, rows[0], cols[0]], out=dst)


def _col2im_runs(dcols, dx, kh, kw, pads, grid, ws) -> None:
    """Stride 1: each tap adds one contiguous run per (channel, image) into a padded
    (C, N, rows, wp) accumulator; the inside is then copied out as (N, C, H, W). The
    junk grid columns carry zero gradient, so adding them is harmless."""
    n, c, h, w = dx.shape
    (top, bottom), (left, _) = pads
    run = grid.ho * grid.wg
    acc = ws.get("col2im_acc", (c, n, h + top + bottom + 1, grid.wg), dtype=dcols.dtype)
    acc.fill(0.0)
    flat = acc.reshape(c, n, -1)
    d = dcols.reshape(c, kh, kw, n, run)
    for i in range(kh):
        for j in range(kw):
            start = i * grid.wg + j
            dst = flat[:, :, start:start + run]
            np.add(dst, d[:, i, j], out=dst)
    np.copyto(dx, acc[:, :, top:top + h, left:left + w].transpose(1, 0, 2, 3))


# Below this many weights (F*K) the weight gradient is blocked (see add_weight_grad).
TINY_WEIGHT_GRAD = 1024


def add_weight_grad(g: np.ndarray, cols: np.ndarray, out: np.ndarray) -> None:
    """out (F, K) += g (F, M) @ cols (K, M).T (a chunk's share of the weight gradient).
    Measured (OpenBLAS 0.3.31, SkylakeX, 1 thread): computing the transpose cols @ g.T
    (K, F) is 10-20% faster than g @ cols.T for every conv of the benchmark CNNs but the
    first; when F and K are tiny and M is long (the first conv of a network: 32 x 9 by
    36k) one GEMM runs 1.5-2x slower than blocks of columns summed, the fastest blocks
    being those whose g and cols stay within about 96K floats (2048 columns for 32 x 9)."""
    f, k = out.shape
    m = g.shape[1]
    if f * k >= TINY_WEIGHT_GRAD:
        out += np.matmul(cols, g.T).T
        return
    block = 1 << max(6, (98304 // (f + k)).bit_length() - 1)    # a power of 2 within it
    part = np.empty_like(out)
    for start in range(0, m, block):
        np.matmul(g[:, start:start + block], cols[:, start:start + block].T, out=part)
        out += part
