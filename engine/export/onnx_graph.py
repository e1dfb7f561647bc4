"""OnnxGraph: the ONNX graph of a network as plain data, filled by each layer's ``onnx_nodes``.

No onnx import here (engine.export.onnx_model turns it into protobuf): layers describe their
nodes with ``node`` and their arrays with ``weight``, and never touch the onnx package.
Every tensor name is unique: "input" and "output" are kept for the graph's ends, a node's
output is named after its id, an initializer after its state_dict key ("h1.weight").
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class OnnxNode:
    op: str
    inputs: list[str]
    output: str
    attrs: dict = field(default_factory=dict)


class OnnxGraph:
    def __init__(self):
        self.nodes: list[OnnxNode] = []
        self.initializers: dict[str, np.ndarray] = {}
        self._taken = {"input", "output"}

    def unique(self, hint: str) -> str:
        """``hint``, or ``hint`` with a number when that name is taken."""
        name, k = hint, 2
        while name in self._taken:
            name, k = f"{hint}_{k}", k + 1
        self._taken.add(name)
        return name

    def node(self, op: str, inputs: list[str], hint: str, **attrs) -> str:
        """Add one ``op`` node; return its (single) output's name."""
        output = self.unique(hint)
        self.nodes.append(OnnxNode(op, list(inputs), output, attrs))
        return output

    def weight(self, layer, key: str) -> str:
        """An initializer holding ``layer``'s weight or buffer ``key`` as float32."""
        array = layer.weights[key] if key in layer.weights else layer.buffers[key]
        name = self.unique(f"{layer.name}.{key}")
        self.initializers[name] = np.asarray(array, np.float32)
        return name
