"""Mini-batches for training."""
from __future__ import annotations

from typing import Iterator

import numpy as np


def iterate_batches(x: np.ndarray, y: np.ndarray, batch_size: int,
                    rng: np.random.Generator | None = None,
                    shuffle: bool = True) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (xb, yb) of ``batch_size`` examples, the last one possibly smaller.
    Shuffled batches are copies (one gather per batch); unshuffled ones are views."""
    n = len(x)
    if len(y) != n:
        raise ValueError(f"iterate_batches: x has {n} examples but y has {len(y)}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) \
            or batch_size < 1:
        raise ValueError(f"batch_size must be a whole number at least 1, got {batch_size!r}")
    if shuffle and rng is None:
        raise ValueError("iterate_batches: shuffle=True needs a numpy Generator as rng")
    order = rng.permutation(n) if shuffle else None
    for start in range(0, n, int(batch_size)):
        if order is None:
            yield x[start:start + batch_size], y[start:start + batch_size]
        else:
            idx = order[start:start + batch_size]
            yield x[idx], y[idx]
