"""Weight initialisers: ``initialize(name, shape, fan_in, fan_out, rng)`` -> float32 array."""
from __future__ import annotations

import math
from typing import Callable

import numpy as np

from engine.registry import Registry

Init = Callable[[tuple, int, int, np.random.Generator], np.ndarray]
INITIALIZERS: Registry = Registry("initializer")


@INITIALIZERS.register("he_uniform")
def he_uniform(shape, fan_in, fan_out, rng):
    bound = math.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, shape)


@INITIALIZERS.register("he_normal")
def he_normal(shape, fan_in, fan_out, rng):
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), shape)


@INITIALIZERS.register("xavier_uniform")
def xavier_uniform(shape, fan_in, fan_out, rng):
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, shape)


@INITIALIZERS.register("xavier_normal")
def xavier_normal(shape, fan_in, fan_out, rng):
    return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), shape)


@INITIALIZERS.register("torch_default")
def torch_default(shape, fan_in, fan_out, rng):
    """PyTorch's nn.Linear / nn.Conv2d default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))."""
    bound = 1.0 / math.sqrt(fan_in)
    return rng.uniform(-bound, bound, shape)


@INITIALIZERS.register("zeros")
def zeros(shape, fan_in, fan_out, rng):
    return np.zeros(shape)


WEIGHT_INITS = tuple(INITIALIZERS)   # the choices a weight layer's ``init`` param offers


def initialize(name: str, shape: tuple, fan_in: int, fan_out: int,
               rng: np.random.Generator) -> np.ndarray:
    if name not in INITIALIZERS:
        raise ValueError(INITIALIZERS.unknown(name))
    fn = INITIALIZERS[name]
    return np.ascontiguousarray(fn(tuple(shape), max(fan_in, 1), max(fan_out, 1), rng),
                                dtype=np.float32)
