"""Network health: for each element-wise activation node, on a probe batch of validation
samples, the share of saturated units (Sigmoid, Tanh: f'(z) below SATURATION of its
maximum), the share of dead units (ReLU: never positive on the batch), and the mean and
spread of its outputs and of the gradient arriving at them, by depth. The picture behind
vanishing gradients and weight initialisation.

    >>> health = network_health(copy.deepcopy(model), loss_fn, x, y)
    >>> health.layer("a1").saturated, health.layer("a1").grad_rms

Gradients are those of each sample's own loss: the batch's mean loss times its size, so the
numbers do not shrink as the probe batch grows.

In a run the probe works on the sample_pass probe's shadow copy of the model (the live
weights and buffers copied in before each pass), in eval mode: the live model's gradients,
BatchNorm statistics and random numbers are untouched, so a run trains bitwise the same
with the view shown or hidden (tests/engine/test_health_probe.py).
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from engine.training.loss_surface import loss_targets
from engine.training.sample_pass import _shadow       # its copy of the live model

PROBE_BATCH = 256       # validation samples the statistics are taken over
IMAGE_PROBE_BATCH = 32  # of images: a CNN's forward and backward of 256 took 150-230 ms
SATURATION = 0.1        # saturated: f'(z) < 0.1 x max f' (Sigmoid |z| > 3.6, Tanh |z| > 1.8)
MOSTLY = 0.5            # a layer with more dead or saturated units than this gets a badge
_Z = np.linspace(-30.0, 30.0, 60001)     # where an activation's f' is looked at


@dataclass(frozen=True)
class Response:
    """How an activation's slope behaves: "saturating" (f' -> 0 at both ends: Sigmoid,
    Tanh), "gated" (f' = 0 for every negative input: ReLU, whose units can die) or
    "other" (LeakyReLU, ELU)."""
    kind: str
    max_slope: float
    z_limit: float | None     # saturating: |z| beyond which f' < SATURATION x max f'


@dataclass(frozen=True)
class LayerHealth:
    id: str
    type: str
    depth: int                 # 1 for the activation nearest the input, in graph order
    kind: str                  # Response.kind
    units: int                 # units per sample (channels of an image output)
    saturated: float | None    # share of the batch's values with f'(z) < SATURATION x max
    dead: float | None         # share of units never positive on the batch
    z_limit: float | None
    act_mean: float            # the outputs over the batch and units
    act_std: float
    grad_mean: float | None    # the gradient arriving at the outputs (None: none arrives,
    grad_std: float | None     # as at an output Sigmoid / Softmax fused with its loss)
    grad_rms: float | None
    is_output: bool            # the network's output: saturation there is confidence

    @property
    def badge(self) -> str | None:
        """"dead 73%" / "saturated 88%" when most units are, else None (never on the
        output, whose saturation means a confident prediction)."""
        if self.is_output:
            return None
        for name, share in (("dead", self.dead), ("saturated", self.saturated)):
            if share is not None and share > MOSTLY:
                return f"{name} {share:.0%}"
        return None


@dataclass(frozen=True)
class HealthProbe:
    step: int
    samples: int               # the probe batch's size
    loss: float
    layers: tuple              # LayerHealth, input to output

    def layer(self, node_id: str) -> LayerHealth:
        return next(h for h in self.layers if h.id == node_id)

    def badges(self) -> dict:
        return {h.id: h.badge for h in self.layers if h.badge is not None}


def response(layer) -> Response:
    """The slope's shape of an element-wise activation layer (its own f')."""
    config = tuple(sorted((k, repr(v)) for k, v in (layer.config or {}).items()))
    return _response(type(layer), config, layer.config)


_responses: dict = {}


def _response(cls, key: tuple, config: dict) -> Response:
    """Cached: f' on 60,001 points took 2 ms per layer and probe."""
    found = _responses.get((cls, key))
    if found is None:
        found = _responses[(cls, key)] = _slope_response(cls, config)
    return found


def _slope_response(cls, config: dict) -> Response:
    with np.errstate(all="ignore"):
        slope = cls.derivative(_Z, cls.function(_Z, config), config)
    slope = np.nan_to_num(np.asarray(slope, dtype=np.float64))
    top = float(slope.max()) if slope.size else 0.0
    low = SATURATION * top
    if top > 0 and slope[0] < low and slope[-1] < low:
        return Response("saturating", top, float(np.abs(_Z[slope < low]).min()))
    if top > 0 and not slope[_Z < 0].any():
        return Response("gated", top, None)
    return Response("other", top, None)


def is_activation(layer) -> bool:
    return bool(getattr(layer, "elementwise", False)) and hasattr(layer, "derivative")


def network_health(model, loss_fn, x: np.ndarray, y: np.ndarray, step: int = 0) -> HealthProbe:
    """The statistics of ``model`` on the batch ``x``, ``y`` (eval mode). The model's
    gradients and caches change: pass a copy of a model that trains."""
    with np.errstate(all="ignore"):           # NaN/inf are reported as they are
        out = model.forward(x, training=False)
        outputs = dict(model.outputs)
        start, pred = model.loss_input(loss_fn, out)
        value, grad = loss_fn.value_and_grad(pred, y)
        arrived = _backward_recording(model, np.asarray(grad, dtype=pred.dtype), start)
    n = len(x)
    layers, depth = [], 0
    for node in model.nodes:
        if is_activation(node.layer) and node.inputs:
            depth += 1
            g = arrived.get(node.id)
            layers.append(_layer_health(node, depth, outputs[node.inputs[0]],
                                        outputs[node.id], None if g is None else g * n,
                                        node.id == model.output_id))
    return HealthProbe(step=step, samples=n, loss=float(value), layers=tuple(layers))


def _layer_health(node, depth: int, z: np.ndarray, a: np.ndarray, g, is_output: bool):
    layer = node.layer
    r = response(layer)
    saturated = dead = None
    if r.kind == "saturating":
        cls = type(layer)
        slope = cls.derivative(z, a, layer.config)
        saturated = float(np.mean(slope < SATURATION * r.max_slope))
    elif r.kind == "gated":
        dead = float(np.mean(never_positive(a)))
    a64 = np.asarray(a, dtype=np.float64)
    g64 = None if g is None else np.asarray(g, dtype=np.float64)
    return LayerHealth(
        id=node.id, type=type(layer).__name__, depth=depth, kind=r.kind,
        units=int(a.shape[1]) if a.ndim > 1 else 1, saturated=saturated, dead=dead,
        z_limit=r.z_limit, act_mean=float(a64.mean()), act_std=float(a64.std()),
        grad_mean=None if g64 is None else float(g64.mean()),
        grad_std=None if g64 is None else float(g64.std()),
        grad_rms=None if g64 is None else float(np.sqrt(np.mean(g64 * g64))),
        is_output=is_output)


def never_positive(a: np.ndarray) -> np.ndarray:
    """Per unit (axis 1: a feature, or a channel of maps): True where no sample of the
    batch and no position of its map is above 0."""
    a = np.asarray(a)
    if a.ndim == 1:
        a = a[:, None]
    axes = tuple(i for i in range(a.ndim) if i != 1)
    return ~np.any(a > 0, axis=axes)


def _backward_recording(model, grad: np.ndarray, start: str) -> dict:
    """model.backward, keeping the whole batch's gradient each activation is handed."""
    arrived: dict = {}
    wrapped = [n.layer for n in model.nodes if is_activation(n.layer)]
    for node in model.nodes:
        if not is_activation(node.layer):
            continue
        backward = node.layer.backward

        def recording(g, node_id=node.id, backward=backward):
            arrived[node_id] = np.array(g)
            return backward(g)
        node.layer.backward = recording        # on this instance only, removed below
    try:
        model.backward(grad, start=start)
    finally:
        for layer in wrapped:
            del layer.backward
    return arrived


# ---- the probe kind (registered in engine/training/probes.py) -----------------------------------
_last: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # prober -> (time, probe)


def health_every_ms(options) -> float:
    """Options: None (every probe: the view) or {"every_ms": t} (at most every t ms of
    training time, else the last one again: the cards' badges, cheap while training)."""
    return float(options.get("every_ms", 0.0)) if isinstance(options, dict) else 0.0


def merge_health(a, b):
    every = min(health_every_ms(a), health_every_ms(b))
    return {"every_ms": every} if every > 0 else None


def check_health(prober, options, req) -> None:
    if options is not None and not (isinstance(options, dict) and
                                    isinstance(options.get("every_ms", 0), (int, float))):
        raise ValueError(f"probe: the health probe's options must be None or "
                         f"{{'every_ms': milliseconds}}, got {options!r}")


def health_probe(prober, options, at) -> HealthProbe:
    """No layers: the network has no element-wise activation (the view says so)."""
    now, last = prober.clock(), _last.get(prober)
    if (last is not None and not at.fresh and
            0.0 <= (now - last[0]) * 1000.0 < health_every_ms(options)):
        return last[1]
    _last[prober] = (now, _health_now(prober, at))
    return _last[prober][1]


def _health_now(prober, at) -> HealthProbe:
    model = prober.model
    images = len(prober.x_eval.shape) > 2
    n = min(IMAGE_PROBE_BATCH if images else PROBE_BATCH, len(prober.x_eval))
    if n == 0 or not any(is_activation(node.layer) and node.inputs for node in model.nodes):
        return HealthProbe(step=at.step, samples=0, loss=float("nan"), layers=())
    y = loss_targets(prober.loss_fn, prober.y_eval[:n])
    return network_health(_shadow(prober), prober.loss_fn, prober.x_eval[:n], y, step=at.step)
