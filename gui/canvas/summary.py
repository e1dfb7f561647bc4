"""One-line summaries of a node's params for its card, generated from the registry.

A layer class may define ``summary(params) -> str`` (a classmethod) for a better one;
otherwise the numbers (int, float, shape, padding) come first and choices or switches
only when they differ from their default.
"""
from __future__ import annotations

from engine.schema import Param
from engine.nn.registry import LayerSpec

MAX_PARTS = 3
_ALWAYS_SHOWN = ("int", "float", "shape", "padding")


def param_summary(spec: LayerSpec, params: dict) -> str:
    try:
        full = spec.complete(params)
    except ValueError:
        full = {**spec.defaults(), **params}
    hook = getattr(spec.cls, "summary", None)
    if callable(hook):
        try:
            return str(hook(full))
        except (KeyError, ValueError, TypeError):
            pass
    parts = [_part(p, full.get(p.name)) for p in spec.params if _shown(p, full.get(p.name))]
    return ", ".join(parts[:MAX_PARTS])


def _shown(p: Param, value) -> bool:
    return p.kind in _ALWAYS_SHOWN or value != p.default


def _part(p: Param, value) -> str:
    name = p.name.replace("_", " ")
    if p.kind == "bool":
        return f"{name} {'on' if value else 'off'}"
    if p.kind == "shape":
        return f"{name} {format_shape(value)}"
    if p.kind == "float":
        return f"{name} {value:g}" if isinstance(value, (int, float)) else f"{name} {value}"
    return f"{name} {value}"


def format_shape(shape) -> str:
    """(8, 14, 14) -> '[8, 14, 14]'."""
    return "?" if shape is None else str(list(shape))


def format_count(n: int, short: bool = False) -> str:
    """12 -> '12 params', 1234567 -> '1.23M params'; short: '1.17k' (no word)."""
    if n >= 1_000_000:
        number = f"{n / 1e6:.3g}M"
    elif n >= 10_000 or (short and n >= 1000):
        number = f"{n / 1e3:.3g}k"
    else:
        number = f"{n:,}"
    return number if short else f"{number} param{'s' * (n != 1)}"
