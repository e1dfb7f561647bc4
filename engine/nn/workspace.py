"""Scratch arrays a layer keeps across training steps (saves allocation and the page
faults of first touch: big arrays are mapped fresh by the allocator every time)."""
from __future__ import annotations

import math

import numpy as np


class Workspace:
    """One buffer per name, as large as the largest shape ever asked for under that name.
    A smaller request (the short last batch of an epoch, an evaluation chunk) is a view of
    the buffer's first elements, so shapes that alternate within an epoch neither allocate
    nor fault."""

    def __init__(self) -> None:
        self._bufs: dict[str, np.ndarray] = {}
        self._shapes: dict[str, tuple[int, ...]] = {}

    def get(self, name: str, shape: tuple[int, ...], zero: bool = False,
            dtype=np.float32) -> np.ndarray:
        """A C-contiguous array of ``shape`` (float32 in the engine; float64 when the
        gradient checker runs a float64 copy). With ``zero`` it is all zeros whenever its
        shape differs from the last request under ``name``; the caller only ever rewrites
        the same region (e.g. the inside of a padded image), so the rest stays zero."""
        shape = tuple(shape)
        size = math.prod(shape)
        buf = self._bufs.get(name)
        if buf is None or buf.dtype != dtype or buf.size < size:
            buf = self._bufs[name] = np.empty(size, dtype)
            self._shapes.pop(name, None)
        view = buf[:size].reshape(shape)
        if zero and self._shapes.get(name) != shape:
            view.fill(0)              # the same memory may hold another shape's layout
        self._shapes[name] = shape
        return view
