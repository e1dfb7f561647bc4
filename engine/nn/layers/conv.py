"""Conv2D: im2col + one GEMM for the whole batch (PyTorch layouts and padding rules)."""
from __future__ import annotations

import numpy as np

from engine.nn import ops, parallel
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

# A batch is convolved a few images at a time, so that one chunk's im2col columns and GEMM
# output (at most CHUNK_FLOATS, 8 MB) stay in cache between the copies and the GEMMs that
# read them, and backward makes the columns again from the input instead of keeping a
# batch's worth (124 MB for the MNIST CNN's second conv at batch 128). Measured there (1
# thread): forward 63 -> 30 ms, backward 85 -> 60 ms, the whole step best from 1M to 2M
# floats a chunk; an evaluation pass of 1024 images needs no more memory than a step.
CHUNK_FLOATS = 2 * 1024 * 1024


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


def _im2col_floats(c, h, w, f, k, s, pads) -> int:
    """One image's share of a convolution's workspace: the padded copy (with the spare
    row of the stride-1 runs), the columns and the GEMM output (engine.nn.ops.im2col)."""
    grid = ops.conv_grid(h, w, k, s, pads)
    (top, bottom), (left, right) = pads
    padded_rows = h + top + bottom + (1 if s == 1 else 0)
    padded = c * padded_rows * (w + left + right) if (s == 1 or top or bottom or left
                                                      or right) else 0
    return padded + (c * k * k + f) * grid.ho * grid.wg


@register("Convolution", "Slides small learned filters over the image; each filter "
          "responds to one local pattern (an edge, a blob) wherever it appears.",
          params=CONV_PARAMS, examples=_EXAMPLES)
class Conv2D(Layer):
    _kept_columns = False      # the last forward was one chunk: its columns are in the workspace

    @classmethod
    def summary(cls, config) -> str:
        """The canvas card's one-line summary, e.g. '8 filters 3x3 /1 same'."""
        k, pad = config["kernel_size"], config["padding"]
        pad_text = pad if isinstance(pad, str) else f"pad {pad}"
        return f"{config['filters']} filters {k}x{k} /{config['stride']} {pad_text}"

    @classmethod
    def memory_footprint(cls, config, input_shapes, out_shape, fed_by_data):
        """Floats per image of a chunk (chunk_images at a time) for engine.nn.ops' im2col:
        the padded copy, the columns and the GEMM output; backward adds the gradient in
        the GEMM's layout and, for the input gradient, the same three for the convolution
        of the gradient with the flipped filters (col2im's columns at stride > 1). One
        worker's: with N threads (engine.nn.parallel; `main.py train` on a machine of N
        cores, never the window's training process) up to N chunks are worked at once."""
        (c, h, w), (f, ho, wo) = input_shapes[0], out_shape
        k, s = config["kernel_size"], config["stride"]
        pads = cls.paddings(config)
        grid = ops.conv_grid(h, w, k, s, pads)
        backward = f * grid.ho * grid.wg
        if not fed_by_data:
            back = cls.flipped_conv_pads(config, c)
            backward += (_im2col_floats(f, ho, wo, c, k, 1, back) if back
                         else c * k * k * grid.ho * grid.wg + c * h * w)
        return Footprint(f * ho * wo, ws_fwd=_im2col_floats(c, h, w, f, k, s, pads),
                         ws_bwd=backward, chunk=cls.chunk_images(config, (c, h, w)),
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
    @classmethod
    def chunk_images(cls, config, input_shape) -> int:
        """Images per chunk: as many as keep one chunk's im2col columns and GEMM output
        within CHUNK_FLOATS."""
        c, h, w = input_shape
        k, s = config["kernel_size"], config["stride"]
        grid = ops.conv_grid(h, w, k, s, cls.paddings(config))
        return max(1, CHUNK_FLOATS // ((c * k * k + config["filters"]) * grid.ho * grid.wg))

    def _chunks(self, n: int) -> list[slice]:
        """The batch in chunks of equal size (within one image) of at most chunk_images."""
        most = self.chunk_images(self.config, self.input_shapes[0])
        count = -(-n // most)
        step = -(-n // count) if count else 1
        return [slice(start, start + step) for start in range(0, n, step)]

    def forward(self, xs, training):
        x = self._x = xs[0]
        out = np.empty((len(x), *self.out_shape), x.dtype)
        chunks = self._chunks(len(x))
        parallel.run(lambda worker, part: self._forward_chunk(worker, x[part], out[part]),
                     chunks)
        self._kept_columns = len(chunks) == 1
        return out

    def _forward_chunk(self, worker: int, x, out) -> None:
        k, s = self.config["kernel_size"], self.config["stride"]
        ws = self._workspace("forward", worker)
        cols, grid = ops.im2col(x, k, k, s, self.paddings(self.config), ws)
        weight = self.weights["weight"]
        f = len(weight)
        y = ws.get("gemm_out", (f, cols.shape[1]), dtype=x.dtype)
        np.matmul(weight.reshape(f, -1), cols, out=y)
        if "bias" in self.weights:             # on the contiguous GEMM output: fast
            y += self.weights["bias"][:, None]
        # (F, N, Ho, Wg) -> (N, F, Ho, Wo): one copy that also crops the junk columns.
        np.copyto(out, y.reshape(f, len(x), grid.ho, grid.wg)[..., :grid.wo]
                  .transpose(1, 0, 2, 3))

    def backward(self, grad):
        x = self._x
        dx = np.empty(x.shape, grad.dtype) if self.needs_input_grad else None  # None: fed
        flipped = self.flipped_conv_pads(self.config, x.shape[1])              # by the data
        # worker -> its sums of the weight gradients (worker 0's are the gradients)
        sums = {0: self._zeroed_sums(0)} if self.trainable else {}

        def chunk(worker, part):
            g = None                           # the gradient in the GEMM's layout
            if self.trainable:                 # frozen (e.g. sobel): no weight gradient
                cols, grid = self._columns(worker, x[part])
                g = self._grad_columns(worker, grad[part], grid)
                if worker not in sums:
                    sums[worker] = self._zeroed_sums(worker)
                self._add_weight_grad(sums[worker], g, cols)
            if dx is None:
                return
            if flipped is not None:
                ops.conv_transpose_stride1(grad[part], self.weights["weight"], flipped,
                                           dx[part], self._workspace("input_grad", worker))
            else:
                self._col2im(worker, grad[part], g, dx[part])

        workers = parallel.run(chunk, self._chunks(len(grad)))
        for worker in range(1, workers if sums else 0):     # in order: the same every run
            for key, total in sums[worker].items():
                self.grads[key] += total
        return [dx]

    def _zeroed_sums(self, worker: int) -> dict:
        """Where a worker adds up its chunks' weight gradients: the gradients themselves
        for worker 0, arrays of its own for the others (added in at the end)."""
        ws = self._workspace("sums", worker)
        sums = (self.grads if worker == 0 else
                {key: ws.get(key, g.shape, dtype=g.dtype) for key, g in self.grads.items()})
        for total in sums.values():
            total.fill(0)
        return sums

    def _columns(self, worker: int, x):
        """The chunk's im2col columns: still in the workspace after a one-chunk forward,
        made again otherwise."""
        k, s = self.config["kernel_size"], self.config["stride"]
        return ops.im2col(x, k, k, s, self.paddings(self.config),
                          self._workspace("forward", worker), fill=not self._kept_columns)

    @classmethod
    def flipped_conv_pads(cls, config, channels: int):
        """ops.transposed_pads where the flipped convolution is the faster input gradient:
        its columns have F*k*k rows against col2im's C*k*k, so it wins (by 10-60 %,
        measured) up to as many filters as input channels and loses beyond."""
        if config["filters"] > channels:
            return None
        return ops.transposed_pads(config["kernel_size"], config["stride"],
                                   cls.paddings(config))

    def _grad_columns(self, worker: int, grad, grid):
        """The gradient laid out like the GEMM output (F, N*Ho*Wg); junk columns zero."""
        f, n = grad.shape[1], len(grad)
        g = self._workspace("backward", worker).get("grad_fn", (f, n, grid.ho, grid.wg),
                                                    zero=True, dtype=grad.dtype)
        np.copyto(g[..., :grid.wo], grad.transpose(1, 0, 2, 3))
        return g.reshape(f, -1)

    @staticmethod
    def _add_weight_grad(sums: dict, g, cols) -> None:
        """Add one chunk's share of the weight and bias gradients to ``sums``."""
        ops.add_weight_grad(g, cols, sums["weight"].reshape(len(g), -1))
        if "bias" in sums:
            sums["bias"] += np.sum(g, axis=1)

    def _col2im(self, worker: int, grad, g, dx) -> None:
        """The input gradient as W.T @ g summed back onto the pixels (col2im)."""
        k, s = self.config["kernel_size"], self.config["stride"]
        pads, ws = self.paddings(self.config), self._workspace("backward", worker)
        grid = ops.conv_grid(*dx.shape[2:], k, s, pads)
        if g is None:
            g = self._grad_columns(worker, grad, grid)
        weight = self.weights["weight"]
        dcols = ws.get("dcols", (weight[0].size, g.shape[1]), dtype=g.dtype)
        np.matmul(weight.reshape(len(weight), -1).T, g, out=dcols)
        ops.col2im(dcols, dx, k, k, s, pads, grid, ws)

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

    def _workspace(self, name: str, worker: int) -> ops.Workspace:
        """One workspace per pass (the input gradient's im2col must not overwrite the
        columns the weight gradient reads) and per worker thread (engine.nn.parallel)."""
        if not hasattr(self, "_ws"):
            self._ws = {}
        return self._ws.setdefault((name, worker), ops.Workspace())
