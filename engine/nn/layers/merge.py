"""Merge layers: Add and Concat join two or more branches of a network.

Inputs are numbered by port, from 0, as the edges of the network file order them.
"""
from __future__ import annotations

import numpy as np

from engine.errors import ShapeError
from engine.nn.layers.base import Layer
from engine.nn.registry import register


def _need_two(kind: str, input_shapes) -> None:
    if len(input_shapes) < 2:
        raise ShapeError(f"{kind} joins 2 or more inputs, got {len(input_shapes)}")


def _axis_names(ndim: int) -> tuple[str, ...]:
    return ("features",) if ndim == 1 else ("channels", "height", "width")[:ndim]


@register("Merge", "Adds its inputs element by element (a skip or residual connection). "
          "All inputs must have the same shape; the gradient is copied back to each of them.",
          inputs=(2, None),
          examples=[({}, [(4,), (4,)]), ({}, [(2, 3, 3), (2, 3, 3), (2, 3, 3)])])
class Add(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        _need_two("Add", input_shapes)
        first = tuple(input_shapes[0])
        for i, shape in enumerate(input_shapes[1:], start=1):
            if tuple(shape) != first:
                raise ShapeError(f"Add needs inputs of the same shape: input 0 is "
                                 f"{list(first)} but input {i} is {list(shape)}")
        return first

    def forward(self, xs, training):
        out = xs[0] + xs[1]
        for x in xs[2:]:
            out += x
        return out

    def backward(self, grad):
        # Copies, so that no two branches share (and could overwrite) one array.
        return [grad] + [grad.copy() for _ in self.input_shapes[1:]]

    def torch_module(self):
        return None

    def torch_call(self, module, inputs):
        return " + ".join(inputs)

    def onnx_nodes(self, graph, inputs):
        total = inputs[0]
        for i, x in enumerate(inputs[1:], start=2):
            hint = self.name if i == len(inputs) else f"{self.name}/sum{i}"
            total = graph.node("Add", [total, x], hint)
        return total


@register("Merge", "Joins its inputs side by side along the first axis: features for "
          "vectors, channels for images (as torch.cat on dim 1). The other axes (height and "
          "width) must match.",
          inputs=(2, None),
          examples=[({}, [(3,), (2,)]), ({}, [(2, 3, 3), (1, 3, 3)]),
                    ({}, [(1, 2, 4), (2, 2, 4), (1, 2, 4)])])
class Concat(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        _need_two("Concat", input_shapes)
        first = tuple(input_shapes[0])
        for i, shape in enumerate(input_shapes[1:], start=1):
            shape = tuple(shape)
            if len(shape) != len(first):
                raise ShapeError(f"Concat needs inputs with the same number of axes: input 0 "
                                 f"is {list(first)} but input {i} is {list(shape)}")
            if shape[1:] != first[1:]:
                names = _axis_names(len(first))
                bad = [names[a] for a in range(1, len(first)) if shape[a] != first[a]]
                raise ShapeError(f"Concat joins along {names[0]}; the {' and '.join(bad)} "
                                 f"must match, but input 0 is {list(first)} and input {i} "
                                 f"is {list(shape)}")
        return (sum(s[0] for s in input_shapes),) + first[1:]

    def forward(self, xs, training):
        return np.concatenate(xs, axis=1)

    def backward(self, grad):
        splits = np.cumsum([s[0] for s in self.input_shapes[:-1]])
        return np.split(grad, splits, axis=1)

    def torch_module(self):
        return None

    def torch_call(self, module, inputs):
        return f"torch.cat([{', '.join(inputs)}], dim=1)"

    def onnx_nodes(self, graph, inputs):
        return graph.node("Concat", inputs, self.name, axis=1)
