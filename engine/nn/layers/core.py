"""Input, Dense, Flatten, Dropout."""
from __future__ import annotations

import math

import numpy as np

from engine.errors import ShapeError
from engine.nn.initializers import WEIGHT_INITS
from engine.nn.layers.base import Footprint, Layer
from engine.schema import Param
from engine.nn.registry import register

TRAINABLE = Param("trainable", "bool", True,
                  "Untick to freeze this layer's weights: they keep their initial values.")


def init_param(default: str) -> Param:
    return Param("init", "choice", default,
                 "How the weights are drawn before training (he suits ReLU, xavier suits "
                 "tanh/sigmoid).", choices=WEIGHT_INITS)


BIAS = Param("bias", "bool", True, "Add a learned offset to every output unit.")


@register("Input", "Where the data enters the network; its shape excludes the batch axis.",
          params=[Param("shape", "shape", [2],
                        "Shape of one example without the batch axis: [features] for "
                        "tables, [channels, height, width] for images.")],
          inputs=0)
class Input(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        return tuple(config["shape"])

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        return Footprint(math.prod(out_shape))          # the batch drawn from the dataset

    def forward(self, xs, training):
        return xs[0]

    def backward(self, grad):
        return []

    # The exporters feed the data to the Input node: its output is their input.
    def torch_module(self):
        return None

    def torch_call(self, module, inputs):
        return inputs[0]

    def onnx_nodes(self, graph, inputs):
        return inputs[0]


@register("Core", "Fully connected layer: y = x W^T + b, every input wired to every unit.",
          params=[Param("units", "int", 8, "Number of output units (neurons).", min=1,
                        max=100000),
                  BIAS, init_param("xavier_uniform"), TRAINABLE],
          examples=[({"units": 3}, [(4,)]), ({"units": 2, "bias": False}, [(5,)])])
class Dense(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        (shape,) = input_shapes
        if len(shape) != 1:
            raise ShapeError(f"Dense needs a flat input [features] but receives "
                             f"{list(shape)}: insert a Flatten before it")
        return (config["units"],)

    @classmethod
    def weight_shapes(cls, config, input_shapes):
        shapes = {"weight": (config["units"], input_shapes[0][0])}
        if config["bias"]:
            shapes["bias"] = (config["units"],)
        return shapes

    def forward(self, xs, training):
        x = self._x = xs[0]
        y = x @ self.weights["weight"].T
        if "bias" in self.weights:
            y += self.weights["bias"]
        return y

    def backward(self, grad):
        np.matmul(grad.T, self._x, out=self.grads["weight"])
        if "bias" in self.grads:
            np.sum(grad, axis=0, out=self.grads["bias"])
        return [grad @ self.weights["weight"] if self.needs_input_grad else None]

    def torch_module(self):
        (features,) = self.input_shapes[0]
        bias = "" if self.config["bias"] else ", bias=False"
        return f"nn.Linear({features}, {self.config['units']}{bias})"

    def onnx_nodes(self, graph, inputs):
        # Gemm: x W^T + b, the weight kept in PyTorch's (out, in) layout.
        args = [inputs[0], graph.weight(self, "weight")]
        if "bias" in self.weights:
            args.append(graph.weight(self, "bias"))
        return graph.node("Gemm", args, self.name, transB=1)


@register("Core", "Unrolls an image [C, H, W] into one vector of C*H*W features "
          "(channel-major, as PyTorch), so that Dense layers can follow.",
          examples=[({}, [(2, 3, 4)]), ({}, [(5,)])])
class Flatten(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        return (math.prod(input_shapes[0]),)

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        return Footprint(0)             # views of its input and of its gradient

    def forward(self, xs, training):
        self._shape = xs[0].shape
        return xs[0].reshape(len(xs[0]), -1)

    def backward(self, grad):
        return [grad.reshape(self._shape)]

    def torch_module(self):
        return "nn.Flatten()"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Flatten", inputs, self.name, axis=1)


@register("Core", "Randomly zeroes a fraction of its inputs while training (scaling the "
          "rest up) so the network cannot rely on any single unit; does nothing at test time.",
          params=[Param("rate", "float", 0.5, "Fraction of inputs set to zero while training.",
                        min=0.0, max=1.0, max_exclusive=True)],
          examples=[({"rate": 0.3}, [(6,)]), ({"rate": 0.5}, [(2, 3, 3)])])
class Dropout(Layer):
    rng: np.random.Generator = np.random.default_rng(0)   # the Model sets one per layer

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        # the mask (float32) is kept; forward also draws random floats and a bool array
        n = math.prod(out_shape)
        return Footprint(n, kept=n, transient=n + n // 4 + 2 * n)

    def forward(self, xs, training):
        x = xs[0]
        rate = self.config["rate"]
        if not training or rate == 0.0:
            self._mask = None
            return x
        keep = self.rng.random(x.shape, dtype=np.float32) >= rate
        self._mask = keep.astype(np.float32) * np.float32(1.0 / (1.0 - rate))
        return x * self._mask

    def backward(self, grad):
        return [grad if self._mask is None else grad * self._mask]

    def torch_module(self):
        return f"nn.Dropout({self.config['rate']!r})"

    def onnx_nodes(self, graph, inputs):
        return inputs[0]        # inference form: the identity
