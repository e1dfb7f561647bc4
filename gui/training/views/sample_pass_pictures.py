"""What each step of the one-sample view shows: a heading, a few words and up to three
arrays of the pass (engine/training/sample_pass.py), each with a caption that says what it
is, its shape and its range. No widgets here: views/sample_pass.py draws these."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gui.i18n import engine_text, translate
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
    heading = translate(
        "SamplePassPictures", "{step} · sample {n} ({label}) · weights of step {at}"
    ).format(
        step=_step_name(result, step),
        n=result.sample,
        label=label_text(result.label, class_names),
        at=f"{result.step:,}",
    )
    if step.phase == FORWARD:
        words, panels = _forward(result, result.node(step.node_id))
    elif step.phase == LOSS:
        words, panels = _loss(result, class_names)
    else:
        words, panels = _backward(result, result.node(step.node_id))
    return Picture(heading, words, panels)


def _step_name(result, step) -> str:
    if step.phase == LOSS:
        return translate("SamplePassPictures", "Loss ({name})").format(name=result.loss_name)
    return step.label(result.node(step.node_id).type)


def label_text(label, class_names=()) -> str:
    if isinstance(label, int):
        name = class_names[label] if 0 <= label < len(class_names) else str(label)
        return translate("SamplePassPictures", "class {name}").format(name=name)
    values = np.ravel(label)
    return translate("SamplePassPictures", "target {values}").format(
        values=", ".join(f"{v:.3g}" for v in values[:3])
    )


def _array(caption: str, a: np.ndarray, column=None, unit: str = "unit",
           side: str = "") -> PanelSpec:
    """``side``: what the column beside the array is, e.g. "b: bias"."""
    maps = int(np.prod(np.shape(a)[:-2])) if np.ndim(a) >= 3 else 0
    cut = (
        " · "
        + translate("SamplePassPictures", "the first {n} of {maps} maps").format(
            n=MAX_MAPS, maps=f"{maps:,}"
        )
        if maps > MAX_MAPS
        else ""
    )
    beside = f" · {side}" if side else ""
    values = a if column is None else np.concatenate([np.ravel(a), np.ravel(column)])
    return PanelSpec(f"{caption} {shape_text(a)}{beside} · {range_text(values)}{cut}", a,
                     column, unit)


# ---- forward --------------------------------------------------------------------------------------
def _forward(result, node) -> tuple[str, list]:
    if not node.inputs:
        return (
            translate(
                "SamplePassPictures",
                "The sample enters the network as '{id}', shape {shape}. "
                "Every number on these pages is for this one "
                "sample.",
            ).format(id=node.id, shape=shape_text(node.output)),
            [_array(translate("SamplePassPictures", "the sample"), node.output, unit="feature")],
        )
    source = result.node(node.inputs[0])
    more = len(node.inputs) - 1
    caption = translate("SamplePassPictures", "input: output of '{id}'").format(id=source.id)
    if more:
        caption += " " + translate("SamplePassPictures", "(+{n} more)").format(n=more)
    panels = [_array(caption, source.output)]
    weights = result.weights(node.id)
    if weights:
        panels.append(
            _weights_panel(
                translate("SamplePassPictures", "weight"),
                weights,
                translate("SamplePassPictures", "bias"),
            )
        )
    panels.append(
        _array(translate("SamplePassPictures", "output of '{id}'").format(id=node.id), node.output)
    )
    if weights:
        listed = ", ".join(f"{k} {shape_text(v)}" for k, v in weights.items())
        has = translate("SamplePassPictures", "; weights {list}").format(list=listed)
    else:
        has = translate("SamplePassPictures", "; no weights")
    return (
        f"{_help(node.type)} {shape_text(source.output)} → {shape_text(node.output)}" + has + ".",
        panels,
    )


def _weights_panel(what: str, arrays: dict, bias_name: str) -> PanelSpec:
    """A Dense-like 2-D weight with its bias beside it; any other weight alone."""
    weight, bias = arrays["weight"], arrays.get("bias")
    if weight.ndim == 2 and bias is not None and bias.shape == weight.shape[:1]:
        return _array(what, weight, column=bias, side=f"b: {bias_name}")
    extra = (
        " " + translate("SamplePassPictures", "(bias {range})").format(range=range_text(bias))
        if bias is not None
        else ""
    )
    return _array(what + extra, weight)


def _help(type_name: str) -> str:
    """The first sentence of the layer type's help (engine registry)."""
    from engine.nn.layers import LAYERS
    spec = LAYERS.get(type_name)
    help_text = engine_text(spec.help) if spec is not None else type_name   # in Korean too
    text = help_text.split(". ")[0].rstrip(".")
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
    panels = [
        _array(
            translate("SamplePassPictures", "prediction: output of '{id}'").format(id=out.id),
            out.output,
            unit=unit,
        ),
        _array(translate("SamplePassPictures", "target"), target, unit=unit),
        _array(
            translate("SamplePassPictures", "dL/d(output of '{id}'): backward starts here").format(
                id=start.id
            ),
            start.grad,
            unit=unit,
        ),
    ]
    words = f"loss {result.loss_name} = {result.loss:.4g}. "
    if result.fused:
        words += translate(
            "SamplePassPictures",
            "The final {type} is fused with the loss: the loss reads the "
            "logits of '{id}', and there dL/dz = p − y "
            "(prediction − target), which stays finite where "
            "the probabilities saturate.",
        ).format(type=out.type, id=start.id)
    else:
        words += translate(
            "SamplePassPictures", "Backward starts from the loss's slope at the prediction."
        )
    return words, panels


# ---- backward ---------------------------------------------------------------------------------------
def _backward(result, node) -> tuple[str, list]:
    fork = consumers(result, node.id)
    caption = translate("SamplePassPictures", "arriving: dL/d(output of '{id}')").format(id=node.id)
    if len(fork) > 1:
        caption += " " + translate("SamplePassPictures", "(summed from {ids})").format(
            ids=", ".join(fork)
        )
    panels = [_array(caption, node.grad)]
    if node.local is not None:
        panels.append(
            _array(
                translate("SamplePassPictures", "local factor f′(z) of '{id}'").format(id=node.id),
                node.local,
            )
        )
        words = translate(
            "SamplePassPictures",
            "Chain rule, element by element: dL/dz = dL/dy × f′(z). Where f′ "
            "is 0 (a ReLU below 0, a saturated sigmoid) "
            "nothing passes back.",
        )
    elif node.weight_grads and node.trainable:
        panels.append(_weights_panel("dL/dW", node.weight_grads, "dL/db"))
        words = _weight_words(result, node)
    elif node.weight_grads:
        words = translate(
            "SamplePassPictures",
            "'{id}' is frozen (trainable off): its weights get no gradient.",
        ).format(id=node.id)
    else:
        words = translate(
            "SamplePassPictures",
            "'{id}' ({type}) has no weights: it hands the gradient back "
            "through its own derivative.",
        ).format(id=node.id, type=node.type)
    passed = _passed_back(result, node)
    if passed is not None:
        panels.append(passed)
    elif node.inputs:
        words += " " + translate(
            "SamplePassPictures", "The data ('{id}') needs no gradient: backward ends here."
        ).format(id=node.inputs[0])
    return words, panels


def _weight_words(result, node) -> str:
    weight = node.weight_grads["weight"]
    if weight.ndim == 2:
        return translate(
            "SamplePassPictures",
            "Its gradients: dL/dW = dL/dy · xᵀ (what arrives times the input "
            "it saw going forward), dL/db = dL/dy; it passes "
            "dL/dx = Wᵀ · dL/dy back.",
        )
    return translate(
        "SamplePassPictures",
        "Its gradients: each weight's dL/dw sums, over every place the "
        "weight was used, the input it met times the gradient "
        "arriving there.",
    )


def _passed_back(result, node) -> PanelSpec | None:
    if not node.inputs:
        return None
    source = result.node(node.inputs[0])
    if source.grad is None:
        return None
    shared = len(consumers(result, source.id)) > 1
    caption = translate("SamplePassPictures", "passed back: dL/d(output of '{id}')").format(
        id=source.id
    )
    if shared:
        caption += " " + translate("SamplePassPictures", "(summed over its consumers)")
    return _array(caption, source.grad)
