"""Importing this package registers every layer type (one module per family)."""
from engine.layers import activations, conv, core, merge, norm, pooling  # noqa: F401
from engine.layers.base import Layer  # noqa: F401
