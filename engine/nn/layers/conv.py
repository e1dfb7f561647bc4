"""Conv2D: im2col + one GEMM for the whole batch (PyTorch layouts and padding rules)."""
from __future__ import annotations

import numpy as np

from engine.nn import ops
from engine.errors import ShapeError
from engine.nn.initializers import WEIGHT_INITS
from engine.nn.layers.base import Footprint, Layer
from engine.nn.layers.core import BIAS, TRAINABLE
from engine.schema import Param
from engine.nn.registry import register

SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], np.float32)
SOBEL_Y = SOBEL_X.T.copy()
# The x kernel turned by 45 degrees either way: four filters give four different maps.
SOBEL_DIAGONALS = np.array([[[0, 1, 2], [-1, 0, 1], [-2, -1, 0]],
                            [[-2, -1, 0], [-1, 0, 1], [0, 1, 2]]], np.float32)
SOBEL_KERNELS = np.concatenate([np.stack([SOBEL_X, SOBEL_Y]), SOBEL_DIAGONALS])

# Inference splits a batch whose im2col columns would exceed this many floats (128 MB):
# the MNIST CNN's second conv needs 31M at batch 128, 250M (1 GB) at an evaluation's 1024.
INFERENCE_COLUMNS = 32 * 1024 * 1024

CONV_PARAMS = [
    Param("filters", "int", 8, "Number of filters: each one learns a pattern and makes "
          "one output channel (feature map).", min=1, max=4096),
    Param("kernel_size", "int", 3, "Width and height of each filter, in pixels.",
          min=1, max=64),
    Param("stride", "int", 1, "Step between two filter positions; 2 halves the image size.",
          min=1, max=64),
    Param("padding", "padding", "same", "Zero border added around the image: \"same\" "
          "keeps the size (at stride 1), \"valid\" adds none, a number adds that many pixels."),
    BIAS,
    Param("init", "choice", "he_uniform", "How the filters are drawn before training (he "
          "suits ReLU); sobel sets hand-made edge detectors (x, y and both diagonals in "
          "turn; 3x3 only, best left frozen).",
          choices=WEIGHT_INITS + ("sobel",)),
    TRAINABLE,
]

_EXAMPLES = [
    ({"filters": 3, "kernel_size": 3}, [(2, 5, 5)]),
    ({"filters": 2, "kernel_size": 3, "stride": 2, "padding": "valid"}, [(1, 7, 6)]),
    ({"filters": 2, "kernel_size": 2, "padding": "same"}, [(2, 5, 4)]),
    ({"filters": 2, "kernel_size": 4, "stride": 2, "padding": "same"}, [(1, 7, 7)]),
    ({"filters": 3, "kernel_size": 3, "stride": 2, "padding": 1, "bias": False}, [(3, 6, 5)]),
    ({"filters": 1, "kernel_size": 1, "padding": "valid"}, [(3, 4, 3)]),
    ({"filters": 2, "kernel_size": 5, "stride": 3, "padding": 2}, [(2, 9, 8)]),
]


def image_shape(layer_type: str, input_shapes) -> tuple[int, int, int]:
    """The single [C, H, W] input, or ShapeError saying what was received."""
    (shape,) = input_shapes
    if len(shape) != 3:
        raise ShapeError(f"{layer_type} needs an image input [channels, height, width] but "
                         f"receives {list(shape)}; for a flat vector use Dense instead")
    return tuple(shape)


def output_side(axis: str, size: int, kernel: int, stride: int, pads: tuple[int, int]) -> int:
    """Output size along one axis, or ShapeError showing the formula with the numbers."""
    out = ops.window_count(size, kernel, stride, sum(pads))
    if out < 1:
        letter = axis[0].upper()
        pad_text = f"{pads[0]}+{pads[1]}" if pads[0] != pads[1] else f"2*{pads[0]}"
        raise ShapeError(
            f"output {axis} ({letter} - K + 2P)/S + 1 = ({size} - {kernel} + {pad_text})"
            f"/{stride} + 1 = {out} is below 1 pixel: use a smaller kernel or more padding")
    return out


@register("Convolution", "Slides small learned filters over the image; each filter "
          "responds to one local pattern (an edge, a blob) wherever it appears.",
          params=CONV_PARAMS, examples=_EXAMPLES)
class Conv2D(Layer):
    _whole_input: np.ndarray | None = None      # the input of a chunked inference forward

    @classmethod
    def summary(cls, config) -> str:
        """The canvas card's one-line summary, e.g. '8 filters 3x3 /1 same'."""
        k, pad = config["kernel_size"], config["padding"]
        pad_text = pad if isinstance(pad, str) else f"pad {pad}"
        return f"{config['filters']} filters {k}x{k} /{config['stride']} {pad_text}"

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        """engine.nn.ops' im2col layout: columns (C*k*k, N*Ho*Wg); at stride 1 the grid is
        as wide as the padded image (Wg = padded W) and the padded copy has a spare row."""
        (c, h, w), (f, ho, wo) = input_shapes[0], out_shape
        k, s = config["kernel_size"], config["stride"]
        pad = sum(ops.same_or_int_padding(config["padding"], k))     # the same on both axes
        hp, wp = h + pad, w + pad
        if s == 1:
            wg, padded, acc = wp, c * (hp + 1) * wp, c * (hp + 1) * wp
        else:
            wg, padded, acc = wo, (c * hp * wp if pad else 0), 0
        cols, gemm = c * k * k * ho * wg, f * ho * wg
        backward = gemm + (0 if fed_by_data else cols + acc)
        return Footprint(f * ho * wo, ws_fwd=padded + cols + gemm, ws_bwd=backward,
                         transient=f * ho * wo + (0 if fed_by_data else c * h * w))

    @classmethod
    def paddings(cls, config) -> ops.Pads:
        pad = ops.same_or_int_padding(config["padding"], config["kernel_size"])
        return pad, pad

    @classmethod
    def output_shape(cls, config, input_shapes):
        _, h, w = image_shape("Conv2D", input_shapes)
        k, s = config["kernel_size"], config["stride"]
        if config["init"] == "sobel" and k != 3:
            raise ShapeError(f"init sobel needs kernel_size 3 (the Sobel kernels are 3x3), "
                             f"got kernel_size {k}")
        pad_h, pad_w = cls.paddings(config)
        return (config["filters"], output_side("height", h, k, s, pad_h),
                output_side("width", w, k, s, pad_w))

    @classmethod
    def weight_shapes(cls, config, input_shapes):
        k = config["kernel_size"]
        shapes = {"weight": (config["filters"], input_shapes[0][0], k, k)}
        if config["bias"]:
            shapes["bias"] = (config["filters"],)
        return shapes

    def init_weights(self, rng):
        if self.config["init"] != "sobel":
            super().init_weights(rng)
            return
        self.output_shape(self.config, self.input_shapes)     # refuses kernel_size != 3
        for key, shape in self.weight_shapes(self.config, self.input_shapes).items():
            self.weights[key] = np.zeros(shape, np.float32)
            self.grads[key] = np.zeros(shape, np.float32)
        weight = self.weights["weight"]
        kernels = SOBEL_KERNELS[np.arange(len(weight)) % len(SOBEL_KERNELS)]
        weight[...] = kernels[:, None] / np.float32(weight.shape[1])

    # ---- compute -----------------------------------------------------------------------
    def forward(self, xs, training):
        x = xs[0]
        chunk = self._inference_chunk(x)
        self._whole_input = None
        if training or len(x) <= chunk:
            return self._forward(x)
        # Inference (an evaluation pass of 1024 images) in chunks, so its columns stay
        # near a training batch's instead of a GB the workspace would then keep.
        out = np.concatenate([self._forward(x[i:i + chunk]) for i in range(0, len(x), chunk)])
        self._whole_input = x          # a backward may follow (health probe): see backward
        return out

    def _inference_chunk(self, x) -> int:
        """Images per inference chunk: columns of at most INFERENCE_COLUMNS floats."""
        k = self.config["kernel_size"]
        _, h, w = self.out_shape
        per_image = x.shape[1] * k * k * h * (w + k)     # w + k: the stride-1 grid width
        return max(1, INFERENCE_COLUMNS // per_image)

    def _forward(self, x):
        k, s = self.config["kernel_size"], self.config["stride"]
        ws = self._workspace()
        cols, grid = ops.im2col(x, k, k, s, self.paddings(self.config), ws)
        weight = self.weights["weight"]
        n, f = len(x), len(weight)
        y = ws.get("gemm_out", (f, cols.shape[1]), dtype=x.dtype)
        np.matmul(weight.reshape(f, -1), cols, out=y)
        self._x_shape, self._cols, self._grid = x.shape, cols, grid
        if "bias" in self.weights:             # on the contiguous GEMM output: fast
            y += self.weights["bias"][:, None]
        # (F, N, Ho, Wg) -> (N, F, Ho, Wo): one copy that also crops the junk columns.
        out = np.empty((n, f, grid.ho, grid.wo), x.dtype)
        np.copyto(out, y.reshape(f, n, grid.ho, grid.wg)[..., :grid.wo].transpose(1, 0, 2, 3))
        return out

    def backward(self, grad):
        if self._whole_input is not None:     # forward ran in chunks: columns of them all
            self._forward(self._whole_input)
            self._whole_input = None
        k, s = self.config["kernel_size"], self.config["stride"]
        ws, grid = self._workspace(), self._grid
        weight = self.weights["weight"]
        f, n = len(weight), len(grad)
        # Gradient laid out like the GEMM output; the junk grid columns stay zero.
        g = ws.get("grad_fn", (f, n, grid.ho, grid.wg), zero=True, dtype=grad.dtype)
        np.copyto(g[..., :grid.wo], grad.transpose(1, 0, 2, 3))
        g = g.reshape(f, -1)
        if self.trainable:                     # frozen (e.g. sobel): no weight gradient
            ops.weight_grad(g, self._cols, self.grads["weight"].reshape(f, -1))
            if "bias" in self.grads:
                np.sum(g, axis=1, out=self.grads["bias"])
        if not self.needs_input_grad:     # fed by the data (Model)
            return [None]
        dcols = ws.get("dcols", self._cols.shape, dtype=grad.dtype)
        np.matmul(weight.reshape(f, -1).T, g, out=dcols)
        pads = self.paddings(self.config)
        return [ops.col2im(dcols, self._x_shape, k, k, s, pads, grid, ws)]

    # ---- export ------------------------------------------------------------------------
    def torch_module(self):
        (before, after), _ = self.paddings(self.config)
        pad = f", padding={before}" if before == after and before else ""
        bias = "" if self.config["bias"] else ", bias=False"
        return (f"nn.Conv2d({self.input_shapes[0][0]}, {self.config['filters']}, "
                f"{self.config['kernel_size']}, stride={self.config['stride']}{pad}{bias})")

    def torch_call(self, module, inputs):
        (top, bottom), (left, right) = self.paddings(self.config)
        if top == bottom:                      # in the module (see torch_module)
            return f"{module}({inputs[0]})"
        # "same" with an even kernel pads one more pixel after than before, as the engine.
        return f"{module}(F.pad({inputs[0]}, ({left}, {right}, {top}, {bottom})))"

    def onnx_nodes(self, graph, inputs):
        (top, bottom), (left, right) = self.paddings(self.config)
        k, s = self.config["kernel_size"], self.config["stride"]
        args = [inputs[0], graph.weight(self, "weight")]
        if "bias" in self.weights:
            args.append(graph.weight(self, "bias"))
        return graph.node("Conv", args, self.name, kernel_shape=[k, k], strides=[s, s],
                          pads=[top, left, bottom, right])

    def _workspace(self) -> ops.Workspace:
        if not hasattr(self, "_ws"):
            self._ws = ops.Workspace()
        return self._ws
