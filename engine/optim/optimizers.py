"""Optimizers with PyTorch's update rules and defaults (torch.optim, single-tensor path).

``make_optimizer({"name": "adam", "lr": 1e-3}, model)`` works on ``model.parameters()``
(key -> (weight, grad) float32 arrays) and updates the weights in place. Every update is a
few in-place ufuncs over the flat buffers the Model packs the weights and grads into
(engine.optim.flat), a chunk at a time, with two chunk-sized scratch arrays allocated
once: this runs every batch. Hyper-parameter schemas live in ``OPTIMIZERS`` (the inspector
and the file validator read them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from engine.optim import flat
from engine.registry import Registry
from engine.schema import Param, ParamSchema, resolve_config


def _lr(default: float) -> Param:
    return Param("lr", "float", default, "Learning rate: how big a step each update takes "
                 "against the gradient.", min=0.0, min_exclusive=True)


def _weight_decay(default: float = 0.0) -> Param:
    return Param("weight_decay", "float", default, "Pulls every weight a little towards 0 "
                 "at each step (L2 penalty), which discourages large weights.", min=0.0)


_MOMENTUM = Param("momentum", "float", 0.0, "Fraction of the previous step carried into "
                  "the next, like a ball rolling downhill (0 = none).",
                  min=0.0, max=1.0, max_exclusive=True)
_AMSGRAD = Param("amsgrad", "bool", False, "Use the largest squared-gradient average seen "
                 "so far, so the step size can only shrink (AMSGrad variant).")


def _eps(default: float) -> Param:
    return Param("eps", "float", default, "Tiny number added to the denominator so a "
                 "near-zero gradient average never divides by zero.", min=0.0)


def _beta(name: str, default: float, what: str) -> Param:
    return Param(name, "float", default, f"How slowly the running average of {what} "
                 "forgets the past (closer to 1 = longer memory).",
                 min=0.0, max=1.0, max_exclusive=True)


def _lerp_(start: np.ndarray, end: np.ndarray, weight: float, tmp: np.ndarray) -> None:
    """start += weight * (end - start), with torch.lerp's two formulas (for rounding parity)."""
    np.subtract(end, start, out=tmp)
    if weight < 0.5:
        tmp *= weight
        start += tmp
    else:
        tmp *= 1.0 - weight
        np.subtract(end, tmp, out=start)


class Optimizer:
    """Base: the moment buffers (one flat array per slot, with a view per parameter in
    ``state``), the step count, lr, state_dict. ``step`` runs ``_update`` over chunks of
    the flat buffers (engine.optim.flat): the same formula for every element, so chunking
    changes no rounding."""

    name: ClassVar[str]

    def __init__(self, parameters: dict[str, tuple[np.ndarray, np.ndarray]], hyper: dict):
        self.parameters = dict(parameters)
        self.hyper = dict(hyper)
        self._lr = float(hyper["lr"])
        self._step = 0
        pairs = list(self.parameters.values())
        self._segments = flat.segments([p for p, _ in pairs], [g for _, g in pairs])
        size = sum(p.size for p, _ in pairs)
        dtype = pairs[0][0].dtype if pairs else np.float32     # float32 in the engine
        self._slots = {name: flat.aligned_full(size, self._initial_value(name), dtype)
                       for name in self._slot_names()}
        self.state: dict[str, dict[str, np.ndarray]] = {}
        at = 0
        for key, (p, _) in self.parameters.items():
            self.state[key] = {name: buf[at:at + p.size].reshape(p.shape)
                               for name, buf in self._slots.items()}
            at += p.size
        self._chunks = [(p[c], g[c], {name: buf[off:][c] for name, buf in self._slots.items()})
                        for p, g, off in self._segments for c in flat.chunks(p.size)]
        longest = max((p.size for p, _, _ in self._chunks), default=0)
        self._scratch = (flat.aligned_empty(longest, dtype), flat.aligned_empty(longest, dtype))

    def buffer_names(self) -> tuple[str, ...]:
        """Moment buffers a saved state must hold (SGD's momentum appears after a step)."""
        return ()

    def _slot_names(self) -> tuple[str, ...]:
        """The moment buffers allocated (and viewed per parameter in ``state``)."""
        return self.buffer_names()

    def _initial_value(self, name: str) -> float:
        return 0.0

    @property
    def lr(self) -> float:
        """The learning rate in force now (a scheduler or the user may change it)."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        value = float(value)
        if not value >= 0.0:   # also refuses NaN
            raise ValueError(f"optimizer {self.name!r}: lr must be at least 0, got {value}")
        self._lr = value

    def step(self) -> None:
        """One update of every parameter from its current gradient."""
        self._step += 1
        self._begin_step()
        t1, t2 = self._scratch
        for p, g, state in self._chunks:
            self._update(p, g, state, self._step, t1[:p.size], t2[:p.size])

    def _begin_step(self) -> None:
        """Per-step work before the chunks (SGD starts its momentum)."""

    def _update(self, p, g, state, step, t1, t2) -> None:
        raise NotImplementedError

    def _decayed_grad(self, p: np.ndarray, g: np.ndarray, out: np.ndarray) -> np.ndarray:
        """g + weight_decay * p (L2 coupled into the gradient), or g itself."""
        wd = self.hyper["weight_decay"]
        if wd == 0:
            return g
        np.multiply(p, wd, out=out)
        out += g
        return out

    def zero_grad(self) -> None:
        for _, g, _ in self._segments:
            g.fill(0.0)

    # ---- checkpoints ---------------------------------------------------------------------
    def _saved_names(self) -> tuple[str, ...]:
        return self._slot_names()

    def state_dict(self) -> dict:
        """Copies: {"name", "lr", "hyper", "state": {param key: {"step", buffers...}}}."""
        names = self._saved_names()
        state = {key: {"step": np.array(self._step, np.int64),
                       **{k: self.state[key][k].copy() for k in names}}
                 for key in self.parameters}
        return {"name": self.name, "lr": self._lr, "hyper": dict(self.hyper), "state": state}

    def load_state_dict(self, d: dict) -> None:
        """Continue exactly where ``d`` was saved, copying into the buffers (the views stay
        views). Checks everything before changing anything."""
        where = f"optimizer {self.name!r}"
        if d.get("name") != self.name:
            raise ValueError(f"{where}: the saved state is of optimizer {d.get('name')!r}")
        saved = d.get("state", {})
        if set(saved) != set(self.parameters):
            raise ValueError(f"{where}: saved state does not fit this model: missing "
                             f"{sorted(set(self.parameters) - set(saved))}, unexpected "
                             f"{sorted(set(saved) - set(self.parameters))}")
        for key, (p, _) in self.parameters.items():
            lacking = sorted(set(self.buffer_names()) - set(saved[key]))
            if lacking or "step" not in saved[key]:
                raise ValueError(f"{where}: saved state of {key!r} lacks "
                                 f"{', '.join(lacking or ['step'])} (other settings?)")
            for name, a in saved[key].items():
                if name == "step":
                    continue
                if np.shape(a) != p.shape:
                    raise ValueError(f"{where}: saved {name} of {key!r} has shape "
                                     f"{np.shape(a)}, the parameter has {p.shape}")
                if np.asarray(a).dtype.kind not in "fiub":
                    raise ValueError(f"{where}: saved {name} of {key!r} holds "
                                     f"{np.asarray(a).dtype} values, not numbers")
        steps = {int(saved[key]["step"]) for key in self.parameters}
        if len(steps) > 1:
            raise ValueError(f"{where}: the saved parameters took different numbers of "
                             f"steps ({sorted(steps)}); they are updated together")
        for key in self.parameters:
            for name, a in saved[key].items():
                if name in self.state[key]:        # what other settings kept is not used
                    np.copyto(self.state[key][name], np.asarray(a), casting="unsafe")
        self._step = steps.pop() if steps else 0
        self._loaded(saved)
        self.lr = d.get("lr", self._lr)

    def _loaded(self, saved: dict) -> None:
        """After load_state_dict copied ``saved`` in (SGD notes whether momentum began)."""


class SGD(Optimizer):
    name = "sgd"
    _started = False      # PyTorch starts the momentum buffer at the first gradient

    def _slot_names(self):
        return ("momentum_buffer",) if self.hyper["momentum"] != 0 else ()

    def _saved_names(self):
        return self._slot_names() if self._started else ()

    def _begin_step(self):
        self._first, self._started = not self._started, True

    def _loaded(self, saved):
        self._started = all("momentum_buffer" in s for s in saved.values())

    def _update(self, p, g, state, step, t1, t2):
        h = self.hyper
        g = self._decayed_grad(p, g, t1)
        momentum = h["momentum"]
        if momentum != 0:
            buf = state["momentum_buffer"]
            if self._first:
                np.copyto(buf, g)
            else:
                buf *= momentum
                if h["dampening"] != 0:
                    np.multiply(g, 1.0 - h["dampening"], out=t2)
                    buf += t2
                else:
                    buf += g
            if h["nesterov"]:
                np.multiply(buf, momentum, out=t2)
                t2 += g
                g = t2
            else:
                g = buf
        np.multiply(g, -self._lr, out=t2)
        p += t2


class RMSprop(Optimizer):
    name = "rmsprop"

    def buffer_names(self):
        names = ["square_avg"]
        if self.hyper["momentum"] > 0:
            names.append("momentum_buffer")
        if self.hyper["centered"]:
            names.append("grad_avg")
        return tuple(names)

    def _update(self, p, g, state, step, t1, t2):
        h = self.hyper
        alpha = h["alpha"]
        g = self._decayed_grad(p, g, t1)
        sq = state["square_avg"]
        sq *= alpha
        np.multiply(g, 1.0 - alpha, out=t2)
        t2 *= g
        sq += t2
        if h["centered"]:
            ga = state["grad_avg"]
            _lerp_(ga, g, 1.0 - alpha, t2)
            np.multiply(ga, ga, out=t2)
            np.subtract(sq, t2, out=t2)
            np.sqrt(t2, out=t2)
        else:
            np.sqrt(sq, out=t2)
        t2 += h["eps"]
        np.divide(g, t2, out=t2)
        if h["momentum"] > 0:
            buf = state["momentum_buffer"]
            buf *= h["momentum"]
            buf += t2
            np.multiply(buf, -self._lr, out=t2)
        else:
            t2 *= -self._lr
        p += t2


class Adagrad(Optimizer):
    name = "adagrad"

    def buffer_names(self):
        return ("sum",)

    def _initial_value(self, name):
        return self.hyper["initial_accumulator_value"]

    def _update(self, p, g, state, step, t1, t2):
        h = self.hyper
        g = self._decayed_grad(p, g, t1)
        clr = self._lr / (1 + (step - 1) * h["lr_decay"])
        np.multiply(g, g, out=t2)
        state["sum"] += t2
        np.sqrt(state["sum"], out=t2)
        t2 += h["eps"]
        np.divide(g, t2, out=t2)
        t2 *= -clr
        p += t2


class Adam(Optimizer):
    name = "adam"
    decoupled_weight_decay = False     # AdamW: decay the weights, not the gradient

    def buffer_names(self):
        return ("exp_avg", "exp_avg_sq") + (("max_exp_avg_sq",) if self.hyper["amsgrad"]
                                            else ())

    def _update(self, p, g, state, step, t1, t2):
        h = self.hyper
        beta1, beta2 = h["beta1"], h["beta2"]
        if self.decoupled_weight_decay:
            if h["weight_decay"] != 0:
                p *= 1.0 - self._lr * h["weight_decay"]
        else:
            g = self._decayed_grad(p, g, t1)
        m, v = state["exp_avg"], state["exp_avg_sq"]
        _lerp_(m, g, 1.0 - beta1, t2)
        v *= beta2
        np.multiply(g, 1.0 - beta2, out=t2)
        t2 *= g
        v += t2
        step_size = self._lr / (1 - beta1 ** step)
        bias_correction2_sqrt = (1 - beta2 ** step) ** 0.5
        if h["amsgrad"]:
            np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
            v = state["max_exp_avg_sq"]
        np.sqrt(v, out=t2)
        t2 /= bias_correction2_sqrt
        t2 += h["eps"]
        np.divide(m, t2, out=t2)
        t2 *= -step_size
        p += t2


class AdamW(Adam):
    name = "adamw"
    decoupled_weight_decay = True


@dataclass(frozen=True)
class OptimizerSpec(ParamSchema):
    name: str
    help: str
    params: tuple[Param, ...]
    cls: type


_ADAM_PARAMS = (_beta("beta1", 0.9, "gradients (momentum)"),
                _beta("beta2", 0.999, "squared gradients"), _eps(1e-8))

OPTIMIZERS = Registry("optimizer")
for _spec in (
    OptimizerSpec("sgd", "Stochastic gradient descent: step against the gradient, "
                  "optionally with momentum to roll through small bumps.",
                  (_lr(1e-3), _MOMENTUM,
                   Param("dampening", "float", 0.0, "Fraction of each new gradient left out "
                         "of the momentum (0 = none).", min=0.0, max=1.0),
                   Param("nesterov", "bool", False, "Look ahead: take the gradient step "
                         "from where momentum is about to carry you (needs momentum)."),
                   _weight_decay()), SGD),
    OptimizerSpec("rmsprop", "RMSProp: divides each step by a running average of recent "
                  "gradient sizes, so every weight gets its own adaptive step.",
                  (_lr(1e-2), Param("alpha", "float", 0.99, "How slowly the running "
                                    "average of squared gradients forgets the past.",
                                    min=0.0, max=1.0),
                   _eps(1e-8), _MOMENTUM,
                   Param("centered", "bool", False, "Divide by the gradient's variance "
                         "instead of its mean square (subtracts the mean gradient)."),
                   _weight_decay()), RMSprop),
    OptimizerSpec("adagrad", "Adagrad: divides each step by all past gradient sizes "
                  "summed, so often-updated weights slow down over time.",
                  (_lr(1e-2), Param("lr_decay", "float", 0.0, "Shrinks the learning rate "
                                    "as lr / (1 + steps x lr_decay).", min=0.0),
                   _weight_decay(),
                   Param("initial_accumulator_value", "float", 0.0, "Starting value of the "
                         "sum of squared gradients.", min=0.0),
                   _eps(1e-10)), Adagrad),
    OptimizerSpec("adam", "Adam: momentum and an RMSProp-style adaptive step combined; "
                  "a good default for most networks.",
                  (_lr(1e-3), *_ADAM_PARAMS, _weight_decay(), _AMSGRAD), Adam),
    OptimizerSpec("adamw", "AdamW: Adam whose weight decay shrinks the weights directly "
                  "instead of going through the adaptive step.",
                  (_lr(1e-3), *_ADAM_PARAMS, _weight_decay(1e-2), _AMSGRAD), AdamW),
):
    OPTIMIZERS.add(_spec.name, _spec)


def validate_optimizer_config(config: dict) -> tuple[OptimizerSpec, dict]:
    """(spec, complete hyper-parameters) or ValueError naming the optimizer and field."""
    spec, hyper = resolve_config(OPTIMIZERS, config,
                                 '{"name": "adam", "lr": 0.001}')
    name = spec.name
    if hyper.get("nesterov") and (hyper["momentum"] <= 0 or hyper["dampening"] != 0):
        raise ValueError(f"optimizer {name!r}: nesterov needs a momentum above 0 and "
                         f"dampening 0")
    return spec, hyper


def make_optimizer(config: dict, model) -> Optimizer:
    """An optimizer for ``model`` (anything with ``parameters()``, or that dict itself)."""
    spec, hyper = validate_optimizer_config(config)
    parameters = model.parameters() if hasattr(model, "parameters") else model
    return spec.cls(parameters, hyper)
