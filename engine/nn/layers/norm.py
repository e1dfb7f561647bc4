"""BatchNorm for vectors [F] (as BatchNorm1d) and images [C, H, W] (as BatchNorm2d).

Training normalises with the batch's mean and (biased) variance and updates the running
statistics with the unbiased variance, exactly as PyTorch; eval uses the running statistics.
"""
from __future__ import annotations

import math

import numpy as np

from engine.errors import ShapeError
from engine.nn.layers.base import Footprint, Layer
from engine.nn.layers.core import TRAINABLE
from engine.schema import Param
from engine.nn.registry import register


@register("Normalization", "Rescales each feature (or each image channel) to mean 0 and "
          "variance 1 over the batch, then applies a learned scale (weight) and shift (bias). "
          "It keeps activations in a good range, so deeper networks train faster; at test time "
          "it uses running averages collected during training.",
          params=[Param("momentum", "float", 0.1,
                        "How fast the running mean and variance follow each new batch "
                        "(0.1: each batch counts for 10%).", min=0.0, max=1.0),
                  Param("eps", "float", 1e-5,
                        "A small number added to the variance so we never divide by zero.",
                        min=0.0, min_exclusive=True, max=1.0, max_exclusive=True),
                  TRAINABLE],
          examples=[({}, [(4,)]), ({"momentum": 0.3}, [(3, 4, 5)]), ({"eps": 1e-3}, [(2, 3, 3)])])
class BatchNorm(Layer):
    @classmethod
    def output_shape(cls, config, input_shapes):
        (shape,) = input_shapes
        if len(shape) not in (1, 3):
            raise ShapeError(f"BatchNorm needs [features] or [channels, height, width], "
                             f"got {list(shape)}")
        return tuple(shape)

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        n = math.prod(out_shape)
        return Footprint(n, kept=n, transient=3 * n)            # x_hat kept

    @classmethod
    def weight_shapes(cls, config, input_shapes):
        channels = input_shapes[0][0]
        return {"weight": (channels,), "bias": (channels,)}

    def init_weights(self, rng):
        c = self.input_shapes[0][0]
        self.weights = {"weight": np.ones(c, np.float32), "bias": np.zeros(c, np.float32)}
        self.grads = {k: np.zeros(c, np.float32) for k in self.weights}
        self.buffers = {"running_mean": np.zeros(c, np.float32),
                        "running_var": np.ones(c, np.float32),
                        "num_batches_tracked": np.zeros((), np.int64)}

    # Statistics are per channel over the batch (and the pixels): viewing x as (N, C, L),
    # with L = 1 for vectors, they are sums over axes 0 and 2. Summing the contiguous L axis
    # first keeps NumPy's pairwise (accurate) summation and avoids a strided reduction.
    @staticmethod
    def _channel_sum(a: np.ndarray) -> np.ndarray:
        a = a.reshape(a.shape[0], a.shape[1], -1)
        return a.sum(axis=2).sum(axis=0)

    @staticmethod
    def _channel_dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """sum(a * b) per channel without the product array."""
        shape = (a.shape[0], a.shape[1], -1)
        return np.einsum("ncl,ncl->nc", a.reshape(shape), b.reshape(shape)).sum(axis=0)

    @staticmethod
    def _per_channel(v, x):
        """A (C,) vector shaped to broadcast against x: (1, C) or (1, C, 1, 1)."""
        return v.reshape((1, -1) + (1,) * (x.ndim - 2))

    def forward(self, xs, training):
        x = xs[0]
        count = x.size // x.shape[1]
        if training:
            if count < 2:
                raise ValueError(f"layer {self.name!r} (BatchNorm) needs more than one value "
                                 f"per channel to train; got a batch of shape {x.shape}: "
                                 f"use a batch size of at least 2")
            mean = self._channel_sum(x) / count
            xhat = x - self._per_channel(mean, x)
            var = self._channel_dot(xhat, xhat) / count     # biased, for normalising
            self._update_running(mean, var, count)
        else:
            xhat = x - self._per_channel(self.buffers["running_mean"], x)
            var = self.buffers["running_var"]
        self._training = training
        self._inv_std = (1.0 / np.sqrt(var + self.config["eps"])).astype(x.dtype, copy=False)
        xhat *= self._per_channel(self._inv_std, x)
        self._xhat = xhat
        out = xhat * self._per_channel(self.weights["weight"], x)
        out += self._per_channel(self.weights["bias"], x)
        return out

    # Exported in inference form: the running statistics, as forward(training=False).
    def torch_module(self):
        dims = "1d" if len(self.input_shapes[0]) == 1 else "2d"
        return (f"nn.BatchNorm{dims}({self.input_shapes[0][0]}, eps={self.config['eps']!r}, "
                f"momentum={self.config['momentum']!r})")

    def onnx_nodes(self, graph, inputs):
        args = [inputs[0]] + [graph.weight(self, key) for key in
                              ("weight", "bias", "running_mean", "running_var")]
        return graph.node("BatchNormalization", args, self.name,
                          epsilon=float(self.config["eps"]))

    def _update_running(self, mean, var, count):
        m = self.config["momentum"]
        rm, rv = self.buffers["running_mean"], self.buffers["running_var"]
        rm *= 1.0 - m
        rm += m * mean
        rv *= 1.0 - m
        rv += (m * count / (count - 1)) * var      # unbiased, as PyTorch
        self.buffers["num_batches_tracked"] += 1

    def backward(self, grad):
        xhat = self._xhat
        self.grads["bias"][...] = self._channel_sum(grad)
        self.grads["weight"][...] = self._channel_dot(grad, xhat)
        scale = self._per_channel(self.weights["weight"] * self._inv_std, grad)
        if not self._training:       # running statistics are constants
            return [grad * scale]
        # Batch statistics depend on x too: subtract the mean gradient and its projection
        # on xhat (the closed form of the batch-norm backward pass), building
        # scale * (grad - mean(grad) - xhat * mean(grad * xhat)) in one array.
        count = grad.size // grad.shape[1]
        dx = xhat * self._per_channel(self.grads["weight"] / -count, grad)
        dx += grad
        dx -= self._per_channel(self.grads["bias"] / count, grad)
        dx *= scale
        return [dx]
