"""All trainable weights in one flat float32 buffer, all their gradients in another.

The Model packs them at construction (``pack``): each layer's ``weights[k]`` and
``grads[k]`` become views into the two buffers (same shapes, PyTorch layouts). An optimizer
then updates every weight in a few ufunc passes over contiguous memory, and zero_grad is one
fill. The passes go over CHUNK elements at a time, so the moments, the gradient and the
scratch of a chunk stay in the core's cache from one pass to the next.

The rule this brings: whatever changes a weight writes INTO its array (``a[...] = v``,
``np.copyto``, ``out=``). An array assigned in its place is no longer in the buffer; the
optimizer made before it would go on updating the old memory (``segments`` falls back to one
segment per parameter for arrays that are not packed, e.g. a deep copy's).
"""
from __future__ import annotations

import numpy as np

# 64 Ki floats: four arrays of a chunk (weight, gradient, two moments) and the scratch fill
# about 1.3 MB, inside a core's L2 cache; fewer, larger chunks measured slower (Adam, MLP).
CHUNK = 65536
ALIGN = 64                 # bytes: a cache line, and one AVX-512 register


def aligned_empty(size: int, dtype=np.float32) -> np.ndarray:
    """An uninitialised 1-D array whose data starts on a 64-byte boundary. NumPy only
    promises 16: a vector store that straddles two cache lines costs twice as much, and the
    elementwise passes measured up to 2x faster into aligned outputs."""
    itemsize = np.dtype(dtype).itemsize
    raw = np.empty(size + ALIGN // itemsize, dtype)
    skip = (-raw.ctypes.data % ALIGN) // itemsize
    return raw[skip:skip + size]


def aligned_full(size: int, value: float, dtype=np.float32) -> np.ndarray:
    a = aligned_empty(size, dtype)
    a.fill(value)
    return a


def pack(pairs: list[tuple[dict, str]]) -> np.ndarray | None:
    """Move the arrays ``d[key]`` for (d, key) in ``pairs`` into one new flat buffer, in
    order, replacing each with a view of the same shape holding the same values. Returns the
    buffer, or None (nothing changed) when they are not all float32."""
    arrays = [d[key] for d, key in pairs]
    if not arrays or any(a.dtype != np.float32 for a in arrays):
        return None
    flat = aligned_empty(sum(a.size for a in arrays))
    at = 0
    for (d, key), a in zip(pairs, arrays):
        view = flat[at:at + a.size].reshape(a.shape)
        view[...] = a
        d[key] = view
        at += a.size
    return flat


def consecutive(arrays: list[np.ndarray]) -> np.ndarray | None:
    """The 1-D array that ``arrays`` fill back to back (C-contiguous, one dtype, each
    starting where the one before ends, all in one buffer), or None."""
    if not arrays:
        return None
    root = arrays[0]
    while isinstance(root.base, np.ndarray):
        root = root.base
    if root.ndim != 1 or not root.flags.c_contiguous:
        return None
    start = root.ctypes.data
    at = arrays[0].ctypes.data
    for a in arrays:
        if (a.dtype != root.dtype or not a.flags.c_contiguous or a.ctypes.data != at
                or not np.shares_memory(a, root)):
            return None
        at += a.nbytes
    first = (arrays[0].ctypes.data - start) // root.itemsize
    return root[first:first + (at - arrays[0].ctypes.data) // root.itemsize]


def flat_view(a: np.ndarray, what: str) -> np.ndarray:
    """``a`` as a 1-D view (never a copy, which would update nothing)."""
    if not a.flags.c_contiguous:
        raise ValueError(f"{what} is not a contiguous array, so it cannot be updated in place")
    return a.reshape(-1)


def segments(params: list[np.ndarray], grads: list[np.ndarray]
             ) -> list[tuple[np.ndarray, np.ndarray, int]]:
    """(weights, grads, offset) 1-D runs covering ``params`` in order: one run when both
    lists are packed buffers, else one per parameter. ``offset`` is the run's place in a
    state buffer laid out as the parameters back to back."""
    flat_p, flat_g = consecutive(params), consecutive(grads)
    if flat_p is not None and flat_g is not None:
        return [(flat_p, flat_g, 0)]
    out, at = [], 0
    for i, (p, g) in enumerate(zip(params, grads)):
        out.append((flat_view(p, f"parameter {i}"), flat_view(g, f"gradient {i}"), at))
        at += p.size
    return out


def chunks(size: int) -> list[slice]:
    """Slices of at most CHUNK elements covering range(size)."""
    chunk = CHUNK
    return [slice(s, min(s + chunk, size)) for s in range(0, size, chunk)]
