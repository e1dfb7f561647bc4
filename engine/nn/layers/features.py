"""Features: hand-made features appended to a vector input (concept 1).

Output, in this order: x itself, then x_i^2 (square), then x_i x_j for every i < j
(products, in the row-major order of numpy.triu_indices and torch.triu_indices), then
sin x_i (sine). A perceptron after Features(square) draws circles instead of lines: the
features a hidden layer would have to learn are given to it by hand.
"""
from __future__ import annotations

import numpy as np

from engine.errors import ShapeError
from engine.nn.layers.base import Layer
from engine.nn.registry import register
from engine.schema import Param

FEATURE_PARAMS = [
    Param("square", "bool", True, "Append x_i² for every input feature (n more features)."),
    Param("products", "bool", False,
          "Append x_i·x_j for every pair i < j (n(n-1)/2 more features: 1 for two inputs, "
          "but 306,936 for 784)."),
    Param("sine", "bool", False, "Append sin(x_i) for every input feature (n more features)."),
]


def feature_count(config: dict, n: int) -> int:
    """How many features an input of ``n`` features becomes."""
    return (n + n * config["square"] + n * (n - 1) // 2 * config["products"]
            + n * config["sine"])


@register("Core", "Keeps its input x and appends hand-made features of it, as chosen: the "
          "squares x_i², the products x_i·x_j of every pair, the sines sin(x_i). A single "
          "Dense unit after the squares can draw a circle, which it cannot on x alone: "
          "hand-made features instead of a learned hidden layer. No weights.",
          params=FEATURE_PARAMS,
          examples=[({}, [(3,)]), ({"square": True, "products": True, "sine": True}, [(4,)]),
                    ({"square": False, "products": True}, [(2,)]),
                    ({"square": False, "sine": True}, [(3,)])])
class Features(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        (shape,) = input_shapes
        if len(shape) != 1:
            raise ShapeError(f"Features needs a flat input [features] but receives "
                             f"{list(shape)}: insert a Flatten before it")
        return (feature_count(config, shape[0]),)

    @classmethod
    def problems(cls, config, input_shapes):
        if config["square"] or config["products"] or config["sine"]:
            return []
        return ["with square, products and sine all off it only passes its input on: "
                "tick at least one"]

    @classmethod
    def summary(cls, config) -> str:
        """The card's line: what the output holds, e.g. "x + x² + sin x"."""
        terms = [term for name, term in (("square", "x²"), ("products", "xᵢxⱼ"),
                                         ("sine", "sin x")) if config[name]]
        return " + ".join(["x", *terms]) if terms else "x only: nothing ticked"

    def _pairs(self) -> tuple[np.ndarray, np.ndarray]:
        return np.triu_indices(self.input_shapes[0][0], 1)

    def forward(self, xs, training):
        x = self._x = xs[0]
        parts = [x]
        if self.config["square"]:
            parts.append(x * x)
        if self.config["products"]:
            i, j = self._pairs()
            parts.append(x[:, i] * x[:, j])
        if self.config["sine"]:
            parts.append(np.sin(x))
        return np.concatenate(parts, axis=1) if len(parts) > 1 else x

    def backward(self, grad):
        if not self.needs_input_grad:
            return [None]
        x, n = self._x, self.input_shapes[0][0]
        dx = grad[:, :n].copy()
        at = n
        if self.config["square"]:
            dx += 2 * x * grad[:, at:at + n]
            at += n
        if self.config["products"]:
            i, j = self._pairs()
            # d(x_i x_j)/dx_k summed over the pairs holding k: a symmetric (n, n) matrix of
            # the pairs' gradients times x, per sample; no Python loop over pairs.
            pair_grads = np.zeros((len(x), n, n), grad.dtype)
            pair_grads[:, i, j] = grad[:, at:at + len(i)]
            pair_grads += pair_grads.transpose(0, 2, 1)
            dx += np.matmul(pair_grads, x[:, :, None])[:, :, 0]
            at += len(i)
        if self.config["sine"]:
            dx += np.cos(x) * grad[:, at:at + n]
        return [dx]

    # ---- export ------------------------------------------------------------------------
    def torch_module(self):
        return None

    def torch_call(self, module, inputs):
        x, n = inputs[0], self.input_shapes[0][0]
        parts = [x]
        if self.config["square"]:
            parts.append(f"{x} * {x}")
        if self.config["products"]:
            pairs = f"torch.triu_indices({n}, {n}, 1)"
            parts.append(f"{x}[:, {pairs}[0]] * {x}[:, {pairs}[1]]")
        if self.config["sine"]:
            parts.append(f"torch.sin({x})")
        return f"torch.cat([{', '.join(parts)}], dim=1)" if len(parts) > 1 else x

    def onnx_nodes(self, graph, inputs):
        x, name = inputs[0], self.name
        parts = [x]
        if self.config["square"]:
            parts.append(graph.node("Mul", [x, x], f"{name}/square"))
        if self.config["products"]:
            sides = [graph.node("Gather", [x, self._index(graph, side, which)],
                                f"{name}/{which}", axis=1)
                     for side, which in zip(self._pairs(), ("first", "second"))]
            parts.append(graph.node("Mul", sides, f"{name}/products"))
        if self.config["sine"]:
            parts.append(graph.node("Sin", [x], f"{name}/sine"))
        if len(parts) == 1:
            return graph.node("Identity", [x], name)
        return graph.node("Concat", parts, name, axis=1)

    def _index(self, graph, indices: np.ndarray, which: str) -> str:
        """An int64 constant of feature indices (graph.weight holds float32 arrays only)."""
        key = graph.unique(f"{self.name}.{which}_of_pairs")
        graph.initializers[key] = np.asarray(indices, np.int64)
        return key
