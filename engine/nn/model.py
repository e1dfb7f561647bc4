"""Model: built layers run in topological order through a DAG (fan-out and merges).

Backward walks the same order reversed; where a node feeds several others, the gradients
coming back from them are summed. Parameter names and layouts follow PyTorch, so a
``state_dict`` moves between the two.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from engine.errors import WeightsFileError
from engine.files import atomic_write, read_npz
from engine.nn.layers.base import Layer
from engine.optim import flat


@dataclass
class Node:
    id: str
    layer: Layer
    inputs: list[str] = field(default_factory=list)   # ordered by port


class Model:
    # The dtype data is cast to; the gradient checker sets float64 on its private copy.
    input_dtype = np.float32

    def __init__(self, nodes: list[Node]):
        """``nodes`` in topological order; exactly one Input and one output (no consumer)."""
        self.nodes = list(nodes)
        self.by_id = {n.id: n for n in self.nodes}
        fed = {src for n in self.nodes for src in n.inputs}
        self.output_id = next(n.id for n in reversed(self.nodes) if n.id not in fed)
        self.input_id = next(n.id for n in self.nodes if type(n.layer).__name__ == "Input")
        self.outputs: dict[str, np.ndarray] = {}   # every node's output of the last forward
        # The data needs no gradient: a layer fed only by the Input may skip computing
        # its input gradient (Conv2D does; it returns None then).
        for n in self.nodes:
            n.layer.needs_input_grad = any(s != self.input_id for s in n.inputs)
        # One flat buffer for the trainable weights, one for their grads (engine.optim.flat):
        # from here on they are only ever written into.
        trainable = [(n.layer, k) for n in self.nodes if n.layer.trainable
                     for k in n.layer.weights]
        flat.pack([(layer.weights, k) for layer, k in trainable])
        flat.pack([(layer.grads, k) for layer, k in trainable])

    # ---- shapes and layers ---------------------------------------------------------------
    @property
    def layers(self) -> dict[str, Layer]:
        return {n.id: n.layer for n in self.nodes}

    @property
    def input_shape(self) -> tuple[int, ...]:
        return self.by_id[self.input_id].layer.out_shape

    @property
    def output_shape(self) -> tuple[int, ...]:
        return self.by_id[self.output_id].layer.out_shape

    def num_parameters(self) -> int:
        return sum(w.size for n in self.nodes for w in n.layer.weights.values())

    # ---- forward / backward --------------------------------------------------------------
    def forward(self, x, training: bool = False) -> np.ndarray:
        """Run the network on a batch ``x`` of shape (N, *input_shape); float32 out."""
        x = self._checked_input(x)
        outs = self.outputs = {}
        for node in self.nodes:
            xs = [x] if not node.inputs else [outs[i] for i in node.inputs]
            outs[node.id] = node.layer.forward(xs, training)
        return outs[self.output_id]

    def backward(self, grad: np.ndarray, start: str | None = None) -> None:
        """Backpropagate dLoss/d(output of ``start``) (default: the output node), filling
        every layer's ``grads``. Needs the activations of the last forward."""
        start = start or self.output_id
        pending: dict[str, np.ndarray] = {start: grad}
        begin = next(i for i, n in enumerate(self.nodes) if n.id == start)
        for node in reversed(self.nodes[:begin + 1]):
            g = pending.pop(node.id, None)
            if g is None:
                continue
            for src, gi in zip(node.inputs, node.layer.backward(g)):
                if gi is None:                  # skipped: see needs_input_grad
                    continue
                # A fork: sum what comes back from each consumer (never in place, since
                # ``gi`` may be a buffer the layer reuses).
                pending[src] = gi if src not in pending else pending[src] + gi

    def loss_and_grads(self, x, y, loss="mse") -> float:
        """forward(training=True) + loss + backward. A trailing Softmax (cross_entropy) or
        Sigmoid (bce) is fused with its loss: the loss reads the logits before it, which
        stays finite where the probabilities saturate. Without one, the output is taken
        as logits, as PyTorch's CrossEntropyLoss / BCEWithLogitsLoss do."""
        from engine.nn.losses import get_loss
        fn = get_loss(loss) if isinstance(loss, str) else loss
        out = self.forward(x, training=True)
        start, pred = self.loss_input(fn, out)
        try:
            value, grad = fn.value_and_grad(pred, y)
        except ValueError as e:
            raise ValueError(f"loss {fn.name!r} on output node {self.output_id!r}: {e}") from None
        self.backward(grad, start=start)
        return float(value)

    def loss_input(self, fn, out: np.ndarray) -> tuple[str, np.ndarray]:
        """(node whose output the loss reads, that output) after the last forward."""
        node = self.by_id[self.output_id]
        if fn.fused_activation and type(node.layer).__name__ == fn.fused_activation:
            return node.inputs[0], self.outputs[node.inputs[0]]
        return self.output_id, out

    def _checked_input(self, x) -> np.ndarray:
        where = f"layer {self.input_id!r} (Input)"
        want = f"(N, {', '.join(map(str, self.input_shape))})"
        try:
            x = np.asarray(x)
        except ValueError:     # nested lists of unequal lengths
            raise ValueError(f"{where} expects a batch of shape {want}, got rows of "
                             f"different lengths") from None
        if x.dtype.kind not in "fiub":
            raise ValueError(f"{where} expects numbers, got an array of dtype {x.dtype}")
        if x.ndim != len(self.input_shape) + 1 or tuple(x.shape[1:]) != self.input_shape:
            raise ValueError(f"{where} expects a batch of shape {want}, got {tuple(x.shape)}")
        if len(x) == 0:        # layers (Flatten, Conv2D) and losses cannot handle N = 0
            raise ValueError(f"{where} got an empty batch {tuple(x.shape)}: give at least "
                             f"one example")
        return np.ascontiguousarray(x, dtype=self.input_dtype)

    # ---- parameters ----------------------------------------------------------------------
    def parameters(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Trainable (weight, grad) array pairs by PyTorch-style key; frozen layers left
        out. Optimizers update these arrays in place."""
        return {f"{n.id}.{k}": (w, n.layer.grads[k])
                for n in self.nodes if n.layer.trainable for k, w in n.layer.weights.items()}

    def grads(self) -> dict[str, np.ndarray]:
        return {f"{n.id}.{k}": g for n in self.nodes for k, g in n.layer.grads.items()}

    def _arrays(self) -> dict[str, np.ndarray]:
        out = {}
        for n in self.nodes:
            for k, a in {**n.layer.weights, **n.layer.buffers}.items():
                out[f"{n.id}.{k}"] = a
        return out

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and buffer: "h1.weight", "bn.running_mean", ..."""
        return {k: a.copy() for k, a in self._arrays().items()}

    def load_state_dict(self, state: dict) -> None:
        """Copy values in place (optimizers keep their references). Refuses missing or
        unexpected keys and wrong shapes, naming them, before changing anything."""
        mine = self._arrays()
        missing = sorted(set(mine) - set(state))
        extra = sorted(set(state) - set(mine))
        if missing or extra:
            raise ValueError(f"state_dict does not fit this model: missing {missing}, "
                             f"unexpected {extra}")
        for k, a in mine.items():
            given = np.asarray(state[k])
            if given.dtype.kind not in "fiub":
                raise ValueError(f"state_dict[{k!r}] holds {given.dtype} values, not numbers")
            if given.shape != a.shape:
                raise ValueError(f"state_dict[{k!r}] has shape {given.shape}, "
                                 f"the model needs {a.shape}")
        for k, a in mine.items():
            np.copyto(a, np.asarray(state[k]), casting="unsafe")

    def save_weights(self, path: str | Path) -> None:
        state = self.state_dict()
        atomic_write(path, lambda f: np.savez(f, **state))   # never a half-written file

    def load_weights(self, path: str | Path) -> None:
        """Load a file written by ``save_weights``. WeightsFileError (a ValueError) naming
        the file for anything wrong with it: missing, damaged, or weights of another model."""
        state = read_npz(path, "weights file")
        try:
            self.load_state_dict(state)
        except ValueError as e:
            raise WeightsFileError(f"weights file {str(path)!r}: {e}") from None
