"""MaxPool2D and AvgPool2D: no padding, floor of partial windows (PyTorch's defaults)."""
from __future__ import annotations

import math

from engine.nn import ops, pool_ops
from engine.errors import ShapeError
from engine.nn.layers.base import FLOAT_BYTES, Footprint, Layer
from engine.nn.layers.conv import image_shape
from engine.schema import Param
from engine.nn.registry import register

POOL_PARAMS = [
    Param("pool_size", "int", 2, "Width and height of the window summarised into one "
          "output pixel.", min=1, max=64),
    Param("stride", "int", 2, "Step between two windows; equal to pool_size, windows do "
          "not overlap and the image shrinks by that factor.", min=1, max=64),
]

_EXAMPLES = [
    ({"pool_size": 2, "stride": 2}, [(2, 4, 6)]),
    ({"pool_size": 2, "stride": 2}, [(1, 5, 7)]),           # odd sizes: last row/col dropped
    ({"pool_size": 3, "stride": 2}, [(2, 7, 6)]),           # overlapping windows
    ({"pool_size": 3, "stride": 1}, [(1, 5, 5)]),
    ({"pool_size": 2, "stride": 3}, [(2, 8, 7)]),           # gaps between windows
]


def pooled_side(layer_type: str, axis: str, size: int, k: int, s: int) -> int:
    if k > size:
        raise ShapeError(f"{layer_type}: the {k}x{k} window is larger than the input "
                         f"{axis} {size}: output {axis} ({axis[0].upper()} - K)/S + 1 = "
                         f"({size} - {k})/{s} + 1 is below 1 pixel; use a smaller "
                         f"pool_size")
    return ops.window_count(size, k, s)


class _Pool(Layer):
    @classmethod
    def summary(cls, config) -> str:
        """The canvas card's one-line summary, e.g. '2x2 /2'."""
        k = config["pool_size"]
        return f"{k}x{k} /{config['stride']}"

    @classmethod
    def output_shape(cls, config, input_shapes):
        name = cls.__name__
        c, h, w = image_shape(name, input_shapes)
        k, s = config["pool_size"], config["stride"]
        return c, pooled_side(name, "height", h, k, s), pooled_side(name, "width", w, k, s)

    @property
    def _ks(self) -> tuple[int, int]:
        return self.config["pool_size"], self.config["stride"]

    def _torch_pool(self, torch_class: str) -> str:
        k, s = self._ks
        return f"nn.{torch_class}({k}, stride={s})"

    def _onnx_pool(self, graph, inputs, op: str) -> str:
        k, s = self._ks
        return graph.node(op, inputs, self.name, kernel_shape=[k, k], strides=[s, s])


@register("Pooling", "Keeps the largest value of each window: the image shrinks and "
          "small shifts of a pattern no longer matter.", params=POOL_PARAMS,
          examples=_EXAMPLES)
class MaxPool2D(_Pool):
    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        n_in, n_out = math.prod(input_shapes[0]), math.prod(out_shape)
        index = 1 if config["pool_size"] ** 2 <= 256 else 4       # argmax: uint8 or int32
        argmax = math.ceil(n_out * index / FLOAT_BYTES)
        return Footprint(n_out, kept=argmax, transient=n_in + n_out + argmax)

    def forward(self, xs, training):
        x = xs[0]
        k, s = self._ks
        out, self._arg = pool_ops.max_pool_forward(x, k, s, self.out_shape[1:])
        self._x_shape = x.shape
        return out

    def backward(self, grad):
        k, s = self._ks
        return [pool_ops.max_pool_backward(grad, self._arg, self._x_shape, k, s)]

    def torch_module(self):
        return self._torch_pool("MaxPool2d")

    def onnx_nodes(self, graph, inputs):
        return self._onnx_pool(graph, inputs, "MaxPool")


@register("Pooling", "Averages each window: the image shrinks smoothly.",
          params=POOL_PARAMS, examples=_EXAMPLES)
class AvgPool2D(_Pool):
    def forward(self, xs, training):
        x = xs[0]
        self._x_shape = x.shape
        k, s = self._ks
        return pool_ops.avg_pool_forward(x, k, s, self.out_shape[1:])

    def backward(self, grad):
        k, s = self._ks
        return [pool_ops.avg_pool_backward(grad, self._x_shape, k, s)]

    def torch_module(self):
        return self._torch_pool("AvgPool2d")

    def onnx_nodes(self, graph, inputs):
        return self._onnx_pool(graph, inputs, "AveragePool")
