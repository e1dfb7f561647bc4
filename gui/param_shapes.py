"""The trainable arrays of a node, with their shapes and what their axes mean (concept 2:
a Dense layer is a matrix product with a weight of shape (out, in)).

Shapes come from the registry (``weight_shapes`` of the layer class, given the node's
params and the shapes arriving on its inputs); the wording depends only on the array's
rank, so a new layer type is described without code here."""
from __future__ import annotations

from engine.errors import NetwrightError

# what the axes of an array of each rank mean (PyTorch layouts)
WEIGHT_MEANING = {
    0: "a single number",
    1: "one per feature or channel",
    2: "out × in: one row per unit, one column per input",
    3: "filters × in-channels × k",
    4: "filters × in-channels × kh × kw",
}
OTHER_MEANING = {1: "one per output unit or channel"}


def node_param_shapes(document, node_id: str) -> dict[str, tuple] | None:
    """{array name: shape} of ``node_id``; None while its inputs' shapes are unknown or its
    params are invalid (the inspector shows that problem elsewhere)."""
    if not document.has_node(node_id):
        return None
    node = document.node(node_id)
    spec = document.spec(node_id)
    ins = [document.shapes.get(s) for s in document.network.inputs_of(node_id)]
    if spec is None or any(s is None for s in ins):
        return None
    try:
        shapes = spec.cls.weight_shapes(spec.complete(node.get("params")), ins)
    except (KeyError, ValueError, IndexError, TypeError, NetwrightError):
        return None
    return {name: tuple(int(d) for d in shape) for name, shape in shapes.items()}


def describe(name: str, shape: tuple) -> str:
    """'weight (4, 2) — out × in: one row per unit, one column per input'."""
    table = WEIGHT_MEANING if name == "weight" else OTHER_MEANING
    meaning = table.get(len(shape))
    return f"{name} {tuple(shape)}" + (f" — {meaning}" if meaning else "")


def param_shape_lines(document, node_id: str) -> list[str]:
    """One line per trainable array of ``node_id`` (empty when it has none or is unknown)."""
    shapes = node_param_shapes(document, node_id) or {}
    return [describe(name, shape) for name, shape in shapes.items()]
