"""One sample, forward and backward, node by node: the "sample_pass" probe.

    >>> result = sample_pass(copy.deepcopy(model), loss_fn, x[:1], y[:1])
    >>> result.node("h1").grad           # dLoss/d(output of h1), as backward hands it to h1
    >>> check_pass_gradients(model, result, loss_fn)    # numerical vs analytic, per parameter

What it holds, for every node in topological order: its output, the gradient that arrives
at it in backward (what Model.backward hands its layer), f'(z) for an element-wise
activation, and its weights' gradients; plus the loss and the weights the pass ran on.

Eval mode: Dropout passes everything and BatchNorm uses its running statistics. One sample
is no batch: a BatchNorm cannot normalise one value per channel (the engine refuses to), and
a Dropout mask would make the numbers change at every look. For a network with neither,
eval and training compute the same numbers, so the gradients equal
``model.loss_and_grads`` on that one sample (tests/engine/test_sample_pass.py).

In a run, the probe works on a copy of the model (a "shadow", made once per run and given
the live weights and buffers before each pass): a backward on the live model would
overwrite the last batch's gradients, which the gradient norms and the nodes probe read.
The live model is only read, so a run trains bitwise the same with this view on or off.
"""
from __future__ import annotations

import copy
import weakref
from dataclasses import dataclass, field

import numpy as np

from engine.nn.gradcheck import GradCheckReport, check_model_gradients
from engine.training.loss_surface import loss_targets

CHECK_ELEMENTS = 60        # entries per parameter array the gradient check perturbs at most
KINK_EPS = 1e-3            # engine.nn.gradcheck's step: inputs this close to a kink straddle it
FINE_EPS = 1e-5            # the step of a second check where the first failed
JUMP = 0.1                 # f' changing by more than this across 2 eps is a kink, not a curve


@dataclass(frozen=True)
class NodePass:
    """One node of the pass (arrays for the one sample, batch axis removed)."""
    id: str
    type: str
    inputs: tuple                # ids of the nodes it reads, by port
    output: np.ndarray
    grad: np.ndarray | None      # dLoss/d(output) arriving in backward (None: none comes)
    local: np.ndarray | None     # f'(z) at its input z (element-wise activations only)
    weight_grads: dict = field(default_factory=dict)   # "weight" -> dLoss/d(weight), ...
    trainable: bool = True       # False: frozen, its weights get no gradient
    kinks: int = 0               # inputs within KINK_EPS of a jump of f' (ReLU at 0)


@dataclass(frozen=True)
class SamplePass:
    step: int                    # the weights after this many optimizer steps
    sample: int                  # index into the validation set (train if none)
    x: np.ndarray                # the sample, e.g. (2,) or (1, 8, 8)
    label: object                # its class index or target values, as the dataset gives
    target: np.ndarray           # what the loss reads as y, one row: (1,) or (1, k)
    loss_name: str
    loss: float
    output_id: str
    loss_from: str               # the node whose output the loss reads (a fused Softmax /
                                 # Sigmoid: the one before it)
    nodes: tuple                 # NodePass, in topological order
    state: dict                  # copies of the weights and buffers the pass ran on

    def node(self, node_id: str) -> NodePass:
        return next(n for n in self.nodes if n.id == node_id)

    def weights(self, node_id: str) -> dict:
        """{"weight": ..., "bias": ...} of a node (empty: it has none)."""
        prefix = node_id + "."
        return {k[len(prefix):]: v for k, v in self.state.items()
                if k.startswith(prefix) and k[len(prefix):] in self.node(node_id).weight_grads}

    @property
    def fused(self) -> bool:
        return self.loss_from != self.output_id

    def backward_order(self) -> list:
        """The nodes a gradient reaches, output first."""
        return [n for n in reversed(self.nodes) if n.grad is not None]


def sample_pass(model, loss_fn, x: np.ndarray, y: np.ndarray, *, step: int = 0,
                sample: int = 0, label=None) -> SamplePass:
    """Forward (eval mode), loss and backward of ``x`` (one row) through ``model``. The
    model's gradients and caches change: pass a copy of a model that trains."""
    with np.errstate(all="ignore"):            # NaN/inf are shown as they are
        out = model.forward(x, training=False)
        outputs = {nid: np.array(a[0]) for nid, a in model.outputs.items()}
        start, pred = model.loss_input(loss_fn, out)
        value, grad = loss_fn.value_and_grad(pred, y)
        arrived = _backward_recording(model, np.asarray(grad, dtype=pred.dtype), start)
    nodes = tuple(_node_pass(model, node, outputs, arrived) for node in model.nodes)
    return SamplePass(step=step, sample=sample, x=np.array(x[0]), label=label,
                      target=np.array(y), loss_name=loss_fn.name, loss=float(value),
                      output_id=model.output_id, loss_from=start, nodes=nodes,
                      state=model.state_dict())


def _backward_recording(model, grad: np.ndarray, start: str) -> dict:
    """model.backward, noting the gradient each layer is handed (a copy, one sample)."""
    arrived: dict = {}
    layers = [n.layer for n in model.nodes]
    for node in model.nodes:
        layer, backward = node.layer, node.layer.backward

        def recording(g, node_id=node.id, backward=backward):
            arrived[node_id] = np.array(g[0])
            return backward(g)
        layer.backward = recording             # on this instance only, removed below
    try:
        model.backward(grad, start=start)
    finally:
        for layer in layers:
            del layer.backward
    return arrived


def _node_pass(model, node, outputs: dict, arrived: dict) -> NodePass:
    layer = node.layer
    local, kinks = None, 0
    if getattr(layer, "elementwise", False) and hasattr(layer, "derivative") and node.inputs:
        z, y = outputs[node.inputs[0]], outputs[node.id]
        local = np.asarray(_slope(layer, z, y), dtype=np.float32)
        kinks = _kinks(layer, z)
    grad = arrived.get(node.id)
    trainable = bool(getattr(layer, "trainable", True))
    weight_grads = ({k: np.array(g) for k, g in layer.grads.items()}
                    if grad is not None and trainable else
                    {k: np.zeros_like(w) for k, w in layer.weights.items()})
    return NodePass(id=node.id, type=type(layer).__name__, inputs=tuple(node.inputs),
                    output=outputs[node.id], grad=grad, local=local,
                    weight_grads=weight_grads, trainable=trainable, kinks=kinks)


def _slope(layer, z: np.ndarray, y: np.ndarray | None = None) -> np.ndarray:
    """f'(z) by the layer's own formula (engine/nn/layers/activations.py)."""
    cls = type(layer)
    with np.errstate(all="ignore"):
        return cls.derivative(z, cls.function(z, layer.config) if y is None else y,
                              layer.config)


def _kinks(layer, z: np.ndarray) -> int:
    """How many inputs sit so near a jump of f' that a step of KINK_EPS either way
    crosses it (ReLU's 0): there the numerical slope is the average of two slopes."""
    z = np.asarray(z, dtype=np.float64)
    jump = np.abs(_slope(layer, z + KINK_EPS) - _slope(layer, z - KINK_EPS))
    return int(np.count_nonzero(jump > JUMP))


def kink_notes(result: SamplePass) -> list[str]:
    """Why a gradient check may fail where nothing is wrong: one line per activation with
    inputs at a kink (central differences straddle it), [] if none."""
    return [f"{n.kinks:,} of the {n.output.size:,} inputs of '{n.id}' ({n.type}) lie within "
            f"{KINK_EPS:g} of its kink, where f' jumps: a numerical slope across it is the "
            f"average of the two sides, so a mismatch there is expected, not a bug"
            for n in result.nodes if n.kinks]


# ---- the gradient check ------------------------------------------------------------------------
@dataclass(frozen=True)
class PassCheck:
    """The gradient check of a pass: at the checker's step ε (1e-3) and, when an array
    fails there, again at FINE_EPS. A mismatch that vanishes with the smaller step came
    from a kink within ε of the weights (a ReLU input near 0, a max-pool window whose two
    largest values are that close): the numerical slope averaged both sides of it. A
    backprop error does not vanish."""
    report: GradCheckReport
    fine: GradCheckReport | None = None

    def rows(self) -> list:
        """(ArrayCheck at ε, ArrayCheck at FINE_EPS or None, passes) per parameter array."""
        fine = {c.name: c for c in self.fine.checks} if self.fine is not None else {}
        return [(c, fine.get(c.name), c.ok or (c.name in fine and fine[c.name].ok))
                for c in self.report.checks]

    @property
    def ok(self) -> bool:
        return all(passes for *_checks, passes in self.rows())


def check_pass_gradients(model, result: SamplePass, loss_fn,
                         max_elements: int | None = CHECK_ELEMENTS) -> PassCheck:
    """engine.nn.gradcheck on the pass's weights and sample, in eval mode as the pass:
    each parameter's analytic gradient against central differences (at most
    ``max_elements`` random entries of each array; the same ones at both steps).
    ``model`` is only copied."""
    def check(eps: float) -> GradCheckReport:
        work = copy.deepcopy(model)
        work.load_state_dict(result.state)
        return check_model_gradients(work, result.x[None], result.target, loss_fn, eps=eps,
                                     training=False, max_elements=max_elements,
                                     raise_on_failure=False)
    report = check(KINK_EPS)
    return PassCheck(report, None if report.ok else check(FINE_EPS))


# ---- the probe kind (registered in engine/training/probes.py) -----------------------------------
_shadows: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()    # prober -> its copy


def check_sample_pass(prober, options, req) -> None:
    if not 0 <= req.sample < len(prober.x_eval):
        raise ValueError(f"probe: sample must be between 0 and {len(prober.x_eval) - 1}, "
                         f"got {req.sample}")


def sample_pass_probe(prober, options, at) -> SamplePass:
    shadow = _shadow(prober)
    i = at.sample
    y = loss_targets(prober.loss_fn, prober.y_eval[i:i + 1])
    return sample_pass(shadow, prober.loss_fn, prober.x_eval[i:i + 1], y, step=at.step,
                       sample=i, label=_plain(prober.y_eval[i]))


def _shadow(prober):
    """The prober's copy of its model, holding the live weights and buffers now."""
    shadow = _shadows.get(prober)
    if shadow is None:
        shadow = _shadows[prober] = copy.deepcopy(prober.model)
        shadow.outputs = {}                    # the copied batch activations: not needed
        return shadow
    for live, mine in zip(prober.model.nodes, shadow.nodes):
        for name in ("weights", "buffers"):
            theirs, ours = getattr(live.layer, name), getattr(mine.layer, name)
            for key, array in theirs.items():
                np.copyto(ours[key], array)
    return shadow


def _plain(v):
    a = np.asarray(v)
    return int(a) if a.ndim == 0 and a.dtype.kind in "iu" else a.copy()
