"""The trainable arrays of a node, with their shapes and what their axes mean (concept 2:
a Dense layer is a matrix product with a weight of shape (out, in)).

Shapes come from the document's analysis (engine.graph.analysis, which asks each layer
class's ``weight_shapes``); the wording depends only on the array's rank, so a new layer
type is described without code here."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate

# what the axes of an array of each rank mean (PyTorch layouts)
WEIGHT_MEANING = {
    0: QT_TRANSLATE_NOOP("ParamShapes", "a single number"),
    1: QT_TRANSLATE_NOOP("ParamShapes", "one per feature or channel"),
    2: QT_TRANSLATE_NOOP("ParamShapes", "out × in: one row per unit, one column per input"),
    3: QT_TRANSLATE_NOOP("ParamShapes", "filters × in-channels × k"),
    4: QT_TRANSLATE_NOOP("ParamShapes", "filters × in-channels × kh × kw"),
}
OTHER_MEANING = {1: QT_TRANSLATE_NOOP("ParamShapes", "one per output unit or channel")}


def node_param_shapes(document, node_id: str) -> dict[str, tuple] | None:
    """{array name: shape} of ``node_id`` from the document's analysis; None while its
    shape is unknown (the inspector shows that problem elsewhere)."""
    facts = document.analysis.node(node_id)
    return None if facts is None or facts.weight_shapes is None else dict(facts.weight_shapes)


def describe(name: str, shape: tuple) -> str:
    """'weight (4, 2) — out × in: one row per unit, one column per input'."""
    table = WEIGHT_MEANING if name == "weight" else OTHER_MEANING
    meaning = table.get(len(shape))
    meaning = meaning and translate("ParamShapes", meaning)
    return f"{name} {tuple(shape)}" + (f" — {meaning}" if meaning else "")


def param_shape_lines(document, node_id: str) -> list[str]:
    """One line per trainable array of ``node_id`` (empty when it has none or is unknown)."""
    shapes = node_param_shapes(document, node_id) or {}
    return [describe(name, shape) for name, shape in shapes.items()]
