"""The base class of every built layer.

A layer is made from its ``config``: the hyper-parameters its spec declares (a node's
"params" in the network file, complete and validated). A layer type declares, as
classmethods of a config and input shapes that need no data, its ``output_shape`` and its
``weight_shapes`` (PyTorch names and layouts: Dense weight (out, in), Conv2D weight
(out, in, kh, kw)). A built layer holds float32 arrays: ``weights`` (trained), ``grads``
(same keys and shapes, overwritten by every ``backward``), and ``buffers`` (state that is
saved but not trained, e.g. BatchNorm running statistics). Optimizers keep references to
these arrays, so they are only ever changed in place.

A layer also says, in one place, how it is written in each export target (engine.export):
``torch_module`` / ``torch_call`` for the generated PyTorch model.py, ``onnx_nodes`` for the
ONNX graph. The defaults refuse with an ExportError naming the node, so a new layer type
that forgets its export fails the registry-driven export tests, not a user's export.
"""
from __future__ import annotations

import math
from typing import ClassVar, NamedTuple

import numpy as np

from engine.errors import ExportError
from engine.nn.initializers import initialize
from engine.nn.registry import LayerSpec

Shape = tuple[int, ...]
FLOAT_BYTES = 4                    # the engine trains in float32


class Footprint(NamedTuple):
    """What a layer holds while training, in floats per example (engine.graph.memory sums
    them into the network's estimate)."""

    out: int               # its output (model.outputs keeps every node's for backward)
    kept: int = 0          # what forward stores for backward besides the output
    ws_fwd: int = 0        # reused workspace of forward (kept between steps)
    ws_bwd: int = 0        # reused workspace of backward (kept between steps)
    transient: int = 0     # freed within the step: incoming and outgoing gradients, temps
    chunk: int = 0         # the workspaces serve this many examples at a time (0: all)


class Layer:
    spec: ClassVar[LayerSpec]
    # False when every input is the data itself (set by Model): backward may then return
    # None instead of an input gradient nobody needs (the first layer's is the costliest).
    needs_input_grad: bool = True

    def __init__(self, name: str, config: dict, input_shapes: list[Shape]):
        self.name = name
        self.config = config                  # complete and validated (spec.complete)
        self.input_shapes = [tuple(s) for s in input_shapes]
        self.out_shape: Shape = tuple(self.output_shape(config, self.input_shapes))
        self.trainable: bool = bool(config.get("trainable", True))
        self.weights: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}

    # ---- described without data -------------------------------------------------------
    @classmethod
    def output_shape(cls, config: dict, input_shapes: list[Shape]) -> Shape:
        """The output shape (batch axis excluded); raise ShapeError when inputs do not fit."""
        return tuple(input_shapes[0])

    @classmethod
    def weight_shapes(cls, config: dict, input_shapes: list[Shape]) -> dict[str, Shape]:
        """Trainable arrays by PyTorch name, e.g. {"weight": (4, 2), "bias": (4,)}."""
        return {}

    @classmethod
    def problems(cls, config: dict, input_shapes: list[Shape]) -> list[str]:
        """Why inputs that fit would still leave the layer useless (e.g. a Softmax over one
        unit outputs a constant), with the fix; [] for a layer that can work."""
        return []

    @classmethod
    def memory_footprint(cls, config: dict, input_shapes: list[Shape], out_shape: Shape,
                         fed_by_data: bool) -> Footprint:
        """Floats per example this layer holds while training. ``fed_by_data``: every input
        is the data itself, so no input gradient is made. The default suits Dense, the
        activations, merges and Softmax: the output is kept; backward holds the incoming
        gradient, the input gradient and about one temporary of either size."""
        n_in, n_out = sum(math.prod(s) for s in input_shapes), math.prod(out_shape)
        return Footprint(n_out, transient=n_in + 2 * n_out + max(n_in, n_out))

    @classmethod
    def param_count(cls, config: dict, input_shapes: list[Shape]) -> int:
        return sum(math.prod(s) for s in cls.weight_shapes(config, input_shapes).values())

    # ---- built -------------------------------------------------------------------------
    def init_weights(self, rng: np.random.Generator) -> None:
        """Create the weights (drawn as the ``init`` setting says for "weight", zeros for
        biases) and zeroed grads."""
        for key, shape in self.weight_shapes(self.config, self.input_shapes).items():
            if key == "weight":
                fan_out = shape[0] * math.prod(shape[2:])
                fan_in = math.prod(shape[1:]) if len(shape) > 1 else shape[0]
                value = initialize(self.config.get("init", "xavier_uniform"), shape,
                                   fan_in, fan_out, rng)
            else:
                value = np.zeros(shape, np.float32)
            self.weights[key] = value
            self.grads[key] = np.zeros(shape, np.float32)

    def forward(self, xs: list[np.ndarray], training: bool) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> list[np.ndarray]:
        """Given dLoss/dOutput, write dLoss/dParam into ``self.grads`` and return
        dLoss/dInput for each input. Uses what the last ``forward`` stored."""
        raise NotImplementedError

    # ---- export (engine.export) --------------------------------------------------------
    def torch_module(self) -> str | None:
        """Python source building this layer's torch.nn module in model.py, e.g.
        "nn.Linear(4, 3)" (``nn`` is torch.nn), or None when ``torch_call`` needs no module."""
        raise self.cannot_export("PyTorch")

    def torch_call(self, module: str, inputs: list[str]) -> str:
        """The forward expression: ``module`` is the node's attribute ("self.h1"),
        ``inputs`` the variables holding its inputs in port order (``F`` is
        torch.nn.functional, ``torch`` torch)."""
        return f"{module}({inputs[0]})"

    def onnx_nodes(self, graph, inputs: list[str]) -> str:
        """Add this layer in inference form to ``graph`` (engine.export.onnx_graph.OnnxGraph)
        reading the tensors ``inputs`` in port order; return its output tensor's name."""
        raise self.cannot_export("ONNX")

    def cannot_export(self, target: str) -> ExportError:
        return ExportError(self.name, f"a {type(self).__name__} layer cannot be exported to "
                                      f"{target} yet")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, out={self.out_shape})"
