"""One-line summaries of a node's params for its card, generated from the registry.

A layer class may define ``summary(params) -> str`` (a classmethod) for a better one;
otherwise the numbers (int, float, shape, padding) come first and choices or switches
only when they differ from their default. A value the param refuses (a file may hold
"four", a list or 1e400 where a number belongs) is shown as written, in short: the card
is red with the problem, and says what the file holds.
"""
from __future__ import annotations

from engine.schema import Param
from engine.nn.registry import LayerSpec
from gui.i18n import translate

MAX_PARTS = 3
_ALWAYS_SHOWN = ("int", "float", "shape", "padding")


MAX_ITEMS = 4            # of a list or dict shown as written
MAX_CHARS = 40           # of a string shown as written
MAX_DIGITS = 15          # a longer whole number is "a 31-digit number", as the problem says


_made: dict[tuple[str, str], str] = {}     # (type, repr of params) -> summary
MAX_REMEMBERED = 10_000


def param_summary(spec: LayerSpec, params: dict) -> str:
    """The card's line for ``params``; remembered, since a big network repeats a few
    layers many times (checking the params is most of the cost of making a card)."""
    key = (spec.type, params_text(params))
    if key[1] is None:
        return _summary(spec, params)
    if key not in _made:
        if len(_made) >= MAX_REMEMBERED:
            _made.clear()
        _made[key] = _summary(spec, params)
    return _made[key]


def params_text(params) -> str | None:
    """``repr(params)``, which tells params apart; None when it cannot be made (an integer
    of over 4,300 digits)."""
    try:
        return repr(params)
    except ValueError:
        return None


def _summary(spec: LayerSpec, params: dict) -> str:
    try:
        full = spec.complete(params)
    except ValueError:            # a value the layer cannot take: each shown as written
        full = None
    hook = getattr(spec.cls, "summary", None)
    if callable(hook) and full is not None:
        try:
            return str(hook(full))
        except (KeyError, ValueError, TypeError):
            pass
    full = full if full is not None else {**spec.defaults(), **params}
    parts = [_part(p, full.get(p.name)) for p in spec.params if _shown(p, full.get(p.name))]
    return ", ".join(parts[:MAX_PARTS])


def _shown(p: Param, value) -> bool:
    try:
        return p.kind in _ALWAYS_SHOWN or bool(value != p.default)
    except (TypeError, ValueError):
        return True


def _part(p: Param, value) -> str:
    name = p.name.replace("_", " ")
    try:
        value = p.validate(value)
    except (ValueError, TypeError, OverflowError):
        return f"{name} {written(value)}"
    if p.kind == "bool":
        return f"{name} {'on' if value else 'off'}"
    if p.kind == "shape":
        return f"{name} {format_shape(value)}"
    if p.kind == "float":
        return f"{name} {value:g}" if isinstance(value, (int, float)) else f"{name} {value}"
    return f"{name} {value}"


def written(value) -> str:
    """``value`` as the file writes it, kept short: "four" in quotes, null, true, [4, 4],
    inf; a list, dict or string cut after a few items or characters."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        digits = len(str(abs(value))) if value.bit_length() < 14_000 else None
        if digits is None or digits > MAX_DIGITS:
            return f"a {digits}-digit number" if digits else "a number of over 4,000 digits"
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return '"' + (value if len(value) <= MAX_CHARS else value[:MAX_CHARS] + "…") + '"'
    if isinstance(value, (list, tuple)):
        items = [written(v) for v in value[:MAX_ITEMS]]
        return "[" + ", ".join(items + ["…"] * (len(value) > MAX_ITEMS)) + "]"
    if isinstance(value, dict):
        items = [f"{written(str(k))}: {written(v)}" for k, v in list(value.items())[:MAX_ITEMS]]
        return "{" + ", ".join(items + ["…"] * (len(value) > MAX_ITEMS)) + "}"
    return type(value).__name__


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
    if short:
        return number
    return (translate("Canvas", "1 param") if n == 1 else
            translate("Canvas", "{number} params").format(number=number))
