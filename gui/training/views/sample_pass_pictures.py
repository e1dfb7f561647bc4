"""What each step of the one-sample view shows: a heading, a few words and up to three
arrays of the pass (engine/training/sample_pass.py), each with a caption that says what it
is, its shape and its range. No Qt here: views/sample_pass.py draws these."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gui.training.views.feature_maps import MAX_MAPS
from gui.training.views.sample_pass_parts import (FORWARD, LOSS, consumers,
                                                  range_text, shape_text)


@dataclass(frozen=True)
class PanelSpec:
    caption: str
    array: np.ndarray
    column: np.ndarray | None = None      # a layer's bias, beside its weight matrix
    unit: str = "unit"


@dataclass(frozen=True)
class Picture:
    heading: str
    words: str
    panels: list = field(default_factory=list)


def picture(result, step, class_names=()) -> Picture:
    heading = (f"{_step_name(result, step)} · sample {result.sample} "
               f"({label_text(result.label, class_names)}) · weights of step {result.step:,}")
    if step.phase == FORWARD:
        words, panels = _forward(result, result.node(step.node_id))
    elif step.phase == LOSS:
        words, panels = _loss(result, class_names)
    else:
        words, panels = _backward(result, result.node(step.node_id))
    return Picture(heading, words, panels)


def _step_name(result, step) -> str:
    if step.phase == LOSS:
        return f"Loss ({result.loss_name})"
    return step.label(result.node(step.node_id).type)


def label_text(label, class_names=()) -> str:
    if isinstance(label, int):
        name = class_names[label] if 0 <= label < len(class_names) else str(label)
        return f"class {name}"
    values = np.ravel(label)
    return "target " + ", ".join(f"{v:.3g}" for v in values[:3])


def _array(caption: str, a: np.ndarray, column=None, unit: str = "unit",
           side: str = "") -> PanelSpec:
    """``side``: what the column beside the array is, e.g. "b: bias"."""
    maps = int(np.prod(np.shape(a)[:-2])) if np.ndim(a) >= 3 else 0
    cut = f" · the first {MAX_MAPS} of {maps:,} maps" if maps > MAX_MAPS else ""
    beside = f" · {side}" if side else ""
    values = a if column is None else np.concatenate([np.ravel(a), np.ravel(column)])
    return PanelSpec(f"{caption} {shape_text(a)}{beside} · {range_text(values)}{cut}", a,
                     column, unit)


# ---- forward --------------------------------------------------------------------------------------
def _forward(result, node) -> tuple[str, list]:
    if not node.inputs:
        return (f"The sample enters the network as '{node.id}', shape {shape_text(node.output)}. "
                f"Every number on these pages is for this one sample.",
                [_array("the sample", node.output, unit="feature")])
    source = result.node(node.inputs[0])
    more = len(node.inputs) - 1
    panels = [_array(f"input: output of '{source.id}'" + (f" (+{more} more)" if more else ""),
                     source.output)]
    weights = result.weights(node.id)
    if weights:
        panels.append(_weights_panel("weight", weights, "bias"))
    panels.append(_array(f"output of '{node.id}'", node.output))
    return (f"{_help(node.type)} {shape_text(source.output)} → {shape_text(node.output)}"
            + (f"; weights {', '.join(f'{k} {shape_text(v)}' for k, v in weights.items())}"
               if weights else "; no weights") + ".", panels)


def _weights_panel(what: str, arrays: dict, bias_name: str) -> PanelSpec:
    """A Dense-like 2-D weight with its bias beside it; any other weight alone."""
    weight, bias = arrays["weight"], arrays.get("bias")
    if weight.ndim == 2 and bias is not None and bias.shape == weight.shape[:1]:
        return _array(what, weight, column=bias, side=f"b: {bias_name}")
    extra = f" (bias {range_text(bias)})" if bias is not None else ""
    return _array(what + extra, weight)


def _help(type_name: str) -> str:
    """The first sentence of the layer type's help (engine registry)."""
    from engine.nn.layers import LAYERS
    spec = LAYERS.get(type_name)
    text = spec.help.split(". ")[0].rstrip(".") if spec is not None else type_name
    return f"{type_name}: {text}."


# ---- the loss ----------------------------------------------------------------------------------------
def _loss(result, class_names) -> tuple[str, list]:
    out, start = result.node(result.output_id), result.node(result.loss_from)
    classes = result.target.dtype.kind in "iu"
    unit = "class" if classes or result.loss_name == "bce" else "output"
    if classes:                      # class indices: the one-hot row the loss compares with
        target = np.zeros(out.output.size, np.float32)
        target[int(np.ravel(result.target)[0])] = 1.0
    else:
        target = np.asarray(result.target[0], dtype=np.float32)
    panels = [_array(f"prediction: output of '{out.id}'", out.output, unit=unit),
              _array("target", target, unit=unit),
              _array(f"dL/d(output of '{start.id}'): backward starts here", start.grad,
                     unit=unit)]
    words = f"loss {result.loss_name} = {result.loss:.4g}. "
    if result.fused:
        words += (f"The final {out.type} is fused with the loss: the loss reads the logits "
                  f"of '{start.id}', and there dL/dz = p − y (prediction − target), which "
                  f"stays finite where the probabilities saturate.")
    else:
        words += "Backward starts from the loss's slope at the prediction."
    return words, panels


# ---- backward ---------------------------------------------------------------------------------------
def _backward(result, node) -> tuple[str, list]:
    fork = consumers(result, node.id)
    summed = f" (summed from {', '.join(fork)})" if len(fork) > 1 else ""
    panels = [_array(f"arriving: dL/d(output of '{node.id}'){summed}", node.grad)]
    if node.local is not None:
        panels.append(_array(f"local factor f′(z) of '{node.id}'", node.local))
        words = ("Chain rule, element by element: dL/dz = dL/dy × f′(z). Where f′ is 0 (a "
                 "ReLU below 0, a saturated sigmoid) nothing passes back.")
    elif node.weight_grads and node.trainable:
        panels.append(_weights_panel("dL/dW", node.weight_grads, "dL/db"))
        words = _weight_words(result, node)
    elif node.weight_grads:
        words = f"'{node.id}' is frozen (trainable off): its weights get no gradient."
    else:
        words = (f"'{node.id}' ({node.type}) has no weights: it hands the gradient back "
                 f"through its own derivative.")
    passed = _passed_back(result, node)
    if passed is not None:
        panels.append(passed)
    elif node.inputs:
        words += f" The data ('{node.inputs[0]}') needs no gradient: backward ends here."
    return words, panels


def _weight_words(result, node) -> str:
    weight = node.weight_grads["weight"]
    if weight.ndim == 2:
        return ("Its gradients: dL/dW = dL/dy · xᵀ (what arrives times the input it saw "
                "going forward), dL/db = dL/dy; it passes dL/dx = Wᵀ · dL/dy back.")
    return ("Its gradients: each weight's dL/dw sums, over every place the weight was used, "
            "the input it met times the gradient arriving there.")


def _passed_back(result, node) -> PanelSpec | None:
    if not node.inputs:
        return None
    source = result.node(node.inputs[0])
    if source.grad is None:
        return None
    shared = len(consumers(result, source.id)) > 1
    return _array(f"passed back: dL/d(output of '{source.id}')"
                  + (" (summed over its consumers)" if shared else ""), source.grad)
