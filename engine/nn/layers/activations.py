"""Activation layers: Sigmoid, Tanh, ReLU, LeakyReLU, ELU (elementwise) and Softmax.

Each elementwise activation writes its maths once, as ``function(x, config)`` and
``derivative(x, y, config)``; forward/backward and ``curve`` (the GUI's f / f' plot) all use
them. ``elementwise`` tells the GUI whether a curve exists: Softmax mixes the features of
a sample, so it has no f(x) of one number and no ``curve``.
Outputs keep the input's dtype (float32 in training, float64 in the gradient check).
"""
from __future__ import annotations

import numpy as np

from engine.nn.layers.base import Layer
from engine.nn.losses import softmax
from engine.schema import Param
from engine.nn.registry import register

# Vectors and images: activations accept any shape.
SHAPE_EXAMPLES = [({}, [(5,)]), ({}, [(2, 3, 3)])]


class Activation(Layer):
    """Base of the elementwise activations: y = f(x), dL/dx = dL/dy * f'(x)."""

    elementwise = True

    @staticmethod
    def function(x: np.ndarray, config: dict) -> np.ndarray:
        raise NotImplementedError

    @staticmethod
    def derivative(x: np.ndarray, y: np.ndarray, config: dict) -> np.ndarray:
        """f'(x) as a NEW array (backward scales it in place); ``y`` = f(x) is passed
        because some derivatives are cheaper from it."""
        raise NotImplementedError

    @classmethod
    def curve(cls, x, config: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(f(x), f'(x)) for plotting, e.g. ``ReLU.curve(np.linspace(-3, 3, 200))``.
        Missing settings take their defaults."""
        config = cls.spec.complete(config)
        x = np.asarray(x, dtype=np.float64)
        y = cls.function(x, config)
        return y, cls.derivative(x, y, config)

    def forward(self, xs, training):
        self._x = xs[0]
        self._y = self.function(self._x, self.config)
        return self._y

    def backward(self, grad):
        d = self.derivative(self._x, self._y, self.config)  # a fresh array: scale it in place
        d *= grad
        return [d]


@register("Activation", "Squashes any number into the range 0 to 1 (a probability). Its slope "
          "is at most 0.25 and nearly 0 for large positive or negative inputs, so gradients "
          "vanish when it saturates or when many are stacked.", examples=SHAPE_EXAMPLES)
class Sigmoid(Activation):
    @staticmethod
    def function(x, config):
        # 1 / (1 + exp(-x)) as PyTorch: exp overflows to inf for x < -88 (float32), which
        # correctly gives 0. Four in-place passes: ~5x faster than the branchy stable form
        # (engine.nn.losses.sigmoid), which the fused bce does not need here.
        y = np.negative(x)
        with np.errstate(over="ignore"):
            np.exp(y, out=y)
        y += 1.0
        return np.reciprocal(y, out=y)

    @staticmethod
    def derivative(x, y, config):
        d = 1.0 - y
        d *= y
        return d

    def torch_module(self):
        return "nn.Sigmoid()"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Sigmoid", inputs, self.name)


@register("Activation", "Squashes any number into the range -1 to 1, centred on 0. Steeper "
          "than sigmoid (slope 1 at 0) but its gradient also vanishes for large inputs.",
          examples=SHAPE_EXAMPLES)
class Tanh(Activation):
    @staticmethod
    def function(x, config):
        return np.tanh(x)

    @staticmethod
    def derivative(x, y, config):
        d = np.square(y)
        return np.subtract(1.0, d, out=d)

    def torch_module(self):
        return "nn.Tanh()"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Tanh", inputs, self.name)


@register("Activation", "Keeps positive numbers and sets negative ones to 0 (output 0 or more). "
          "Its gradient is 1 for every positive input, so it does not vanish in deep "
          "networks; it is 0 for negative inputs (and taken as 0 at exactly 0, as PyTorch).",
          examples=SHAPE_EXAMPLES)
class ReLU(Activation):
    @staticmethod
    def function(x, config):
        return np.maximum(x, 0)

    @staticmethod
    def derivative(x, y, config):
        return (x > 0).astype(x.dtype)

    def torch_module(self):
        return "nn.ReLU()"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Relu", inputs, self.name)


@register("Activation", "Like ReLU, but negative inputs are multiplied by a small slope "
          "instead of set to 0, so outputs can be any number and the gradient never vanishes "
          "completely: a unit whose inputs are all negative can still recover.",
          params=[Param("negative_slope", "float", 0.01,
                        "Slope used for negative inputs (0 makes it a plain ReLU).",
                        min=0.0, max=1.0)],
          examples=[({"negative_slope": 0.1}, [(5,)]), ({}, [(2, 3, 3)])])
class LeakyReLU(Activation):
    # Branch-free, as np.where on a sign mask runs ~15 ns per element (mispredicted
    # branches; 15x ReLU's time). The slope is at most 1, so max(x, slope * x) is x above 0
    # and slope * x below: the same numbers as the select.
    @staticmethod
    def function(x, config):
        slope = config["negative_slope"]
        if slope == 0:                       # 0 * inf is NaN: a ReLU (gives 0 at -inf)
            return np.maximum(x, 0)
        y = np.multiply(x, slope)
        return np.maximum(x, y, out=y)

    @staticmethod
    def derivative(x, y, config):
        d = (x > 0).astype(x.dtype)          # 1 or 0, then 1 or the slope (at most 1)
        return np.maximum(d, config["negative_slope"], out=d)

    def torch_module(self):
        return f"nn.LeakyReLU({self.config['negative_slope']!r})"

    def onnx_nodes(self, graph, inputs):
        return graph.node("LeakyRelu", inputs, self.name,
                          alpha=float(self.config["negative_slope"]))


@register("Activation", "Like ReLU for positive inputs; negative inputs curve smoothly down to "
          "-alpha, so outputs range from -alpha upwards. The gradient fades to 0 only for very "
          "negative inputs.",
          params=[Param("alpha", "float", 1.0,
                        "The value that very negative inputs approach (as -alpha).",
                        min=0.0, max=10.0)],
          examples=[({"alpha": 1.0}, [(5,)]), ({"alpha": 0.5}, [(2, 3, 3)])])
class ELU(Activation):
    # Branch-free like LeakyReLU: each select is a sum in which one side is exactly 0.
    @staticmethod
    def function(x, config):
        # expm1 of min(x, 0): no overflow for large positive x, precise near 0; it is 0
        # above 0, so adding max(x, 0) gives x there and alpha * expm1(x) below.
        neg = np.minimum(x, 0)
        np.expm1(neg, out=neg)
        neg *= config["alpha"]
        y = np.maximum(x, 0)
        y += neg
        return y

    @staticmethod
    def derivative(x, y, config):
        # y + alpha below 0 (y <= 0 there); above, min(y, 0) + alpha is finite, so
        # (1 - above) * it + above is exactly 1.
        above = (x > 0).astype(x.dtype)
        d = np.minimum(y, 0)
        d += config["alpha"]
        d *= 1 - above
        d += above
        return d

    def torch_module(self):
        return f"nn.ELU({self.config['alpha']!r})"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Elu", inputs, self.name, alpha=float(self.config["alpha"]))


@register("Activation", "Turns a vector of scores into probabilities: every output is between "
          "0 and 1 and they sum to 1 (over the features, or over the channels of each pixel "
          "for images). Usually the last layer of a classifier, paired with cross-entropy.",
          examples=SHAPE_EXAMPLES)
class Softmax(Layer):
    elementwise = False    # no f(x) of one number: no ``curve`` to plot

    @classmethod
    def problems(cls, config, input_shapes):
        # The outputs sum to 1, so one output is always 1: nothing before it can learn.
        if input_shapes[0][0] != 1:
            return []
        over = "1 unit" if len(input_shapes[0]) == 1 else "1 channel"
        return [f"a Softmax over {over} always outputs 1, so the network cannot learn: for "
                f"one output use a Sigmoid instead (with loss bce), or give the layer before "
                f"it 2 or more units, one per class (with loss cross_entropy)"]

    def forward(self, xs, training):
        self._y = softmax(xs[0], axis=1)   # stable: shifted by the maximum
        return self._y

    def backward(self, grad):
        # Jacobian-vector product: dx = y * (g - sum(g * y)) along the softmax axis.
        y = self._y
        return [y * (grad - (grad * y).sum(axis=1, keepdims=True))]

    # Over axis 1: the features, or the channels of each pixel (opset 13+ Softmax is per axis).
    def torch_module(self):
        return "nn.Softmax(dim=1)"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Softmax", inputs, self.name, axis=1)
