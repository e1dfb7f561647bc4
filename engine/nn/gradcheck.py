"""Numerical gradient checks: compare backward() with central differences in float64.

    >>> from engine.nn.gradcheck import check_layer_gradients, check_model_gradients
    >>> report = check_layer_gradients(layer, [x])            # raises if a gradient is wrong
    >>> print(report)                                         # one line per array
    >>> check_model_gradients(model, x, y, "cross_entropy")   # every parameter of a model

Both work on a float64 copy (the layer or model you pass is left unchanged), so the
differences (f(w + eps) - f(w - eps)) / 2 eps are accurate to about eps**2. Layers that draw
random numbers (Dropout) get the same draws on every forward pass: the mask is fixed.
A layer is checked through the scalar loss sum(output * R) with a fixed random R, so every
output element contributes.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np


class GradientCheckError(AssertionError):
    """backward() disagrees with the numerical gradient; the message shows where."""

    def __init__(self, report: "GradCheckReport"):
        super().__init__(str(report))
        self.report = report


@dataclass
class ArrayCheck:
    """The comparison for one array (an input or a parameter)."""

    name: str                    # "input 0", "weight", "h1.bias"
    max_abs_error: float
    max_rel_error: float         # |analytic - numeric| / max(|analytic|, |numeric|, atol)
    worst_index: tuple           # where the tolerance is most exceeded (or nearly)
    analytic: float              # both values at worst_index
    numeric: float
    ok: bool
    checked: int                 # how many elements were perturbed

    def line(self) -> str:
        flag = "ok  " if self.ok else "FAIL"
        return (f"  {flag} {self.name:<22} rel {self.max_rel_error:9.2e}  abs "
                f"{self.max_abs_error:9.2e}  worst {str(self.worst_index):<14} analytic "
                f"{self.analytic: .6g}  numeric {self.numeric: .6g}")


@dataclass(repr=False)
class GradCheckReport:
    subject: str                 # "layer 'bn' (BatchNorm), training" or "model ..."
    checks: list[ArrayCheck] = field(default_factory=list)
    precision: str = "float64"   # "float32" when a layer ignored float64 (looser check)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failures(self) -> list[ArrayCheck]:
        return [c for c in self.checks if not c.ok]

    def __str__(self) -> str:
        head = f"gradient check of {self.subject}: {'passed' if self.ok else 'FAILED'}"
        return "\n".join([head] + [c.line() for c in self.checks])

    __repr__ = __str__          # a notebook shows the table, not the dataclass fields


# ---- helpers ---------------------------------------------------------------------------
def _as_float64(arrays: dict) -> None:
    for k, a in arrays.items():
        if np.issubdtype(a.dtype, np.floating):
            arrays[k] = a.astype(np.float64)


def _float64_layer(layer):
    work = copy.deepcopy(layer)
    for d in (work.weights, work.grads, work.buffers):
        _as_float64(d)
    return work


class _FixedRandomness:
    """Restores every layer's random generator before each forward pass, so Dropout draws
    the same mask every time (the function being differentiated stays one function)."""

    def __init__(self, layers):
        self.gens = [lay.rng for lay in layers
                     if isinstance(getattr(lay, "rng", None), np.random.Generator)]
        self.states = [g.bit_generator.state for g in self.gens]

    def reset(self) -> None:
        for g, s in zip(self.gens, self.states):
            g.bit_generator.state = s


def _compare(name, analytic, numeric, indices, rtol, atol) -> ArrayCheck:
    a = analytic.reshape(-1)[indices]
    n = numeric
    diff = np.abs(a - n)
    excess = diff - (atol + rtol * np.abs(n))
    worst = int(np.argmax(excess)) if len(diff) else 0
    rel = diff / np.maximum(np.maximum(np.abs(a), np.abs(n)), atol)
    index = np.unravel_index(indices[worst], analytic.shape) if len(diff) else ()
    return ArrayCheck(name=name, max_abs_error=float(diff.max(initial=0.0)),
                      max_rel_error=float(rel.max(initial=0.0)),
                      worst_index=tuple(int(i) for i in index),
                      analytic=float(a[worst]) if len(a) else 0.0,
                      numeric=float(n[worst]) if len(n) else 0.0,
                      ok=bool((excess <= 0).all()), checked=len(diff))


def _numeric_gradient(loss_fn, array, indices, eps) -> np.ndarray:
    """Central differences of ``loss_fn()`` with respect to ``array`` (changed in place and
    restored) at the given flat indices."""
    flat = array.reshape(-1)          # a view: ``array`` is contiguous
    out = np.empty(len(indices))
    for j, i in enumerate(indices):
        keep = flat[i]
        flat[i] = keep + eps
        plus = loss_fn()
        flat[i] = keep - eps
        minus = loss_fn()
        flat[i] = keep
        out[j] = (plus - minus) / (2 * eps)
    return out


def _checked_inputs(layer, inputs) -> list[np.ndarray]:
    """float64 copies of the inputs; ValueError naming the layer if they do not fit it."""
    if isinstance(inputs, np.ndarray):
        inputs = [inputs]
    xs = [np.array(x, dtype=np.float64) for x in inputs]
    where = f"layer {layer.name!r} ({type(layer).__name__})"
    if len(xs) != len(layer.input_shapes):
        raise ValueError(f"{where} takes {len(layer.input_shapes)} input(s), got {len(xs)}")
    for i, (x, want) in enumerate(zip(xs, layer.input_shapes)):
        if x.shape[1:] != tuple(want) or x.ndim != len(want) + 1:
            raise ValueError(f"{where}: input {i} should be a batch of shape "
                             f"(N, {', '.join(map(str, want))}), got {x.shape}")
    return xs


def _float32_settings(eps, rtol, atol):
    """A layer that computes in float32 whatever it is given rounds every output to ~1e-7
    relative: a larger step and looser tolerances keep that noise from failing the check
    (a wrong gradient is still off by far more)."""
    return max(eps, 1e-2), max(rtol, 1e-2), max(atol, 1e-3)


def _pick(size: int, max_elements: int | None, rng) -> np.ndarray:
    if max_elements is None or size <= max_elements:
        return np.arange(size)
    return np.sort(rng.choice(size, max_elements, replace=False))


def _check_all(report, targets, loss_fn, eps, rtol, atol, max_elements, rng) -> None:
    """Compare each (name, array, analytic gradient) with central differences."""
    for name, array, analytic in targets:
        idx = _pick(array.size, max_elements, rng)
        numeric = _numeric_gradient(loss_fn, array, idx, eps)
        report.checks.append(_compare(name, analytic, numeric, idx, rtol, atol))


def _finish(report: GradCheckReport, raise_on_failure: bool) -> GradCheckReport:
    if raise_on_failure and not report.ok:
        raise GradientCheckError(report)
    return report


# ---- public ------------------------------------------------------------------------------
def check_layer_gradients(layer, inputs, eps: float = 1e-3, rtol: float = 1e-4,
                          atol: float = 1e-6, training: bool = True,
                          max_elements: int | None = 2000, seed: int = 0,
                          raise_on_failure: bool = True) -> GradCheckReport:
    """Check a built layer's backward() against numerical gradients.

    ``inputs``: one batch per input of the layer, e.g. ``[x]`` with x of shape
    (N, *layer.input_shapes[0]). Checks the gradient of every input and every weight
    (at most ``max_elements`` random elements of each). An element passes when
    |analytic - numeric| <= atol + rtol * |numeric|. Raises GradientCheckError naming the
    layer, the array and the worst index when one fails (or returns the report when
    ``raise_on_failure`` is False). ``layer`` itself is not modified.
    """
    xs = _checked_inputs(layer, inputs)
    work = _float64_layer(layer)
    work.needs_input_grad = True     # a Model lets a layer fed by the data skip it
    randomness = _FixedRandomness([work])
    rng = np.random.default_rng(seed)

    def forward():
        randomness.reset()
        return work.forward([x.copy() for x in xs], training)   # even if it writes into x

    out = forward()
    projection = rng.standard_normal(out.shape)
    in_grads = [np.array(g, dtype=np.float64) for g in work.backward(projection.copy())]
    weight_grads = {k: np.array(g, dtype=np.float64) for k, g in work.grads.items()}

    def loss():
        return float(np.sum(forward() * projection, dtype=np.float64))

    subject = (f"layer {layer.name!r} ({type(layer).__name__}), "
               f"{'training' if training else 'eval'} mode")
    if out.dtype != np.float64:
        eps, rtol, atol = _float32_settings(eps, rtol, atol)
        subject += f" (computes in {out.dtype}: eps {eps:g}, rtol {rtol:g}, atol {atol:g})"
    report = GradCheckReport(subject, precision=str(out.dtype))
    targets = [(f"input {i}", x, g) for i, (x, g) in enumerate(zip(xs, in_grads))]
    if getattr(work, "trainable", True):    # a frozen layer computes no weight gradients
        targets += [(k, work.weights[k], weight_grads[k]) for k in work.weights]
    _check_all(report, targets, loss, eps, rtol, atol, max_elements, rng)
    return _finish(report, raise_on_failure)


def check_model_gradients(model, x, y, loss="mse", eps: float = 1e-3, rtol: float = 1e-4,
                          atol: float = 1e-6, training: bool = True,
                          max_elements: int | None = 500, seed: int = 0,
                          raise_on_failure: bool = True) -> GradCheckReport:
    """Check the gradients ``model.loss_and_grads(x, y, loss)`` gives for every parameter
    (keys as in ``model.grads()``, e.g. "h1.weight") against numerical ones.

    Runs on a float64 copy of the model (``model`` is unchanged), with a fused final
    Softmax/Sigmoid handled as ``loss_and_grads`` does. Raises GradientCheckError naming the
    parameter and the worst index (or returns the report if ``raise_on_failure`` is False).
    """
    from engine.nn.losses import get_loss
    fn = get_loss(loss) if isinstance(loss, str) else loss
    work = copy.deepcopy(model)
    work.input_dtype = np.float64          # the data enters in float64 too
    for node in work.nodes:
        lay = node.layer
        for d in (lay.weights, lay.grads, lay.buffers):
            _as_float64(d)
    randomness = _FixedRandomness([n.layer for n in work.nodes])
    rng = np.random.default_rng(seed)

    def value_and_grad():
        randomness.reset()
        out = work.forward(x, training=training)
        start, pred = work.loss_input(fn, out)
        value, grad = fn.value_and_grad(pred, y)
        return float(value), grad, start

    _, grad, start = value_and_grad()
    work.backward(np.asarray(grad, dtype=np.float64), start=start)
    analytic = {k: np.array(g, dtype=np.float64) for k, g in work.grads().items()}
    subject = (f"model (output {model.output_id!r}, loss {fn.name!r}), "
               f"{'training' if training else 'eval'} mode")
    low = [n.id for n in work.nodes if n.inputs and work.outputs[n.id].dtype != np.float64]
    if low:
        eps, rtol, atol = _float32_settings(eps, rtol, atol)
        subject += (f" ({', '.join(low)} compute in float32: eps {eps:g}, rtol {rtol:g}, "
                    f"atol {atol:g})")
    report = GradCheckReport(subject, precision="float32" if low else "float64")
    # Trainable parameters only, as the optimizers see them (frozen layers skip gradients).
    targets = [(key, array, analytic[key]) for key, (array, _) in work.parameters().items()]
    _check_all(report, targets, lambda: value_and_grad()[0], eps, rtol, atol, max_elements,
               rng)
    return _finish(report, raise_on_failure)
