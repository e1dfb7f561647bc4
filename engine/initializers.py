"""Weight initialisers: ``initialize(name, shape, fan_in, fan_out, rng)`` -> float32 array."""
from __future__ import annotations

import math
from typing import Callable

import numpy as np

Init = Callable[[tuple, int, int, np.random.Generator], np.ndarray]
_INITS: dict[str, Init] = {}


def _register(name: str):
    def decorate(fn: Init) -> Init:
        _INITS[name] = fn
        return fn
    return decorate


@_register("he_uniform")
def he_uniform(shape, fan_in, fan_out, rng):
    bound = math.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, shape)


@_register("he_normal")
def he_normal(shape, fan_in, fan_out, rng):
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), shape)


@_register("xavier_uniform")
def xavier_uniform(shape, fan_in, fan_out, rng):
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, shape)


@_register("xavier_normal")
def xavier_normal(shape, fan_in, fan_out, rng):
    return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), shape)


@_register("torch_default")
def torch_default(shape, fan_in, fan_out, rng):
    """PyTorch's nn.Linear / nn.Conv2d default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))."""
    bound = 1.0 / math.sqrt(fan_in)
    return rng.uniform(-bound, bound, shape)


@_register("zeros")
def zeros(shape, fan_in, fan_out, rng):
    return np.zeros(shape)


WEIGHT_INITS = tuple(_INITS)   # the choices a weight layer's ``init`` param offers


def initialize(name: str, shape: tuple, fan_in: int, fan_out: int,
               rng: np.random.Generator) -> np.ndarray:
    try:
        fn = _INITS[name]
    except KeyError:
        raise ValueError(f"unknown initializer {name!r}; known: {', '.join(_INITS)}") from None
    return np.ascontiguousarray(fn(tuple(shape), max(fan_in, 1), max(fan_out, 1), rng),
                                dtype=np.float32)
