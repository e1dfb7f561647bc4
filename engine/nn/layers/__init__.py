"""Every layer type, one module per family; importing this package fills ``LAYERS``."""
from engine.nn.layers import activations, conv, core, merge, norm, pooling  # noqa: F401
from engine.nn.layers import features  # noqa: F401
from engine.nn.layers.base import Layer
from engine.nn.registry import LAYERS

__all__ = ["LAYERS", "Layer"]
